import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, whatever the current directory is. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The spec every generated file comes from, relative to a repository root (also a git path). */
export const specPath = 'openapi/proxy-v1.yaml';

/** Where the generated types land, relative to a repository root; nothing else lives in this folder. */
export const generatedPath = 'packages/types/src/generated';

/** Every package's generated folder by package name (relative to a repository root); `generate --package` picks one. */
export const generatedDirs: Record<string, string> = {
  types: generatedPath,
  client: 'packages/client/src/generated',
  contract: 'packages/contract/src/generated',
};

export const defaultSpec = path.join(repoRoot, specPath);
