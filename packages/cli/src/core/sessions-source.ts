import { UsageError } from './exit-codes.js';

/** What the list command needs from a client: the client's `sessions.each`. Tests inject a fake. */
export interface SessionsSource {
  each(
    serviceSid: string,
    options: { pageSize?: number; limit?: number; signal?: AbortSignal },
  ): AsyncIterable<Record<string, unknown>>;
}

export type Credentials =
  | { accountSid: string; authToken: string }
  | { accountSid: string; apiKeySid: string; apiKeySecret: string };

export interface SourceOptions {
  credentials: Credentials;
  baseUrl: string | undefined;
  userAgent: string;
  /** Called once per page received (a 2xx response), for the progress line. */
  onPage: () => void;
}

export type CreateSource = (options: SourceOptions) => SessionsSource | Promise<SessionsSource>;

/**
 * Reads credentials from the environment: Account SID + Auth Token first, else API Key + secret.
 * Missing ones are a usage error naming the variables to set (never their values).
 */
export function credentialsFromEnv(env: Record<string, string | undefined>): Credentials {
  const accountSid = env.TWILIO_ACCOUNT_SID || undefined;
  if (accountSid && env.TWILIO_AUTH_TOKEN) return { accountSid, authToken: env.TWILIO_AUTH_TOKEN };
  // Twilio API keys belong to an account; the client needs its SID with them as well.
  if (accountSid && env.TWILIO_API_KEY && env.TWILIO_API_SECRET) {
    return { accountSid, apiKeySid: env.TWILIO_API_KEY, apiKeySecret: env.TWILIO_API_SECRET };
  }
  const names = ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_API_KEY', 'TWILIO_API_SECRET'];
  const set = names.filter((n) => env[n]);
  return missing(set);
}

function missing(set: string[]): never {
  throw new UsageError(
    'missing credentials. Set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN, ' +
      'or TWILIO_API_KEY and TWILIO_API_SECRET (with TWILIO_ACCOUNT_SID)' +
      (set.length ? `; only ${set.join(', ')} ${set.length === 1 ? 'is' : 'are'} set.` : '; none is set.'),
    'list',
  );
}

export function secretsOf(c: Credentials): string[] {
  return 'authToken' in c ? [c.authToken] : [c.apiKeySecret];
}

/** The real source: @twilio-proxy/client, with a fetch that counts pages for the progress line. */
export const createClientSource: CreateSource = async ({ credentials, baseUrl, userAgent, onPage }) => {
  const { createProxyClient } = await import('@twilio-proxy/client');
  const countingFetch: typeof fetch = async (input, init) => {
    const res = await fetch(input, init);
    if (res.ok) onPage();
    return res;
  };
  const client = createProxyClient({ ...credentials, ...(baseUrl ? { baseUrl } : {}), userAgent, fetch: countingFetch });
  // Session is a typed object; the formatters read it as a plain record of properties.
  return client.sessions as SessionsSource;
};
