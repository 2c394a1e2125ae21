export { dateFieldsOf } from './date-fields.js';
export { COMPONENT_MARK, componentName, deref, dereferenceDocument } from './deref.js';
export type { JsonObject } from './json-object.js';
export { actionOf, camelCase, fillPath, kebabCase, literalSegments, pascalCase, pathParamNames, snakeCase } from './naming.js';
export { flagName, type ListPaging, listPaging, optionName, type ParameterRole, parameterRole } from './parameters.js';
export { type WalkedBodyField, type WalkedRequestBody, walkRequestBody } from './request-body.js';
export { responseFor, responseKeyFor, statusCodeOf, type WalkedResponse, walkResponse, walkResponses } from './responses.js';
export {
  encodeText,
  encodeTexts,
  isNullable,
  type ParsedText,
  parseText,
  parseTexts,
  statedType,
  typeOf,
} from './schema-values.js';
export { type AnySidShape, anySidShapeOf, type SidOrName, type SidShape, sidOrNameOf, sidShapeOf } from './sid-shape.js';
export { successKey, type WalkedSuccess, walkSuccess } from './success-response.js';
export { collectionOfSchema, collectionPathOf, pathShape, type WalkedCollection, walkCollections } from './walk-collections.js';
export {
  defaultBaseUrlOf,
  type WalkedDocument,
  type WalkedServer,
  walkDocument,
  walkErrorSchema,
  walkServers,
} from './walk-document.js';
export {
  findOperation,
  HTTP_METHODS,
  type HttpMethod,
  type WalkedOperation,
  type WalkedParameter,
  walkOperations,
} from './walk-operations.js';
