// The read-only contract suite, in `contract-suite/`: its options (`options.ts`), the probe that sends a
// target's requests (`probe.ts`), the list, fetch and common tests, and `defineContractSuite` (`suite.ts`).
// This file keeps the import path stable.
export {
  type ContractSuiteOptions,
  type ContractTarget,
  FULL_CAPABILITIES,
  type TargetCapabilities,
} from './contract-suite/options.js';
export { defineContractSuite } from './contract-suite/suite.js';
