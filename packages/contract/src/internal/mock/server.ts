import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Listening {
  readonly url: string;
  /** Stops listening and destroys open connections (stalled requests included). */
  close(): Promise<void>;
}

/**
 * Server lifecycle: plain node:http on loopback, keep-alive, malformed HTTP answered 400 without reaching the
 * handler, a handler that throws reported through `onCrash` (never an unhandled rejection).
 */
export async function listen(
  handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  onCrash: (req: IncomingMessage, res: ServerResponse, err: unknown) => void,
  options: { host?: string; port?: number } = {},
): Promise<Listening> {
  const server = createServer({ keepAliveTimeout: 5_000 }, (req, res) => {
    handler(req, res).catch((err: unknown) => onCrash(req, res, err));
  });
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Timers the mock sets (latency, stalls), all cleared on close so nothing outlives the server. */
export function createTimers() {
  const timers = new Set<NodeJS.Timeout>();
  return {
    delay: (ms: number) =>
      new Promise<void>((resolve) => {
        const t = setTimeout(() => {
          timers.delete(t);
          resolve();
        }, ms);
        timers.add(t);
      }),
    clear() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
    },
  };
}
