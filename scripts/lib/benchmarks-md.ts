import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './paths.js';

export const benchmarksFile = path.join(repoRoot, 'BENCHMARKS.md');

const HEAD = `# Benchmarks

Written by \`pnpm bench\`: each package's bench replaces its own section when it runs. Do not edit by hand;
every figure below says where, when and on what it was measured.
`;

/** Where and when a figure was measured: the line every section starts with. */
export function machineLine(now = new Date()): string {
  const cpus = os.cpus();
  const load = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  return (
    `_Measured ${now.toISOString().slice(0, 10)} on Node ${process.version}, ${os.platform()} ${os.arch()}, ` +
    `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, load average ${load}._`
  );
}

/** Replaces the section `id` of BENCHMARKS.md (appending it when new), keeping every other section as it was. */
export async function writeBenchmarkSection(id: string, title: string, body: string, file = benchmarksFile): Promise<void> {
  const current = await readFile(file, 'utf8').catch(() => HEAD);
  const start = `<!-- bench:${id} -->`;
  const end = `<!-- /bench:${id} -->`;
  const section = `${start}\n## ${title}\n\n${machineLine()}\n\n${body.trim()}\n${end}`;
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next =
    from >= 0 && to > from ? current.slice(0, from) + section + current.slice(to + end.length) : `${current.trimEnd()}\n\n${section}\n`;
  await writeFile(file, next);
}

/** The body of section `id` (without its title and machine line), or undefined when the file has no such section. */
export async function readBenchmarkSection(id: string, file = benchmarksFile): Promise<string | undefined> {
  const current = await readFile(file, 'utf8').catch(() => '');
  const from = current.indexOf(`<!-- bench:${id} -->`);
  const to = current.indexOf(`<!-- /bench:${id} -->`);
  if (from < 0 || to < from) return undefined;
  const lines = current.slice(from, to).split('\n');
  // Start tag, title, blank, machine line, blank: the body follows.
  return lines.slice(5).join('\n').trim();
}
