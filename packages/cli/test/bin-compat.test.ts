/** @module-tag slow */
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALIAS_BIN, baseEnv, runBin, useBinMock } from './helpers/bin-helpers.js';
import { COMPAT_BIN } from './helpers/helpers.js';

describe('the built twilio-proxy binary against the mock Proxy server', () => {
  const shared = useBinMock();
  const { list } = shared;

  describe(`the compatibility bin ${COMPAT_BIN} (dist/alias-bin.js)`, () => {
    const old = (...args: string[]) => ['list', '--service', shared.mock.serviceSid, '--base-url', shared.mock.url, ...args];
    let links: string;
    beforeAll(() => {
      links = mkdtempSync(join(tmpdir(), 'cli-bin-links-'));
      // As npm installs it: a link named after the bin entry.
      symlinkSync(ALIAS_BIN, join(links, COMPAT_BIN));
    });
    afterAll(() => {
      if (links) rmSync(links, { recursive: true, force: true });
    });

    it.each([
      ['started by its file (as pnpm and Windows shims do)', () => ALIAS_BIN],
      ['started through a link named after it (as npm links bins)', () => join(links, COMPAT_BIN)],
    ])('%s: the old command line prints what the new one prints', async (_how, bin) => {
      const [before, after] = [
        await runBin(list('--format', 'csv', '--limit', '9'), shared.env),
        await runBin(old('--format', 'csv', '--limit', '9'), shared.env, undefined, bin()),
      ];
      expect(after.code).toBe(0);
      expect(after.stderr).toBe('');
      expect(after.stdout).toBe(before.stdout);
      const short = await runBin(
        ['list', '-s', shared.mock.serviceSid, '--base-url', shared.mock.url, '-f', 'ndjson', '-l', '2'],
        shared.env,
        undefined,
        bin(),
      );
      expect(
        short.stdout
          .trimEnd()
          .split('\n')
          .map((l) => JSON.parse(l).sid),
      ).toEqual(shared.mock.sessions.slice(0, 2).map((s) => s.sid));
    });

    it('errors and help speak its own name and the old flags', async () => {
      const missing = await runBin(['list', '--base-url', shared.mock.url], shared.env, undefined, ALIAS_BIN);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toBe(`${COMPAT_BIN}: --service <KS…> is required\nRun '${COMPAT_BIN} list --help' for usage.\n`);
      const help = await runBin(['list', '--help'], baseEnv(), undefined, ALIAS_BIN);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain('-s, --service <KS…>');
      const version = await runBin(['--version'], baseEnv(), undefined, ALIAS_BIN);
      expect(version.stdout).toMatch(/^\d+\.\d+\.\d+/);
    });
  });
});
