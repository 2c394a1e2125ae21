/**
 * The breaking-change gate: compares the spec with the one at a base revision and classifies
 * every change. Exits 1 on a breaking change unless pending changesets bump every affected
 * package (@twilio-proxy/types and its dependents) by major.
 *
 *   pnpm spec:diff [--base <git ref>] [--markdown] [--no-redocly]
 *
 * Default base: the merge base with `main` (HEAD itself when on main), else the last tag.
 * Engines: our classifier (scripts/lib/spec-changes.ts) always; `redocly diff` as a second
 * opinion whose `major` verdicts also count, unless `--no-redocly`.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { bundleSpec } from './lib/bundle-spec.js';
import { dependents, pendingBumps } from './lib/changesets.js';
import { repoRoot, specPath as SPEC } from './lib/paths.js';
import { classifySpecChanges, type SpecChange } from './lib/spec-changes.js';

const exec = promisify(execFile);
const TYPES = '@twilio-proxy/types';

const { values } = parseArgs({
  options: {
    base: { type: 'string' },
    'base-file': { type: 'string' },
    spec: { type: 'string' },
    root: { type: 'string', default: repoRoot },
    markdown: { type: 'boolean', default: false },
    'no-redocly': { type: 'boolean', default: false },
  },
});
const root = path.resolve(values.root!);
const git = async (...args: string[]) => (await exec('git', ['-C', root, ...args])).stdout.trim();

async function defaultBase(): Promise<string> {
  for (const main of ['main', 'origin/main']) {
    try {
      const [head, tip] = [await git('rev-parse', 'HEAD'), await git('rev-parse', '--verify', main)];
      return head === tip ? 'HEAD' : await git('merge-base', 'HEAD', main);
    } catch {
      // try the next candidate
    }
  }
  return git('describe', '--tags', '--abbrev=0');
}

/** Runs `redocly diff`; returns its major verdicts (empty when it is unavailable or finds none). */
async function redoclyMajors(baseFile: string, revFile: string): Promise<SpecChange[]> {
  const bin = path.join(repoRoot, 'node_modules/.bin/redocly');
  try {
    const { stdout } = await exec(bin, ['diff', baseFile, revFile, '--format', 'json', '--fail-on', 'none', '--lint-config', 'off'], {
      env: { ...process.env, REDOCLY_TELEMETRY: 'off' },
      maxBuffer: 64 * 1024 * 1024,
    });
    const report = JSON.parse(stdout.slice(stdout.indexOf('{')));
    return (report.changes ?? [])
      .filter((ch: { impact: string }) => ch.impact === 'major')
      .flatMap((ch: { path: string; verdicts: { ruleId: string; message: string; impact: string }[] }) =>
        ch.verdicts
          .filter((v) => v.impact === 'major')
          .map((v) => ({
            kind: `redocly:${v.ruleId}`,
            breaking: true,
            where: decodeURIComponent(ch.path.replace(/~1/g, '/').replace(/~0/g, '~')),
            message: v.message,
          })),
      );
  } catch (error) {
    console.error(`spec:diff: redocly diff unavailable (${(error as Error).message.split('\n')[0]}); using our classifier only`);
    return [];
  }
}

function render(changes: SpecChange[], head: string[], markdown: boolean): string {
  const breaking = changes.filter((c) => c.breaking);
  const safe = changes.filter((c) => !c.breaking);
  const lines = [...head];
  if (markdown && changes.length > 0) {
    lines.push('', '| | kind | where | change |', '| --- | --- | --- | --- |');
    for (const c of [...breaking, ...safe])
      lines.push(`| ${c.breaking ? '🔴 breaking' : '🟢 non-breaking'} | \`${c.kind}\` | \`${c.where}\` | ${c.message} |`);
  } else if (!markdown) {
    for (const [title, list] of [
      ['breaking', breaking],
      ['non-breaking', safe],
    ] as const) {
      if (list.length === 0) continue;
      lines.push('', `${title} (${list.length}):`);
      for (const c of list) lines.push(`  ${c.breaking ? '✗' : '✓'} ${c.kind}: ${c.where}: ${c.message}`);
    }
  }
  return lines.join('\n');
}

async function main(): Promise<number> {
  const tmp = await mkdtemp(path.join(tmpdir(), 'spec-diff-'));
  try {
    const revFile = path.resolve(values.spec ?? path.join(root, SPEC));
    let baseFile: string;
    let baseLabel: string;
    if (values['base-file']) {
      baseFile = path.resolve(values['base-file']);
      baseLabel = path.relative(process.cwd(), baseFile);
    } else {
      const ref = values.base ?? (await defaultBase());
      baseFile = path.join(tmp, 'base.yaml');
      baseLabel = `${SPEC} at ${ref}`;
      try {
        await writeFile(baseFile, await git('show', `${ref}:${SPEC}`));
      } catch {
        console.log(`spec:diff: ${SPEC} does not exist at ${ref}; nothing to compare`);
        return 0;
      }
    }
    const [base, revision] = await Promise.all([bundleSpec(baseFile, true), bundleSpec(revFile, true)]);
    const changes = classifySpecChanges(base, revision);
    if (!values['no-redocly'] && changes.every((c) => !c.breaking)) {
      // A second engine: anything it rates major that ours let through still counts as breaking.
      changes.push(...(await redoclyMajors(baseFile, revFile)));
    }
    const breaking = changes.filter((c) => c.breaking);

    const affected = await dependents(root, TYPES);
    const bumps = await pendingBumps(root);
    const missing = affected.filter((p) => bumps.get(p) !== 'major');
    const blocked = breaking.length > 0 && missing.length > 0;

    const head = [
      `${values.markdown ? '### ' : ''}spec:diff ${path.relative(root, revFile) || revFile} against ${baseLabel}: ` +
        (changes.length === 0 ? 'no API change' : `${breaking.length} breaking, ${changes.length - breaking.length} non-breaking`),
    ];
    if (breaking.length > 0) {
      head.push(
        '',
        blocked
          ? `${values.markdown ? '**' : ''}Breaking change without a major changeset.${values.markdown ? '**' : ''} ` +
              `Run \`pnpm changeset\` and choose major for: ${missing.join(', ')}.`
          : `Breaking, and the pending changesets bump ${affected.join(', ')} by major: allowed.`,
      );
    }
    console.log(render(changes, head, values.markdown!));
    return blocked ? 1 : 0;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`spec:diff failed: ${(error as Error).message}`);
  process.exitCode = 2;
}
