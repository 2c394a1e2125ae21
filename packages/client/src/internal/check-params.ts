import type { BodyFieldRule, OperationMeta, ParameterRule } from '@twilio-proxy/types';
import { ProxyValidationError } from '../core/errors.js';
import { suggest } from './suggest.js';

export interface OperationParams {
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
}

const fail = (parameter: string, rule: string, text: string): never => {
  throw new ProxyValidationError(`Invalid ${parameter}: ${text}`, { parameter, rule });
};

type Bad = (value: never, bound: never) => boolean;
/** The schema keywords a value can break, each with its test. Types come first (see `type`). */
const RULES: [keyof ParameterRule, Bad][] = [
  ['minimum', (v: number, b: number) => v < b],
  ['maximum', (v: number, b: number) => v > b],
  ['minLength', (v: string, b: number) => v.length < b],
  ['maxLength', (v: string, b: number) => v.length > b],
  ['pattern', (v: string, b: string) => !new RegExp(b, 'u').test(v)],
  ['enum', (v: unknown, b: unknown[]) => !b.includes(v)],
];

const badType = (t: unknown, v: unknown): boolean =>
  t === 'integer'
    ? !Number.isInteger(v)
    : t === 'number'
      ? !Number.isFinite(v)
      : t === 'array'
        ? !Array.isArray(v)
        : t === 'object'
          ? typeof v !== 'object' || v === null || Array.isArray(v)
          : (t === 'string' || t === 'boolean') && typeof v !== t;

type Broken = { rule: string; text: string } | null;

/** The first rule a value breaks, or null; a date field takes a valid `Date` too (sent as ISO 8601). */
function broken(schema: BodyFieldRule, v: unknown): Broken {
  if (v instanceof Date && /^date/.test(schema.format ?? '')) {
    return Number.isNaN(v.getTime()) ? { rule: 'type', text: 'is an invalid Date' } : null;
  }
  if (badType(schema.type, v)) return { rule: 'type', text: `must be ${schema.type}` };
  if (Array.isArray(v) && schema.items) {
    for (const item of v) {
      const b = broken(schema.items, item);
      if (b) return b;
    }
  }
  for (const [rule, bad] of RULES) {
    const bound = schema[rule];
    if (bound !== undefined && bad(v as never, bound as never)) return { rule, text: `${rule} ${bound}` };
  }
  // A SID or a name in its place: it passes when one branch takes it, and is told what each branch wanted.
  const misses = schema.anyOf?.map((branch) => broken(branch, v));
  if (misses?.every(Boolean)) return { rule: 'anyOf', text: `matches none of: ${misses.map((m) => m!.text).join('; ')}` };
  return null;
}

function checkValue(name: string, schema: BodyFieldRule, v: unknown): void {
  const b = broken(schema, v);
  if (b) fail(name, b.rule, b.text);
}

/** An unknown name: a ProxyValidationError, with the name it most likely meant. */
function unknown(name: string, candidates: string[]): never {
  const hint = suggest(name, candidates);
  return fail(name, 'unknown', `not a parameter of this operation${hint ? `; did you mean \`${hint}\`?` : ''}`);
}

/**
 * Checks parameters and body fields against the rules the spec gives them (operationsMeta), before any I/O.
 * Nothing here names an operation or a bound: a new rule in the spec is checked with no new code.
 */
export function checkParams(op: OperationMeta, params: OperationParams): void {
  const fields = op.body?.fields ?? [];
  const names = [...op.parameters.map((p) => p.name), ...fields.map((f) => f.name)];
  for (const where of ['path', 'query'] as const) {
    for (const name in params[where]) {
      if (!op.parameters.some((p) => p.in === where && p.name === name)) unknown(name, names);
    }
  }
  for (const { name, in: where, required, schema } of op.parameters) {
    const v = params[where as 'path']?.[name];
    if (v === undefined) {
      if (required) fail(name, 'required', 'required');
    } else {
      // openapi-fetch percent-encodes a path value, but URL parsers still resolve `.` and `..` (even as %2E%2E).
      if (where === 'path' && ['', '.', '..'].includes(String(v))) fail(name, 'path-segment', `cannot be "${v}"`);
      checkValue(name, schema, v);
    }
  }
  const { body } = params;
  if (body !== undefined) {
    if (!op.body) fail('body', 'unknown', 'this operation takes no request body');
    if (badType('object', body)) fail('body', 'type', 'must be an object of fields');
  }
  const values = (body ?? {}) as Record<string, unknown>;
  for (const name in values) if (!fields.some((f) => f.name === name)) unknown(name, names);
  for (const { name, required, schema } of fields) {
    const v = values[name];
    if (v === undefined) {
      if (required) fail(name, 'required', 'required');
    } else checkValue(name, schema, v);
  }
}

/** `limit` is this client's own option, not the spec's: a positive integer. */
export function checkLimit(limit: unknown): void {
  if (limit !== undefined && !((limit as number) > 0 && Number.isInteger(limit))) fail('limit', 'type', 'must be a positive integer');
}
