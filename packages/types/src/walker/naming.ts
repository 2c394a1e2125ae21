/** How spec names become code names: one place, so the client, the CLI and the generator agree. */

const words = (s: string): string[] =>
  s
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);

/** `OrderItems` → `orderItems`, `proxy.v1.session` → `proxyV1Session`. */
export const camelCase = (s: string): string =>
  words(s)
    .map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase()))
    .join('');

/** `orderItems` → `OrderItems`. */
export const pascalCase = (s: string): string => {
  const c = camelCase(s);
  return c[0]!.toUpperCase() + c.slice(1);
};

/** `ServiceSid` → `service-sid`, `orderItems` → `order-items` (twilio-cli's flag style). */
export const kebabCase = (s: string): string =>
  words(s)
    .map((w) => w.toLowerCase())
    .join('-');

/** `ServiceSid` → `service_sid`: the property of an item that holds a parent path parameter's value. */
export const snakeCase = (s: string): string =>
  words(s)
    .map((w) => w.toLowerCase())
    .join('_');

/** The `{Name}` parameters of a path template, in path order. */
export const pathParamNames = (path: string): string[] => [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);

/** A path template with each `{Name}` replaced by `valueFor(name, index)`, the index counting in path order. */
export function fillPath(path: string, valueFor: (name: string, index: number) => string): string {
  let i = 0;
  return path.replace(/\{([^}]+)\}/g, (_m, name: string) => valueFor(name, i++));
}

/** The literal segments of a path template (`/v1/Stores/{StoreSid}/Orders` → v1, Stores, Orders). */
export const literalSegments = (path: string): string[] => path.split('/').filter((s) => s && !s.startsWith('{'));

/** Client action names from the operationId verb, as Stainless and twilio-cli name them. */
const VERBS: Record<string, string> = { List: 'list', Fetch: 'fetch', Create: 'create', Update: 'update', Delete: 'remove' };

/** `ListOrder` → `list`, `DeleteOrder` → `remove`; any other operationId becomes its own camelCase. */
export function actionOf(operationId: string): string {
  const verb = /^(List|Fetch|Create|Update|Delete)(?=[A-Z]|$)/.exec(operationId)?.[1];
  return verb ? VERBS[verb]! : camelCase(operationId);
}
