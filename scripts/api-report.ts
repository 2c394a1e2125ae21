/**
 * `pnpm api:report` / `pnpm api:check`: an API Extractor report per public entry point of every
 * publishable package (each `exports` key with types: `.`, `./walker`, `./vitest`, …), read from the
 * built `dist/*.d.ts`, committed as `packages/<name>/api/<entry>.api.md`.
 *
 *   pnpm api:report            # builds (turbo, cached), then rewrites every stale report
 *   pnpm api:check             # the gate: exits 1 naming each stale or missing report (needs a build)
 *   tsx scripts/api-report.ts [--check] [--no-build] [--if-built] [--package <name>…] [--root <dir>]
 *
 * `--if-built` (what `pnpm dev` passes after its tests) refreshes only packages whose dist exists
 * and is newer than their sources, skipping the rest. `pnpm generate` leaves the reports alone: they
 * come from the build, which it never runs, so `generate --check` stays fast and build-free.
 * `--package <name>` limits the run to packages/<name>.
 * Every export of an entry point is public: we ship no trimmed rollups, so API Extractor's
 * release-tag message is off; a type used by the API but not exported stays visible in the report.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Extractor, ExtractorConfig, ExtractorLogLevel, type IConfigFile } from '@microsoft/api-extractor';
import { type ApiEntry, apiEntries, reportStem } from './lib/api-entries.js';
import { repoRoot } from './lib/paths.js';
import { step } from './lib/step.js';

const { values } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    'if-built': { type: 'boolean', default: false },
    package: { type: 'string', multiple: true },
    root: { type: 'string', default: repoRoot },
  },
});
const root = path.resolve(values.root!);

/** Publishable packages, repo-relative (`packages/client`). */
async function packages(): Promise<string[]> {
  const dirs: string[] = [];
  for (const name of (await readdir(path.join(root, 'packages'))).sort()) {
    const manifest = JSON.parse(await readFile(path.join(root, 'packages', name, 'package.json'), 'utf8').catch(() => '{"private":true}'));
    if (!manifest.private && (!values.package || values.package.includes(name))) dirs.push(`packages/${name}`);
  }
  return dirs;
}

/** Newest modification time under `dir` (0 when it does not exist). */
async function newest(dir: string): Promise<number> {
  let latest = 0;
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  for (const e of entries) if (e.isFile()) latest = Math.max(latest, (await stat(path.join(e.parentPath, e.name))).mtimeMs);
  return latest;
}

