import { defineProject } from 'vitest/config';
import { projectConfig } from '../vitest.shared.js';

// The generator tables (scripts/test/**): inline specs through the real walker and renderers, in milliseconds.
// Rooted here so `vitest run --config scripts/vitest.config.ts` from the repo root and the root projects list agree.
export default defineProject({
  ...projectConfig('scripts', { typecheck: { enabled: false } }),
  root: import.meta.dirname,
});
