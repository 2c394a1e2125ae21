import type { Command } from './commands.js';
import type { CreateSource } from './operation-source.js';

export interface CliOutput {
  write(chunk: string): boolean;
  once(event: 'drain', listener: () => void): unknown;
  isTTY?: boolean;
  /** Terminal width, when a terminal. */
  columns?: number;
}

/** Everything a command reads from its process: kept in one object so tests can hand in their own. */
export interface CliContext {
  stdout: CliOutput & NodeJS.WritableStream;
  stderr: CliOutput & NodeJS.WritableStream;
  env: Record<string, string | undefined>;
  version: string;
  userAgent: string;
  /**
   * The name the program was started as: `twilio-proxy` (the default), or a compatibility name
   * `proxy-<resource>` that stands for `twilio-proxy <resource>` and accepts `--<name>` for `--<name>-sid`.
   */
  bin?: string;
  /** Where a remove reads its confirmation; it asks only when this is a terminal (else it needs `--yes`). */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  /** Aborts the command (Ctrl-C). */
  signal?: AbortSignal;
  now?: () => number;
  /** Where items come from; the real client by default, a fake in unit tests. */
  createSource?: CreateSource;
  /** The commands offered: those of the bundled spec by default; tests pass those of an extended spec. */
  commands?: readonly Command[];
}
