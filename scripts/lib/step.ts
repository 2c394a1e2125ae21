import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/**
 * Runs one labelled step of a long script: prints `✓ label (N s)`, or `✗ label` with the
 * command's output and throws, so a failing step says what failed and why.
 */
export async function step(
  label: string,
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ stdout: string; stderr: string }> {
  const started = Date.now();
  try {
    const { stdout, stderr } = await exec(command, args, { cwd, env, maxBuffer: 128 * 1024 * 1024 });
    console.log(`✓ ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return { stdout, stderr };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    console.error(`✗ ${label}\n${e.stdout ?? ''}${e.stderr ?? e.message}`);
    throw new Error(`${label} failed`);
  }
}
