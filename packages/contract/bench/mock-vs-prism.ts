/**
 * Requests/second of the mock vs Prism 5 serving the same spec, at concurrency 1 and 16, 50-session pages.
 * Both run on loopback in this process's run; Prism is started from its npm package and stopped by PID.
 * Run: pnpm --filter @twilio-proxy/contract bench   (or `pnpm bench` at the root)
 */
import { Agent } from 'node:http';
import { writeBenchmarkSection } from '../../../scripts/lib/benchmarks-md.js';
import { validateResponse } from '../src/index.js';
import { startPrism } from '../test/helpers/prism.js';
import { busiestList, DURATION_MS, get, measure, median, RUNS, startMockProcess } from './load.js';

const CONCURRENCY = [1, 16];
const TARGET_RATIO = 5;

type Target = { name: string; urls: string[]; auth: string };

/**
 * Rounds interleave the two targets (order alternating) so that load from elsewhere on the machine hits both
 * alike; the ratio is reported per round and as the median of those.
 */
async function bench(targets: [Target, Target]) {
  for (const t of targets) await measure(t.urls, t.auth, 4); // warm-up: JIT, sockets
  const out: Record<number, { a: number[]; b: number[]; ratios: number[] }> = {};
  for (const c of CONCURRENCY) {
    const a: number[] = [];
    const b: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      if (r % 2 === 0) {
        a.push(await measure(targets[0].urls, targets[0].auth, c));
        b.push(await measure(targets[1].urls, targets[1].auth, c));
      } else {
        b.push(await measure(targets[1].urls, targets[1].auth, c));
        a.push(await measure(targets[0].urls, targets[0].auth, c));
      }
    }
    out[c] = { a, b, ratios: a.map((x, i) => x / b[i]!) };
    console.error(
      `c=${c}: ${targets[0].name} ${a.map((x) => x.toFixed(0)).join(', ')} | ${targets[1].name} ${b.map((x) => x.toFixed(0)).join(', ')} req/s`,
    );
  }
  return out;
}

const { collection, paths } = await busiestList();
const { operationId } = collection.list!;
const { itemsKey } = collection.list!.list!;
const mock = await startMockProcess();
const prism = await startPrism();
try {
  const mockAuth = `Basic ${Buffer.from(`${mock.accountSid}:${mock.authToken}`).toString('base64')}`;
  // Walk all 20 pages of 50 so the mock serves different, real pages.
  const mockUrls = paths.map((p) => mock.url + p);
  const prismAuth = `Basic ${Buffer.from(`AC${'a'.repeat(32)}:token`).toString('base64')}`;
  // Prism checks the path's SID patterns only, and answers every page with its static example.
  const prismUrls = [prism.url + paths[0]!];

  // What each serves, checked once against the spec (headers included).
  const agent = new Agent({ keepAlive: true });
  const sample = await get(agent, mockUrls[3]!, mockAuth);
  const mockCheck = validateResponse(operationId, sample.status, JSON.parse(sample.body), sample.headers);
  const prismSample = await get(agent, prismUrls[0]!, prismAuth);
  const prismCheck = validateResponse(operationId, prismSample.status, JSON.parse(prismSample.body), prismSample.headers);
  agent.destroy();
  console.error(
    `mock page: ${JSON.parse(sample.body)[itemsKey].length} ${itemsKey}, spec-valid: ${mockCheck.valid}; ` +
      `prism page: ${JSON.parse(prismSample.body)[itemsKey].length} ${itemsKey}, spec-valid: ${prismCheck.valid}` +
      (prismCheck.valid ? '' : ` (${prismCheck.errors.map((e) => `${e.in} ${e.path}`).join(', ')})`),
  );
  if (!mockCheck.valid) throw new Error('the mock served a page that breaks the spec');

  const res = await bench([
    { name: 'mock', urls: mockUrls, auth: mockAuth },
    { name: 'prism', urls: prismUrls, auth: prismAuth },
  ]);

  const lines = [
    `Node ${process.version}, ${DURATION_MS} ms per run, ${RUNS} interleaved runs (median), keep-alive, loopback.`,
    '',
    `| Concurrency | Mock req/s (50 ${itemsKey}, spec-valid) | Prism 5 req/s (static example) | Ratio of medians | Median of per-run ratios | Target ≥ 5× |`,
    '| ---: | ---: | ---: | ---: | ---: | :---: |',
    ...CONCURRENCY.map((c) => {
      const r = res[c]!;
      const ratio = median(r.a) / median(r.b);
      const perRun = median(r.ratios);
      return `| ${c} | ${median(r.a).toFixed(0)} | ${median(r.b).toFixed(0)} | ${ratio.toFixed(1)}× | ${perRun.toFixed(1)}× | ${perRun >= TARGET_RATIO ? 'met' : 'missed'} |`;
    }),
  ];
  console.log(lines.join('\n'));
  await writeBenchmarkSection('contract-mock', 'Contract mock vs Prism 5 (requests per second)', lines.join('\n'));
} finally {
  await mock.close();
  await prism.stop();
}
