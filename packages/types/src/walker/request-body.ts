import { componentName, deref } from './deref.js';
import type { JsonObject } from './json-object.js';
import { kebabCase } from './naming.js';
import { typeOf } from './schema-values.js';

/** One field of a request body: a property of its (object) schema. */
export interface WalkedBodyField {
  /** The name on the wire, as the spec writes it (`UniqueName`). */
  readonly name: string;
  /** The client's option name: the wire name with a lower-case first letter (`uniqueName`), like query options. */
  readonly option: string;
  /** The CLI's flag name, twilio-cli style (`unique-name`). */
  readonly flag: string;
  readonly required: boolean;
  /** The field's schema, dereferenced (an enum component is inlined). */
  readonly schema: JsonObject;
  /** `string`, `integer`, `number`, `boolean`, `array` or `object` (the first non-null type; an untyped enum is a string). */
  readonly type: string;
  /** The item schema of an array field, dereferenced. */
  readonly items?: JsonObject;
  readonly description?: string;
}

/** What an operation sends as its body. */
export interface WalkedRequestBody {
  /** `application/x-www-form-urlencoded` when the spec offers it (Twilio's writes), else its first media type. */
  readonly mediaType: string;
  readonly required: boolean;
  /** The body schema, dereferenced. */
  readonly schema: JsonObject;
  readonly schemaName: string | null;
  /** The top-level fields, in the spec's order. */
  readonly fields: readonly WalkedBodyField[];
  /** The media type's example values: each of `examples` (their `value`), else its one `example`, else none. */
  readonly examples: readonly unknown[];
}

const FORM = 'application/x-www-form-urlencoded';

export function walkRequestBody(doc: JsonObject, requestBody: JsonObject | undefined): WalkedRequestBody | null {
  const body = deref(doc, requestBody);
  const content: JsonObject = body?.content ?? {};
  const mediaType = FORM in content ? FORM : Object.keys(content)[0];
  if (!mediaType) return null;
  const raw: JsonObject | undefined = content[mediaType]?.schema;
  const schema = deref(doc, raw) ?? {};
  const required = new Set<string>(schema.required ?? []);
  const fields = Object.entries<JsonObject>(schema.properties ?? {}).map(([name, prop]): WalkedBodyField => {
    const s = deref(doc, prop) ?? {};
    const type = typeOf(s);
    const items = type === 'array' ? deref(doc, s.items) : undefined;
    const description = prop.description ?? s.description;
    return {
      name,
      option: name[0]!.toLowerCase() + name.slice(1),
      flag: kebabCase(name),
      required: required.has(name),
      schema: s,
      type,
      ...(items ? { items } : {}),
      ...(description ? { description } : {}),
    };
  });
  const media: JsonObject = content[mediaType] ?? {};
  const many = Object.values<JsonObject>(media.examples ?? {}).map((e) => deref(doc, e)?.value);
  const examples = many.length ? many : media.example === undefined ? [] : [media.example];
  return { mediaType, required: body?.required === true, schema, schemaName: componentName(raw), fields, examples };
}
