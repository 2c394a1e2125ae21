import { describe, expect, it } from 'vitest';
import type { OperationSource } from '../src/index.js';
import { run } from './helpers/helpers.js';
import { commands, ONE_SESSION, recording, runWrite, SESSION, SESSIONS, session } from './helpers/write-run.js';

describe('bad body values: exit 2, nothing sent', () => {
  it.each([
    [['sessions', 'create', ...SESSIONS, '--ttl', 'ten'], /--ttl must be an integer, got 'ten'/],
    [['sessions', 'create', ...SESSIONS, '--ttl', '1.5'], /--ttl must be an integer/],
    [
      ['sessions', 'create', ...SESSIONS, '--mode', 'telepathy'],
      /--mode must be one of message-only, voice-only, voice-and-message, got 'telepathy'/,
    ],
    [['sessions', 'update', ...ONE_SESSION, '--status', 'paused'], /--status must be one of open, in-progress, closed, failed, unknown/],
    [['sessions', 'create', ...SESSIONS, '--date-expiry', 'tomorrow'], /--date-expiry must be an ISO 8601 date-time/],
    [['sessions', 'create', ...SESSIONS, '--date-expiry', '2026-13-45T99:00:00Z'], /--date-expiry must be an ISO 8601 date-time/],
    [['sessions', 'create', ...SESSIONS, '--ttl', '1', '--ttl', '2'], /--ttl is given more than once/],
    [['sessions', 'create', ...SESSIONS, '--colour', 'red'], /Unknown option '--colour'/],
    [['sessions', 'create', ...SESSIONS, '--yes'], /Unknown option '--yes'/],
    [['services', 'create'], /--unique-name <value> is required/],
    [['participants', 'create', ...ONE_SESSION.slice(0, 2), '--session-sid', SESSION], /--identifier <value> is required/],
    [['sessions', 'update', ...SESSIONS, '--ttl', '5'], /--sid <KC…\|unique_name> is required/],
  ])('%j', async (argv, message) => {
    const r = await runWrite(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
    expect(r.calls).toEqual([]);
  });

  it('a body field the client rejects names its flag', async () => {
    const failing: OperationSource = {
      ...recording([], session),
      request: async () => {
        throw Object.assign(new Error('uniqueName is too long'), { name: 'ProxyValidationError', parameter: 'UniqueName' });
      },
    };
    const r = await run(['sessions', 'create', ...SESSIONS, '--unique-name', 'x'], { commands, source: failing });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^twilio-proxy: --unique-name: uniqueName is too long \(nothing was sent\)/);
  });
});
