/**
 * What a package's tarball must hold, checked on the list `pnpm pack` would pack: the README and
 * LICENSE that npm pages and consumers read, and every file a shipped source map points at (a map
 * whose sources are missing only sends a debugger to a dead end).
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/** The paths (relative, `/`-separated) that `pnpm pack` would put in the tarball of the package in `dir`. */
export async function packedFiles(dir: string): Promise<string[]> {
  const { stdout } = await exec('pnpm', ['pack', '--dry-run', '--json'], { cwd: dir, maxBuffer: 32 * 1024 * 1024 });
  const report = JSON.parse(stdout) as { files: { path: string }[] };
  return report.files.map((f) => f.path);
}

/** One line per problem with the packed `files` of the package in `dir`; empty when it is complete. */
export async function packProblems(dir: string, files: string[], rootLicense: string): Promise<string[]> {
  const packed = new Set(files);
  const problems: string[] = [];
  for (const needed of ['README.md', 'LICENSE']) {
    if (!packed.has(needed)) problems.push(`${needed} is not in the tarball`);
  }
  if (packed.has('LICENSE') && (await readFile(path.join(dir, 'LICENSE'), 'utf8')) !== rootLicense) {
    problems.push('LICENSE differs from the repository root LICENSE');
  }
  for (const map of files.filter((f) => f.endsWith('.map'))) {
    const { sources = [], sourceRoot = '' } = JSON.parse(await readFile(path.join(dir, map), 'utf8')) as {
      sources?: string[];
      sourceRoot?: string;
    };
    for (const source of sources) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(map), sourceRoot, source));
      if (!packed.has(target)) problems.push(`${map} points at ${target}, which is not in the tarball`);
    }
  }
  return problems;
}

/** The parts of a package.json these checks read. */
export interface Manifest {
  [field: string]: unknown;
  repository?: { url?: string; directory?: string };
  engines?: { node?: string };
  exports?: Record<string, unknown>;
}

/** The metadata every workspace package carries, and the runtime it states, consistent with the root manifest. */
export function manifestProblems(manifest: Manifest, root: Manifest, directory: string): string[] {
  const problems: string[] = [];
  for (const field of ['description', 'homepage', 'license']) {
    if (typeof manifest[field] !== 'string' || manifest[field] === '') problems.push(`package.json has no ${field}`);
  }
  if (!Array.isArray(manifest.keywords) || manifest.keywords.length === 0) problems.push('package.json has no keywords');
  if (manifest.license !== undefined && manifest.license !== root.license)
    problems.push(`license ${manifest.license} is not the root's ${root.license}`);
  if (manifest.repository?.url !== root.repository?.url || manifest.repository?.directory !== directory) {
    problems.push(`repository must be { url: ${root.repository?.url}, directory: ${directory} }`);
  }
  if (manifest.engines?.node !== root.engines?.node)
    problems.push(`engines.node ${manifest.engines?.node} is not the root's ${root.engines?.node}`);
  return problems;
}

/** The API reference documents every entry point a consumer can import: typedoc.json's entryPoints are the `exports` sources. */
export function apiDocsProblems(manifest: Manifest, typedoc: { entryPoints?: string[] } | undefined): string[] {
  const exported = Object.values(manifest.exports ?? {})
    .map((target) => (typeof target === 'string' ? target : (target as Record<string, unknown> | null)?.['@twilio-proxy/source']))
    .filter((source): source is string => typeof source === 'string' && source.endsWith('.ts'));
  const documented = typedoc?.entryPoints ?? [];
  const missing = exported.filter((s) => !documented.includes(s));
  const extra = documented.filter((s) => !exported.includes(s));
  return [
    ...missing.map((s) => `typedoc.json does not document the export ${s}`),
    ...extra.map((s) => `typedoc.json documents ${s}, which package.json does not export`),
  ];
}
