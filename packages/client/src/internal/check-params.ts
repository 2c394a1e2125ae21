import type { OperationMeta, ParameterRule } from '@twilio-proxy/types';
import { ProxyValidationError } from '../core/errors.js';

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
  t === 'integer' ? !Number.isInteger(v) : t === 'number' ? !Number.isFinite(v) : (t === 'string' || t === 'boolean') && typeof v !== t;

/**
 * Checks parameters against the rules the spec gives them (operationsMeta), before any I/O.
 * Nothing here names an operation or a bound: a new rule in the spec is checked with no new code.
 */
export function checkParams(op: OperationMeta, params: OperationParams): void {
  for (const where of ['path', 'query'] as const) {
    for (const name in params[where]) {
      if (!op.parameters.some((p) => p.in === where && p.name === name)) fail(name, 'unknown', `no such ${where} parameter`);
    }
  }
  for (const { name, in: where, required, schema } of op.parameters) {
    const v = params[where as 'path']?.[name];
    if (v === undefined) {
      if (required) fail(name, 'required', 'required');
    } else {
      if (badType(schema.type, v)) fail(name, 'type', `must be ${schema.type}`);
      // openapi-fetch percent-encodes a path value, but URL parsers still resolve `.` and `..` (even as %2E%2E).
      if (where === 'path' && ['', '.', '..'].includes(String(v))) fail(name, 'path-segment', `cannot be "${v}"`);
      for (const [rule, bad] of RULES) {
        const bound = schema[rule];
        if (bound !== undefined && bad(v as never, bound as never)) fail(name, rule, `${rule} ${bound}`);
      }
    }
  }
}

/** `limit` is this client's own option, not the spec's: a positive integer. */
export function checkLimit(limit: unknown): void {
  if (limit !== undefined && !((limit as number) > 0 && Number.isInteger(limit))) fail('limit', 'type', 'must be a positive integer');
}
