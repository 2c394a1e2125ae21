import { operationsMeta } from '@twilio-proxy/types';
import { describe, expect, it } from 'vitest';
import { bundledSize, SIZE_BUDGET } from './helpers/bundle-size.js';

/**
 * Issue 11 targeted ≤ 5 kB min+gzip for the whole client, openapi-fetch (2.6 kB of it alone) and the generated
 * facade included; issue 25 made it a budget that scales (SIZE_BUDGET): a base (the client's own code and
 * openapi-fetch: the facade, list() as a page promise and client.request(), writes with form bodies and their
 * checks, "did you mean" hints, the credentials resolver and redactor the CLI shares, the bounded streamed body,
 * the timeout watchdog) plus an allowance per operation of the spec, for its entry in the spec table (parameters,
 * body fields and their rules) and its facade method. `pnpm bench` measures both parts; this test holds the total.
 */
const { base: BASE, perOperation: PER_OPERATION } = SIZE_BUDGET;
const operations = Object.keys(operationsMeta).length;
const BUDGET = BASE + PER_OPERATION * operations;

describe('size budget', () => {
  it(`bundles (openapi-fetch included) to ≤ ${BASE} + ${PER_OPERATION} × ${operations} operations = ${BUDGET} bytes min+gzip`, async () => {
    const { gzip } = await bundledSize();
    expect(gzip).toBeLessThanOrEqual(BUDGET);
  });
});
