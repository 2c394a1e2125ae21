/**
 * The breaking-change gate: compares the spec with the one at a base revision and classifies
 * every change. Exits 1 on a breaking change unless pending changesets bump every affected
 * package (@twilio-proxy/types and its dependents) by major.
 *
 *   pnpm spec:diff [--base <git ref>] [--markdown] [--no-redocly]
 *
 * Default base: the merge base with `main` (HEAD itself when on main), else the last tag. The spec is read
 * whole at both ends: the root document and the per-resource files it refers to.
 * Engines: our classifier (scripts/lib/spec-changes.ts) always; `redocly diff` as a second
 * opinion whose `major` verdicts also count, unless `--no-redocly`.
 * The packages' TypeScript API too: every committed API report (`packages/<name>/api/*.api.md`,
 * `pnpm api:report`) is compared with the base's (scripts/lib/api-changes.ts). A removed export or a
 * removed or narrowed member is breaking and needs a major changeset for that package; additions
 * are minor. `--no-api` skips this (and `--base-file` has no base reports to compare).
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { type ApiChange, classifyApiChanges } from './lib/api-changes.js';
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
    'no-api': { type: 'boolean', default: false },
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

/**
 * Writes the spec as it was at `ref` under `dir`: the root document and every YAML file beside and below it
 * (the split spec's per-resource files), at the same relative paths, so its `$ref`s resolve as they did.
 */
async function checkoutSpec(ref: string, dir: string): Promise<void> {
  const specDir = path.posix.dirname(SPEC);
  const files = (await git('ls-tree', '-r', '--name-only', ref, '--', specDir)).split('\n').filter((f) => f.endsWith('.yaml'));
  if (!files.includes(SPEC)) throw new Error(`${SPEC} does not exist at ${ref}`);
  for (const file of files) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), `${await git('show', `${ref}:${file}`)}\n`);
  }
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

/** Every API report's changes between `ref` and the working tree (none when `ref` has no reports yet). */
async function apiChanges(ref: string): Promise<ApiChange[]> {
  const isReport = (f: string) => /^packages\/[^/]+\/api\/[^/]+\.api\.md$/.test(f);
  const atBase = (await git('ls-tree', '-r', '--name-only', ref, '--', 'packages')).split('\n').filter(isReport);
  if (atBase.length === 0) return [];
  const now: string[] = [];
  for (const dir of await readdir(path.join(root, 'packages')).catch(() => [] as string[]))
    for (const name of await readdir(path.join(root, 'packages', dir, 'api')).catch(() => [] as string[]))
      if (isReport(`packages/${dir}/api/${name}`)) now.push(`packages/${dir}/api/${name}`);
  const changes: ApiChange[] = [];
  for (const file of [...new Set([...atBase, ...now])].sort()) {
    const base = atBase.includes(file) ? await git('show', `${ref}:${file}`) : null;
    const revision = await readFile(path.join(root, file), 'utf8').catch(() => null);
    const dir = file.split('/').slice(0, 2).join('/');
    const manifest = await readFile(path.join(root, dir, 'package.json'), 'utf8').catch(() => git('show', `${ref}:${dir}/package.json`));
    changes.push(...classifyApiChanges(JSON.parse(manifest).name, file, base, revision));
  }
  return changes;
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
    let ref: string | null = null;
    if (values['base-file']) {
      baseFile = path.resolve(values['base-file']);
      baseLabel = path.relative(process.cwd(), baseFile);
    } else {
      ref = values.base ?? (await defaultBase());
      baseFile = path.join(tmp, SPEC);
      baseLabel = `${SPEC} at ${ref}`;
      try {
        await checkoutSpec(ref, tmp);
      } catch {
        console.log(`spec:diff: ${SPEC} does not exist at ${ref}; nothing to compare`);
        return 0;
      }
    }
    const [base, revision] = await Promise.all([bundleSpec(baseFile, true), bundleSpec(revFile, true)]);
    const changes: SpecChange[] = classifySpecChanges(base, revision);
    if (!values['no-redocly'] && changes.every((c) => !c.breaking)) {
      // A second engine: anything it rates major that ours let through still counts as breaking.
      changes.push(...(await redoclyMajors(baseFile, revFile)));
    }
    const api = ref && !values['no-api'] ? await apiChanges(ref) : [];
    const specBreaking = changes.some((c) => c.breaking);
    changes.push(...api);
    const breaking = changes.filter((c) => c.breaking);

    // A breaking spec change needs a major for the types and every dependent; a breaking API report
    // change, for the package whose report it is.
    const bumps = await pendingBumps(root);
    const needMajor = new Set([...(specBreaking ? await dependents(root, TYPES) : []), ...api.filter((c) => c.breaking).map((c) => c.pkg)]);
    const affected = [...needMajor].sort();
    const missing = affected.filter((p) => bumps.get(p) !== 'major');
    const blocked = breaking.length > 0 && missing.length > 0;

    const head = [
      `${values.markdown ? '### ' : ''}spec:diff ${path.relative(root, revFile) || revFile} against ${baseLabel}: ` +
        (changes.length === 0 ? 'no API change' : `${breaking.length} breaking, ${changes.length - breaking.length} non-breaking`) +
        (api.length > 0 ? ` (${api.length} in the API reports)` : ''),
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
