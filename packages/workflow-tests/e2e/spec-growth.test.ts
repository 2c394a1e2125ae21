/**
 * The spec growing, on ONE clean clone (one install, one build):
 *   1. semver proven by the API reports: `pnpm api:check` holds on the committed reports; deleting an export makes it
 *      fail naming the report, `pnpm api:report` rewrites it, and `pnpm spec:diff` calls the change breaking (exit 1)
 *      until a major changeset for that package is pending;
 *   2. the generality proof, on a spec that grows beyond the real one: a synthetic resource (Vehicles of a Fleet:
 *      list, fetch, create, update and remove, under a parent the spec has never had; fixtures/synthetic), written
 *      as a spec author writes one. `pnpm generate` writes every layer, the reports change by additions only, the
 *      copy's own unchanged `pnpm test` (the inner tier, workflow checks included) passes, and the built mock and
 *      client run the new resource's lifecycle.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addSyntheticResource, syntheticOperationIds } from './fixtures/synthetic/add-synthetic-resource.js';
import { cloneRepo, run } from './helpers/temp-repo.js';

const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', REDOCLY_TELEMETRY: 'off', FORCE_COLOR: '0', NO_COLOR: '1' };
let repo: { dir: string; remove: () => Promise<void> };

/** Runs a root script of the clone; never throws, so a failing gate's output can be asserted. */
async function script(file: string, ...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', path.join(repo.dir, 'scripts', file), '--root', repo.dir, ...args],
      {
        cwd: repo.dir,
        env,
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}
const turboBuild = (...filter: string[]) =>
  run(path.join(repo.dir, 'node_modules/.bin/turbo'), ['run', 'build', '--output-logs=errors-only', ...filter], {
    cwd: repo.dir,
    env,
    maxBuffer: 64 * 1024 * 1024,
  });

beforeAll(async () => {
  repo = await cloneRepo('spec-growth-');
  await turboBuild();
}, 600_000);
afterAll(() => repo?.remove(), 120_000);

describe('the spec growing, on one clone', () => {
  test('the committed reports match the built packages', async () => {
    const check = await script('api-report.ts', '--check');
    expect(check.code, check.out).toBe(0);
  }, 300_000);

  test('deleting an export: api:check names the stale report; spec:diff says breaking and needs a major for that package', async () => {
    const index = path.join(repo.dir, 'packages/contract/src/index.ts');
    const source = await readFile(index, 'utf8');
    // The first one-name export line of the entry point, whatever it is today.
    const line = /^export \{ (?:type )?(\w+) \} from '[^']+';\n/m.exec(source);
    expect(line, 'packages/contract/src/index.ts has a one-name export line').not.toBeNull();
    await writeFile(index, source.replace(line![0], ''));
    await turboBuild('--filter=@twilio-proxy/contract');

    const stale = await script('api-report.ts', '--check', '--package', 'contract');
    expect(stale.code).toBe(1);
    expect(stale.out).toMatch(/packages\/contract\/api\/index\.api\.md/);
    expect((await script('api-report.ts', '--no-build', '--package', 'contract')).code).toBe(0);

    const gate = await script('spec-diff.ts', '--base', 'HEAD', '--no-redocly');
    expect(gate.code, gate.out).toBe(1);
    expect(gate.out).toMatch(/1 breaking/);
    expect(gate.out).toMatch(new RegExp(`api:removed-export: packages/contract/api/index\\.api\\.md: \\w+ ${line![1]}: export removed`));
    expect(gate.out).toMatch(/choose major for: @twilio-proxy\/contract\.$/m);

    const changeset = path.join(repo.dir, '.changeset/remove-an-export.md');
    await writeFile(changeset, `---\n'@twilio-proxy/contract': major\n---\n\nRemoved ${line![1]}.\n`);
    const allowed = await script('spec-diff.ts', '--base', 'HEAD', '--no-redocly');
    expect(allowed.code, allowed.out).toBe(0);
    expect(allowed.out).toMatch(/by major: allowed/);

    await rm(changeset);
    await run('git', ['checkout', '--', 'packages/contract'], { cwd: repo.dir });
    await turboBuild('--filter=@twilio-proxy/contract');
  }, 600_000);

  test('a new resource: pnpm generate writes every layer, and the reports change by additions only', async () => {
    await addSyntheticResource(repo.dir);
    const generated = (await run('pnpm', ['generate'], { cwd: repo.dir, env, maxBuffer: 64 * 1024 * 1024 })).stdout;
    for (const file of [
      'types/src/generated/operations.gen.ts',
      'client/src/generated/resources.gen.ts',
      'contract/src/generated/names.gen.ts',
    ])
      expect(generated).toContain(`packages/${file}`);
    await turboBuild();
    expect((await script('api-report.ts', '--no-build')).code).toBe(0);
    const gate = await script('spec-diff.ts', '--base', 'HEAD', '--no-redocly');
    expect(gate.out).toMatch(/: 0 breaking, \d+ non-breaking \(\d+ in the API reports\)/);
    expect(gate.out).toMatch(/api:added-/);
    expect(gate.out).not.toMatch(/✗/);
    expect(gate.code, gate.out).toBe(0);
  }, 600_000);
  test("the copy's own unchanged pnpm test passes, and the built packages carry the new resource", async () => {
    const { stdout } = await run('pnpm', ['test'], { cwd: repo.dir, env, maxBuffer: 64 * 1024 * 1024 }).catch((e) => {
      throw new Error(`pnpm test failed in the copy:\n${String(e.stdout).slice(-6000)}\n${String(e.stderr).slice(-2000)}`);
    });
    expect(stdout).toMatch(/Tasks:\s+(\d+) successful, \1 total/);

    const load = (pkg: string) => import(pathToFileURL(path.join(repo.dir, 'packages', pkg, 'dist/index.js')).href);
    const { operationsMeta } = await load('types');
    const ids = await syntheticOperationIds();
    expect(Object.keys(operationsMeta)).toEqual(expect.arrayContaining(ids));
    const resources = new Set(ids.map((id) => operationsMeta[id].resource));
    expect(resources.size).toBe(1);
    const [resource] = resources;
    expect(ids.map((id) => operationsMeta[id].action).sort()).toEqual(['create', 'fetch', 'list', 'remove', 'update']);

    // The built mock serves it as a state machine, and the built client drives it: create → fetch → update → list → remove.
    const { startMockProxy } = await load('contract');
    const { createProxyClient } = await load('client');
    const mock = await startMockProxy({ count: 3, seed: 4 });
    try {
      const client = createProxyClient({ accountSid: mock.accountSid, authToken: mock.authToken, baseUrl: mock.url });
      const api = client[resource];
      const parent = mock.parents[operationsMeta[ids[0]!].parameters.find((p: { in: string }) => p.in === 'path').name];
      expect(await api.all(parent)).toHaveLength(3);
      const created = await api.create(parent, { name: 'Van 9', capacity: 12 });
      expect(created).toMatchObject({ name: 'Van 9', capacity: 12 });
      expect(await api.fetch(parent, created.sid)).toEqual(created);
      expect(await api.update(parent, created.sid, { status: 'retired' })).toMatchObject({ status: 'retired', name: 'Van 9' });
      expect((await api.all(parent)).map((v: { sid: string }) => v.sid)).toContain(created.sid);
      await api.remove(parent, created.sid);
      await expect(api.fetch(parent, created.sid)).rejects.toMatchObject({ status: 404 });
    } finally {
      await mock.close();
    }
  }, 1_800_000);
});
