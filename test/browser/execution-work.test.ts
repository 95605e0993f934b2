/**
 * The day of execution's later work on the page, in real Chromium, on the default scenario (the
 * heat wave): the re-plan's revision added to the plans table and the compare chart as a plan of
 * its own, named as a revision of the plan in force; the steps after acknowledgement (执行中, 已执行,
 * 未执行到位) recorded at the page's clock by name, with the state the meters imply offered for the
 * dispatcher to confirm; the log of bulletins issued with what escalated or eased; the meters kept
 * across a reload, and cleared. Screenshots in test-results/screenshots/execution-work/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launch, screenshotDir, servePage } from '../support/browser.ts';
import { repoRoot } from '../support/data-dir.ts';

const shots = join(screenshotDir, 'execution-work');

describe.skipIf(!browserAvailable)('the day of execution, after the notices go out', () => {
  let browser: Browser;
  let page: Page;
  let server: Awaited<ReturnType<typeof servePage>>;
  const errors: string[] = [];
  const dispatcher = '李调度';
  let storyDate = '';

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    server = await servePage();
    browser = await launch();
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(server.url);
    await page.waitForFunction(() => !document.body.dataset.provisional && /warnings drawn/.test(document.querySelector('#status')!.textContent!), undefined, { timeout: 180_000 });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const shoot = async (name: string, part: string) => {
    await page.evaluate(() => { document.querySelector<HTMLElement>('.top')!.style.position = 'static'; });
    await page.locator(part).screenshot({ path: join(shots, name) });
    await page.evaluate(() => { document.querySelector<HTMLElement>('.top')!.style.position = ''; });
  };
  const speak = async (lang: 'en' | 'zh') => {
    if ((await page.getAttribute('html', 'lang'))!.startsWith(lang === 'zh' ? 'zh' : 'en')) return;
    await page.click('#lang-button');
    await page.waitForFunction((l) => document.documentElement.lang.startsWith(l), lang);
  };
  const at = async () => Date.parse((await page.getAttribute('#clock-time', 'data-at'))!.replace(/([+-]\d\d:\d\d)$/, ':00$1'));
  /** The page's clock moved on to `hhmm` of the story's day. */
  const clockTo = async (hhmm: string) => {
    const target = Date.parse(`${storyDate}T${hhmm}:00+08:00`);
    for (const step of [24, 6, 1]) while (target - (await at()) >= step * 3_600_000) await page.click(`[data-clock="${step}"]`);
    expect(await page.getAttribute('#clock-time', 'data-at')).toBe(`${storyDate}T${hhmm}+08:00`);
  };

  it('adds the re-plan to the plans table and the compare chart as a revision of the plan in force, selectable, with its figures from T', async () => {
    await page.click('[data-strategy="cost"]');
    await page.waitForFunction(() => document.querySelectorAll('#plans-table th button[data-plan]').length === 1, undefined, { timeout: 120_000 });
    await page.click('#execution-start');
    await page.waitForFunction(() => document.querySelectorAll('#notices-table tbody tr[data-key]').length > 0, undefined, { timeout: 120_000 });
    await page.fill('#dispatcher-name', dispatcher);
    await page.locator('#dispatcher-name').dispatchEvent('change');
    await page.click('#story-button');
    await page.waitForSelector('#compliance-body:not([hidden])', { timeout: 180_000 });
    storyDate = /^The story \((2024-07-\d\d)\)/.exec((await page.textContent('#meters-story'))!)![1];
    await clockTo('13:00');
    await page.click('#replan-button');
    await page.waitForSelector('#replan-result[data-verified]', { timeout: 180_000 });
    await page.waitForFunction(() => document.querySelectorAll('#plans-table th button[data-plan]').length === 2, undefined, { timeout: 30_000 });
    const heads = await page.locator('#plans-table th button[data-plan]').allTextContents();
    expect(heads).toEqual(['Least cost', 'Least cost · revised 13:00']);
    const inForce = (await page.locator('#plans-table th button[data-plan]').first().getAttribute('data-plan'))!;
    expect(await page.locator('#plans-table th button[data-plan]').nth(1).getAttribute('data-revises')).toBe(inForce);
    // Its own figures from T, beside "–" for the plan in force.
    const row = async (label: string) => page.locator('#plans-table tr', { has: page.locator(`th:text-is("${label}")`) }).locator('td').allTextContents();
    const of = await row('Revision of');
    expect(of[0]).toBe('–');
    expect(of[1]).toMatch(new RegExp(`^Least cost · [A-Z][a-z]{2} \\d+ 13:00 · [\\d,]+ changed · [\\d,]+\\.\\d → [\\d,]+\\.\\d MW$`));
    const fromT = await row('Residual from T');
    expect(fromT[0]).toBe('–');
    expect(fromT[1]).toMatch(/^[\d,]+\.\d MWh/);
    expect((await row('Verification'))[1]).toBe('✓ verified');
    // The compare chart draws both, the revision's legend named as a revision.
    expect(await page.locator('#compare-chart path.compare-plan').count()).toBe(2);
    expect(await page.textContent('#compare-chart .legend')).toContain('Least cost · revised 13:00 — ');
    // Played out with the others: the revision is read back and checked again like any kept plan.
    await page.selectOption('#futures', '200');
    await page.click('#playout-button');
    await page.waitForSelector('body[data-playout="true"]', { timeout: 240_000 });
    const ens = await row('Energy not served');
    expect(ens.every((v) => v !== '–')).toBe(true);
        // The plan in force stays in execution; the revision is selectable like any plan.
    expect(await page.textContent('#execution-plan')).toBe('Plan in execution: Least cost');
    await page.locator('#plans-table th button[data-plan]').nth(1).click();
    expect(await page.locator('#plans-table th button[data-plan]').nth(1).getAttribute('class')).toContain('selected');
    expect(await page.textContent('#execution-plan')).toBe('Plan in execution: Least cost (another plan is selected above)');
    await shoot('01-plans-with-revision.png', '#plans-table');
    await shoot('02-compare-with-revision.png', '#compare-chart');
    await speak('zh');
    expect(await page.locator('#plans-table th button[data-plan]').allTextContents()).toEqual(['经济损失最小', '经济损失最小 · 13:00 修订']);
    expect(await page.textContent('#plans-table')).toContain('T 时起剩余缺口');
    expect(await page.textContent('#plans-table')).toMatch(/经济损失最小 · 07-\d\d 13:00 · 变动 [\d,]+ 户 · /);
    await shoot('03-plans-with-revision-zh.png', '#plans-table');
    await speak('en');
    await page.locator('#plans-table th button[data-plan]').first().click();
  }, 600_000);

  it('records executing, executed and not executed at the page\'s clock by name, and offers the state the meters imply once the day\'s hours are over, for the dispatcher to confirm', async () => {
    await page.selectOption('#notice-day', storyDate);
    const rows = page.locator('#notices-table tbody tr[data-key]');
    const key = async (i: number) => (await rows.nth(i).getAttribute('data-key'))!;
    const row = (k: string) => page.locator(`#notices-table tr[data-key="${k}"]`);
    const status = async (k: string) => row(k).locator('td').nth(6).textContent();
    const [a, b, c] = [await key(0), await key(1), await key(2)];
    // By hand: notified → acknowledged → executing → executed; and notified → not executed.
    for (const to of ['notified', 'acknowledged', 'executing', 'executed']) await row(a).locator(`button[data-record="${to}"]`).click();
    expect(await status(a)).toMatch(new RegExp(`^executedJul \\d+ 13:00 · ${dispatcher}$`));
    expect(await row(a).locator('button').count()).toBe(0);
    await row(b).locator('button[data-record="notified"]').click();
    expect(await row(b).locator('button[data-record]').evaluateAll((bs) => bs.map((x) => x.textContent))).toEqual(['Mark acknowledged', 'Mark not executed']);
    await row(b).locator('button[data-record="not-executed"]').click();
    expect(await status(b)).toMatch(new RegExp(`^not executedJul \\d+ 13:00 · ${dispatcher}$`));
    // Before the day's hours are over, the meters offer nothing.
    for (const to of ['notified', 'acknowledged']) await row(c).locator(`button[data-record="${to}"]`).click();
    expect(await row(c).locator('button[data-confirm]').count()).toBe(0);
    await clockTo('23:00');
    const offer = row(c).locator('button[data-confirm]');
    expect(await offer.count()).toBe(1);
    const offered = (await offer.textContent())!;
    const m = /^Confirm (executed|not executed) \(meters (\d+\.\d) %\)$/.exec(offered)!;
    expect(m).not.toBeNull();
    // The state it offers is the one compliance judged: executed at 80 % or more.
    expect(m[1] === 'executed').toBe(Number(m[2]) >= 80);
    await shoot('04-confirm-offered.png', '#notices-ready');
    await offer.click();
    expect(await status(c)).toMatch(new RegExp(`^${m[1]}Jul \\d+ 23:00 · ${dispatcher}$`));
    // The steps carry where they came from, in the log (the form orderly notices --log reads).
    const download = page.waitForEvent('download');
    await page.click('#download-log');
    const log = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as { steps: { notice: string; to: string; at: string; note?: string }[] };
    const mine = log.steps.filter((st) => st.notice === c);
    expect(mine.map((st) => st.to)).toEqual(m[1] === 'executed' ? ['notified', 'acknowledged', 'executing', 'executed'] : ['notified', 'acknowledged', 'not-executed']);
    expect(mine.at(-1)!.note).toBe(`计量完成率 ${m[2]} %，调度员确认 / confirmed by the dispatcher from the meters: completion ${m[2]} %`);
    // A round at once: the page notified, then the states the meters imply confirmed (only "not executed" from notified: no acknowledgement is invented).
    await page.click('#mark-page-notified');
    const confirm = (await page.textContent('#confirm-page-implied'))!;
    const k = Number(/^Confirm the states the meters imply for (\d+) on this page$/.exec(confirm)![1]);
    const before = (await page.textContent('#notice-counts'))!;
    const short = Number(/not executed (\d+)/.exec(before)![1]);
    if (k > 0) {
      await page.click('#confirm-page-implied');
      expect(Number(/not executed (\d+)/.exec((await page.textContent('#notice-counts'))!)![1])).toBe(short + k);
    }
    expect(await page.textContent('#notice-counts')).toMatch(/ · executing 0 · executed [1-9]\d* · not executed [1-9]\d*/);
    await shoot('05-states-recorded.png', '#notices-ready');
    await speak('zh');
    expect(await status(a)).toMatch(/^已执行/);
    expect(await status(b)).toMatch(/^未执行到位/);
    await shoot('06-states-recorded-zh.png', '#notices-ready');
    await speak('en');
    await page.selectOption('#notice-day', '');
  }, 300_000);

  it('keeps the meters across a reload, judged again on the baseline they were judged on (with the revision and the steps kept too), and clears them', async () => {
    const waitJudged = async () => page.waitForFunction(() => !document.querySelector('#compliance-body')!.hasAttribute('hidden') && !/^Judging/.test(document.querySelector('#meters-summary')!.textContent!), undefined, { timeout: 180_000 });
    const before = await page.textContent('#compliance-facts');
    const reload = async () => {
      await page.reload();
      await page.waitForFunction(() => /^Notices \(通知清单\): [\d,]+ notices/.test(document.querySelector('#status')!.textContent!) || !document.querySelector('#compliance-body')!.hasAttribute('hidden'), undefined, { timeout: 240_000 });
    };
    await reload();
    await waitJudged();
    expect(await page.textContent('#compliance-facts')).toBe(before);
    expect(await page.textContent('#meters-story')).toContain(`The story (${storyDate})`);
    expect(await page.textContent('#meters-summary')).toMatch(/23:00\. Kept in this browser for the plan in execution: a reload judges them again\.$/);
    expect(await page.inputValue('#baseline-select')).toBe('jiangsu');
    expect(await page.locator('#plans-table th button[data-plan]').allTextContents()).toEqual(['Least cost', 'Least cost · revised 13:00']);
    expect(await page.textContent('#notice-counts')).toMatch(/ · executed [1-9]\d* · not executed [1-9]\d*/);
    // Judged again on another baseline, that baseline comes back too.
    await page.selectOption('#baseline-select', 'day-adjusted');
    await page.waitForFunction((b) => document.querySelector('#compliance-facts')!.textContent !== b && !/^Judging/.test(document.querySelector('#meters-summary')!.textContent!), before, { timeout: 120_000 });
    // Reloaded once the meters are kept on the new baseline (written after they are shown).
    await page.waitForFunction(() => document.body.dataset.metersKept === 'day-adjusted', undefined, { timeout: 60_000 });
    const adjusted = await page.textContent('#compliance-facts');
    await reload();
    await waitJudged();
    expect(await page.inputValue('#baseline-select')).toBe('day-adjusted');
    expect(await page.textContent('#compliance-facts')).toBe(adjusted);
    await shoot('07-meters-kept.png', '#meters-box');
    // Cleared: compliance goes, the re-plan waits for meters again, and a reload brings nothing back.
    await page.click('#meters-clear');
    await page.waitForFunction(() => /^Meters cleared/.test(document.querySelector('#status')!.textContent!), undefined, { timeout: 30_000 });
    expect(await page.textContent('#status')).toBe('Meters cleared: compliance, the reports and the re-plan made from them are gone, here and after a reload.');
    expect(await page.textContent('#meters-summary')).toBe('No meters yet: load the story, or choose or drop a meter CSV.');
    expect(await page.isVisible('#compliance-empty')).toBe(true);
    expect(await page.isDisabled('#replan-button')).toBe(true);
    expect(await page.isDisabled('#meters-clear')).toBe(true);
    await page.reload();
    await page.waitForFunction(() => /^Notices \(通知清单\): [\d,]+ notices/.test(document.querySelector('#status')!.textContent!), undefined, { timeout: 240_000 });
    await page.waitForTimeout(500);
    expect(await page.textContent('#meters-summary')).toBe('No meters yet: load the story, or choose or drop a meter CSV.');
    await speak('zh');
    expect(await page.textContent('#meters-clear')).toBe('清除计量数据');
    await speak('en');
  }, 600_000);

  it('logs the bulletins issued for the scenario, each with what escalated or eased against the one before, kept across a reload', async () => {
    expect(await page.isVisible('#bulletin-log-box')).toBe(true);
    expect(await page.textContent('#bulletin-since')).toBe('No bulletin issued yet for this scenario: the first one logged is the one the next is compared with.');
    expect(await page.textContent('#bulletin-log-table')).toContain('No bulletin logged yet.');
    const logRows = page.locator('#bulletin-log-table tbody tr[data-key]');
    const logged = (k: number) => page.waitForFunction((n) => document.querySelectorAll('#bulletin-log-table tbody tr[data-key]').length === n, k, { timeout: 30_000 });
    await page.click('#log-bulletin');
    await logged(1);
    const first = await logRows.first().locator('td').allTextContents();
    expect(first[0]).toBe('Jul 21 10:00');
    expect(first[1]).toMatch(/^level II \(orange\)/);
    expect(first[3]).toMatch(new RegExp(` · ${dispatcher}$`));
    expect(first[4]).toBe('first logged: nothing to compare with');
    expect(await page.textContent('#bulletin-since')).toBe('The bulletin shown, against the last issued (Jul 21 10:00): no change of level');
    await page.click('#log-bulletin');
    expect(await page.textContent('#bulletin-log-refused')).toBe('This bulletin is already the last one logged: nothing to add.');
    expect(await logRows.count()).toBe(1);
    // The same scenario tighter (more reserve to hold): its bulletin escalates against the one issued.
    const file = JSON.parse(readFileSync(join(repoRoot, 'scenarios', 'heat-wave.json'), 'utf8'));
    file.supply.reserveMW += 400;
    await page.setInputFiles('#file-input', { name: 'heat-wave-tighter.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await page.waitForFunction(() => /^heat-wave-tighter\.json — warnings drawn$/.test(document.querySelector('#status')!.textContent!), undefined, { timeout: 240_000 });
    // This opening's log read (the box shown again), not the last opening's comparison left behind.
    await page.waitForFunction(() => !document.querySelector<HTMLElement>('#bulletin-log-box')!.hidden && /against the last issued/.test(document.querySelector('#bulletin-since')!.textContent!), undefined, { timeout: 30_000 });
    expect(await page.textContent('#bulletin-since')).toMatch(/^The bulletin shown, against the last issued \(Jul 21 10:00\): [1-9]\d* escalated/);
    await page.click('#log-bulletin');
    await logged(2);
    const newest = logRows.first();
    expect(await newest.getAttribute('class')).toBe('escalated');
    const escalated = newest.locator('li.change-escalated');
    expect(await escalated.count()).toBeGreaterThan(0);
    expect(await escalated.first().textContent()).toMatch(/^[^ ]+.* Jul \d+ \d\d:00–\d\d:00: level (IV|III|II) \([a-z]+\) → level (III|II|I) \([a-z]+\) \(escalated\)$/);
    await shoot('08-bulletin-log.png', '#bulletin-log-box');
    await speak('zh');
    expect(await page.textContent('#bulletin-log-box h3')).toBe('已发布预警');
    expect(await escalated.first().textContent()).toMatch(/^.+ 07-\d\d \d+–\d+时：.+ → .+（升级）$/);
    expect(await page.textContent('#bulletin-since')).toBe('当前预警与上次发布相比（07-21 10:00）：等级无变化');
    await shoot('09-bulletin-log-zh.png', '#bulletin-log-box');
    await speak('en');
    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll('#bulletin-log-table tbody tr[data-key]').length === 2, undefined, { timeout: 240_000 });
  }, 600_000);

  it('has no errors in the console', () => {
    expect(errors).toEqual([]);
  });
});
