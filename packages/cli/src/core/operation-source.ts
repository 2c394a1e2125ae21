import { CREDENTIAL_VARIABLES, credentialSecrets, findCredentials, type ProxyClient, type ResolvedCredentials } from '@twilio-proxy/client';
import { loggingFetch } from '../internal/logging-fetch.js';
import { UsageError } from './exit-codes.js';

/** Path and query parameters of an operation, and its body fields when it takes a body, named as the spec names them. */
export interface OperationParams {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  /** The request body's fields by their wire names (`UniqueName`); the client encodes them as the spec's media type. */
  body?: Record<string, unknown>;
}

/**
 * What the commands need from a client: its generic API, `each` for list operations and `request` for
 * any other (reads and writes: `request` resolves the answered record, or undefined for a 204). Tests
 * inject a fake.
 */
export interface OperationSource {
  each(
    operationId: string,
    params: OperationParams,
    options: { limit?: number; signal?: AbortSignal },
  ): AsyncIterable<Record<string, unknown>>;
  request(operationId: string, params: OperationParams, options: { signal?: AbortSignal }): Promise<unknown>;
}

/** What the client is given: chosen by the client's own resolver, so both always agree. */
export type Credentials = ResolvedCredentials;

export interface SourceOptions {
  credentials: Credentials;
  baseUrl: string | undefined;
  userAgent: string;
  /** Called once per page received (a 2xx response), for the progress line. */
  onPage: () => void;
  /** With `-l debug`: receives each request and response line (no header; redacted again by the CLI's logger). */
  log?: (line: string) => void;
}

export type CreateSource = (options: SourceOptions) => OperationSource | Promise<OperationSource>;

/**
 * The credentials the client would pick from this environment (its `findCredentials`: a complete
 * API key first, else the auth token). Missing ones are a usage error naming the variables to set,
 * never their values.
 */
export function credentialsFromEnv(env: Record<string, string | undefined>): Credentials {
  return findCredentials({}, env) ?? missing(CREDENTIAL_VARIABLES.filter((n) => env[n]));
}

function missing(set: string[]): never {
  throw new UsageError(
    'missing credentials. Set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN, ' +
      'or TWILIO_API_KEY and TWILIO_API_SECRET (with TWILIO_ACCOUNT_SID)' +
      (set.length ? `; only ${set.join(', ')} ${set.length === 1 ? 'is' : 'are'} set.` : '; none is set.'),
  );
}

/** The secret and its Basic header form, to remove from anything printed. */
export const secretsOf = (c: Credentials): string[] => credentialSecrets(c);

/**
 * The real source: @twilio-proxy/client's generic API, with a fetch that counts pages for the progress line
 * (and logs each request and response with `-l debug`). `baseUrl` goes to the client whole, path included.
 */
export const createClientSource: CreateSource = async ({ credentials, baseUrl, userAgent, onPage, log }) => {
  const { createProxyClient } = await import('@twilio-proxy/client');
  const send: typeof fetch = log ? loggingFetch(fetch, log) : fetch;
  const countingFetch: typeof fetch = async (input, init) => {
    const res = await send(input, init);
    if (res.ok) onPage();
    return res;
  };
  const client = createProxyClient({ ...credentials, ...(baseUrl ? { baseUrl } : {}), userAgent, fetch: countingFetch });
  const api: Pick<ProxyClient, 'each' | 'request'> = client;
  // The client types each operationId's parameters and items; the commands build them from the spec at
  // run time, so they see the generic API through this looser shape (the client checks every value).
  return api as unknown as OperationSource;
};
