/**
 * The lifecycle `pnpm start` walks after the seeded table, read from the spec: every operation carrying `x-demo`
 * (a step number) is a step, in that order; the first is the seeded list, the rest run through the built CLI.
 * A step with request body examples runs once per example, with the example's fields as body flags. A path
 * parameter takes the mock's default parent, else the SID of the latest item a step created with that SID's
 * prefix (the walker's `sidPrefix`). Nothing here names a resource, an operation or a field.
 */

/** The parts of a built CLI command the demo reads (`commandsOfSpec()` of @twilio-proxy/cli). */
export interface DemoCommand {
  resource: string;
  action: string;
  operation: {
    operationId: string;
    summary?: string;
    list: object | null;
    pathParams: readonly string[];
    extensions: Readonly<Record<string, unknown>>;
    body: { mediaType: string; examples: readonly unknown[] } | null;
  };
  flags: readonly { name: string; in: string; parameter: { name: string; sidPrefix: string | null } }[];
  bodyFlags: readonly { name: string; repeated: boolean; field: { name: string } }[];
  defaultProperties: readonly string[];
  noun: { one: string; many: string };
}

/** The spec's extension that marks a demo step, with its place in the walk. */
export const DEMO_EXTENSION = 'x-demo';

/** The demo's steps, in order: commands whose operation carries a numeric `x-demo`. */
export function demoSteps<C extends DemoCommand>(commands: readonly C[]): C[] {
  const stepOf = (c: C) => c.operation.extensions[DEMO_EXTENSION];
  return commands.filter((c) => typeof stepOf(c) === 'number').sort((a, b) => (stepOf(a) as number) - (stepOf(b) as number));
}

/** The request body examples of a step (one empty body when it takes none). */
export function bodyExamples(command: DemoCommand): Record<string, unknown>[] {
  const given = command.operation.body?.examples ?? [];
  const all = given.length ? given : [{}];
  return all.filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null);
}

/** `--flag value` pairs for a body example, by the fields' wire names (arrays: the flag once per element). */
export function bodyArgs(command: DemoCommand, example: Record<string, unknown>): string[] {
  return Object.entries(example).flatMap(([name, value]) => {
    const flag = command.bodyFlags.find((b) => b.field.name === name);
    if (!flag) throw new Error(`${command.operation.operationId}: its example sets ${name}, which is not a body field`);
    const values = Array.isArray(value) ? value : [value];
    return values.flatMap((v) => [`--${flag.name}`, typeof v === 'object' ? JSON.stringify(v) : String(v)]);
  });
}

/** Path parameter values as the walk goes: the mock's parents, then what the steps created (by SID prefix). */
export function createPathValues(parents: Readonly<Record<string, string>>) {
  const created: string[] = [];
  return {
    /** `--<path flag> value` for every path parameter of a command; throws when one has no value yet. */
    pathArgs(command: DemoCommand): string[] {
      return command.flags
        .filter((f) => f.in === 'path')
        .flatMap((f) => {
          const prefix = f.parameter.sidPrefix;
          const value = parents[f.parameter.name] ?? (prefix ? created.findLast((sid) => sid.startsWith(prefix)) : undefined);
          if (!value) throw new Error(`${command.operation.operationId}: no value for {${f.parameter.name}} (no earlier step made one)`);
          return [`--${f.name}`, value];
        });
    },
    /** Records the SID of an item a step answered. */
    record(item: unknown): void {
      const sid = (item as { sid?: unknown } | null)?.sid;
      if (typeof sid === 'string') created.push(sid);
    },
  };
}
