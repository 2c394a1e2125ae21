import { defineConfig } from 'vitest/config';

// Runs every package's tests, and the generator tables of scripts/, in one process from the root (IDEs, `pnpm vitest`).
// CI goes through turbo instead, one package at a time, cached.
export default defineConfig({
  test: {
    projects: ['packages/*', 'scripts/vitest.config.ts'],
  },
});
