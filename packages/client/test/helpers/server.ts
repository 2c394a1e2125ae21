import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestServer {
  url: string;
  /** Every request seen: method, url, headers. */
  requests: { method: string; url: string; headers: IncomingMessage['headers'] }[];
  close(): Promise<void>;
}

/** A loopback HTTP server on 127.0.0.1, port 0; close() ends every connection, stalled ones included. */
export async function startServer(
  handler: (req: IncomingMessage, res: ServerResponse, n: number, origin: string) => void | Promise<void>,
): Promise<TestServer> {
  const requests: TestServer['requests'] = [];
  let origin = '';
  const server = createServer((req, res) => {
    requests.push({ method: req.method!, url: req.url!, headers: req.headers });
    void handler(req, res, requests.length, origin);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type Fault = '429' | '503' | 'reset' | 'stall' | 'truncate';

/** Answers with one fault; `body` is the good answer a truncation cuts. */
export function fault(kind: Fault, res: ServerResponse, body: string): void {
  switch (kind) {
    case '429':
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '0', 'twilio-request-id': `RQ${'0'.repeat(32)}` });
      res.end(JSON.stringify({ code: 20429, message: 'Too Many Requests', status: 429 }));
      return;
    case '503':
      res.writeHead(503, { 'content-type': 'text/html' });
      res.end('<html><body>Service Unavailable</body></html>');
      return;
    case 'reset':
      res.socket?.destroy();
      return;
    case 'stall':
      return; // never answers; the client's per-attempt timeout must end it
    case 'truncate':
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.write(body.slice(0, Math.floor(body.length / 2)));
      setTimeout(() => res.socket?.destroy(), 5);
      return;
  }
}
