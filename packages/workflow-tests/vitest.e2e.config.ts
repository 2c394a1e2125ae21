import { defineProject } from 'vitest/config';
import { projectConfig } from '../../vitest.shared.js';

// `pnpm test:e2e`: end-to-end paths that install from the npm registry and build clones (minutes each), run
// after `pnpm test` like `pnpm test:pack` (.ci/run, ci.yml), one file at a time so they never starve each other.
export default defineProject(
  projectConfig('workflow-e2e', { include: ['e2e/**/*.test.ts'], testTimeout: 600_000, hookTimeout: 600_000, fileParallelism: false }),
);
