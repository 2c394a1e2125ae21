/**
 * Every link of every README and of CONVENTIONS.md that points into this repository resolves: relative links,
 * `#anchor`s (GitHub's heading slugs), and the absolute GitHub URLs of this repository that package READMEs use
 * (they ship to the registry, where a relative link would break).
 */
import { execFile } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '../../../..');
const REPO_URL = /^https:\/\/github\.com\/twilio-proxy\/twilio-proxy-sessions(?:\/(?:tree|blob)\/main\/([^#?]*))?\/?(?:#(.*))?$/;

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens; repeats get `-1`, `-2`, … */
function slugs(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  const text = markdown.replace(/^```[\s\S]*?^```/gm, '');
  for (const [, heading] of text.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const plain = heading!.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
    const base = plain
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  for (const [, id] of text.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) out.add(id!);
  return out;
}

/** `[text](target)` links outside code blocks and inline code. */
function links(markdown: string): string[] {
  const text = markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
  return [...text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]!);
}

const files = (await promisify(execFile)('git', ['ls-files', '*README.md', 'CONVENTIONS.md'], { cwd: repoRoot })).stdout
  .split('\n')
  .filter(Boolean);

describe('links in the documentation', () => {
  test('GitHub-style slugs', () => {
    expect([...slugs('# A\n## Adding an operation (spec authors)\n## Compatibility: `proxy-sessions`\n## A\n')]).toEqual([
      'a',
      'adding-an-operation-spec-authors',
      'compatibility-proxy-sessions',
      'a-1',
    ]);
  });

  test('there are READMEs to check, and CONVENTIONS.md', () => {
    expect(files).toContain('README.md');
    expect(files).toContain('CONVENTIONS.md');
    expect(files).toContain('packages/client/README.md');
  });

  test.each(files)('%s: every link into the repository resolves, anchors included', async (file) => {
    const markdown = await readFile(path.join(repoRoot, file), 'utf8');
    const broken: string[] = [];
    for (const link of links(markdown)) {
      let target: string;
      let anchor: string | undefined;
      const github = REPO_URL.exec(link);
      if (github) {
        target = github[1] ? decodeURIComponent(github[1]) : 'README.md';
        anchor = github[2];
      } else if (/^[a-z][a-z0-9+.-]*:/i.test(link)) {
        continue; // another site, or mailto:
      } else {
        const [rel, hash] = link.split('#') as [string, string | undefined];
        target = rel === '' ? file : path.posix.join(path.posix.dirname(file), decodeURIComponent(rel));
        anchor = hash;
      }
      const full = path.join(repoRoot, target);
      const info = await stat(full).catch(() => null);
      if (!info) {
        broken.push(`${link}: ${target} does not exist`);
        continue;
      }
      if (anchor === undefined || anchor === '') continue;
      // GitHub's own anchor for the README shown under a folder (or the repository's front page).
      if (anchor === 'readme' && (info.isDirectory() || (github && !github[1]))) continue;
      const doc = info.isDirectory() ? path.join(full, 'README.md') : full;
      if (!doc.endsWith('.md')) continue; // a line anchor into source (#L10) is GitHub's, not a heading
      const have = slugs(await readFile(doc, 'utf8').catch(() => ''));
      if (!have.has(decodeURIComponent(anchor))) broken.push(`${link}: no heading #${anchor} in ${path.relative(repoRoot, doc)}`);
    }
    expect(broken).toEqual([]);
  });
});

describe('package READMEs open with the scoped-registry install', () => {
  test.each(['types', 'client', 'contract', 'cli'])('packages/%s/README.md', async (name) => {
    const markdown = await readFile(path.join(repoRoot, 'packages', name, 'README.md'), 'utf8');
    const manifest = JSON.parse(await readFile(path.join(repoRoot, 'packages', name, 'package.json'), 'utf8'));
    const first = /^## (.+)\n([\s\S]*?)(?=^## )/m.exec(markdown);
    expect(first?.[1]).toBe('Install');
    const install = first![2]!;
    // The scope bound to the private registry, with its auth line, before any install command.
    expect(install).toMatch(/^@twilio-proxy:registry=\S+$/m);
    expect(install).toMatch(/^\/\/\S+:_authToken=\S+$/m);
    expect(install.indexOf('@twilio-proxy:registry=')).toBeLessThan(install.indexOf(`npm i`));
    expect(install).toMatch(new RegExp(`npm i (?:-[gD] )?${manifest.name}`));
    expect(install).toMatch(/pnpm add/);
    // The Node range exactly as `engines` states it, and no other.
    expect(install).toContain(`Node \`${manifest.engines.node}\``);
    expect(markdown).not.toMatch(/Node ≥|Node >=/);
  });
});
