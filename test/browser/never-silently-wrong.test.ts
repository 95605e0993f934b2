/**
 * The page on files a dispatcher actually has, in real Chromium: weather that stops early shows its
 * problems (never "no warning" or "Target NaN MW ✓ verified"); a substation with an hour of history
 * shows what the outlook rests on; plans belong to the file's content, not its name; an engine
 * worker that dies says so and can be tried again. (Issue "Never silently wrong", cases 1, 2, 5, 6.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOUR_MS, parseTimestamp } from '../../core/time/timestamp.ts';
import { formatInZone, resolveZone } from '../../core/time/zone.ts';
import { browserAvailable, launch, screenshotDir, servePage } from '../support/browser.ts';
import { repoRoot } from '../support/data-dir.ts';

const story = (name: string) => JSON.parse(readFileSync(join(repoRoot, 'scenarios', `${name}.json`), 'utf8'));
const asFile = (name: string, value: unknown) => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(value)) });

describe.skipIf(!browserAvailable)('the page never shows a calm wrong picture', () => {
  let browser: Browser;
  let page: Page;
  let server: Awaited<ReturnType<typeof servePage>>;
  const errors: string[] = [];

  beforeAll(async () => {
    server = await servePage();
    browser = await launch();
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    await page.waitForSelector('body[data-outlook="true"]', { timeout: 120_000 });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const plansShown = () => page.locator('#plans-table th button[data-plan]').count();
  /** Opens a file and waits until its outlook (or its problems) are shown. */
  async function open(file: ReturnType<typeof asFile>, expect: 'outlook' | 'problems'): Promise<void> {
    await page.evaluate(() => { delete document.body.dataset.outlook; });
    await page.setInputFiles('#file-input', file);
    if (expect === 'outlook') await page.waitForSelector('body[data-outlook="true"]:not([data-provisional])', { timeout: 120_000 });
    else await page.waitForSelector('#problems:not([hidden])', { timeout: 60_000 });
  }

  it('shows the problems of weather that stops 72 h before the study, and keeps the last valid scenario', async () => {
    const s = story('heat-wave');
    for (const st of s.weather.stations) st.history.values = st.history.values.slice(0, -72);
    await open(asFile('weather-cut.json', s), 'problems');
    const problems = await page.textContent('#problems');
    expect(problems).toMatch(/weather\.stations\[0\]\.history: expected temperatures in every hour from 2024-07-20T00:00\+08:00/);
    expect(problems).toMatch(/Still showing the last valid scenario/);
    expect(await page.textContent('#status')).toMatch(/weather-cut\.json: 2 problems/);
    expect(await page.textContent('body')).not.toMatch(/NaN|Infinity/);
  }, 120_000);

  it('says above the outlook that a substation with one hour of history is forecast from profiles', async () => {
    const s = story('heat-wave');
    const h = s.history.load.find((x: { id: string }) => x.id === 'S01');
    h.values = h.values.slice(-1);
    h.start = formatInZone(parseTimestamp(s.study.start)!.ms - HOUR_MS, resolveZone(s.timeZone)!);
    await open(asFile('new-substation.json', s), 'outlook');
    expect(await page.getAttribute('#data-notes', 'data-count')).toBe('1');
    expect(await page.isVisible('#data-notes')).toBe(true);
    expect(await page.textContent('#data-notes')).toMatch(/These figures rest on data that could carry them only in part:.*\(S01\): forecast from its customers' load profiles only — 1 h of usable history/);
    expect(await page.textContent('#bulletin')).toMatch(/Data notes \(this bulletin rests on them\)/);
    await page.locator('#dispatch .panel').first().screenshot({ path: join(screenshotDir, 'data-notes.png') });
  }, 180_000);

  it('keeps plans with the file they were made for: another file of the same name, or the same one edited, shows none of them', async () => {
    const a = story('unit-trip');
    await open(asFile('scenario.json', a), 'outlook');
    expect(await plansShown()).toBe(0);
    await page.click('button[data-strategy="cost"]');
    await page.waitForFunction(() => document.querySelectorAll('#plans-table th button[data-plan]').length === 1, undefined, { timeout: 120_000 });
    // Another scenario under the same name.
    await open(asFile('scenario.json', story('coal-wind')), 'outlook');
    expect(await plansShown()).toBe(0);
    // The first file edited (a unit less), under the same name: none of the old plans either.
    const edited = structuredClone(a);
    edited.supply.units[0].capacityMW = Math.round(edited.supply.units[0].capacityMW * 0.5);
    await open(asFile('scenario.json', edited), 'outlook');
    expect(await plansShown()).toBe(0);
    // The first file again, byte for byte: its plan comes back.
    await open(asFile('scenario.json', a), 'outlook');
    expect(await plansShown()).toBe(1);
    expect(await page.textContent('#plans-table')).toMatch(/✓ verified/);
  }, 400_000);

  it('says when the engine worker doing a plan dies, and plans when asked to try again', async () => {
    // The engine's next call crashes its worker as a fault would (an error outside any call, no
    // answer): the seam in worker/browser/engine-entry.ts. First the opening's what-if warm-up has
    // ended: under load it could still be running and take the crash in the plan's place.
    await page.waitForFunction(() => document.body.dataset.warmed === document.body.dataset.warming, undefined, { timeout: 120_000 });
    for (const w of page.workers()) await w.evaluate(() => { (globalThis as { __orderlyFailNextCall?: boolean }).__orderlyFailNextCall = true; });
    await page.click('button[data-strategy="fair"]');
    await page.waitForSelector('#retry-button:not([hidden])', { timeout: 60_000 });
    expect(await page.textContent('#status')).toMatch(/the engine worker stopped \(.*simulated crash.*\) before it answered; a fresh one has taken its place — try again/);
    await page.locator('.status-line').screenshot({ path: join(screenshotDir, 'engine-failed.png') });
    await page.click('#retry-button');
    await page.waitForFunction(() => document.querySelectorAll('#plans-table th button[data-plan]').length === 2, undefined, { timeout: 120_000 });
    expect(await page.textContent('#plans-table')).toMatch(/Fairest/);
    expect(await page.isHidden('#retry-button')).toBe(true);
  }, 300_000);

  it('made no error on the page along the way', () => {
    expect(errors).toEqual([]);
  });
});
