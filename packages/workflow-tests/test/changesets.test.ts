import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const packages = (await readdir(path.join(repoRoot, 'packages'))).sort();

describe('.changeset', () => {
  test('config versions the publishable packages and never the private ones', async () => {
    const config = JSON.parse(await readFile(path.join(repoRoot, '.changeset/config.json'), 'utf8'));
    expect(config.baseBranch).toBe('main');
    expect(config.privatePackages).toEqual({ version: false, tag: false });
    expect(config.access).toBe('restricted');
  });

  test('pnpm changeset version bumps the packages and writes their CHANGELOG.md (on a copy of the manifests)', async () => {
    // Only what changesets reads: the workspace, the manifests and the pending changesets (no clone, no install).
    const run = promisify(execFile);
    const dir = await mkdtemp(path.join(tmpdir(), 'changeset-'));
    try {
      const pending = (await readdir(path.join(repoRoot, '.changeset'))).filter((f) => f.endsWith('.md') && f !== 'README.md');
      if (pending.length === 0) return; // nothing pending at HEAD: nothing to version
      const manifests = [
        'package.json',
        'pnpm-workspace.yaml',
        'openapi/package.json',
        ...packages.map((p) => `packages/${p}/package.json`),
      ];
      for (const file of manifests) await cp(path.join(repoRoot, file), path.join(dir, file));
      await cp(path.join(repoRoot, '.changeset'), path.join(dir, '.changeset'), { recursive: true });
      await run(path.join(repoRoot, 'node_modules/.bin/changeset'), ['version'], { cwd: dir });
      for (const pkg of ['types', 'client', 'contract', 'cli']) {
        expect(await readFile(path.join(dir, 'packages', pkg, 'CHANGELOG.md'), 'utf8')).toMatch(new RegExp(`^# @twilio-proxy/${pkg}\\n`));
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
