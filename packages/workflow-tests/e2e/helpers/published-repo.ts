import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { mergePublished } from '../../test/fixtures/published/merge-published.js';
import { cloneRepo, run } from './temp-repo.js';

export const workflowEnv = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', REDOCLY_TELEMETRY: 'off', FORCE_COLOR: '0' };

/** A clean clone whose spec has every operation of the published Proxy v1 API added, and nothing else changed. */
export async function clonePublished(prefix: string) {
  const repo = await cloneRepo(prefix);
  const spec = path.join(repo.dir, 'openapi/proxy-v1.yaml');
  await writeFile(spec, await mergePublished(await readFile(spec, 'utf8')));
  const sh = (cmd: string, args: string[], cwd = repo.dir, env: NodeJS.ProcessEnv = workflowEnv) =>
    run(cmd, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 });
  /** A built package of the clone, as a consumer imports it. */
  const load = (pkg: string, entry = 'dist/index.js') => import(pathToFileURL(path.join(repo.dir, 'packages', pkg, entry)).href);
  return { ...repo, sh, load };
}

/** A clone made by `clonePublished`. */
export type PublishedRepo = Awaited<ReturnType<typeof clonePublished>>;
