import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { publishedOperationIds } from '../test/fixtures/published/merge-published.js';
import { clonePublished, type PublishedRepo, workflowEnv } from './helpers/published-repo.js';
import { describeCli } from './published-api/cli-checks.js';
import { describeClient } from './published-api/client-checks.js';

/**
 * Twilio's whole published Proxy v1 API (25 operations, 13 writes, a new root: Services) added to a copy of the
 * spec, with no other edit: the spec lints, everything regenerates, typechecks and builds, and the project's own
 * unchanged `pnpm test` passes on it. Spec growth is never breaking. Then the copy's built client and CLI are
 * checked against it (`published-api/`), on the same clone and build.
 */
let repo: PublishedRepo;
let generated = '';

beforeAll(async () => {
  repo = await clonePublished('published-api-');
  generated = (await repo.sh('pnpm', ['generate'])).stdout;
}, 600_000);

afterAll(() => repo?.remove());

describe('the published Proxy v1 API, added to a copy of the spec', () => {
  test('lint:spec finds zero problems', async () => {
    const { stdout, stderr } = await repo.sh('pnpm', ['lint:spec']);
    expect(`${stdout}${stderr}`).toMatch(/valid/i);
  });

  test('generate writes every layer', async () => {
    expect(generated).toMatch(/packages\/types\/src\/generated\/operations\.gen\.ts/);
    expect(generated).toMatch(/packages\/client\/src\/generated\/resources\.gen\.ts/);
  });

  test('typecheck and build pass; the built runtime table has all 25 operations; the API reports are refreshed', async () => {
    await repo.sh('pnpm', ['typecheck']);
    await repo.sh('pnpm', ['build']);
    const ids = await publishedOperationIds();
    expect(ids).toHaveLength(25);
    const { operationsMeta } = await repo.load('types');
    expect(Object.keys(operationsMeta).sort()).toEqual([...ids].sort());
    // The author's last step after a spec change (pnpm dev does it on save): the public API grew, so its reports follow.
    const reports = await repo.sh('pnpm', ['api:report']);
    expect(reports.stdout).toMatch(/packages\/client\/api\/index\.api\.md/);
  }, 600_000);

  // TWILIO_PROXY_NESTED keeps this package's own tests (each clones the repo) out of the copy's run.
  test("the project's own unchanged pnpm test passes", async () => {
    const { stdout } = await repo.sh('pnpm', ['test'], repo.dir, { ...workflowEnv, TWILIO_PROXY_NESTED: '1' }).catch((e) => {
      // The failing task's log is on stdout; the error alone says only that the command failed.
      throw new Error(`pnpm test failed in the copy:\n${String(e.stdout).slice(-6000)}\n${String(e.stderr).slice(-2000)}`);
    });
    expect(stdout).toMatch(/Tasks:\s+(\d+) successful, \1 total/);
  }, 1_800_000);
});

describeClient(() => repo);
describeCli(() => repo);
