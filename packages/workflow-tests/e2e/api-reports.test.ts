/**
 * Semver proven by the API reports, on a clean clone: `pnpm api:check` holds on the committed reports; deleting an
 * export makes it fail naming the report, `pnpm api:report` rewrites it, and `pnpm spec:diff` calls the change
 * breaking (exit 1) until a major changeset for that package is pending. Then a synthetic resource added to the
 * spec (fixtures/synthetic: five operations under a new parent), regenerated and rebuilt, changes the reports by
 * additions only.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addSyntheticResource } from './fixtures/synthetic/add-synthetic-resource.js';
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
  repo = await cloneRepo('api-reports-');
  await turboBuild();
}, 600_000);
afterAll(() => repo?.remove(), 120_000);

describe('API reports', () => {
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

  test('a new resource in the spec changes the reports by additions only', async () => {
    await addSyntheticResource(repo.dir);
    await run('pnpm', ['generate'], { cwd: repo.dir, env, maxBuffer: 64 * 1024 * 1024 });
    await turboBuild();
    expect((await script('api-report.ts', '--no-build')).code).toBe(0);
    const gate = await script('spec-diff.ts', '--base', 'HEAD', '--no-redocly');
    expect(gate.out).toMatch(/: 0 breaking, \d+ non-breaking \(\d+ in the API reports\)/);
    expect(gate.out).toMatch(/api:added-/);
    expect(gate.out).not.toMatch(/✗/);
    expect(gate.code, gate.out).toBe(0);
  }, 600_000);
});
