// pnpm bench (client soak): SOAK_MINUTES (default 10) of mixed reads and writes through the built client against
// the mock with faults on (429, 500, latency), the mock in a child process whose live memory (after full GCs) is
// sampled at every tenth of the run. At the end every session the client was told it created (and did not
// remove) must be listed exactly once, every removed one not at all; the mock's live memory at the last sample
// must be ≤ 1.1× the second's (minute 10 ÷ minute 2 on the default run). Writes the client-soak section.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { writeBenchmarkSection } from '../../../scripts/lib/benchmarks-md.js';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const WORKERS = Number(process.env.SOAK_WORKERS ?? 8);
/** Sessions each worker keeps alive; past it, it removes its oldest, so the store (and the mock's memory) stays level. */
const KEEP = 25;
const SAMPLES = 10;

const { createProxyClient } = (await import(new URL('../dist/index.js', import.meta.url).href).catch(() => {
  throw new Error('packages/client/dist is missing: run `pnpm build` first (`pnpm bench` does)');
})) as typeof import('../src/index.js');

const child = fork(fileURLToPath(new URL('./soak-mock.ts', import.meta.url)), [], {
  execArgv: ['--expose-gc', '--conditions=@twilio-proxy/source', '--import', 'tsx'],
});
type Ready = { url: string; accountSid: string; authToken: string; parents: Record<string, string> };
const ask = <T>(type: string, message: object = { type }) =>
  new Promise<T>((resolve) => {
    const on = (m: { type: string }) => {
      if (m.type !== type) return;
      child.off('message', on);
      resolve(m as T);
    };
    child.on('message', on);
    if (type !== 'ready') child.send(message);
  });
const mock = await ask<Ready>('ready');
const service = Object.values(mock.parents)[0]!;
const client = createProxyClient({
  accountSid: mock.accountSid,
  authToken: mock.authToken,
  baseUrl: mock.url,
  maxRetries: 6,
  retry: { baseDelayMs: 5, maxDelayMs: 50 },
});

const seeded = new Set((await client.sessions.all(service)).map((s) => s.sid ?? '(no sid)'));
const kept = new Set<string>();
const removed = new Set<string>();
const counts = { creates: 0, createsFailed: 0, reads: 0, updates: 0, removes: 0, errors: 0 };
const errorKinds = new Map<string, number>();
const fail = (e: unknown) => {
  counts.errors++;
  const key = `${(e as Error).name}: ${(e as { status?: number }).status ?? (e as Error).message.slice(0, 60)}`;
  errorKinds.set(key, (errorKinds.get(key) ?? 0) + 1);
};

const endAt = Date.now() + MINUTES * 60_000;
async function worker(w: number): Promise<void> {
  const mine: string[] = [];
  for (let i = 0; Date.now() < endAt; i++) {
    try {
      const s = await client.sessions.create(service, { uniqueName: `soak-${w}-${i}`, ttl: 3600 });
      if (!s.sid) throw new Error('a created session came back without a sid');
      counts.creates++;
      kept.add(s.sid);
      mine.push(s.sid);
    } catch (e) {
      counts.createsFailed++; // told it failed: a 500 before the mock did anything (faults hit before the handler)
      fail(e);
    }
    try {
      const sid = mine[i % Math.max(1, mine.length)];
      if (sid) await client.sessions.fetch(service, sid);
      await client.sessions.list(service, { pageSize: 50 });
      counts.reads += sid ? 2 : 1;
      if (sid && i % 3 === 0) await client.sessions.update(service, sid, { status: 'closed' }).then(() => counts.updates++);
      while (mine.length > KEEP) {
        const old = mine.shift()!;
        await client.sessions.remove(service, old);
        kept.delete(old);
        removed.add(old);
        counts.removes++;
      }
    } catch (e) {
      fail(e);
    }
  }
}

