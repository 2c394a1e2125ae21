import { type OperationMeta, operationsMeta } from '@twilio-proxy/types';
import { fillPath, pathParamNames } from '@twilio-proxy/types/walker';

/** One path template of the spec and the operations on it by method. */
export interface Route {
  readonly path: string;
  readonly params: readonly string[];
  readonly methods: ReadonlyMap<string, { readonly operationId: string; readonly meta: OperationMeta }>;
  readonly regex: RegExp;
}

export interface RouteMatch {
  readonly route: Route;
  /** Path parameter values, percent-decoded (kept raw when the encoding is broken). */
  readonly values: Record<string, string>;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^$()|[\]\\]/g, '\\$&');

/** Routes from `operationsMeta`: every operation of the spec, whatever its method. */
export function createRouter(table: Readonly<Record<string, OperationMeta>> = operationsMeta) {
  const byPath = new Map<string, Map<string, { operationId: string; meta: OperationMeta }>>();
  for (const [operationId, meta] of Object.entries(table)) {
    const methods = byPath.get(meta.path) ?? new Map();
    methods.set(meta.method, { operationId, meta });
    byPath.set(meta.path, methods);
  }
  // Fewer parameters first: a literal segment wins over a parameter in the same place.
  const routes: Route[] = [...byPath]
    .map(([path, methods]) => ({
      path,
      params: pathParamNames(path),
      methods,
      regex: new RegExp(`^${fillPath(escapeRegExp(path), () => '([^/]+)')}$`),
    }))
    .sort((a, b) => a.params.length - b.params.length || (a.path < b.path ? -1 : 1));

  return {
    routes,
    match(pathname: string): RouteMatch | undefined {
      for (const route of routes) {
        const m = route.regex.exec(pathname);
        if (!m) continue;
        const values: Record<string, string> = {};
        route.params.forEach((name, i) => {
          try {
            values[name] = decodeURIComponent(m[i + 1]!);
          } catch {
            values[name] = m[i + 1]!;
          }
        });
        return { route, values };
      }
      return undefined;
    },
  };
}
