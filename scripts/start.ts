/**
 * `pnpm start`: the main job in one command. Builds what is stale through turbo (generate, build,
 * docs), starts the embedded mock Proxy server with seeded sessions, lists them with the built
 * `proxy-sessions` CLI as a table, says where the HTML docs are, and exits leaving nothing running.
 * With Twilio credentials and PROXY_SERVICE_SID in the environment it lists that live service instead.
 */
import { spawn } from 'node:child_process';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI_BIN = join(ROOT, 'packages/cli/dist/bin.js');
const CONTRACT_DIST = join(ROOT, 'packages/contract/dist/index.js');
const DOCS = join(ROOT, 'openapi/dist/docs/index.html');
const SEEDED_SESSIONS = 25;
const SEED = 42;
// Small pages so the demo shows the CLI following next_page_url across several pages.
const DEMO_PAGE_SIZE = 10;

/** The part of @twilio-proxy/contract this script uses (imported from its dist once turbo built it). */
interface MockModule {
  startMockProxy(options: { count: number; seed: number }): Promise<{
    url: string;
    serviceSid: string;
    accountSid: string;
    authToken: string;
    close(): Promise<void>;
  }>;
}

/** Runs a child with inherited stdio; resolves with its exit code (signals become 128 + n style codes). */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: 'inherit' });
    child.once('error', reject);
    child.once('close', (code, signal) => resolve(code ?? (signal === 'SIGINT' ? 130 : 1)));
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

  const env = process.env;
  const live = env.PROXY_SERVICE_SID && env.TWILIO_ACCOUNT_SID && (env.TWILIO_AUTH_TOKEN || (env.TWILIO_API_KEY && env.TWILIO_API_SECRET));
  let code: number;
  if (live) {
    step(`Listing live service ${env.PROXY_SERVICE_SID} (credentials from the environment)`);
    code = await run(process.execPath, [CLI_BIN, 'list', '--service', env.PROXY_SERVICE_SID!, '--format', 'table']);
  } else {
    const { startMockProxy } = (await import(pathToFileURL(CONTRACT_DIST).href)) as MockModule;
    const mock = await startMockProxy({ count: SEEDED_SESSIONS, seed: SEED });
    try {
      step(`Mock Proxy server on ${mock.url}: service ${mock.serviceSid}, ${SEEDED_SESSIONS} seeded sessions`);
      process.stdout.write(
        `$ proxy-sessions list --service ${mock.serviceSid} --format table --page-size ${DEMO_PAGE_SIZE} --base-url ${mock.url}\n\n`,
      );
      code = await run(
        process.execPath,
        [CLI_BIN, 'list', '--service', mock.serviceSid, '--format', 'table', '--page-size', String(DEMO_PAGE_SIZE), '--base-url', mock.url],
        // The mock's credentials go to the child through its environment only, never to the screen.
        { ...withoutTwilioCredentials(), TWILIO_ACCOUNT_SID: mock.accountSid, TWILIO_AUTH_TOKEN: mock.authToken },
      );
    } finally {
      await mock.close();
    }
  }

  step('HTML reference docs');
  process.stdout.write(`${relative(process.cwd(), DOCS) || DOCS}\n${pathToFileURL(DOCS).href}\n`);
  if (code === 0) {
    process.stdout.write('\nTry: node packages/cli/dist/bin.js list --help\n');
  }
  return code;
}

process.exitCode = await main();
