/**
 * History as Chinese utilities export it, attached on the page: one row per day with 96
 * quarter-hour points in columns (T0015 … T2400, kW) and the day's highest and lowest
 * temperature, dropped on the open scenario. The form guesses the layout from the header, shows
 * only its fields, and the import reads the points into hourly means (with the hour's maximum)
 * and the daily weather into hours, then opens the result.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launch, screenshotDir, servePage } from '../support/browser.ts';
import { repoRoot } from '../support/data-dir.ts';

describe.skipIf(!browserAvailable)('the page reading a history CSV as it comes', () => {
  let browser: Browser;
  let page: Page;
  let server: Awaited<ReturnType<typeof servePage>>;

  beforeAll(async () => {
    server = await servePage();
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(server.url);
    await page.waitForSelector('body[data-outlook="true"]', { timeout: 120_000 });
    await page.evaluate(() => { delete document.body.dataset.outlook; });
    await page.setInputFiles('#file-input', join(repoRoot, 'scenarios', 'local-limit.json'));
    await page.waitForFunction(() => /^local-limit\.json — warnings drawn/.test(document.querySelector('#status')!.textContent!), undefined, { timeout: 120_000 });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** S03's hourly history as day rows of 96 quarter-hours in kW (each hour's four points 2 % above it, the last one 6 %), with the day's max and min temperature. */
  function dayRows(): Buffer {
    const file = JSON.parse(readFileSync(join(repoRoot, 'scenarios', 'local-limit.json'), 'utf8'));
    const series = file.history.load.find((h: { of: string; id: string }) => h.of === 'area' && h.id === 'S03');
    const temps = file.weather.stations[0].history.values as number[];
    expect(series.start).toBe('2022-07-30T00:00+08:00'); // a local midnight: whole days
    const days = Math.floor(series.values.length / 24);
    const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}${String(m % 60).padStart(2, '0')}`;
    const header = ['数据日期', ...Array.from({ length: 96 }, (_, i) => `T${hhmm(15 * (i + 1))}`), '最高气温', '最低气温'];
    const lines = [header.join(',')];
    for (let d = 0; d < days; d++) {
      const date = new Date(Date.UTC(2022, 6, 30 + d)).toISOString().slice(0, 10);
      const points: number[] = [];
      for (let h = 0; h < 24; h++) {
        const kw = series.values[d * 24 + h] * 1000;
        points.push(Math.round(kw * 1.0), Math.round(kw * 1.0), Math.round(kw * 1.0), Math.round(kw * 1.08));
      }
      const day = temps.slice(d * 24, d * 24 + 24);
      lines.push([date, ...points, Math.max(...day).toFixed(1), Math.min(...day).toFixed(1)].join(','));
    }
    return Buffer.from(lines.join('\n'));
  }

  it('guesses day rows of 96 points and the day\'s weather from the header, showing only their fields', async () => {
    await page.setInputFiles('#file-input', { name: 'S03-96.csv', mimeType: 'text/csv', buffer: dayRows() });
    await page.waitForSelector('#csv-panel:not([hidden])');
    expect(await page.inputValue('#csv-layout')).toBe('day-rows');
    expect(await page.inputValue('#csv-date')).toBe('数据日期');
    expect(await page.inputValue('#csv-pattern')).toBe('T{HH}{MM}');
    expect(await page.isChecked('#csv-ending')).toBe(true);
    expect(await page.inputValue('#csv-temp-kind')).toBe('daily');
    expect(await page.inputValue('#csv-temp-max')).toBe('最高气温');
    expect(await page.inputValue('#csv-temp-min')).toBe('最低气温');
    // Fields of other layouts are out of the way: no time or load column for day rows.
    expect(await page.isHidden('#csv-time')).toBe(true);
    expect(await page.isHidden('#csv-load')).toBe(true);
    expect(await page.isVisible('#csv-pattern')).toBe(true);
    await page.selectOption('#csv-unit', 'kW');
    await page.locator('#csv-panel').screenshot({ path: join(screenshotDir, 'csv-day-rows.png') });
  });

  it('attaches the quarter-hours and the day\'s weather to the area and opens the result (the figures read: test/history/import-day-rows.test.ts)', async () => {
    await page.selectOption('#csv-area', 'S03');
    await page.click('#csv-attach');
    await page.waitForFunction(() => /^local-limit\+S03\.json — warnings drawn/.test(document.querySelector('#status')!.textContent!), undefined, { timeout: 120_000 });
    expect(await page.isHidden('#problems')).toBe(true);
  }, 180_000);

  it('says what is wrong, by place, when the point columns do not make a day', async () => {
    await page.setInputFiles('#file-input', { name: 'S03-96.csv', mimeType: 'text/csv', buffer: dayRows() });
    await page.waitForSelector('#csv-panel:not([hidden])');
    await page.fill('#csv-pattern', 'P{N}');
    await page.selectOption('#csv-area', 'S03');
    await page.click('#csv-attach');
    await page.waitForSelector('#problems:not([hidden])');
    expect((await page.locator('#problems-list li').allTextContents()).join(' ')).toMatch(/S03-96\.csv.*P\{N\}/);
  }, 60_000);
});
