import { dateFieldsOf } from './date-fields.js';
import { componentName, deref } from './deref.js';
import type { JsonObject } from './json-object.js';
import { actionOf, pathParamNames } from './naming.js';
import { flagName, type ListPaging, listPaging, optionName, type ParameterRole, parameterRole } from './parameters.js';
import { type WalkedRequestBody, walkRequestBody } from './request-body.js';
import { nameResources } from './resource-names.js';
import { type WalkedResponse, walkResponses } from './responses.js';
import { type SidOrName, sidOrNameOf, sidShapeOf } from './sid-shape.js';
import { type WalkedSuccess, walkSuccess } from './success-response.js';

/** The one walker over an OpenAPI document: the generator, the validators, the mock and the CLI all read operations through it. */

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = Uppercase<(typeof HTTP_METHODS)[number]>;

export interface WalkedParameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly required: boolean;
  readonly description?: string;
  readonly schema: JsonObject;
  /** The SID prefix its pattern states (`'KS'` for `^KS[0-9a-fA-F]{32}$`; of the SID branch under `orName`), else null. */
  readonly sidPrefix: string | null;
  /** Set when the parameter takes a name in place of the SID (`sidOrNameOf`): both branches and the item property the name matches. */
  readonly orName?: SidOrName;
  /** What it is for: `path`, `filter` (any other query of a list), a paging role, `header` or `cookie`. */
  readonly role: ParameterRole;
  /** The client's option name (`PageSize` → `pageSize`). */
  readonly option: string;
  /** The CLI's flag name (`ServiceSid` → `service-sid`). */
  readonly flag: string;
}

export interface WalkedOperation {
  readonly operationId: string;
  readonly method: HttpMethod;
  readonly path: string;
  readonly summary?: string;
  readonly description?: string;
  /** Path-level parameters merged with the operation's: an operation-level one overrides the same `in` + `name`. */
  readonly parameters: readonly WalkedParameter[];
  /** The `{Name}` parameters in path order: the client's positional arguments. */
  readonly pathParams: readonly string[];
  /** Every documented response by its status key (`'200'`, `'4XX'`, `'default'`…); see `responseKeyFor`. */
  readonly responsesByStatus: Readonly<Record<string, WalkedResponse>>;
  /** The success response: its status, numeric code, media type, body schema (null for a 204) and headers. */
  readonly success: WalkedSuccess;
  /** The request body, with its fields; null when the operation takes none. */
  readonly body: WalkedRequestBody | null;
  /** Set when the success body is a Twilio list page: items under `itemsKey`, paging under `meta`, and the parameters that page it. */
  readonly list: { readonly itemsKey: string; readonly paging: ListPaging } | null;
  /** The item schema of a list, else the success body schema (dereferenced); null when there is no body. */
  readonly item: JsonObject | null;
  /** The properties of `item` stated as `format: date-time` (a client's `Date`s). */
  readonly dateFields: readonly string[];
  /** The component schema of the item (lists) or of the body (other operations), when the spec names one (by `$ref`). */
  readonly schema: string | null;
  /**
   * camelCase of the path's last literal segment (`Orders` → `orders`), or the name the spec declares with
   * `x-twilio-proxy: { resource }`. Never derived from other collections, so a spec that grows renames nothing.
   */
  readonly resource: string;
  /** `list`, `fetch`, `create`, `update`, `remove`, or the camelCase operationId. */
  readonly action: string;
  /** `x-*` keys of the path item, then of the operation (which win). */
  readonly extensions: Readonly<JsonObject>;
}

/** A list page has a `meta` with `next_page_url` and `key` beside exactly one array of items. */
function listShape(doc: JsonObject, body: JsonObject | undefined): { itemsKey: string } | null {
  const props: JsonObject | undefined = body?.properties;
  const meta = deref(doc, props?.meta)?.properties;
  if (!props || !meta?.next_page_url || !meta.key) return null;
  const arrays = Object.keys(props).filter((k) => k !== 'meta' && deref(doc, props[k])?.type === 'array');
  return arrays.length === 1 ? { itemsKey: arrays[0]! } : null;
}

