import { expect, expectTypeOf, test } from 'vitest';
import '../src/vitest/index.js';

test('toSatisfyContract is typed on expect() and returns a promise', () => {
  expectTypeOf(expect({ status: 200, body: {} }).toSatisfyContract).parameter(0).toEqualTypeOf<'ListSession' | (string & {})>();
  expectTypeOf(expect({}).toSatisfyContract('ListSession')).toEqualTypeOf<Promise<void>>();
});
