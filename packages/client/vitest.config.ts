import { defineProject } from 'vitest/config';
import { projectConfig } from '../../vitest.shared.js';

export default defineProject(projectConfig('client', { testTimeout: 30_000 }));
