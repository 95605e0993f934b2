/**
 * `npm run bench:page -- [FILE] [--plan] [--playout]`: the page's timing on a scenario file (the
 * bundled default when none is named) in headless Chromium (the built page, Debian's chromium):
 * ms from choosing the file to the first outlook (system only) and to the full outlook (every
 * area), the main thread's long tasks; a what-if drag (input to the warnings redrawn and to the
 * plan drawn, median of seven steps) and a burst of five inputs (the last one's warnings and plan);
 * with --plan the time to a verified least-cost plan; with --playout (after --plan) to 200
 * futures, then the scrubber moved across the day. Ends with the targets: no main-thread
 * task over 100 ms while planning, drawing and scrubbing; what-if input to redraw ≤ 300 ms.
 * Generate a city or province file with `npx orderly generate`.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, screenshotDir, servePage } from '../test/support/browser.ts';

const named = process.argv.slice(2).find((a) => !a.startsWith('--'));
const file = named ?? fileURLToPath(new URL('../scenarios/heat-wave.json', import.meta.url));
/** The longest main-thread task of each stage, against the 100 ms target; what-if's median against 300 ms. */
const longest: Record<string, number> = {};
let whatIfMedian: number | undefined;
const server = await servePage();
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) w.longTasks.push(Math.round(e.duration)); }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(server.url);
  await page.waitForSelector('body[data-outlook="true"]', { timeout: 120_000 });
  await page.evaluate(() => { (window as unknown as { longTasks: number[] }).longTasks = []; document.body.dataset.outlook = 'false'; delete document.body.dataset.firstOutlookMs; });
  const t0 = Date.now();
  await page.setInputFiles('#file-input', file);
  await page.waitForFunction(() => document.body.dataset.outlook === 'true' && /warnings drawn/.test(document.querySelector('#status')!.textContent!), undefined, { timeout: 600_000 });
  const full = Date.now() - t0;
  const first = await page.getAttribute('body', 'data-first-outlook-ms');
  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  console.log(`${file}: first outlook ${first} ms, full outlook ${full} ms (${await page.getAttribute('body', 'data-timings')}); main-thread tasks over 50 ms: ${longTasks.join(', ') || 'none'} (longest ${Math.max(0, ...longTasks)} ms)`);
  longest['opening and drawing the outlook'] = Math.max(0, ...longTasks);
  // A what-if drag: supply lost in steps, a hotter day, another notice; input to the warnings
  // redrawn (the outlook, the situation bar) and to the plan drawn, each step.
  await page.evaluate(() => { (window as unknown as { longTasks: number[] }).longTasks = []; });
  const whatIf: number[] = [], planned: number[] = [];
  const count = async (name: string) => Number(await page.getAttribute('body', name) ?? '0');
  for (const [id, value] of [['whatif-lost', '50'], ['whatif-lost', '100'], ['whatif-lost', '150'], ['whatif-lost', '200'], ['whatif-lost', '250'], ['whatif-temp', '2'], ['whatif-notice', '4']]) {
    const before = await count('data-whatif'), plansBefore = await count('data-whatif-planned');
    const t = Date.now();
    await page.locator(`#${id}`).fill(value);
    await page.waitForFunction((b) => Number(document.body.dataset.whatif ?? '0') > b, before, { timeout: 600_000, polling: 'raf' });
    whatIf.push(Date.now() - t);
    await page.waitForFunction((b) => Number(document.body.dataset.whatifPlanned ?? '0') > b, plansBefore, { timeout: 600_000, polling: 'raf' });
    planned.push(Date.now() - t);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  whatIfMedian = median(whatIf);
  const whatIfTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  console.log(`what-if: input to the warnings redrawn ${whatIf.join(', ')} ms (median ${whatIfMedian}); to the plan drawn ${planned.join(', ')} ms (median ${median(planned)}); longest main-thread task ${Math.max(0, ...whatIfTasks)} ms`);
  longest['what-if redraws'] = Math.max(0, ...whatIfTasks);
  // A burst: five positions 40 ms apart (a drag), timed from the last to its warnings and its plan.
  // (In-page code as text: the bench's own transform would wrap named functions in a helper the page lacks.)
  await page.evaluate(`new Promise((resolve) => {
    const lost = document.querySelector('#whatif-lost');
    let k = 0;
    const next = () => {
      lost.value = String(60 + 50 * k);
      window.burstAt = performance.now();
      lost.dispatchEvent(new Event('input', { bubbles: true }));
      if (++k < 5) setTimeout(next, 40); else resolve();
    };
    next();
  })`);
  const lastLost = await page.inputValue('#whatif-lost');
  const burst = await page.evaluate(`new Promise((resolve) => {
    const at = window.burstAt, mw = ${JSON.stringify(Number(lastLost).toLocaleString('en'))};
    let warned = 0;
    const look = () => {
      const band = document.querySelector('#situation-hypothetical .situation-title')?.textContent ?? '';
      if (!warned && band.includes('−' + mw + ' MW')) warned = performance.now() - at;
      if (warned && document.querySelector('#whatif-chart').dataset.current === 'true') resolve([Math.round(warned), Math.round(performance.now() - at)]);
      else requestAnimationFrame(look);
    };
    look();
  })`) as [number, number];
  console.log(`what-if burst (5 inputs 40 ms apart, to −${lastLost} MW): last input to its warnings ${burst[0]} ms, to its plan ${burst[1]} ms`);
  await page.click('#whatif-reset');
  if (process.argv.includes('--plan')) {
    await page.evaluate(() => { (window as unknown as { longTasks: number[] }).longTasks = []; });
    const t1 = Date.now();
    await page.click('button[data-strategy="cost"]');
    // Done when the plan is verified (or not), or the page reports an error.
    await page.waitForFunction(() => {
      const status = document.querySelector<HTMLElement>('#status')!;
      return /verified|FAILED/.test(status.textContent!) || status.dataset.kind === 'error';
    }, undefined, { timeout: 900_000 });
    const tasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    console.log(`plan: ${Date.now() - t1} ms, ${await page.textContent('#status')}; longest main-thread task ${Math.max(0, ...tasks)} ms`);
    longest['planning and drawing the plan'] = Math.max(0, ...tasks);
    await page.locator('#plans-panel').screenshot({ path: join(screenshotDir, 'bench-page-plan.png') });
    // A network drawn by substation: one clicked draws its feeders.
    const box = page.locator('#network-chart rect.substation').first();
    if (await box.count()) {
      const t = Date.now();
      await box.click();
      await page.waitForSelector('#network-chart [data-focus="back"]');
      console.log(`substation drawn feeder by feeder: ${Date.now() - t} ms (${await page.locator('#network-chart rect[data-feeder]').count()} feeders)`);
      await page.locator('#plan-view').screenshot({ path: join(screenshotDir, 'bench-page-substation.png') });
      await page.click('#network-chart [data-focus="back"]');
    }
    if (process.argv.includes('--playout')) {
      await page.evaluate(() => { (window as unknown as { longTasks: number[] }).longTasks = []; });
      await page.selectOption('#futures', '200');
      const t2 = Date.now();
      await page.click('#playout-button');
      await page.waitForFunction(() => document.body.dataset.playout === 'true' || document.querySelector<HTMLElement>('#status')!.dataset.kind === 'error', undefined, { timeout: 900_000 });
      const played = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
      console.log(`play-out: ${Date.now() - t2} ms, ${await page.textContent('#status')}; longest main-thread task ${Math.max(0, ...played)} ms`);
      longest['playing out and drawing the risk'] = Math.max(0, ...played);
      // The scrubber across the first day, a step at a time: each step redraws only the hour.
      await page.evaluate(() => { (window as unknown as { longTasks: number[] }).longTasks = []; });
      const steps: number[] = [];
      for (let h = 1; h <= 24; h++) {
        const before = await page.textContent('#scrub-time');
        const t = Date.now();
        await page.locator('#scrubber').fill(String(h));
        await page.waitForFunction((b) => document.querySelector('#scrub-time')!.textContent !== b, before);
        steps.push(Date.now() - t);
      }
      const scrubTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
      const sortedSteps = [...steps].sort((a, b) => a - b);
      console.log(`scrubbing: 24 steps, median ${sortedSteps[12]} ms, slowest ${sortedSteps[23]} ms; longest main-thread task ${Math.max(0, ...scrubTasks)} ms`);
      longest.scrubbing = Math.max(0, ...scrubTasks);
      await page.evaluate(() => { (window as unknown as { longTasks: number[] }).longTasks = []; (window as unknown as { printed: number }).printed = 0; window.print = () => { (window as unknown as { printed: number }).printed++; }; });
      const t3 = Date.now();
      await page.click('#print-button');
      await page.waitForFunction(() => (window as unknown as { printed: number }).printed === 1, undefined, { timeout: 300_000 });
      const printed = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
      console.log(`plan report: ${Date.now() - t3} ms; longest main-thread task ${Math.max(0, ...printed)} ms`);
      await page.emulateMedia({ media: 'print' });
      await page.setViewportSize({ width: 860, height: 1000 });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(screenshotDir, 'bench-page-report.png'), fullPage: true });
    }
  }
  console.log('\ntargets (issue 16): no main-thread task over 100 ms; what-if input to redraw ≤ 300 ms');
  for (const [stage, ms] of Object.entries(longest)) console.log(`  ${stage.padEnd(36)} longest task ${String(ms).padStart(6)} ms  ${ms <= 100 ? '✓' : '✗'} 100 ms`);
  if (whatIfMedian !== undefined) console.log(`  ${'what-if, input to warnings (median)'.padEnd(36)} ${String(whatIfMedian).padStart(18)} ms  ${whatIfMedian <= 300 ? '✓' : '✗'} 300 ms`);
} finally {
  await browser.close();
  await server.close();
}
