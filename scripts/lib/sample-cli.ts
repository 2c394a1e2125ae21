import type { Command } from '../../packages/cli/src/core/commands.js';
import { elementsOf, formText, type SampleInputs } from './sample-inputs.js';
import { shellCommand, shellWord } from './sample-shell.js';

/** The CLI's bin, as users run it once `@twilio-proxy/cli` is installed. */
export const CLI_BIN = 'twilio-proxy';

/**
 * `twilio-proxy <resource> <action> --flag value …` for one command of the CLI's table: the flags the CLI
 * derives from the parameter and body field names, a repeated field given once per element, and `--yes` on a
 * command that asks before it removes (a sample runs where nobody answers).
 */
export function renderCliSample(command: Command, inputs: SampleInputs): string {
  const options: string[] = [];
  for (const input of [...inputs.path, ...inputs.query]) {
    const flag = command.flags.find((f) => f.parameter.name === input.name && f.in === input.in);
    if (!flag) throw new Error(`${command.resource} ${command.action} has no flag for ${input.in} parameter ${input.name}`);
    options.push(`--${flag.name} ${shellWord(formText(input.value))}`);
  }
  for (const input of inputs.body) {
    const flag = command.bodyFlags.find((f) => f.field.name === input.name);
    if (!flag) throw new Error(`${command.resource} ${command.action} has no flag for body field ${input.name}`);
    for (const v of flag.repeated ? elementsOf(input.value) : [input.value]) options.push(`--${flag.name} ${shellWord(formText(v))}`);
  }
  if (command.confirm) options.push('--yes');
  return shellCommand(`${CLI_BIN} ${command.resource} ${command.action}`, options);
}
