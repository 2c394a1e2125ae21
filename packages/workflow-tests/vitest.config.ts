import { defineProject } from 'vitest/config';
import { projectConfig } from '../../vitest.shared.js';

// The inner tier's workflow checks: no test here clones, installs or builds the repo (those are e2e/, run by
// `pnpm test:e2e`). `test/docs/` runs as its own turbo task (`test:docs`), so a README edit re-runs only it.
export default defineProject(projectConfig('workflow-tests', { testTimeout: 60_000 }));
