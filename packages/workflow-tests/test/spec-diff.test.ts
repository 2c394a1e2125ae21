import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { baseSpec, item, type Obj, param } from './helpers/mini-spec.js';

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../../..');

describe('pnpm spec:diff', () => {
  // The CLI runs on the inline spec above, written as the throwaway repo's openapi/proxy-v1.yaml (JSON is
  // YAML), so each edit's verdict holds whatever the real spec grows into.
  let dir: string;
  const specFile = () => path.join(dir, 'openapi/proxy-v1.yaml');
  const writeSpec = (edit: (s: Obj) => void = () => {}) => {
    const spec = baseSpec();
    edit(spec);
    return writeFile(specFile(), `${JSON.stringify(spec, null, 2)}\n`);
  };

  async function specDiff(...args: string[]) {
    try {
      const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'scripts/spec-diff.ts'), ...args], {
        cwd: repoRoot,
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  beforeAll(async () => {
    // A throwaway git repo holding the inline spec and the package manifests (to find the dependents).
    dir = await mkdtemp(path.join(tmpdir(), 'spec-diff-'));
    await mkdir(path.join(dir, 'openapi'), { recursive: true });
    await writeSpec();
    for (const pkg of ['types', 'client', 'contract', 'cli']) {
      await mkdir(path.join(dir, 'packages', pkg), { recursive: true });
      await cp(path.join(repoRoot, 'packages', pkg, 'package.json'), path.join(dir, 'packages', pkg, 'package.json'));
    }
    const git = (...a: string[]) => run('git', ['-C', dir, ...a]);
    await git('init', '-q', '-b', 'main');
    await git('add', '.');
    await git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'base');
    await git('checkout', '-q', '-b', 'feature');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  test('a breaking edit fails against the merge base with main, naming the packages to bump', async () => {
    await writeSpec((s) => {
      param(s, 'PageSize').schema.maximum = 500;
      item(s).properties.mode.enum.push('c');
    });
    const result = await specDiff('--root', dir, '--no-redocly');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/\b2 breaking/);
    expect(result.stdout).toMatch(/query PageSize: maximum 1000 → 500/);
    expect(result.stdout).toMatch(/widened-enum: .*things\[\]\.mode/);
    expect(result.stdout).toMatch(/major for: @twilio-proxy\/cli, @twilio-proxy\/client, @twilio-proxy\/contract, @twilio-proxy\/types/);

    const markdown = await specDiff('--root', dir, '--no-redocly', '--markdown', '--base', 'main');
    expect(markdown.code).toBe(1);
    expect(markdown.stdout).toMatch(/^### spec:diff/);
    expect(markdown.stdout).toMatch(/\| 🔴 breaking \| `tighter-constraint` \|/);
  });

  test('a major changeset for every affected package lets the breaking change through; a minor one does not', async () => {
    await mkdir(path.join(dir, '.changeset'), { recursive: true });
    const changeset = path.join(dir, '.changeset/narrow-page-size.md');
    const front = (bump: string) =>
      `---\n${['types', 'client', 'contract', 'cli'].map((p) => `'@twilio-proxy/${p}': ${bump}`).join('\n')}\n---\n\nPageSize max 500.\n`;
    await writeFile(changeset, front('minor'));
    expect((await specDiff('--root', dir, '--no-redocly')).code).toBe(1);
    await writeFile(changeset, front('major'));
    const allowed = await specDiff('--root', dir, '--no-redocly');
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toMatch(/by major: allowed/);
    await rm(changeset);
  });

  test('a non-breaking edit passes, with redocly diff as the second engine', async () => {
    await writeSpec((s) => (param(s, 'PageSize').schema.maximum = 2000));
    const result = await specDiff('--root', dir);
    expect(result.stdout).toMatch(/0 breaking, 1 non-breaking/);
    expect(result.stdout).toMatch(/looser-constraint/);
    expect(result.code).toBe(0);
  });

  test('an unchanged spec reports no API change', async () => {
    await writeSpec();
    const result = await specDiff('--root', dir, '--no-redocly');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/no API change/);
  });
});
