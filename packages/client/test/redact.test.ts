import { describe, expect, it } from 'vitest';
import { createRedactor, credentialSecrets, MIN_SECRET_LENGTH, redact } from '../src/index.js';

const TEXT = 'HTTP 401 at 0x1fffffe8: a request (id RQ12) failed; Basic authentication, token=abc';

describe('short secrets leave unrelated text alone', () => {
  it('a one-character token does not mangle a hex number (0x1fffffe8 stays whole)', () => {
    expect(redact('bad offset 0x1fffffe8', ['x'])).toBe('bad offset 0x1fffffe8');
  });

  it.each(['x', 'f', '1', 'a', '0', '401', '0x1f', 'abc', 'token', 'x'.repeat(MIN_SECRET_LENGTH - 1)])('%j', (secret) => {
    expect(redact(TEXT, [secret])).toBe(TEXT);
  });

  it('no secret at all changes nothing', () => {
    expect(redact(TEXT, [])).toBe(TEXT);
    expect(redact(TEXT, [''])).toBe(TEXT);
  });
});

describe('long secrets are always removed', () => {
  const SECRET = '0123456789abcdef0123456789abcdef';
  it.each([
    ['alone', `token ${SECRET}`, 'token [redacted]'],
    ['inside a word', `x${SECRET}y`, 'x[redacted]y'],
    ['twice', `${SECRET}:${SECRET}`, '[redacted]:[redacted]'],
    ['in JSON', JSON.stringify({ echo: SECRET }), '{"echo":"[redacted]"}'],
    ['on many lines', `a\n${SECRET}\nb`, 'a\n[redacted]\nb'],
  ])('%s', (_, text, want) => {
    expect(redact(text, [SECRET])).toBe(want);
  });

  it('with regex characters', () => {
    const s = 'a+b/c=d?e(f)*g[h]$&';
    expect(redact(`q=${s} and ${s}.`, [s])).toBe('q=[redacted] and [redacted].');
  });

  it('a secret that contains another is hidden whole', () => {
    expect(redact('abcdefgh-ijklmnop', ['abcdefgh', 'abcdefgh-ijklmnop'])).toBe('[redacted]');
  });

  it.each([
    ['an auth token', { accountSid: `AC${'1'.repeat(32)}`, authToken: 'tok_SECRET_0123456789abcdef' }],
    ['an API key', { accountSid: `AC${'1'.repeat(32)}`, apiKeySid: `SK${'2'.repeat(32)}`, apiKeySecret: 'sec_0123456789abcdef' }],
    ['a one-character token (its Basic form is long)', { accountSid: `AC${'1'.repeat(32)}`, authToken: 'T' }],
  ])('the base64 Basic header form of %s', (_, creds) => {
    const [, base64] = credentialSecrets(creds);
    const hide = createRedactor(credentialSecrets(creds));
    expect(hide(`sent Basic ${base64} to the API`)).toBe('sent Basic [redacted] to the API');
    expect(hide(`{"authorization":"Basic ${base64}"}`)).toBe('{"authorization":"Basic [redacted]"}');
  });

  it.each(['Authorization: Basic YTpi', 'authorization=Basic YTpi', '{"Authorization":"basic YTpi"}'])(
    'any Authorization: Basic value, whatever its length: %j',
    (text) => {
      expect(redact(text, [])).toMatch(/basic \[redacted\]"?}?$/i);
    },
  );
});
