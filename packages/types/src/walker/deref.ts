import type { JsonObject } from './json-object.js';

/** Follows local `$ref`s (`#/components/…`) to what they name; a value without one is returned as is. */
export function deref(doc: JsonObject, value: JsonObject | undefined): JsonObject | undefined {
  let v = value;
  for (let i = 0; v?.$ref && i < 20; i++) {
    v = (v.$ref as string)
      .replace(/^#\//, '')
      .split('/')
      .reduce((o: JsonObject | undefined, k) => o?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
  }
  return v;
}

/**
 * The component schema name a schema stands for: its `$ref` in a bundled document, or the
 * `x-component-name` mark `pnpm generate` leaves on each component it inlines in the dereferenced one.
 * Never found by comparing content: two equal schemas are still two names.
 */
export function componentName(schema: JsonObject | undefined): string | null {
  if (!schema) return null;
  if (typeof schema.$ref === 'string') return /^#\/components\/schemas\/(.+)$/.exec(schema.$ref)?.[1] ?? null;
  return typeof schema[COMPONENT_MARK] === 'string' ? schema[COMPONENT_MARK] : null;
}

/** The key `pnpm generate` marks inlined component schemas with. */
export const COMPONENT_MARK = 'x-component-name';

/**
 * A copy of a bundled document with every local `$ref` inlined (siblings of a `$ref` win over what it names),
 * and each component schema marked with its name, so walkers of the copy still know which component a schema is.
 * A reference cycle is left as its `$ref`. Built for run time (the packages ship the bundled spec and dereference
 * it on first use): what a `$ref` names is inlined once and shared by every place that names it (each place gets
 * its own top-level object, for its mark and siblings), and a subtree holding no `$ref` is the input's own object,
 * not a copy. So treat both the input and the result as read-only.
 */
export function dereferenceDocument(doc: JsonObject): JsonObject {
  // A target inlined without meeting a cycle reads the same from every place, so it is shared.
  const done = new Map<string, JsonObject>();
  let cycles = 0;
  const inline = (value: unknown, seen: readonly string[]): unknown => {
    if (!value || typeof value !== 'object') return value;
    if (Array.isArray(value)) {
      let copy: unknown[] | undefined;
      for (let i = 0; i < value.length; i++) {
        const v = inline(value[i], seen);
        if (v === value[i]) continue;
        copy ??= value.slice();
        copy[i] = v;
      }
      return copy ?? value;
    }
    const $ref = (value as JsonObject).$ref;
    if (typeof $ref === 'string' && $ref.startsWith('#/')) {
      if (!seen.includes($ref)) {
        const { $ref: _, ...rest } = value as JsonObject;
        let target = done.get($ref);
        if (!target) {
          const before = cycles;
          target = inline(deref(doc, { $ref }), [...seen, $ref]) as JsonObject;
          if (cycles === before) done.set($ref, target);
        }
        const name = componentName({ $ref });
        return { ...target, ...(name ? { [COMPONENT_MARK]: name } : {}), ...(inline(rest, seen) as JsonObject) };
      }
      cycles++;
    }
    // Copied only when a member changed: most of a spec (descriptions, examples, enums) holds no `$ref`.
    let copy: JsonObject | undefined;
    for (const k in value as JsonObject) {
      const own = (value as JsonObject)[k];
      const v = inline(own, seen);
      if (v === own) continue;
      copy ??= { ...(value as JsonObject) };
      copy[k] = v;
    }
    return copy ?? value;
  };
  const out = { ...(inline(doc, []) as JsonObject) };
  const schemas = out.components?.schemas as Record<string, JsonObject> | undefined;
  if (schemas) {
    const marked = Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, { ...schema, [COMPONENT_MARK]: name }]));
    out.components = { ...out.components, schemas: marked };
  }
  return out;
}
