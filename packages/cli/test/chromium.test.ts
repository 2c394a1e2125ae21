import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testChromium } from './helpers/chromium.js';

describe('the docs test browser', () => {
  it.each([
    ['another OS, CHROMIUM_PATH unset', { env: {}, platform: 'darwin', arch: 'arm64' }],
    ['Linux arm64, CHROMIUM_PATH unset', { env: {}, platform: 'linux', arch: 'arm64' }],
    ['CHROMIUM_PATH naming a missing file', { env: { CHROMIUM_PATH: '/nonexistent/chromium' } }],
  ] as const)('%s: fails with one line naming CHROMIUM_PATH', async (_label, options) => {
    const error: Error = await testChromium(options as Parameters<typeof testChromium>[0]).then(
      () => expect.unreachable(),
      (e) => e,
    );
    expect(error.message).toContain('CHROMIUM_PATH');
    expect(error.message).not.toContain('\n');
  });

  it('CHROMIUM_PATH wins when it names a file', async () => {
    const browser = await testChromium({ env: { CHROMIUM_PATH: process.execPath } });
    expect(browser.executablePath).toBe(process.execPath);
    await browser.dispose();
  });

  it.runIf(process.platform === 'linux' && process.arch === 'x64')(
    'without CHROMIUM_PATH, the npm Chromium unpacks inside its own temp folder (no system browser), and dispose removes it',
    async () => {
      const { CHROMIUM_PATH: _ignored, ...env } = process.env;
      const before = process.env.TMPDIR;
      const browser = await testChromium({ env });
      const work = dirname(browser.userDataDir);
      try {
        expect(browser.executablePath.startsWith(`${work}/`)).toBe(true);
        expect(existsSync(browser.executablePath)).toBe(true);
        expect(process.env.TMPDIR).toBe(before);
      } finally {
        await browser.dispose();
      }
      expect(existsSync(work)).toBe(false);
    },
    30_000,
  );
});
