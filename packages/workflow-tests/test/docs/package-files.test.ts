import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiDocsProblems, manifestProblems, packedFiles, packProblems } from '../../../../scripts/lib/packed-files.js';

const repoRoot = path.resolve(import.meta.dirname, '../../../..');
const rootManifest = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8'));
const rootLicense = await readFile(path.join(repoRoot, 'LICENSE'), 'utf8');

describe('pnpm lint:package: what a tarball must hold', () => {
  let dir: string;
  const write = async (file: string, text: string) => {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  };
  const manifest = (files: string[]) => write('package.json', JSON.stringify({ name: 'tarball-probe', version: '1.0.0', files }));
  const problems = async () => packProblems(dir, await packedFiles(dir), rootLicense);

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'pack-probe-'));
    await write('dist/index.js', 'export {};\n//# sourceMappingURL=index.js.map\n');
    await write('dist/index.js.map', JSON.stringify({ version: 3, file: 'index.js', sources: ['../src/index.ts'], mappings: '' }));
    await write('src/index.ts', 'export {};\n');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  test('a tarball without README.md, LICENSE or the sources of its maps fails, naming each', async () => {
    await manifest(['dist']);
    expect(await problems()).toEqual([
      'README.md is not in the tarball',
      'LICENSE is not in the tarball',
      'dist/index.js.map points at src/index.ts, which is not in the tarball',
    ]);
  });

  test('a LICENSE other than the root one fails', async () => {
    await manifest(['dist', 'src']);
    await write('README.md', '# probe\n');
    await write('LICENSE', 'All rights reserved.\n');
    expect(await problems()).toEqual(['LICENSE differs from the repository root LICENSE']);
  });

  test('README.md, the root LICENSE and the mapped sources pass', async () => {
    await write('LICENSE', rootLicense);
    expect(await problems()).toEqual([]);
  });
});

describe('pnpm lint:package: package metadata', () => {
  const good = {
    description: 'd',
    keywords: ['k'],
    homepage: 'h',
    license: rootManifest.license,
    repository: { url: rootManifest.repository.url, directory: 'packages/x' },
    engines: { node: rootManifest.engines.node },
  };
  test.each([
    ['complete', good, []],
    ['no keywords', { ...good, keywords: [] }, ['package.json has no keywords']],
    ['no homepage', { ...good, homepage: undefined }, ['package.json has no homepage']],
    ['another engines range', { ...good, engines: { node: '>=18' } }, [`engines.node >=18 is not the root's ${rootManifest.engines.node}`]],
    [
      'another repository directory',
      { ...good, repository: { url: rootManifest.repository.url } },
      [`repository must be { url: ${rootManifest.repository.url}, directory: packages/x }`],
    ],
  ])('%s', (_label, manifest, expected) => {
    expect(manifestProblems(manifest, rootManifest, 'packages/x')).toEqual(expected);
  });

  test('the root engines range is what vite 8 and redocly 2 need', () => {
    expect(rootManifest.engines.node).toBe('^20.19 || >=22.12');
  });
});

describe('pnpm lint:package: the API reference covers every export', () => {
  const manifest = {
    exports: {
      '.': { '@twilio-proxy/source': './src/index.ts', default: './dist/index.js' },
      './extra': { '@twilio-proxy/source': './src/extra.ts', default: './dist/extra.js' },
      './data.json': './dist/data.json',
      './package.json': './package.json',
    },
  };
  test.each([
    ['every export documented', ['./src/index.ts', './src/extra.ts'], []],
    ['an export left out', ['./src/index.ts'], ['typedoc.json does not document the export ./src/extra.ts']],
    [
      'a file that is not exported',
      ['./src/index.ts', './src/extra.ts', './src/internal.ts'],
      ['typedoc.json documents ./src/internal.ts, which package.json does not export'],
    ],
  ])('%s', (_label, entryPoints, expected) => {
    expect(apiDocsProblems(manifest, { entryPoints })).toEqual(expected);
  });
});
