/**
 * `pnpm start`: the main job in one command. Builds what is stale through turbo (generate, build,
 * docs), starts the embedded mock Proxy server with seeded items, lists them with the built
 * `twilio-proxy` CLI as a table, then walks a short lifecycle through the same CLI (the steps the
 * spec marks with `x-demo`: on this spec, from creating a session to listing what happened in it),
 * says where the HTML docs are and what to try next, and exits leaving nothing running. The steps,
 * their order and their values come from the spec (`x-demo`, request body examples; see
 * scripts/lib/demo-lifecycle.ts); nothing here names a resource. With Twilio credentials and
 * `PROXY_<PATH_PARAMETER>` variables in the environment (e.g. PROXY_SERVICE_SID) it lists that
 * live resource instead, read-only: a live account is never written.
 */
import { spawn } from 'node:child_process';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bodyArgs, bodyExamples, createPathValues, type DemoCommand, demoSteps } from './lib/demo-lifecycle.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI_BIN = join(ROOT, 'packages/cli/dist/bin.js');
const CLI_DIST = join(ROOT, 'packages/cli/dist/index.js');
const SPEC_DIST = join(ROOT, 'packages/types/dist/spec/index.js');
const CONTRACT_DIST = join(ROOT, 'packages/contract/dist/index.js');
const DOCS = join(ROOT, 'openapi/dist/docs/index.html');
const SEEDED = 25;
const SEED = 42;
// Small pages so the demo shows the CLI following next_page_url across several pages.
const DEMO_PAGE_SIZE = 10;

/** The parts of the built packages this script uses (imported from their dist once turbo built them). */
type Command = DemoCommand;
interface CliModule {
  commandsOfSpec(): Command[];
  PAGE_SIZE_PARAMETER: string;
}
interface MockModule {
  startMockProxy(options: { count: number; seed: number }): Promise<{
    url: string;
    accountSid: string;
    authToken: string;
    /** Root path parameter values by parameter name: the parents the top-level collections are seeded under. */
    parents: Readonly<Record<string, string>>;
    close(): Promise<void>;
  }>;
}
interface SpecModule {
  snakeCase(s: string): string;
}

const load = async <T>(file: string) => (await import(pathToFileURL(file).href)) as T;

/** Runs a child with inherited stdio; resolves with its exit code (signals become 128 + n style codes). */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return runTee(command, args, env).then((r) => r.code);
}

/** Runs a child, its stdout shown and kept; stderr inherited. */
function runTee(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['inherit', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout!.on('data', (d: Buffer) => {
      stdout += d.toString();
      process.stdout.write(d);
    });
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code: code ?? (signal === 'SIGINT' ? 130 : 1), stdout }));
  });
}

const [bold, plain] = process.stdout.isTTY ? ['\u001b[1m', '\u001b[0m'] : ['', ''];
const step = (text: string) => process.stdout.write(`\n${bold}▸ ${text}${plain}\n`);

/** The environment minus every Twilio credential, so the CLI sees only what we hand it. */
function withoutTwilioCredentials(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_API_KEY', 'TWILIO_API_SECRET']) delete env[name];
  return env;
}

/** The first list command whose every path parameter has a value in `valueFor`, with those values. */
function pickList(commands: Command[], valueFor: (param: string) => unknown): { command: Command; values: Map<string, string> } | null {
  for (const command of commands) {
    if (!command.operation.list) continue;
    const values = new Map(command.operation.pathParams.map((p) => [p, valueFor(p)] as const));
    if ([...values.values()].every((v) => typeof v === 'string' && v)) return { command, values: values as Map<string, string> };
  }
  return null;
}

/** `twilio-proxy <resource> list --<path flag> <value> …` for the picked command. */
function cliArgs(command: Command, values: Map<string, string>, extra: string[]): string[] {
  const flags = command.flags.filter((f) => f.in === 'path').flatMap((f) => [`--${f.name}`, values.get(f.parameter.name)!]);
  return [command.resource, command.action, ...flags, ...extra];
}

/** `pnpm start`'s lifecycle on the mock: each demo step through the built CLI, once per request body example. */
async function walkLifecycle(steps: Command[], mock: { url: string; parents: Readonly<Record<string, string>> }, env: NodeJS.ProcessEnv) {
  const values = createPathValues(mock.parents);
  for (const command of steps) {
    step(`${command.operation.summary ?? `${command.resource} ${command.action}`} (twilio-proxy ${command.resource} ${command.action})`);
    for (const example of bodyExamples(command)) {
      // A list shows its table; anything else prints the record's default properties as JSON, whose SID later steps use.
      const properties = [...new Set(['sid', ...command.defaultProperties])].join(',');
      const format = command.operation.list ? ['--format', 'table'] : ['--format', 'json', '--properties', properties];
      const args = [command.resource, command.action, ...values.pathArgs(command), ...bodyArgs(command, example), ...format];
      process.stdout.write(`$ twilio-proxy ${args.map(quote).join(' ')}\n`);
      const { code, stdout } = await runTee(process.execPath, [CLI_BIN, ...args, '--base-url', mock.url], env);
      if (code !== 0) return code;
      if (!command.operation.list) values.record(JSON.parse(stdout));
    }
  }
  return 0;
}

