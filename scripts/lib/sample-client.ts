import { camelCase, type WalkedOperation } from '../../packages/types/src/walker/index.js';
import type { SampleInputs, SampleValue } from './sample-inputs.js';

/** The package a client sample imports: what users install (`npm i @twilio-proxy/client`). */
export const CLIENT_PACKAGE = '@twilio-proxy/client';

/** A value as a TypeScript literal: single-quoted strings, as the repository's code writes them. */
export function tsLiteral(value: SampleValue): string {
  if (typeof value === 'string') return `'${value.replace(/[\\']/g, '\\$&').replace(/\n/g, '\\n')}'`;
  if (Array.isArray(value)) return `[${value.map(tsLiteral).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : tsLiteral(k)}: ${tsLiteral(v)}`);
    return entries.length ? `{ ${entries.join(', ')} }` : '{}';
  }
  return String(value);
}

/** A query parameter's client option: the spec's name with a lower-case first letter (`PageSize` → `pageSize`). */
const optionOf = (name: string): string => name[0]!.toLowerCase() + name.slice(1);

/**
 * `client.<resource>.<action>(...pathParams, options)` for one operation, as the generated facade names it (the
 * walker's resource and action). Credentials come from the environment, as a user's would; a list is iterated with
 * `for await` (every item, page after page), anything else prints what it answers.
 */
export function renderClientSample(op: WalkedOperation, inputs: SampleInputs): string {
  const options = [
    ...inputs.query.map((q) => `${optionOf(q.name)}: ${tsLiteral(q.value)}`),
    ...inputs.body.map((b) => `${b.field!.option}: ${tsLiteral(b.value)}`),
  ];
  const args = [...inputs.path.map((p) => tsLiteral(p.value)), ...(options.length ? [`{ ${options.join(', ')} }`] : [])];
  const call = `client.${op.resource}.${op.action}(${args.join(', ')})`;
  const noun = op.schema ? camelCase(op.schema) : 'item';
  const body = op.list
    ? [`for await (const ${noun} of ${call}) {`, `  console.log(${noun});`, '}']
    : op.success.schema
      ? [`const ${noun} = await ${call};`, `console.log(${noun});`]
      : [`await ${call};`];
  return [
    `import { createProxyClient } from '${CLIENT_PACKAGE}';`,
    '',
    '// Credentials from the environment: TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN.',
    'const client = createProxyClient();',
    '',
    ...body,
    '',
  ].join('\n');
}
