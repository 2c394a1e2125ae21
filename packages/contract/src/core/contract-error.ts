/** One failure: where (`in` + JSON pointer `path`) and what, in words. */
export interface ContractIssue {
  readonly in: 'status' | 'body' | 'header' | 'path' | 'query';
  readonly path: string;
  readonly message: string;
}

/** Thrown by the `assert…` helpers; the message lists every failing JSON pointer so a test log is enough. */
export class ContractError extends Error {
  override readonly name = 'ContractError';
  constructor(
    readonly operationId: string,
    readonly context: string,
    readonly issues: readonly ContractIssue[],
  ) {
    super(formatIssues(operationId, context, issues));
  }
}

/** One line per issue: `  body /items/0/sid: must match pattern "^XX…"`. */
export function formatIssues(operationId: string, context: string, issues: readonly ContractIssue[]): string {
  const lines = issues.map((i) => `  ${i.in} ${i.path === '' ? '(root)' : i.path}: ${i.message}`);
  return `${operationId} ${context} does not satisfy the contract:\n${lines.join('\n')}`;
}
