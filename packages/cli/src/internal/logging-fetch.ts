/** Longest request body shown in a debug line; a form body of a Proxy write is far shorter. */
const MAX_BODY = 2_000;

function bodyText(body: unknown): string | null {
  if (body === null || body === undefined) return null;
  if (typeof body === 'string') return body;
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) {
    return new TextDecoder().decode(body instanceof ArrayBuffer ? body : new Uint8Array(body.buffer, body.byteOffset, body.byteLength));
  }
  if (body instanceof URLSearchParams) return body.toString();
  return `<${Object.prototype.toString.call(body).slice(8, -1)}>`;
}

/**
 * A fetch that writes each request line, its body, and each response line to `log`, as twilio-cli's
 * `-l debug` does. It sees every attempt the client makes (retries, next pages), and it never writes a
 * header: the authorization header stays out by construction, and `log` redacts the secrets again.
 */
export function loggingFetch(inner: typeof fetch, log: (line: string) => void, now: () => number = () => performance.now()): typeof fetch {
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    log(`request: ${method} ${url}`);
    const body = bodyText(init?.body);
    if (body) {
      const type = new Headers(init?.headers).get('content-type');
      log(`request body${type ? ` (${type})` : ''}: ${body.length > MAX_BODY ? `${body.slice(0, MAX_BODY)}…` : body}`);
    }
    const started = now();
    try {
      const res = await inner(input, init);
      const id = res.headers.get('twilio-request-id');
      const ms = Math.round(now() - started);
      log(`response: ${res.status}${res.statusText ? ` ${res.statusText}` : ''} in ${ms} ms${id ? `, Twilio-Request-Id ${id}` : ''}`);
      return res;
    } catch (err) {
      log(`response: none after ${Math.round(now() - started)} ms (${err instanceof Error ? err.message : String(err)})`);
      throw err;
    }
  };
}
