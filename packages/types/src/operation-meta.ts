/** The constraints of a parameter's schema that a client can check before sending. */
export interface ParameterRule {
  readonly type?: string | readonly string[];
  readonly format?: string;
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly default?: unknown;
  readonly enum?: readonly unknown[];
}

export interface ParameterMeta {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly required: boolean;
  readonly schema: ParameterRule;
}

/** What the generator records of each operation of the spec. */
export interface OperationMeta {
  readonly method: 'GET' | 'PUT' | 'POST' | 'DELETE' | 'OPTIONS' | 'HEAD' | 'PATCH' | 'TRACE';
  readonly path: string;
  /** camelCase of the path's last literal segment, e.g. `orders`: the client's `client.<resource>`. */
  readonly resource: string;
  /** From the operationId verb: `list`, `fetch`, `create`, `update`, `remove` (else the camelCase operationId). */
  readonly action: string;
  /** The component schema of the item (lists) or of the body, e.g. `Order`. */
  readonly schema: string | null;
  readonly parameters: readonly ParameterMeta[];
  /** Set when the operation returns Twilio's list page: the items sit under `itemsKey`, paging under `meta`. */
  readonly list: { readonly itemsKey: string } | null;
}
