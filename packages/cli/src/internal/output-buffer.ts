import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** Flush when this much text is waiting: one write per many rows instead of one per row. */
const FLUSH_BYTES = 64 * 1024;
/** ...or this long after the first waiting row, so rows still appear while the next page loads. */
const FLUSH_MS = 25;

/**
 * Batches output text and honours backpressure: `write` awaits `drain` when the stream is full,
 * which pauses the listing itself, so memory stays flat however slow the reader is.
 */
export class OutputBuffer {
  private pending = '';
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly out: Pick<Writable, 'write'>,
    private readonly beforeWrite: () => void = () => {},
  ) {}

  async write(text: string): Promise<void> {
    if (!text) return;
    this.pending += text;
    if (this.pending.length >= FLUSH_BYTES) await this.flush();
    else this.timer ??= setTimeout(() => void this.flushNow(), FLUSH_MS);
  }

  async flush(): Promise<void> {
    if (!this.flushNow()) await once(this.out as Writable, 'drain');
  }

  /** Writes what is pending; false when the stream asked to wait for `drain`. */
  private flushNow(): boolean {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.pending) return true;
    this.beforeWrite();
    const ok = this.out.write(this.pending);
    this.pending = '';
    return ok;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
