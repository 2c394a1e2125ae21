// pnpm bench (client size): the client's min+gzip size as a base plus a per-operation allowance, both measured on
// the real spec. The generated files that grow with the spec (the types package's operations table and the
// client's facade) are rendered by the real renderers for the first k operations of the walked spec, k = 1 … all,
// and swapped into the same esbuild bundle as test/size.test.ts: size(1) − one operation's share is the base,
// (size(all) − size(1)) ÷ (all − 1) the bytes per operation. Writes the client-size section of BENCHMARKS.md.
import type { Plugin } from 'esbuild';
import { writeBenchmarkSection } from '../../../scripts/lib/benchmarks-md.js';
import { bundleSpec } from '../../../scripts/lib/bundle-spec.js';
import { defaultSpec } from '../../../scripts/lib/paths.js';
import { renderClient } from '../../../scripts/lib/render-client.js';
import { renderOperations } from '../../../scripts/lib/render-operations.js';
import { defaultBaseUrlOf, dereferenceDocument, type WalkedOperation, walkOperations } from '../../types/src/walker/index.js';
import { bundledSize, openapiFetchSize, SIZE_BUDGET } from '../test/helpers/bundle-size.js';

const document = dereferenceDocument((await bundleSpec(defaultSpec)) as never);
const operations = walkOperations(document);
const all = operations.length;

/** The two generated files that grow with the spec, rendered for `ops` only (the rest of the bundle is as built). */
const specOf = (ops: readonly WalkedOperation[]): Plugin => ({
  name: 'spec-of',
  setup(b) {
    b.onLoad({ filter: /types\/src\/generated\/operations\.gen\.ts$/ }, () => ({
      contents: renderOperations(ops, defaultBaseUrlOf(document)),
      loader: 'ts',
    }));
    b.onLoad({ filter: /client\/src\/generated\/resources\.gen\.ts$/ }, () => ({
      contents: renderClient(document, ops),
      loader: 'ts',
    }));
  },
});

const bySize: { k: number; min: number; gzip: number }[] = [];
for (let k = 1; k <= all; k++) {
  const s = await bundledSize([specOf(operations.slice(0, k))]);
  bySize.push({ k, min: s.min, gzip: s.gzip });
}
const real = await bundledSize(); // the generated files as committed: must equal the k = all bundle
const fetchOnly = await openapiFetchSize();
const one = bySize[0]!;
const full = bySize.at(-1)!;
if (full.gzip !== real.gzip) throw new Error(`rendered ${all}-operation bundle is ${full.gzip} B, committed files give ${real.gzip} B`);
const perOp = (full.gzip - one.gzip) / (all - 1);
const base = one.gzip - perOp;
const steps = bySize.slice(1).map((s, i) => s.gzip - bySize[i]!.gzip);
const { base: BASE, perOperation: PER_OP } = SIZE_BUDGET;
const budget = BASE + PER_OP * all;

const kB = (n: number) => `${(n / 1000).toFixed(2)} kB`;
const verdict = (ok: boolean) => (ok ? 'met' : '**not met**');
const pick = [...new Set([1, 2, Math.ceil(all / 4), Math.ceil(all / 2), Math.ceil((3 * all) / 4), all])];
const out = [
  `The whole client bundled by esbuild (minified ESM, openapi-fetch and the types package's operations table inside),`,
  `with its two spec-grown generated files rendered for the first k of the spec's ${all} operations (walker order).`,
  `openapi-fetch alone is ${fetchOnly.gzip.toLocaleString('en')} B min+gzip.`,
  '',
  '| operations | minified | min+gzip |',
  '| ---: | ---: | ---: |',
  ...pick.map((k) => bySize[k - 1]!).map((s) => `| ${s.k} | ${s.min.toLocaleString('en')} B | ${s.gzip.toLocaleString('en')} B |`),
  '',
  `Bytes per operation (min+gzip): ${perOp.toFixed(0)} on average from 1 to ${all}; one operation added at a time costs`,
  `${Math.min(...steps)}–${Math.max(...steps)} B (gzip shares strings across them, so the first of a new resource or a write costs most).`,
  `The base, the client with no operation (size(1) less one operation's average share), is ${base.toFixed(0)} B.`,
  '',
  `Budget: base ≤ ${kB(BASE)} + ≤ ${PER_OP} B per operation. The base is the client's own code and openapi-fetch,`,
  'with every feature it has, and about 2% of headroom; the allowance is about twice the measured average, so a',
  'spec that adds operations with more parameters and body rules than the published ones still fits.',
  '',
  '| measure | measured | target | |',
  '| --- | ---: | ---: | :---: |',
  `| size base, min+gzip | ${kB(base)} | ≤ ${kB(BASE)} | ${verdict(base <= BASE)} |`,
  `| size per operation, min+gzip | ${perOp.toFixed(0)} B | ≤ ${PER_OP} B | ${verdict(perOp <= PER_OP)} |`,
  `| size, min+gzip, ${all} operations | ${kB(real.gzip)} | ≤ ${kB(budget)} (${kB(BASE)} + ${all} × ${PER_OP} B) | ${verdict(real.gzip <= budget)} |`,
  '',
  `Minified bytes by file (${all} operations):`,
  '',
  '| file | minified bytes |',
  '| --- | ---: |',
  ...Object.entries(real.inputs)
    .sort((a, b) => b[1] - a[1])
    .map(([file, bytes]) => `| ${file} | ${bytes.toLocaleString('en')} |`),
].join('\n');
console.log(out);
await writeBenchmarkSection('client-size', '`@twilio-proxy/client`: size budget (base + per operation)', out);
console.log('\nwrote the client-size section of BENCHMARKS.md');