/** The report text API Extractor writes for `entry` (from its built `.d.ts`). */
function extract(entry: ApiEntry, work: string): string {
  const projectFolder = path.join(root, entry.dir);
  const configObject: IConfigFile = {
    projectFolder,
    mainEntryPointFilePath: path.join(projectFolder, entry.dts),
    bundledPackages: [],
    compiler: {
      overrideTsconfig: {
        compilerOptions: {
          target: 'ES2022',
          lib: ['ES2023', 'DOM'],
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          types: ['node'],
          strict: true,
          skipLibCheck: true,
        },
        files: [path.join(projectFolder, entry.dts)],
      },
    },
    apiReport: {
      enabled: true,
      reportFileName: reportStem(entry.subpath),
      reportFolder: work,
      reportTempFolder: path.join(work, 'temp'),
      includeForgottenExports: false,
    },
    docModel: { enabled: false },
    dtsRollup: { enabled: false },
    tsdocMetadata: { enabled: false },
    newlineKind: 'lf',
    messages: {
      compilerMessageReporting: { default: { logLevel: ExtractorLogLevel.Warning } },
      extractorMessageReporting: {
        default: { logLevel: ExtractorLogLevel.Warning, addToApiReportFile: true },
        // Every export of an entry point is public (see the header).
        'ae-missing-release-tag': { logLevel: ExtractorLogLevel.None, addToApiReportFile: false },
        // Shown in the report (as a `// Warning:` line) rather than failing the run.
        'ae-forgotten-export': { logLevel: ExtractorLogLevel.None, addToApiReportFile: true },
        'ae-unresolved-link': { logLevel: ExtractorLogLevel.None, addToApiReportFile: false },
        'ae-internal-missing-underscore': { logLevel: ExtractorLogLevel.None, addToApiReportFile: false },
        // Missing doc comments are TypeDoc's business; as report lines they would carry source positions that churn.
        'ae-undocumented': { logLevel: ExtractorLogLevel.None, addToApiReportFile: false },
      },
      // Doc comment style is not API: TypeDoc reads them, and its warnings fail `pnpm run docs`.
      tsdocMessageReporting: { default: { logLevel: ExtractorLogLevel.None, addToApiReportFile: false } },
    },
  };
  const config = ExtractorConfig.prepare({
    configObject,
    configObjectFullPath: undefined,
    packageJsonFullPath: path.join(projectFolder, 'package.json'),
  });
  const problems: string[] = [];
  const result = Extractor.invoke(config, {
    localBuild: true,
    showVerboseMessages: false,
    messageCallback: (message) => {
      // console-* messages narrate what API Extractor did with the report file; this script decides that.
      if (
        (message.logLevel === ExtractorLogLevel.Warning || message.logLevel === ExtractorLogLevel.Error) &&
        !message.messageId.startsWith('console-')
      )
        problems.push(message.formatMessageWithLocation(root));
      message.handled = true;
    },
  });
  if (!result.succeeded || problems.length > 0)
    throw new Error(`API Extractor on ${entry.dir}/${entry.dts} (${entry.pkg} ${entry.subpath}):\n  ${problems.join('\n  ')}`);
  return path.join(work, `${reportStem(entry.subpath)}.api.md`);
}

async function main(): Promise<number> {
  if (!values.check && !values['no-build'] && !values['if-built']) {
    await step(
      'build every package (turbo, cached)',
      path.join(root, 'node_modules/.bin/turbo'),
      ['run', 'build', '--output-logs=errors-only'],
      root,
      {
        ...process.env,
        TURBO_TELEMETRY_DISABLED: '1',
      },
    );
  }
  const work = await mkdtemp(path.join(tmpdir(), 'api-report-'));
  const stale: string[] = [];
  try {
    for (const dir of await packages()) {
      const dist = path.join(root, dir, 'dist');
      if (values['if-built'] && (await newest(dist)) < (await newest(path.join(root, dir, 'src')))) continue;
      const entries = await apiEntries(root, dir);
      const expected = new Set(entries.map((e) => path.basename(e.report)));
      for (const entry of entries) {
        const text = await readFile(extract(entry, path.join(work, `${path.basename(dir)}-${reportStem(entry.subpath)}`)), 'utf8');
        const file = path.join(root, entry.report);
        if ((await readFile(file, 'utf8').catch(() => null)) === text) continue;
        stale.push(entry.report);
        if (!values.check) {
          await mkdir(path.dirname(file), { recursive: true });
          await writeFile(file, text);
        }
      }
      // A report whose entry point is gone is stale too.
      for (const name of await readdir(path.join(root, dir, 'api')).catch(() => [] as string[])) {
        if (!name.endsWith('.api.md') || expected.has(name)) continue;
        stale.push(`${dir}/api/${name}`);
        if (!values.check) await rm(path.join(root, dir, 'api', name));
      }
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  if (values.check) {
    if (stale.length === 0) {
      console.log('api:check: every API report matches the built packages');
      return 0;
    }
    console.error(
      `api:check: ${stale.length} API report(s) stale:\n${stale.map((f) => `  ${f}`).join('\n')}\n` +
        'Run `pnpm api:report` and commit the reports (and a changeset: spec:diff says which bump).',
    );
    return 1;
  }
  console.log(stale.length === 0 ? 'api:report: every report is up to date' : `api:report: wrote ${stale.map((f) => `\n  ${f}`).join('')}`);
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`api-report: ${(error as Error).message}`);
  process.exitCode = 2;
}
