/**
 * The network treemap in real Chromium (the chart module through Vite's dev server): a province's
 * tens of thousands of feeders are drawn as one box per substation, and a click draws one
 * substation's feeders; a city's feeders are drawn one by one.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { browserAvailable, launch, screenshotDir, serveSources } from '../support/browser.ts';

/** A network: `cities` cities of `substations` substations of `feeders` feeders each. */
function network(cities: number, substations: number, feeders: number) {
  const areas = [{ id: 'P', name: 'Province', parent: null as string | null }];
  const list: { id: string; area: string; ratingMW: number; protected: boolean; curtailedMWh: number; openedHours: number }[] = [];
  for (let c = 0; c < cities; c++) {
    areas.push({ id: `C${c}`, name: `City ${c}`, parent: 'P' });
    for (let s = 0; s < substations; s++) {
      const sub = `C${c}S${s}`;
      areas.push({ id: sub, name: `Sub ${c}.${s}`, parent: `C${c}` });
      for (let f = 0; f < feeders; f++) list.push({ id: `${sub}F${f}`, area: sub, ratingMW: 5 + f, protected: f === 0, curtailedMWh: f % 3 === 0 ? 0 : f, openedHours: s === 0 && f === 1 ? 2 : 0 });
    }
  }
  return { areas, feeders: list };
}

describe.skipIf(!browserAvailable)('the network treemap', () => {
  let browser: Browser;
  let page: Page;
  let server: Awaited<ReturnType<typeof serveSources>>;

  beforeAll(async () => {
    server = await serveSources();
    browser = await launch();
    page = await browser.newPage();
    await page.goto(`${server.url}index.html`);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Draws the chart in the page; returns what was drawn and the area a click asked for. */
  const draw = (data: ReturnType<typeof network>, focus: string | null, click?: string) => page.evaluate(async ({ data, focus, click }) => {
    // Through Function, so that the test runner does not rewrite this import for Node.
    const { networkChart } = await (new Function('path', 'return import(path)'))('/charts/network-chart.ts');
    let asked: string | null | undefined;
    const svg: SVGSVGElement = networkChart({ ...data, focus, labels: { protected: 'protected', curtailed: 'curtailed', opened: 'opened' }, onFocus: (a: string | null) => (asked = a) });
    document.body.replaceChildren(svg);
    if (click) svg.querySelector<SVGRectElement>(`rect[data-area="${click}"]`)!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    return {
      feeders: svg.querySelectorAll('rect[data-feeder]').length,
      substations: svg.querySelectorAll('rect.substation').length,
      opened: svg.querySelectorAll('rect.opened').length,
      back: svg.querySelector('[data-focus="back"]')?.textContent ?? null,
      asked,
    };
  }, { data, focus, click });

  it('draws a city\'s feeders one by one', async () => {
    const drawn = await draw(network(2, 10, 20), null);
    expect(drawn).toMatchObject({ feeders: 400, substations: 0, back: null });
  });

  it('draws a province\'s substations as single boxes (feeders summed), opened ones outlined', async () => {
    const drawn = await draw(network(4, 100, 10), null, 'C2S7');
    await page.setViewportSize({ width: 1000, height: 500 });
    await page.locator('svg').screenshot({ path: join(screenshotDir, 'network-by-substation.png') });
    expect(drawn.feeders).toBe(0);
    expect(drawn.substations).toBe(400);
    // Each city's first substation has an opened feeder (plus the legend's sample).
    expect(drawn.opened).toBe(4 + 1);
    expect(drawn.asked).toBe('C2S7');
  });

  it('draws one substation\'s feeders when it is the focus, with the way back', async () => {
    const drawn = await draw(network(4, 100, 10), 'C2S7');
    expect(drawn).toMatchObject({ feeders: 10, substations: 0 });
    expect(drawn.back).toMatch(/Sub 2\.7/);
    await page.setViewportSize({ width: 1000, height: 500 });
    await page.locator('svg').screenshot({ path: join(screenshotDir, 'network-substation.png') });
  });

  it('reaches every one of a city\'s 1,200 feeders from one stop in the tab order, by the arrow keys, Home and End, with a visible focus', async () => {
    await draw(network(2, 30, 20), null);
    const stops = await page.evaluate(() => [...document.querySelectorAll('rect.feeder[data-feeder]')].filter((r) => r.getAttribute('tabindex') === '0').length);
    expect(stops).toBe(1);
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-feeder') ?? null);
    await page.evaluate(() => document.body.focus());
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('C0S0F0');
    await page.keyboard.press('ArrowRight');
    const second = await focused();
    expect(second).not.toBe('C0S0F0');
    expect(second).toMatch(/^C0S0F/);
    await page.keyboard.press('ArrowLeft');
    expect(await focused()).toBe('C0S0F0');
    await page.keyboard.press('End');
    expect(await focused()).toMatch(/^C1S29F/);
    // Still one stop: the box the arrows left is out of the tab order, the one reached is in it.
    expect(await page.evaluate(() => [...document.querySelectorAll('rect.feeder[data-feeder]')].filter((r) => r.getAttribute('tabindex') === '0').map((r) => r.getAttribute('data-feeder')))).toEqual([await focused()]);
    // Its name is its tooltip's text, for a screen reader too.
    expect(await page.evaluate(() => document.activeElement?.querySelector('title')?.textContent)).toMatch(/^C1S29F\d+ \(Sub 1\.29\) · \d+ MW/);
    await page.keyboard.press('Home');
    expect(await focused()).toBe('C0S0F0');
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).stroke)).toBe('rgb(242, 220, 93)');
    await page.setViewportSize({ width: 1000, height: 500 });
    await page.locator('svg').screenshot({ path: join(screenshotDir, 'network-feeder-focus.png') });
  });

  it('moves between a province\'s substations by the arrow keys, and Enter draws the one reached', async () => {
    const asked = await page.evaluate(async () => {
      const { networkChart } = await (new Function('path', 'return import(path)'))('/charts/network-chart.ts');
      const areas = [{ id: 'P', name: 'Province', parent: null }, ...Array.from({ length: 300 }, (_, s) => ({ id: `S${s}`, name: `Sub ${s}`, parent: 'P' }))];
      const feeders = areas.slice(1).flatMap((a) => Array.from({ length: 10 }, (_, f) => ({ id: `${a.id}F${f}`, area: a.id, ratingMW: 5 + f, protected: false, curtailedMWh: f, openedHours: 0 })));
      const w = window as unknown as { asked: string | null };
      w.asked = null;
      document.body.replaceChildren(networkChart({ areas, feeders, labels: { protected: 'protected', curtailed: 'curtailed', opened: 'opened' }, onFocus: (a: string | null) => (w.asked = a) }));
      return document.querySelectorAll('rect.substation[tabindex="0"]').length;
    });
    expect(asked).toBe(1);
    await page.evaluate(() => document.body.focus());
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => document.activeElement?.getAttribute('data-area'));
    await page.keyboard.press('ArrowDown');
    const next = await page.evaluate(() => document.activeElement?.getAttribute('data-area'));
    expect(next).not.toBe(first);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => (window as unknown as { asked: string | null }).asked)).toBe(next);
  });
});
