import type { OperationId } from '@twilio-proxy/types';
import { formatIssues } from '../core/contract-error.js';
import { validateResponse } from '../core/validators.js';
import { type NormalizedResponse, normalizeResponse } from './normalize.js';

// The matcher's type (a global augmentation, see there).
export type {} from './matcher-types.js';

/** The matchers, for `expect.extend(contractMatchers)`. Async: always `await` them. */
export const contractMatchers = {
  async toSatisfyContract(received: unknown, operationId: OperationId | (string & {})) {
    let normalized: NormalizedResponse;
    try {
      normalized = await normalizeResponse(received);
    } catch (err) {
      return { pass: false, message: () => (err as Error).message };
    }
    const { status, body, headers } = normalized;
    const result = validateResponse(operationId, status, body, headers);
    return {
      pass: result.valid,
      message: () =>
        result.valid
          ? `expected the ${operationId} response ${status} not to satisfy the contract, but it does`
          : formatIssues(operationId, `response ${status}`, result.errors),
    };
  },
};
