/** @module-tag slow */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { operationsMeta } from '@twilio-proxy/types';
import { openapiDocument } from '@twilio-proxy/types/openapi-document';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_KINDS } from '../../../scripts/lib/code-samples.js';
import { type TestChromium, testChromium } from './helpers/chromium.js';
import { listSessionsCommand } from './helpers/helpers.js';

// The HTML reference written by `pnpm run docs` (turbo task @twilio-proxy/openapi#docs, a dependency of this test task).
const DOCS = fileURLToPath(new URL('../../../openapi/dist/docs/index.html', import.meta.url));
// What the docs were built from: the bundled spec with each operation's x-codeSamples (scripts/docs-bundle.ts).
const SAMPLES_BUNDLE = fileURLToPath(new URL('../../../openapi/dist/proxy-v1.samples.json', import.meta.url));
const SCREENSHOT = join(DOCS, '..', 'screenshot.png');
// The browser comes from npm (@sparticuz/chromium) or CHROMIUM_PATH; playwright-core never downloads one.
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const meta = operationsMeta.ListSession;
const sessionPropertyNames = listSessionsCommand().properties.map((p) => p.name);
const operation = openapiDocument.paths[meta.path]![meta.method.toLowerCase()];
const pathItemParams: { name: string }[] = openapiDocument.paths[meta.path]!.parameters ?? [];
const parameterNames = [...pathItemParams, ...(operation.parameters as { name: string }[])].map((p) => p.name);

/** Loopback and local files only: the docs must render offline. */
function allowed(url: string): boolean {
  if (url.startsWith('file:') || url.startsWith('data:') || url.startsWith('blob:')) return true;
  try {
    const host = new URL(url).hostname;
    return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
  } catch {
    return false;
  }
}

describe('HTML reference docs in a real browser, offline', () => {
  let browser: TestChromium | undefined;
  let context: BrowserContext;
  let page: Page;
  const blocked: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(DOCS)) throw new Error(`${DOCS} is missing: run pnpm run docs`);
    browser = await testChromium();
    try {
      context = await chromium.launchPersistentContext(browser.userDataDir, {
        executablePath: browser.executablePath,
        env: browser.env,
        headless: true,
        args: ARGS,
        viewport: { width: 1400, height: 1000 },
      });
    } catch (error) {
      const reason = (error as Error).message.split('\n')[0] ?? '';
      throw new Error(
        `${browser.executablePath} did not start (${reason}): set CHROMIUM_PATH to a Chromium or Chrome executable that runs here`,
      );
    }
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.route('**', (route) => {
      const url = route.request().url();
      if (allowed(url)) return route.continue();
      blocked.push(url);
      return route.abort('blockedbyclient');
    });
    await page.goto(`file://${DOCS}`, { waitUntil: 'load' });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await browser?.dispose();
  });

  // innerText, not textContent: the text a reader sees, without hidden nodes, scripts or styles.
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what the test checks
  const text = async () => (await page.evaluate(() => document.body.innerText)).replace(/\u200b/g, '');

  it('renders the operation and every parameter', async () => {
    await expect.poll(text, { timeout: 15_000 }).toContain(meta.path);
    // Operations start collapsed under their tag.
    await page.getByText('+ Show', { exact: true }).first().click();
    await expect.poll(text, { timeout: 10_000 }).toContain(operation.summary);
    const t = await text();
    expect(t).toContain(meta.method);
    for (const name of parameterNames) expect(t, `parameter ${name}`).toContain(name);
    expect(parameterNames).toEqual(meta.parameters.map((p) => p.name));
  });

  it('renders every Session property of the 200 response', async () => {
    // "Collapse all" then "Expand all" opens the nested Session schema of the response body.
    await page.getByRole('button', { name: 'Collapse all' }).first().click();
    await page.getByRole('button', { name: 'Expand all' }).first().click();
    const itemsKey = meta.list.itemsKey;
    await expect.poll(text, { timeout: 10_000 }).toContain(`${itemsKey}[].${sessionPropertyNames.at(-1)}`);
    const t = await text();
    for (const p of sessionPropertyNames) expect(t, `property ${p}`).toContain(`${itemsKey}[].${p}`);
  });

  it('shows the three code samples of the operation, each under its tab', async () => {
    const bundle = JSON.parse(readFileSync(SAMPLES_BUNDLE, 'utf8'));
    const samples: { label: string; source: string }[] = bundle.paths[meta.path][meta.method.toLowerCase()]['x-codeSamples'];
    expect(samples.map((x) => x.label)).toEqual(SAMPLE_KINDS.map((k) => k.label));
    // One sample at a time, picked from the panel's menu (the tab names are the samples' labels).
    let shown = samples[0]!.label;
    for (const sample of samples) {
      if (sample.label !== shown) {
        await page.getByText(shown, { exact: true }).first().click();
        await page.getByRole('menuitem', { name: sample.label, exact: true }).first().click();
        shown = sample.label;
      }
      // Its first and last lines, without a line's trailing backslash: the code of the sample the reader picked.
      const lines = sample.source
        .trimEnd()
        .split('\n')
        .map((l) => l.replace(/\s*\\$/, '').trim());
      for (const line of [lines[0]!, lines.at(-1)!]) await expect.poll(text, { timeout: 10_000 }).toContain(line);
    }
    // Back to the first, for the screenshot.
    await page.getByText(shown, { exact: true }).first().click();
    await page.getByRole('menuitem', { name: samples[0]!.label, exact: true }).first().click();
  });

  it("every operation's sample panel is on the page, opened on its client call", async () => {
    const bundle = JSON.parse(readFileSync(SAMPLES_BUNDLE, 'utf8'));
    const calls = Object.values<Record<string, { 'x-codeSamples'?: { source: string }[] }>>(bundle.paths).flatMap((item) =>
      Object.values(item).flatMap((op) => {
        const source = op && typeof op === 'object' ? op['x-codeSamples']?.[0]?.source : undefined;
        return source
          ? [
              source
                .split('\n')
                .find((l) => /\bclient\.\w/.test(l))!
                .trim(),
            ]
          : [];
      }),
    );
    expect(calls.length).toBe(Object.keys(operationsMeta).length);
    // Each operation's panel holds its client sample: every call line is in the rendered page's DOM.
    const all = async () => (await page.evaluate(() => document.body.textContent ?? '')).replace(/\u200b/g, '');
    const t = await all();
    for (const call of calls) expect(t, call).toContain(call);
  });

  it('needed no network, threw no script error, and leaves a screenshot of the operation next to the docs', async () => {
    expect(pageErrors).toEqual([]);
    // Whatever the page tried to fetch from the internet was refused, and it rendered all the same.
    expect(blocked.every((u) => !allowed(u))).toBe(true);
    // The operation's heading at the top of the picture, with its path, parameters and responses below.
    const heading = page.getByRole('heading', { name: operation.summary }).first();
    await expect(heading.count()).resolves.toBeGreaterThan(0);
    await heading.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: SCREENSHOT });
    expect(statSync(SCREENSHOT).size).toBeGreaterThan(10_000);
    expect(readFileSync(SCREENSHOT).subarray(1, 4).toString()).toBe('PNG');
  });
});
