import { ProxyError } from './errors.js';

/** Credential options of `createProxyClient`; which set is used is decided by {@link findCredentials}. */
export interface Credentials {
  /** `AC…`: the account whose resources are read. Needed with an auth token and with an API key. */
  accountSid?: string;
  /** The account's auth token. */
  authToken?: string;
  /** `SK…`: an API key of the account. */
  apiKeySid?: string;
  /** The API key's secret. */
  apiKeySecret?: string;
}

/** A complete set: an API key (with its account), or the account's auth token. Pass it as client options. */
export type ResolvedCredentials =
  | { accountSid: string; apiKeySid: string; apiKeySecret: string }
  | { accountSid: string; authToken: string };

/** The environment variables read, in the order they are documented. */
export const CREDENTIAL_VARIABLES = ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_API_KEY', 'TWILIO_API_SECRET'] as const;

/** Where the `TWILIO_*` variables are read: `process.env` by default, any record in tests or other runtimes. */
export type CredentialEnv = Readonly<Record<string, string | undefined>>;

const processEnv = (): CredentialEnv => (globalThis as { process?: { env: CredentialEnv } }).process?.env ?? {};

const OPTION_KEYS = ['accountSid', 'authToken', 'apiKeySid', 'apiKeySecret'] as const;

/** Either whole set, API key first; an empty string counts as unset. */
function pick(sid?: string, key?: string, secret?: string, token?: string): ResolvedCredentials | undefined {
  if (!sid) return undefined;
  if (key && secret) return { accountSid: sid, apiKeySid: key, apiKeySecret: secret };
  return token ? { accountSid: sid, authToken: token } : undefined;
}

/**
 * The one precedence of this package and of the CLI:
 *
 * 1. **Options**, when any of `accountSid`, `authToken`, `apiKeySid`, `apiKeySecret` is given. The
 *    environment is then not read, so a SID from one place is never paired with a secret from another.
 * 2. Else the **environment**: `TWILIO_ACCOUNT_SID`, `TWILIO_AUTH_TOKEN`, `TWILIO_API_KEY`, `TWILIO_API_SECRET`.
 *
 * Within either source, a complete **API key** (account SID + key SID + secret) wins over the
 * **auth token** (account SID + token), as in twilio-cli: a key can be revoked alone and scoped, the
 * auth token is the account's master secret. A half-set API key falls back to the auth token.
 *
 * @returns the credentials to use, or `undefined` when no complete set is given.
 */
export function findCredentials(options: Credentials = {}, env: CredentialEnv = processEnv()): ResolvedCredentials | undefined {
  if (OPTION_KEYS.some((k) => options[k])) return pick(options.accountSid, options.apiKeySid, options.apiKeySecret, options.authToken);
  return pick(env.TWILIO_ACCOUNT_SID, env.TWILIO_API_KEY, env.TWILIO_API_SECRET, env.TWILIO_AUTH_TOKEN);
}

/**
 * {@link findCredentials}, or a {@link ProxyError} that names the options and variables to set and
 * which of them are set (names only, never a value).
 */
export function resolveCredentials(options: Credentials = {}, env: CredentialEnv = processEnv()): ResolvedCredentials {
  const found = findCredentials(options, env);
  if (found) return found;
  const fromOptions = OPTION_KEYS.filter((k) => options[k]);
  const set = fromOptions.length ? fromOptions : CREDENTIAL_VARIABLES.filter((n) => env[n]);
  throw new ProxyError(
    `Missing credentials: pass accountSid with apiKeySid and apiKeySecret or with authToken, or set TWILIO_ACCOUNT_SID with TWILIO_API_KEY and TWILIO_API_SECRET or with TWILIO_AUTH_TOKEN (${
      set.length
        ? `only ${set.join(', ')} ${set.length > 1 ? 'are' : 'is'} ${fromOptions.length ? 'given, and then the environment is not read' : 'set'}`
        : 'none is set'
    })`,
  );
}

/**
 * What must never be shown: the secret, and the base64 `user:secret` of HTTP Basic auth that encodes
 * it (the key SID and secret, or the account SID and token), in that order.
 */
export function credentialSecrets(c: ResolvedCredentials): [secret: string, basic: string] {
  const [user, secret] = 'apiKeySid' in c ? [c.apiKeySid, c.apiKeySecret] : [c.accountSid, c.authToken];
  return [secret, btoa(`${user}:${secret}`)];
}
