export type { JsonObject } from './json-object.js';
export { actionOf, camelCase, fillPath, kebabCase, literalSegments, pascalCase, pathParamNames, snakeCase } from './naming.js';
export { collectionPathOf, pathShape, type WalkedCollection, walkCollections } from './walk-collections.js';
export {
  findOperation,
  HTTP_METHODS,
  type HttpMethod,
  type WalkedOperation,
  type WalkedParameter,
  walkOperations,
} from './walk-operations.js';
