import type { JsonObject } from '@twilio-proxy/types/walker';
import type { MockNamedFields, MockNamedOptions } from '../../generated/names.gen.js';
import type { ApiKey } from '../../internal/mock/auth.js';
import type { SelfCheckViolation } from '../../internal/mock/self-check.js';
import type { FaultKind, FaultOptions } from '../faults.js';

export interface MockProxyOptions extends MockNamedOptions {
  /**
   * How many items to generate in each top-level collection (every parent a root: a root parameter, or an item of
   * a collection without parents) under the default parents (unless given). Default 0.
   */
  count?: number;
  /** How many items each other parent has in a collection (seeded when first read). Default 3. */
  perParent?: number;
  /**
   * Per resource (e.g. the client's `client.<resource>`): overrides `count` or `perParent`. A collection without
   * parents that lists a parent parameter (a root resource) holds 1 item, the default parent, unless given here.
   */
  counts?: Readonly<Record<string, number>>;
  /**
   * Default parent values by path parameter name (also settable by their camelCase names). Default: a root's value
   * from the seed; a listed parent's, the first item of its collection under the default parents.
   */
  parents?: Readonly<Record<string, string>>;
  /**
   * Serve items' `url` and `links` on Twilio's production server (the spec's) instead of the mock's own URL, for
   * byte-exact comparison with recordings. Page URLs stay on the mock. Default false.
   */
  productionUrls?: boolean;
  /** Seed of generated items and SIDs. Default 1. */
  seed?: number;
  accountSid?: string;
  /** Default: 32 random hex characters. */
  authToken?: string;
  /** API keys accepted besides Account SID + auth token. */
  apiKeys?: ApiKey[];
  /** Default 0: a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  faults?: FaultOptions;
  /** Added to every answer. */
  latencyMs?: number;
  /**
   * Validate every response before sending it. Violations go to `violations` and make `close()` reject.
   * Default true (it is the point of a contract mock); benchmarks turn it off.
   */
  selfCheck?: boolean;
  /** Keep `requests`. Default true. */
  recordRequests?: boolean;
  /**
   * Keep only the last this many requests in `requests` (a ring: the oldest drops out), so a long-running mock's
   * memory stays bounded; 0 keeps none. Default: every request (unless `recordRequests` is false).
   */
  requestLog?: number;
}

export interface RecordedRequest {
  readonly method: string;
  /** Path and query as received. The Authorization header is never recorded. */
  readonly url: string;
  /** Null when a fault answered no status (reset, stall). */
  status: number | null;
  fault: FaultKind | null;
  requestId: string;
}

export interface MockProxy extends MockNamedFields {
  /** Base URL, e.g. `http://127.0.0.1:40123`; operations live at their spec paths under it (see `urlFor`). */
  readonly url: string;
  readonly accountSid: string;
  readonly authToken: string;
  /**
   * The default values of the parents top-level collections sit under, by path parameter name. Named fields,
   * `items`, `add` and `urlFor` start from the default parents (deeper ones too: the first item of each collection).
   */
  readonly parents: Readonly<Record<string, string>>;
  readonly requests: RecordedRequest[];
  readonly violations: SelfCheckViolation[];
  /**
   * The items of a collection (named by its resource or any of its operationIds) under parent values by path
   * parameter name (root values are filled in), in list order; a nested collection is seeded on first use.
   * Throws when a parent does not exist.
   */
  items<T = JsonObject>(collection: string, parents?: Readonly<Record<string, string>>): readonly T[];
  /** Appends items (generated when given a count) at the end of a collection's list; returns the new ones. */
  add<T = JsonObject>(collection: string, itemsOrCount: T[] | number, parents?: Readonly<Record<string, string>>): T[];
  /** The absolute URL of an operation on this mock: its spec path with these values (root values filled in). */
  urlFor(operationId: string, path?: Readonly<Record<string, string>>, query?: Readonly<Record<string, string | number>>): string;
  /** Replaces the fault schedule (its counter starts again at 0); undefined turns faults off. */
  setFaults(faults: FaultOptions | undefined): void;
  /** Stops the server, destroying open connections; rejects with a ContractError if the self-check saw violations. */
  close(): Promise<void>;
}
