import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DOMAIN_RULES_FILE, findHits, forbiddenNames } from '../../../scripts/check-spec-names.js';
import { bundleSpec } from '../../../scripts/lib/bundle-spec.js';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

describe('check:names', () => {
  let names: Map<string, string>;
  let dir: string;
  beforeAll(async () => {
    names = forbiddenNames(await bundleSpec(path.join(repoRoot, 'openapi/proxy-v1.yaml'), true));
    dir = await mkdtemp(path.join(tmpdir(), 'check-names-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  test('forbids the spec operationIds, item schemas, resources and path segments, not shared envelopes', () => {
    expect(Object.fromEntries(names)).toMatchObject({
      ListSession: 'operationId',
      Session: 'schema',
      SessionStatus: 'schema',
      sessions: 'resource',
      Sessions: 'path segment',
      Services: 'path segment',
    });
    for (const shared of ['PageMeta', 'TwilioError', 'v1']) expect(names.has(shared), shared).toBe(false);
  });

  const cases: [string, string, number][] = [
    ['packages/x/src/core/list.ts', "client.list('ListSession')", 1],
    ['packages/x/src/core/words.ts', '// each of the sessions', 1],
    ['packages/x/src/core/path.ts', "const p = '/v1/Services/{S}/Sessions';", 2],
    ['packages/x/src/core/fine.ts', 'const sessionsCount = 1; // a ListSessionsQuery alias', 0],
    ['packages/x/test/list.test.ts', "client.list('ListSession')", 0],
    ['packages/x/bench/run.ts', 'client.sessions.each()', 0],
    ['packages/x/src/generated/resources.gen.ts', 'sessions: {}', 0],
    [DOMAIN_RULES_FILE, 'export const rules = { Session: {} };', 0],
    ['scripts/start.ts', 'mock.sessions', 1],
  ];
  test.each(cases)('%s: %s → %i hit(s)', async (file, text, count) => {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), `${text}\n`);
    expect(findHits(dir, [file], names as never)).toHaveLength(count);
  });
});
