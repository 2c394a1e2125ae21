import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import type { JsonObject } from './bundle-spec.js';

/** TypeScript types of the whole spec: `paths`, `components`, `operations`. */
export async function renderTypes(bundled: JsonObject): Promise<string> {
  // Clone: openapiTS annotates the object it is given.
  const ast = await openapiTS(structuredClone(bundled) as unknown as OpenAPI3, {
    // Tolerant reader: unknown response fields are not a type error for consumers reading extra keys.
    additionalProperties: false,
    defaultNonNullable: true,
    alphabetize: false,
  });
  return astToString(ast);
}
