import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ContractIssue } from '../../core/contract-error.js';
import { responseKeyFor, validateResponse, validateSchema } from '../../core/validators.js';
import { ajvIssues, compiled } from '../ajv.js';
import { errorSchemaName, responseHeaderSchema } from '../walked-spec.js';
import { type Answer, MOCK_ERROR_CODES } from './answer.js';

export interface SelfCheckViolation {
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly errors: ContractIssue[];
}

export const REQUEST_ID_HEADER = 'Twilio-Request-Id';

/**
 * Validates each answer before it is sent: against the operation's documented response when there is one
 * (page items by their one-time validation), else as a Twilio error with a valid request id (off-spec
 * paths and methods). Violations are recorded, never thrown: `close()` reports them.
 */
export function createSelfCheck(violations: SelfCheckViolation[]) {
  const errorSchema = errorSchemaName();
  const requestIdSchema = responseHeaderSchema(REQUEST_ID_HEADER) ?? {};
  return (req: IncomingMessage, a: Answer, headers: Record<string, string>): void => {
    let errors: ContractIssue[];
    if (a.operationId !== null && responseKeyFor(a.operationId, a.status) !== undefined) {
      errors = validateResponse(a.operationId, a.status, a.body, headers).errors;
      for (const issue of a.itemIssues?.() ?? []) errors.push({ in: 'body', ...issue });
    } else {
      errors = [...validateSchema(errorSchema, a.body).errors];
      const validate = compiled(`#header|${REQUEST_ID_HEADER}`, requestIdSchema);
      if (!validate(headers[REQUEST_ID_HEADER])) {
        errors.push(...ajvIssues(validate.errors, `/${REQUEST_ID_HEADER}`).map((i) => ({ in: 'header' as const, ...i })));
      }
    }
    if (errors.length) violations.push({ method: req.method ?? '', url: req.url ?? '', status: a.status, errors });
  };
}

/** A bug in the mock, never a fault: answer 500 and record it so the self-check fails loudly. */
export function createCrashReporter(violations: SelfCheckViolation[]) {
  return (req: IncomingMessage, res: ServerResponse, err: unknown): void => {
    violations.push({
      method: req.method ?? '',
      url: req.url ?? '',
      status: 500,
      errors: [{ in: 'status', path: '', message: `mock crashed: ${(err as Error)?.message ?? String(err)}` }],
    });
    if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ code: MOCK_ERROR_CODES.serverError, message: 'Mock failure', status: 500 }));
  };
}
