import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cloneRepo, Proc, repoRoot } from './helpers/temp-repo.js';

// Drives `pnpm dev` (this repo's scripts/dev.ts) against a clean clone, so the real files are never touched.
describe('pnpm dev', () => {
  let repo: Awaited<ReturnType<typeof cloneRepo>>;
  let dev: Proc;
  let spec: string;
  let schema: string;

  beforeAll(async () => {
    repo = await cloneRepo('dev-');
    // A resource file of the split spec: the root refers to it, and a save there is a save of the spec.
    spec = path.join(repo.dir, 'openapi/resources/sessions.yaml');
    schema = path.join(repo.dir, 'packages/types/src/generated/schema.gen.ts');
    dev = new Proc(
      process.execPath,
      ['--import', 'tsx', path.join(repoRoot, 'scripts/dev.ts'), '--root', repo.dir, '--no-docs', '--filter', '@twilio-proxy/types'],
      repo.dir,
    );
    await dev.waitFor(/watching openapi\/\*\*\/\*\.yaml/, 30_000);
  }, 120_000);
  afterAll(async () => {
    await dev?.stop();
    await repo?.remove();
  }, 120_000);

  test('editing a property regenerates the types, says what changed, and re-runs typecheck and tests', async () => {
    const from = dev.output.length;
    const text = await readFile(spec, 'utf8');
    await writeFile(spec, text.replace('maxLength: 191', 'maxLength: 150').replace('Supports UTF-8 characters.', 'Supports UTF-8.'));
    await dev.waitFor(/regenerated in \d+ ms: updated packages\/types\/src\/generated\/schema\.gen\.ts/, 30_000, from);
    await dev.waitFor(/tighter-constraint: .*sessions\[\]\.unique_name: maxLength 191 → 150/, 5_000, from);
    expect(await readFile(schema, 'utf8')).toContain('Supports UTF-8. This value');
    // Generous: on a loaded 2-core machine the types package's build, typecheck and tests can take minutes.
    await dev.waitFor(/typecheck, test: passed/, 280_000, from);
  }, 300_000);

  test('an invalid save is reported with file and line, keeps the last good output, and the next good save recovers', async () => {
    const good = await readFile(spec, 'utf8');
    const generated = await readFile(schema, 'utf8');

    let from = dev.output.length;
    await writeFile(spec, good.replace('maxLength: 150', 'maxLength: [150'));
    await dev.waitFor(/spec invalid after change openapi\/resources\/sessions\.yaml: keeping the last good generated files/, 30_000, from);
    await dev.waitFor(/openapi\/resources\/sessions\.yaml:\d+:\d+ error yaml: /, 5_000, from);

    from = dev.output.length;
    await writeFile(spec, good.replace('      unique_name:\n', '      unique_name:\n        typo: 1\n'));
    await dev.waitFor(/openapi\/resources\/sessions\.yaml:\d+:\d+ error struct: Property `typo` is not expected here/, 30_000, from);
    expect(await readFile(schema, 'utf8')).toBe(generated);

    from = dev.output.length;
    await writeFile(spec, good.replace('Supports UTF-8.', 'Supports UTF-8 characters.'));
    await dev.waitFor(/regenerated in \d+ ms: updated packages\/types\/src\/generated\/schema\.gen\.ts/, 30_000, from);
    expect(await readFile(schema, 'utf8')).toContain('Supports UTF-8 characters.');
    // The re-run of typecheck and tests starts again (the first test waited for one to pass).
    await dev.waitFor(/running typecheck, test/, 10_000, from);
  }, 240_000);

  test('never loops on its own outputs: with no save, nothing regenerates', async () => {
    const from = dev.output.length;
    await sleep(1_500);
    expect(dev.output.slice(from)).not.toMatch(/regenerated in/);
  });
});
