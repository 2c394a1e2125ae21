import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface SyncReport {
  changed: string[];
  reasons: Map<string, 'updated' | 'created' | 'removed' | 'stale' | 'missing' | 'unexpected'>;
}

async function readOrNull(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return null;
  }
}

/**
 * Makes `dir` hold exactly `files`. Writes only what differs, so unchanged files keep their
 * mtime and watchers do not loop. With `checkOnly`, writes nothing and reports the difference.
 */
export async function syncFiles(dir: string, files: Map<string, string>, checkOnly: boolean): Promise<SyncReport> {
  const report: SyncReport = { changed: [], reasons: new Map() };
  const mark = (f: string, reason: SyncReport['reasons'] extends Map<string, infer R> ? R : never) => {
    report.changed.push(f);
    report.reasons.set(f, reason);
  };
  if (!checkOnly) await mkdir(dir, { recursive: true });
  for (const [name, content] of files) {
    const current = await readOrNull(path.join(dir, name));
    if (current === content) continue;
    if (checkOnly) mark(name, current === null ? 'missing' : 'stale');
    else {
      await writeFile(path.join(dir, name), content);
      mark(name, current === null ? 'created' : 'updated');
    }
  }
  const existing = await readdir(dir).catch(() => [] as string[]);
  for (const name of existing.filter((n) => !files.has(n)).sort()) {
    if (checkOnly) mark(name, 'unexpected');
    else {
      await rm(path.join(dir, name), { recursive: true });
      mark(name, 'removed');
    }
  }
  return report;
}

/** Generated files by folder (relative to a repository root), then by file name. */
export type GeneratedTree = Map<string, Map<string, string>>;

/** `syncFiles` for every folder of a tree; the report names files relative to `root` (`packages/types/src/generated/x.gen.ts`). */
export async function syncTree(root: string, tree: GeneratedTree, checkOnly: boolean): Promise<SyncReport> {
  const report: SyncReport = { changed: [], reasons: new Map() };
  for (const [dir, files] of tree) {
    const part = await syncFiles(path.join(root, dir), files, checkOnly);
    for (const f of part.changed) {
      const rel = path.posix.join(dir, f);
      report.changed.push(rel);
      report.reasons.set(rel, part.reasons.get(f)!);
    }
  }
  return report;
}
