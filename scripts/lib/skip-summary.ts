import type { Reporter, TestCase, TestModule } from 'vitest/node';

/** A test may skip only when it needs live Twilio: its suite names the credentials it waits for. */
const NEEDS_LIVE_TWILIO = /TWILIO_ACCOUNT_SID|TWILIO_AUTH_TOKEN|TWILIO_API_KEY/;

/**
 * The last line of every package's test run: how many tests skipped and why. A skip for any other reason (a target
 * that lacks something, an empty list, a write not opted in) fails the run, so "skips only what needs live
 * credentials" stays true as the spec grows.
 */
export class SkipSummary implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const skipped: TestCase[] = modules.flatMap((m) => [...m.children.allTests('skipped')]);
    const other = skipped.filter((t) => !NEEDS_LIVE_TWILIO.test(t.fullName) && t.options.mode !== 'todo');
    const live = skipped.length - other.length;
    console.log(
      `skips: ${skipped.length} skipped, ${live} of them need live Twilio credentials${other.length ? `; ${other.length} for another reason:` : ''}`,
    );
    for (const t of other.slice(0, 20)) {
      const result = t.result();
      const note = result.state === 'skipped' ? result.note : undefined;
      console.log(`  ${t.fullName}${note ? ` [${note}]` : ''}`);
    }
    if (other.length) process.exitCode = 1;
  }
}
