import type { WalkedOperation } from '@twilio-proxy/types/walker';
import { expect } from 'vitest';
import { randomPathValue } from '../../core/fixtures.js';
import { commonTests } from './common-tests.js';
import { needsOf, type TargetCapabilities } from './options.js';
import { needParents, type Probe } from './probe.js';

export function fetchTests(op: WalkedOperation, s: Probe, caps: TargetCapabilities) {
  const c = s.collectionOf(op);
  const itemParam = op.pathParams.at(-1)!;
  const needs = needsOf(caps);
  const why = (capability: keyof TargetCapabilities, text: string) => (caps[capability] ? text : `${text} (target lacks ${capability})`);

  needs('listsItems')(
    why('listsItems', 'answers a listed item with 200, the same item as in the list, satisfying the spec'),
    async (ctx) => {
      if (!c.list) ctx.skip(`the spec has no list operation for ${c.resource} to find an item with`);
      const parents = await needParents(s, c, ctx);
      const listed = await s.firstItem(c, parents);
      if (!listed) return ctx.skip(`the ${c.resource} list is empty`);
      const url = s.urlOf(op, [...parents, listed[c.idProperty]]);
      const r = await s.get(url);
      expect(r.status).toBe(200);
      s.expectConforms(op, r, url);
      expect(r.body).toEqual(listed);
    },
  );

  // Where a name may stand for the SID (an item by its unique name), the name fetches the same item.
  const alias = op.parameters.find((p) => p.in === 'path' && p.name === itemParam)?.orName;
  if (alias) {
    needs('unknownItemNotFound')(
      why('unknownItemNotFound', `answers a listed item fetched by its ${alias.property} in place of {${itemParam}} with the same item`),
      async (ctx) => {
        const parents = await needParents(s, c, ctx);
        const listed = await s.firstItem(c, parents);
        const name = listed?.[alias.property];
        if (typeof name !== 'string') return ctx.skip(`the first listed ${c.resource} item has no ${alias.property}`);
        const r = await s.get(s.urlOf(op, [...parents, name]));
        expect(r.status).toBe(200);
        expect(r.body).toEqual(listed);
      },
    );
  }

  needs('unknownItemNotFound')(why('unknownItemNotFound', `answers an unknown {${itemParam}} with 404 and a Twilio error`), async (ctx) => {
    const parents = await needParents(s, c, ctx);
    s.expectTwilioError(op, await s.get(s.urlOf(op, [...parents, randomPathValue(itemParam)])), 404);
  });

  needs('validatesParameters')(
    why('validatesParameters', `answers a malformed {${itemParam}} with 400 or 404 and a Twilio error`),
    async (ctx) => {
      const parents = await needParents(s, c, ctx);
      // Where a unique name may stand for the SID, malformed means neither: longer than any name the spec allows.
      const malformed = alias ? 'x'.repeat(Number(alias.name.maxLength ?? 1000) + 1) : 'not-a-sid';
      s.expectTwilioError(op, await s.get(s.urlOf(op, [...parents, malformed])), [400, 404]);
    },
  );

  commonTests(op, c, s, caps);
}
