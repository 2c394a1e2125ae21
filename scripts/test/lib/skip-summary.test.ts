import { afterEach, describe, expect, test, vi } from 'vitest';
import type { TestModule } from 'vitest/node';
import { SkipSummary } from '../../lib/skip-summary.js';

/** A module whose skipped tests have these full names (the reporter reads only names, modes and notes). */
const moduleWith = (...names: string[]) =>
  ({
    children: {
      allTests: () =>
        names.map((fullName) => ({ fullName, options: { mode: 'skip' }, result: () => ({ state: 'skipped', note: undefined }) })),
    },
  }) as unknown as TestModule;

describe('SkipSummary, the last line of a package test run', () => {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  afterEach(() => {
    log.mockClear();
    process.exitCode = undefined;
  });

  test('skips that wait for live Twilio credentials pass, and the line counts them', () => {
    new SkipSummary().onTestRunEnd([moduleWith('live (skipped: set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN) > lists')]);
    expect(log.mock.calls[0]?.[0]).toBe('skips: 1 skipped, 1 of them need live Twilio credentials');
    expect(process.exitCode ?? 0).toBe(0);
  });

  test('a skip for any other reason fails the run and is named', () => {
    new SkipSummary().onTestRunEnd([moduleWith('prism > fetch (target lacks unknownItemNotFound)')]);
    expect(log.mock.calls.map((c) => c[0])).toEqual([
      'skips: 1 skipped, 0 of them need live Twilio credentials; 1 for another reason:',
      '  prism > fetch (target lacks unknownItemNotFound)',
    ]);
    expect(process.exitCode).toBe(1);
  });
});
