import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Where `pnpm registry` keeps Verdaccio's config, storage and the release user (git-ignored). */
export const registryDir = (root: string) => path.join(root, '.registry');

/** What `pnpm registry` leaves for `pnpm release` while it runs: the URL and a publish token. */
export interface RunningRegistry {
  url: string;
  token: string;
  pid: number;
}
export const runningFile = (dir: string) => path.join(dir, 'running.json');

/** The running local registry, if `pnpm registry` is up (its pid alive and its ping answering). */
export async function findRunningRegistry(root: string): Promise<RunningRegistry | null> {
  let found: RunningRegistry;
  try {
    found = JSON.parse(await readFile(runningFile(registryDir(root)), 'utf8'));
    process.kill(found.pid, 0);
  } catch {
    return null;
  }
  return (await ping(found.url)) ? found : null;
}

export async function ping(url: string): Promise<boolean> {
  try {
    return (await fetch(new URL('-/ping', url), { signal: AbortSignal.timeout(2000) })).ok;
  } catch {
    return false;
  }
}

/**
 * Verdaccio's config: only the @twilio-proxy scope, readable by anyone, publishable by an
 * authenticated user, and no uplink, so it never proxies to the public registry (a scope that only
 * resolves here is the dependency-confusion guard).
 */
export function verdaccioConfig(port: number): string {
  return [
    '# Written by `pnpm registry` (scripts/registry.ts); edits are overwritten on the next start.',
    'storage: ./storage',
    'auth:',
    '  htpasswd:',
    '    file: ./htpasswd',
    '    max_users: 100',
    '# No uplinks: nothing is ever fetched from, or proxied to, another registry.',
    'uplinks: {}',
    'packages:',
    "  '@twilio-proxy/*':",
    '    access: $all',
    '    publish: $authenticated',
    '    unpublish: $authenticated',
    'web:',
    '  enable: false',
    'middlewares:',
    '  audit:',
    '    enabled: false',
    'listen:',
    `  - 127.0.0.1:${port}`,
    'log: { type: stdout, format: pretty, level: warn }',
    '',
  ].join('\n');
}

/** The release user's name and password, made once per registry folder and kept there (mode 600). */
export async function releaseUser(dir: string): Promise<{ name: string; password: string }> {
  const file = path.join(dir, 'release-user.json');
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch {
    const user = { name: 'release', password: randomBytes(18).toString('base64url') };
    await mkdir(dir, { recursive: true });
    await writeFile(file, `${JSON.stringify(user)}\n`, { mode: 0o600 });
    return user;
  }
}

/**
 * A token for `user`, the way `npm adduser` / `npm login` get one: `PUT /-/user/org.couchdb.user:<name>`
 * creates the user; when it exists (409), the same request with the user's basic auth logs in.
 */
export async function userToken(url: string, user: { name: string; password: string }): Promise<string> {
  const put = (headers: Record<string, string>) =>
    fetch(new URL(`-/user/org.couchdb.user:${encodeURIComponent(user.name)}`, url), {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ _id: `org.couchdb.user:${user.name}`, name: user.name, password: user.password, type: 'user', roles: [] }),
    });
  let response = await put({});
  if (response.status === 409)
    response = await put({ authorization: `Basic ${Buffer.from(`${user.name}:${user.password}`).toString('base64')}` });
  const body = (await response.json().catch(() => ({}))) as { token?: string; error?: string };
  if (!response.ok || !body.token) throw new Error(`the registry refused user ${user.name}: HTTP ${response.status} ${body.error ?? ''}`);
  return body.token;
}

/** The `.npmrc` lines a consumer (or a publisher) of the scope needs for `url`. */
export function npmrcLines(url: string, token: string | undefined): string[] {
  const base = url.endsWith('/') ? url : `${url}/`;
  const lines = [`@twilio-proxy:registry=${base}`];
  if (token !== undefined) lines.push(`//${base.replace(/^https?:\/\//, '')}:_authToken=${token}`);
  return lines;
}
