/** @module-tag slow */
import { startMockProxy } from '@twilio-proxy/contract';
import { describe, expect, it } from 'vitest';
import { baseEnv, LIST, runBin, useBinMock } from './helpers/bin-helpers.js';

describe('the built twilio-proxy binary against the mock Proxy server', () => {
  const shared = useBinMock();
  const { list } = shared;

  describe('errors', () => {
    const otherService = () => `KS${'f'.repeat(32)}`;

    type Args = (list: (...a: string[]) => string[]) => string[];
    it.each<[string, Args, RegExp]>([
      [
        'a SID that breaks the pattern',
        () => [...LIST, '--service-sid', `KS${'z'.repeat(32)}`],
        /--service-sid: .*ServiceSid[\s\S]*matching \^KS\[0-9a-fA-F\]\{32\}\$/,
      ],
      ['a SID of the wrong length', () => [...LIST, '--service-sid', 'KS123'], /--service-sid: .*ServiceSid[\s\S]*exactly 34 characters/],
      ['PageSize outside the spec range', (l) => l('--page-size', '5000'), /--page-size: .*PageSize[\s\S]*from 1 to 1000/],
      ['a non-positive limit', (l) => l('--limit', '0'), /--limit: .*limit/],
      ['an unknown property', (l) => l('-p', 'sid,colour'), /unknown Session property 'colour'/],
      ['a missing --service-sid', () => LIST, /--service-sid <KS…> is required/],
      ['an unknown format', (l) => l('-f', 'yaml'), /--format must be one of/],
    ])('%s: exit 2, no request sent', async (_name, args, message) => {
      const before = shared.mock.requests.length;
      // `--base-url` once: a flag given twice is itself a usage error.
      const r = await runBin(
        [...args((...a) => [...LIST, '--service-sid', shared.mock.serviceSid, ...a]), '--base-url', shared.mock.url],
        shared.env,
      );
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
      expect(shared.mock.requests.length).toBe(before);
    });

    it('missing credentials: exit 2 naming the variables to set', async () => {
      const r = await runBin(list(), baseEnv());
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('Set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN, or TWILIO_API_KEY and TWILIO_API_SECRET');
    });

    it('401: exit 1 with Twilio code 20003, message, more_info; the token is never printed', async () => {
      const wrong = 'wrong-token-0123456789abcdef';
      const r = await runBin(list(), baseEnv({ TWILIO_ACCOUNT_SID: shared.mock.accountSid, TWILIO_AUTH_TOKEN: wrong }));
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/HTTP 401, Twilio error 20003: /);
      expect(r.stderr).toContain('https://www.twilio.com/docs/errors/20003');
      expect(r.stderr).toMatch(/Request id: RQ[0-9a-f]{32}/i);
      expect(r.stdout + r.stderr).not.toContain(wrong);
      expect(r.stdout + r.stderr).not.toContain(shared.mock.authToken);
    });

    it('404: exit 1 with Twilio code 20404 and a hint about --service-sid', async () => {
      const r = await runBin([...LIST, '--service-sid', otherService(), '--base-url', shared.mock.url], shared.env);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/HTTP 404, Twilio error 20404: /);
      expect(r.stderr).toContain('https://www.twilio.com/docs/errors/20404');
      expect(r.stderr).toContain('Check --service-sid');
    });

    it('429 after the client retries: exit 1 with Twilio code 20429', async () => {
      const limited = await startMockProxy({
        count: 3,
        seed: 7,
        faults: { sequence: ['rate-limit', 'rate-limit', 'rate-limit', 'rate-limit'], retryAfter: 0 },
      });
      try {
        const r = await runBin(
          [...LIST, '--service-sid', limited.serviceSid, '--base-url', limited.url],
          baseEnv({ TWILIO_ACCOUNT_SID: limited.accountSid, TWILIO_AUTH_TOKEN: limited.authToken }),
        );
        expect(r.code).toBe(1);
        expect(r.stderr).toMatch(/HTTP 429, Twilio error 20429: /);
        expect(r.stderr).toContain('https://www.twilio.com/docs/errors/20429');
        expect(limited.requests.length).toBeGreaterThan(1);
      } finally {
        await limited.close();
      }
    });

    it('an unreachable server: exit 1, "could not reach the API"', async () => {
      const gone = await startMockProxy({ count: 1 });
      const url = gone.url;
      await gone.close();
      const r = await runBin([...LIST, '--service-sid', shared.mock.serviceSid, '--base-url', url], shared.env);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/could not reach the API/);
    });
  });
});
