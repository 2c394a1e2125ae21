import { expect } from 'vitest';
import { contractMatchers } from './matchers.js';

/** Adds `toSatisfyContract` to vitest's `expect`; safe to call more than once. */
export function installContractMatchers(): void {
  expect.extend(contractMatchers);
}
