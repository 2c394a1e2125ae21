import { Writable } from 'node:stream';
import { openapiDocument } from '@twilio-proxy/types/openapi-document';
import { operationsMeta } from '@twilio-proxy/types';
import { runCli, type CliContext } from '../src/index.js';
import type { SessionsSource } from '../src/index.js';

/** A stdout/stderr stand-in that keeps what was written. */
export class Capture extends Writable {
  text = '';
  constructor(
    public isTTY = false,
    public columns: number | undefined = undefined,
  ) {
    super();
  }
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

/** The populated example page of the spec: real-looking sessions without writing any by hand. */
export function exampleSessions(): Record<string, unknown>[] {
  const meta = operationsMeta.ListSession;
  const op = openapiDocument.paths[meta.path]![meta.method.toLowerCase()];
  return op.responses['200'].content['application/json'].examples.populated.value[meta.list.itemsKey];
}

/** A fake `sessions.each` that yields `items` (cycled with distinct SIDs up to `count`). */
export function fakeSource(count: number, calls: unknown[] = []): SessionsSource {
  const base = exampleSessions();
  return {
    async *each(serviceSid, options) {
      calls.push({ serviceSid, options });
      const n = options.limit !== undefined ? Math.min(options.limit, count) : count;
      for (let i = 0; i < n; i++) {
        const s = base[i % base.length]!;
        yield { ...s, sid: `KC${i.toString(16).padStart(32, '0')}` };
      }
    },
  };
}

export const env = { TWILIO_ACCOUNT_SID: `AC${'1'.repeat(32)}`, TWILIO_AUTH_TOKEN: 'tok_super_secret_value' };
export const SERVICE = `KS${'a'.repeat(32)}`;

export async function run(
  argv: string[],
  opts: Partial<CliContext> & { source?: SessionsSource; ttyErr?: boolean; ttyOut?: boolean; columns?: number } = {},
) {
  const stdout = new Capture(opts.ttyOut ?? false, opts.columns);
  const stderr = new Capture(opts.ttyErr ?? false);
  const source = opts.source ?? fakeSource(3);
  const code = await runCli(argv, {
    stdout: stdout as never,
    stderr: stderr as never,
    env: opts.env ?? env,
    version: '0.0.0-test',
    userAgent: 'test',
    createSource: opts.createSource ?? (() => source),
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}
