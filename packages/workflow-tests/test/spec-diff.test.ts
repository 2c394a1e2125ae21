import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { classifyApiChanges } from '../../../scripts/lib/api-changes.js';
import { classifySpecChanges } from '../../../scripts/lib/spec-changes.js';

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../../..');
type Obj = Record<string, any>;

/** A small spec with one list operation: enough surface for every kind of change. */
function baseSpec(): Obj {
  return {
    openapi: '3.1.0',
    info: { title: 'mini', version: '1.0.0' },
    paths: {
      '/v1/Things': {
        get: {
          operationId: 'ListThing',
          parameters: [
            { name: 'PageSize', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000 } },
            { name: 'Status', in: 'query', schema: { type: 'string', enum: ['open', 'closed'] } },
            { name: 'Name', in: 'query', schema: { type: 'string', maxLength: 100, pattern: '^[a-z]+$' } },
          ],
          responses: {
            '200': {
              description: 'ok',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['things'],
                    properties: {
                      things: {
                        type: 'array',
                        items: {
                          type: 'object',
                          required: ['sid', 'mode', 'ttl'],
                          properties: {
                            sid: { type: 'string', maxLength: 34 },
                            mode: { type: 'string', enum: ['a', 'b'] },
                            ttl: { type: 'integer' },
                            note: { type: ['string', 'null'] },
                          },
                        },
                      },
                    },
                  },
                },
              },
            },
            '404': { description: 'not found' },
          },
        },
      },
    },
  };
}

const op = (s: Obj) => s.paths['/v1/Things'].get;
const param = (s: Obj, name: string) => op(s).parameters.find((p: Obj) => p.name === name);
const item = (s: Obj) => op(s).responses['200'].content['application/json'].schema.properties.things.items;

// One row per kind of change: the edit, whether the gate must call it breaking, and the kind it reports.
const cases: [string, (s: Obj) => void, boolean, string][] = [
  // breaking
  ['removed property', (s) => delete item(s).properties.note, true, 'removed-property'],
  [
    'renamed property',
    (s) => {
      item(s).properties.comment = item(s).properties.note;
      delete item(s).properties.note;
    },
    true,
    'renamed-property',
  ],
  ['type change', (s) => (item(s).properties.ttl.type = 'string'), true, 'type-change'],
  ['response property becomes nullable', (s) => (item(s).properties.ttl.type = ['integer', 'null']), true, 'type-change'],
  ['narrowed enum in a request', (s) => (param(s, 'Status').schema.enum = ['open']), true, 'narrowed-enum'],
  ['widened enum in a response', (s) => item(s).properties.mode.enum.push('c'), true, 'widened-enum'],
  [
    'new required parameter',
    (s) => op(s).parameters.push({ name: 'Owner', in: 'query', required: true, schema: { type: 'string' } }),
    true,
    'new-required-parameter',
  ],
  ['optional parameter becomes required', (s) => (param(s, 'Name').required = true), true, 'parameter-now-required'],
  ['tighter maximum in a request', (s) => (param(s, 'PageSize').schema.maximum = 100), true, 'tighter-constraint'],
  ['tighter minimum in a request', (s) => (param(s, 'PageSize').schema.minimum = 10), true, 'tighter-constraint'],
  ['tighter maxLength in a request', (s) => (param(s, 'Name').schema.maxLength = 10), true, 'tighter-constraint'],
  ['new minLength in a request', (s) => (param(s, 'Name').schema.minLength = 2), true, 'tighter-constraint'],
  ['changed pattern in a request', (s) => (param(s, 'Name').schema.pattern = '^[a-z]{2,}$'), true, 'tighter-constraint'],
  ['removed parameter', (s) => op(s).parameters.splice(2, 1), true, 'removed-parameter'],
  ['removed operation', (s) => delete s.paths['/v1/Things'], true, 'removed-operation'],
  ['removed response', (s) => delete op(s).responses['404'], true, 'removed-response'],
  ['response property no longer required', (s) => (item(s).required = ['sid', 'mode']), true, 'property-now-optional'],
  // non-breaking
  ['added optional property', (s) => (item(s).properties.extra = { type: 'string' }), false, 'added-optional-property'],
  [
    'new operation',
    (s) => (s.paths['/v1/Others'] = { get: { operationId: 'ListOther', responses: { '200': { description: 'ok' } } } }),
    false,
    'new-operation',
  ],
  [
    'new optional parameter',
    (s) => op(s).parameters.push({ name: 'Owner', in: 'query', schema: { type: 'string' } }),
    false,
    'new-optional-parameter',
  ],
  ['looser maximum in a request', (s) => (param(s, 'PageSize').schema.maximum = 5000), false, 'looser-constraint'],
  ['dropped pattern in a request', (s) => delete param(s, 'Name').schema.pattern, false, 'looser-constraint'],
  ['widened enum in a request', (s) => param(s, 'Status').schema.enum.push('failed'), false, 'widened-enum'],
  ['narrowed enum in a response', (s) => item(s).properties.mode.enum.pop(), false, 'narrowed-enum'],
  ['tighter maxLength in a response', (s) => (item(s).properties.sid.maxLength = 20), false, 'tighter-constraint'],
  ['new response', (s) => (op(s).responses['429'] = { description: 'slow down' }), false, 'added-response'],
];

describe('classifySpecChanges', () => {
  test.each(cases)('%s', (_name, edit, breaking, kind) => {
    const revision = baseSpec();
    edit(revision);
    const changes = classifySpecChanges(baseSpec(), revision);
    expect(changes.map((c) => c.kind)).toContain(kind);
    expect(changes.some((c) => c.breaking)).toBe(breaking);
  });

  test('descriptions and examples are no API change', () => {
    const revision = baseSpec();
    op(revision).description = 'Lists things.';
    op(revision).responses['200'].content['application/json'].example = { things: [] };
    expect(classifySpecChanges(baseSpec(), revision)).toEqual([]);
  });
});

