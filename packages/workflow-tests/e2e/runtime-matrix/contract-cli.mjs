// Bun and Deno: the built contract package in that runtime. Its validators and matcher judge real responses,
// its mock server (node:http) serves the built client's probe, and every server started here is stopped here.
import { runProbe } from './probe.mjs';

const argv = globalThis.Deno ? globalThis.Deno.args : globalThis.process.argv.slice(2);
const cfg = JSON.parse(argv[0]);
const servers = [];
try {
  const contract = await import(cfg.contractUrl);
  const { contractMatchers } = await import(cfg.matchersUrl);
  const lib = await import(cfg.clientUrl);
  const mock = await contract.startMockProxy({ count: cfg.count });
  servers.push(mock);
  const slow = await contract.startMockProxy({ latencyMs: cfg.slowMs });
  servers.push(slow);
  const checks = [];
  // A list under one parent, whatever the spec holds: the operation comes from the generated table.
  const { operationsMeta } = await import(cfg.typesUrl);
  const [op, meta] = Object.entries(operationsMeta).find(
    ([, m]) => m.action === 'list' && m.parameters.filter((p) => p.in === 'path').length === 1,
  );
  const parent = meta.parameters.find((p) => p.in === 'path').name;

  const res = await fetch(mock.urlFor(op, {}, { PageSize: 5 }), {
    headers: { authorization: `Basic ${btoa(`${mock.accountSid}:${mock.authToken}`)}` },
  });
  const body = await res.json();
  const valid = contract.validateResponse(op, res.status, body, res.headers);
  const broken = contract.validateResponse(op, 200, { ...body, meta: { ...body.meta, page: 'one' } });
  const badSid = contract.validateRequest(op, { path: { [parent]: 'not_a_sid' } });
  if (!valid.valid || broken.valid || badSid.valid) throw new Error('validators: a verdict is wrong');
  checks.push('validators');

  const again = await fetch(mock.urlFor(op, {}, { PageSize: 5 }), { headers: {} });
  const unauthorized = await contractMatchers.toSatisfyContract(again, op);
  const wrongOp = await contractMatchers.toSatisfyContract({ status: 200, body: { nope: 1 } }, op);
  if (!unauthorized.pass || wrongOp.pass) throw new Error(`matcher: ${unauthorized.message()} / ${wrongOp.pass}`);
  checks.push('matcher');

  const own = { ...cfg, url: mock.url, slowUrl: slow.url, accountSid: mock.accountSid, authToken: mock.authToken };
  const probe = await runProbe(lib, { ...own, serviceSid: mock.serviceSid });
  checks.push(`mock served (${probe.checks.join(', ')})`);
  console.log(JSON.stringify({ ok: true, checks }));
} catch (err) {
  console.log(JSON.stringify({ ok: false, error: String(err?.stack ?? err) }));
} finally {
  await Promise.allSettled(servers.map((s) => s.close()));
}
