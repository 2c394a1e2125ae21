import type { components, operations } from './generated/schema.gen.js';

export type { paths, components, operations, webhooks, $defs } from './generated/schema.gen.js';
export { operationsMeta, type OperationId } from './generated/operations.gen.js';
export type { OperationMeta, ParameterMeta, ParameterRule } from './operation-meta.js';

type Schemas = components['schemas'];

/** A Proxy Session as the List Sessions endpoint returns it. */
export type Session = Schemas['Session'];
export type SessionStatus = Schemas['SessionStatus'];
export type SessionMode = Schemas['SessionMode'];
/** The `meta` object of every Twilio list page. */
export type PageMeta = Schemas['PageMeta'];
/** The body of every Twilio error response. */
export type TwilioError = Schemas['TwilioError'];

export type ListSessionsPathParams = operations['ListSession']['parameters']['path'];
export type ListSessionsQuery = NonNullable<operations['ListSession']['parameters']['query']>;
export type ListSessionsResponse = operations['ListSession']['responses'][200]['content']['application/json'];
