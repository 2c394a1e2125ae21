import { createHmac, randomBytes } from 'node:crypto';

/** Where a page starts: just after or just before a SID. A position, not an offset, so inserts don't shift pages. */
export interface PagePosition {
  readonly direction: 'after' | 'before';
  readonly sid: string;
}

/**
 * Opaque, verifiable page tokens: `PT` + base64url(direction:sid) + `.` + a truncated HMAC over the
 * service and the position, so a token from another server, service or a guess is rejected.
 */
export function createPageTokens(scope: string, key: Buffer = randomBytes(32)) {
  const sign = (payload: string) => createHmac('sha256', key).update(`${scope}\n${payload}`).digest('base64url').slice(0, 22);
  return {
    issue(position: PagePosition): string {
      const payload = Buffer.from(`${position.direction === 'after' ? 'a' : 'b'}:${position.sid}`).toString('base64url');
      return `PT${payload}.${sign(payload)}`;
    },
    /** The position a token names, or undefined when this server did not issue it. */
    verify(token: string): PagePosition | undefined {
      const m = /^PT([A-Za-z0-9_-]{1,200})\.([A-Za-z0-9_-]{22})$/.exec(token);
      if (!m || sign(m[1]!) !== m[2]) return undefined;
      const decoded = Buffer.from(m[1]!, 'base64url').toString('utf8');
      const sep = decoded.indexOf(':');
      const dir = decoded.slice(0, sep);
      if (sep < 0 || (dir !== 'a' && dir !== 'b')) return undefined;
      return { direction: dir === 'a' ? 'after' : 'before', sid: decoded.slice(sep + 1) };
    },
  };
}
