import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cloneRepo, Proc, repoRoot } from './helpers/temp-repo.js';

/** A response property whose `maxLength: 191` sits right above a description saying "Supports UTF-8 characters." (a session's unique_name). */
const edited = /maxLength: 191(\n\s+description: [^\n]*?)Supports UTF-8 characters\./;

/** The spec file (any under openapi/, the spec may be split) that matches `needle`. */
async function specFileWith(dir: string, needle: RegExp): Promise<string> {
  for (const f of (await readdir(path.join(dir, 'openapi'), { recursive: true })).sort()) {
    if (!f.endsWith('.yaml') || f.includes('node_modules')) continue;
    const file = path.join(dir, 'openapi', f);
    if ((await readFile(file, 'utf8')).match(needle)) return file;
  }
  throw new Error(`no spec file holds ${needle}`);
}

// Drives `pnpm dev` (this repo's scripts/dev.ts) against a clean clone, so the real files are never touched.
describe('pnpm dev', () => {
  let repo: Awaited<ReturnType<typeof cloneRepo>>;
  let dev: Proc;
  let spec: string;
  let schema: string;

  beforeAll(async () => {
    repo = await cloneRepo('dev-');
    spec = await specFileWith(repo.dir, edited);
    schema = path.join(repo.dir, 'packages/types/src/generated/schema.gen.ts');
    // A test of a dependent package (the contract depends on the types) that fails when a description says so.
    await mkdir(path.join(repo.dir, 'packages/contract/test'), { recursive: true });
    await writeFile(
      path.join(repo.dir, 'packages/contract/test/planted.test.ts'),
      [
        "import { openapiDocument } from '@twilio-proxy/types/openapi-document';",
        "import { expect, test } from 'vitest';",
        "test('planted: no description asks to fail', () => expect(JSON.stringify(openapiDocument)).not.toContain('PLANTED-FAIL'));",
        '',
      ].join('\n'),
    );
    dev = new Proc(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'scripts/dev.ts'), '--root', repo.dir, '--no-docs'], repo.dir);
    await dev.waitFor(/watching openapi\/\*\*\/\*\.yaml/, 30_000);
  }, 300_000);
  afterAll(async () => {
    await dev?.stop();
    await repo?.remove();
  }, 120_000);

  test('editing a property regenerates the types, says what changed, and prints a passing verdict with its steps', async () => {
    const from = dev.output.length;
    const text = await readFile(spec, 'utf8');
    await writeFile(spec, text.replace(edited, 'maxLength: 150$1Supports UTF-8.'));
    await dev.waitFor(/regenerated in \d+ ms: updated packages\/types\/src\/generated\/schema\.gen\.ts/, 30_000, from);
    await dev.waitFor(/tighter-constraint: .*unique_name: maxLength 191 → 150/, 5_000, from);
    expect(await readFile(schema, 'utf8')).toContain('Supports UTF-8. This value');
    const verdict = await dev.waitFor(/verdict: (PASS|FAIL) in [\d.]+ s \((.*)\)/, 280_000, from);
    expect(verdict[1], dev.output.slice(from)).toBe('PASS');
    expect(verdict[2]).toMatch(
      /^lint [\d.]+ s · generate [\d.]+ s · typecheck \(.*types.*\) [\d.]+ s · (?:docs \(first build\) [\d.]+ s · )?build [\d.]+ s · tests \(\d+ passed.*\) [\d.]+ s$/,
    );
  }, 300_000);

  test('a failing test of a dependent package makes the verdict fail', async () => {
    const good = await readFile(spec, 'utf8');
    const from = dev.output.length;
    await writeFile(spec, good.replace('Supports UTF-8.', 'Supports UTF-8. PLANTED-FAIL'));
    const verdict = await dev.waitFor(/verdict: (PASS|FAIL) in/, 280_000, from);
    expect(verdict[1]).toBe('FAIL');
    expect(dev.output.slice(from)).toMatch(/planted: no description asks to fail/);
    await writeFile(spec, good);
    await dev.waitFor(/verdict: PASS in/, 280_000, dev.output.length);
  }, 600_000);

  test('an invalid save is reported with file and line, keeps the last good output, and the next good save recovers', async () => {
    const good = await readFile(spec, 'utf8');
    const generated = await readFile(schema, 'utf8');
    const rel = path.relative(repo.dir, spec).replaceAll('.', '\\.');

    let from = dev.output.length;
    await writeFile(spec, good.replace('maxLength: 150', 'maxLength: [150'));
    await dev.waitFor(/spec invalid after change openapi\/\S+\.yaml: keeping the last good generated files/, 30_000, from);
    await dev.waitFor(new RegExp(`${rel}:\\d+:\\d+ error yaml: `), 5_000, from);

    from = dev.output.length;
    await writeFile(spec, good.replace(/( +)unique_name:\n/, '$1unique_name:\n$1  typo: 1\n'));
    await dev.waitFor(new RegExp(`${rel}:\\d+:\\d+ error struct: Property \`typo\` is not expected here`), 30_000, from);
    expect(await readFile(schema, 'utf8')).toBe(generated);

    from = dev.output.length;
    await writeFile(spec, good.replace('Supports UTF-8.', 'Supports UTF-8 characters.'));
    await dev.waitFor(/regenerated in \d+ ms: updated packages\/types\/src\/generated\/schema\.gen\.ts/, 30_000, from);
    expect(await readFile(schema, 'utf8')).toContain('Supports UTF-8 characters.');
    await dev.waitFor(/verdict: PASS in/, 280_000, from);
  }, 600_000);

  test('never loops on its own outputs: with no save, nothing regenerates', async () => {
    const from = dev.output.length;
    await sleep(1_500);
    expect(dev.output.slice(from)).not.toMatch(/regenerated in/);
  });
});
