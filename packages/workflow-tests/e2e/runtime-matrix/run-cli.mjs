// Node, Bun and Deno entry of the runtime matrix: `<runtime> run-cli.mjs '<config JSON>'`. Imports the built
// client by file URL and prints one JSON line: the probe's result, or the error.
import { runProbe } from './probe.mjs';

const argv = globalThis.Deno ? globalThis.Deno.args : globalThis.process.argv.slice(2);
const cfg = JSON.parse(argv[0]);
try {
  const lib = await import(cfg.clientUrl);
  console.log(JSON.stringify(await runProbe(lib, cfg)));
} catch (err) {
  console.log(JSON.stringify({ ok: false, error: String(err?.stack ?? err) }));
}
