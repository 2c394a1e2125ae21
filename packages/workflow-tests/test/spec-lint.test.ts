import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getLineColLocation, lint, loadConfig } from '@redocly/openapi-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

// The split spec lints as one document, and a problem in a resource file is reported at that file and line
// (what `pnpm lint:spec` and `pnpm dev` print). Runs on a temp copy of openapi/: the real files are never touched.
let dir: string;
const lintCopy = async () => {
  const config = await loadConfig({ configPath: path.join(dir, 'redocly.yaml') });
  const problems = await lint({ ref: path.join(dir, 'proxy-v1.yaml'), config });
  return problems
    .filter((p) => p.severity === 'error')
    .map((p) => {
      const loc = getLineColLocation(p.location[0]!);
      return { rule: p.ruleId, file: path.relative(dir, loc.source.absoluteRef), line: loc.start.line };
    });
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'spec-lint-'));
  await cp(path.join(repoRoot, 'openapi'), dir, { recursive: true, filter: (src) => !/node_modules|dist|\.turbo/.test(src) });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('lint of the split spec', () => {
  test('the committed spec has no problem', async () => {
    expect(await lintCopy()).toEqual([]);
  }, 60_000);

  test('a SID parameter without its pattern, in a resource file, is named by that file and line', async () => {
    const file = path.join(dir, 'resources/participants.yaml');
    const text = await readFile(file, 'utf8');
    // The last path parameter's SID pattern: drop it, and the schema that held it is the problem.
    const at = text.lastIndexOf('          pattern: ^KP');
    const schemaLine =
      text
        .slice(0, at)
        .split('\n')
        .findLastIndex((l) => l.trim() === 'schema:') + 1;
    await writeFile(file, text.slice(0, at) + text.slice(text.indexOf('\n', at) + 1));
    try {
      expect(await lintCopy()).toEqual([{ rule: 'rule/sid-parameter-has-pattern', file: 'resources/participants.yaml', line: schemaLine }]);
    } finally {
      await writeFile(file, text);
    }
  }, 60_000);
});
