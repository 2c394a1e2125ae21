import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';

export interface BundleSize {
  min: number;
  gzip: number;
  /** Minified bytes of each input in the bundle, by file (relative to the repo's packages/ or node_modules). */
  inputs: Record<string, number>;
}

/** One entry bundled as the size test measures it: minified ESM, every import inside. */
async function bundle(options: { entry: string } | { stdin: string }, plugins: Plugin[] = []): Promise<BundleSize> {
  const result = await build({
    plugins,
    ...('entry' in options
      ? { entryPoints: [options.entry] }
      : { stdin: { contents: options.stdin, resolveDir: fileURLToPath(new URL('.', import.meta.url)) } }),
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    // The types package's runtime table (operationsMeta) is bundled from source; everything is inside.
    conditions: ['@twilio-proxy/source'],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  const inputs: Record<string, number> = {};
  for (const out of Object.values(result.metafile.outputs)) {
    for (const [file, { bytesInOutput }] of Object.entries(out.inputs)) {
      if (bytesInOutput) inputs[file.replace(/^.*node_modules\/(?!\.pnpm)|^(\.\.\/)+/, '')] = bytesInOutput;
    }
  }
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length, inputs };
}

/** The whole client as one minified ESM bundle (openapi-fetch, the spec table and the generated facade inside). */
export const bundledSize = (plugins: Plugin[] = []): Promise<BundleSize> =>
  bundle({ entry: fileURLToPath(new URL('../../src/index.ts', import.meta.url)) }, plugins);

/** openapi-fetch's createClient alone, bundled the same way: the part of the budget this package does not write. */
export const openapiFetchSize = (): Promise<BundleSize> => bundle({ stdin: "export { default } from 'openapi-fetch';" });

/**
 * The min+gzip budget: a base (the client's own code and openapi-fetch, no operation) plus an allowance per
 * operation of the spec, so an additive spec change has room. `pnpm bench` (bench/size.ts) measures both parts on
 * the real spec, rendering the generated files for 1 operation and for all: on 25 operations the base is ≈ 8.33 kB
 * and an operation ≈ 56 B on average, so the base has ≈ 2% headroom and the allowance about twice the average.
 * test/size.test.ts holds the total.
 */
export const SIZE_BUDGET = { base: 8500, perOperation: 100 } as const;
