import { bundle, createConfig } from '@redocly/openapi-core';
import { dereferenceDocument } from '../../packages/types/src/walker/index.js';

export type JsonObject = Record<string, unknown>;

/**
 * Bundles the spec into one document. Without `dereference`, components stay named (what openapi-typescript
 * wants); with it, every `$ref` is inlined by `dereferenceDocument` of `@twilio-proxy/types/walker`, which marks
 * each component schema with its name (what the validators, the mock and the walker's schema names want).
 */
export async function bundleSpec(specFile: string, dereference = false): Promise<JsonObject> {
  const config = await createConfig({ telemetry: 'off' } as never);
  const result = await bundle({ ref: specFile, config });
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    const lines = errors.map((p) => `  ${p.location[0]?.pointer ?? ''}: ${p.message}`);
    throw new Error(`cannot bundle ${specFile}:\n${lines.join('\n')}`);
  }
  const bundled = result.bundle.parsed as JsonObject;
  return dereference ? dereferenceDocument(bundled) : bundled;
}
