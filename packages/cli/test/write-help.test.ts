import { describe, expect, it } from 'vitest';
import { commands, runWrite } from './helpers/write-run.js';

describe('help lists the body fields from the spec', () => {
  it('sessions create --help: each field with its description, type, enum and wire name', async () => {
    const r = await runWrite(['sessions', 'create', '--help']);
    expect(r.code).toBe(0);
    const text = r.stdout.replace(/\s+/g, ' ');
    expect(r.stdout).toMatch(/Body fields \(from the spec; sent as application\/x-www-form-urlencoded\):/);
    expect(text).toMatch(/--ttl <n> The time, in seconds, when the session will expire\. .*\(an integer\) Sent as Ttl\./);
    expect(text).toMatch(/--mode <message-only\|voice-only\|voice-and-message> .*one of message-only, voice-only, voice-and-message/);
    expect(text).toMatch(/--date-expiry <date-time> .*\(an ISO 8601 date-time\)/);
    expect(text).toMatch(/--participants <value> .*Repeat the flag for each element\. Sent as Participants\./);
  });

  it('a required field is in the usage line and marked Required.', async () => {
    const r = await runWrite(['services', 'create', '--help']);
    expect(r.stdout).toMatch(/twilio-proxy services create --unique-name <value> \[options\]/);
    expect(r.stdout.replace(/\s+/g, ' ')).toMatch(/--unique-name <value> .*Required\./);
  });

  it('remove documents --yes; the main help lists the writes with their summaries', async () => {
    const remove = await runWrite(['sessions', 'remove', '--help']);
    expect(remove.stdout).toMatch(/--yes\s+Remove without asking/);
    expect(remove.stdout).toContain(`--sid KC${'x'.repeat(32)} --yes`);
    const main = await runWrite(['--help']);
    const text = main.stdout.replace(/\s+/g, ' ');
    for (const c of commands) expect(text).toContain(`${c.resource} ${c.action} ${c.operation.summary}`);
    // Grouped by resource: a resource's actions are listed together.
    const section = main.stdout.slice(main.stdout.indexOf('Commands:\n'), main.stdout.indexOf('\nOptions:'));
    const order = [...section.matchAll(/^ {2}([a-z-]+) [a-z-]+ /gm)].map((m) => m[1]);
    expect(order).toHaveLength(commands.length);
    expect(order.filter((r, i) => r !== order[i - 1])).toEqual([...new Set(order)]);
  });
});
