/**
 * `pnpm bench` (this package): the contract mock's bench on the published Proxy v1 API (test/fixtures/published,
 * 25 operations, 13 writes), which the real spec cannot give: a create's latency ÷ a list page's, and the mock's
 * list throughput ÷ a bare node:http server's with every route of the API. A clone of HEAD gets the fixture merged
 * into its spec, `pnpm generate` and a build of the contract package, as a spec author would do; then that copy's own
 * contract bench runs, and its section is copied here.
 */
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readBenchmarkSection, writeBenchmarkSection } from '../../../scripts/lib/benchmarks-md.js';
import { cloneRepo, run } from '../e2e/helpers/temp-repo.js';
import { mergePublished, publishedOperationIds } from '../test/fixtures/published/merge-published.js';

const SECTION = 'contract-mock-floor';
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', REDOCLY_TELEMETRY: 'off', FORCE_COLOR: '0' };

/** Runs a command in `cwd`, its output passed through, and rejects when it fails. */
function step(cwd: string, command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code} in ${cwd}`))));
  });
}

const { dir, remove } = await cloneRepo('published-mock-');
try {
  const spec = path.join(dir, 'openapi/proxy-v1.yaml');
  await writeFile(spec, await mergePublished(await readFile(spec, 'utf8')));
  await run('pnpm', ['generate'], { cwd: dir, env, maxBuffer: 32 * 1024 * 1024 });
  // The mock process runs the built bin, as under `pnpm bench`.
  await run('pnpm', ['exec', 'turbo', 'run', 'build', '--filter=@twilio-proxy/contract...'], {
    cwd: dir,
    env,
    maxBuffer: 32 * 1024 * 1024,
  });
  const contract = path.join(dir, 'packages/contract');
  await step(contract, process.execPath, ['--conditions=@twilio-proxy/source', '--import', 'tsx', 'bench/mock-vs-bare.ts']);
  const body = await readBenchmarkSection(SECTION, path.join(dir, 'BENCHMARKS.md'));
  if (!body) throw new Error(`the copy's bench wrote no ${SECTION} section`);
  await writeBenchmarkSection(
    `${SECTION}-published`,
    `Contract mock on the published API (${(await publishedOperationIds()).length} operations): vs a bare node:http server, and create ÷ list`,
    `A clone of HEAD with \`packages/workflow-tests/test/fixtures/published\` merged into its spec, regenerated and built; its own\n\`packages/contract/bench/mock-vs-bare.ts\` ran there.\n\n${body}`,
  );
} finally {
  await remove();
}
