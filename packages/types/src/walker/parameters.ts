import type { JsonObject } from './json-object.js';
import { kebabCase } from './naming.js';

/** What a parameter is for: a path segment, a list filter, one of Twilio's paging parameters, a header or a cookie. */
export type ParameterRole = 'path' | 'filter' | 'pageSize' | 'page' | 'pageToken' | 'header' | 'cookie';

/** The paging roles, by the query parameter names Twilio gives them. */
const PAGING: Readonly<Record<string, ParameterRole>> = { PageSize: 'pageSize', Page: 'page', PageToken: 'pageToken' };
const PAGING_ROLES: readonly string[] = Object.values(PAGING);

/**
 * The role of a parameter. A query parameter of a list operation named `PageSize`, `Page` or `PageToken` pages it,
 * unless the parameter itself says otherwise with `x-twilio-proxy: { paging: 'pageSize' }`; any other query is a filter.
 */
export function parameterRole(param: JsonObject, isList: boolean): ParameterRole {
  if (param.in !== 'query') return param.in;
  const stated = param['x-twilio-proxy']?.paging;
  if (typeof stated === 'string' && PAGING_ROLES.includes(stated)) return stated as ParameterRole;
  return (isList && PAGING[param.name]) || 'filter';
}

/** The client's option name: the wire name with a lower-case first letter (`PageSize` → `pageSize`). */
export const optionName = (name: string): string => name[0]!.toLowerCase() + name.slice(1);

/** The CLI's flag name, twilio-cli style (`ServiceSid` → `service-sid`). */
export const flagName = (name: string): string => kebabCase(name);

/** The names of the parameters that page a list, by role (null where the operation has none). */
export interface ListPaging {
  readonly pageSize: string | null;
  readonly page: string | null;
  readonly pageToken: string | null;
}

export function listPaging(parameters: readonly { readonly name: string; readonly role: ParameterRole }[]): ListPaging {
  const named = (role: ParameterRole) => parameters.find((p) => p.role === role)?.name ?? null;
  return { pageSize: named('pageSize'), page: named('page'), pageToken: named('pageToken') };
}
