/** The process exit codes, documented in `--help` and the README. */
export const ExitCode = {
  ok: 0,
  /** The API answered with an error, or it could not be reached (network, timeout). */
  apiError: 1,
  /** Bad arguments or missing credentials: nothing was sent. */
  usage: 2,
  /** Stopped with Ctrl-C (128 + SIGINT). */
  interrupted: 130,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** A mistake in the command line or environment, reported with exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    /** The command whose `--help` the message points to. */
    readonly command: string | null = null,
  ) {
    super(message);
  }
}
