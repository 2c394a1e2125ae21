import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mergePublished } from '../test/fixtures/published/merge-published.js';
import { cloneRepo } from './helpers/temp-repo.js';

/**
 * The published Proxy v1 API adds Services as a listed collection above `{ServiceSid}`: a purely additive change.
 * The contract package's public API must keep every name it had (the mock's `serviceSid`, `sessions`,
 * `addSessions`, the `sessions` and `serviceSid` options, `randomServiceSid`, the suite's `serviceSid`) and only
 * gain new ones. A type probe compiled in the clone proves it.
 */
const exec = promisify(execFile);
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', REDOCLY_TELEMETRY: 'off', FORCE_COLOR: '0' };

let repo: { dir: string; remove: () => Promise<void> };
const sh = (cmd: string, args: string[], cwd = repo.dir) => exec(cmd, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 });

beforeAll(async () => {
  repo = await cloneRepo('mock-api-growth-');
  const spec = path.join(repo.dir, 'openapi/proxy-v1.yaml');
  await writeFile(spec, await mergePublished(await readFile(spec, 'utf8')));
  await sh('pnpm', ['generate']);
}, 600_000);

afterAll(async () => {
  await repo?.remove();
});

describe('the contract package keeps its API when the spec grows a root collection', () => {
  test('the mock, its options, the factories and the suite target keep their named fields (type probe)', async () => {
    const probe = path.join(repo.dir, 'packages/contract/test/api-growth.test-d.ts');
    await writeFile(
      probe,
      [
        "import type { Service, Session } from '@twilio-proxy/types';",
        "import { createSessionFactory, randomServiceSid, type MockProxy, type MockProxyOptions } from '../src/index.js';",
        "import type { ContractTarget } from '../src/vitest/index.js';",
        'declare const mock: MockProxy;',
        'const serviceSid: string = mock.serviceSid;',
        'const sessions: readonly Session[] = mock.sessions;',
        'const added: Session[] = mock.addSessions(2);',
        "const options: MockProxyOptions = { count: 5, serviceSid: 'KS', sessions: [] as Session[], perParent: 2 };",
        'const random: string = randomServiceSid(3);',
        "const factory: string = createSessionFactory({ serviceSid: 'KS' }).serviceSid;",
        "const target: ContractTarget = { baseUrl: 'http://x', credentials: { username: 'a', password: 'b' }, serviceSid: 'KS' };",
        '// New names only add to the old ones: the services, and the default session every nested collection sits under.',
        'const services: readonly Service[] = mock.services;',
        'const sessionSid: string = mock.sessionSid;',
        'const generic: readonly Session[] = mock.items<Session>("sessions", { ServiceSid: serviceSid });',
        'void [serviceSid, sessions, added, options, random, factory, target, services, sessionSid, generic];',
        '',
      ].join('\n'),
    );
    await sh('pnpm', ['--filter', '@twilio-proxy/contract', 'typecheck']);
  });

  test('the mock serves `count` sessions under its default service, and perParent items below', async () => {
    const script = [
      "import { startMockProxy } from './src/index.ts';",
      'const mock = await startMockProxy({ count: 5, perParent: 2, seed: 3 });',
      'const out = {',
      '  services: mock.services.length, sessions: mock.sessions.length, participants: mock.participants.length,',
      '  serviceOfSessions: mock.sessions.every((s) => s.service_sid === mock.serviceSid),',
      '  defaultService: mock.services[0].sid === mock.serviceSid, parents: mock.parents,',
      '  urls: [...mock.sessions, ...mock.services].every((i) => i.url.startsWith(mock.url)),',
      '};',
      'await mock.close();',
      'console.log(JSON.stringify(out));',
    ].join('\n');
    const file = path.join(repo.dir, 'packages/contract/probe.ts');
    await writeFile(file, script);
    const { stdout } = await sh(
      'node',
      ['--conditions=@twilio-proxy/source', '--import', 'tsx', file],
      path.join(repo.dir, 'packages/contract'),
    );
    const out = JSON.parse(stdout.trim().split('\n').at(-1)!);
    expect(out).toMatchObject({ services: 1, sessions: 5, participants: 2, serviceOfSessions: true, defaultService: true, urls: true });
    expect(Object.keys(out.parents)).toEqual(['ServiceSid']);
  });
});
