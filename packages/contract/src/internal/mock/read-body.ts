import type { IncomingMessage } from 'node:http';

/** Past this many bytes a body is drained but not kept: a write form is small, a flood must not grow memory. */
export const BODY_LIMIT = 1 << 20;

/** Twilio answers a body over its limit 413; the mock names the limit so a client sees why. */
export const TOO_LARGE_MESSAGE = `Request body too large: the limit is ${BODY_LIMIT} bytes`;

/** True when the request announces a body over the limit (answered before routing, as Twilio's edge does). */
export function announcesTooLarge(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return length !== undefined && Number(length) > BODY_LIMIT;
}

/**
 * A form-encoded request body; undefined when it runs past the limit (chunked, so no Content-Length said so): it is
 * then drained, never parsed, so a cut form cannot read as a different, misleading one. A broken stream reads as an
 * empty form (validation then answers).
 */
export function readFormBody(req: IncomingMessage): Promise<URLSearchParams | undefined> {
  return new Promise<URLSearchParams | undefined>((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= BODY_LIMIT) chunks.push(c);
      else chunks.length = 0;
    });
    req.on('end', () => resolve(size > BODY_LIMIT ? undefined : new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', () => resolve(new URLSearchParams()));
  });
}
