import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { type Request as MfRequest, Response as MfResponse, Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installRuntime, NPM_RUNTIMES, type ProbeResult, runProbeScript } from './helpers/runtimes.js';
import { repoRoot, run } from './helpers/temp-repo.js';

// The built client (packages/client/dist, from `turbo build`) in every runtime users run it in, against the mock
// served by this Node process. Each runtime comes from the npm registry. One line per runtime goes to stdout
// (`runtime-matrix: …`), which .ci/run repeats in its summary.
const dist = (pkg: string, file = 'index.js') => pathToFileURL(path.join(repoRoot, 'packages', pkg, 'dist', file)).href;
const here = path.join(import.meta.dirname, 'runtime-matrix');
const COUNT = 120;
const PAGE = { count: COUNT, pageSize: 50, pages: 3, timeoutMs: 300, slowMs: 5_000 };

interface Mock {
  url: string;
  accountSid: string;
  authToken: string;
  serviceSid: string;
  close(): Promise<void>;
}
type StartMock = (options: { count?: number; latencyMs?: number }) => Promise<Mock>;

/** A fresh mock with writes, and one whose every answer takes `slowMs`; both stopped when `use` ends. */
async function withMocks(runtime: string, use: (cfg: Record<string, unknown>) => Promise<ProbeResult>): Promise<ProbeResult> {
  const { startMockProxy } = (await import(dist('contract'))) as { startMockProxy: StartMock };
  const mock = await startMockProxy({ count: COUNT });
  const slow = await startMockProxy({ latencyMs: PAGE.slowMs });
  try {
    const { url, accountSid, authToken, serviceSid } = mock;
    return await use({ ...PAGE, runtime, url, accountSid, authToken, serviceSid, slowUrl: slow.url, clientUrl: dist('client') });
  } finally {
    await Promise.all([mock.close(), slow.close()]);
  }
}

function report(label: string, result: ProbeResult): void {
  expect(result.error, label).toBeUndefined();
  expect(result.ok).toBe(true);
  console.log(`runtime-matrix: ${label} ok (${result.checks?.join(', ')})`);
}

/** workerd's version, as miniflare resolves it (a dependency of miniflare, not of this package). */
function workerdVersions(): string {
  const ours = createRequire(import.meta.url);
  const miniflare = ours('miniflare/package.json') as { version: string };
  const workerd = createRequire(ours.resolve('miniflare/package.json'))('workerd/package.json') as { version: string };
  return `${workerd.version} (miniflare ${miniflare.version})`;
}

// The built packages every runtime loads (a turbo cache hit when `pnpm build` ran).
beforeAll(async () => {
  await run('pnpm', ['turbo', 'run', 'build', '--filter=@twilio-proxy/client', '--filter=@twilio-proxy/contract'], { cwd: repoRoot });
});

const DENO_FLAGS = ['run', '--allow-net=127.0.0.1', '--allow-read', '--allow-env', '--allow-sys'];

describe('runtime matrix: the built client against the Node mock', () => {
  it(`node ${process.versions.node} (this process's runtime)`, async () => {
    const result = await withMocks('node', (cfg) => runProbeScript(process.execPath, ['run-cli.mjs', JSON.stringify(cfg)], here));
    report(`node ${process.versions.node}`, result);
  });

  for (const key of ['node22', 'node24'] as const) {
    it(NPM_RUNTIMES[key].name, async () => {
      const { bin, version } = await installRuntime(NPM_RUNTIMES[key]);
      const result = await withMocks(key, (cfg) => runProbeScript(bin, ['run-cli.mjs', JSON.stringify(cfg)], here));
      report(`node ${version}`, result);
    });
  }

  it('bun', async () => {
    const { bin, version } = await installRuntime(NPM_RUNTIMES.bun);
    const result = await withMocks('bun', (cfg) => runProbeScript(bin, ['run', 'run-cli.mjs', JSON.stringify(cfg)], here));
    report(`bun ${version}`, result);
  });

  it('deno', async () => {
    const { bin, version } = await installRuntime(NPM_RUNTIMES.deno);
    const script = path.join(here, 'run-cli.mjs');
    const result = await withMocks('deno', (cfg) => runProbeScript(bin, [...DENO_FLAGS, script, JSON.stringify(cfg)], repoRoot));
    report(`deno ${version}`, result);
  });

  describe('workerd (miniflare)', () => {
    let out: string;
    beforeAll(async () => {
      out = await mkdtemp(path.join(tmpdir(), 'runtime-matrix-worker-'));
      // Bundled as wrangler would: the built client and its dependencies in one module.
      await build({
        entryPoints: [path.join(here, 'worker.mjs')],
        outfile: path.join(out, 'worker.mjs'),
        bundle: true,
        format: 'esm',
        platform: 'neutral',
        mainFields: ['module', 'main'],
        alias: { '@twilio-proxy/client': path.join(repoRoot, 'packages/client/dist/index.js') },
        logLevel: 'silent',
      });
    });
    afterAll(() => rm(out, { recursive: true, force: true }));

    it('workerd', async () => {
      const mf = new Miniflare({
        modules: true,
        modulesRoot: out,
        scriptPath: path.join(out, 'worker.mjs'),
        compatibilityDate: '2026-07-01',
        // The worker's fetches leave workerd here, in this Node process, and go to the mock on 127.0.0.1.
        // miniflare's Request is its own undici's: copy it into this Node's fetch, which sets the length itself.
        outboundService: async (request: MfRequest) => {
          const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
          const headers = [...request.headers].filter(([name]) => name !== 'content-length');
          const res = await fetch(request.url, { method: request.method, headers, body });
          const bytes = res.status === 204 || res.status === 304 ? null : await res.arrayBuffer(); // a 204 has no body
          return new MfResponse(bytes, { status: res.status, headers: [...res.headers] });
        },
      });
      try {
        const result = await withMocks('workerd', async (cfg) => {
          const res = await mf.dispatchFetch('http://worker.invalid/', { method: 'POST', body: JSON.stringify(cfg) });
          return (await res.json()) as ProbeResult;
        });
        report(`workerd ${workerdVersions()}`, result);
      } finally {
        await mf.dispose();
      }
    });
  });
});

describe('runtime matrix: the contract package (validators, matcher, mock server) under Bun and Deno', () => {
  const contractArgs = () =>
    JSON.stringify({
      ...PAGE,
      runtime: 'contract',
      clientUrl: dist('client'),
      contractUrl: dist('contract'),
      typesUrl: dist('types'),
      matchersUrl: dist('contract', 'vitest/matchers.js'),
    });

  it('bun', async () => {
    const { bin, version } = await installRuntime(NPM_RUNTIMES.bun);
    report(`bun ${version} contract`, await runProbeScript(bin, ['run', 'contract-cli.mjs', contractArgs()], here));
  });

  it('deno', async () => {
    const { bin, version } = await installRuntime(NPM_RUNTIMES.deno);
    const script = path.join(here, 'contract-cli.mjs');
    report(`deno ${version} contract`, await runProbeScript(bin, [...DENO_FLAGS, script, contractArgs()], repoRoot));
  });
});
