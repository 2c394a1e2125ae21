/**
 * The walker rule, as a check: no hand-written source outside packages/types/src/walker/ reads the raw spec's
 * `responses`, `requestBody`, `servers` or `content`. Those are read once, by the walker; a second reader
 * drifts from it (a `2XX` range, a `$ref`'d body, a missing server) the day the spec grows.
 *
 * A read is member access (`.x`, `?.x`) or indexing with a string (`['x']`, `["x"]`) in code. Comments and the
 * text of strings and template literals are masked first: render-aliases.ts writes `['responses']` as TypeScript
 * type text inside a template, and that is output, not a read. A longer name (`.contents`, `contentType`,
 * `headers['content-length']`) is another name.
 */

export interface RawSpecRead {
  path: string;
  line: number;
  text: string;
}

export const RAW_SPEC_FIELDS = ['responses', 'requestBody', 'servers', 'content'] as const;

/** What to read instead, printed with every hit. */
export const RAW_READ_FIX = 'read it from the walker: op.responsesByStatus / responseFor / walkServers / op.body';

/**
 * The one allowed reader outside the walker: spec-diff compares two raw documents (the last landed spec and this
 * one) field by field, before either is walked, so it must see both exactly as written.
 */
export const RAW_READ_ALLOWED = new Set(['scripts/lib/spec-changes.ts']);

const SOURCE = /^(packages\/[^/]+\/src|scripts)\/.*\.[cm]?ts$/;
const EXEMPT = /^scripts\/test\/|^packages\/types\/src\/walker\/|(^|\/)(test|tests|generated)\/|\.gen\.[cm]?ts$|\.test(-d)?\.[cm]?ts$/;

/** Whether the rule covers this repo-relative path: hand-written TypeScript under packages/<name>/src or scripts/. */
export function rawReadScope(path: string): boolean {
  return SOURCE.test(path) && !EXEMPT.test(path) && !RAW_READ_ALLOWED.has(path);
}

const NAMES = RAW_SPEC_FIELDS.join('|');
/** `.x` or `?.x`, not a spread (`...x`), not a longer name. */
const MEMBER = new RegExp(`(?<!\\.\\.)\\.\\s*(${NAMES})(?![\\w$])`, 'g');
const FIELDS = new Set<string>(RAW_SPEC_FIELDS);

/** Every raw spec read in the in-scope files, in file order. */
export function rawSpecReads(files: { path: string; text: string }[]): RawSpecRead[] {
  const hits: RawSpecRead[] = [];
  for (const file of files) {
    if (!rawReadScope(file.path)) continue;
    const { code, strings } = maskSource(file.text);
    const at = new Set<number>();
    for (const m of code.matchAll(MEMBER)) at.add(m.index + m[0].length - m[1]!.length);
    for (const s of strings) {
      if (FIELDS.has(s.value) && /\[\s*$/.test(code.slice(0, s.start)) && /^\s*\]/.test(code.slice(s.end))) at.add(s.start);
    }
    const lines = file.text.split('\n');
    const lineOf = lineIndex(file.text);
    const seen = new Set<number>();
    for (const offset of [...at].sort((a, b) => a - b)) {
      const line = lineOf(offset);
      if (seen.has(line)) continue;
      seen.add(line);
      hits.push({ path: file.path, line, text: lines[line - 1]!.trim() });
    }
  }
  return hits;
}

/** A 1-based line number for an offset of `text`. */
function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

interface StringToken {
  start: number;
  end: number;
  value: string;
}

// After these (or at the start), a `/` opens a regular expression; after a name, a `)` or a `]` it divides.
const REGEX_AFTER = new Set([...'([{},;:=!&|?+-*%<>~^']);
const REGEX_KEYWORDS = new Set(['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'new', 'delete', 'void', 'throw', 'yield', 'await']);

/**
 * The source with comments, string text, template text and regular expressions blanked to spaces (line breaks
 * kept, so offsets and lines agree), and the plain string literals it held: the only strings that can be an index.
 * `${…}` inside a template is code again, nested to any depth.
 */
export function maskSource(source: string): { code: string; strings: StringToken[] } {
  const out = [...source];
  const strings: StringToken[] = [];
  const blank = (from: number, to: number) => {
    for (let k = from; k < to && k < out.length; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  // Template text from `from` to its closing backtick (open: false) or its next `${` (open: true).
  const templateText = (from: number): { end: number; open: boolean } => {
    for (let j = from; j < source.length; j++) {
      if (source[j] === '\\') j++;
      else if (source[j] === '`') return { end: j + 1, open: false };
      else if (source[j] === '$' && source[j + 1] === '{') return { end: j + 2, open: true };
    }
    return { end: source.length, open: false };
  };
  const braces: number[] = []; // one open-brace count per `${` being read
  let prev = '';
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    const next = source[i + 1];
    let end = -1;
    if (c === '/' && next === '/') {
      end = source.indexOf('\n', i);
      if (end < 0) end = source.length;
    } else if (c === '/' && next === '*') {
      end = source.indexOf('*/', i + 2);
      end = end < 0 ? source.length : end + 2;
    } else if (c === "'" || c === '"') {
      end = quotedEnd(source, i);
      strings.push({ start: i, end, value: source.slice(i + 1, end - 1) });
      prev = 'string';
    } else if (c === '`' || (c === '}' && braces.at(-1) === 0)) {
      if (c === '}') braces.pop();
      const text = templateText(i + 1);
      end = text.end;
      if (text.open) braces.push(0);
      else if (c === '`') strings.push({ start: i, end, value: source.slice(i + 1, end - 1) });
      prev = 'string';
    } else if (c === '/' && (REGEX_AFTER.has(prev) || REGEX_KEYWORDS.has(prev) || prev === '')) {
      end = regexEnd(source, i);
      if (end > 0) prev = 'regex';
    }
    if (end > 0) {
      blank(i, end);
      i = end;
      continue;
    }
    if (braces.length > 0 && c === '{') braces[braces.length - 1]!++;
    if (braces.length > 0 && c === '}') braces[braces.length - 1]!--;
    const word = /^[\w$]+/.exec(source.slice(i, i + 64));
    if (word) {
      prev = word[0];
      i += word[0].length;
      continue;
    }
    if (!/\s/.test(c)) prev = c;
    i++;
  }
  return { code: out.join(''), strings };
}

/** The offset after a quoted string starting at `start` (its line's end if it never closes). */
function quotedEnd(source: string, start: number): number {
  for (let j = start + 1; j < source.length; j++) {
    if (source[j] === '\\') j++;
    else if (source[j] === source[start]) return j + 1;
    else if (source[j] === '\n') return j;
  }
  return source.length;
}

/** The offset after a regular expression literal at `start` (flags included), or -1 if the line ends first. */
function regexEnd(source: string, start: number): number {
  let inClass = false;
  for (let j = start + 1; j < source.length; j++) {
    const c = source[j];
    if (c === '\n') return -1;
    if (c === '\\') j++;
    else if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    else if (c === '/' && !inClass) return j + 1 + (/^[a-z]*/.exec(source.slice(j + 1))?.[0].length ?? 0);
  }
  return -1;
}
