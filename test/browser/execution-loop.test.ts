/**
 * The day of execution on the page, in real Chromium, on the default scenario (the heat wave): a
 * plan made, its notices listed with deadlines and whom to call, a notice recorded notified then
 * acknowledged (with the time on the page's clock and the dispatcher's name) that survives a
 * reload, the alarm of notices past their deadline unacknowledged once the clock moves on, the
 * meters' story read in, compliance with customers short of their order and the residents' feeder
 * that dipped for a fault flagged, a meter file refused by row and column, the daily report and
 * its CSV in both languages, and the re-planner's place waiting for it. Screenshots are kept in
 * test-results/screenshots/execution/ for people to look at.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launch, screenshotDir, servePage } from '../support/browser.ts';
import { repoRoot } from '../support/data-dir.ts';

const shots = join(screenshotDir, 'execution');

describe.skipIf(!browserAvailable)('the day of execution on the page', () => {
  let browser: Browser;
  let page: Page;
  let server: Awaited<ReturnType<typeof servePage>>;
  const errors: string[] = [];
  const outside: string[] = [];
  /** The notice recorded, and by whom. */
  let recorded = '';
  const dispatcher = '王调度';

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    server = await servePage();
    browser = await launch();
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('request', (r) => { if (!r.url().startsWith(server.url) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) outside.push(r.url()); });
    await page.goto(server.url);
    await page.waitForSelector('body[data-outlook="true"]', { timeout: 120_000 });
    await page.waitForFunction(() => !document.body.dataset.provisional && /warnings drawn/.test(document.querySelector('#status')!.textContent!), undefined, { timeout: 120_000 });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A part of the section as people see it (the sticky bar at the top let go first, so it covers nothing). */
  const shoot = async (name: string, part = '#execution-panel') => {
    await page.evaluate(() => { document.querySelector<HTMLElement>('.top')!.style.position = 'static'; });
    await page.locator(part).screenshot({ path: join(shots, name) });
    await page.evaluate(() => { document.querySelector<HTMLElement>('.top')!.style.position = ''; });
  };
  const speak = async (lang: 'en' | 'zh') => {
    if ((await page.getAttribute('html', 'lang'))!.startsWith(lang === 'zh' ? 'zh' : 'en')) return;
    await page.click('#lang-button');
    await page.waitForFunction((l) => document.documentElement.lang.startsWith(l), lang);
  };
  const rows = () => page.locator('#notices-table tbody tr[data-key]');

  it('says what to do before there is a plan: build one, then work its notices', async () => {
    expect(await page.isVisible('#execution-panel')).toBe(true);
    expect(await page.textContent('#execution-empty')).toBe('No plan yet: build one under Orderly-power plans above, then work its notices here.');
    expect(await page.isDisabled('#execution-start')).toBe(true);
    expect(await page.isHidden('#execution-body')).toBe(true);
    await shoot('01-empty.png');
  });

  it('lists the notices of the plan made: deadline, customer, measures, hours and MW, contact and status, earliest deadline first', async () => {
    await page.click('[data-strategy="cost"]');
    await page.waitForFunction(() => document.querySelectorAll('#plans-table th button[data-plan]').length === 1, undefined, { timeout: 120_000 });
    expect(await page.textContent('#execution-start')).toBe('Work the notices of the selected plan: Least cost');
    await page.click('#execution-start');
    await page.waitForFunction(() => document.querySelectorAll('#notices-table tbody tr[data-key]').length > 0, undefined, { timeout: 120_000 });
    expect(await page.textContent('#execution-plan')).toBe('Plan in execution: Least cost');
    expect(await page.locator('#notices-table thead th').allTextContents()).toEqual(['Notice by', 'Customer', 'Measures', 'Hours ordered (MW by hour)', 'Peak (MW)', 'Contact', 'Status', 'Record']);
    expect(await rows().count()).toBe(25);
    const counts = (await page.textContent('#notice-counts'))!;
    const total = Number(/\(([\d,]+) notices, one per customer and day\)/.exec(counts)![1].replace(/,/g, ''));
    expect(total).toBeGreaterThan(1000);
    expect(counts).toMatch(new RegExp(`^to notify ${total.toLocaleString('en-US')} · notified 0 · acknowledged 0`));
    expect(await page.textContent('#notices-pager')).toContain(`rows 1–25 of ${total.toLocaleString('en-US')}`);
    // The clock starts at the scenario's issue time: no deadline has passed, so no alarm.
    expect(await page.getAttribute('#clock-time', 'data-at')).toMatch(/^2024-07-\d\dT10:00\+08:00$/);
    expect(await page.getAttribute('#notice-alarms', 'data-count')).toBe('0');
    const first = rows().first();
    const cells = await first.locator('td').allTextContents();
    expect(cells[0]).toMatch(/^Jul \d+ \d\d:00$/);
    expect(cells[1]).toMatch(/^C\d{6} /);
    expect(cells[3]).toMatch(/^Jul \d+ \d\d:00–\d\d:00/);
    expect(cells[7]).toBe('Mark notified');
    expect(cells[4]).toMatch(/^\d+\.\d\d MW$/);
    // The heat wave's curtailable customers carry a contact (the generator gives them one): no note of missing ones.
    expect(cells[5]).toMatch(/^\p{Script=Han}{2,3} 138 0000 \d{4}$/u);
    expect(await page.isHidden('#notice-contacts')).toBe(true);
    expect(cells[6]).toBe('to notify');
    expect(await first.locator('svg.mw-strip rect').count()).toBe(24);
    // Earliest deadline first, down the page.
    const deadlines = await rows().evaluateAll((trs) => trs.map((tr) => tr.querySelector('td')!.textContent!));
    expect([...deadlines].sort()).toEqual(deadlines);
    recorded = (await first.getAttribute('data-key'))!;
    // One day of execution at a time: the days with their counts, which add up to the whole.
    const days = await page.locator('#notice-day option').evaluateAll((os) => os.map((o) => [(o as HTMLOptionElement).value, o.textContent!]));
    expect(days[0]).toEqual(['', `Every day (${total.toLocaleString('en-US')} notices)`]);
    const perDay = days.slice(1).map(([, t]) => Number(/\(([\d,]+) notices?\)$/.exec(t)![1].replace(/,/g, '')));
    expect(perDay.reduce((a, b) => a + b, 0)).toBe(total);
    const [day, dayText] = days[days.length - 1];
    await page.selectOption('#notice-day', day);
    expect(await page.textContent('#notices-pager')).toContain(`of ${perDay[perDay.length - 1].toLocaleString('en-US')}`);
    expect((await rows().evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-key')!))).every((k) => k.endsWith(`@${day}`))).toBe(true);
    expect(dayText).toMatch(/^Jul \d+ \(/);
    await page.selectOption('#notice-day', '');
    await shoot('02-notices.png', '#notices-ready');
  }, 240_000);

  it('refuses a step without the dispatcher\'s name, then records notified and acknowledged at the page\'s clock, by name', async () => {
    const row = page.locator(`#notices-table tr[data-key="${recorded}"]`);
    await row.locator('button[data-record="notified"]').click();
    expect(await page.textContent('#notice-refused')).toBe('Enter the dispatcher\'s name first: every step records who made it.');
    await page.fill('#dispatcher-name', dispatcher);
    await page.locator('#dispatcher-name').dispatchEvent('change');
    await row.locator('button[data-record="notified"]').click();
    expect(await page.isHidden('#notice-refused')).toBe(true);
    expect(await row.locator('td').nth(6).textContent()).toMatch(new RegExp(`^notifiedJul \\d+ 10:00 · ${dispatcher}$`));
    await page.click('[data-clock="1"]');
    // Keyboard: the next step's button is reached with Tab from the dispatcher's name and pressed with Enter.
    await page.focus('#dispatcher-name');
    for (let i = 0; i < 20 && !(await page.evaluate(() => document.activeElement?.getAttribute('data-record') === 'acknowledged')); i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-notice'))).toBe(recorded);
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => /^acknowledged/.test(document.querySelector(`#notices-table tr[data-key="${id}"] td:nth-child(7)`)!.textContent!), recorded);
    expect(await row.locator('td').nth(6).textContent()).toMatch(new RegExp(`^acknowledgedJul \\d+ 11:00 · ${dispatcher}$`));
    // Acknowledged, the steps after it are offered: executing, or not executed.
    expect(await row.locator('button[data-record]').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-record')))).toEqual(['executing', 'not-executed']);
    // The keyboard stays in the list: on the row's next step, not thrown back to the top of the page.
    expect(await page.evaluate(() => [document.activeElement?.closest('tr')?.getAttribute('data-key'), document.activeElement?.getAttribute('data-record')])).toEqual([recorded, 'executing']);
    expect(await page.textContent('#notice-counts')).toMatch(/· notified 0 · acknowledged 1 ·/);
  }, 60_000);

  it('raises the alarm, row by row and counted, for notices past their deadline and not acknowledged once the clock moves on', async () => {
    await page.click('[data-clock="6"]');
    const count = Number(await page.getAttribute('#notice-alarms', 'data-count'));
    expect(count).toBeGreaterThan(0);
    expect(await page.textContent('#notice-alarms')).toBe(`⚠ Alarm: ${count.toLocaleString('en-US')} ${count === 1 ? 'notice is' : 'notices are'} past the deadline and not acknowledged`);
    expect((await page.getAttribute(`#notices-table tr[data-key="${recorded}"]`, 'class')) ?? '').not.toContain('alarm');
    await page.click('[data-notice-filter="alarms"]');
    expect(await page.getAttribute('[data-notice-filter="alarms"]', 'aria-pressed')).toBe('true');
    expect(await rows().count()).toBe(Math.min(25, count));
    expect(await page.locator('#notices-table tr.alarm').count()).toBe(Math.min(25, count));
    expect(await page.locator('#notices-table tr.alarm td.overdue').first().textContent()).toMatch(/overdue by \d+ h \d\d min · not notified$/);
    await shoot('03-alarms.png', '#notices-ready');
    await page.click('[data-notice-filter="all"]');
    await page.click('#clock-reset');
    expect(await page.getAttribute('#notice-alarms', 'data-count')).toBe('0');
    // A step before the notice's last one is refused in the page's words, and nothing is recorded.
    const other = rows().nth(1);
    await page.click('[data-clock="1"]');
    await other.locator('button[data-record="notified"]').click();
    await page.click('#clock-reset');
    await page.click('[data-clock="-1"]');
    expect(await page.getAttribute('#clock-time', 'data-at')).toMatch(/T10:00\+08:00$/); // never before the issue time
    await other.locator('button[data-record="acknowledged"]').click();
    expect(await page.textContent('#notice-refused')).toMatch(/^The page's clock is before this notice's last step \(Jul \d+ 11:00\): move the clock on first\.$/);
    expect(await other.locator('td').nth(6).textContent()).toMatch(/^notifiedJul \d+ 11:00/);
    await page.click('[data-clock="1"]');
    expect(await page.isHidden('#notice-refused')).toBe(true);
    await other.locator('button[data-record="acknowledged"]').click();
    expect(await other.locator('td').nth(6).textContent()).toMatch(/^acknowledgedJul \d+ 11:00/);
    await page.click('#clock-reset');
  }, 60_000);

  it('keeps the acknowledgement through a reload, with the plan in execution (and nothing else kept is lost)', async () => {
    await page.reload();
    await page.waitForSelector('body[data-outlook="true"]', { timeout: 120_000 });
    await page.waitForFunction((id) => document.querySelector(`#notices-table tr[data-key="${id}"]`) !== null, recorded, { timeout: 120_000 });
    expect(await page.locator('#plans-table th button[data-plan]').count()).toBe(1);
    expect(await page.textContent('#execution-plan')).toBe('Plan in execution: Least cost');
    expect(await page.locator(`#notices-table tr[data-key="${recorded}"] td`).nth(6).textContent()).toMatch(new RegExp(`^acknowledgedJul \\d+ 11:00 · ${dispatcher}$`));
    expect(await page.inputValue('#dispatcher-name')).toBe(dispatcher);
  }, 240_000);

  it('says there is no compliance until meters are in', async () => {
    expect(await page.textContent('#meters-summary')).toBe('No meters yet: load the story, or choose or drop a meter CSV.');
    expect(await page.textContent('#compliance-empty')).toBe('No compliance yet: load meters above to see who delivered their order.');
  });

  it('refuses a meter file with an unknown customer by row and column, as a scenario\'s problems are shown', async () => {
    await page.setInputFiles('#meters-input', { name: 'bad-meters.csv', mimeType: 'text/csv', buffer: Buffer.from('time,customer,load_MW\n2024-07-25T10:00+08:00,NOPE,1\n') });
    await page.waitForSelector('#meter-problems:not([hidden])', { timeout: 60_000 });
    expect(await page.textContent('#meter-problems-count')).toMatch(/^bad-meters\.csv: \d+ problems?$/);
    expect(await page.textContent('#meter-problems-list')).toContain('bad-meters.csv:row 2, column customer: expected a customer of the scenario, found "NOPE"');
    // Dropped on the meters' box: a day per row of points carries no unit, and the page says where to give it.
    const points = Array.from({ length: 24 }, (_, k) => `P${k + 1}`).join(',');
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'points.csv', { type: 'text/csv' }));
      const box = document.querySelector('#meters-box')!;
      box.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      box.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, `date,customer,${points}\n2024-07-25,C000001,${Array(24).fill('1').join(',')}\n`);
    await page.waitForFunction(() => /^points\.csv: /.test(document.querySelector('#meter-problems-count')!.textContent!), undefined, { timeout: 60_000 });
    expect(await page.isHidden('#csv-panel')).toBe(true); // not taken for a load history of the scenario
    expect(await page.textContent('#meter-problems-list')).toContain('points.csv: expected the unit of the points P1 … given with --unit MW|kW');
    expect(await page.textContent('#meter-problems-kept')).toMatch(/^A file of points P1 … P96, or a column named just "load", carries no unit: choose the unit of the readings beside the buttons/);
    await shoot('04-meter-problems.png', '#meters-box');
  }, 60_000);

  it('reads the meters\' story and shows compliance: customers short of their order, the late one, and the residents\' feeder that dipped', async () => {
    await page.click('#story-button');
    await page.waitForSelector('#compliance-body:not([hidden])', { timeout: 180_000 });
    expect(await page.isHidden('#meter-problems')).toBe(true);
    const story = (await page.textContent('#meters-story'))!;
    const script = /^The story \((2024-07-\d\d)\): (\d+) customers short of their order \(50–70 %\), (C\d+) an hour late, residents' feeder (F\d+) down 35 % at (\d\d:\d\d, \d\d:\d\d) for a fault\.$/.exec(story)!;
    expect(script).not.toBeNull();
    const [, date, , , feeder, hours] = script;
    expect(await page.inputValue('#day-select')).toBe(date);
    expect(await page.textContent('#meters-summary')).toMatch(/meters \([\d,]+ customers, \d+ feeders, 1 area\), [\d,]+ readings every 15 min/);
    // Customers short: the list with its columns, and at least one row.
    expect(await page.locator('#short-table thead th').allTextContents()).toEqual(['Account', 'Customer name', 'Contact', 'Baseline load (MW)', 'Target (MW)', 'Actual load (MW)', 'Load curtailed (MW)', 'Completion rate (%)', 'Executed']);
    expect(await page.locator('#short-table tbody tr.short').count()).toBeGreaterThan(0);
    const short = await page.locator('#short-table tbody tr.short').first().locator('td').allTextContents();
    expect(short[7]).toMatch(/^\d+\.\d %$/);
    expect(Number(short[7].replace(' %', ''))).toBeLessThan(80);
    expect(short[8]).toMatch(/^no/);
    expect(await page.textContent('#compliance-facts')).toMatch(/Completion rate \(完成率\)\d+\.\d %Execution rate \(执行率\)\d+\.\d % \([\d,]+ of [\d,]+ customers at 80 % or more\)/);
    // The residents' guarantee: the feeder flagged, with its hours and the verdict.
    expect(Number(await page.getAttribute('#guarantee-summary', 'data-drops'))).toBeGreaterThanOrEqual(1);
    const dip = page.locator(`#guarantee-table tr[data-key="feeder:${feeder}"]`);
    expect(await dip.getAttribute('class')).toBe('alarm');
    const dipCells = await dip.locator('td').allTextContents();
    expect(dipCells[1]).toMatch(/^residents \(\d+ %\)$/);
    expect(dipCells[2]).toBe(hours);
    expect(dipCells[3]).toMatch(/^\d+\.\d\d MW$/);
    expect(dipCells[5]).toBe('ordered neither by the plan nor by the emergency order: a fault or an unordered cut, to be explained to the regulator');
    await shoot('05-meters.png', '#meters-box');
    await shoot('06-compliance-summary.png', '#compliance-summary');
    await shoot('07-short.png', '#short-section');
    await shoot('08-guarantee.png', '#guarantee-section');
  }, 240_000);

  it('judges the meters again on the baseline chosen: the day-adjusted one, for a day hotter than its baseline days', async () => {
    expect(await page.isVisible('#baseline-note')).toBe(true); // the heat wave's day runs far above the last working days
    const before = await page.textContent('#compliance-facts');
    await page.selectOption('#baseline-select', 'day-adjusted');
    await page.waitForFunction((b) => document.querySelector('#compliance-facts')!.textContent !== b && !/^Judging/.test(document.querySelector('#meters-summary')!.textContent!), before, { timeout: 120_000 });
    expect(await page.inputValue('#baseline-select')).toBe('day-adjusted');
    expect(await page.isHidden('#baseline-note')).toBe(true);
    expect(await page.locator('#short-table tbody tr.short').count()).toBeGreaterThan(0);
    expect(Number(await page.getAttribute('#guarantee-summary', 'data-drops'))).toBeGreaterThanOrEqual(1);
    await shoot('06b-compliance-day-adjusted.png', '#compliance-summary');
  }, 180_000);

  it('writes the daily report (日报) with units, and its CSV, in English and in Chinese', async () => {
    const labels = async () => page.locator('#daily-report dt').allTextContents();
    expect(await labels()).toEqual(['Actual maximum load', 'Gap target dispatched', 'Execution periods', 'Customers shifting or avoiding the peak', 'Load shifted or avoided', 'Demand-response customers', 'Demand-response load', 'High-energy load limited', 'High-energy share', 'Energy affected', 'Customer execution rate', 'Completion rate (完成率)']);
    const values = await page.locator('#daily-report dd').allTextContents();
    expect(values[0]).toMatch(/^[\d,]+\.\d MW \(\d\d:00\)$/);
    expect(await page.textContent('#daily-title')).toMatch(/^Daily execution report \(日报\), 2024-07-\d\d$/);
    expect(values[2]).toMatch(/^\d\d:00–\d\d:00.* \(\d+ h\)$/);
    expect(values[3]).toMatch(/^[\d,]+ customers$/);
    expect(values[9]).toMatch(/^[\d,]+\.\d MWh$/);
    let download = page.waitForEvent('download');
    await page.click('#download-daily');
    let file = await (await download).path();
    expect(readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split('\n')[0]).toBe('date,actual maximum load (MW),gap target dispatched (MW),execution periods,customers shifting or avoiding the peak,load shifted or avoided (MW),demand-response customers,demand-response load (MW),high-energy load limited (MW),high-energy share (%),energy affected (MWh),customer execution rate (%)');
    await shoot('09-daily-en.png', '#report-section');

    await speak('zh');
    expect(await labels()).toEqual(['实际发生最大负荷', '调度下达缺口指标', '执行时段', '错避峰户数', '错避峰负荷', '需求响应户数', '需求响应负荷', '高耗能压限负荷', '高耗能压限负荷占比', '影响电量', '用户执行率', '完成率']);
    const zh = await page.locator('#daily-report dd').allTextContents();
    expect(zh[0]).toMatch(/^[\d,]+\.\d MW（\d\d:00）$/);
    expect(zh[2]).toMatch(/^\d\d–\d\d时.*（共 \d+ 小时）$/);
    expect(zh[3]).toMatch(/^[\d,]+ 户$/);
    expect(await page.textContent('#daily-title')).toMatch(/^有序用电执行日报（2024-07-\d\d）$/);
    expect(await page.textContent('#short-table thead')).toBe('户号户名联系人基准负荷（MW）指标（MW）实际负荷（MW）错避峰负荷（MW）完成率（%）是否执行');
    expect(await page.locator('#guarantee-table tr.alarm td').nth(5).textContent()).toBe('方案与事故拉闸序位均未安排：疑为故障或未经指令的切除，须向监管说明');
    download = page.waitForEvent('download');
    await page.click('#download-daily');
    file = await (await download).path();
    expect(readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split('\n')[0]).toBe('日期,实际发生最大负荷(MW),调度下达缺口指标(MW),执行时段,错避峰户数,错避峰负荷(MW),需求响应户数,需求响应负荷(MW),高耗能压限负荷(MW),高耗能压限负荷占比(%),影响电量(MWh),用户执行率(%)');
    // The notices in Chinese too: the states as the rules name them, the buttons, the pager.
    expect(await page.textContent('#notice-counts')).toMatch(/^待通知 [\d,]+ · 已通知 0 · 已确认 2 · 执行中 0 · 已执行 0 · 未执行到位 0（共 [\d,]+ 份，每户每日一份）$/);
    expect(await page.locator('#notices-table thead th').allTextContents()).toEqual(['通知截止时间', '用户', '措施', '执行时段（逐时负荷）', '最大负荷指标（MW）', '联系人', '状态', '登记']);
    expect(await page.locator('#notices-table button[data-record="notified"]').first().textContent()).toBe('登记已通知');
    expect(await page.textContent('#notices-pager')).toMatch(/^上一页第 1–25 条，共 [\d,]+ 条（第 1 \/ \d+ 页）下一页$/);
    await shoot('10-daily-zh.png', '#report-section');
    await shoot('11-guarantee-zh.png', '#guarantee-section');
    await shoot('12-short-zh.png', '#short-section');
    await shoot('13-notices-zh.png', '#notices-ready');
    await shoot('14-meters-zh.png', '#meters-box');
    await speak('en');
  }, 60_000);

  it('prints the execution report to file and sign: each day\'s 日报, compliance by group, the customers short, the residents\' guarantee, the evaluation, in English and in Chinese', async () => {
    await page.evaluate(() => { (window as unknown as { printed: number }).printed = 0; window.print = () => { (window as unknown as { printed: number }).printed++; }; });
    const printed = async (n: number) => page.waitForFunction((k) => (window as unknown as { printed: number }).printed === k, n, { timeout: 30_000 });
    const doc = page.locator('#plan-document .execution-document');
    const paper = async (name: string) => {
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('#execution-panel').isVisible()).toBe(false);
      expect(await doc.isVisible()).toBe(true);
      await page.setViewportSize({ width: 860, height: 1000 });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
      await page.screenshot({ path: join(shots, `${name}-top.png`), clip: { x: 0, y: 0, width: 860, height: 1250 } });
      await page.setViewportSize({ width: 1400, height: 1000 });
      await page.emulateMedia({ media: 'screen' });
    };
    await page.click('#print-execution');
    await printed(1);
    const day = await page.inputValue('#day-select');
    let text = (await doc.textContent())!;
    expect(text).toMatch(/^Orderly-power execution report/);
    expect(text).toContain('Baseline: last 5 normal working days, scaled to the day before the order (±20 %)');
    expect(text).toMatch(/Meters: [^ ]+ \(made by the story\), [\d,]+ meters, [\d,]+ readings every 15 min/);
    const days = Number(await doc.getAttribute('data-days'));
    expect(days).toBeGreaterThanOrEqual(1);
    expect(text).toContain(`Daily report ${day}`);
    // The daily report's fields in the rules' order, the page's figures.
    const section = doc.locator(`section[data-day="${day}"]`);
    const fields = await section.locator('table').first().locator('tbody td:first-child').allTextContents();
    expect(fields).toEqual(['Actual maximum load', 'Gap target dispatched', 'Execution periods', 'Customers shifting or avoiding the peak', 'Load shifted or avoided', 'Demand-response customers', 'Demand-response load', 'High-energy load limited', 'High-energy share', 'Energy affected', 'Customer execution rate', 'Completion rate']);
    const onPage = await page.locator('#daily-report dd').allTextContents();
    expect(await section.locator('table').first().locator('tbody td:nth-child(2)').allTextContents()).toEqual(onPage);
    // The customers short, with the rules' columns, as many rows as the page counts (up to the printed 100).
    expect(await section.locator('table').nth(2).locator('thead th').allTextContents()).toEqual(['Account', 'Customer name', 'Contact', 'Baseline load (MW)', 'Target (MW)', 'Actual load (MW)', 'Load curtailed (MW)', 'Completion rate (%)', 'Executed']);
    const shortRows = await section.locator('table').nth(2).locator('tbody tr').count();
    expect(shortRows).toBeGreaterThan(0);
    expect(await section.textContent()).toContain(`Customers short of their order (${shortRows.toLocaleString('en-US')};`);
    // The residents' guarantee: the feeder that dipped, with the regulator's verdict.
    expect(await section.textContent()).toMatch(/[\d,]+ protected meters checked .*: [1-9]\d* possible cuts? of protected load/);
    expect(await section.textContent()).toContain('ordered neither by the plan nor by the emergency order: a fault or an unordered cut, to be explained to the regulator');
    expect(text).toMatch(new RegExp(`${days + 1} Evaluation over the days judged.*Days executed`));
    expect(text).toMatch(/Prepared by.*Checked by.*Approved by.*Date/);
    await paper('print-report-en');

    await speak('zh');
    await page.click('#print-execution');
    await printed(2);
    text = (await doc.textContent())!;
    expect(text).toMatch(/^有序用电执行情况报告/);
    expect(text).toMatch(new RegExp(`[一二三四五六七八九十]+、有序用电执行日报（${day}）`));
    expect(await section.locator('table').first().locator('tbody td:first-child').allTextContents()).toEqual(['实际发生最大负荷', '调度下达缺口指标', '执行时段', '错避峰户数', '错避峰负荷', '需求响应户数', '需求响应负荷', '高耗能压限负荷', '高耗能压限负荷占比', '影响电量', '用户执行率', '完成率']);
    expect(await section.locator('table').nth(2).locator('thead').textContent()).toBe('户号户名联系人基准负荷（MW）指标（MW）实际负荷（MW）错避峰负荷（MW）完成率（%）是否执行');
    expect(text).toContain('方案与事故拉闸序位均未安排：疑为故障或未经指令的切除，须向监管说明');
    expect(text).toMatch(/事后评估.*执行天数.*累计执行时长.*累计影响户次.*最大错避峰负荷.*累计影响电量/);
    expect(text).toMatch(/编制.*审核.*批准.*日期/);
    // No English sentence left in the report's own words (customers' names are the scenario's).
    const words = (await doc.locator('h1, h2, h3, p:not(.doc-sub), th, footer').allTextContents()).join('\n');
    expect(words).not.toMatch(/[A-Za-z]{4,} [a-z]{4,}/);
    await paper('print-report-zh');
    await speak('en');
  }, 60_000);

  it('shows whom to call where the scenario gives a contact', async () => {
    const customer = recorded.split('@')[0];
    const file = JSON.parse(readFileSync(join(repoRoot, 'scenarios', 'heat-wave.json'), 'utf8'));
    // One contact changed, and one customer's taken away: the list shows the new one, and says which lack one.
    file.customers.find((c: { id: string }) => c.id === customer).contact = { name: '张工', phone: '13900000001' };
    for (const c of file.customers) if (c.id !== customer && c.contact) { delete c.contact; break; }
    await page.setInputFiles('#file-input', { name: 'heat-wave-contacts.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await page.waitForFunction(() => /^heat-wave-contacts\.json — warnings drawn$/.test(document.querySelector('#status')!.textContent!), undefined, { timeout: 180_000 });
    // Another file's content: no plan of the first is shown, and nothing is in execution.
    expect(await page.textContent('#execution-empty')).toBe('No plan yet: build one under Orderly-power plans above, then work its notices here.');
    await page.click('[data-strategy="cost"]');
    await page.waitForFunction(() => document.querySelectorAll('#plans-table th button[data-plan]').length === 1, undefined, { timeout: 120_000 });
    await page.click('#execution-start');
    await page.waitForFunction(() => /^Notices \(通知清单\): [\d,]+ notices$/.test(document.querySelector('#status')!.textContent!), undefined, { timeout: 120_000 });
    const cells = await page.locator(`#notices-table tr[data-key="${recorded}"] td`).allTextContents();
    expect(cells[5]).toBe('张工 13900000001');
    expect(await page.textContent('#notice-contacts')).toMatch(/^Note: [1-9][\d,]* of the notices are for customers the scenario gives no contact for \("—"\): find whom to call elsewhere\.$/);
    expect(cells[6]).toBe('to notify'); // the steps recorded were for the other file's plan
    // A round of calls done: the whole page marked notified at once, at the clock, by the dispatcher named.
    expect(await page.textContent('#mark-page-notified')).toBe('Mark the 25 on this page to notify as notified');
    await page.click('#mark-page-notified');
    expect(await page.textContent('#notice-counts')).toMatch(/ · notified 25 · acknowledged 0 ·/);
    expect(await page.locator('#notices-table td:nth-child(7)').allTextContents()).toEqual(Array(25).fill(`notifiedJul 21 10:00 · ${dispatcher}`));
    expect(await page.isDisabled('#mark-page-notified')).toBe(true);
  }, 300_000);

  it('keeps what an older page kept: its version-1 database is upgraded with the notices\' store, and its files open', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const old = await context.newPage();
    old.on('pageerror', (e) => errors.push(e.message));
    // An empty page of the same origin makes the database as the page before this one did (version 1: plans and files).
    await old.route('**/older-page.html', (r) => r.fulfill({ body: '<!doctype html><title>older page</title>', contentType: 'text/html' }));
    await old.goto(new URL('older-page.html', server.url).href);
    const text = readFileSync(join(repoRoot, 'scenarios', 'heat-wave.json'), 'utf8');
    await old.evaluate(async (json) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('orderly', 1);
        req.onupgradeneeded = () => { req.result.createObjectStore('plans'); req.result.createObjectStore('files'); };
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('files', 'readwrite');
        tx.objectStore('files').put({ name: 'kept-heat-wave.json', blob: new Blob([json]), openedAt: Date.now() }, 'file:kept-heat-wave.json');
        tx.objectStore('files').put({ pointer: 'kept-heat-wave.json' }, 'last');
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    }, text);
    await old.goto(server.url);
    await old.waitForFunction(() => /^kept-heat-wave\.json — warnings drawn$/.test(document.querySelector('#status')!.textContent!), undefined, { timeout: 180_000 });
    expect((await old.locator('#recent-select option').allTextContents()).some((t) => t.startsWith('kept-heat-wave.json'))).toBe(true);
    expect(await old.evaluate(() => new Promise((resolve) => { const r = indexedDB.open('orderly'); r.onsuccess = () => { resolve([r.result.version, [...r.result.objectStoreNames]]); r.result.close(); }; })))
      .toEqual([2, ['files', 'notices', 'plans']]);
    await context.close();
  }, 240_000);

  it('re-plans the rest of the story\'s day at the page\'s clock: verified, the notices recorded kept, the changes listed, in both languages', async () => {
    // Meters first: the button says so until they are in.
    expect(await page.isDisabled('#replan-button')).toBe(true);
    expect(await page.textContent('#replan-note')).toMatch(/^Load the meters \(the story or a file\) first/);
    await page.click('#story-button');
    await page.waitForSelector('#compliance-body:not([hidden])', { timeout: 180_000 });
    const date = /^The story \((2024-07-\d\d)\)/.exec((await page.textContent('#meters-story'))!)![1];
    // The clock to 13:00 of the story's day.
    const target = Date.parse(`${date}T13:00:00+08:00`);
    const at = async () => Date.parse((await page.getAttribute('#clock-time', 'data-at'))!.replace(/([+-]\d\d:\d\d)$/, ':00$1'));
    for (const step of [24, 6, 1]) while (target - (await at()) >= step * 3_600_000) await page.click(`[data-clock="${step}"]`);
    expect(await page.getAttribute('#clock-time', 'data-at')).toBe(`${date}T13:00+08:00`);
    expect(await page.isDisabled('#replan-button')).toBe(false);
    await page.click('#replan-button');
    await page.waitForSelector('#replan-result[data-verified]', { timeout: 180_000 });
    expect(await page.getAttribute('#replan-result', 'data-verified')).toBe('true');
    const facts = (await page.textContent('#replan-result .replan-facts'))!;
    expect(facts).toMatch(/Re-planned at[A-Z][a-z]{2} \d+ 13:00/);
    expect(facts).toMatch(/Level measuredmeasured \/ forecast \d\.\d{3}/);
    expect(facts).toMatch(/Notices issued by then[\d,]+ customers · as recorded on this page/);
    expect(facts).toMatch(/Changes against the plan in force[\d,]+ added · [\d,]+ cancelled · [\d,]+ increased · [\d,]+ reduced/);
    expect(facts).toMatch(/✓ verified/);
    expect(await page.textContent('#status')).toMatch(/^Re-plan the rest of the day: verified; \d+\.\d s in all$/);
    await shoot('15-replan.png', '#replan-result');
    await speak('zh');
    expect(await page.textContent('#replan-result .replan-facts')).toMatch(/相对现行方案的变动新增 [\d,]+ · 取消/);
    await shoot('16-replan-zh.png', '#replan-result');
    await speak('en');
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
  }, 300_000);
});
