import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ProxyApiError } from '../src/index.js';
import { pages, testClient } from './helpers/client.js';
import { startServer, type TestServer } from './helpers/server.js';
import { SERVICE_SID } from './helpers/sessions.js';

const RQ = `RQ${'d'.repeat(32)}`;
/** A body of `chunks` chunks of `size` bytes each, made as it is read (nothing of it is held). */
const endless = (chunks: number, size = 64 * 1024) => {
  const chunk = new Uint8Array(size).fill(0x20);
  let sent = 0;
  return new ReadableStream<Uint8Array>({ pull: (c) => void (sent++ < chunks ? c.enqueue(chunk) : c.close()) });
};

describe('maxResponseBytes', () => {
  it.each([
    ['a body that declares its length', 200, () => new Response('x'.repeat(2048), { headers: { 'twilio-request-id': RQ } })],
    ['a chunked body, counted as it streams', 200, () => new Response(endless(1_000_000, 512), { headers: { 'twilio-request-id': RQ } })],
    ['an error body', 503, () => new Response(endless(1_000_000, 512), { status: 503, headers: { 'twilio-request-id': RQ } })],
  ])('%s past the limit is a ProxyApiError "response-too-large", sent once (not retried)', async (_, status, handler) => {
    const { client, fetch } = testClient(handler, { maxResponseBytes: 1024 });
    const err = await client.sessions.list(SERVICE_SID).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProxyApiError);
    expect(err).toMatchObject({ status, reason: 'response-too-large', requestId: RQ, attempts: 1 });
    expect(fetch.calls).toHaveLength(1);
    // The request is aborted: the rest of the body is never read.
    expect(fetch.calls[0]!.init.signal!.aborted).toBe(true);
  });

  it.each([1, 2, 3])('a body cut inside a UTF-8 sequence (every %i bytes) is decoded whole', async (step) => {
    const bytes = new TextEncoder().encode(JSON.stringify({ unique_name: '注文 👨‍👩‍👧 é' }));
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < bytes.length; i += step) c.enqueue(bytes.slice(i, i + step));
        c.close();
      },
    });
    const { client } = testClient(() => new Response(body));
    await expect(client.request('ListSession', { path: { ServiceSid: SERVICE_SID } })).resolves.toEqual({ unique_name: '注文 👨‍👩‍👧 é' });
  });

  it('a body within the limit is read whole, in many chunks', async () => {
    const { client } = testClient(pages(300), { maxResponseBytes: 1024 * 1024 });
    expect(await client.sessions.all(SERVICE_SID, { pageSize: 300 })).toHaveLength(300);
  });
});

describe('a 1.2 GB body from a loopback server', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('gives a typed, non-retried ProxyApiError after one request, with peak RSS under 200 MB (child process)', async () => {
    const chunk = Buffer.alloc(64 * 1024, '{"sid":"KC00000000000000000000000000000000"},');
    let written = 0;
    server = await startServer((_req, res) => {
      // Chunked (no content-length), so only counting the stream can stop it; written lazily, with backpressure.
      res.writeHead(200, { 'content-type': 'application/json', 'twilio-request-id': RQ });
      res.write('{"sessions":[');
      const pump = () => {
        while (written < 1.2e9 && !res.destroyed) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    });
    const child = fork(fileURLToPath(new URL('./helpers/huge-body-child.ts', import.meta.url)), [server.url], {
      execArgv: ['--conditions=@twilio-proxy/source', '--import', 'tsx'],
    });
    const result = await new Promise<{ error?: Record<string, unknown>; maxRssMb: number }>((resolve, reject) => {
      child.once('message', resolve as never);
      child.once('exit', (code) => reject(new Error(`child exited with ${code}`)));
    });
    child.kill();
    expect(result.error).toEqual({ name: 'ProxyApiError', reason: 'response-too-large', status: 200, requestId: RQ, attempts: 1 });
    expect(server.requests).toHaveLength(1);
    expect(result.maxRssMb).toBeLessThan(200);
    // The client stopped reading near the limit (32 MiB by default), far from the 1.2 GB on offer.
    expect(written).toBeLessThan(200 * 1024 * 1024);
  });
});
