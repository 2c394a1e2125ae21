// Spec-valid fixtures, in `fixtures/`: SIDs (`sids.ts`), string values (`strings.ts`), per-schema generator
// plans (`plan.ts`) and the factories built on them (`factory.ts`). This file keeps the import path stable.
export { createFactory, type Factory, type FactoryOptions, namedFactory, type SchemaItem, type SchemaName } from './fixtures/factory.js';
export { drawAccountSid, randomPathValue, sidFromPattern } from './fixtures/sids.js';
