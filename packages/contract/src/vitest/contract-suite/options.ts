import { it, type TestFunction } from 'vitest';
import type { TargetNamedValues } from '../../generated/names.gen.js';

export interface ContractTarget extends TargetNamedValues {
  /** Where the API lives, e.g. `https://proxy.twilio.com` or a mock's `url`. */
  baseUrl: string;
  /** Account SID + auth token, or API key SID + secret. */
  credentials: { username: string; password: string };
  /**
   * Root path parameter values by parameter name (the camelCase named fields work too). Values of parents that
   * the spec lists (an item of another collection) are discovered by listing that collection, read-only.
   */
  parents?: Record<string, string>;
}

/**
 * What the target can do. A static mock such as Prism cannot check credentials, tell parents apart,
 * honour PageSize or send spec-valid header values; those tests are then reported as skipped, with the reason.
 */
export interface TargetCapabilities {
  /** Wrong (but well-formed) credentials → 401. */
  rejectsWrongCredentials: boolean;
  /** A well-formed but unknown parent SID → 404. */
  unknownParentNotFound: boolean;
  /** @deprecated The former name of `unknownParentNotFound`; still honoured. */
  unknownServiceNotFound?: boolean;
  /** A well-formed but unknown item SID → 404 on a fetch. */
  unknownItemNotFound: boolean;
  /** PageSize decides page sizes, and next_page_url pages through the whole list. */
  honoursPageSize: boolean;
  /** Header values follow the spec's header schemas (request id pattern etc.). */
  specHeaders: boolean;
  /** Out-of-range parameters → 400 with a Twilio error (a malformed SID: 400 or 404). */
  validatesParameters: boolean;
  /** Its lists hold items to fetch (a static mock serving an empty example page has none). Default true. */
  listsItems?: boolean;
}

export const FULL_CAPABILITIES: TargetCapabilities = {
  rejectsWrongCredentials: true,
  unknownParentNotFound: true,
  unknownItemNotFound: true,
  honoursPageSize: true,
  specHeaders: true,
  validatesParameters: true,
  listsItems: true,
};

/** The suite's capabilities, and whether a test the target cannot pass is left out rather than skipped. */
export type SuiteCapabilities = TargetCapabilities & { readonly omitUnsupported?: boolean };
/** How a test is registered: `it`, `it.skip`, or not at all. */
export type Register = (name: string, fn: TestFunction, timeout?: number) => void;
/** A no-op `it`: a test the target cannot answer is not part of its suite (`unsupported: 'omit'`). */
const notRegistered: Register = () => undefined;
/** `it`, `it.skip` or nothing, by whether the target has the capability a test needs. */
export const needsOf =
  (caps: SuiteCapabilities) =>
  (capability: keyof TargetCapabilities): Register =>
    caps[capability] ? it : caps.omitUnsupported ? notRegistered : it.skip;

export interface ContractSuiteOptions {
  name: string;
  /** The operation to test; default: every GET operation of the spec (lists and fetches), one describe each. */
  operationId?: string;
  target: () => ContractTarget | Promise<ContractTarget>;
  capabilities?: Partial<TargetCapabilities>;
  /** When set, every test is registered as skipped and this reason is in the suite's title. */
  skip?: string | false;
  /**
   * What becomes of a test the target cannot pass (a capability it lacks, or writes not opted in): `'skip'` registers
   * it as skipped with the reason; `'omit'` leaves it out, and the suite's title names what was left out (for a
   * static mock, where those tests can never run). Default `'skip'`.
   */
  unsupported?: 'skip' | 'omit';
  /**
   * Also test every write operation (create then fetch, update, remove with its children, a bad body): the suite
   * creates its own items and removes them afterwards, even when a test fails. Off unless set: a live account's
   * data is never written by default. Default false.
   */
  writes?: boolean;
  /** Seed of the write tests' sample bodies (the SIDs they send): the same seed replays the same requests. Default 1. */
  seed?: number;
  /** Page size for the paging tests. Default 7. */
  pageSize?: number;
  /** Stop following next_page_url after this many pages (a chain that long counts as not ending). Default 2000. */
  maxPages?: number;
  /** Injected fetch. Default: global fetch. */
  fetch?: typeof fetch;
}
