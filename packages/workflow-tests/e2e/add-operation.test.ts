import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addOperations } from './fixtures/add-operations.js';
import { cloneRepo } from './helpers/temp-repo.js';

/**
 * A spec author adds two operations of another resource (ListParticipant: a nested list with two path parameters;
 * FetchParticipant: a fetch by SID; schema Participant), runs `pnpm generate` and `pnpm build`, and edits nothing
 * else. Every layer must then serve them: types, client facade, input checks, validators, fixtures, mock, contract
 * suite, CLI and docs. Everything below runs against the clone's built packages.
 */
const exec = promisify(execFile);
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', REDOCLY_TELEMETRY: 'off', FORCE_COLOR: '0' };
const SEED = 7;

let repo: { dir: string; remove: () => Promise<void> };
let generateOutput = '';
type Any = any;
let types: Any;
let client: Any;
let contract: Any;
let mock: Any;

const sh = (cmd: string, args: string[], cwd = repo.dir) => exec(cmd, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 });
const load = (pkg: string) => import(pathToFileURL(path.join(repo.dir, 'packages', pkg, 'dist/index.js')).href);

beforeAll(async () => {
  repo = await cloneRepo('add-operation-');
  const spec = path.join(repo.dir, 'openapi/proxy-v1.yaml');
  await writeFile(spec, await addOperations(await readFile(spec, 'utf8')));
  generateOutput = (await sh('pnpm', ['generate'])).stdout;
  await sh('pnpm', ['build']);
  [types, client, contract] = await Promise.all([load('types'), load('client'), load('contract')]);
  mock = await contract.startMockProxy({ count: 5, seed: SEED });
}, 600_000);

afterAll(async () => {
  await mock?.close();
  await repo?.remove();
});

/** A seeded session of the mock, and the participants the mock seeded under it (through the list operation). */
async function seeded() {
  const api = client.createProxyClient({ accountSid: mock.accountSid, authToken: mock.authToken, baseUrl: mock.url });
  const [session] = await api.sessions.all(mock.serviceSid, { limit: 1 });
  const participants = await api.participants.all(mock.serviceSid, session.sid);
  return { api, session, participants };
}

