import { createInterface } from 'node:readline';

/**
 * Asks one yes/no question: `question` on `output`, one line read from `input`. Resolves true only for
 * `y` or `yes` (any case); an empty line, anything else or the end of input is a no. Ctrl-C (`signal`)
 * rejects with the signal's reason, as every other wait of a command does.
 */
export function askYesNo(
  input: NodeJS.ReadableStream,
  output: { write(chunk: string): unknown },
  question: string,
  signal?: AbortSignal,
): Promise<boolean> {
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    // Not a readline "terminal": the terminal's own line editing is enough, and tests can feed a stream.
    const rl = createInterface({ input, terminal: false });
    let done = false;
    const finish = (fn: () => void) => {
      if (done) return;
      done = true;
      signal?.removeEventListener('abort', onAbort);
      rl.close();
      fn();
    };
    const onAbort = () => finish(() => reject(signal!.reason));
    signal?.addEventListener('abort', onAbort, { once: true });
    rl.once('line', (line) => finish(() => resolve(/^(y|yes)$/i.test(line.trim()))));
    rl.once('close', () => finish(() => resolve(false)));
    output.write(question);
  });
}
