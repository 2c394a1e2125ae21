// pnpm bench (install size): what `npm install @twilio-proxy/client` puts on disk of this repo's packages, the
// client and the types package it depends on, unpacked: the bytes of every file `pnpm pack` would ship (the list
// lint:package checks), as built (turbo builds before bench). Target: ≤ 1 MB with every operation of the spec
// (twilio-node unpacks to 17 MB). The files under dist/generated/ grow with the spec: their bytes per operation
// say how far the budget stretches. Writes the install-size section of BENCHMARKS.md.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { operationsMeta } from '@twilio-proxy/types';
import { writeBenchmarkSection } from '../../../scripts/lib/benchmarks-md.js';
import { packedFiles } from '../../../scripts/lib/packed-files.js';
import { repoRoot } from '../../../scripts/lib/paths.js';

/** ≤ 1 MB (10⁶ bytes) for the client and the types package together. */
const INSTALL_BUDGET = 1_000_000;

const packages = ['client', 'types'];
// Measured the same way at 526ff66, when each package shipped src/ beside dist/, every map, and the dereferenced spec.
const BEFORE = { bytes: 2_286_027, commit: '526ff66' };
const operations = Object.keys(operationsMeta).length;
const files: { pkg: string; file: string; bytes: number }[] = [];
for (const pkg of packages) {
  const dir = path.join(repoRoot, 'packages', pkg);
  for (const file of await packedFiles(dir)) files.push({ pkg, file, bytes: (await stat(path.join(dir, file))).size });
}
const sum = (xs: { bytes: number }[]) => xs.reduce((n, f) => n + f.bytes, 0);
const total = sum(files);
const grown = sum(files.filter((f) => f.file.startsWith('dist/generated/')));
const perOp = grown / operations;
const fits = Math.floor((INSTALL_BUDGET - (total - grown)) / perOp);
const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;
const MB = (n: number) => `${(n / 1e6).toFixed(2)} MB`;
const kind = (file: string) =>
  file.startsWith('dist/generated/')
    ? 'generated (grows with the spec)'
    : file.endsWith('.d.ts')
      ? 'declarations'
      : file.endsWith('.js')
        ? 'code'
        : 'package.json, README, LICENSE';

const byKind = new Map<string, number>();
for (const f of files) byKind.set(kind(f.file), (byKind.get(kind(f.file)) ?? 0) + f.bytes);
const out = [
  `\`@twilio-proxy/client\` and \`@twilio-proxy/types\` unpacked: every file \`pnpm pack\` ships, ${operations} operations.`,
  'Each package ships `dist/` only: the code, its declarations and the bundled spec (`$ref`s kept; the contract and',
  'the CLI dereference it in memory on first use). No `src/` copy, no source or declaration maps, no tests.',
  '',
  '| measure | measured | target | |',
  '| --- | ---: | ---: | :---: |',
  `| install size, client + types unpacked, ${operations} operations | ${MB(total)} | ≤ ${MB(INSTALL_BUDGET)} | ${total <= INSTALL_BUDGET ? 'met' : '**not met**'} |`,
  '',
  `Before: ${MB(BEFORE.bytes)} at ${BEFORE.commit} (src/ shipped beside dist/, source and declaration maps, the dereferenced spec).`,
  '',
  '| package | files | unpacked |',
  '| --- | ---: | ---: |',
  ...packages.map((pkg) => {
    const own = files.filter((f) => f.pkg === pkg);
    return `| @twilio-proxy/${pkg} | ${own.length} | ${kB(sum(own))} |`;
  }),
  '',
  '| kind | unpacked |',
  '| --- | ---: |',
  ...[...byKind].sort((a, b) => b[1] - a[1]).map(([k, n]) => `| ${k} | ${kB(n)} |`),
  '',
  `The generated files are ${kB(grown)}, ${kB(perOp)} per operation on average; at that rate ${fits} operations fit the budget.`,
  'Largest files:',
  '',
  '| file | bytes |',
  '| --- | ---: |',
  ...[...files]
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 6)
    .map((f) => `| ${f.pkg}/${f.file} | ${f.bytes.toLocaleString('en')} |`),
].join('\n');
console.log(out);
await writeBenchmarkSection('install-size', '`@twilio-proxy/client` + `@twilio-proxy/types`: install size', out);
console.log('\nwrote the install-size section of BENCHMARKS.md');
