import { afterEach, describe, expect, it, vi } from 'vitest';
import { CREDENTIAL_VARIABLES, type Credentials, createProxyClient, findCredentials, resolveCredentials } from '../src/index.js';
import { fakeFetch, json } from './helpers/fake-fetch.js';

// Values that are easy to spot if one ever reaches an error message.
const SID = 'AC-env-sid-value';
const TOKEN = 'env-auth-token-value';
const KEY = 'SK-env-key-value';
const SECRET = 'env-api-secret-value';
const VALUES = { TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: TOKEN, TWILIO_API_KEY: KEY, TWILIO_API_SECRET: SECRET };

const KEY_CREDS = { accountSid: SID, apiKeySid: KEY, apiKeySecret: SECRET };
const TOKEN_CREDS = { accountSid: SID, authToken: TOKEN };

/** `S T K X` = TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_API_KEY, TWILIO_API_SECRET; `-` = unset. */
const envOf = (mask: string) =>
  Object.fromEntries(CREDENTIAL_VARIABLES.filter((_, i) => mask.split(' ')[i] !== '-').map((n) => [n, VALUES[n]]));

/** Every combination of the four variables, and what both the client and the CLI must pick. */
const ENV_TABLE: [mask: string, picked: 'api key' | 'auth token' | 'none'][] = [
  ['- - - -', 'none'],
  ['- - - X', 'none'],
  ['- - K -', 'none'],
  ['- - K X', 'none'], // an API key belongs to an account: the SID is needed with it too
  ['- T - -', 'none'],
  ['- T - X', 'none'],
  ['- T K -', 'none'],
  ['- T K X', 'none'],
  ['S - - -', 'none'],
  ['S - - X', 'none'],
  ['S - K -', 'none'],
  ['S - K X', 'api key'],
  ['S T - -', 'auth token'],
  ['S T - X', 'auth token'], // a half-set API key falls back to the auth token
  ['S T K -', 'auth token'],
  ['S T K X', 'api key'], // both complete: the API key wins, as in twilio-cli
];

const expected = (picked: string) => (picked === 'api key' ? KEY_CREDS : picked === 'auth token' ? TOKEN_CREDS : undefined);
const basic = (u: string, p: string) => `Basic ${btoa(`${u}:${p}`)}`;

/** The Authorization header a client sends, or the error it throws on creation. */
async function headerOf(options: Credentials): Promise<string | Error> {
  const fetch = fakeFetch(() => json({ code: 1, message: 'x', status: 500 }, 500));
  try {
    const client = createProxyClient({ ...options, baseUrl: 'https://proxy.test', fetch, maxRetries: 0 });
    await client.sessions.list(`KS${'0'.repeat(32)}`).catch(() => undefined);
    return (fetch.calls[0]!.init.headers as Record<string, string>).authorization!;
  } catch (err) {
    return err as Error;
  }
}

const noValueIn = (text: string) => Object.values(VALUES).every((v) => !text.includes(v));

describe('credentials from the environment: all 16 combinations', () => {
  afterEach(() => vi.unstubAllEnvs());

  it.each(ENV_TABLE)('%s → %s', async (mask, picked) => {
    const env = envOf(mask);
    expect(findCredentials({}, env)).toEqual(expected(picked));

    // The same through createProxyClient, reading process.env.
    for (const name of CREDENTIAL_VARIABLES) vi.stubEnv(name, env[name] ?? '');
    const header = await headerOf({});
    if (picked === 'api key') expect(header).toBe(basic(KEY, SECRET));
    else if (picked === 'auth token') expect(header).toBe(basic(SID, TOKEN));
    else {
      expect(header).toBeInstanceOf(Error);
      const message = (header as Error).message;
      expect(message).toMatch(
        /^Missing credentials: .*TWILIO_ACCOUNT_SID with TWILIO_API_KEY and TWILIO_API_SECRET or with TWILIO_AUTH_TOKEN/,
      );
      const set = CREDENTIAL_VARIABLES.filter((n) => env[n]);
      expect(message).toContain(set.length ? `only ${set.join(', ')} ${set.length === 1 ? 'is' : 'are'} set` : 'none is set');
      expect(noValueIn(message)).toBe(true);
    }
  });

  it('an empty variable counts as unset', () => {
    expect(findCredentials({}, { ...VALUES, TWILIO_API_SECRET: '' })).toEqual(TOKEN_CREDS);
    expect(findCredentials({}, { ...VALUES, TWILIO_ACCOUNT_SID: '' })).toBeUndefined();
  });
});

describe('explicit options win over the environment, as a whole', () => {
  const O = { accountSid: 'AC-option', authToken: 'option-token', apiKeySid: 'SK-option', apiKeySecret: 'option-secret' };
  it.each<[string, Credentials, Record<string, string>, object | undefined]>([
    ['all four options (API key first)', O, VALUES, { accountSid: O.accountSid, apiKeySid: O.apiKeySid, apiKeySecret: O.apiKeySecret }],
    [
      'SID + token options over a full environment',
      { accountSid: O.accountSid, authToken: O.authToken },
      VALUES,
      { accountSid: O.accountSid, authToken: O.authToken },
    ],
    [
      'SID + key options over a full environment',
      { accountSid: O.accountSid, apiKeySid: O.apiKeySid, apiKeySecret: O.apiKeySecret },
      VALUES,
      { accountSid: O.accountSid, apiKeySid: O.apiKeySid, apiKeySecret: O.apiKeySecret },
    ],
    [
      'SID + token + half a key',
      { accountSid: O.accountSid, authToken: O.authToken, apiKeySid: O.apiKeySid },
      {},
      { accountSid: O.accountSid, authToken: O.authToken },
    ],
    ['a token option without SID is not completed from the environment', { authToken: O.authToken }, VALUES, undefined],
    ['a SID option alone is not completed from the environment', { accountSid: O.accountSid }, VALUES, undefined],
    ['empty options read the environment', { accountSid: '', authToken: '' }, VALUES, KEY_CREDS],
    ['no options and no environment', {}, {}, undefined],
  ])('%s', async (_, options, env, picked) => {
    expect(findCredentials(options, env)).toEqual(picked);
    if (picked) expect(resolveCredentials(options, env)).toEqual(picked);
    else {
      const err = (() => {
        try {
          resolveCredentials(options, env);
        } catch (e) {
          return e as Error;
        }
      })()!;
      expect(err.name).toBe('ProxyError');
      expect(err.message).toMatch(/Missing credentials: pass accountSid with apiKeySid and apiKeySecret or with authToken/);
      for (const v of [...Object.values(O), ...Object.values(VALUES)]) expect(err.message).not.toContain(v);
      if (Object.values(options).some(Boolean)) expect(err.message).toContain('the environment is not read');
    }
  });
});
