import { PassThrough } from 'node:stream';
import { openapiDocument } from '@twilio-proxy/types/openapi-document';
import { type Command, commandsOfSpec, type OperationSource, runCli } from '../../src/index.js';
import { Capture, env, SERVICE, type SourceCall } from './helpers.js';

// The setup of the write-command tests (write-*.test.ts): the commands of the spec, run in memory with a fake client
// that records what it is asked to send.
export const SESSION = `KC${'b'.repeat(32)}`;

export const commands: Command[] = commandsOfSpec();
const doc = openapiDocument as Record<string, any>;
/** The spec's example of a created session: what the fake client answers by default. */
export const session: Record<string, unknown> =
  doc.paths['/v1/Services/{ServiceSid}/Sessions'].post.responses['201'].content['application/json'].example;

/** A fake of the client's generic API: `request` answers `answer` (a record, or undefined for a 204). */
export function recording(calls: SourceCall[], answer: unknown): OperationSource {
  return {
    // biome-ignore lint/correctness/useYield: no list is run here
    async *each() {
      throw new Error('not a list');
    },
    async request(operationId, params, options) {
      calls.push({ operationId, params, options });
      return answer;
    },
  };
}

export interface RunOptions {
  answer?: unknown;
  /** Lines typed at a terminal; none means stdin is not a terminal. */
  typed?: string | null;
}

/** Runs argv through the real CLI with a recording client; returns the exit code, the output and the calls. */
export async function runWrite(argv: string[], options: RunOptions = {}) {
  const { typed = null } = options;
  const answer = 'answer' in options ? options.answer : session;
  const stdout = new Capture();
  const stderr = new Capture();
  const calls: SourceCall[] = [];
  let stdin: (PassThrough & { isTTY?: boolean }) | undefined;
  if (typed !== null) {
    stdin = Object.assign(new PassThrough(), { isTTY: true });
    stdin.end(typed);
  }
  const code = await runCli(argv, {
    stdout: stdout as never,
    stderr: stderr as never,
    env,
    version: '0',
    userAgent: 'test',
    commands,
    ...(stdin ? { stdin } : {}),
    createSource: () => recording(calls, answer),
  });
  return { code, stdout: stdout.text, stderr: stderr.text, calls };
}

export const SESSIONS = ['--service-sid', SERVICE];
export const ONE_SESSION = ['--service-sid', SERVICE, '--sid', SESSION];
