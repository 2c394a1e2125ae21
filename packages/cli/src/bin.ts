#!/usr/bin/env node
import './internal/memory-mode.js';
import { BIN } from './core/help/index.js';
import { packageJson, runProcess } from './internal/run-process.js';

await runProcess(BIN, packageJson().version);
