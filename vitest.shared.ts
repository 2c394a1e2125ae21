import { defaultServerConditions } from 'vite';
import type { ViteUserConfig } from 'vitest/config';
import { SkipSummary } from './scripts/lib/skip-summary.js';

/** Workspace packages resolve to their TypeScript sources in tests, so no build is needed first. */
const conditions = ['@twilio-proxy/source', ...defaultServerConditions];

export function projectConfig(name: string, extra: NonNullable<ViteUserConfig['test']> = {}): ViteUserConfig {
  return {
    resolve: { conditions },
    ssr: { resolve: { conditions, externalConditions: ['@twilio-proxy/source'] } },
    test: {
      name,
      environment: 'node',
      reporters: ['default', new SkipSummary()],
      include: ['test/**/*.test.ts'],
      typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
      ...extra,
    },
  };
}
