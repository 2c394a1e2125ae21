/**
 * `pnpm test:pack`: the packages work for a consumer outside this workspace.
 *   1. builds every package (turbo, cached) and `pnpm pack`s each publishable one;
 *   2. in a new temp project (outside the workspace) installs the tarballs with plain `npm`
 *      (their dependencies come from the npm registry; `--prefer-offline` uses npm's cache);
 *   3. typechecks a TypeScript consumer that uses the client and the contract helpers
 *      (including a `@ts-expect-error` that proves the types are real, not `any`);
 *   4. runs it (scripts/test/fixtures/pack-consumer.ts): it starts the contract package's mock Proxy and lists it with the client.
 * Exits 1 on any failure. `--keep` leaves the temp project for inspection.
 */
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from './lib/paths.js';
import { step } from './lib/step.js';
import { publishablePackages } from './lint-packages.js';

const { values } = parseArgs({ options: { keep: { type: 'boolean', default: false } } });
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', REDOCLY_TELEMETRY: 'off', npm_config_update_notifier: 'false' };

/** A step of this script, with its environment. */
const run = async (label: string, command: string, args: string[], cwd: string): Promise<string> =>
  (await step(label, command, args, cwd, env)).stdout;

async function main() {
  const work = await mkdtemp(path.join(tmpdir(), 'pack-consume-'));
  try {
    await run(
      'build every package',
      path.join(repoRoot, 'node_modules/.bin/turbo'),
      ['run', 'build', '--output-logs=errors-only'],
      repoRoot,
    );
    const tarballs = path.join(work, 'tarballs');
    await mkdir(tarballs);
    const names: string[] = [];
    for (const dir of await publishablePackages()) {
      const before = new Set(await readdir(tarballs));
      await run(`pnpm pack ${path.relative(repoRoot, dir)}`, 'pnpm', ['pack', '--pack-destination', tarballs], dir);
      const made = (await readdir(tarballs)).filter((f) => !before.has(f));
      names.push(...made);
    }
    // Tarball file name → package name (`twilio-proxy-client-0.1.0.tgz` → `@twilio-proxy/client`).
    const deps: Record<string, string> = {};
    for (const file of names) {
      const m = /^twilio-proxy-(.+)-\d+\.\d+\.\d+.*\.tgz$/.exec(file);
      if (!m) throw new Error(`unexpected tarball name ${file}`);
      deps[`@twilio-proxy/${m[1]}`] = `file:../tarballs/${file}`;
    }
    console.log(`  tarballs: ${names.join(', ')}`);

    const app = path.join(work, 'consumer');
    await mkdir(app);
    await writeFile(
      path.join(app, 'package.json'),
      `${JSON.stringify(
        {
          name: 'proxy-consumer',
          private: true,
          type: 'module',
          dependencies: deps,
          devDependencies: { typescript: '~5.9.3', '@types/node': '^20.19.0' },
          // The tarballs depend on each other by version: point those edges at the tarballs too.
          overrides: Object.fromEntries(Object.keys(deps).map((n) => [n, `$${n}`])),
        },
        null,
        2,
      )}\n`,
    );
    await writeFile(
      path.join(app, 'tsconfig.json'),
      `${JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, outDir: 'out', types: ['node'], skipLibCheck: false } }, null, 2)}\n`,
    );
    await copyFile(path.join(repoRoot, 'scripts/test/fixtures/pack-consumer.ts'), path.join(app, 'consumer.ts'));
    await run(
      'npm install the tarballs outside the workspace',
      'npm',
      ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'],
      app,
    );
    await run('tsc: typecheck the consumer against the packed .d.ts', path.join(app, 'node_modules/.bin/tsc'), ['-p', '.'], app);
    const out = await run('run the consumer against the mock', process.execPath, ['out/consumer.js'], app);
    const result = JSON.parse(out.trim().split('\n').pop()!);
    if (!result.ok) throw new Error(`consumer said ${out}`);
    console.log(`  consumer: ${out.trim()}`);
    // Every bin the CLI's manifest declares is installed and answers --help.
    const cliBins: Record<string, string> = JSON.parse(await readFile(path.join(repoRoot, 'packages/cli/package.json'), 'utf8')).bin;
    for (const name of Object.keys(cliBins))
      await run(`the CLI tarball installs ${name}`, path.join(app, 'node_modules/.bin', name), ['--help'], app);
    console.log(`pack-and-consume: passed (${names.length} packages) in ${work}`);
  } finally {
    if (!values.keep) await rm(work, { recursive: true, force: true });
  }
}

try {
  await main();
} catch (error) {
  console.error(`pack-and-consume: FAILED: ${(error as Error).message}`);
  process.exitCode = 1;
}
