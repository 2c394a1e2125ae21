/** @module-tag slow */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type MockProxy, startMockProxy } from '@twilio-proxy/contract';
import { openapiDocument } from '@twilio-proxy/types/openapi-document';
import { camelCase, fillPath, snakeCase, type WalkedOperation, walkOperations } from '@twilio-proxy/types/walker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleSpec } from '../../../scripts/lib/bundle-spec.js';
import { type CodeSample, codeSamplesOf, SAMPLE_KINDS, type SampleKind, serverUrlOf } from '../../../scripts/lib/code-samples.js';
import { sampleInputs } from '../../../scripts/lib/sample-inputs.js';
import { PAGE_SIZE_PARAMETER } from '../src/index.js';
import { createSampleSandbox, findCurl, ROOT, SAMPLE_BASE_URL_VARIABLE, type SampleSandbox } from './helpers/sample-runner.js';

// Every code sample the HTML docs show (openapi/dist/proxy-v1.samples.json, written by `pnpm run docs`, a
// dependency of this test task), run for real against the mock, each against a fresh one (a remove's three
// samples each remove the same item). What a sample gets changed, and nothing else:
//   - the example path values (`KSaaaa…`) become items the mock holds;
//   - the client: `@twilio-proxy/client` is the built client with `baseUrl` defaulting to the mock's
//     (credentials from TWILIO_ACCOUNT_SID / TWILIO_AUTH_TOKEN, as the sample says);
//   - the CLI: run by the shell through the built `twilio-proxy` bin, with `--base-url <mock>` appended;
//   - curl: real curl, the spec's server swapped for the mock's, with `--fail --silent --show-error` in front.
const BUNDLE = join(ROOT, 'openapi/dist/proxy-v1.samples.json');
const SPEC = join(ROOT, 'openapi/proxy-v1.yaml');
const CURL = findCurl();

interface DocsOperation {
  'x-codeSamples'?: CodeSample[];
}
const docs = JSON.parse(readFileSync(BUNDLE, 'utf8')) as { paths: Record<string, Record<string, DocsOperation>> };
const operations = walkOperations(openapiDocument);
const server = serverUrlOf(openapiDocument as never);
const cases = operations.flatMap((op) => SAMPLE_KINDS.map(({ kind, label }) => ({ op, kind, label, id: op.operationId })));

/** The value the mock holds for a path parameter: a root parent, a deeper default parent, or the first item's own SID. */
function realValue(mock: MockProxy, op: WalkedOperation, name: string): string {
  const parent = mock.parents[name] ?? (mock as unknown as Record<string, unknown>)[camelCase(name)];
  if (typeof parent === 'string') return parent;
  const item = mock.items<Record<string, unknown>>(op.operationId)[0];
  const value = item?.[snakeCase(name)] ?? item?.sid;
  if (typeof value !== 'string') throw new Error(`the mock holds no item for {${name}} of ${op.operationId}`);
  return value;
}

/** `text` with every example path value replaced by the mock's. */
function withMockValues(text: string, swaps: ReadonlyMap<string, string>): string {
  let out = text;
  for (const [example, real] of swaps) out = out.split(example).join(real);
  return out;
}

function adapt(kind: SampleKind, source: string, mock: MockProxy): string {
  if (kind === 'cli') return `${source.trimEnd()} --base-url ${mock.url}\n`;
  if (kind === 'curl')
    return source
      .replace(/^curl /, 'curl --fail --silent --show-error ')
      .split(server)
      .join(mock.url);
  return source;
}

describe('the docs code samples, run against the mock', () => {
  let sandbox: SampleSandbox;
  beforeAll(() => {
    sandbox = createSampleSandbox();
  });
  afterAll(() => sandbox?.dispose());

  it('the built docs carry exactly the samples the renderer derives from the spec, three per operation', async () => {
    const derived = codeSamplesOf(await bundleSpec(SPEC));
    expect(derived.map((s) => s.operationId)).toEqual(operations.map((o) => o.operationId));
    for (const s of derived) {
      const shown = docs.paths[s.path]?.[s.method.toLowerCase()]?.['x-codeSamples'];
      expect(shown, `${s.operationId} in ${BUNDLE}: run pnpm run docs`).toEqual(s.codeSamples);
      expect(shown?.map((c) => c.label)).toEqual(SAMPLE_KINDS.map((k) => k.label));
    }
  });

  it.each(cases)('$id: the $label sample succeeds', async ({ op, kind }) => {
    if (kind === 'curl' && !CURL) {
      console.warn(`skipped the curl sample of ${op.operationId}: curl is not installed (no curl on PATH or in /usr/bin)`);
      return;
    }
    const sample = docs.paths[op.path]![op.method.toLowerCase()]!['x-codeSamples']!.find(
      (s) => s.label === SAMPLE_KINDS.find((k) => k.kind === kind)!.label,
    )!;
    const mock = await startMockProxy({ count: 3, seed: 11 });
    try {
      const inputs = sampleInputs(op, PAGE_SIZE_PARAMETER);
      const real = new Map(inputs.path.map((p) => [p.name, realValue(mock, op, p.name)]));
      const swaps = new Map(inputs.path.map((p) => [String(p.value), real.get(p.name)!]));
      const source = adapt(kind, withMockValues(sample.source, swaps), mock);
      const env = { TWILIO_ACCOUNT_SID: mock.accountSid, TWILIO_AUTH_TOKEN: mock.authToken };
      const r =
        kind === 'client'
          ? await sandbox.runClient(source, { ...env, [SAMPLE_BASE_URL_VARIABLE]: mock.url })
          : await sandbox.runShell(source, env);
      // The CLI reports a remove on stderr ("Removed …"); the client and curl print nothing there.
      if (kind !== 'cli') expect(r.stderr, source).toBe('');
      expect(r.code, `${source}${r.stderr}`).toBe(0);
      if (op.success.schema) expect(r.stdout.trim(), 'prints what it got').not.toBe('');

      // It sent the operation's request, with the sample's query, and every answer was a success.
      expect(mock.requests.length).toBeGreaterThan(0);
      for (const q of mock.requests) expect(q.status, `${q.method} ${q.url}`).toBeGreaterThanOrEqual(200);
      for (const q of mock.requests) expect(q.status, `${q.method} ${q.url}`).toBeLessThan(300);
      const first = new URL(mock.requests[0]!.url, mock.url);
      expect(mock.requests[0]!.method).toBe(op.method);
      expect(first.pathname).toBe(fillPath(op.path, (p) => encodeURIComponent(real.get(p)!)));
      for (const q of inputs.query) expect(first.searchParams.get(q.name), q.name).toBe(String(q.value));
    } finally {
      await mock.close();
    }
  });
});
