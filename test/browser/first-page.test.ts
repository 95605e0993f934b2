/**
 * The first page in real Chromium: it opens on the default scenario with its load drawn, makes no
 * request outside its own origin, shows a malformed file's problems in place and keeps working,
 * and speaks Chinese. Screenshots are kept in test-results/screenshots for people to look at.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tinyScenario } from '../support/tiny-scenario.ts';
import { browserAvailable, launch, screenshotDir, servePage } from '../support/browser.ts';
import { repoRoot } from '../support/data-dir.ts';

describe.skipIf(!browserAvailable)('the first page', () => {
  let browser: Browser;
  let page: Page;
  let server: Awaited<ReturnType<typeof servePage>>;
  const outside: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    server = await servePage();
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('request', (r) => { if (!r.url().startsWith(server.url) && !r.url().startsWith('data:')) outside.push(r.url()); });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(server.url);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens on the default scenario with its load and the grid drawn', async () => {
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    expect(await page.textContent('#scenario-name')).toBe('City heat wave');
    // The status moves on quickly (checked, first outlook, forecast): it names the file throughout.
    expect(await page.textContent('#status')).toMatch(/heat-wave\.json — |Assessing/);
    const d = await page.getAttribute('#load-chart path.load', 'd');
    expect(d!.length).toBeGreaterThan(2000);
    expect(await page.locator('#classes-chart .tier-protected').count()).toBeGreaterThan(5);
    expect(await page.textContent('#summary')).toMatch(/12 substations/);
    // The load forecast comes from the same engine, in the workers, and is drawn with its band.
    await page.waitForSelector('body[data-forecast="true"]', { timeout: 60_000 });
    expect((await page.getAttribute('#load-chart path.forecast-band', 'd'))!.length).toBeGreaterThan(500);
    // Then the warnings, from the same forecast.
    await page.waitForSelector('body[data-outlook="true"]', { timeout: 60_000 });
    expect(await page.textContent('#status')).toMatch(/heat-wave\.json — warnings drawn/);
    await page.screenshot({ path: join(screenshotDir, 'first-page.png'), fullPage: true });
  });

  it('makes no request outside its own origin and logs no errors', () => {
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('shows the problems of a malformed file in place, and keeps working', async () => {
    const broken = tinyScenario() as any;
    broken.feeders[1].substation = 'S-99';
    broken.customers[1].measures = { limit: { capMW: 1 } };
    await page.setInputFiles('#file-input', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    await page.waitForSelector('#problems:not([hidden])');
    const items = await page.locator('#problems-list li').allTextContents();
    expect(items).toEqual([
      'feeders[1].substation: unknown area "S-99"',
      'customers[1].measures: expected no curtailment measures: class "hospital" is protected and is never curtailed, found limit',
    ]);
    expect(await page.textContent('#problems-kept')).toBe('Still showing the last valid scenario: City heat wave');
    await page.screenshot({ path: join(screenshotDir, 'malformed-file.png') });
    await page.setInputFiles('#file-input', { name: 'not-json.json', mimeType: 'application/json', buffer: Buffer.from('{"format": ') });
    await page.waitForFunction(() => document.querySelector('#problems-count')?.textContent?.startsWith('not-json.json'));
    expect(await page.textContent('#problems-list')).toMatch(/the text ends in the middle/);
    await page.click('#default-button');
    await page.waitForSelector('#problems[hidden]', { state: 'attached' });
    expect(await page.textContent('#scenario-name')).toBe('City heat wave');
  });

  it('opens the newer of two files chosen in quick succession, with no error from the one it gave up', async () => {
    const before = errors.length;
    await page.setInputFiles('#file-input', join(repoRoot, 'scenarios', 'coal-wind.json'));
    await page.waitForFunction(() => /Loading/.test(document.querySelector('#status')!.textContent!) || /coal-wind/.test(document.querySelector('#status')!.textContent!));
    await page.setInputFiles('#file-input', join(repoRoot, 'scenarios', 'unit-trip.json'));
    await page.waitForFunction(() => /^unit-trip\.json — warnings drawn/.test(document.querySelector('#status')!.textContent!), undefined, { timeout: 90_000 });
    // Nothing from the file given up comes later to overwrite it.
    await page.waitForTimeout(1500);
    expect(await page.textContent('#status')).toMatch(/^unit-trip\.json — warnings drawn/);
    expect(await page.getAttribute('#status', 'data-kind')).toBe('ok');
    expect(errors.slice(before)).toEqual([]);
    await page.click('#default-button');
    await page.waitForFunction(() => /^heat-wave\.json — /.test(document.querySelector('#status')!.textContent!), undefined, { timeout: 90_000 });
  }, 120_000);

  it('switches to Chinese and back', async () => {
    await page.click('#lang-button');
    expect(await page.textContent('#scenario-name')).toBe('城市高温热浪');
    expect(await page.textContent('.summary-panel h2')).toBe('电网');
    await page.screenshot({ path: join(screenshotDir, 'first-page-zh.png'), fullPage: true });
    await page.click('#lang-button');
    expect(await page.textContent('#scenario-name')).toBe('City heat wave');
  });
});
