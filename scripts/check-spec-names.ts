/**
 * `pnpm check:names`: the operation is the unit. No hand-written source outside tests may name an operationId,
 * a resource's schema, a resource or a path segment of the spec: those come from generated code or from the
 * spec at run time, so a spec author who adds an operation edits nothing else.
 *
 * Exempt: test/, bench/ and generated/ folders, *.gen.* files, and the one file of per-schema domain rules.
 * The API's shared envelopes (a list page's meta, the error body) are conventions of every operation, not names
 * of one resource, so only schemas that contain an operation's item schema name count.
 *
 * It also fails on a raw spec read (`.responses`, `.requestBody`, `.servers`, `.content`) outside the walker:
 * see lib/raw-spec-reads.ts.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type JsonObject, literalSegments, walkOperations } from '../packages/types/src/walker/index.js';
import { bundleSpec } from './lib/bundle-spec.js';
import { repoRoot, specPath } from './lib/paths.js';
import { RAW_READ_FIX, rawReadScope, rawSpecReads } from './lib/raw-spec-reads.js';

export const DOMAIN_RULES_FILE = 'packages/contract/src/domain-rules.ts';
const EXEMPT = /(^|\/)(test|tests|bench|generated)\/|\.gen\.|\.test(-d)?\.[cm]?[jt]s$/;
const SOURCE = /^(packages\/[^/]+\/src|scripts)\/.*\.[cm]?[jt]sx?$/;

export interface NameHit {
  file: string;
  line: number;
  name: string;
  kind: 'operationId' | 'schema' | 'resource' | 'path segment';
}

/** The names a hand-written source must not spell, by kind. */
export function forbiddenNames(document: JsonObject): Map<string, NameHit['kind']> {
  const ops = walkOperations(document);
  const names = new Map<string, NameHit['kind']>();
  const items = [...new Set(ops.map((o) => o.schema).filter((s): s is string => !!s))];
  for (const schema of Object.keys(document.components?.schemas ?? {})) {
    if (items.some((item) => new RegExp(`(^|[^a-z])${item}([^a-z]|$)`).test(schema))) names.set(schema, 'schema');
  }
  for (const op of ops) {
    names.set(op.operationId, 'operationId');
    names.set(op.resource, 'resource');
    for (const segment of literalSegments(op.path)) if (!/^v\d+$/.test(segment)) names.set(segment, 'path segment');
  }
  return names;
}

/** Every place a hand-written source under `root` names one of `names` as a whole word. */
export function findHits(root: string, files: string[], names: Map<string, NameHit['kind']>): NameHit[] {
  const words = [...names.keys()].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(`(?<![A-Za-z0-9_$])(${words.join('|')})(?![A-Za-z0-9_$])`, 'g');
  const hits: NameHit[] = [];
  for (const file of files) {
    if (!SOURCE.test(file) || EXEMPT.test(file) || file === DOMAIN_RULES_FILE) continue;
    const lines = readFileSync(path.join(root, file), 'utf8').split('\n');
    lines.forEach((text, i) => {
      for (const m of text.matchAll(re)) hits.push({ file, line: i + 1, name: m[1]!, kind: names.get(m[1]!)! });
    });
  }
  return hits;
}

async function main(): Promise<void> {
  const names = forbiddenNames(await bundleSpec(path.join(repoRoot, specPath), true));
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: repoRoot, encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
  const hits = findHits(repoRoot, files, names);
  const reads = rawSpecReads(files.filter(rawReadScope).map((f) => ({ path: f, text: readFileSync(path.join(repoRoot, f), 'utf8') })));
  if (hits.length === 0 && reads.length === 0) {
    console.log(
      `check:names: no hand-written source names an operation, resource or path (${names.size} names checked) ` +
        'or reads the raw spec outside the walker',
    );
    return;
  }
  for (const h of hits) console.error(`${h.file}:${h.line}: names the ${h.kind} '${h.name}'`);
  if (hits.length > 0) {
    console.error(
      `\n${hits.length} place(s) name the spec by hand. Read it from generated code (@twilio-proxy/types operationsMeta, ` +
        `the generated facade) or from the spec at run time; per-schema domain rules belong in ${DOMAIN_RULES_FILE}.`,
    );
  }
  for (const r of reads) console.error(`${r.path}:${r.line}: reads the raw spec outside the walker (${r.text}): ${RAW_READ_FIX}`);
  if (reads.length > 0) console.error(`\n${reads.length} raw spec read(s) outside packages/types/src/walker/.`);
  process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await main();
