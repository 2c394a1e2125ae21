import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

describe('package shape', () => {
  it('keeps vitest (an optional peer) out of everything the package root loads', () => {
    const walk = (d: string): string[] =>
      readdirSync(join(root, d)).flatMap((f) =>
        statSync(join(root, d, f)).isDirectory() ? walk(`${d}/${f}`) : f.endsWith('.ts') ? [`${d}/${f}`] : [],
      );
    const files = ['src/index.ts', 'src/domain-rules.ts', ...['src/core', 'src/internal', 'src/generated'].flatMap(walk)];
    for (const f of files) expect(readFileSync(join(root, f), 'utf8'), f).not.toMatch(/from ['"]vitest|\.\.\/vitest\//);
    expect(pkg.peerDependenciesMeta.vitest.optional).toBe(true);
  });

  it.each(['.', './vitest', './vitest/setup'])('exports %s with the source condition first', (entry) => {
    expect(Object.keys(pkg.exports[entry])).toEqual(['@twilio-proxy/source', 'types', 'default']);
  });

  it('ships the mock CLI as a bin', () => {
    expect(pkg.bin['proxy-mock']).toBe('./dist/bin/mock.js');
  });
});
