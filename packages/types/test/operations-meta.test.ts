import { describe, expect, test } from 'vitest';
import { operationsMeta } from '../src/index.js';
import { openapiDocument } from '../src/openapi-document.js';

// The runtime table must carry the seed's constraints, since the client checks inputs with it.
describe('operationsMeta.ListSession', () => {
  const op = operationsMeta.ListSession;
  const param = (name: string) => op.parameters.find((p) => p.name === name);

  test('method, path and list shape', () => {
    expect(op.method).toBe('GET');
    expect(op.path).toBe('/v1/Services/{ServiceSid}/Sessions');
    expect(op.list).toEqual({ itemsKey: 'sessions', paging: { pageSize: 'PageSize', page: 'Page', pageToken: 'PageToken' } });
  });

  test.each([
    [
      'ServiceSid',
      {
        in: 'path',
        option: 'serviceSid',
        role: 'path',
        required: true,
        schema: { type: 'string', minLength: 34, maxLength: 34, pattern: '^KS[0-9a-fA-F]{32}$' },
      },
    ],
    [
      'PageSize',
      {
        in: 'query',
        option: 'pageSize',
        role: 'pageSize',
        required: false,
        schema: { type: 'integer', format: 'int64', minimum: 1, maximum: 1000, default: 50 },
      },
    ],
    ['Page', { in: 'query', option: 'page', role: 'page', required: false, schema: { type: 'integer', minimum: 0 } }],
    ['PageToken', { in: 'query', option: 'pageToken', role: 'pageToken', required: false, schema: { type: 'string' } }],
  ])('%s keeps its documented constraints', (name, expected) => {
    expect(param(name)).toEqual({ name, ...expected });
  });
});

describe('openapiDocument', () => {
  test('is OpenAPI 3.1, fully dereferenced, marked as generated', () => {
    expect(openapiDocument.openapi).toBe('3.1.0');
    expect(JSON.stringify(openapiDocument)).not.toContain('"$ref"');
    expect(openapiDocument['x-generated']).toMatch(/do not edit/);
  });
  test('carries the seed example page', () => {
    const examples = openapiDocument.paths['/v1/Services/{ServiceSid}/Sessions']!.get.responses['200'].content['application/json'].examples;
    expect(examples.empty.value.meta.key).toBe('sessions');
    expect(examples.empty.value.sessions).toEqual([]);
  });
});
