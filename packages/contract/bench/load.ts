/** The load generator the contract benches share: the mock in its own process, keep-alive clients, medians. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { openapiDocument } from '@twilio-proxy/types/openapi-document';
import { startMockProxy } from '../src/index.js';
import { specCollections } from '../src/internal/walked-spec.js';

export const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 2000);
export const RUNS = Number(process.env.BENCH_RUNS ?? 5);

/**
 * The mock runs in its own process, as Prism does, started through the package's built `proxy-mock` bin, as users
 * run it (self-check off, as in `pnpm mock`); no TypeScript loader in the measured process.
 */
export async function startMockProcess(extra: string[] = []) {
  const bin = fileURLToPath(new URL('../dist/bin/mock.js', import.meta.url));
  if (!existsSync(bin)) throw new Error(`${bin} is missing: build first (pnpm bench builds every package)`);
  const child = spawn(process.execPath, [bin, '--count', '1000', '--port', '0', ...extra], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('Ctrl-C')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`mock exited ${code}`)));
  });
  const field = (re: RegExp) => re.exec(out)![1]!;
  return {
    url: field(/listening on (\S+)/),
    accountSid: field(/Account SID:\s+(\S+)/),
    authToken: field(/Auth token:\s+(\S+)/),
    async close() {
      const exited = new Promise((r) => child.once('exit', r));
      process.kill(child.pid!, 'SIGTERM');
      await exited;
    },
  };
}

export function get(agent: Agent, url: string, auth: string): Promise<{ status: number; body: string; headers: Record<string, any> }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers: { authorization: auth } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString(), headers: res.headers }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** One request whose body is drained, not kept: the load generator must cost as little as possible. */
export function hit(agent: Agent, url: string, auth: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers: { authorization: auth } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Completed 200 responses per second over `durationMs` with `concurrency` keep-alive clients. */
export async function measure(urls: string[], auth: string, concurrency: number, durationMs = DURATION_MS): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  let done = 0;
  let failed = 0;
  const end = performance.now() + durationMs;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_v, w) => {
      let i = w;
      while (performance.now() < end) {
        const status = await hit(agent, urls[i++ % urls.length]!, auth);
        if (status === 200) done++;
        else failed++;
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  if (failed) throw new Error(`${failed} non-200 answers during the run`);
  return done / seconds;
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/**
 * The list the benches load: the one with the most items under the default parents (`--count` of them), the first
 * in the document's path order on a tie (the seed's sessions), and the paths of its first `pages` pages of 50.
 * Read from an in-process mock with the seed and count of `startMockProcess`, whose default parents are the same.
 */
export async function busiestList(pages = 20) {
  const mock = await startMockProxy({ count: 1000, selfCheck: false, recordRequests: false });
  try {
    const count = (resource: string) => {
      try {
        return mock.items(resource).length;
      } catch {
        return 0; // a parent without a default value: nothing served at the default parents
      }
    };
    const order = Object.keys(openapiDocument.paths ?? {});
    const sizes = specCollections()
      .filter((c) => c.list)
      .map((c) => ({ c, n: count(c.resource), at: order.indexOf(c.list!.path) }));
    const { c } = sizes.reduce((a, b) => (b.n > a.n || (b.n === a.n && b.at < a.at) ? b : a));
    const list = new URL(mock.urlFor(c.list!.operationId)).pathname;
    return {
      collection: c,
      paths: Array.from({ length: pages }, (_v, p) => `${list}?PageSize=50&Page=${p}`),
    };
  } finally {
    await mock.close();
  }
}
