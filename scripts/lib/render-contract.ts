import { RESERVED_MEMBER_NAMES } from '../../packages/contract/src/reserved-names.js';
import {
  camelCase,
  collectionOfSchema,
  type JsonObject,
  pascalCase,
  type WalkedOperation,
  walkCollections,
} from '../../packages/types/src/walker/index.js';
import { docText, literal as q } from './emit.js';

/**
 * Names the contract package's generic API offers per schema and collection, for code written against one spec:
 *   factories.gen.ts  `create<Schema>Factory(options)` per item schema, parents as camelCase options and fields;
 *                     `random<Param>()` per parent path parameter
 *   names.gen.ts      the mock's and the suite's named fields: one per parent path parameter (`…Sid`), and per
 *                     listed collection its items and `add<Resource>()` (under the mock's default parents)
 * Names are only ever added as the spec grows: a parameter or collection keeps its field whatever is added above it.
 * The runtime reads the tables in names.gen.ts, so generated types and behaviour cannot drift apart.
 */

// The contract package keeps the list of its own members (typed against them), so a new member is reserved at once.
const RESERVED = RESERVED_MEMBER_NAMES;

const doc = (text: string | undefined): string => (text ? docText(text, { firstLine: true }).replace(/\.$/, '') : '');

export function renderContract(document: JsonObject, operations: readonly WalkedOperation[]): Map<string, string> {
  const collections = walkCollections(operations);
  const schemas: JsonObject = document.components?.schemas ?? {};

  // Parent parameters: every path parameter that names a collection's parent, root (nothing lists its values) or not.
  // Each is a stable named field: a spec that grows a collection owning one (a root resource listing {ParentSid}) keeps it.
  const parentParams = new Map<string, string>();
  for (const c of collections)
    for (const p of c.parents) if (!RESERVED.has(camelCase(p.param))) parentParams.set(camelCase(p.param), p.param);

  // Factories: one per item schema, its parents those of the walker's collectionOfSchema (the deepest that holds it).
  const factories: string[] = [
    "import type * as T from '@twilio-proxy/types';",
    "import { namedFactory, randomPathValue, type Factory, type FactoryOptions } from '../core/fixtures.js';",
    '',
  ];
  const done = new Set<string>();
  for (const c of collections) {
    if (!c.schema || done.has(c.schema) || !schemas[c.schema]?.properties) continue;
    done.add(c.schema);
    const owner = collectionOfSchema(collections, c.schema)!;
    const name = pascalCase(c.schema);
    const params = owner.parents.map((p) => p.param).filter((p) => !RESERVED.has(camelCase(p)));
    const about = doc(schemas[c.schema].description);
    factories.push(
      `/** Options of {@link create${name}Factory}: each parent path parameter's value by its camelCase name (drawn from the seed when not given). */`,
      `export interface ${name}FactoryOptions extends FactoryOptions {`,
      ...params.map((p) => `  /** The \`{${p}}\` the items sit under. */\n  ${camelCase(p)}?: string;`),
      '}',
      '',
      `/** A factory of \`${c.schema}\` items${about ? ` (${about})` : ''}. */`,
      `export interface ${name}Factory extends Factory<T.${name}> {`,
      ...params.map((p) => `  readonly ${camelCase(p)}: string;`),
      '}',
      '',
      `/** Deterministic, spec-valid \`${c.schema}\` items: \`createFactory(${q(c.schema)}, …)\` with named parents. */`,
      `export const create${name}Factory = (options: ${name}FactoryOptions = {}): ${name}Factory =>`,
      `  namedFactory<${name}Factory>(${q(c.schema)}, [${params.map(q).join(', ')}], options);`,
      '',
    );
  }

  for (const [k, v] of parentParams) {
    factories.push(
      `/** A fresh, random-looking \`{${v}}\` value (from the spec's pattern), e.g. for "unknown parent" checks. */`,
      `export const random${pascalCase(k)} = (seed?: number): string => randomPathValue(${q(v)}, seed);`,
      '',
    );
  }

  // Names: every listed collection, reached under the mock's default parent chain (the default item of each parent).
  const named = collections.filter((c) => c.list && c.schema && !RESERVED.has(c.resource));
  const adders = named.map((c) => [c, `add${pascalCase(c.resource)}`] as const).filter(([, add]) => !RESERVED.has(add));
  const under = (c: (typeof named)[number]) =>
    c.parents.length ? ` under the default ${c.parents.map((p) => `\`{${p.param}}\``).join(', ')}` : '';
  const names: string[] = [
    "import type * as T from '@twilio-proxy/types';",
    '',
    '/** Parent path parameters (each names the parent of a collection): camelCase name → parameter name. */',
    `export const PARENT_PARAMS = {${[...parentParams].map(([k, v]) => ` ${k}: ${q(v)}`).join(',')} } as const;`,
    '',
    '/** Listed collections: the mock field of their items under the default parents (the resource) → its adder (null: none). */',
    `export const NAMED_COLLECTIONS = {${named.map((c) => ` ${c.resource}: ${adders.some(([a]) => a === c) ? q(`add${pascalCase(c.resource)}`) : 'null'}`).join(',')} } as const;`,
    '',
    '/** Named options of `startMockProxy`: default parent values, and the items to serve per collection under them. */',
    'export interface MockNamedOptions {',
    ...[...parentParams].map(
      ([k, v]) => `  /** The default \`{${v}}\` the mock serves (drawn from the seed when not given). */\n  ${k}?: string;`,
    ),
    ...named.map(
      (c) =>
        `  /** The ${c.resource} to serve${under(c)}, in list order (default: generated ones). */\n  ${c.resource}?: T.${pascalCase(c.schema!)}[];`,
    ),
    '}',
    '',
    '/** Named fields of a running mock. */',
    'export interface MockNamedFields {',
    ...[...parentParams].map(
      ([k, v]) => `  /** The default \`{${v}}\` the mock serves (throws when its collection is empty). */\n  readonly ${k}: string;`,
    ),
    ...named.map(
      (c) =>
        `  /** The served ${c.resource}${under(c)}, in list order (live: follows adds and writes). */\n  readonly ${c.resource}: readonly T.${pascalCase(c.schema!)}[];`,
    ),
    ...adders.map(
      ([c, add]) =>
        `  /** Appends ${c.resource}${under(c)} (generated when given a count) at the end of the list; returns the new ones. */\n  ${add}(itemsOrCount: T.${pascalCase(c.schema!)}[] | number): T.${pascalCase(c.schema!)}[];`,
    ),
    '}',
    '',
    '/** Named parent values of a contract suite target (others are found by listing their collections). */',
    'export interface TargetNamedValues {',
    ...[...parentParams].map(([k, v]) => `  /** The \`{${v}}\` to test under. */\n  ${k}?: string;`),
    '}',
    '',
  ];
  return new Map([
    ['factories.gen.ts', `${factories.join('\n')}`],
    ['names.gen.ts', `${names.join('\n')}`],
  ]);
}
