// The inline spec of the spec:diff tests (spec-changes, spec-diff) and accessors to the parts their edits change.
export type Obj = Record<string, any>;

/** A small spec with one list operation: enough surface for every kind of change. */
export function baseSpec(): Obj {
  return {
    openapi: '3.1.0',
    info: { title: 'mini', version: '1.0.0' },
    paths: {
      '/v1/Things': {
        get: {
          operationId: 'ListThing',
          parameters: [
            { name: 'PageSize', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000 } },
            { name: 'Status', in: 'query', schema: { type: 'string', enum: ['open', 'closed'] } },
            { name: 'Name', in: 'query', schema: { type: 'string', maxLength: 100, pattern: '^[a-z]+$' } },
          ],
          responses: {
            '200': {
              description: 'ok',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['things'],
                    properties: {
                      things: {
                        type: 'array',
                        items: {
                          type: 'object',
                          required: ['sid', 'mode', 'ttl'],
                          properties: {
                            sid: { type: 'string', maxLength: 34 },
                            mode: { type: 'string', enum: ['a', 'b'] },
                            ttl: { type: 'integer' },
                            note: { type: ['string', 'null'] },
                          },
                        },
                      },
                    },
                  },
                },
              },
            },
            '404': { description: 'not found' },
          },
        },
      },
    },
  };
}

/** The one operation, one of its query parameters, and the listed item's schema. */
export const op = (s: Obj) => s.paths['/v1/Things'].get;
export const param = (s: Obj, name: string) => op(s).parameters.find((p: Obj) => p.name === name);
export const item = (s: Obj) => op(s).responses['200'].content['application/json'].schema.properties.things.items;
