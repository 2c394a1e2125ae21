import { describe, expect, test } from 'vitest';
import { renderTypes } from '../../lib/render-types.js';
import { rows } from '../helpers/rows.js';

// openapi-typescript is the slow renderer (it loads the TypeScript compiler): one row, the create with a form body.
describe('renderTypes: openapi-typescript over an inline spec', () => {
  test('a create with a form body: the form, the 201 body, the enum component, nullable dates', async () => {
    expect(await renderTypes(rows.create)).toMatchInlineSnapshot(`
      "export interface paths {
          "/v1/Things": {
              parameters: {
                  query?: never;
                  header?: never;
                  path?: never;
                  cookie?: never;
              };
              get?: never;
              put?: never;
              /** Create a Thing */
              post: operations["CreateThing"];
              delete?: never;
              options?: never;
              head?: never;
              patch?: never;
              trace?: never;
          };
      }
      export type webhooks = Record<string, never>;
      export interface components {
          schemas: {
              Thing: {
                  sid?: string;
                  /** Format: date-time */
                  date_created?: string | null;
                  status?: components["schemas"]["ThingStatus"];
                  tags?: string[];
              };
              /**
               * @description Where a Thing is.
               * @enum {string}
               */
              ThingStatus: "open" | "closed";
          };
          responses: never;
          parameters: never;
          requestBodies: never;
          headers: never;
          pathItems: never;
      }
      export type $defs = Record<string, never>;
      export interface operations {
          CreateThing: {
              parameters: {
                  query?: never;
                  header?: never;
                  path?: never;
                  cookie?: never;
              };
              requestBody?: {
                  content: {
                      "application/x-www-form-urlencoded": {
                          FriendlyName: string;
                          Tags?: string[];
                          /** Format: date-time */
                          DateExpiry?: string;
                          Status?: components["schemas"]["ThingStatus"];
                          Ttl?: number;
                      };
                  };
              };
              responses: {
                  /** @description 201 */
                  201: {
                      headers: {
                          [name: string]: unknown;
                      };
                      content: {
                          "application/json": components["schemas"]["Thing"];
                      };
                  };
              };
          };
      }
      "
    `);
  });
});
