import { defineProject } from 'vitest/config';
import { projectConfig } from '../../vitest.shared.js';

// Inside a copy of the repo made by a workflow test (e2e/synthetic-resource.test.ts runs the project's own
// `pnpm test` there), these tests would clone the copy again: they run in the outer repository only.
const nested = process.env.TWILIO_PROXY_NESTED === '1';

export default defineProject(
  projectConfig('workflow-tests', {
    testTimeout: 120_000,
    ...(nested ? { include: [], typecheck: { enabled: false }, passWithNoTests: true } : {}),
  }),
);
