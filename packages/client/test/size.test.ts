import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * Issue 3 targets ≤ 5 kB min+gzip including openapi-fetch (≈ 2.6 kB of it alone). The full feature set
 * measures ≈ 6.8 kB with the generated facade and client.request() (issue 9) and the credentials resolver and
 * redactor the CLI shares (issue 10), so this guard is set just above it: it stops growth, it does not claim
 * the target. Issue 11 brings it to 5 kB.
 */
const BUDGET = 6800;

export async function bundledSize(): Promise<{ min: number; gzip: number }> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('../src/index.ts', import.meta.url))],
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

describe('size budget', () => {
  it(`bundles (openapi-fetch included) to ≤ ${BUDGET} bytes min+gzip`, async () => {
    const { gzip } = await bundledSize();
    expect(gzip).toBeLessThanOrEqual(BUDGET);
  });
});
