import type { JsonObject } from './json-object.js';
import { camelCase, literalSegments } from './naming.js';

/** The extension a spec author names a resource with, on a path item or an operation: `x-twilio-proxy: { resource: 'serviceInteractions' }`. */
export const NAMING_EXTENSION = 'x-twilio-proxy';

/** One operation's say in its collection's name: where it sits and its `x-*` keys (path item, then operation). */
export interface NamingInput {
  /** The collection path (up to its last literal segment). */
  readonly collection: string;
  /** The operation's own path, named in errors. */
  readonly path: string;
  readonly extensions: Readonly<JsonObject>;
}

const IDENTIFIER = /^[a-z][A-Za-z0-9]*$/;

/** The name an operation's extensions declare for its resource, if any; a malformed hint is an error naming the path. */
function declaredName(input: NamingInput): string | null {
  const hint = input.extensions[NAMING_EXTENSION];
  if (hint === undefined || (typeof hint === 'object' && hint !== null && !('resource' in hint))) return null;
  const name = (hint as JsonObject | null)?.resource;
  if (typeof name !== 'string' || !IDENTIFIER.test(name))
    throw new Error(
      `${input.path}: ${NAMING_EXTENSION}.resource must be a camelCase name (e.g. 'serviceInteractions'), got ${JSON.stringify(name)}`,
    );
  return name;
}

/**
 * Names each collection: the name its operations declare (`x-twilio-proxy.resource`), else camelCase of its last
 * literal segment. A name depends only on its own collection, so adding one never renames another; two
 * collections that would share a name fail the walk, naming both paths and how to settle it in the spec.
 */
export function nameResources(inputs: readonly NamingInput[]): Map<string, string> {
  const declared = new Map<string, { name: string; path: string }>();
  for (const input of inputs) {
    const name = declaredName(input);
    if (name === null) continue;
    const had = declared.get(input.collection);
    if (had && had.name !== name)
      throw new Error(
        `${had.path} and ${input.path} declare different ${NAMING_EXTENSION}.resource names (${had.name}, ${name}) for one collection`,
      );
    declared.set(input.collection, { name, path: input.path });
  }
  const names = new Map<string, string>();
  const owner = new Map<string, string>();
  for (const collection of new Set(inputs.map((i) => i.collection))) {
    const name = declared.get(collection)?.name ?? camelCase(literalSegments(collection).at(-1) ?? 'root');
    const other = owner.get(name);
    if (other !== undefined)
      throw new Error(
        `resource name clash: ${other} and ${collection} would both be '${name}'. Settle it in the spec: give the new ` +
          `collection its own name with ${NAMING_EXTENSION}: { resource: '<name>' } on its path item (an existing name never changes)`,
      );
    owner.set(name, collection);
    names.set(collection, name);
  }
  return names;
}
