import { describe, expect, test } from 'vitest';
import { classifyApiChanges } from '../../../scripts/lib/api-changes.js';

describe('classifyApiChanges', () => {
  const report = (body: string) => `## API Report File\n\n\`\`\`ts\n${body}\n\`\`\`\n`;

  test('a literal printed with the other quote style is no API change (TypeScript 7 keeps single quotes)', () => {
    const before = report('export const FORMATS: readonly ["table", "json"];');
    const after = report("export const FORMATS: readonly ['table', 'json'];");
    expect(classifyApiChanges('@twilio-proxy/cli', 'index.api.md', before, after)).toEqual([]);
  });

  test('a changed literal is still a narrowing', () => {
    const before = report('export const FORMATS: readonly ["table", "json"];');
    const after = report("export const FORMATS: readonly ['table'];");
    expect(classifyApiChanges('@twilio-proxy/cli', 'index.api.md', before, after).some((c) => c.breaking)).toBe(true);
  });

  test.each([
    ['a trailing optional parameter', 'list(sid: string, requestOptions?: RequestOptions): Page;', false],
    ['a first optional parameter', 'list(requestOptions?: Omit<RequestOptions, "timeout">): Page;', false],
    ['a trailing required parameter', 'list(sid: string, requestOptions: RequestOptions): Page;', true],
    ['an optional then a required parameter', 'list(sid: string, a?: A, b: B): Page;', true],
  ])('a method gaining %s: breaking %s', (_, next, breaking) => {
    const before = report(`export interface R {\n    ${next.startsWith('list(r') ? 'list(): Page;' : 'list(sid: string): Page;'}\n}`);
    const after = report(`export interface R {\n    ${next}\n}`);
    expect(classifyApiChanges('@twilio-proxy/client', 'index.api.md', before, after).some((c) => c.breaking)).toBe(breaking);
  });
});
