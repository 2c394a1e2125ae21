import type { SpecChange } from './spec-changes.js';

/** A change of a package's TypeScript API, read from two versions of one API Extractor report. */
export interface ApiChange extends SpecChange {
  /** The package whose report changed (`@twilio-proxy/contract`): a breaking change needs its major. */
  pkg: string;
}

const DECLARATION =
  /^(?:export\s+)?(?:declare\s+)?(?:default\s+)?(?:abstract\s+)?(const|let|var|function|class|interface|type|enum|namespace|module)\s+([\w$]+)/;

/**
 * A report line with its string literals in one quote style: compilers print the same literal type with
 * either (TypeScript 7 keeps the source's single quotes where 5.9 printed double), and that is no API change.
 */
const sameQuotes = (line: string) => line.replace(/'([^'"\\]*)'/g, '"$1"');

/**
 * The report's declarations by name (`interface MockProxy`), each as its lines without comments.
 * Overloads share a key. A line at column 0 starts a declaration, except closing brackets.
 */
export function reportDeclarations(report: string): Map<string, string[]> {
  const code = /```ts\n([\s\S]*?)```/.exec(report)?.[1] ?? '';
  const declarations = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const raw of code.split('\n')) {
    const line = raw.replace(/\s+$/, '');
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('//')) continue;
    if (/^import\s/.test(line)) {
      current = null;
      continue;
    }
    if (!/^\s/.test(line) && !/^[}\])]/.test(line)) {
      const m = DECLARATION.exec(line);
      const key = m ? `${m[1]} ${m[2]}` : line;
      current = declarations.get(key) ?? [];
      declarations.set(key, current);
    }
    current?.push(sameQuotes(trimmed));
  }
  return declarations;
}

/** Lines of `a` missing from `b` and lines of `b` missing from `a`, as multisets (order-free). */
function lineDiff(a: string[], b: string[]): { removed: string[]; added: string[] } {
  const count = new Map<string, number>();
  for (const l of b) count.set(l, (count.get(l) ?? 0) + 1);
  const removed: string[] = [];
  for (const l of a) {
    const n = count.get(l) ?? 0;
    if (n > 0) count.set(l, n - 1);
    else removed.push(l);
  }
  const added = [...count].flatMap(([l, n]) => Array<string>(n).fill(l));
  return { removed, added };
}

/** `name: A | B;` → `{ head: 'name', members: ['A', 'B'] }`: a member's name and the top-level union of its type. */
function unionOf(line: string): { head: string; members: string[] } | null {
  const m = /^(.*?[^=!<>])(:|=)\s(.*?);?$/.exec(line);
  if (!m) return null;
  const members: string[] = [];
  let depth = 0;
  let part = '';
  for (const ch of m[3]!) {
    if ('([{<'.includes(ch)) depth++;
    if (')]}>'.includes(ch)) depth--;
    if (ch === '|' && depth === 0) {
      members.push(part.trim());
      part = '';
    } else part += ch;
  }
  members.push(part.trim());
  return { head: `${m[1]}${m[2]}`, members: members.filter(Boolean) };
}

/** The added line that widens `removed` (same member, a union holding every old member), if any. */
function widening(removed: string, added: string[]): string | undefined {
  const old = unionOf(removed);
  if (!old) return undefined;
  return added.find((line) => {
    const next = unionOf(line);
    return next?.head === old.head && old.members.every((m) => next.members.includes(m));
  });
}

/**
 * The added line that is `removed` with one more optional parameter at the end of its parameter list (callers and
 * implementers of the old signature still fit), if any.
 */
function optionalParameterAdded(removed: string, added: string[]): string | undefined {
  return added.find((line) => {
    let i = 0;
    while (i < removed.length && removed[i] === line[i]) i++;
    const inserted = line.slice(i, i + line.length - removed.length);
    return (
      line.length > removed.length &&
      removed.slice(i).startsWith(')') &&
      line.slice(i + inserted.length) === removed.slice(i) &&
      new RegExp(`^${removed[i - 1] === '(' ? '' : ', '}\\w+\\?: .+$`).test(inserted) &&
      !/, \w+: /.test(inserted)
    );
  });
}

/**
 * Classifies the difference between two versions of one report: a removed export, or a removed or
 * changed member line, is breaking (a narrowing); a new export, a new member, a widened union or a trailing
 * optional parameter is not (an addition). `base` or `revision` null: the report (the entry point) did not exist then.
 */
export function classifyApiChanges(pkg: string, file: string, base: string | null, revision: string | null): ApiChange[] {
  const before = reportDeclarations(base ?? '');
  const after = reportDeclarations(revision ?? '');
  const changes: ApiChange[] = [];
  const add = (kind: string, breaking: boolean, name: string, message: string) =>
    changes.push({ kind: `api:${kind}`, breaking, where: `${file}: ${name}`, message, pkg });
  if (base !== null && revision === null) add('removed-entry-point', true, '*', 'the entry point and everything it exported is gone');
  if (base === null && revision !== null) add('added-entry-point', false, '*', 'a new entry point');
  for (const [name, lines] of before) {
    const next = after.get(name);
    if (!next) {
      if (revision !== null) add('removed-export', true, name, 'export removed');
      continue;
    }
    const { removed, added } = lineDiff(lines, next);
    const widened = new Set<string>();
    for (const line of removed) {
      const wider = widening(line, added) ?? optionalParameterAdded(line, added);
      if (wider) {
        widened.add(wider);
        add('widened', false, name, `${line} → ${wider}`);
      } else add('removed-or-narrowed', true, name, `no longer: ${line}`);
    }
    const plain = added.filter((l) => !widened.has(l));
    if (plain.length > 0) add('added-member', false, name, `${plain.length} line(s) added, e.g. ${plain[0]}`);
  }
  for (const name of after.keys()) if (!before.has(name) && base !== null) add('added-export', false, name, 'new export');
  return changes;
}
