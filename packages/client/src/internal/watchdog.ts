/** The abort reason of an attempt that ran past its deadline. */
export const TIMEOUT = Symbol('timeout');

/**
 * Per-attempt timeouts with one timer per client instead of one per attempt: an unref'd interval checks the
 * attempts in flight every `timeoutMs / 8` and aborts those past their deadline, so a timeout fires between
 * 1 and 1.125 × `timeoutMs`. Setting and clearing a timer for each of thousands of page requests costs more
 * CPU than anything else the client adds to a request. The interval stops once nothing is in flight.
 */
export function watchdog(timeoutMs: number): (ctrl: AbortController) => () => void {
  const live = new Map<AbortController, number>();
  let timer: ReturnType<typeof setInterval> | undefined;
  const tick = () => {
    const now = Date.now();
    for (const [ctrl, deadline] of live) if (now >= deadline) ctrl.abort(TIMEOUT);
    if (!live.size) {
      clearInterval(timer);
      timer = undefined;
    }
  };
  return (ctrl) => {
    live.set(ctrl, Date.now() + timeoutMs);
    if (!timer) {
      timer = setInterval(tick, Math.max(1, timeoutMs / 8));
      timer.unref?.();
    }
    return () => live.delete(ctrl);
  };
}
