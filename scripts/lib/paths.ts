import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The repository root, whatever the current directory is. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The spec every generated file comes from. */
export const defaultSpec = path.join(repoRoot, 'openapi/proxy-v1.yaml');

/** Where generated files land; nothing else lives in this folder. */
export const defaultOutDir = path.join(repoRoot, 'packages/types/src/generated');
