/**
 * The consumer's install path, end to end: `pnpm registry` (Verdaccio, 127.0.0.1, a free port, storage in a temp
 * folder), `pnpm release` to it (twice: the second run publishes nothing and exits 0), then in a project outside
 * the repository: the scoped `.npmrc` lines the registry printed, an install with npm and then with pnpm, a
 * typecheck under NodeNext and Bundler resolution, and a vitest file (client, mock, the matcher through
 * `setupFiles` alone, the CLI bin). Everything it starts, it stops.
 */
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Proc, repoRoot, run } from './helpers/temp-repo.js';

const PACKAGES = ['@twilio-proxy/types', '@twilio-proxy/client', '@twilio-proxy/contract', '@twilio-proxy/cli'];
const fixture = path.join(import.meta.dirname, 'fixtures/consumer');
const quiet = {
  ...process.env,
  npm_config_update_notifier: 'false',
  TURBO_TELEMETRY_DISABLED: '1',
  REDOCLY_TELEMETRY: 'off',
  NO_COLOR: '1',
  FORCE_COLOR: '0',
};

let work: string;
let registry: Proc;
let npmrc: string[];
let url: string;
let token: string;

const tsx = (script: string, args: string[] = []) => [process.execPath, ['--import', 'tsx', path.join(repoRoot, script), ...args]] as const;

async function release(): Promise<{ code: number; output: string }> {
  const [command, args] = tsx('scripts/release.ts');
  try {
    const { stdout, stderr } = await run(command, [...args], {
      cwd: repoRoot,
      env: { ...quiet, NPM_REGISTRY_URL: url, NPM_TOKEN: token },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: e.stdout + e.stderr };
  }
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'registry-consumer-'));
  const [command, args] = tsx('scripts/registry.ts', ['--free-port', '--dir', path.join(work, 'registry')]);
  registry = new Proc(command, [...args], repoRoot);
  const ready = await registry.waitFor(/registry ready: (http:\/\/127\.0\.0\.1:\d+\/)/, 90_000);
  url = ready[1]!;
  npmrc = [...registry.output.matchAll(/^ {2}(@twilio-proxy:registry=\S+|\/\/127\.0\.0\.1:\d+\/:_authToken=\S+)$/gm)].map((m) => m[1]!);
  token = /_authToken=(\S+)/.exec(npmrc[1] ?? '')?.[1] ?? '';
}, 120_000);

afterAll(async () => {
  await registry?.stop();
  await rm(work, { recursive: true, force: true });
});

describe('pnpm registry + pnpm release', () => {
  test('the registry prints the two .npmrc lines a consumer needs, for 127.0.0.1 only', () => {
    expect(npmrc).toEqual([`@twilio-proxy:registry=${url}`, `//${url.slice('http://'.length)}:_authToken=${token}`]);
    expect(token.length).toBeGreaterThan(20);
  });

  test('pnpm release publishes every public package; a second run publishes nothing and exits 0', async () => {
    const first = await release();
    expect(first.code, first.output).toBe(0);
    for (const name of PACKAGES) {
      const doc = (await (await fetch(new URL(encodeURIComponent(name).replace('%40', '@'), url))).json()) as { versions: object };
      expect(Object.keys(doc.versions), name).toHaveLength(1);
    }
    const second = await release();
    expect(second.code, second.output).toBe(0);
    expect(second.output).toMatch(/No unpublished projects to publish/);
  }, 300_000);

  test('the registry never proxies: a package that is not ours is not served', async () => {
    const res = await fetch(new URL('left-pad', url));
    expect(res.ok).toBe(false);
    expect([401, 403, 404]).toContain(res.status);
  });
});

describe('a consumer outside the repository installs from the registry', () => {
  let app: string;

  beforeAll(async () => {
    app = path.join(work, 'consumer');
    await mkdir(app);
    const manifest = {
      name: 'proxy-consumer',
      private: true,
      type: 'module',
      dependencies: Object.fromEntries(PACKAGES.map((n) => [n, '^0'])),
      devDependencies: { typescript: '~5.9.3', '@types/node': '^20.19.0', vitest: '^4.1.0' },
    };
    await writeFile(path.join(app, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    await writeFile(path.join(app, '.npmrc'), `${npmrc.join('\n')}\n`);
    const base = { target: 'ES2022', lib: ['ES2023', 'DOM'], strict: true, noEmit: true, types: ['node'], skipLibCheck: false };
    const tsconfig = (options: object) => `${JSON.stringify({ compilerOptions: { ...base, ...options }, include: ['*.ts'] }, null, 2)}\n`;
    await writeFile(path.join(app, 'tsconfig.nodenext.json'), tsconfig({ module: 'NodeNext', moduleResolution: 'NodeNext' }));
    // Our .d.ts are checked in full once (NodeNext); Bundler resolution is about which files resolve.
    await writeFile(
      path.join(app, 'tsconfig.bundler.json'),
      tsconfig({ module: 'ESNext', moduleResolution: 'Bundler', skipLibCheck: true }),
    );
    await copyFile(path.join(fixture, 'consumer.test.fixture.ts'), path.join(app, 'consumer.test.ts'));
    await copyFile(path.join(fixture, 'vitest.config.ts'), path.join(app, 'vitest.config.ts'));
  });

  /** Typechecks under both resolutions, then runs the consumer's vitest file. */
  async function typecheckAndRun() {
    for (const config of ['tsconfig.nodenext.json', 'tsconfig.bundler.json'])
      await run(path.join(app, 'node_modules/.bin/tsc'), ['-p', config], { cwd: app, env: quiet });
    const { stdout } = await run(path.join(app, 'node_modules/.bin/vitest'), ['run'], { cwd: app, env: { ...quiet, CI: 'true' } });
    // biome-ignore lint/suspicious/noControlCharactersInRegex: vitest may still colour its summary
    expect(stdout.replace(/\x1b\[[0-9;]*m/g, '')).toMatch(/Tests\s+2 passed/);
  }

  test('with npm', async () => {
    await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: app, env: quiet });
    await typecheckAndRun();
  }, 300_000);

  test('with pnpm', async () => {
    await rm(path.join(app, 'node_modules'), { recursive: true, force: true });
    await rm(path.join(app, 'package-lock.json'), { force: true });
    // Outside any workspace: its own pnpm-workspace.yaml keeps pnpm from looking further up.
    await writeFile(path.join(app, 'pnpm-workspace.yaml'), 'packages: []\n');
    await run('pnpm', ['install', '--prefer-offline', '--reporter=append-only'], { cwd: app, env: quiet, maxBuffer: 32 * 1024 * 1024 });
    await typecheckAndRun();
  }, 300_000);
});
