import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
const entry = process.argv[2];
const r = await build({ entryPoints: [entry], bundle: true, minify: true, format: 'esm', platform: 'neutral', mainFields: ['module','main'], conditions: ['@twilio-proxy/source'], write: false, logLevel: 'silent', metafile: true });
const code = r.outputFiles[0].contents;
console.log('min', code.length, 'gzip', gzipSync(code, {level: 9}).length);
const out = Object.values(r.metafile.outputs)[0];
for (const [k, v] of Object.entries(out.inputs).sort((a,b)=>b[1].bytesInOutput-a[1].bytesInOutput)) console.log(v.bytesInOutput, k);
if (process.argv[3]) (await import('node:fs')).writeFileSync(process.argv[3], code);
