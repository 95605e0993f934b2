/**
 * The built page carries a strict Content-Security-Policy (issue 12): its own scripts, styles and
 * workers only, nothing inline, nothing from elsewhere. The default flow runs under it with no
 * violation, and the policy is really enforced (an inline script and an inline style are refused).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { browserAvailable, launch, screenshotDir, servePage } from '../support/browser.ts';

type Violation = { directive: string; blocked: string; sample: string };

describe.skipIf(!browserAvailable)('the page under its Content-Security-Policy', () => {
  let browser: Browser;
  let page: Page;
  let server: Awaited<ReturnType<typeof servePage>>;
  const errors: string[] = [];
  const violations = () => page.evaluate(() => (window as unknown as { cspViolations: Violation[] }).cspViolations);

  beforeAll(async () => {
    server = await servePage();
    browser = await launch();
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
    // Before any of the page's own code: every violation the document reports.
    await context.addInitScript(() => {
      const list: Violation[] = [];
      (window as unknown as { cspViolations: Violation[] }).cspViolations = list;
      document.addEventListener('securitypolicyviolation', (e) => list.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample }));
    });
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error' || /Content.Security.Policy/i.test(m.text())) errors.push(m.text()); });
    await page.goto(server.url);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the built page declares a strict policy in its head, before anything it loads', async () => {
    const html = await (await fetch(server.url)).text();
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy"/);
    const policy = (await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content'))!;
    expect(policy).toMatch(/(^|; )default-src 'self'(;|$)/);
    expect(policy).toMatch(/(^|; )script-src 'self'(;|$)/);
    expect(policy).toMatch(/(^|; )style-src 'self'(;|$)/);
    expect(policy).toMatch(/(^|; )object-src 'none'(;|$)/);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
    expect(html.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(html.search(/<script|<link rel="stylesheet"/));
  });

  it('opens the default scenario, draws the outlook, makes, plays out, exports and prints a plan without a single violation', async () => {
    await page.waitForSelector('body[data-outlook="true"]', { timeout: 90_000 });
    expect(await page.locator('#outlook-chart .warning-strip .level-cell').count()).toBeGreaterThan(100);
    // Styled as ever: the stylesheet is the page's own, and d3's styles go through the CSSOM.
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.bar')!).display)).toBe('flex');
    await page.click('button[data-strategy="cost"]');
    await page.waitForFunction(() => document.querySelectorAll('#plans-table th button[data-plan]').length === 1, undefined, { timeout: 90_000 });
    expect(await page.textContent('#plans-table')).toMatch(/✓ verified/);
    // The network's treemap is drawn in a task after the table's.
    await page.waitForSelector('#network-chart rect.feeder', { timeout: 10_000 });
    expect(await page.locator('#network-chart rect.feeder').count()).toBeGreaterThan(100);
    await page.selectOption('#futures', '200');
    await page.click('#playout-button');
    await page.waitForSelector('body[data-playout="true"]', { timeout: 120_000 });
    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('#plans-table button.csv').first().click()]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    await page.click('#dispatch summary');
    await Promise.all([page.waitForEvent('download'), page.click('#download-bulletin')]);
    await page.evaluate(() => { window.print = () => { document.body.dataset.printed = 'true'; }; });
    await page.click('#print-button');
    await page.waitForSelector('body[data-printed="true"]', { timeout: 30_000 });
    expect(await page.textContent('#plan-document')).toMatch(/Orderly power plan/);
    await page.click('#lang-button');
    expect(await page.textContent('#plans-panel h2')).toBe('有序用电方案');
    await page.screenshot({ path: join(screenshotDir, 'csp-plans.png') });
    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
  }, 300_000);

  it('the policy is enforced: an inline script and an inline style attribute put in the page are refused', async () => {
    const ran = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.inlineRan = true';
      document.head.append(s);
      const div = document.createElement('div');
      div.innerHTML = '<span id="styled" style="color: rgb(1, 2, 3)">x</span>';
      document.body.append(div);
      return { script: (window as unknown as { inlineRan?: boolean }).inlineRan === true, colour: getComputedStyle(document.getElementById('styled')!).color };
    });
    expect(ran.script).toBe(false);
    expect(ran.colour).not.toBe('rgb(1, 2, 3)');
    const seen = (await violations()).map((v) => v.directive);
    expect(seen).toContain('script-src-elem');
    expect(seen).toContain('style-src-attr');
  });
});
