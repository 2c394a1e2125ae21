export { walkOperations, findOperation, HTTP_METHODS, type HttpMethod, type WalkedOperation, type WalkedParameter } from './walk-operations.js';
export { actionOf, camelCase, kebabCase, literalSegments, pascalCase, pathParamNames, snakeCase } from './naming.js';
export { collectionPathOf, pathShape, walkCollections, type WalkedCollection } from './walk-collections.js';
