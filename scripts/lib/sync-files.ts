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
