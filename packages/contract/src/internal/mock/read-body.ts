import type { IncomingMessage } from 'node:http';

/** Past this many bytes a body is drained but not kept: a write form is small, a flood must not grow memory. */
const BODY_LIMIT = 1 << 20;

/** A form-encoded request body; a broken stream reads as an empty form (validation then answers). */
export function readFormBody(req: IncomingMessage): Promise<URLSearchParams> {
  return new Promise<URLSearchParams>((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= BODY_LIMIT) chunks.push(c);
    });
    req.on('end', () => resolve(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', () => resolve(new URLSearchParams()));
  });
}
