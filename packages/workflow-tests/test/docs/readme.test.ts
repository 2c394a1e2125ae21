import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '../../../..');
const readme = await readFile(path.join(repoRoot, 'README.md'), 'utf8');
const scripts: Record<string, string> = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')).scripts;
const PNPM_BUILTINS = new Set(['install', 'add', 'exec', 'dlx']);

describe('README.md, the map of the repository', () => {
  test('stays short: about 150 lines at most', () => {
    expect(readme.split('\n').length).toBeLessThanOrEqual(150);
  });

  test('the quick start is two commands: the main job and the tests', () => {
    const block = /## Quick start[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const commands = block.split('\n').filter((l) => l.trim() && !l.startsWith('#'));
    expect(commands).toHaveLength(2);
    expect(commands[0]).toMatch(/&& pnpm start$/);
    expect(commands[1]).toMatch(/&& pnpm test$/);
  });

  test('every relative link points at a file of the repository', async () => {
    const links = [...readme.matchAll(/\]\(((?!https?:|#)[^)]+)\)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) await expect(access(path.join(repoRoot, link)), link).resolves.toBeUndefined();
  });

  test('every `pnpm <command>` it names is a script of package.json', () => {
    const named = [...readme.matchAll(/`pnpm (?:run )?([a-z][\w:-]*)/g)].map((m) => m[1]!);
    for (const name of named) if (!PNPM_BUILTINS.has(name)) expect(scripts, `pnpm ${name}`).toHaveProperty([name]);
  });

  test('repeats no benchmark figure by hand: those live in BENCHMARKS.md, written by pnpm bench', () => {
    expect(readme).not.toMatch(/\d(\.\d+)?\s?×|\d+(\.\d+)?\s?(ms|kB|MB)\b/);
  });
});
