import type { OperationId } from '@twilio-proxy/types';
import { expect, expectTypeOf, test } from 'vitest';
import '../src/vitest/index.js';

test('toSatisfyContract is typed on expect() and returns a promise', () => {
  // Every operationId of the spec autocompletes; any string is accepted (the check is at run time).
  expectTypeOf(expect({ status: 200, body: {} }).toSatisfyContract)
    .parameter(0)
    .toEqualTypeOf<OperationId | (string & {})>();
  expectTypeOf<'ListSession'>().toExtend<OperationId>();
  expectTypeOf(expect({}).toSatisfyContract('ListSession')).toEqualTypeOf<Promise<void>>();
});
