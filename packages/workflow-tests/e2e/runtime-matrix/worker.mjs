// workerd entry of the runtime matrix (bundled with the built client by esbuild, as wrangler would): POST the
// probe's config, get its result. Fetches leave through miniflare's outboundService, to the Node mock.
import * as lib from '@twilio-proxy/client';
import { runProbe } from './probe.mjs';

export default {
  async fetch(request) {
    try {
      return Response.json(await runProbe(lib, await request.json()));
    } catch (err) {
      return Response.json({ ok: false, error: String(err?.stack ?? err) });
    }
  },
};
