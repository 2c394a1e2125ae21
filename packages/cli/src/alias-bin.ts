#!/usr/bin/env node
// The compatibility bins: each `proxy-<resource>` entry of package.json's `bin` that points here runs
// as `twilio-proxy <resource>`. The resource comes from the bin's name, never from this file.
import './internal/memory-mode.js';
import { basename, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageJson, runProcess } from './internal/run-process.js';

const pkg = packageJson();
const here = fileURLToPath(import.meta.url);
const names = Object.entries(pkg.bin ?? {})
  .filter(([, target]) => fileURLToPath(new URL(target, new URL('../package.json', import.meta.url))) === here)
  .map(([name]) => name);
// npm links each bin name to this file, so the name it was started as tells them apart; pnpm and
// Windows start it through a shim that hides that name, which is fine while there is one alias.
const started = basename(process.argv[1] ?? '', extname(process.argv[1] ?? ''));
const bin = names.includes(started) ? started : names[0];
if (!bin) throw new Error(`no bin entry of ${pkg.bin ? Object.keys(pkg.bin).join(', ') : 'package.json'} points at ${here}`);

await runProcess(bin, pkg.version);
