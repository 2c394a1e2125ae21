/** Redraws at most this often: enough to look live, rare enough to cost nothing. */
const REDRAW_MS = 100;
const CLEAR_LINE = '\r\u001b[2K';

export interface ProgressStream {
  write(chunk: string): unknown;
}

/**
 * The "N items · M pages · R items/s" line on stderr, counting in the item's own words. Callers create
 * it only when stderr is a TTY, so pipes and logs never see it; stdout never does.
 */
export class ProgressLine {
  private items = 0;
  private pages = 0;
  private shown = false;
  private lastDraw = 0;
  private readonly started: number;

  constructor(
    private readonly stream: ProgressStream,
    private readonly noun: { readonly one: string; readonly many: string },
    private readonly now: () => number = Date.now,
  ) {
    this.started = now();
  }

  page(): void {
    this.pages++;
    this.tick();
  }

  item(): void {
    this.items++;
    this.tick();
  }

  /** Removes the line, e.g. before rows are written to the same terminal, or at the end. */
  clear(): void {
    if (!this.shown) return;
    this.stream.write(CLEAR_LINE);
    this.shown = false;
  }

  text(): string {
    const seconds = Math.max((this.now() - this.started) / 1000, 0.001);
    const n = (x: number) => Math.round(x).toLocaleString('en-US');
    const { one, many } = this.noun;
    return `${n(this.items)} ${this.items === 1 ? one : many} · ${n(this.pages)} page${this.pages === 1 ? '' : 's'} · ${n(this.items / seconds)} ${many}/s`;
  }

  private tick(): void {
    const t = this.now();
    if (this.shown && t - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = t;
    this.shown = true;
    this.stream.write(CLEAR_LINE + this.text());
  }
}
