import { type IncomingMessage, type ServerResponse, STATUS_CODES } from 'node:http';
import { createFaultSchedule, type FaultKind, type FaultOptions } from '../../core/faults.js';
import { type Answer, errorAnswer, MOCK_ERROR_CODES } from './answer.js';

/**
 * The transport's faults: which request gets one (the schedule, replaceable), dropping or delaying it,
 * the error it answers instead, and a body cut in half.
 */
export function createFaultInjector(initial: FaultOptions | undefined, delay: (ms: number) => Promise<void>) {
  let options = initial;
  let schedule = createFaultSchedule(initial);
  return {
    next: (): FaultKind | null => schedule(),
    /** A new schedule, its counter at 0; undefined turns faults off. */
    set(faults: FaultOptions | undefined) {
      options = faults;
      schedule = createFaultSchedule(faults);
    },
    /**
     * Drops (reset, stall) or delays (latency) the request; resolves false when nothing must be answered.
     * Undefined for other faults, so a normal request takes no extra await.
     */
    hold(fault: FaultKind | null, req: IncomingMessage): Promise<boolean> | undefined {
      if (fault === 'reset') {
        req.socket.destroy();
        return Promise.resolve(false);
      }
      if (fault === 'stall') {
        // Without stallMs the request hangs until the client gives up or close() destroys the socket.
        const stallMs = options?.stallMs;
        if (stallMs === undefined) return Promise.resolve(false);
        return delay(stallMs).then(() => {
          req.socket.destroy();
          return false;
        });
      }
      if (fault === 'latency') return delay(options?.latencyMs ?? 200).then(() => true);
      return undefined;
    },
    /** The error a fault answers instead of the operation; undefined when the request is answered normally. */
    answer(fault: FaultKind | null, operationId: () => string | null): Answer | undefined {
      if (fault === 'rate-limit') {
        return errorAnswer(429, MOCK_ERROR_CODES.tooManyRequests, 'Too Many Requests', operationId(), {
          'Retry-After': String(options?.retryAfter ?? 1),
        });
      }
      if (fault === 'server-error') {
        return errorAnswer(500, MOCK_ERROR_CODES.serverError, 'An internal server error has occurred', operationId());
      }
      if (fault === 'unavailable') return errorAnswer(503, MOCK_ERROR_CODES.unavailable, STATUS_CODES[503]!, operationId());
      return undefined;
    },
    /** Sends the body; `truncate` sends half of it, then destroys the socket. */
    send(fault: FaultKind | null, req: IncomingMessage, res: ServerResponse, payload: Buffer) {
      if (fault === 'truncate') {
        res.write(payload.subarray(0, payload.length >> 1), () => res.destroy());
        return;
      }
      res.end(req.method === 'HEAD' ? undefined : payload);
    },
  };
}
