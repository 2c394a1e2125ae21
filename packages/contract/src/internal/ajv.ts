import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsImport from 'ajv-formats';

// ajv-formats is CommonJS; under NodeNext its default import is the module object on some resolutions.
const addFormats = ((addFormatsImport as { default?: typeof addFormatsImport.default }).default ??
  addFormatsImport) as typeof addFormatsImport.default;

let ajv: Ajv2020 | undefined;
const cache = new Map<string, ValidateFunction>();

/** One shared ajv (JSON Schema 2020-12, formats on); `strict: false` because OpenAPI adds `example`, `x-*`. */
export function sharedAjv(): Ajv2020 {
  if (!ajv) {
    ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: true });
    addFormats(ajv);
  }
  return ajv;
}

/**
 * Compiles a schema once per cache key. Formats ajv does not know (Twilio's `uri-map`, `phone-number`, …)
 * are registered as always valid first: a tolerant reader, and no warning or crash on a spec that uses them.
 */
export function compiled(key: string, schema: unknown): ValidateFunction {
  let fn = cache.get(key);
  if (!fn) {
    const instance = sharedAjv();
    for (const format of formatsIn(schema)) if (!instance.formats[format]) instance.addFormat(format, true);
    fn = instance.compile(schema as object);
    cache.set(key, fn);
  }
  return fn;
}

/** Every `format` value used anywhere in a schema. */
function formatsIn(schema: unknown, found = new Set<string>(), seen = new Set<object>()): Set<string> {
  if (schema === null || typeof schema !== 'object' || seen.has(schema)) return found;
  seen.add(schema);
  const s = schema as Record<string, unknown>;
  if (typeof s.format === 'string') found.add(s.format);
  for (const v of Object.values(s)) formatsIn(v, found, seen);
  return found;
}

/** Turns ajv errors into JSON-pointer paths that point at the offending value itself. */
export function ajvIssues(errors: readonly ErrorObject[] | null | undefined, prefix = ''): Array<{ path: string; message: string }> {
  return (errors ?? []).map((e) => {
    let path = prefix + e.instancePath;
    let message = e.message ?? 'is invalid';
    // The params ajv documents for these three keywords (its RequiredError, AdditionalPropertiesError, EnumError).
    const params = e.params as { missingProperty: string; additionalProperty: string; allowedValues: unknown[] };
    if (e.keyword === 'required') {
      path += `/${escapePointer(params.missingProperty)}`;
      message = 'is required but missing';
    } else if (e.keyword === 'additionalProperties') {
      path += `/${escapePointer(params.additionalProperty)}`;
      message = 'is not allowed';
    } else if (e.keyword === 'enum') {
      message = `must be one of ${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    }
    return { path, message };
  });
}

export function escapePointer(token: string): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}