describe('an operation added to the spec works end to end after `pnpm generate` and `pnpm build`', () => {
  test('generate writes the generated files of every layer that has them', () => {
    expect(generateOutput).toMatch(/packages\/types\/src\/generated\/operations\.gen\.ts/);
    expect(generateOutput).toMatch(/packages\/client\/src\/generated\//);
  });

  test('types: operationsMeta and friendly aliases; the whole repo still typechecks', async () => {
    expect(types.operationsMeta.ListParticipant).toMatchObject({
      resource: 'participants',
      action: 'list',
      schema: 'Participant',
      list: { itemsKey: 'participants' },
    });
    expect(types.operationsMeta.FetchParticipant).toMatchObject({
      resource: 'participants',
      action: 'fetch',
      schema: 'Participant',
      list: null,
    });
    const probe = path.join(repo.dir, 'packages/client/test/added-operation.test-d.ts');
    await writeFile(
      probe,
      [
        "import type { Participant, ListParticipantQuery, FetchParticipantPathParams } from '@twilio-proxy/types';",
        "import { createProxyClient } from '../src/index.js';",
        "const c = createProxyClient({ accountSid: 'AC', authToken: 't' });",
        "const p: Promise<Participant[]> = c.participants.all('KS', 'KC');",
        "const f: Promise<Participant> = c.participants.fetch('KS', 'KC', 'KP');",
        'const q: ListParticipantQuery = { PageSize: 5 };',
        "const k: FetchParticipantPathParams = { ServiceSid: 'KS', SessionSid: 'KC', Sid: 'KP' };",
        '// @ts-expect-error: the facade takes the path parameters as strings',
        "void c.participants.list(1, 'KC');",
        'void [p, f, q, k];',
        '',
      ].join('\n'),
    );
    await sh('pnpm', ['typecheck']);
  });

  test('client facade + mock + fixtures: list pages, fetch returns the listed item byte for byte', async () => {
    const { api, session, participants } = await seeded();
    expect(participants.length).toBeGreaterThanOrEqual(2);
    for (const p of participants) {
      expect(p.sid).toMatch(/^KP[0-9a-fA-F]{32}$/);
      expect(p.session_sid).toBe(session.sid);
      expect(p.service_sid).toBe(mock.serviceSid);
      expect(p.url).toBe(
        `${p.url.slice(0, p.url.indexOf('/v1/'))}/v1/Services/${mock.serviceSid}/Sessions/${session.sid}/Participants/${p.sid}`,
      );
    }
    const paged = await api.participants.list(mock.serviceSid, session.sid, { pageSize: 1 });
    expect(paged.items).toHaveLength(1);
    expect(paged.meta.key).toBe('participants');
    expect(paged.hasNextPage()).toBe(true);
    const fetched = await api.participants.fetch(mock.serviceSid, session.sid, participants[1].sid);
    expect(JSON.stringify(fetched)).toBe(JSON.stringify(participants[1]));
  });

  test('mock: an unknown participant or session is a Twilio 404 (20404), typed by the client', async () => {
    const { api, session, participants } = await seeded();
    const unknown = `KP${'0'.repeat(32)}`;
    const err = await api.participants.fetch(mock.serviceSid, session.sid, unknown).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(client.ProxyApiError);
    expect([err.status, err.code]).toEqual([404, 20404]);
    const noSession = await api.participants.list(mock.serviceSid, `KC${'0'.repeat(32)}`).catch((e: unknown) => e);
    expect([noSession.status, noSession.code]).toEqual([404, 20404]);
    expect(participants.length).toBeGreaterThan(0);
  });

  test('input checks: a Session SID where a Participant SID belongs is a ProxyValidationError, with no request sent', async () => {
    const { api, session } = await seeded();
    const before = mock.requests.length;
    const err = await api.participants.fetch(mock.serviceSid, session.sid, session.sid).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(client.ProxyValidationError);
    expect(err.parameter).toBe('Sid');
    expect(mock.requests.length).toBe(before);
  });

  test('validators and fixtures: factory items are valid Participants (uri-map links included), unique, with parent values', async () => {
    const parents = { ServiceSid: mock.serviceSid, SessionSid: `KC${'a'.repeat(32)}` };
    const factory = contract.createFactory('Participant', { seed: 3, parents });
    const items = Array.from({ length: 50 }, () => factory.next());
    expect(new Set(items.map((i: Any) => i.sid)).size).toBe(50);
    for (const item of items) {
      expect(contract.validateSchema('Participant', item).errors).toEqual([]);
      expect(item.session_sid).toBe(parents.SessionSid);
    }
    const { participants } = await seeded();
    expect(contract.validateResponse('FetchParticipant', 200, participants[0]).errors).toEqual([]);
    expect(contract.validateResponse('FetchParticipant', 200, { ...participants[0], sid: 'nope' }).valid).toBe(false);
  });

  test('contract suite: registers and passes a suite for every GET operation against the mock', async () => {
    const file = path.join(repo.dir, 'packages/contract/test/added-operations-suite.test.ts');
    await writeFile(
      file,
      [
        "import { afterAll } from 'vitest';",
        "import { startMockProxy } from '../src/index.js';",
        "import { defineContractSuite } from '../src/vitest/index.js';",
        `const mock = await startMockProxy({ count: 5, seed: ${SEED} });`,
        'afterAll(() => mock.close());',
        "defineContractSuite({ name: 'mock', target: () => ({ baseUrl: mock.url, credentials: { username: mock.accountSid, password: mock.authToken }, serviceSid: mock.serviceSid }) });",
        '',
      ].join('\n'),
    );
    const report = path.join(repo.dir, 'suite-report.json');
    await sh(
      'pnpm',
      ['exec', 'vitest', 'run', 'test/added-operations-suite.test.ts', '--reporter=json', `--outputFile=${report}`],
      path.join(repo.dir, 'packages/contract'),
    );
    const results = JSON.parse(await readFile(report, 'utf8'));
    const names: string[] = results.testResults.flatMap((f: Any) =>
      f.assertionResults.filter((a: Any) => a.status === 'passed').map((a: Any) => a.fullName),
    );
    for (const operationId of ['ListSession', 'ListParticipant', 'FetchParticipant']) {
      expect(names.filter((n) => n.includes(operationId)).length, operationId).toBeGreaterThan(0);
    }
    expect(results.numFailedTests).toBe(0);
  });

  test('CLI: participants list and fetch, flags and help from the spec', async () => {
    const { session, participants } = await seeded();
    const bin = path.join(repo.dir, 'packages/cli/dist/bin.js');
    const cliEnv = { ...env, TWILIO_ACCOUNT_SID: mock.accountSid, TWILIO_AUTH_TOKEN: mock.authToken };
    const cli = (...args: string[]) => exec(process.execPath, [bin, ...args, '--base-url', mock.url], { env: cliEnv });
    const listed = JSON.parse(
      (await cli('participants', 'list', '--service-sid', mock.serviceSid, '--session-sid', session.sid, '--format', 'json')).stdout,
    );
    expect(listed.map((p: Any) => p.sid)).toEqual(participants.map((p: Any) => p.sid));
    const one = JSON.parse(
      (
        await cli(
          'participants',
          'fetch',
          '--service-sid',
          mock.serviceSid,
          '--session-sid',
          session.sid,
          '--sid',
          participants[0].sid,
          '--format',
          'json',
        )
      ).stdout,
    );
    expect(one).toEqual(participants[0]);
    const table = (await cli('participants', 'list', '--service-sid', mock.serviceSid, '--session-sid', session.sid)).stdout;
    expect(table.split('\n')[0]).toMatch(/sid.*friendly_name.*identifier.*date_created/i);
    const help = (await exec(process.execPath, [bin, '--help'], { env: cliEnv })).stdout;
    expect(help).toMatch(/participants/);
    expect(help).toMatch(/List the Participants of a Session/);
  });

  test('twilio-node lists the participants through the mock', async () => {
    const { session, participants } = await seeded();
    const twilio = createRequire(path.join(repo.dir, 'packages/client/package.json'))('twilio');
    class Loopback extends twilio.RequestClient {
      request(opts: Any) {
        return super.request({ ...opts, uri: opts.uri.replace(/^https:\/\/proxy\.twilio\.com/, mock.url) });
      }
    }
    const tw = twilio(mock.accountSid, mock.authToken, { httpClient: new Loopback() });
    const listed = await tw.proxy.v1.services(mock.serviceSid).sessions(session.sid).participants.list({ pageSize: 1 });
    expect(listed.map((p: Any) => p.sid)).toEqual(participants.map((p: Any) => p.sid));
  });

  test('docs: the HTML reference documents the added operations', async () => {
    await sh('pnpm', ['run', 'docs']);
    const html = await readFile(path.join(repo.dir, 'openapi/dist/docs/index.html'), 'utf8');
    expect(html).toContain('List the Participants of a Session');
    expect(html).toContain('Fetch a Participant');
  });
});
