import { expect, test, vi } from 'vitest';
import { specReads } from '../../types/test/helpers/spec-reads.js';

// The spec is read and walked on first use (a mock started, a suite declared), never on import.
test.each<[string, () => Promise<unknown>]>([
  ['@twilio-proxy/contract', () => import('../src/index.js')],
  ['@twilio-proxy/contract/vitest', () => import('../src/vitest/index.js')],
])('importing %s reads no spec file', async (_, load) => {
  vi.resetModules();
  const { reads } = await specReads(load);
  expect(reads).toEqual([]);
});
