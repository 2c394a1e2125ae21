import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { dereferenceDocument } from '@twilio-proxy/types/walker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleSpec } from '../../../scripts/lib/bundle-spec.js';
import { codeSamplesOf, withCodeSamples } from '../../../scripts/lib/code-samples.js';
import { buildCommands } from '../src/index.js';
import { env } from './helpers/helpers.js';
import { findCurl, parsedByCli, ROOT, writeArgvBin } from './helpers/sample-runner.js';

// The sample renderer on a small inline spec with a list, a create (a form body with a required field),
// an update (no field required: the first one is sent) and a remove: spec in, samples out. The writes'
// curl lines are run with real curl against a recording server on 127.0.0.1, and their CLI lines are
// split by the real shell and parsed by the real CLI, so a write's samples are proven to send a valid form.
const sid = (prefix: string) => ({ type: 'string', pattern: `^${prefix}[0-9a-fA-F]{32}$`, minLength: 34, maxLength: 34 });
const SPEC = join(ROOT, 'openapi/proxy-v1.yaml');
const STORE = `ST${'a'.repeat(32)}`;
const ORDER = `OR${'a'.repeat(32)}`;
const order = { type: 'object', properties: { sid: sid('OR'), friendly_name: { type: 'string' } } };
const form = (schema: object) => ({ required: true, content: { 'application/x-www-form-urlencoded': { schema } } });
const ok = (status: string, schema?: object) => ({
  [status]: { description: 'OK', ...(schema ? { content: { 'application/json': { schema } } } : {}) },
});
const DOC = {
  openapi: '3.1.0',
  info: { title: 'inline', version: '1' },
  servers: [{ url: 'https://api.example.com' }],
  paths: {
    '/v1/Stores/{StoreSid}/Orders': {
      parameters: [{ name: 'StoreSid', in: 'path', required: true, schema: sid('ST') }],
      get: {
        operationId: 'ListOrder',
        parameters: [{ name: 'PageSize', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000 } }],
        responses: ok('200', {
          type: 'object',
          properties: {
            orders: { type: 'array', items: order },
            meta: { type: 'object', properties: { next_page_url: { type: ['string', 'null'] }, key: { type: 'string' } } },
          },
        }),
      },
      post: {
        operationId: 'CreateOrder',
        requestBody: form({
          type: 'object',
          required: ['FriendlyName', 'Tags'],
          properties: {
            FriendlyName: { type: 'string' },
            Tags: { type: 'array', items: { type: 'string', enum: ['gift', 'rush'] } },
            Ttl: { type: 'integer' },
          },
        }),
        responses: ok('201', order),
      },
    },
    '/v1/Stores/{StoreSid}/Orders/{Sid}': {
      parameters: [
        { name: 'StoreSid', in: 'path', required: true, schema: sid('ST') },
        { name: 'Sid', in: 'path', required: true, schema: sid('OR') },
      ],
      post: {
        operationId: 'UpdateOrder',
        requestBody: form({
          type: 'object',
          properties: { Status: { type: 'string', enum: ['open', 'closed'] }, Ttl: { type: 'integer' } },
        }),
        responses: ok('200', order),
      },
      delete: { operationId: 'DeleteOrder', responses: ok('204') },
    },
  },
};
const AUTH = '-u "$TWILIO_ACCOUNT_SID:$TWILIO_AUTH_TOKEN"';
const client = (body: string) =>
  `import { createProxyClient } from '@twilio-proxy/client';\n\n// Credentials from the environment: TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN.\nconst client = createProxyClient();\n\n${body}\n`;
const URL_OF = `https://api.example.com/v1/Stores/${STORE}/Orders`;

const EXPECTED: Record<string, { client: string; cli: string; curl: string }> = {
  ListOrder: {
    client: client(`for await (const item of client.orders.list('${STORE}', { pageSize: 20 })) {\n  console.log(item);\n}`),
    cli: `twilio-proxy orders list --store-sid ${STORE} \\\n  --page-size 20\n`,
    curl: `curl '${URL_OF}?PageSize=20' \\\n  ${AUTH}\n`,
  },
  CreateOrder: {
    client: client(
      `const item = await client.orders.create('${STORE}', { friendlyName: 'My friendly name', tags: ['gift'] });\nconsole.log(item);`,
    ),
    cli: `twilio-proxy orders create --store-sid ${STORE} \\\n  --friendly-name 'My friendly name' \\\n  --tags gift\n`,
    curl: `curl -X POST ${URL_OF} \\\n  --data-urlencode 'FriendlyName=My friendly name' \\\n  --data-urlencode Tags=gift \\\n  ${AUTH}\n`,
  },
  UpdateOrder: {
    client: client(`const item = await client.orders.update('${STORE}', '${ORDER}', { status: 'open' });\nconsole.log(item);`),
    cli: `twilio-proxy orders update --store-sid ${STORE} \\\n  --sid ${ORDER} \\\n  --status open\n`,
    curl: `curl -X POST ${URL_OF}/${ORDER} \\\n  --data-urlencode Status=open \\\n  ${AUTH}\n`,
  },
  DeleteOrder: {
    client: client(`await client.orders.remove('${STORE}', '${ORDER}');`),
    cli: `twilio-proxy orders remove --store-sid ${STORE} \\\n  --sid ${ORDER} \\\n  --yes\n`,
    curl: `curl -X DELETE ${URL_OF}/${ORDER} \\\n  ${AUTH}\n`,
  },
};

