/**
 * The HTML docs' input: the spec bundled through Redocly (every `$ref`'d file folded in), with `x-codeSamples`
 * on every operation: a client call, a `twilio-proxy` command and a curl line (scripts/lib/code-samples.ts),
 * derived from the walker and the CLI's command table, never written in the spec. Writes
 * `openapi/dist/proxy-v1.samples.json` and, beside it, `redocly.docs.yaml` (the sample tabs); the openapi package's
 * `docs` script builds the HTML from both.
 *
 * `--spec` (default openapi/proxy-v1.yaml), `--out` (default openapi/dist/proxy-v1.samples.json).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { bundleSpec } from './lib/bundle-spec.js';
import { docsConfig, withCodeSamples } from './lib/code-samples.js';
import { defaultSpec, repoRoot } from './lib/paths.js';

/** Where the bundled spec with samples lands, relative to the repository root (the docs test reads it too). */
export const SAMPLES_BUNDLE = 'openapi/dist/proxy-v1.samples.json';
/** The Redocly config build-docs reads beside it: the sample tabs, so Redoc shows every one (see `docsConfig`). */
export const DOCS_CONFIG = 'redocly.docs.yaml';

export async function writeDocsBundle(specFile: string, outFile: string): Promise<number> {
  const document = withCodeSamples(await bundleSpec(specFile));
  await mkdir(path.dirname(outFile), { recursive: true });
  await writeFile(outFile, `${JSON.stringify(document, null, 2)}\n`);
  // JSON is YAML: Redocly reads it as its config.
  await writeFile(path.join(path.dirname(outFile), DOCS_CONFIG), `${JSON.stringify(docsConfig(), null, 2)}\n`);
  return Object.values<Record<string, { 'x-codeSamples'?: unknown }>>(document.paths ?? {}).flatMap((item) =>
    Object.values(item).filter((op) => op && typeof op === 'object' && 'x-codeSamples' in op),
  ).length;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { spec: { type: 'string' }, out: { type: 'string' } } });
  const spec = path.resolve(values.spec ?? defaultSpec);
  const out = path.resolve(values.out ?? path.join(repoRoot, SAMPLES_BUNDLE));
  const count = await writeDocsBundle(spec, out);
  console.log(`docs-bundle: ${count} operation(s) with code samples → ${path.relative(process.cwd(), out)}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await main();
