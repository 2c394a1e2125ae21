/**
 * What the `pnpm dev` benches share: a watcher started on a repository, and a save of the spec timed until the
 * watcher has done what the bench waits for (regenerated types, or the typecheck-and-test verdict).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Proc, repoRoot } from '../e2e/helpers/temp-repo.js';

/** A description sentence of the spec: each save replaces it with a marker, so the generated types change. */
const ANCHOR = 'Supports UTF-8 characters.';

/** The spec text with its first occurrence of the anchor sentence replaced by `marker`. */
export function withMarker(original: string, marker: string): string {
  if (!original.includes(ANCHOR)) throw new Error(`the spec no longer contains "${ANCHOR}": pick another sentence to edit`);
  return original.replace(ANCHOR, marker);
}

/**
 * `pnpm dev` (scripts/dev.ts) watching `root`, resolved once it says it is watching. By default the scripts of this
 * repository run it; `scripts` may name another copy (a clone measures its own watcher).
 */
export async function startDev(root: string, flags: string[], scripts = repoRoot): Promise<Proc> {
  const dev = new Proc(process.execPath, ['--import', 'tsx', path.join(scripts, 'scripts/dev.ts'), '--root', root, ...flags], scripts);
  await dev.waitFor(/watching/, 60_000);
  return dev;
}

/** Writes `text` to the spec and resolves with the milliseconds until `done` resolves, and what it resolved with. */
export async function timeSave<T>(spec: string, text: string, done: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  await writeFile(spec, text);
  const result = await done();
  return { ms: performance.now() - started, result };
}
