/**
 * vitest helpers. A separate entry point so that the package root never loads vitest (an optional peer).
 */

export {
  type ContractSuiteOptions,
  type ContractTarget,
  defineContractSuite,
  FULL_CAPABILITIES,
  type TargetCapabilities,
} from './contract-suite.js';
export { installContractMatchers } from './install.js';
export { contractMatchers } from './matchers.js';
export { type NormalizedResponse, normalizeResponse } from './normalize.js';
