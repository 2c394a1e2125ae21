import { describe, expect, test } from 'vitest';
import { docText, literal, tsdoc } from '../../lib/emit.js';

describe('emit: the renderers’ one way to write spec text into code', () => {
  test.each([
    { given: 'ServiceSid', want: "'ServiceSid'" },
    { given: "it's", want: "'it\\'s'" },
    { given: 'say "hi"', want: `'say "hi"'` },
    { given: 'a\\b', want: "'a\\\\b'" },
    { given: 'one\ntwo', want: "'one\\ntwo'" },
  ])('literal($given) is $want, and evaluates back to the text', ({ given, want }) => {
    expect(literal(given)).toBe(want);
    expect(new Function(`return ${literal(given)}`)()).toBe(given);
  });

  test.each([
    { given: 'The list.', options: {}, want: 'The list.' },
    { given: '  spaced\n  over   lines ', options: {}, want: 'spaced over lines' },
    { given: 'first\nsecond', options: { firstLine: true }, want: 'first' },
    { given: 'ends a comment */ early', options: {}, want: 'ends a comment *\\/ early' },
  ])('docText($given)', ({ given, options, want }) => {
    expect(docText(given, options)).toBe(want);
  });

  test('tsdoc indents one line', () => {
    expect(tsdoc('A session. */', '  ')).toBe('  /** A session. *\\/ */');
  });
});
