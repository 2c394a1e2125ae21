import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** The whole client as one minified ESM bundle (openapi-fetch, the spec table and the generated facade inside). */
export async function bundledSize(): Promise<{ min: number; gzip: number }> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('../../src/index.ts', import.meta.url))],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    // The types package's runtime table (operationsMeta) is bundled from source; everything is inside.
    conditions: ['@twilio-proxy/source'],
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
}
