/**
 * The mock's cost over the floor: list throughput of the mock ÷ a bare node:http server sending the same
 * pre-serialized bytes (same headers), each in its own process (the mock as its built bin), at concurrency 1 and
 * 16 (goal ≥ 0.8×); and a create's latency ÷ a list page's (in process, sequential), when the spec has a create.
 * Run: pnpm --filter @twilio-proxy/contract bench   (or `pnpm bench` at the root)
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeBenchmarkSection } from '../../../scripts/lib/benchmarks-md.js';
import { startMockProxy } from '../src/index.js';
import { sampleForm } from '../src/internal/sample-form.js';
import { type Collection, specCollections } from '../src/internal/walked-spec.js';
import { busiestList, get, measure, median, startMockProcess } from './load.js';

const CONCURRENCY = [1, 16];
const GOAL = 0.8;
const LATENCY_N = Number(process.env.BENCH_LATENCY_N ?? 400);
// Many short rounds, alternating: both servers share the machine with the load generator, so a round's ratio
// drifts with whatever else runs; more rounds make the median steadier than longer ones would.
const RUNS = Number(process.env.BENCH_RUNS ?? 11);
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 1000);

/** A bare node:http server in its own process: a lookup of the recorded bytes by path, nothing else. */
const BARE = `
const { createServer } = require('node:http');
const pages = new Map(Object.entries(require(process.argv[1])).map(([k, v]) => [k, { headers: v.headers, body: Buffer.from(v.body) }]));
const server = createServer({ keepAliveTimeout: 5000 }, (req, res) => {
  const page = pages.get(req.url);
  if (!page) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, page.headers);
  res.end(page.body);
});
server.listen(0, '127.0.0.1', () => console.log('listening ' + server.address().port));
process.on('SIGTERM', () => process.exit(0));
`;

