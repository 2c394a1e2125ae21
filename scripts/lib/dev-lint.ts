import path from 'node:path';
import { getLineColLocation, lint, loadConfig } from '@redocly/openapi-core';

/**
 * Lint errors (and YAML errors) of the spec as `file:line:col severity rule: message` lines, files relative to
 * `root` (a problem in a referenced file names that file); empty when the spec is fine.
 */
export async function lintSpec(root: string, specFile: string): Promise<string[]> {
  const rel = (f: string) => path.relative(root, f);
  try {
    const config = await loadConfig({ configPath: path.join(path.dirname(specFile), 'redocly.yaml') });
    const problems = await lint({ ref: specFile, config });
    const lines = problems
      .filter((p) => p.severity === 'error' || p.severity === 'warn')
      .map((p) => {
        const loc = p.location[0] ? getLineColLocation(p.location[0]) : null;
        const where = loc ? `${rel(loc.source.absoluteRef)}:${loc.start.line}:${loc.start.col}` : rel(specFile);
        // A YAML error in a file the root refers to comes back as an unresolved ref, once per ref into that file.
        const rule = p.ruleId === 'no-unresolved-refs' && p.message.startsWith('Failed to parse') ? 'yaml' : p.ruleId;
        return `${where} ${p.severity} ${rule}: ${p.message}`;
      });
    return [...new Set(lines)];
  } catch (error) {
    // YAML syntax errors throw, with "(line:col)" in the message; the file is the one that failed to parse.
    const message = (error as Error).message;
    const m = /\((\d+):(\d+)\)/.exec(message);
    const file = /in (\S+\.ya?ml)/.exec(message)?.[1];
    const where = file ? rel(path.resolve(path.dirname(specFile), file)) : rel(specFile);
    return [`${where}${m ? `:${m[1]}:${m[2]}` : ''} error yaml: ${message.split('\n')[0]}`];
  }
}
