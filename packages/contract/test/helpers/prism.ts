import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The spec file Prism serves: the same one everything else is generated from. */
export const specPath = join(dirname(fileURLToPath(import.meta.url)), '../../../../openapi/proxy-v1.yaml');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface PrismProcess {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** Starts Prism 5 from its npm package on loopback and waits until it answers. */
export async function startPrism(options: { dynamic?: boolean; timeoutMs?: number } = {}): Promise<PrismProcess> {
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve('@stoplight/prism-cli/package.json');
  const bin = join(dirname(pkgPath), require(pkgPath).bin.prism);
  const port = await freePort();
  const args = [bin, 'mock', specPath, '-h', '127.0.0.1', '-p', String(port), '--errors', 'false'];
  if (options.dynamic) args.push('-d');
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d) => (output = (output + d).slice(-4000)));
  child.stderr?.on('data', (d) => (output = (output + d).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let alive = true;
  child.once('exit', () => (alive = false));
  while (true) {
    if (!alive) throw new Error(`Prism exited before listening:\n${output}`);
    try {
      await fetch(`${url}/`, { signal: AbortSignal.timeout(1000) });
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`Prism did not start within the timeout:\n${output}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return {
    url,
    pid: child.pid!,
    async stop() {
      if (alive) {
        process.kill(child.pid!, 'SIGTERM');
        const t = setTimeout(() => alive && process.kill(child.pid!, 'SIGKILL'), 3000);
        await exited;
        clearTimeout(t);
      }
    },
  };
}
