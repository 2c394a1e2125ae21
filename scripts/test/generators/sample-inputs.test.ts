import { describe, expect, test } from 'vitest';
import { exampleValue } from '../../lib/sample-inputs.js';

/**
 * The example value a docs sample sends for a schema: schema in, value out. A SID-or-name parameter (Twilio's
 * `Services/{Sid}`, which also takes the unique name) must show the SID: the docs samples test swaps that value
 * for a real item's, and a name ("My sid") is what curl's URL encodes out of reach.
 */
const sid = (prefix: string) => ({ type: 'string', pattern: `^${prefix}[0-9a-fA-F]{32}$`, minLength: 34, maxLength: 34 });

const rows: [string, object, string, unknown][] = [
  ['a SID', sid('KS'), 'Sid', `KS${'a'.repeat(32)}`],
  ['a SID or a name', { anyOf: [sid('KS'), { type: 'string', 'x-item-property': 'unique_name' }] }, 'Sid', `KS${'a'.repeat(32)}`],
  [
    'a name or a SID (either order)',
    { anyOf: [{ type: 'string', 'x-item-property': 'unique_name' }, sid('KC')] },
    'Sid',
    `KC${'a'.repeat(32)}`,
  ],
  ['a SID of any kind', { type: 'string', pattern: '^[a-zA-Z]{2}[0-9a-fA-F]{32}$' }, 'ChannelSid', `CA${'a'.repeat(32)}`],
  ['an example', { type: 'string', example: 'sms' }, 'Mode', 'sms'],
  ['an enum', { type: 'string', enum: ['open', 'closed'] }, 'Status', 'open'],
  ['a bounded integer', { type: 'integer', minimum: 1, maximum: 10 }, 'PageSize', 10],
  ['a date-time', { type: 'string', format: 'date-time' }, 'DateExpiry', '2030-01-01T00:00:00Z'],
  ['a phone number', { type: 'string', format: 'phone-number' }, 'PhoneNumber', '+15005550006'],
  ['a plain string, bounded', { type: 'string', maxLength: 6 }, 'UniqueName', 'My uni'],
];

describe('exampleValue', () => {
  test.each(rows)('%s', (_, schema, name, expected) => {
    expect(exampleValue(schema as never, name)).toEqual(expected);
  });
});
