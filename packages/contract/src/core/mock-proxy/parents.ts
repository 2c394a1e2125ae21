import { camelCase, type JsonObject } from '@twilio-proxy/types/walker';
import { parentParamsOf } from '../../internal/mock/default-parents.js';
import type { Collection } from '../../internal/walked-spec.js';
import { createFactory, drawAccountSid, randomPathValue } from '../fixtures.js';
import type { MockProxyOptions } from './options.js';

/**
 * Given parent values (named options, `parents`, given items' parent properties), the root values (given, else
 * drawn from the seed as the fixtures draw them) and the account.
 */
export function resolveGiven(options: MockProxyOptions, collections: readonly Collection[], seed: number) {
  const named = options as Record<string, unknown>;
  const given: Record<string, string> = {};
  for (const { param } of parentParamsOf(collections))
    if (typeof named[camelCase(param)] === 'string') given[param] = named[camelCase(param)] as string;
  Object.assign(given, options.parents);
  let accountSid = options.accountSid;
  for (const c of collections) {
    const items = named[c.resource] as JsonObject[] | undefined;
    if (!Array.isArray(items) || !items[0]) continue;
    for (const [i, param] of c.parentParams.entries()) {
      const property = c.parentProperties[i];
      const value = property ? items[0][property] : undefined;
      if (given[param] === undefined && typeof value === 'string') given[param] = value;
    }
    if (accountSid === undefined && typeof items[0].account_sid === 'string') accountSid = items[0].account_sid;
  }
  const roots: Record<string, string> = {};
  for (const c of collections) {
    const missing = c.parentParams.filter((p, i) => !c.parentOwners[i] && roots[p] === undefined);
    if (!missing.length && accountSid !== undefined) continue;
    const drawn = c.schema ? createFactory(c.schema, { seed }) : undefined;
    for (const p of missing) roots[p] = given[p] ?? drawn?.parents[p] ?? randomPathValue(p, seed);
    accountSid ??= drawn?.accountSid;
  }
  return { given, roots, accountSid: accountSid ?? drawAccountSid(seed) };
}
