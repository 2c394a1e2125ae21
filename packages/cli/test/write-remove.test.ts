import { describe, expect, it } from 'vitest';
import { SERVICE } from './helpers/helpers.js';
import { ONE_SESSION, runWrite, SESSION, SESSIONS } from './helpers/write-run.js';

describe('remove', () => {
  const REMOVE = ['sessions', 'remove', ...ONE_SESSION];
  const path = `/v1/Services/${SERVICE}/Sessions/${SESSION}`;

  it('--yes removes without asking: nothing on stdout, what was removed on stderr', async () => {
    const r = await runWrite([...REMOVE, '--yes'], { answer: undefined });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`Removed ${path}\n`);
    expect(r.calls).toEqual([
      { operationId: 'DeleteSession', params: { path: { ServiceSid: SERVICE, Sid: SESSION }, query: {} }, options: {} },
    ]);
  });

  it('-l warn, error or none keep stderr quiet too', async () => {
    for (const level of ['warn', 'error', 'none']) {
      const r = await runWrite([...REMOVE, '--yes', '-l', level], { answer: undefined });
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
    }
  });

  it('with no terminal and no --yes it refuses: exit 2, nothing sent', async () => {
    const r = await runWrite(REMOVE);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`sessions remove removes ${path}; with no terminal to ask on, pass --yes to confirm (nothing was sent)`);
    expect(r.calls).toEqual([]);
  });

  it.each([
    ['y\n', true],
    ['YES\n', true],
    ['n\n', false],
    ['\n', false],
    ['', false],
  ])('on a terminal it asks; %j removes: %s', async (typed, removed) => {
    const r = await runWrite(REMOVE, { typed, answer: undefined });
    expect(r.stderr).toContain(`Remove ${path}? This cannot be undone. [y/N] `);
    expect(r.calls).toHaveLength(removed ? 1 : 0);
    expect(r.code).toBe(removed ? 0 : 2);
    expect(r.stderr).toContain(removed ? `Removed ${path}` : 'Not removed: nothing was sent.');
  });

  it('a bad SID is refused before the question', async () => {
    const r = await runWrite(['sessions', 'remove', ...SESSIONS], { typed: 'y\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('[y/N]');
  });
});
