import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

/**
 * What `run` returns, and the spec files (`openapi.gen.json`) read while it runs: `readFileSync` is wrapped,
 * and `node:fs`'s named exports are synced to follow it. For "importing a package reads no file" tests.
 */
export async function specReads<T>(run: () => Promise<T> | T): Promise<{ value: T; reads: string[] }> {
  const original = fs.readFileSync;
  const reads: string[] = [];
  fs.readFileSync = ((file: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
    if (String(file).endsWith('openapi.gen.json')) reads.push(String(file));
    return (original as (...a: unknown[]) => unknown)(file, ...rest);
  }) as typeof fs.readFileSync;
  syncBuiltinESMExports();
  try {
    return { value: await run(), reads };
  } finally {
    fs.readFileSync = original;
    syncBuiltinESMExports();
  }
}
