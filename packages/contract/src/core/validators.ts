import {
  type JsonObject,
  parseText,
  parseTexts,
  responseFor,
  typeOf,
  responseKeyFor as walkedResponseKeyFor,
} from '@twilio-proxy/types/walker';
import { ajvIssues, compiled, escapePointer } from '../internal/ajv.js';
import { componentSchema, specOperation } from '../internal/walked-spec.js';
import { ContractError, type ContractIssue } from './contract-error.js';

export type { ContractIssue };

export interface ValidationResult {
  readonly valid: boolean;
  readonly errors: ContractIssue[];
}

export interface RequestValidationResult extends ValidationResult {
  /** Parameter values coerced to their schema types (query strings → integers etc.), by location. */
  readonly values: { path: Record<string, unknown>; query: Record<string, unknown> };
}

export type HeadersLike = { get(name: string): string | null } | Record<string, string | readonly string[] | number | undefined>;

export type ParamValue = string | number | boolean | readonly string[] | undefined | null;

export interface RequestInput {
  path?: Record<string, ParamValue>;
  query?: Record<string, ParamValue> | URLSearchParams;
}

/** The documented response for a status: exact code, then its `5XX`-style range, then `default`. */
export function responseKeyFor(operationId: string, status: number): string | undefined {
  return walkedResponseKeyFor(specOperation(operationId), status);
}

function headerValue(headers: HeadersLike, name: string): string | undefined {
  if (typeof headers.get === 'function') return (headers as { get(name: string): string | null }).get(name) ?? undefined;
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) {
    if (k.toLowerCase() !== lower || v === undefined) continue;
    return Array.isArray(v) ? v.join(', ') : String(v);
  }
  return undefined;
}

/** Header and query values are text; read them as the schema types them (the walker's rule) when they can be. */
function coerce(value: unknown, schema: JsonObject | undefined): unknown {
  if (!schema) return value;
  const texts = typeof value === 'string' ? [value] : Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : null;
  if (!texts) return value;
  // An array repeats its key; anything else is one text.
  const parsed = typeOf(schema) === 'array' ? parseTexts(schema, texts) : typeof value === 'string' ? parseText(schema, value) : null;
  return parsed?.ok ? parsed.value : value;
}

/** Validates a response's status, JSON body and (when given) headers against the operation's documented response. */
export function validateResponse(operationId: string, status: number, body: unknown, headers?: HeadersLike): ValidationResult {
  const op = specOperation(operationId);
  const response = responseFor(op, status);
  if (response === undefined) {
    const documented = Object.keys(op.responsesByStatus).join(', ');
    return {
      valid: false,
      errors: [{ in: 'status', path: '', message: `status ${status} is not documented (documented: ${documented})` }],
    };
  }
  const key = response.status;
  const errors: ContractIssue[] = [];
  const schema = response.mediaType === 'application/json' ? response.schema : null;
  if (schema) {
    const validate = compiled(`${operationId}|${key}|body`, schema);
    if (!validate(body)) errors.push(...ajvIssues(validate.errors).map((i) => ({ in: 'body' as const, ...i })));
  }
  if (headers) {
    for (const [name, header] of Object.entries<JsonObject>(response.headers)) {
      const raw = headerValue(headers, name);
      const path = `/${escapePointer(name)}`;
      if (raw === undefined) {
        if (header.required) errors.push({ in: 'header', path, message: 'is required but missing' });
        continue;
      }
      if (!header.schema) continue;
      const validate = compiled(`${operationId}|${key}|header|${name}`, header.schema);
      if (!validate(coerce(raw, header.schema))) {
        errors.push(...ajvIssues(validate.errors, path).map((i) => ({ in: 'header' as const, ...i })));
      }
    }
  }
  return { valid: errors.length === 0, errors };
}

/** Validates path and query parameters; query values may be strings (coerced per schema type) or repeated (arrays). */
export function validateRequest(operationId: string, input: RequestInput = {}): RequestValidationResult {
  const op = specOperation(operationId);
  const errors: ContractIssue[] = [];
  const values = { path: {} as Record<string, unknown>, query: {} as Record<string, unknown> };
  const query = input.query instanceof URLSearchParams ? fromSearchParams(input.query) : (input.query ?? {});
  for (const param of op.parameters) {
    if (param.in !== 'path' && param.in !== 'query') continue;
    const source: Record<string, ParamValue> = param.in === 'path' ? (input.path ?? {}) : query;
    let raw: unknown = source[param.name];
    const where = param.in as 'path' | 'query';
    const path = `/${escapePointer(param.name)}`;
    if (raw === undefined || raw === null) {
      if (param.required) errors.push({ in: where, path, message: 'is required but missing' });
      continue;
    }
    const schemaTypes = [param.schema?.type].flat();
    if (Array.isArray(raw) && !schemaTypes.includes('array')) {
      if (raw.length !== 1) {
        errors.push({ in: where, path, message: `must be given once (got ${raw.length} values)` });
        continue;
      }
      raw = raw[0];
    }
    const value = coerce(raw, param.schema);
    const validate = compiled(`${operationId}|param|${param.in}|${param.name}`, param.schema ?? {});
    if (validate(value)) values[where][param.name] = value;
    else errors.push(...ajvIssues(validate.errors, path).map((i) => ({ in: where, ...i })));
  }
  return { valid: errors.length === 0, errors, values };
}

function fromSearchParams(params: URLSearchParams): Record<string, ParamValue> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of params) {
    out[k] ??= [];
    out[k].push(v);
  }
  return out;
}

/** Throws a {@link ContractError} when the response does not satisfy the operation's contract. */
export function assertResponse(operationId: string, status: number, body: unknown, headers?: HeadersLike): void {
  const result = validateResponse(operationId, status, body, headers);
  if (!result.valid) throw new ContractError(operationId, `response ${status}`, result.errors);
}

/** Throws a {@link ContractError} when the request parameters do not satisfy the operation's contract. */
export function assertRequest(operationId: string, input: RequestInput = {}): RequestValidationResult {
  const result = validateRequest(operationId, input);
  if (!result.valid) throw new ContractError(operationId, 'request', result.errors);
  return result;
}

/** Validates a value against a named schema of `components.schemas` (e.g. the error body's schema). */
export function validateSchema(name: string, value: unknown): ValidationResult {
  const validate = compiled(`#schema|${name}`, componentSchema(name));
  if (validate(value)) return { valid: true, errors: [] };
  return { valid: false, errors: ajvIssues(validate.errors).map((i) => ({ in: 'body' as const, ...i })) };
}
