import { bundle, createConfig } from '@redocly/openapi-core';

export type JsonObject = Record<string, unknown>;

/**
 * Bundles the spec into one document. With `dereference`, every `$ref` is inlined,
 * which is what runtime consumers (validators, mock) want; without it, components
 * stay named, which is what openapi-typescript wants.
 */
export async function bundleSpec(specFile: string, dereference: boolean): Promise<JsonObject> {
  const config = await createConfig({ telemetry: 'off' } as never);
  const result = await bundle({ ref: specFile, config, dereference });
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    const lines = errors.map((p) => `  ${p.location[0]?.pointer ?? ''}: ${p.message}`);
    throw new Error(`cannot bundle ${specFile}:\n${lines.join('\n')}`);
  }
  return result.bundle.parsed as JsonObject;
}
