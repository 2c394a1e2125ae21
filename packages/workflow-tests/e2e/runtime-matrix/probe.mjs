// The runtime matrix's probe, shared by every runtime (Node, Bun, Deno, workerd): plain ESM, no Node API, so
// what it proves is the client's own portability. `lib` is the BUILT client (packages/client/dist).

function check(ok, what) {
  if (!ok) throw new Error(`runtime-matrix probe: ${what}`);
}

async function rejects(promise) {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('runtime-matrix probe: expected a rejection');
}

/** Runs every check against a mock (cfg.url) and a route that never answers in time (cfg.slowUrl). */
export async function runProbe(lib, cfg) {
  const { createProxyClient, ProxyApiError, ProxyTimeoutError, ProxyValidationError } = lib;
  const auth = { accountSid: cfg.accountSid, authToken: cfg.authToken };
  const client = createProxyClient({ ...auth, baseUrl: cfg.url });
  const done = [];

  let page = await client.sessions.list(cfg.serviceSid, { pageSize: cfg.pageSize });
  let pages = 1;
  let items = page.items.length;
  while (page.hasNextPage()) {
    page = await page.nextPage();
    pages += 1;
    items += page.items.length;
  }
  check(pages === cfg.pages && items === cfg.count, `listed ${items} items over ${pages} pages`);
  done.push(`list ${pages} pages`);

  const uniqueName = `runtime-matrix-${cfg.runtime}`;
  const created = await client.sessions.create(cfg.serviceSid, { uniqueName });
  check(created.unique_name === uniqueName && typeof created.sid === 'string', 'create');
  done.push('create');

  const updated = await client.sessions.update(cfg.serviceSid, created.sid, { ttl: 600 });
  check(updated.sid === created.sid && updated.ttl === 600, `update gave ttl ${updated.ttl}`);
  done.push('update');

  await client.sessions.remove(cfg.serviceSid, created.sid);
  const gone = await rejects(client.sessions.fetch(cfg.serviceSid, created.sid));
  check(gone instanceof ProxyApiError && gone.status === 404, `fetch after remove: ${gone}`);
  done.push('remove');

  // A bad SID is refused before any network I/O: the counting fetch never runs.
  let calls = 0;
  const counting = (input, init) => {
    calls += 1;
    return fetch(input, init);
  };
  const counted = createProxyClient({ ...auth, baseUrl: cfg.url, fetch: counting });
  const invalid = await rejects(counted.sessions.list('KS_not_a_sid'));
  check(invalid instanceof ProxyValidationError && invalid.name === 'ProxyValidationError' && calls === 0, `bad SID: ${invalid}`);
  done.push('typed error');

  const slow = createProxyClient({ ...auth, baseUrl: cfg.slowUrl, timeoutMs: cfg.timeoutMs, maxRetries: 0 });
  const started = Date.now();
  const late = await rejects(slow.sessions.list(cfg.serviceSid));
  const took = Date.now() - started;
  check(late instanceof ProxyTimeoutError && late.timeoutMs === cfg.timeoutMs, `slow route: ${late}`);
  check(took < cfg.slowMs, `the timeout fired after ${took} ms, not before the route's ${cfg.slowMs} ms`);
  done.push('timeout');

  return { ok: true, checks: done };
}
