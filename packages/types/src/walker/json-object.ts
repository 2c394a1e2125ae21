/**
 * An open object of the spec or shaped by it: a JSON Schema, an OpenAPI node (path item, parameter,
 * response), or an item made from a schema. The spec decides its keys, so code reads them loosely
 * (tolerant reader) instead of declaring every shape OpenAPI allows.
 */
// biome-ignore lint/suspicious/noExplicitAny: the one alias for open spec objects, read key by key; every other `any` uses it
export type JsonObject = Record<string, any>;
