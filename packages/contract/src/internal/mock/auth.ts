export interface ApiKey {
  sid: string;
  secret: string;
}

/** HTTP Basic as Twilio takes it: Account SID + auth token, or an API key SID + its secret. */
export function createAuth(accountSid: string, authToken: string, apiKeys: readonly ApiKey[]): (header: string | undefined) => boolean {
  return (header) => {
    if (!header) return false;
    const m = /^Basic +([A-Za-z0-9+/=]+)$/i.exec(header);
    if (!m) return false;
    const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
    const sep = decoded.indexOf(':');
    if (sep < 0) return false;
    const user = decoded.slice(0, sep);
    const pass = decoded.slice(sep + 1);
    if (user === accountSid && pass === authToken) return true;
    return apiKeys.some((k) => k.sid === user && k.secret === pass);
  };
}

/** Sent with every 401, as Twilio does. */
export const AUTHENTICATE_HEADERS = { 'WWW-Authenticate': 'Basic realm="Twilio API"' };