const samples: number[] = [];
const sampler = (async () => {
  for (let k = 1; k <= SAMPLES; k++) {
    await new Promise((r) => setTimeout(r, Math.max(0, endAt - ((SAMPLES - k) * MINUTES * 60_000) / SAMPLES - Date.now())));
    samples.push((await ask<{ mb: number }>('sample')).mb);
    console.log(`sample ${k}/${SAMPLES}: mock live ${samples.at(-1)!.toFixed(1)} MB; ${JSON.stringify(counts)}`);
  }
})();
await Promise.all([...Array.from({ length: WORKERS }, (_, w) => worker(w)), sampler]);

// The store, listed through the client: each SID the client was told it created, once; none it removed.
const listed = (await client.sessions.all(service)).map((s) => s.sid ?? '(no sid)');
const times = new Map<string, number>();
for (const sid of listed) times.set(sid, (times.get(sid) ?? 0) + 1);
const lost = [...kept].filter((sid) => !times.has(sid)).length;
const doubled = [...times.values()].filter((n) => n > 1).length;
const revived = [...removed].filter((sid) => times.has(sid)).length;
const unknown = listed.filter((sid) => !kept.has(sid) && !seeded.has(sid)).length;
const ratio = samples.at(-1)! / samples[1]!;
const exited = new Promise((resolve) => child.once('exit', resolve));
child.send({ type: 'stop' });
await exited;

const at = (k: number) => `min ${((k * MINUTES) / SAMPLES).toFixed(MINUTES >= SAMPLES ? 0 : 2)}`;
const verdict = (ok: boolean) => (ok ? 'met' : '**not met**');
const body = [
  `${MINUTES} minutes, ${WORKERS} concurrent workers through the built client, each looping create → fetch → list`,
  `(PageSize 50) → update (every third) → remove its oldest session past ${KEEP}, so the store stays level. The mock`,
  'runs in its own process (selfCheck off, request log 0) with 5% of requests faulted: 429 (Retry-After 0), 500 and',
  '50 ms latency; a create answered 500 is reported failed (POSTs are not retried after a 500).',
  '',
  '| creates told succeeded | creates told failed | reads | updates | removes | other calls told failed |',
  '| ---: | ---: | ---: | ---: | ---: | ---: |',
  `| ${counts.creates} | ${counts.createsFailed} | ${counts.reads} | ${counts.updates} | ${counts.removes} | ${counts.errors - counts.createsFailed} |`,
  '',
  `Errors by kind: ${[...errorKinds].map(([k, n]) => `${k} × ${n}`).join('; ') || 'none'}.`,
  '',
  "The mock's live memory (heap used + external after full GCs), MB:",
  '',
  `| ${samples.map((_, k) => at(k + 1)).join(' | ')} |`,
  `| ${samples.map(() => '---:').join(' | ')} |`,
  `| ${samples.map((mb) => mb.toFixed(1)).join(' | ')} |`,
  '',
  '| measure | value | target | |',
  '| --- | ---: | ---: | :---: |',
  `| creates told succeeded, not listed (lost) | ${lost} of ${kept.size} kept | 0 | ${verdict(lost === 0)} |`,
  `| SIDs listed more than once (doubled) | ${doubled} | 0 | ${verdict(doubled === 0)} |`,
  `| removed sessions still listed | ${revived} of ${removed.size} | 0 | ${verdict(revived === 0)} |`,
  `| listed sessions neither seeded nor told created | ${unknown} | 0 | ${verdict(unknown === 0)} |`,
  `| mock live memory, ${at(SAMPLES)} ÷ ${at(2)} | ${ratio.toFixed(2)}× | ≤ 1.1× | ${verdict(ratio <= 1.1)} |`,
].join('\n');
console.log(`\n${body}`);
await writeBenchmarkSection('client-soak', '`@twilio-proxy/client` against the mock: the soak', body);
console.log('\nwrote the client-soak section of BENCHMARKS.md');
process.exit(0);
