/**
 * vitest helpers. A separate entry point so that the package root never loads vitest (an optional peer).
 */
export { contractMatchers } from './matchers.js';
export { installContractMatchers } from './install.js';
export { normalizeResponse, type NormalizedResponse } from './normalize.js';
export {
  defineContractSuite,
  FULL_CAPABILITIES,
  type ContractSuiteOptions,
  type ContractTarget,
  type TargetCapabilities,
} from './contract-suite.js';
