import { CREDENTIAL_VARIABLES, createProxyClient, findCredentials, type ProxyClientOptions } from '@twilio-proxy/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Credentials } from '../src/index.js';
import { fakeSource, run, SERVICE } from './helpers/helpers.js';

const VALUES: Record<string, string> = {
  TWILIO_ACCOUNT_SID: 'AC-env-sid-value',
  TWILIO_AUTH_TOKEN: 'env-auth-token-value',
  TWILIO_API_KEY: 'SK-env-key-value',
  TWILIO_API_SECRET: 'env-api-secret-value',
};

/** Every subset of the four variables (the client's own test spells out which set each one picks). */
const COMBOS = Array.from({ length: 16 }, (_, bits) =>
  Object.fromEntries(CREDENTIAL_VARIABLES.filter((_, i) => bits & (1 << i)).map((n) => [n, VALUES[n]!])),
);

/** The Authorization header a client sends with these options, or null when it refuses to start. */
async function header(options: ProxyClientOptions): Promise<string | null> {
  let sent: string | null = null;
  const fetch: typeof globalThis.fetch = async (_input, init) => {
    sent = (init?.headers as Record<string, string> | undefined)?.authorization ?? null;
    return new Response('{}', { status: 500, headers: { 'content-type': 'application/json' } });
  };
  try {
    await createProxyClient({ ...options, baseUrl: 'https://proxy.test', fetch, maxRetries: 0 }).sessions.list(SERVICE);
  } catch {}
  return sent;
}

describe('the CLI and the client pick the same credentials', () => {
  afterEach(() => vi.unstubAllEnvs());

  it.each(COMBOS.map((env) => [Object.keys(env).join(' + ') || 'none', env] as const))('%s', async (_, env) => {
    let seen: Credentials | undefined;
    const r = await run(['sessions', 'list', '--service-sid', SERVICE], {
      env,
      createSource: (o) => {
        seen = o.credentials;
        return fakeSource(0);
      },
    });
    expect(seen).toEqual(findCredentials({}, env));

    // What a program using the client with the same environment sends...
    for (const name of CREDENTIAL_VARIABLES) vi.stubEnv(name, env[name] ?? '');
    const direct = await header({});
    // ...is what the client sends when the CLI hands it its pick (the environment is still set).
    expect(seen ? await header(seen) : null).toBe(direct);

    if (seen) expect(r.code).toBe(0);
    else {
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(
        /missing credentials\. Set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN, or TWILIO_API_KEY and TWILIO_API_SECRET/,
      );
      for (const value of Object.values(VALUES)) expect(r.stderr).not.toContain(value);
    }
  });

  it('with all four set, both use the API key', async () => {
    let seen: Credentials | undefined;
    await run(['sessions', 'list', '--service-sid', SERVICE], {
      env: VALUES,
      createSource: (o) => {
        seen = o.credentials;
        return fakeSource(0);
      },
    });
    expect(seen).toEqual({
      accountSid: VALUES.TWILIO_ACCOUNT_SID,
      apiKeySid: VALUES.TWILIO_API_KEY,
      apiKeySecret: VALUES.TWILIO_API_SECRET,
    });
  });
});

describe('errors printed by the CLI', () => {
  it('a one-character token does not mangle unrelated text', async () => {
    const env = { TWILIO_ACCOUNT_SID: VALUES.TWILIO_ACCOUNT_SID!, TWILIO_AUTH_TOKEN: 'x' };
    const source = {
      ...fakeSource(0),
      // biome-ignore lint/correctness/useYield: it fails before the first item
      async *each() {
        throw new Error('bad offset 0x1fffffe8');
      },
    };
    const r = await run(['sessions', 'list', '--service-sid', SERVICE], { env, source });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bad offset 0x1fffffe8');
  });

  it('the API key secret and its Basic header form are removed', async () => {
    const basic = btoa(`${VALUES.TWILIO_API_KEY}:${VALUES.TWILIO_API_SECRET}`);
    const source = {
      ...fakeSource(0),
      // biome-ignore lint/correctness/useYield: it fails before the first item
      async *each() {
        throw new Error(`echo ${VALUES.TWILIO_API_SECRET} and Basic ${basic}`);
      },
    };
    const r = await run(['sessions', 'list', '--service-sid', SERVICE], { env: VALUES, source });
    expect(r.stderr).toContain('echo [redacted] and Basic [redacted]');
    expect(r.stderr).not.toContain(VALUES.TWILIO_API_SECRET);
    expect(r.stderr).not.toContain(basic);
  });
});
