import { buildCommands, PAGE_SIZE_PARAMETER } from '../../packages/cli/src/core/commands.js';
import { defaultBaseUrlOf, dereferenceDocument, type JsonObject, walkOperations } from '../../packages/types/src/walker/index.js';
import { renderCliSample } from './sample-cli.js';
import { renderClientSample } from './sample-client.js';
import { renderCurlSample } from './sample-curl.js';
import { sampleInputs } from './sample-inputs.js';

/** One entry of Redocly's `x-codeSamples`: `lang` picks the highlighting, `label` names the tab. */
export interface CodeSample {
  readonly lang: string;
  readonly label: string;
  readonly source: string;
}

/** The three samples of every operation, in the tabs' order: the client, the CLI, curl. */
export const SAMPLE_KINDS = [
  { kind: 'client', lang: 'TypeScript', label: 'TypeScript client' },
  { kind: 'cli', lang: 'Shell', label: 'twilio-proxy CLI' },
  { kind: 'curl', lang: 'Shell', label: 'curl' },
] as const;
export type SampleKind = (typeof SAMPLE_KINDS)[number]['kind'];

/** The samples of one operation, by kind and as `x-codeSamples` entries. */
export interface OperationSamples {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  readonly byKind: Readonly<Record<SampleKind, string>>;
  readonly codeSamples: readonly CodeSample[];
}

/** The server a curl sample calls: the document's first. */
export function serverUrlOf(document: JsonObject): string {
  return defaultBaseUrlOf(document);
}

/**
 * Every operation's samples, derived from the one walker (the client's resource and action), the CLI's command
 * table (its flags) and the spec's server: nothing is written per operation. `document` is bundled (a `$ref`
 * may remain; it is dereferenced here as the generator does).
 */
export function codeSamplesOf(document: JsonObject): OperationSamples[] {
  const doc = dereferenceDocument(document);
  const server = serverUrlOf(doc);
  const commands = buildCommands(doc);
  return walkOperations(doc).map((op) => {
    const command = commands.find((c) => c.operation.operationId === op.operationId);
    if (!command) throw new Error(`the CLI has no command for ${op.operationId}`);
    const inputs = sampleInputs(op, PAGE_SIZE_PARAMETER);
    const byKind: Record<SampleKind, string> = {
      client: renderClientSample(op, inputs),
      cli: renderCliSample(command, inputs),
      curl: renderCurlSample(server, op, inputs),
    };
    const codeSamples = SAMPLE_KINDS.map(({ kind, lang, label }) => ({ lang, label, source: byKind[kind] }));
    return { operationId: op.operationId, method: op.method, path: op.path, byKind, codeSamples };
  });
}

/**
 * The Redocly config of the HTML docs: Redoc shows only the `x-codeSamples` whose label (or lang) is one of
 * `openapi.codeSamples.languages` (by default curl, JavaScript, Node.js, …), so the three tabs are listed, in order.
 */
export function docsConfig(): JsonObject {
  const languages = SAMPLE_KINDS.map(({ lang, label }) => ({ lang, label }));
  return { telemetry: 'off', openapi: { codeSamples: { languages } } };
}

/** A copy of the bundled `document` with `x-codeSamples` on every operation (what the HTML docs are built from). */
export function withCodeSamples(document: JsonObject): JsonObject {
  const out = structuredClone(document);
  for (const s of codeSamplesOf(document)) out.paths[s.path][s.method.toLowerCase()]['x-codeSamples'] = s.codeSamples;
  return out;
}
