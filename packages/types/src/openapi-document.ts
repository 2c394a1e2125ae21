import { readFileSync } from 'node:fs';
import { dereferenceDocument } from './walker/deref.js';
import type { JsonObject } from './walker/json-object.js';
import { type WalkedDocument, walkDocument } from './walker/walk-document.js';

/** The loose shape of an OpenAPI document, enough for tools that walk it. */
export interface OpenApiDocument {
  openapi: string;
  info: Record<string, unknown>;
  paths: Record<string, JsonObject>;
  components?: Record<string, JsonObject>;
  [key: string]: unknown;
}

let loaded: OpenApiDocument | undefined;

/**
 * The spec, dereferenced (no `$ref` left; each component schema marked with its name), read and built on the
 * first call, then the same object. The package ships the bundled spec, `$ref`s kept (`./openapi.json`), a fifth
 * of the dereferenced bytes; inlining it in memory costs about what parsing the dereferenced file would.
 * Read from the JSON file rather than imported: JSON modules still warn on Node 20.
 */
export function loadOpenapiDocument(): OpenApiDocument {
  loaded ??= dereferenceDocument(
    JSON.parse(readFileSync(new URL('./generated/openapi.gen.json', import.meta.url), 'utf8')),
  ) as OpenApiDocument;
  return loaded;
}

let walked: WalkedDocument | undefined;

/**
 * The bundled spec walked once per process, on the first call (a few ms): the one run-time view the contract,
 * the mock and the CLI read, as the client reads the generated `operationsMeta` of the same walker.
 */
export function walkedSpec(): WalkedDocument {
  walked ??= walkDocument(loadOpenapiDocument());
  return walked;
}

/**
 * The bundled, dereferenced spec (no `$ref` left), for validators and mocks: {@link loadOpenapiDocument}'s
 * document, built on first access to any of its members, so importing this module reads no file.
 * A plain object where one is needed (`structuredClone`, worker messages): call {@link loadOpenapiDocument}.
 */
export const openapiDocument: OpenApiDocument = lazyObject(loadOpenapiDocument);

/** An object that is `load()`'s on first touch: the target takes on its members, so every proxy invariant holds. */
function lazyObject<T extends object>(load: () => T): T {
  const target = {} as T;
  let ready = false;
  const real = (): T => {
    if (!ready) {
      Object.defineProperties(target, Object.getOwnPropertyDescriptors(load()));
      ready = true;
    }
    return target;
  };
  return new Proxy(target, {
    get: (_, key) => Reflect.get(real(), key),
    has: (_, key) => Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_, key) => Reflect.getOwnPropertyDescriptor(real(), key),
    set: (_, key, value) => Reflect.set(real(), key, value),
    defineProperty: (_, key, descriptor) => Reflect.defineProperty(real(), key, descriptor),
    deleteProperty: (_, key) => Reflect.deleteProperty(real(), key),
  });
}
