// Child process of the bench: lists `limit` sessions with each() from the built client, or with a raw fetch loop
// (the control), in plain Node with no loader, so the peak RSS it reports is the listing's own. Started with
// --expose-gc, it also records what is still live at every 100,000th session.
import { createProxyClient } from '../dist/index.js';

const [origin, limit, pageSize, service, account, token, mode] = process.argv.slice(2);
let count = 0;
const live = [];
/** Heap used + external after full GCs; the second comes after a turn of the loop, once freed buffers are swept. */
const sample = async () => {
  if (!globalThis.gc) return;
  globalThis.gc();
  await new Promise((resolve) => setImmediate(resolve));
  globalThis.gc();
  const { heapUsed, external } = process.memoryUsage();
  live.push((heapUsed + external) / 2 ** 20);
};
if (mode === 'raw') {
  const headers = { authorization: `Basic ${btoa(`${account}:${token}`)}` };
  for (let url = `${origin}/v1/Services/${service}/Sessions?PageSize=${pageSize}`; url && count < Number(limit); ) {
    const body = await (await fetch(url, { headers })).json();
    for (const s of body.sessions) if (s.sid && count < Number(limit) && ++count % 100_000 === 0) await sample();
    url = body.meta.next_page_url;
  }
} else {
  const client = createProxyClient({ accountSid: account, authToken: token, baseUrl: origin });
  for await (const s of client.sessions.each(service, { pageSize: Number(pageSize), limit: Number(limit) }))
    if (s.sid && ++count % 100_000 === 0) await sample();
}
process.send({ count, maxRssMb: process.resourceUsage().maxRSS / 1024, live });
