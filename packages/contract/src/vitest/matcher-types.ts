/**
 * The type of `toSatisfyContract`, as a global augmentation of `jest.Matchers`, which vitest's
 * `Assertion` extends. Global, so it needs no `vitest` module to resolve: the package root pulls it
 * in (type-only, vitest is never loaded), and a consumer whose tests import anything from
 * `@twilio-proxy/contract` gets the matcher typed with `setupFiles` alone.
 */
import type { OperationId } from '@twilio-proxy/types';

declare global {
  namespace jest {
    // biome-ignore lint/complexity/noBannedTypes: a merged declaration must repeat vitest's own type parameters, `T = {}`
    interface Matchers<R, T = {}> {
      /** Passes when the response (fetch Response, openapi-fetch result or `{ status, body, headers? }`) satisfies the spec. Await it. */
      toSatisfyContract(operationId: OperationId | (string & {})): Promise<R>;
    }
  }
}
