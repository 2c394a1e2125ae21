// The benchmark's List Sessions server, run in its own process so the client under test has the CPU to itself.
// argv: total sessions, latency ms per response, "cache" to keep page bodies (so the server costs ~nothing).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const [total = 100_000, latencyMs = 0] = process.argv.slice(2, 4).map(Number);
const cache = process.argv[4] === 'cache' ? new Map<string, Buffer>() : undefined;
const SERVICE = `KS${'a'.repeat(32)}`;
const ACCOUNT = `AC${'b'.repeat(32)}`;

const session = (i: number): string => {
  const sid = `KC${i.toString(16).padStart(32, '0')}`;
  return `{"sid":"${sid}","service_sid":"${SERVICE}","account_sid":"${ACCOUNT}","date_started":"2024-01-02T03:04:05Z","date_ended":null,"date_last_interaction":"2024-01-02T03:14:05Z","date_expiry":null,"unique_name":"session-${i}","status":"open","closed_reason":null,"ttl":3600,"mode":"voice-and-message","date_created":"2024-01-02T03:04:05Z","date_updated":"2024-01-02T03:04:05Z","url":"https://proxy.twilio.com/v1/Services/${SERVICE}/Sessions/${sid}"}`;
};

function body(origin: string, path: string, size: number, page: number, offset: number): Buffer {
  const items: string[] = [];
  for (let i = offset; i < Math.min(total, offset + size); i++) items.push(session(i));
  const at = (p: number, o: number) => JSON.stringify(`${origin}${path}?PageSize=${size}&Page=${p}&PageToken=PT${o}`);
  const next = offset + size < total ? at(page + 1, offset + size) : 'null';
  const prev = page > 0 ? at(page - 1, offset - size) : 'null';
  return Buffer.from(
    `{"sessions":[${items.join(',')}],"meta":{"page":${page},"page_size":${size},"first_page_url":${at(0, 0)},"previous_page_url":${prev},"url":${at(page, offset)},"next_page_url":${next},"key":"sessions"}}`,
  );
}

const server = createServer((req, res) => {
  const u = new URL(req.url!, 'http://x');
  const size = Number(u.searchParams.get('PageSize') ?? 50);
  const page = Number(u.searchParams.get('Page') ?? 0);
  const offset = Number(u.searchParams.get('PageToken')?.slice(2) ?? page * size);
  const key = `${size}:${offset}`;
  let buf = cache?.get(key);
  if (!buf) {
    buf = body(origin, u.pathname, size, page, offset);
    cache?.set(key, buf);
  }
  const send = () => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': buf!.length, 'twilio-request-id': `RQ${'0'.repeat(32)}` });
    res.end(buf);
  };
  if (latencyMs) setTimeout(send, latencyMs);
  else send();
});
server.keepAliveTimeout = 60_000;
let origin = '';
server.listen(0, '127.0.0.1', () => {
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.send!({ origin });
});
process.on('disconnect', () => process.exit(0));