async function startBare(file: string) {
  const child = spawn(process.execPath, ['-e', BARE, file], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d) => {
      const m = /listening (\d+)/.exec(String(d));
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`bare server exited ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      const exited = new Promise((r) => child.once('exit', r));
      process.kill(child.pid!, 'SIGTERM');
      await exited;
    },
  };
}

/** The status of a response whose body is read and dropped; an error answer's body is thrown, to say why. */
const drain =
  (expected: number) =>
  async (r: Response): Promise<number> => {
    const body = await r.text();
    if (r.status !== expected) throw new Error(`unexpected ${r.status} during the latency run: ${body}`);
    return r.status;
  };

/**
 * Mean latencies (ms) of `n` creates and `n` list pages, alternating: every list page follows a create, so none is
 * served from the page cache (each write clears it) and both measure the mock's real work.
 */
async function alternating(n: number, create: () => Promise<number>, list: () => Promise<number>) {
  let creates = 0;
  let lists = 0;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await create();
    const t1 = performance.now();
    await list();
    creates += t1 - t0;
    lists += performance.now() - t1;
  }
  return { create: creates / n, list: lists / n };
}

/**
 * Create latency ÷ list-page latency on an in-process mock: the loaded list's create, else the first collection
 * with a create under the default parents (on the real spec: its creates, e.g. a Session's beside its list).
 */
async function createVsList(busiest: Collection): Promise<string> {
  const hasCreate = (x: Collection) => x.list && x.operations.some((o) => o.action === 'create' && o.body);
  const c = hasCreate(busiest) ? busiest : specCollections().find(hasCreate);
  if (!c) return 'n/a: the spec has no create operation';
  const create = c.operations.find((o) => o.action === 'create')!;
  const mock = await startMockProxy({ count: 1000, selfCheck: false, recordRequests: false });
  const auth = `Basic ${Buffer.from(`${mock.accountSid}:${mock.authToken}`).toString('base64')}`;
  // A new form per create: fields a collection keeps unique (a SID to add, a unique name) differ each time.
  let n = 0;
  const created = Number(create.success.status);
  const post = () =>
    fetch(mock.urlFor(create.operationId), {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded' },
      body: sampleForm(create.body!.fields, n++).toString(),
    }).then(drain(created));
  const list = () =>
    fetch(mock.urlFor(c.list!.operationId, {}, { PageSize: 50, Page: 3 }), { headers: { authorization: auth } }).then(drain(200));
  try {
    await alternating(50, post, list); // warm-up
    const runs: Array<{ create: number; list: number }> = [];
    for (let r = 0; r < RUNS; r++) runs.push(await alternating(LATENCY_N, post, list));
    const ratio = median(runs.map((x) => x.create / x.list));
    const [c1, l1] = [median(runs.map((x) => x.create)), median(runs.map((x) => x.list))];
    return `${create.operationId}: ${c1.toFixed(3)} ms ÷ ${c.list!.operationId} (PageSize 50): ${l1.toFixed(3)} ms = ${ratio.toFixed(2)}× (median of per-run ratios)`;
  } finally {
    await mock.close();
  }
}

const { collection, paths } = await busiestList();
const mock = await startMockProcess();
const dir = await mkdtemp(path.join(tmpdir(), 'mock-bare-'));
const auth = `Basic ${Buffer.from(`${mock.accountSid}:${mock.authToken}`).toString('base64')}`;
let bare: Awaited<ReturnType<typeof startBare>> | undefined;
try {
  // Record what the mock sends for each page, bytes and headers, and serve exactly that from the bare server.
  const agent = new Agent({ keepAlive: true });
  const recorded: Record<string, { headers: Record<string, string>; body: string }> = {};
  for (const p of paths) {
    const r = await get(agent, mock.url + p, auth);
    const headers = Object.fromEntries(Object.entries(r.headers).filter(([k]) => !['date', 'connection', 'keep-alive'].includes(k)));
    recorded[p] = { headers: headers as Record<string, string>, body: r.body };
  }
  agent.destroy();
  const file = path.join(dir, 'pages.json');
  await writeFile(file, JSON.stringify(recorded));
  bare = await startBare(file);

  const mockUrls = paths.map((p) => mock.url + p);
  const bareUrls = paths.map((p) => bare!.url + p);
  await measure(mockUrls, auth, 4, DURATION_MS);
  await measure(bareUrls, auth, 4, DURATION_MS);
  const rows: string[] = [];
  for (const c of CONCURRENCY) {
    const m: number[] = [];
    const b: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      // Interleaved, order alternating, so load from elsewhere on the machine hits both alike.
      if (r % 2 === 0) {
        m.push(await measure(mockUrls, auth, c, DURATION_MS));
        b.push(await measure(bareUrls, auth, c, DURATION_MS));
      } else {
        b.push(await measure(bareUrls, auth, c, DURATION_MS));
        m.push(await measure(mockUrls, auth, c, DURATION_MS));
      }
    }
    const ratios = m.map((x, i) => x / b[i]!);
    const ratio = median(ratios);
    const range = `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`;
    console.error(`c=${c}: mock ${m.map((x) => x.toFixed(0)).join(', ')} | bare ${b.map((x) => x.toFixed(0)).join(', ')} req/s`);
    rows.push(
      `| ${c} | ${median(m).toFixed(0)} | ${median(b).toFixed(0)} | ${ratio.toFixed(2)}× | ${range} | ${ratio >= GOAL ? 'met' : '**not met**'} |`,
    );
  }
  const lines = [
    `Node ${process.version}, ${DURATION_MS} ms per run, ${RUNS} interleaved runs (median of per-run ratios), keep-alive, loopback, pages of 50 ${collection.list!.list!.itemsKey} (\`${collection.list!.operationId}\`).`,
    '',
    `| Concurrency | Mock req/s | Bare node:http req/s (same bytes) | Mock ÷ bare | range over the runs | Goal ≥ ${GOAL}× |`,
    '| ---: | ---: | ---: | ---: | ---: | :---: |',
    ...rows,
    '',
    `Create latency ÷ list-page latency (in process, sequential, ${LATENCY_N} of each alternating, so every page is built after a write; median of ${RUNS} runs): ${await createVsList(collection)}.`,
  ];
  console.log(lines.join('\n'));
  await writeBenchmarkSection('contract-mock-floor', 'Contract mock vs a bare node:http server (same bytes)', lines.join('\n'));
} finally {
  await bare?.close();
  await mock.close();
  await rm(dir, { recursive: true, force: true });
}
