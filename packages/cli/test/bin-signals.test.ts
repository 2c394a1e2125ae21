/** @module-tag slow */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { startMockProxy } from '@twilio-proxy/contract';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, BIN, baseEnv, LIST } from './helpers/bin-helpers.js';

describe('the built twilio-proxy binary against the mock Proxy server', () => {
  // Each test starts its own mock: one that stalls, one too long to read to the end.
  beforeAll(() => assertBuilt());

  it('Ctrl-C while a page is pending: exit 130, "interrupted"', async () => {
    const stalled = await startMockProxy({ count: 3, seed: 7, faults: { sequence: ['stall'] } });
    try {
      const child = spawn(process.execPath, [BIN, ...LIST, '--service-sid', stalled.serviceSid, '--base-url', stalled.url], {
        env: baseEnv({ TWILIO_ACCOUNT_SID: stalled.accountSid, TWILIO_AUTH_TOKEN: stalled.authToken }),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
      await expect.poll(() => stalled.requests.length, { timeout: 10_000 }).toBeGreaterThan(0);
      child.kill('SIGINT');
      const [code] = (await once(child, 'close')) as [number];
      expect(code).toBe(130);
      expect(stderr).toContain('interrupted');
    } finally {
      await stalled.close();
    }
  });

  it('a reader that stops early (| head -1) ends the listing quietly with exit 0', async () => {
    const many = await startMockProxy({ count: 5_000, seed: 7, selfCheck: false });
    try {
      const child = spawn(process.execPath, [BIN, ...LIST, '--service-sid', many.serviceSid, '--base-url', many.url, '-f', 'ndjson'], {
        env: baseEnv({ TWILIO_ACCOUNT_SID: many.accountSid, TWILIO_AUTH_TOKEN: many.authToken }),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
      await once(child.stdout, 'data');
      child.stdout.destroy();
      const [code] = (await once(child, 'close')) as [number];
      expect(code).toBe(0);
      expect(stderr).toBe('');
    } finally {
      await many.close();
    }
  });
});
