import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** One public entry point of a package: its `exports` key, the built `.d.ts` behind it, and its report. */
export interface ApiEntry {
  /** `@twilio-proxy/contract` */
  pkg: string;
  /** `packages/contract`, repo-relative */
  dir: string;
  /** `./vitest` */
  subpath: string;
  /** `dist/vitest/index.d.ts`, package-relative */
  dts: string;
  /** `packages/contract/api/vitest.api.md`, repo-relative */
  report: string;
}

/** The report's file stem for an `exports` key: `.` → `index`, `./vitest/setup` → `vitest-setup`. */
export const reportStem = (subpath: string): string => (subpath === '.' ? 'index' : subpath.replace(/^\.\//, '').replace(/\//g, '-'));

/** Every `exports` entry of the package in `dir` that has types (the API); JSON files and package.json are data. */
export async function apiEntries(root: string, dir: string): Promise<ApiEntry[]> {
  const manifest = JSON.parse(await readFile(path.join(root, dir, 'package.json'), 'utf8'));
  const entries: ApiEntry[] = [];
  for (const [subpath, target] of Object.entries<unknown>(manifest.exports ?? {})) {
    const types = typeof target === 'object' && target !== null ? (target as Record<string, unknown>).types : undefined;
    if (typeof types !== 'string') continue;
    entries.push({
      pkg: manifest.name,
      dir,
      subpath,
      dts: types.replace(/^\.\//, ''),
      report: path.posix.join(dir, 'api', `${reportStem(subpath)}.api.md`),
    });
  }
  return entries;
}
