import { fillPath, type WalkedOperation } from '../../packages/types/src/walker/index.js';
import { elementsOf, formText, type SampleInputs } from './sample-inputs.js';
import { shellCommand, shellWord } from './sample-shell.js';

/** How the curl sample authenticates: the same variables the client and the CLI read, expanded by the shell. */
export const CURL_AUTH = '-u "$TWILIO_ACCOUNT_SID:$TWILIO_AUTH_TOKEN"';

/** The operation's URL on `serverUrl` with the sample's path values and query parameters. */
export function sampleUrl(serverUrl: string, op: WalkedOperation, inputs: SampleInputs): string {
  const value = new Map(inputs.path.map((p) => [p.name, formText(p.value)]));
  const path = fillPath(op.path, (name) => encodeURIComponent(value.get(name) ?? name));
  const query = new URLSearchParams();
  for (const q of inputs.query) for (const v of elementsOf(q.value)) query.append(q.name, formText(v));
  const search = query.toString();
  return `${serverUrl.replace(/\/+$/, '')}${path}${search ? `?${search}` : ''}`;
}

/**
 * `curl` as Twilio's docs write it: the method when it is not GET, the URL (query included), one
 * `--data-urlencode Name=value` per form field (an array's field once per element), and Basic auth from the
 * environment. A form body is `application/x-www-form-urlencoded`, curl's default for `--data-urlencode`.
 */
export function renderCurlSample(serverUrl: string, op: WalkedOperation, inputs: SampleInputs): string {
  const head = op.method === 'GET' ? 'curl' : `curl -X ${op.method}`;
  const options = [shellWord(sampleUrl(serverUrl, op, inputs))];
  for (const b of inputs.body)
    for (const v of elementsOf(b.value)) options.push(`--data-urlencode ${shellWord(`${b.name}=${formText(v)}`)}`);
  options.push(CURL_AUTH);
  return shellCommand(head, options);
}
