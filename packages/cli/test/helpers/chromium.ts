import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A browser executable for the docs test, and the temp folder that holds it and its profile. */
export interface TestChromium {
  executablePath: string;
  /** Environment for the browser process (fontconfig pointed at the fonts that came with it). */
  env: Record<string, string>;
  /** A fresh folder for the browser profile, removed by `dispose`. */
  userDataDir: string;
  dispose(): Promise<void>;
}

/**
 * `CHROMIUM_PATH` when set; otherwise the Chromium inside the `@sparticuz/chromium` npm tarball
 * (Linux x64 only), unpacked into a fresh temp folder so that no browser install, root or apt-get
 * is needed. Every failure is one line that says how to point `CHROMIUM_PATH` at a browser.
 */
export async function testChromium({
  env: from = process.env,
  platform = process.platform,
  arch = process.arch,
} = {}): Promise<TestChromium> {
  const work = await mkdtemp(join(tmpdir(), 'proxy-docs-chromium-'));
  const dispose = () => rm(work, { recursive: true, force: true });
  const userDataDir = join(work, 'profile');
  const env = Object.fromEntries(Object.entries(from).filter((e): e is [string, string] => e[1] !== undefined));
  try {
    const override = env.CHROMIUM_PATH;
    if (override) {
      if (!existsSync(override))
        throw new Error(`CHROMIUM_PATH=${override} does not exist: point CHROMIUM_PATH at a Chromium or Chrome executable`);
      return { executablePath: override, env, userDataDir, dispose };
    }
    if (platform !== 'linux' || arch !== 'x64') {
      throw new Error(`@sparticuz/chromium has no browser for ${platform}-${arch}: set CHROMIUM_PATH to a Chromium or Chrome executable`);
    }
    const browser = join(work, 'browser');
    const executablePath = await unpackInto(browser);
    // Its bundled fonts.conf names /tmp/fonts; ours names the fonts it unpacked, caches beside them, and keeps the system's.
    const fontsConf = join(browser, 'fonts.conf');
    await writeFile(
      fontsConf,
      `<?xml version="1.0"?>\n<fontconfig>\n  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n  <dir>${join(browser, 'fonts')}</dir>\n  <cachedir>${join(work, 'fontconfig-cache')}</cachedir>\n</fontconfig>\n`,
    );
    return { executablePath, env: { ...env, FONTCONFIG_FILE: fontsConf }, userDataDir, dispose };
  } catch (error) {
    await dispose();
    const reason = (error as Error).message.split('\n')[0] ?? '';
    throw new Error(
      reason.includes('CHROMIUM_PATH')
        ? reason
        : `could not unpack @sparticuz/chromium (${reason}): set CHROMIUM_PATH to a Chromium or Chrome executable`,
    );
  }
}

/**
 * `executablePath()` unpacks into `os.tmpdir()` and reuses a `chromium` already there, so it runs
 * with TMPDIR pointing at our own folder: nothing lands in (or is taken from) the shared /tmp.
 */
async function unpackInto(dir: string): Promise<string> {
  await mkdir(dir);
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  try {
    const { default: Chromium } = await import('@sparticuz/chromium');
    const path = await Chromium.executablePath();
    if (!path.startsWith(dir)) throw new Error(`unpacked outside its temp folder: ${path}`);
    return path;
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  }
}
