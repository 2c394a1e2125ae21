import type { JsonObject } from '../../src/walker/index.js';

/**
 * Compact inline OpenAPI 3.1 documents for table tests: `spec({ paths, schemas })` fills the boilerplate (info,
 * servers, components); the builders below keep a row to a line or two.
 */
export function spec(parts: { paths: JsonObject; schemas?: JsonObject; parameters?: JsonObject }): JsonObject {
  return {
    openapi: '3.1.0',
    info: { title: 'Inline', version: '1.0.0' },
    servers: [{ url: 'https://api.example.com' }],
    paths: parts.paths,
    components: { schemas: parts.schemas ?? {}, ...(parts.parameters ? { parameters: parts.parameters } : {}) },
  };
}

/** `$ref` to a component schema. */
export const ref = (name: string): JsonObject => ({ $ref: `#/components/schemas/${name}` });

/** A response with a JSON body (no body when `schema` is omitted, e.g. a 204). */
export const responses = (status: string, schema?: JsonObject): JsonObject => ({
  [status]: { description: status, ...(schema ? { content: { 'application/json': { schema } } } : {}) },
});

/** A Twilio list page: `{ [key]: item[], meta: { next_page_url, key, … } }` (what the walker detects as a list). */
export const listPage = (key: string, item: JsonObject): JsonObject => ({
  type: 'object',
  properties: {
    [key]: { type: 'array', items: item },
    meta: {
      type: 'object',
      properties: { page: { type: 'integer' }, next_page_url: { type: ['string', 'null'], format: 'uri' }, key: { type: 'string' } },
    },
  },
});

/** A form request body (Twilio's writes) over `properties`, `required` naming the required ones. */
export const formBody = (properties: JsonObject, required: string[] = []): JsonObject => ({
  content: { 'application/x-www-form-urlencoded': { schema: { type: 'object', properties, ...(required.length ? { required } : {}) } } },
});

/** A SID path parameter with its shape (`^XX[0-9a-fA-F]{32}$`), as the real spec states every one. */
export const sidParam = (name: string, prefix: string): JsonObject => ({
  name,
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: `^${prefix}[0-9a-fA-F]{32}$`, minLength: 34, maxLength: 34 },
});

/** An operation: its id, a summary, its responses, and anything else (parameters, requestBody, `x-*`). */
export const operation = (operationId: string, summary: string, answers: JsonObject, extra: JsonObject = {}): JsonObject => ({
  operationId,
  summary,
  responses: answers,
  ...extra,
});

/** A small item schema with a SID and a date: the shape most rows list, fetch and create. */
export const item = (prefix: string, extra: JsonObject = {}): JsonObject => ({
  type: 'object',
  properties: {
    sid: { type: 'string', pattern: `^${prefix}[0-9a-fA-F]{32}$`, minLength: 34, maxLength: 34 },
    date_created: { type: ['string', 'null'], format: 'date-time' },
    ...extra,
  },
});
