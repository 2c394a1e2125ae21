import type { JsonObject } from '@twilio-proxy/types/walker';
import type { Collection } from '../../internal/walked-spec.js';

const ACCESS_CONTROL_VALUES: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
  'access-control-allow-headers':
    'Accept, Authorization, Content-Type, If-Match, If-Modified-Since, If-None-Match, If-Unmodified-Since, Idempotency-Key',
  'access-control-allow-credentials': 'true',
  'access-control-expose-headers': 'ETag, Twilio-Request-Id',
};

/** The CORS headers the spec documents on any success response, with Twilio's values. */
export function accessControlHeaders(collections: readonly Collection[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const op of collections.flatMap((c) => c.operations)) {
    for (const [name, header] of Object.entries<JsonObject>(op.success.headers)) {
      if (!name.toLowerCase().startsWith('access-control-')) continue;
      out[name] = ACCESS_CONTROL_VALUES[name.toLowerCase()] ?? (header.schema?.type === 'boolean' ? 'true' : '*');
    }
  }
  return out;
}
/** The request's URL, or undefined when it cannot be parsed (answered 404). */
export function parseRequestUrl(raw: string | undefined): URL | undefined {
  try {
    return new URL(raw ?? '/', 'http://mock.invalid');
  } catch {
    return undefined;
  }
}