const samples = codeSamplesOf(DOC);
const byId = (id: string) => samples.find((s) => s.operationId === id)!;

describe('code samples of an inline spec', () => {
  it.each(Object.keys(EXPECTED))('%s: the client, CLI and curl samples', (id) => {
    expect(byId(id).byKind).toEqual(EXPECTED[id]);
  });

  it('x-codeSamples on every operation of a copy, in tab order, leaving the input alone', () => {
    const out = withCodeSamples(DOC);
    expect(out.paths['/v1/Stores/{StoreSid}/Orders'].post['x-codeSamples'].map((s: { label: string }) => s.label)).toEqual([
      'TypeScript client',
      'twilio-proxy CLI',
      'curl',
    ]);
    expect(out.paths['/v1/Stores/{StoreSid}/Orders/{Sid}'].delete['x-codeSamples'][2].lang).toBe('Shell');
    expect(JSON.stringify(DOC)).not.toContain('x-codeSamples');
  });

  it('a spec without a server is a clear error', () => {
    expect(() => codeSamplesOf({ ...DOC, servers: [] })).toThrow(/servers\[0\]\.url/);
  });
});

interface Received {
  method: string;
  url: string;
  type: string;
  auth: string;
  body: string;
}

describe("the writes' samples send a valid form", () => {
  let dir: string;
  let server: Server;
  let base: string;
  const received: Received[] = [];
  const curl = findCurl();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'code-samples-'));
    writeArgvBin(dir);
    server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8').on('data', (c: string) => {
        body += c;
      });
      req.on('end', () => {
        received.push({
          method: req.method!,
          url: req.url!,
          type: req.headers['content-type'] ?? '',
          auth: req.headers.authorization ?? '',
          body,
        });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    }).listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  // Asynchronous: the recording server answers from this process's event loop.
  const shell = async (source: string) =>
    (await promisify(execFile)('/bin/sh', ['-c', source], { encoding: 'utf8', env: { PATH: `${dir}:${process.env.PATH}`, ...env } }))
      .stdout;

  it.each(['CreateOrder', 'UpdateOrder'])('%s: curl posts the form, and the CLI parses its line into the same fields', async (id) => {
    const s = byId(id);
    let form: Record<string, string | string[]> | null = null;
    if (curl) {
      received.length = 0;
      await shell(
        s.byKind.curl
          .replace(/^curl /, 'curl --fail --silent --show-error ')
          .split('https://api.example.com')
          .join(base),
      );
      const got = received[0]!;
      expect(got.method).toBe('POST');
      expect(got.type).toBe('application/x-www-form-urlencoded');
      expect(got.url.startsWith(`/v1/Stores/${STORE}/Orders`)).toBe(true);
      // The credentials came from the environment, as Basic auth.
      const basic = Buffer.from(`${env.TWILIO_ACCOUNT_SID}:${env.TWILIO_AUTH_TOKEN}`).toString('base64');
      expect(got.auth).toBe(`Basic ${basic}`);
      const fields = new URLSearchParams(got.body);
      form = Object.fromEntries(
        [...new Set(fields.keys())].map((k) => [k, fields.getAll(k).length > 1 ? fields.getAll(k) : fields.get(k)!]),
      );
    } else console.warn(`skipped curl for ${id}: curl is not installed`);

    const { calls, code, stderr } = await parsedByCli(JSON.parse(await shell(s.byKind.cli)), buildCommands(DOC));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(calls[0]!.operationId).toBe(id);
    const body = calls[0]!.params.body!;
    expect(Object.keys(body).length).toBeGreaterThan(0);
    // The CLI's typed fields are the form's: an array field is repeated, a single one is its text.
    const asForm = Object.fromEntries(
      Object.entries(body).map(([k, v]) => [k, Array.isArray(v) && v.length === 1 ? String(v[0]) : String(v)]),
    );
    if (form) expect(asForm).toEqual(form);
  });
});

describe("every operation of this repository's spec (the whole Proxy v1 API)", () => {
  it('has three samples, and its CLI line, split by the shell, is a call of that operation with its body', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'code-samples-spec-'));
    try {
      const bundled = await bundleSpec(SPEC);
      const derived = codeSamplesOf(bundled);
      const commands = buildCommands(dereferenceDocument(bundled));
      expect(derived.map((s) => s.operationId)).toEqual(commands.map((c) => c.operation.operationId));
      writeArgvBin(dir);
      for (const s of derived) {
        expect(s.codeSamples.map((c) => c.source.length > 0)).toEqual([true, true, true]);
        const argv = JSON.parse(
          (await promisify(execFile)('/bin/sh', ['-c', s.byKind.cli], { encoding: 'utf8', env: { PATH: `${dir}:${process.env.PATH}` } }))
            .stdout,
        );
        const r = await parsedByCli(argv, commands);
        expect(r.code, `${s.byKind.cli}${r.stderr}`).toBe(0);
        expect(r.calls[0]!.operationId).toBe(s.operationId);
        const op = commands.find((c) => c.operation.operationId === s.operationId)!.operation;
        if (op.body?.fields.length) expect(Object.keys(r.calls[0]!.params.body ?? {}).length, s.operationId).toBeGreaterThan(0);
        if (op.body?.fields.length) expect(s.byKind.curl).toContain('--data-urlencode ');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
