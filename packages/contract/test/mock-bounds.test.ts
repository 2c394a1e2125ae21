import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { MOCK_ERROR_CODES, startMockProxy } from '../src/index.js';
import { BODY_LIMIT, readFormBody } from '../src/internal/mock/read-body.js';
import { specCollections, specOperations } from '../src/internal/walked-spec.js';
import { agent, listUrl, mockAuth, raw } from './helpers/helpers.js';

/** Sends a body in chunks (no Content-Length: only reading it shows its size); resolves with status and JSON. */
function sendChunked(url: string, method: string, auth: string, chunks: Buffer[]): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const headers = { authorization: auth, 'content-type': 'application/x-www-form-urlencoded' };
    const req = request(url, { method, agent, headers }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
    });
    req.on('error', reject);
    for (const c of chunks) req.write(c);
    req.end();
  });
}
const oversized = () => [Buffer.from('FriendlyName='), Buffer.alloc(BODY_LIMIT, 'a'), Buffer.from('&Extra=1')];
const twilioError = (status: number, code: number) => ({
  status,
  code,
  message: expect.stringContaining(String(BODY_LIMIT)),
  more_info: `https://www.twilio.com/docs/errors/${code}`,
});

/** A long-running mock keeps bounded state: the request log is a ring, and an oversized body is refused. */
describe('request log', () => {
  it('keeps only the last requestLog requests, oldest first', async () => {
    const m = await startMockProxy({ count: 5, requestLog: 3 });
    try {
      for (const size of [1, 2, 3, 4, 5]) await raw(listUrl(m, `?PageSize=${size}`), { auth: mockAuth(m) });
      expect(m.requests.map((r) => r.url.split('?')[1])).toEqual(['PageSize=3', 'PageSize=4', 'PageSize=5']);
      expect(m.requests.every((r) => r.status === 200)).toBe(true);
    } finally {
      await m.close();
    }
  });

  it('keeps none with requestLog 0, every request by default', async () => {
    const off = await startMockProxy({ count: 2, requestLog: 0 });
    const all = await startMockProxy({ count: 2 });
    try {
      for (let i = 0; i < 4; i++) {
        await raw(listUrl(off), { auth: mockAuth(off) });
        await raw(listUrl(all), { auth: mockAuth(all) });
      }
      expect(off.requests).toEqual([]);
      expect(all.requests).toHaveLength(4);
    } finally {
      await Promise.all([off.close(), all.close()]);
    }
  });

  it('rejects a negative requestLog', async () => {
    await expect(startMockProxy({ requestLog: -1 })).rejects.toThrow(/requestLog must be a non-negative number/);
  });
});

describe('a body over the limit', () => {
  it('is answered 413 with a Twilio error body when its Content-Length says so, on any path', async () => {
    const m = await startMockProxy({ count: 1 }); // self-check on: close() rejects if the 413 broke the error schema
    try {
      const r = await raw(listUrl(m), { method: 'POST', auth: mockAuth(m), body: 'a'.repeat(BODY_LIMIT + 1) });
      expect(r.status).toBe(413);
      expect(r.json).toEqual(twilioError(413, MOCK_ERROR_CODES.payloadTooLarge));
      // The connection stays usable: the body was drained.
      expect((await raw(listUrl(m), { auth: mockAuth(m) })).status).toBe(200);
    } finally {
      await m.close();
    }
  });

  it('reads as too large, not as a cut form, when it is chunked', async () => {
    const forms: Array<string | undefined> = [];
    const server = createServer((req, res) => {
      readFormBody(req).then((form) => {
        forms.push(form?.toString());
        res.end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      await sendChunked(url, 'POST', '', oversized());
      await sendChunked(url, 'POST', '', [Buffer.from('FriendlyName=a'), Buffer.from('&Extra=1')]);
      expect(forms).toEqual([undefined, 'FriendlyName=a&Extra=1']);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  // The real spec has no create yet: this runs on a spec that has one (it skips, with the reason, otherwise).
  const create = [...specOperations().values()].find((op) => op.action === 'create' && op.body);
  it.skipIf(!create)('is answered 413 on a write, chunked, with nothing stored (needs a create in the spec)', async () => {
    const m = await startMockProxy({ count: 1 });
    try {
      const { resource } = specCollections().find((c) => c.operations.includes(create!))!;
      const before = m.items(resource).length;
      const r = await sendChunked(m.urlFor(create!.operationId), 'POST', mockAuth(m), oversized());
      expect(r).toEqual({ status: 413, json: twilioError(413, MOCK_ERROR_CODES.payloadTooLarge) });
      expect(m.items(resource)).toHaveLength(before);
    } finally {
      await m.close();
    }
  });
});
