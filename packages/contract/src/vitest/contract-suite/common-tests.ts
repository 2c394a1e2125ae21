import type { WalkedOperation } from '@twilio-proxy/types/walker';
import { expect, it, type TestContext } from 'vitest';
import { randomPathValue } from '../../core/fixtures.js';
import type { Collection } from '../../internal/walked-spec.js';
import { needsOf, type TargetCapabilities } from './options.js';
import { needParents, type Probe } from './probe.js';

/** Credentials and unknown parents: the same for every operation. */
export function commonTests(op: WalkedOperation, c: Collection, s: Probe, caps: TargetCapabilities) {
  const needs = needsOf(caps);
  const why = (capability: keyof TargetCapabilities, text: string) => (caps[capability] ? text : `${text} (target lacks ${capability})`);
  /** Values for every path parameter of the operation: the parents, then (on an item path) a listed item's SID. */
  const valuesOf = async (ctx: TestContext) => {
    const parents = await needParents(s, c, ctx);
    if (op.pathParams.length === parents.length) return parents;
    const item = await s.firstItem(c, parents);
    return [...parents, item?.[c.idProperty] ?? randomPathValue(op.pathParams.at(-1)!, 7)];
  };

  it('answers missing credentials with 401 and a Twilio error', async (ctx) => {
    s.expectTwilioError(op, await s.get(s.urlOf(op, await valuesOf(ctx)), null), 401);
  });

  needs('rejectsWrongCredentials')(why('rejectsWrongCredentials', 'answers wrong credentials with 401 and a Twilio error'), async (ctx) => {
    const r = await s.get(
      s.urlOf(op, await valuesOf(ctx)),
      s.authHeader({ username: s.credentials().username, password: 'definitely-wrong' }),
    );
    s.expectTwilioError(op, r, 401);
    expect(JSON.stringify(r.body)).not.toContain(s.credentials().password);
  });

  if (c.parentParams.length === 0) return;
  const param = c.parentParams.at(-1)!;
  needs('unknownParentNotFound')(why('unknownParentNotFound', `answers an unknown {${param}} with 404 and a Twilio error`), async (ctx) => {
    const values = await valuesOf(ctx);
    const i = c.parentParams.length - 1;
    let unknown = randomPathValue(param);
    if (unknown === values[i]) unknown = randomPathValue(param, 1);
    values[i] = unknown;
    s.expectTwilioError(op, await s.get(s.urlOf(op, values)), 404);
  });
}