/** A shell word as a person would type it. */
const quote = (word: string) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);

async function main(): Promise<number> {
  // Ctrl-C reaches the CLI child too; this process stays to close the mock and report.
  process.on('SIGINT', () => {});

  step('Building what is stale (turbo: lint:spec → generate → build, docs)');
  const turbo = join(ROOT, 'node_modules/.bin/turbo');
  const built = await run(turbo, ['run', 'build', 'docs', '--output-logs=errors-only'], {
    ...process.env,
    TURBO_TELEMETRY_DISABLED: '1',
    REDOCLY_TELEMETRY: 'off',
  });
  if (built !== 0) {
    process.stderr.write(`pnpm start: the build failed (turbo exited ${built}); see the errors above.\n`);
    return built;
  }

  const { commandsOfSpec, PAGE_SIZE_PARAMETER } = await load<CliModule>(CLI_DIST);
  const { snakeCase } = await load<SpecModule>(SPEC_DIST);
  const commands = commandsOfSpec();
  const pageSize = (command: Command) => {
    const flag = command.flags.find((f) => f.parameter.name === PAGE_SIZE_PARAMETER);
    return flag ? [`--${flag.name}`, String(DEMO_PAGE_SIZE)] : [];
  };
  const env = process.env;
  const envName = (param: string) => `PROXY_${snakeCase(param).toUpperCase()}`;
  const credentials = env.TWILIO_ACCOUNT_SID && (env.TWILIO_AUTH_TOKEN || (env.TWILIO_API_KEY && env.TWILIO_API_SECRET));
  // The spec's demo steps first (`x-demo`): its first list is the table shown; any list with values otherwise.
  const steps = demoSteps(commands);
  const candidates = [...steps, ...commands];
  const live = credentials ? pickList(candidates, (p) => env[envName(p)]) : null;

  let code: number;
  let shown: Command | undefined;
  if (live) {
    shown = live.command;
    const where = [...live.values].map(([p, v]) => `${envName(p)}=${v}`).join(', ');
    step(`Listing live ${live.command.noun.many} of ${where} (credentials from the environment)`);
    code = await run(process.execPath, [CLI_BIN, ...cliArgs(live.command, live.values, ['--format', 'table'])]);
  } else {
    const { startMockProxy } = await load<MockModule>(CONTRACT_DIST);
    const mock = await startMockProxy({ count: SEEDED, seed: SEED });
    try {
      // A list whose path parameters are all parents the mock seeded its top-level collections under.
      const picked = pickList(candidates, (p) => mock.parents[p]);
      if (!picked) {
        process.stderr.write('pnpm start: the spec has no list operation whose path parameters the mock seeds.\n');
        return 1;
      }
      shown = picked.command;
      const args = cliArgs(picked.command, picked.values, ['--format', 'table', ...pageSize(picked.command), '--base-url', mock.url]);
      const parents = [...picked.values].map(([p, v]) => `${p} ${v}`).join(', ');
      step(`Mock Proxy server on ${mock.url}: ${parents}, ${SEEDED} seeded ${picked.command.noun.many}`);
      process.stdout.write(`$ twilio-proxy ${args.join(' ')}\n\n`);
      // The mock's credentials go to the child through its environment only, never to the screen.
      const childEnv = { ...withoutTwilioCredentials(), TWILIO_ACCOUNT_SID: mock.accountSid, TWILIO_AUTH_TOKEN: mock.authToken };
      code = await run(process.execPath, [CLI_BIN, ...args], childEnv);
      if (code === 0)
        code = await walkLifecycle(
          steps.filter((c) => c !== picked.command),
          mock,
          childEnv,
        );
    } finally {
      await mock.close();
    }
  }

  step('HTML reference docs');
  process.stdout.write(`${relative(process.cwd(), DOCS) || DOCS}\n${pathToFileURL(DOCS).href}\n`);
  if (code === 0 && shown) {
    const next = steps.filter((c) => c !== shown).at(0) ?? shown;
    process.stdout.write(
      [
        '',
        'Try next:',
        '  node packages/cli/dist/bin.js --help',
        `  node packages/cli/dist/bin.js ${shown.resource} ${shown.action} --help`,
        `  node packages/cli/dist/bin.js ${next.resource} ${next.action} --help`,
        '  pnpm mock      (the mock on a fixed port, to point the CLI or twilio-node at)',
        '  pnpm dev       (edit openapi/ and watch everything regenerate)',
        '',
      ].join('\n'),
    );
  }
  return code;
}

process.exitCode = await main();
