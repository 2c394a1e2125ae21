import { readFileSync } from 'node:fs';
import type { JsonObject } from './spec/json-object.js';

/** The loose shape of an OpenAPI document, enough for tools that walk it. */
export interface OpenApiDocument {
  openapi: string;
  info: Record<string, unknown>;
  paths: Record<string, JsonObject>;
  components?: Record<string, JsonObject>;
  [key: string]: unknown;
}

/**
 * The bundled, dereferenced spec (no `$ref` left), for validators and mocks.
 * Read from the JSON file rather than imported: JSON modules still warn on Node 20.
 */
export const openapiDocument: OpenApiDocument = JSON.parse(readFileSync(new URL('./generated/openapi.gen.json', import.meta.url), 'utf8'));
