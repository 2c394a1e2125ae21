export { commandHelp } from './command-help.js';
export { mainHelp, resourceHelp } from './main-help.js';
export { BIN, invocation } from './shared.js';
