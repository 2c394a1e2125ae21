import { ProxyError } from '../core/errors.js';

export interface Credentials {
  accountSid?: string;
  authToken?: string;
  apiKeySid?: string;
  apiKeySecret?: string;
}

export interface ResolvedAuth {
  accountSid: string;
  /** The `Authorization` header value. Lives only in closures, never on an object a user can print. */
  header: string;
  /** Strings to scrub from anything we surface. */
  secrets: string[];
}

/** Basic auth from the options, else from TWILIO_* environment variables; a clear error when neither. */
export function resolveAuth(o: Credentials): ResolvedAuth {
  const env: Record<string, string | undefined> =
    (globalThis as { process?: { env: Record<string, string> } }).process?.env ?? {};
  const given = o.authToken || o.apiKeySid || o.apiKeySecret;
  const accountSid = given ? o.accountSid : env.TWILIO_ACCOUNT_SID;
  // An API key (least privilege) wins over the account's auth token; it still needs the account SID.
  const [user, pass] = given
    ? o.apiKeySid || o.apiKeySecret ? [o.apiKeySid, o.apiKeySecret] : [accountSid, o.authToken]
    : env.TWILIO_API_KEY || env.TWILIO_API_SECRET ? [env.TWILIO_API_KEY, env.TWILIO_API_SECRET]
    : [accountSid, env.TWILIO_AUTH_TOKEN];
  if (!accountSid || !user || !pass) {
    throw new ProxyError(
      'Missing credentials: pass accountSid with authToken or apiKeySid+apiKeySecret, or set TWILIO_ACCOUNT_SID with TWILIO_AUTH_TOKEN or TWILIO_API_KEY+TWILIO_API_SECRET',
    );
  }
  const basic = btoa(`${user}:${pass}`);
  return { accountSid, header: `Basic ${basic}`, secrets: [pass, basic] };
}