const extensionsOf = (o: JsonObject): JsonObject => Object.fromEntries(Object.entries(o).filter(([k]) => k.startsWith('x-')));

/** Every operation of the document, in path order then method order: deterministic for generated code. */
export function walkOperations(document: unknown): WalkedOperation[] {
  const doc = document as JsonObject;
  const found: Omit<WalkedOperation, 'resource'>[] = [];
  const collectionOf = new Map<string, string>();
  for (const path of Object.keys(doc.paths ?? {}).sort()) {
    const item: JsonObject = doc.paths[path];
    for (const method of HTTP_METHODS) {
      const op: JsonObject | undefined = item[method];
      if (!op?.operationId) continue;
      const success = walkSuccess(doc, op.responses ?? {});
      const page = listShape(doc, success.schema ?? undefined);
      const byKey = new Map<string, WalkedParameter>();
      for (const raw of [...(item.parameters ?? []), ...(op.parameters ?? [])]) {
        const p = deref(doc, raw)!;
        const schema: JsonObject = deref(doc, p.schema) ?? {};
        const orName = sidOrNameOf(schema);
        byKey.set(`${p.in}:${p.name}`, {
          name: p.name,
          in: p.in,
          required: p.required === true,
          ...(p.description ? { description: p.description } : {}),
          schema,
          sidPrefix: sidShapeOf(orName?.sid ?? schema)?.prefix ?? null,
          ...(orName ? { orName } : {}),
          role: parameterRole(p, page !== null),
          option: optionName(p.name),
          flag: flagName(p.name),
        });
      }
      const parameters = [...byKey.values()];
      const list = page && { ...page, paging: listPaging(parameters) };
      const rawItem = list ? deref(doc, success.schema?.properties?.[list.itemsKey])?.items : undefined;
      const walkedItem = list ? (deref(doc, rawItem) ?? null) : success.schema;
      found.push({
        operationId: op.operationId,
        method: method.toUpperCase() as HttpMethod,
        path,
        ...(op.summary ? { summary: op.summary } : {}),
        ...(op.description ? { description: op.description } : {}),
        parameters,
        pathParams: pathParamNames(path),
        responsesByStatus: walkResponses(doc, op.responses),
        success,
        body: walkRequestBody(doc, op.requestBody),
        list,
        item: walkedItem,
        dateFields: dateFieldsOf(doc, walkedItem),
        schema: list ? componentName(rawItem) : success.schemaName,
        action: actionOf(op.operationId),
        extensions: { ...extensionsOf(item), ...extensionsOf(op) },
      });
      // The collection a path belongs to ends at its last literal segment: /Orders and /Orders/{Sid} share one.
      const segments = path.split('/');
      while (segments.length && segments.at(-1)!.startsWith('{')) segments.pop();
      collectionOf.set(path, segments.join('/'));
    }
  }
  const resourceOf = nameResources(
    found.map((op) => ({ collection: collectionOf.get(op.path)!, path: op.path, extensions: op.extensions })),
  );
  const operations = found.map((op) => ({ ...op, resource: resourceOf.get(collectionOf.get(op.path)!)! }));
  const seen = new Map<string, string>();
  for (const op of operations) {
    const key = `${op.resource}.${op.action}`;
    if (seen.has(key)) throw new Error(`${op.operationId} and ${seen.get(key)} both map to ${key}; rename one operationId`);
    seen.set(key, op.operationId);
  }
  return operations;
}

/** One operation by operationId, with the spec's operationIds in the error when it is unknown. */
export function findOperation(operations: readonly WalkedOperation[], operationId: string): WalkedOperation {
  const op = operations.find((o) => o.operationId === operationId);
  if (!op)
    throw new Error(`Unknown operationId ${JSON.stringify(operationId)}; the spec has ${operations.map((o) => o.operationId).join(', ')}`);
  return op;
}
