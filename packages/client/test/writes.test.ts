// Writes: the body in the spec's media type (a form, as twilio-node sends one), its fields checked before any
// I/O, 204 as no body. The first part runs small inline operations through the client's own pipeline (a
// table, independent of the spec); the second runs the generated facade over the spec's Session writes.
import { type OperationMeta, operationsMeta } from '@twilio-proxy/types';
import { afterEach, describe, expect, it } from 'vitest';
import { createContext } from '../src/core/client.js';
import { requestOperation } from '../src/core/request.js';
import { createProxyClient, type ProxyClient, ProxyValidationError } from '../src/index.js';
import { fakeSleep } from './helpers/fake-fetch.js';
import { startServer, type TestServer } from './helpers/server.js';
import { ACCOUNT_SID, AUTH_TOKEN, SERVICE_SID } from './helpers/sessions.js';

const FORM = 'application/x-www-form-urlencoded';
const THING = `TH${'a'.repeat(32)}`;
const path = { Sid: THING };
const params = [{ name: 'Sid', in: 'path', required: true, schema: { type: 'string', pattern: '^TH[0-9a-fA-F]{32}$' } }] as const;

const create: OperationMeta = {
  method: 'POST',
  path: '/v1/Things/{Sid}/Items',
  resource: 'items',
  action: 'create',
  schema: null,
  parameters: params,
  list: null,
  success: { status: '201', hasBody: true },
  body: {
    mediaType: FORM,
    fields: [
      { name: 'Identifier', required: true, schema: { type: 'string', minLength: 1 } },
      { name: 'UniqueName', required: false, schema: { type: 'string' } },
      { name: 'Ttl', required: false, schema: { type: 'integer', minimum: 0 } },
      { name: 'Mode', required: false, schema: { type: 'string', enum: ['message-only', 'voice-only'] } },
      { name: 'IsReserved', required: false, schema: { type: 'boolean' } },
      { name: 'DateExpiry', required: false, schema: { type: 'string', format: 'date-time' } },
      { name: 'Day', required: false, schema: { type: 'string', format: 'date' } },
      { name: 'MediaUrl', required: false, schema: { type: 'array', items: { type: 'string', format: 'uri' } } },
      { name: 'Participants', required: false, schema: { type: 'array', items: { type: 'object' } } },
    ],
  },
};
const remove: OperationMeta = { ...create, method: 'DELETE', action: 'remove', success: { status: '204', hasBody: false }, body: null };
const json: OperationMeta = { ...create, body: { mediaType: 'application/json', fields: create.body!.fields } };

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A loopback server that keeps each request's body bytes and answers `status` (a created item, or nothing). */
async function recording(status = 201) {
  const bodies: string[] = [];
  server = await startServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      bodies.push(Buffer.concat(chunks).toString('latin1'));
      if (status === 204) return void res.writeHead(204).end();
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ sid: 'KC1' }));
    });
  });
  const ctx = createContext({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, baseUrl: server.url, sleep: fakeSleep() });
  return { ctx, server, bodies };
}

describe('a write sends its body in the spec media type', () => {
  it('a form: arrays repeat the key, booleans true/false, dates ISO 8601, objects as JSON text', async () => {
    const { ctx, server: s, bodies } = await recording();
    const body = {
      Identifier: '+1 555 0100',
      UniqueName: 'a&b=c é',
      Ttl: 0,
      Mode: 'voice-only',
      IsReserved: false,
      DateExpiry: new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 678)),
      Day: new Date(Date.UTC(2026, 0, 2)),
      MediaUrl: ['https://a.test/1.png', 'https://a.test/2.png'],
      Participants: [{ Identifier: '+15550101' }],
    };
    const answer = await requestOperation(ctx, create, { path, body });
    expect(answer).toMatchObject({ status: 201, data: { sid: 'KC1' } });
    expect(s.requests[0]).toMatchObject({ method: 'POST', url: `/v1/Things/${THING}/Items` });
    expect(s.requests[0]!.headers['content-type']).toBe(FORM);
    expect(bodies[0]).toBe(
      'Identifier=%2B1+555+0100&UniqueName=a%26b%3Dc+%C3%A9&Ttl=0&Mode=voice-only&IsReserved=false' +
        '&DateExpiry=2026-01-02T03%3A04%3A05Z&Day=2026-01-02' +
        '&MediaUrl=https%3A%2F%2Fa.test%2F1.png&MediaUrl=https%3A%2F%2Fa.test%2F2.png' +
        '&Participants=%7B%22Identifier%22%3A%22%2B15550101%22%7D',
    );
  });

  it('a field left undefined is not sent; date strings go as given', async () => {
    const { ctx, bodies } = await recording();
    await requestOperation(ctx, create, { path, body: { Identifier: 'x', UniqueName: undefined, DateExpiry: '2026-01-02T03:04:05Z' } });
    expect(bodies[0]).toBe('Identifier=x&DateExpiry=2026-01-02T03%3A04%3A05Z');
  });

  it('a JSON media type is sent as JSON', async () => {
    const { ctx, server: s, bodies } = await recording();
    await requestOperation(ctx, json, { path, body: { Identifier: 'x', Ttl: 5 } });
    expect(s.requests[0]!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(bodies[0]!)).toEqual({ Identifier: 'x', Ttl: 5 });
  });

  it('a 204 is a success with no body', async () => {
    const { ctx, server: s } = await recording(204);
    const answer = await requestOperation(ctx, remove, { path });
    expect(answer.data).toBeUndefined();
    expect(answer.status).toBe(204);
    expect(s.requests[0]).toMatchObject({ method: 'DELETE' });
  });
});

