// The generic types over every success and body shape an operation can have, from small inline operation
// types in openapi-typescript's output shape (shapes the real spec need not have, such as a 2XX range): a table of given → want.
import { describe, expectTypeOf, test } from 'vitest';
import type { BodyOf, BodyOptionsOf, SuccessOf } from '../src/index.js';

type Item = { sid: string };
type Json<T> = { headers: Record<string, unknown>; content: { 'application/json': T } };
type NoContent = { headers: Record<string, unknown>; content?: never };
type Failure = { headers: Record<string, unknown>; content: { 'application/json': { code: number } } };
type Op<R, B = never> = {
  parameters: object;
  requestBody?: [B] extends [never] ? never : { content: { 'application/x-www-form-urlencoded': B } };
  responses: R;
};

describe('SuccessOf: the success body of each response shape', () => {
  test('200, 201, 202 and 2XX JSON give their body; the error responses beside them do not count', () => {
    expectTypeOf<SuccessOf<Op<{ 200: Json<Item>; 404: Failure }>>>().toEqualTypeOf<Item>();
    expectTypeOf<SuccessOf<Op<{ 201: Json<Item>; 400: Failure }>>>().toEqualTypeOf<Item>();
    expectTypeOf<SuccessOf<Op<{ 202: Json<Item>; '5XX': Failure }>>>().toEqualTypeOf<Item>();
    expectTypeOf<SuccessOf<Op<{ '2XX': Json<Item>; default: Failure }>>>().toEqualTypeOf<Item>();
  });

  test('204, and a 200 with no content, give void', () => {
    expectTypeOf<SuccessOf<Op<{ 204: NoContent; 404: Failure }>>>().toEqualTypeOf<void>();
    expectTypeOf<SuccessOf<Op<{ 200: NoContent; 404: Failure }>>>().toEqualTypeOf<void>();
  });
});

describe('BodyOf and BodyOptionsOf: a form body as top-level camelCase options', () => {
  type Form = { UniqueName?: string; Ttl?: number; DateExpiry?: string; Identifier: string; MediaUrl?: string[] };
  test('the body of an operation that takes one, never for one that does not', () => {
    expectTypeOf<BodyOf<Op<{ 201: Json<Item> }, Form>>>().toEqualTypeOf<Form>();
    expectTypeOf<BodyOf<Op<{ 200: Json<Item> }>>>().toBeNever();
  });

  test('options: lower-case first letter, required as the spec says, Date for the date fields only', () => {
    expectTypeOf<BodyOptionsOf<Form, 'DateExpiry'>>().toEqualTypeOf<{
      uniqueName?: string;
      ttl?: number;
      dateExpiry?: string | Date;
      identifier: string;
      mediaUrl?: string[];
    }>();
  });
});
