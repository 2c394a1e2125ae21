import { type Credentials, credentialSecrets, resolveCredentials } from '../core/credentials.js';

export type { Credentials };

export interface ResolvedAuth {
  accountSid: string;
  /** The `Authorization` header value. Lives only in closures, never on an object a user can print. */
  header: string;
  /** Strings to scrub from anything we surface. */
  secrets: string[];
}

/** Basic auth from the credentials {@link resolveCredentials} picks; a clear error when there are none. */
export function resolveAuth(o: Credentials): ResolvedAuth {
  const c = resolveCredentials(o);
  const secrets = credentialSecrets(c);
  return { accountSid: c.accountSid, header: `Basic ${secrets[1]}`, secrets };
}
