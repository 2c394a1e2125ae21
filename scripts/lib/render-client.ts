import { camelCase, type JsonObject, pascalCase, type WalkedOperation } from '../../packages/types/src/walker/index.js';
import { literal as q, tsdoc } from './emit.js';

const summaryOf = (op: WalkedOperation): string => op.summary ?? `${op.method} ${op.path}`;

/** The body fields a `Date` may be given for (date-time and date formats), as a union of quoted names. */
const dateFields = (op: WalkedOperation): string =>
  (op.body?.fields ?? [])
    .filter((f) => /^date/.test(f.schema.format ?? ''))
    .map((f) => q(f.name))
    .join(' | ');

/**
 * The client's generated facade: `client.<resource>.<action>(...pathParams, options?)` for every operation.
 * Each method is one call of a generic function of `src/core/resource.ts`; its types and TSDoc (the operation's
 * summary) sit in a generated interface per resource (`SessionsResource`), beside the names older code imports
 * (`List<Resource>Options`, `parse<Schema>Dates`, `<Schema>DateField`, the component schema types).
 */
export function renderClient(document: JsonObject, operations: readonly WalkedOperation[]): string {
  const schemas: JsonObject = document.components?.schemas ?? {};
  const used = new Set<string>(['OperationsApi']);
  const use = (...names: string[]) => {
    for (const n of names) used.add(n);
  };
  const byResource = new Map<string, WalkedOperation[]>();
  for (const op of operations) byResource.set(op.resource, [...(byResource.get(op.resource) ?? []), op]);

  const out: string[] = [
    '/** A path parameter of an operation, typed as the spec types it. */',
    "type PathParam<K extends keyof operations, P extends string> = operations[K]['parameters']['path'] extends infer T ? T[P & keyof T] : never;",
  ];

  const resources: string[] = [];
  const builders: string[] = [];
  for (const [resource, ops] of byResource) {
    const iface = `${pascalCase(resource)}Resource`;
    const members: string[] = [];
    const calls: string[] = [];
    for (const op of ops) {
      const id = q(op.operationId);
      const args = op.pathParams.map((p) => `${camelCase(p)}: PathParam<${id}, ${q(p)}>`).join(', ');
      const lead = args ? `${args}, ` : '';
      const summary = summaryOf(op);
      // RequestOptions beside the operation's own options, less any name the spec also uses (the spec's wins);
      // the final argument takes them all.
      const own = new Set(
        [...op.parameters.filter((p) => p.in === 'query').map((p) => p.name), ...(op.body?.fields ?? []).map((f) => f.name)].map(
          (n) => n[0]!.toLowerCase() + n.slice(1),
        ),
      );
      const clash = ['timeout', 'maxRetries', 'headers'].filter((n) => own.has(n));
      const req = clash.length ? `Omit<RequestOptions, ${clash.map(q).join(' | ')}>` : 'RequestOptions';
      const tail = ', requestOptions?: RequestOptions';
      if (op.list) {
        const options = `List${pascalCase(resource)}Options`;
        out.push(
          '',
          tsdoc(`Query options of ${op.operationId} (${summary}), in camelCase.`),
          `export type ${options} = QueryOptions<${id}>;`,
        );
        const item = `ListItem<${id}>`;
        const iter = clash.length ? `Omit<IterateOptions, ${clash.map(q).join(' | ')}>` : 'IterateOptions';
        members.push(
          tsdoc(`${summary}: \`await\` it for one page (with \`nextPage()\`), or \`for await\` every item.`, '  '),
          `  list(${lead}options?: ${options} & ${req}${tail}): PagePromise<${item}>;`,
          tsdoc(`${summary}: every item, lazily, one page fetched ahead.`, '  '),
          `  each(${lead}options?: ${options} & ${iter}${tail}): AsyncIterableIterator<${item}>;`,
          tsdoc(`${summary}: every item (up to \`limit\`), in an array.`, '  '),
          `  all(${lead}options?: ${options} & ${iter}${tail}): Promise<${item}[]>;`,
        );
        calls.push(`...listMethods(api, ${id})`);
        use('QueryOptions', 'RequestOptions', 'IterateOptions', 'ListItem', 'PagePromise', 'listMethods');
      } else {
        // Body fields sit beside the query options; the options are required when a body field is.
        const dates = dateFields(op);
        const body = op.body ? ` & BodyOptions<${id}${dates ? `, ${dates}` : ''}>` : '';
        const optional = op.body?.fields.some((f) => f.required) ? '' : '?';
        members.push(
          tsdoc(summary, '  '),
          `  ${op.action}(${lead}options${optional}: QueryOptions<${id}>${body} & ${req}${tail}): Promise<SuccessBody<${id}>>;`,
        );
        calls.push(`${op.action}: requestMethod(api, ${id})`);
        use('QueryOptions', 'RequestOptions', 'SuccessBody', 'requestMethod', ...(body ? ['BodyOptions'] : []));
      }
    }
    out.push(
      '',
      tsdoc(`\`client.${resource}\`: ${ops.map((o) => o.operationId).join(', ')}.`),
      `export interface ${iface} {`,
      ...members,
      '}',
    );
    resources.push(tsdoc(ops.map(summaryOf).join('; '), '  '), `  readonly ${resource}: ${iface};`);
    builders.push(`  ${resource}: { ${calls.join(', ')} },`);
  }

  out.push(
    '',
    '/** The resources of the spec, as `client.<resource>`. */',
    'export interface Resources {',
    ...resources,
    '}',
    '',
    '/** `client.<resource>.<action>` over the generic API: each method is one call of a generic function. */',
    'export const createResources = (api: OperationsApi): Resources => ({',
    ...builders,
    '});',
  );

  // Per item schema with date-time fields (the walker's `dateFields` of an operation on it): its date helpers.
  const fieldsOf = new Map<string, readonly string[]>();
  for (const o of operations) if (o.schema && o.dateFields.length && !fieldsOf.has(o.schema)) fieldsOf.set(o.schema, o.dateFields);
  const dated = [...fieldsOf.keys()];
  for (const name of dated) {
    const type = pascalCase(name);
    const fields = `[${fieldsOf.get(name)!.map(q).join(', ')}]`;
    out.push(
      '',
      tsdoc(`The date-time fields of a ${type}.`),
      `export type ${type}DateField = DateField<${type}>;`,
      tsdoc(`\`parseDates\` for a ${type}: a copy whose date-time strings (${fieldsOf.get(name)!.join(', ')}) are \`Date\`s.`),
      `export const parse${type}Dates = <T extends object = ${type}>(item: T): WithDates<T> => parseDates(item, ${fields});`,
    );
  }
  if (dated.length) use('parseDates', 'DateField', 'WithDates');

  // Only what the code above uses is imported; `type` marks what is erased.
  const from = (module: string, values: string[], types: string[]): string[] => {
    const names = [
      ...values.filter((n) => used.has(n)),
      ...types.filter((n) => used.has(n)).map((n) => (values.some((v) => used.has(v)) ? `type ${n}` : n)),
    ];
    if (!names.length) return [];
    return [`import ${values.some((v) => used.has(v)) ? '' : 'type '}{ ${names.join(', ')} } from '${module}';`];
  };
  const head = [
    // The date helpers name their schema types, which are also re-exported below.
    `import type { operations${dated.map((n) => `, ${pascalCase(n)}`).join('')} } from '@twilio-proxy/types';`,
    ...from('../core/dates.js', ['parseDates'], ['DateField', 'WithDates']),
    ...from('../core/pagination.js', [], ['IterateOptions', 'ListItem', 'PagePromise']),
    ...from('../core/request.js', [], ['BodyOptions', 'QueryOptions', 'RequestOptions', 'SuccessBody']),
    ...from('../core/resource.js', ['listMethods', 'requestMethod'], ['OperationsApi']),
    '',
    `export type { ${Object.keys(schemas).map(pascalCase).join(', ')} } from '@twilio-proxy/types';`,
    '',
  ];
  return `${[...head, ...out].join('\n')}\n`;
}
