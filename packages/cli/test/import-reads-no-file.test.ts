import { expect, test, vi } from 'vitest';
import { specReads } from '../../types/test/helpers/spec-reads.js';

// The spec is read and walked when a command needs it (help, a run), never on import.
test('importing @twilio-proxy/cli reads no spec file', async () => {
  vi.resetModules();
  const { reads } = await specReads(() => import('../src/index.js'));
  expect(reads).toEqual([]);
});
