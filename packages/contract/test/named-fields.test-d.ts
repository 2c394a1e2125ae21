import type { Service, Session } from '@twilio-proxy/types';
import { expectTypeOf, test } from 'vitest';
import { createSessionFactory, type MockProxy, type MockProxyOptions, randomServiceSid } from '../src/index.js';
import type { ContractTarget } from '../src/vitest/index.js';

// Growth keeps every name: the spec grew Services above {ServiceSid} (and everything below a Session), and the
// contract package kept each named field it had before (the mock's `serviceSid`, `sessions`, `addSessions`, the
// options, `randomServiceSid`, the factory's `serviceSid`, the suite target's `serviceSid`), only adding new ones.
test('the mock, its options, the factories and the suite target keep their named fields', () => {
  const mock = {} as MockProxy;
  expectTypeOf(mock.serviceSid).toEqualTypeOf<string>();
  expectTypeOf(mock.sessions).toExtend<readonly Session[]>();
  expectTypeOf(mock.addSessions(2)).toExtend<Session[]>();
  expectTypeOf<{ count: 5; serviceSid: 'KS'; sessions: Session[]; perParent: 2 }>().toExtend<MockProxyOptions>();
  expectTypeOf(randomServiceSid(3)).toEqualTypeOf<string>();
  expectTypeOf(createSessionFactory({ serviceSid: 'KS' }).serviceSid).toEqualTypeOf<string>();
  expectTypeOf<{ baseUrl: string; credentials: { username: string; password: string }; serviceSid: string }>().toExtend<ContractTarget>();
  // New names only add to the old ones: the services, and the default session every nested collection sits under.
  expectTypeOf(mock.services).toExtend<readonly Service[]>();
  expectTypeOf(mock.sessionSid).toEqualTypeOf<string>();
  expectTypeOf(mock.items<Session>('sessions', { ServiceSid: 'KS' })).toExtend<readonly Session[]>();
});
