import { statedType } from '@twilio-proxy/types/walker';
import { specRule } from '../../internal/spec-rule.js';
import type { BodyFlag, Flag } from '../commands.js';
import type { Spelling } from '../parse-command.js';

export function flagLabel(f: Flag, spelling: Spelling): string {
  const alias = spelling.aliases.get(f);
  const short = alias?.short ? `-${alias.short}, ` : '    ';
  return `${short}${spelling.display(f)} <${f.placeholder}>`;
}

export function flagText(f: Flag, spelling: Spelling): string {
  const alias = spelling.aliases.get(f);
  const rule = specRule(f.parameter.schema);
  return [
    f.parameter.description ?? '',
    f.required ? 'Required.' : '',
    rule ? `(${rule}${f.parameter.schema.default !== undefined ? `; default ${f.parameter.schema.default}` : ''})` : '',
    statedType(f.parameter.schema) === 'array' ? 'Repeat the flag for each element.' : '',
    alias ? `Also --${f.name}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

export function bodyFlagText(b: BodyFlag): string {
  const element = b.repeated ? (b.field.items ?? {}) : b.field.schema;
  const rule = specRule(element);
  const type = b.placeholder === 'date-time' ? 'an ISO 8601 date-time' : b.field.type === 'object' ? 'a JSON object' : null;
  return [
    b.field.description ?? '',
    b.required ? 'Required.' : '',
    type || rule
      ? `(${[type, rule].filter(Boolean).join(', ')}${element.default !== undefined ? `; default ${element.default}` : ''})`
      : '',
    b.repeated ? `Repeat the flag for each element.` : '',
    `Sent as ${b.field.name}.`,
  ]
    .filter(Boolean)
    .join(' ');
}

/** `twilio-proxy <resource> <action> --help`: the operation's summary, parameters and properties, all from the spec. */
