import { ProxyValidationError } from '../core/errors.js';

/**
 * Percent-encodes one path segment so `/`, `?` and `#` cannot change the path. `.` and `..` are refused:
 * URL parsers resolve them (even as `%2E%2E`), which would walk up the path.
 */
export function encodePathSegment(name: string, value: unknown): string {
  const s = String(value);
  if (s === '' || s === '.' || s === '..') {
    throw new ProxyValidationError(`${name} cannot be "${s}"`, { parameter: name, rule: 'path-segment' });
  }
  return encodeURIComponent(s);
}
