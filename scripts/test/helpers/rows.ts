import type { JsonObject } from '../../../packages/types/src/walker/index.js';
import { formBody, item, listPage, operation, ref, responses, sidParam, spec } from './inline.js';

/**
 * The given side of the generator tables: one small inline spec per row. Each renderer's table renders the
 * same rows, so a row is read once and its output checked per layer. No row says anything about the real spec.
 */

const thing = item('TH', { status: ref('ThingStatus'), tags: { type: 'array', items: { type: 'string' } } });
const schemas = { Thing: thing, ThingStatus: { type: 'string', enum: ['open', 'closed'], description: 'Where a Thing is.' } };
const itemPath = (ops: JsonObject): JsonObject => ({ parameters: [sidParam('Sid', 'TH')], ...ops });

export const rows = {
  /** A list: GET of a Twilio page of Things. */
  list: spec({
    schemas,
    paths: { '/v1/Things': { get: operation('ListThing', 'List the Things', responses('200', listPage('things', ref('Thing')))) } },
  }),
  /** A fetch by SID. */
  fetch: spec({
    schemas,
    paths: { '/v1/Things/{Sid}': itemPath({ get: operation('FetchThing', 'Fetch a Thing', responses('200', ref('Thing'))) }) },
  }),
  /** A create with a form body (an array, a date, an enum, a required field), answering 201. */
  create: spec({
    schemas,
    paths: {
      '/v1/Things': {
        post: operation('CreateThing', 'Create a Thing', responses('201', ref('Thing')), {
          requestBody: formBody(
            {
              FriendlyName: { type: 'string', maxLength: 64 },
              Tags: { type: 'array', items: { type: 'string' } },
              DateExpiry: { type: 'string', format: 'date-time' },
              Status: ref('ThingStatus'),
              Ttl: { type: 'integer', minimum: 0 },
            },
            ['FriendlyName'],
          ),
        }),
      },
    },
  }),
  /** A remove answering 204, no body. */
  remove: spec({
    schemas,
    paths: { '/v1/Things/{Sid}': itemPath({ delete: operation('DeleteThing', 'Delete a Thing', responses('204')) }) },
  }),
  /** An update whose only success is the `2XX` range. */
  range: spec({
    schemas,
    paths: {
      '/v1/Things/{Sid}': itemPath({
        post: operation('UpdateThing', 'Update a Thing', responses('2XX', ref('Thing')), {
          requestBody: formBody({ Status: ref('ThingStatus') }),
        }),
      }),
    },
  }),
} satisfies Record<string, JsonObject>;

// Name stability: a nested Interactions collection, then a second Interactions collection under another parent.
const interaction = { Interaction: item('KI') };
const nestedInteractions = {
  '/v1/Services/{ServiceSid}/Sessions/{SessionSid}/Interactions': {
    parameters: [sidParam('ServiceSid', 'KS'), sidParam('SessionSid', 'KC')],
    get: operation('ListInteraction', 'List the Interactions of a Session', responses('200', listPage('interactions', ref('Interaction')))),
  },
};
const serviceInteractions = (hint: JsonObject) => ({
  '/v1/Services/{ServiceSid}/Interactions': {
    ...hint,
    parameters: [sidParam('ServiceSid', 'KS')],
    get: operation(
      'ListServiceInteraction',
      'List the Interactions of a Service',
      responses('200', listPage('interactions', ref('Interaction'))),
    ),
  },
});

export const growth = {
  /** `…/Sessions/{SessionSid}/Interactions`: `client.interactions`. */
  interactions: spec({ schemas: interaction, paths: nestedInteractions }),
  /** Plus `…/Services/{ServiceSid}/Interactions` with no naming hint: a clash the walker refuses. */
  clashing: spec({ schemas: interaction, paths: { ...nestedInteractions, ...serviceInteractions({}) } }),
  /** The same addition, named by the spec: `x-twilio-proxy: { resource: 'serviceInteractions' }`. */
  settled: spec({
    schemas: interaction,
    paths: { ...nestedInteractions, ...serviceInteractions({ 'x-twilio-proxy': { resource: 'serviceInteractions' } }) },
  }),
  /** Orders under a shop nothing lists yet (`{ShopSid}` is a root parent). */
  orders: spec({
    schemas: { Order: item('OR') },
    paths: {
      '/v1/Shops/{ShopSid}/Orders': {
        parameters: [sidParam('ShopSid', 'SH')],
        get: operation('ListOrder', 'List the Orders of a Shop', responses('200', listPage('orders', ref('Order')))),
      },
    },
  }),
  /** The same spec grown a new root collection: the Shops above `{ShopSid}`. */
  shops: spec({
    schemas: { Order: item('OR'), Shop: item('SH') },
    paths: {
      '/v1/Shops': { get: operation('ListShop', 'List the Shops', responses('200', listPage('shops', ref('Shop')))) },
      '/v1/Shops/{ShopSid}/Orders': {
        parameters: [sidParam('ShopSid', 'SH')],
        get: operation('ListOrder', 'List the Orders of a Shop', responses('200', listPage('orders', ref('Order')))),
      },
    },
  }),
} satisfies Record<string, JsonObject>;
