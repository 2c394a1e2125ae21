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
  /** A value passes when it passes one of these (a SID, or the name Twilio takes in its place). */
  readonly anyOf?: readonly ParameterRule[];
}

/** A request body field's rule: its schema's checkable keywords, and an array's item rule. */
export interface BodyFieldRule extends ParameterRule {
  readonly items?: ParameterRule;
}

export interface BodyFieldMeta {
  /** The name on the wire (`UniqueName`); the client's option is it with a lower-case first letter. */
  readonly name: string;
  /** The client's option name (`uniqueName`). */
  readonly option?: string;
  readonly required: boolean;
  readonly schema: BodyFieldRule;
}

export interface ParameterMeta {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  /** The client's option name (`PageSize` → `pageSize`). */
  readonly option?: string;
  /** What it is for: `path`, `filter`, `pageSize`, `page`, `pageToken`, `header` or `cookie`. */
  readonly role?: 'path' | 'filter' | 'pageSize' | 'page' | 'pageToken' | 'header' | 'cookie';
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
  /** The `{Name}` parameters of `path`, in path order: the client's positional arguments. */
  readonly pathParams?: readonly string[];
  readonly parameters: readonly ParameterMeta[];
  /** Set when the operation returns Twilio's list page: the items sit under `itemsKey`, paging under `meta`. */
  readonly list: {
    readonly itemsKey: string;
    /** The query parameters that page the list, by role (null where the operation has none). */
    readonly paging?: { readonly pageSize: string | null; readonly page: string | null; readonly pageToken: string | null };
  } | null;
  /** The item properties stated as `format: date-time`: what the client turns into `Date`s. */
  readonly dateFields?: readonly string[];
  /** The success response's status key (`'200'`, `'201'`, `'204'`, `'2XX'`) and whether it has a body. */
  readonly success?: { readonly status: string; readonly hasBody: boolean };
  /** The request body's media type and fields; null when the operation takes none. */
  readonly body?: { readonly mediaType: string; readonly fields: readonly BodyFieldMeta[] } | null;
}
