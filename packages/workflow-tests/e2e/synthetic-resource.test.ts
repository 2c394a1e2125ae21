import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addSyntheticResource, syntheticOperationIds } from './fixtures/synthetic/add-synthetic-resource.js';
import { cloneRepo, run } from './helpers/temp-repo.js';

/**
 * The generality proof, on a spec that grows beyond the real one: a clean clone gets a synthetic resource (Vehicles
 * of a Fleet: list, fetch, create, update and remove, under a parent the spec has never had), written as a spec
 * author writes one (fixtures/synthetic). Then `pnpm generate`, the author's refresh of the API reports, and the
 * copy's own unchanged `pnpm test` pass: every layer takes the new resource with no other edit, and every test of
 * the project holds on a bigger spec than today's. One clone, one build.
 */
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', REDOCLY_TELEMETRY: 'off', FORCE_COLOR: '0', NO_COLOR: '1' };
let repo: { dir: string; remove: () => Promise<void> };
let generated = '';

const sh = (cmd: string, args: string[], extra: NodeJS.ProcessEnv = {}) =>
  run(cmd, args, { cwd: repo.dir, env: { ...env, ...extra }, maxBuffer: 64 * 1024 * 1024 }).catch((e) => {
    // The failing task's log is on stdout; the error alone says only that the command failed.
    throw new Error(`${cmd} ${args.join(' ')} failed in the copy:\n${String(e.stdout).slice(-6000)}\n${String(e.stderr).slice(-2000)}`);
  });

beforeAll(async () => {
  repo = await cloneRepo('synthetic-resource-');
  await addSyntheticResource(repo.dir);
  generated = (await sh('pnpm', ['generate'])).stdout;
}, 600_000);
afterAll(() => repo?.remove(), 120_000);

describe('a synthetic resource under a new parent, added to a copy of the spec', () => {
  test('pnpm generate writes every layer', () => {
    for (const file of [
      'types/src/generated/operations.gen.ts',
      'client/src/generated/resources.gen.ts',
      'contract/src/generated/names.gen.ts',
    ])
      expect(generated).toContain(`packages/${file}`);
  });

  test("the copy's own unchanged pnpm test passes, and the built packages carry the new resource", async () => {
    // The author's last step after a spec change (pnpm dev does it on save): the public API grew, so its reports follow.
    expect((await sh('pnpm', ['api:report'])).stdout).toMatch(/packages\/client\/api\/index\.api\.md/);
    const { stdout } = await sh('pnpm', ['test']);
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