describe('pnpm spec:diff', () => {
  // The CLI runs on the inline spec above, written as the throwaway repo's openapi/proxy-v1.yaml (JSON is
  // YAML), so each edit's verdict holds whatever the real spec grows into.
  let dir: string;
  const specFile = () => path.join(dir, 'openapi/proxy-v1.yaml');
  const writeSpec = (edit: (s: Obj) => void = () => {}) => {
    const spec = baseSpec();
    edit(spec);
    return writeFile(specFile(), `${JSON.stringify(spec, null, 2)}\n`);
  };

  async function specDiff(...args: string[]) {
    try {
      const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'scripts/spec-diff.ts'), ...args], {
        cwd: repoRoot,
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  beforeAll(async () => {
    // A throwaway git repo holding the inline spec and the package manifests (to find the dependents).
    dir = await mkdtemp(path.join(tmpdir(), 'spec-diff-'));
    await mkdir(path.join(dir, 'openapi'), { recursive: true });
    await writeSpec();
    for (const pkg of ['types', 'client', 'contract', 'cli']) {
      await mkdir(path.join(dir, 'packages', pkg), { recursive: true });
      await cp(path.join(repoRoot, 'packages', pkg, 'package.json'), path.join(dir, 'packages', pkg, 'package.json'));
    }
    const git = (...a: string[]) => run('git', ['-C', dir, ...a]);
    await git('init', '-q', '-b', 'main');
    await git('add', '.');
    await git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'base');
    await git('checkout', '-q', '-b', 'feature');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  test('a breaking edit fails against the merge base with main, naming the packages to bump', async () => {
    await writeSpec((s) => {
      param(s, 'PageSize').schema.maximum = 500;
      item(s).properties.mode.enum.push('c');
    });
    const result = await specDiff('--root', dir, '--no-redocly');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/\b2 breaking/);
    expect(result.stdout).toMatch(/query PageSize: maximum 1000 → 500/);
    expect(result.stdout).toMatch(/widened-enum: .*things\[\]\.mode/);
    expect(result.stdout).toMatch(/major for: @twilio-proxy\/cli, @twilio-proxy\/client, @twilio-proxy\/contract, @twilio-proxy\/types/);

    const markdown = await specDiff('--root', dir, '--no-redocly', '--markdown', '--base', 'main');
    expect(markdown.code).toBe(1);
    expect(markdown.stdout).toMatch(/^### spec:diff/);
    expect(markdown.stdout).toMatch(/\| 🔴 breaking \| `tighter-constraint` \|/);
  });

  test('a major changeset for every affected package lets the breaking change through; a minor one does not', async () => {
    await mkdir(path.join(dir, '.changeset'), { recursive: true });
    const changeset = path.join(dir, '.changeset/narrow-page-size.md');
    const front = (bump: string) =>
      `---\n${['types', 'client', 'contract', 'cli'].map((p) => `'@twilio-proxy/${p}': ${bump}`).join('\n')}\n---\n\nPageSize max 500.\n`;
    await writeFile(changeset, front('minor'));
    expect((await specDiff('--root', dir, '--no-redocly')).code).toBe(1);
    await writeFile(changeset, front('major'));
    const allowed = await specDiff('--root', dir, '--no-redocly');
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toMatch(/by major: allowed/);
    await rm(changeset);
  });

  test('a non-breaking edit passes, with redocly diff as the second engine', async () => {
    await writeSpec((s) => (param(s, 'PageSize').schema.maximum = 2000));
    const result = await specDiff('--root', dir);
    expect(result.stdout).toMatch(/0 breaking, 1 non-breaking/);
    expect(result.stdout).toMatch(/looser-constraint/);
    expect(result.code).toBe(0);
  });

  test('an unchanged spec reports no API change', async () => {
    await writeSpec();
    const result = await specDiff('--root', dir, '--no-redocly');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/no API change/);
  });
});

describe('classifyApiChanges', () => {
  const report = (body: string) => `## API Report File\n\n\`\`\`ts\n${body}\n\`\`\`\n`;

  test('a literal printed with the other quote style is no API change (TypeScript 7 keeps single quotes)', () => {
    const before = report('export const FORMATS: readonly ["table", "json"];');
    const after = report("export const FORMATS: readonly ['table', 'json'];");
    expect(classifyApiChanges('@twilio-proxy/cli', 'index.api.md', before, after)).toEqual([]);
  });

  test('a changed literal is still a narrowing', () => {
    const before = report('export const FORMATS: readonly ["table", "json"];');
    const after = report("export const FORMATS: readonly ['table'];");
    expect(classifyApiChanges('@twilio-proxy/cli', 'index.api.md', before, after).some((c) => c.breaking)).toBe(true);
  });

  test.each([
    ['a trailing optional parameter', 'list(sid: string, requestOptions?: RequestOptions): Page;', false],
    ['a first optional parameter', 'list(requestOptions?: Omit<RequestOptions, "timeout">): Page;', false],
    ['a trailing required parameter', 'list(sid: string, requestOptions: RequestOptions): Page;', true],
    ['an optional then a required parameter', 'list(sid: string, a?: A, b: B): Page;', true],
  ])('a method gaining %s: breaking %s', (_, next, breaking) => {
    const before = report(`export interface R {\n    ${next.startsWith('list(r') ? 'list(): Page;' : 'list(sid: string): Page;'}\n}`);
    const after = report(`export interface R {\n    ${next}\n}`);
    expect(classifyApiChanges('@twilio-proxy/client', 'index.api.md', before, after).some((c) => c.breaking)).toBe(breaking);
  });
});
