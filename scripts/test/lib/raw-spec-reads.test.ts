import { describe, expect, test } from 'vitest';
import { RAW_READ_ALLOWED, rawSpecReads } from '../../lib/raw-spec-reads.js';

/**
 * The lines of `text`, planted in one hand-written source file, that read the raw spec. In the rows `#{` stands for
 * a template's `${` (a `${` in a plain string reads to biome as a forgotten template).
 */
const hitLines = (text: string, path = 'packages/demo/src/core/read.ts') =>
  rawSpecReads([{ path, text: text.replaceAll('#{', '${') }]).map((h) => h.line);

describe('rawSpecReads: no raw responses / requestBody / servers / content read outside the walker', () => {
  test.each([
    { read: "const ok = op.responses['200'];" },
    { read: 'const url = doc?.servers?.[0]?.url;' },
    { read: 'if (x.requestBody) return;' },
    { read: 'const media = r["content"];' },
    { read: "const media = r[ 'content' ];" },
    { read: 'const byStatus = op\n  .responses;', line: 3 },
    { read: 'const t = `#{op.responses}`;' },
    { read: 'const t = `a #{`b #{doc.servers[0]} c`} d`;' },
    { read: "const t = `#{{ a: 1 }['a']}` + x['requestBody'];" },
  ])('hits: $read', ({ read, line = 2 }) => {
    expect(hitLines(`const before = 1;\n${read}\n`)).toEqual([line]);
  });

  test.each([
    { read: '// op.responses is read by the walker' },
    { read: '/* doc.servers\n  x["content"] */' },
    { read: 'const s = \'op.responses and r["content"]\';' },
    { read: "const t = `#{o}['responses'][#{q(status)}]['content']`;" },
    { read: "const length = headers['content-length'];" },
    { read: 'const t = op.contentType ?? op.contents ?? op.responsesByStatus;' },
    { read: 'const merged = { ...responses, servers: [] };' },
    { read: "const re = /'/; const s = 'x.content';" },
    { read: "const ok = x / 2; const s = '.servers';" },
  ])('does not hit: $read', ({ read }) => {
    expect(hitLines(`${read}\n`)).toEqual([]);
  });

  test.each([
    { path: 'packages/types/src/walker/success-response.ts', hits: false },
    { path: 'packages/demo/src/generated/operations.ts', hits: false },
    { path: 'packages/demo/src/core/aliases.gen.ts', hits: false },
    { path: 'packages/demo/test/read.test.ts', hits: false },
    { path: 'scripts/test/generators/read.test.ts', hits: false },
    { path: 'packages/demo/README.md', hits: false },
    ...[...RAW_READ_ALLOWED].map((path) => ({ path, hits: false })),
    { path: 'scripts/lib/render-demo.ts', hits: true },
    { path: 'packages/demo/src/bin/demo.ts', hits: true },
  ])('scope: $path is checked: $hits', ({ path, hits }) => {
    expect(hitLines('const ok = op.responses;', path).length > 0).toBe(hits);
  });

  test('a hit names the file, the line and its text', () => {
    const files = [{ path: 'scripts/lib/a.ts', text: '// one\n  const x = doc.servers;\n' }];
    expect(rawSpecReads(files)).toEqual([{ path: 'scripts/lib/a.ts', line: 2, text: 'const x = doc.servers;' }]);
  });
});
