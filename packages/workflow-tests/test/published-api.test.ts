import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { publishedOperationIds } from './fixtures/published/merge-published.js';
import { clonePublished } from './helpers/published-repo.js';

/**
 * Twilio's whole published Proxy v1 API (25 operations, 13 writes, a new root: Services) added to a copy of the
 * spec, with no other edit: the spec lints, everything regenerates, typechecks and builds, and the project's own
 * unchanged `pnpm test` passes on it. Spec growth is never breaking.
 */
let repo: Awaited<ReturnType<typeof clonePublished>>;
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

  test('typecheck and build pass; the built runtime table has all 25 operations', async () => {
    await repo.sh('pnpm', ['typecheck']);
    await repo.sh('pnpm', ['build']);
    const ids = await publishedOperationIds();
    expect(ids).toHaveLength(25);
    const { operationsMeta } = await repo.load('types');
    expect(Object.keys(operationsMeta).sort()).toEqual([...ids].sort());
  }, 600_000);

  // TWILIO_PROXY_NESTED keeps this package's own tests (each clones the repo) out of the copy's run.
  test("the project's own unchanged pnpm test passes", async () => {
    const { stdout } = await repo.sh('pnpm', ['test'], repo.dir, {
      ...process.env,
      TURBO_TELEMETRY_DISABLED: '1',
      REDOCLY_TELEMETRY: 'off',
      FORCE_COLOR: '0',
      TWILIO_PROXY_NESTED: '1',
    });
    expect(stdout).toMatch(/Tasks:\s+(\d+) successful, \1 total/);
  }, 1_800_000);
});
