import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export type Bump = 'major' | 'minor' | 'patch';
const RANK: Record<Bump, number> = { patch: 1, minor: 2, major: 3 };

/** The highest bump each package gets from the pending changesets in `<root>/.changeset/*.md`. */
export async function pendingBumps(root: string): Promise<Map<string, Bump>> {
  const dir = path.join(root, '.changeset');
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.md') && n !== 'README.md');
  const bumps = new Map<string, Bump>();
  for (const name of names.sort()) {
    const text = await readFile(path.join(dir, name), 'utf8');
    const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
    for (const line of front.split(/\r?\n/)) {
      const m = /^\s*["']?([^"':\s]+)["']?\s*:\s*(major|minor|patch)\s*$/.exec(line);
      if (!m) continue;
      const [, pkg, bump] = m as unknown as [string, string, Bump];
      const prev = bumps.get(pkg);
      if (!prev || RANK[bump] > RANK[prev]) bumps.set(pkg, bump);
    }
  }
  return bumps;
}

interface Manifest {
  name: string;
  private?: boolean;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

/** `seed` plus every publishable workspace package that depends on it, directly or not. */
export async function dependents(root: string, seed: string): Promise<string[]> {
  const dir = path.join(root, 'packages');
  const manifests: Manifest[] = [];
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    try {
      manifests.push(JSON.parse(await readFile(path.join(dir, name, 'package.json'), 'utf8')));
    } catch {
      // not a package
    }
  }
  const affected = new Set([seed]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const m of manifests) {
      if (m.private || affected.has(m.name)) continue;
      const deps = { ...m.dependencies, ...m.peerDependencies };
      if (Object.keys(deps).some((d) => affected.has(d))) {
        affected.add(m.name);
        grew = true;
      }
    }
  }
  return [...affected].sort();
}