describe('body fields are checked before any I/O', () => {
  it.each([
    ['Identifier', 'required', {}],
    ['Identifier', 'minLength', { Identifier: '' }],
    ['Ttl', 'type', { Identifier: 'x', Ttl: '5' }],
    ['Ttl', 'type', { Identifier: 'x', Ttl: 1.5 }],
    ['Ttl', 'minimum', { Identifier: 'x', Ttl: -1 }],
    ['Mode', 'enum', { Identifier: 'x', Mode: 'video' }],
    ['IsReserved', 'type', { Identifier: 'x', IsReserved: 'true' }],
    ['DateExpiry', 'type', { Identifier: 'x', DateExpiry: new Date('nope') }],
    ['UniqueName', 'type', { Identifier: 'x', UniqueName: new Date() }],
    ['MediaUrl', 'type', { Identifier: 'x', MediaUrl: 'https://a.test/1.png' }],
    ['MediaUrl', 'type', { Identifier: 'x', MediaUrl: [1] }],
    ['Unique_Name', 'unknown', { Identifier: 'x', Unique_Name: 'y' }],
    ['body', 'type', 'UniqueName=x'],
  ] as const)('%s breaks %s: a ProxyValidationError, nothing sent', async (parameter, rule, body) => {
    const { ctx, server: s } = await recording();
    const err = await requestOperation(ctx, create, { path, body }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProxyValidationError);
    expect(err).toMatchObject({ parameter, rule });
    expect(s.requests).toHaveLength(0);
  });

  it('an unknown field names the one it most likely meant', async () => {
    const { ctx } = await recording();
    const err = await requestOperation(ctx, create, { path, body: { Identifier: 'x', Unique_Name: 'y' } }).catch((e: Error) => e);
    expect((err as Error).message).toContain('did you mean `UniqueName`?');
  });

  it('a body for an operation that takes none is refused', async () => {
    const { ctx, server: s } = await recording();
    await expect(requestOperation(ctx, remove, { path, body: { Identifier: 'x' } })).rejects.toMatchObject({ parameter: 'body' });
    expect(s.requests).toHaveLength(0);
  });
});

// The generated facade over the spec's Session writes.
type Sessions = {
  create(ks: string, o?: object): Promise<unknown>;
  update(ks: string, kc: string, o?: object): Promise<unknown>;
  remove(ks: string, kc: string, o?: object): Promise<unknown>;
};
const sessionsOf = (client: ProxyClient) => (client as unknown as { sessions: Sessions }).sessions;
const KC = `KC${'b'.repeat(32)}`;

describe('client.sessions writes', () => {
  it('the spec has them', () => {
    for (const id of ['CreateSession', 'UpdateSession', 'DeleteSession']) expect(operationsMeta).toHaveProperty(id);
  });

  const clientFor = (url: string) =>
    createProxyClient({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, baseUrl: url, sleep: fakeSleep() });

  it('create, update and remove send form bodies; remove resolves undefined on 204', async () => {
    const { server: s, bodies } = await recording(201);
    const sessions = sessionsOf(clientFor(s.url));
    const created = await sessions.create(SERVICE_SID, {
      uniqueName: 'order 42',
      ttl: 3600,
      mode: 'voice-only',
      dateExpiry: new Date(Date.UTC(2026, 5, 1)),
    });
    expect(created).toEqual({ sid: 'KC1' });
    await sessions.update(SERVICE_SID, KC, { status: 'closed' });
    expect(bodies).toEqual(['UniqueName=order+42&Ttl=3600&Mode=voice-only&DateExpiry=2026-06-01T00%3A00%3A00Z', 'Status=closed']);
    expect(s.requests.map((r) => [r.method, r.url, r.headers['content-type']])).toEqual([
      ['POST', `/v1/Services/${SERVICE_SID}/Sessions`, FORM],
      ['POST', `/v1/Services/${SERVICE_SID}/Sessions/${KC}`, FORM],
    ]);
    const { server: gone } = await recording(204);
    await expect(sessionsOf(clientFor(gone.url)).remove(SERVICE_SID, KC)).resolves.toBeUndefined();
    expect(gone.requests[0]).toMatchObject({ method: 'DELETE', url: `/v1/Services/${SERVICE_SID}/Sessions/${KC}` });
  });

  it.each([
    ['Mode', 'enum', { mode: 'video' }],
    ['Ttl', 'type', { ttl: '60' }],
    ['unique_name', 'unknown', { unique_name: 'x' }],
  ] as const)('a bad option (%s, %s) is a ProxyValidationError with 0 requests', async (parameter, rule, options) => {
    const { server: s } = await recording();
    const err = await sessionsOf(clientFor(s.url))
      .create(SERVICE_SID, options)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProxyValidationError);
    expect(err).toMatchObject({ parameter, rule });
    if (rule === 'unknown') expect((err as Error).message).toContain('did you mean `uniqueName`?');
    expect(s.requests).toHaveLength(0);
  });
});
