import { Writable } from 'node:stream';
import { operationsMeta } from '@twilio-proxy/types';
import { openapiDocument } from '@twilio-proxy/types/openapi-document';
import { type CliContext, type Command, commandsOfSpec, type OperationParams, type OperationSource, runCli } from '../../src/index.js';

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

/** The command of the List Sessions operation, found by operationId so added operations do not move it. */
export const listSessionsCommand = (): Command => commandsOfSpec().find((c) => c.operation.operationId === 'ListSession')!;

export interface SourceCall {
  operationId: string;
  params: OperationParams;
  options: Record<string, unknown>;
}

/**
 * A fake of the client's generic API: `each` yields `count` items cycled from `base` with distinct SIDs,
 * `request` answers the first of them. Every call is recorded in `calls`.
 */
export function fakeSource(count: number, calls: SourceCall[] = [], base = exampleSessions()): OperationSource {
  return {
    async *each(operationId, params, options) {
      calls.push({ operationId, params, options });
      const n = options.limit !== undefined ? Math.min(options.limit, count) : count;
      for (let i = 0; i < n; i++) {
        const s = base[i % base.length]!;
        yield { ...s, sid: `KC${i.toString(16).padStart(32, '0')}` };
      }
    },
    async request(operationId, params, options) {
      calls.push({ operationId, params, options });
      return base[0];
    },
  };
}

export const env = { TWILIO_ACCOUNT_SID: `AC${'1'.repeat(32)}`, TWILIO_AUTH_TOKEN: 'tok_super_secret_value' };
export const SERVICE = `KS${'a'.repeat(32)}`;
/** The compatibility bin of the resource the bundled spec lists: `proxy-<resource>`. */
export const COMPAT_BIN = `proxy-${operationsMeta.ListSession.resource}`;
/** `sessions list` for the example service: the command line the in-process tests vary. */
export const LIST = ['sessions', 'list', '--service-sid', SERVICE];
/** The List Sessions item's property names, in the spec's order (every format's full column list). */
export const sessionPropertyNames = (): string[] => listSessionsCommand().properties.map((p) => p.name);

export async function run(
  argv: string[],
  opts: Partial<CliContext> & { source?: OperationSource; ttyErr?: boolean; ttyOut?: boolean; columns?: number } = {},
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
    ...(opts.bin ? { bin: opts.bin } : {}),
    ...(opts.commands ? { commands: opts.commands } : {}),
    createSource: opts.createSource ?? (() => source),
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}
