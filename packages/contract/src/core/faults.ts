import { createRng, type Rng } from '../internal/prng.js';

/**
 * What the mock can do instead of answering normally:
 * `rate-limit` 429 + Retry-After · `server-error` 500 · `unavailable` 503 · `reset` socket destroyed before any byte ·
 * `stall` never answers (until `stallMs` or close) · `truncate` headers + half the body, then the socket closes ·
 * `latency` a normal answer after `latencyMs`.
 */
export type FaultKind = 'rate-limit' | 'server-error' | 'unavailable' | 'reset' | 'stall' | 'truncate' | 'latency';

export const FAULT_KINDS: readonly FaultKind[] = ['rate-limit', 'server-error', 'unavailable', 'reset', 'stall', 'truncate', 'latency'];

export interface FaultOptions {
  /** Seed of the fault schedule: same seed and request order, same faults. Default 1. */
  seed?: number;
  /** Scripted faults: request n (counted from start or the last `setFaults`) gets `sequence[n]`; null = answer normally. */
  sequence?: ReadonlyArray<FaultKind | null>;
  /** After the sequence, the share of requests (0..1) that get a fault drawn from `kinds`. */
  rate?: number;
  /** The kinds `rate` draws from. Default: all of them. */
  kinds?: readonly FaultKind[];
  /** Retry-After seconds on 429. Default 1. */
  retryAfter?: number;
  /** Delay of the `latency` fault. Default 200 ms. */
  latencyMs?: number;
  /** How long `stall` holds a request before destroying its socket; default until the client or `close()` gives up. */
  stallMs?: number;
}

/** Deterministic fault schedule. */
export function createFaultSchedule(options: FaultOptions | undefined): () => FaultKind | null {
  if (!options) return () => null;
  const rng: Rng = createRng(options.seed ?? 1);
  const sequence = options.sequence ?? [];
  const kinds = options.kinds?.length ? options.kinds : FAULT_KINDS;
  const rate = options.rate ?? 0;
  let n = 0;
  return () => {
    const i = n++;
    if (i < sequence.length) return sequence[i] ?? null;
    if (rate > 0 && rng() < rate) return rng.pick(kinds);
    return null;
  };
}
