import { describe, expect, it } from 'vitest';
import { commandsOfSpec } from '../src/index.js';
import { listSessionsCommand, run, sessionPropertyNames } from './helpers/helpers.js';

const names = sessionPropertyNames();

describe('help', () => {
  it.each([[['--help']], [['-h']], [['help']]])('%j lists every command of the spec with its summary', async (argv) => {
    const r = await run(argv);
    expect(r.code).toBe(0);
    // A long summary wraps under its column, so whitespace is compared loosely.
    const text = r.stdout.replace(/\s+/g, ' ');
    for (const c of commandsOfSpec()) expect(text).toContain(`${c.resource} ${c.action} ${c.operation.summary?.replace(/\s+/g, ' ')}`);
    expect(r.stdout).toMatch(/Commands:[\s\S]*Exit codes:[\s\S]*Examples:/);
  });

  it.each([[['sessions', '--help']], [['help', 'sessions']]])('%j lists the actions of the resource', async (argv) => {
    const r = await run(argv);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Commands:\n\s+list\s+List the Sessions of a Service/);
  });

  it.each([[['sessions', 'list', '--help']], [['help', 'sessions', 'list']]])(
    '%j documents every flag, property and exit code from the spec',
    async (argv) => {
      const r = await run(argv);
      expect(r.code).toBe(0);
      const command = listSessionsCommand();
      expect(r.stdout.split('\n').slice(0, 2)).toEqual([command.operation.summary, `GET ${command.operation.path}`]);
      for (const flag of ['--service-sid', '--format', '--properties', '--limit', '--page-size', '--base-url'])
        expect(r.stdout).toContain(flag);
      for (const f of command.flags) expect(r.stdout.replace(/\s+/g, ' ')).toContain(f.parameter.description);
      for (const p of names) expect(r.stdout).toContain(p);
      expect(r.stdout).toMatch(/Exit codes:\n {2}0 [\s\S]*\n {2}1 [\s\S]*\n {2}2 /);
      expect(r.stdout).toContain('Examples:\n  twilio-proxy sessions list --service-sid KSxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n');
    },
  );

  it('--version', async () => {
    expect((await run(['--version'])).stdout).toBe('0.0.0-test\n');
  });
});
