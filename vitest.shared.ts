import { defaultServerConditions } from 'vite';
import type { ViteUserConfig } from 'vitest/config';
import { SkipSummary } from './scripts/lib/skip-summary.js';

/** Workspace packages resolve to their TypeScript sources in tests, so no build is needed first. */
const conditions = ['@twilio-proxy/source', ...defaultServerConditions];

/**
 * A test file that starts processes (the CLI's bin, curl, a browser) or soaks and fuzzes the mock. It runs in
 * `pnpm test` and `pnpm dev --full`; a save under `pnpm dev` runs the other related tests, so the verdict comes
 * in seconds (`--tags-filter=!slow`).
 */
export const SLOW_TAG = { name: 'slow', description: 'starts processes or soaks: runs in pnpm test, not on a save' };

export function projectConfig(name: string, extra: NonNullable<ViteUserConfig['test']> = {}): ViteUserConfig {
  return {
    resolve: { conditions },
    ssr: { resolve: { conditions, externalConditions: ['@twilio-proxy/source'] } },
    test: {
      name,
      environment: 'node',
      reporters: ['default', new SkipSummary()],
      include: ['test/**/*.test.ts'],
      tags: [SLOW_TAG],
      typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
      ...extra,
    },
  };
}
