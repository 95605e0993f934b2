/**
 * `node --import tsx bench/what-if-profile.ts [FILE]`: where a what-if's input → redraw time goes
 * on the built page in headless Chromium. Records a Chromium performance trace (CDP Tracing) over
 * the same what-if drag as `npm run bench:page` and splits each step's time by thread: the page's
 * main thread (scripting, style and layout, paint), each engine worker, and the wait between.
 * Writes the trace to test-results/what-if-trace.json (open it in chrome://tracing or Perfetto).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, servePage } from '../test/support/browser.ts';
import { repoRoot } from '../test/support/data-dir.ts';

interface TraceEvent { name: string; cat: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: Record<string, unknown> }

const named = process.argv.slice(2).find((a) => !a.startsWith('--'));
const file = named ?? fileURLToPath(new URL('../scenarios/heat-wave.json', import.meta.url));
const server = await servePage();
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(server.url);
  await page.waitForSelector('body[data-outlook="true"]', { timeout: 120_000 });
  if (named) {
    await page.evaluate(() => { document.body.dataset.outlook = 'false'; });
    await page.setInputFiles('#file-input', file);
    await page.waitForFunction(() => document.body.dataset.outlook === 'true' && /warnings drawn/.test(document.querySelector('#status')!.textContent!), undefined, { timeout: 600_000 });
  } else {
    await page.waitForFunction(() => /warnings drawn/.test(document.querySelector('#status')!.textContent!), undefined, { timeout: 600_000 });
  }
  await page.waitForTimeout(1000);
  const cdp = process.argv.includes('--cpu') ? await page.context().newCDPSession(page) : null;
  if (cdp) { await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 200 }); await cdp.send('Profiler.start'); }
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing', 'toplevel', '__metadata'] });
  const steps: { id: string; value: string; ms: number; planMs: number; pageMs: number; computeMs: string }[] = [];
  for (const [id, value] of [['whatif-lost', '50'], ['whatif-lost', '100'], ['whatif-lost', '150'], ['whatif-lost', '200'], ['whatif-lost', '250'], ['whatif-temp', '2'], ['whatif-notice', '4']]) {
    const before = Number(await page.getAttribute('body', 'data-whatif') ?? '0');
    await page.evaluate((n) => performance.mark(`step-${n}-start`), steps.length);
    const t = Date.now();
    await page.locator(`#${id}`).fill(value);
    await page.waitForFunction((b) => Number(document.body.dataset.whatif ?? '0') > b, before, { timeout: 600_000 });
    const ms = Date.now() - t;
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#whatif-chart')?.dataset.current !== 'false', undefined, { timeout: 600_000 });
    const planMs = Date.now() - t;
    // After the next frame: what the redraw cost in style, layout and paint is inside the step.
    await page.evaluate((n) => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(() => { performance.mark(`step-${n}-end`); r(); }, 0))), steps.length);
    const summary = (await page.textContent('#whatif-summary')) ?? '';
    steps.push({ id, value, ms, planMs, pageMs: Number(await page.getAttribute('body', 'data-whatif-ms')), computeMs: /(\d+) ms$/.exec(summary)?.[1] ?? '?' });
    await page.waitForTimeout(600); // the verifier's rest and run, outside the step
  }
  const buffer = await browser.stopTracing();
  if (cdp) {
    // The main thread's JavaScript over the whole drag: self time by function, the heaviest first.
    const { profile } = await cdp.send('Profiler.stop') as { profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples: number[]; timeDeltas: number[] } };
    const dt = new Map<number, number>();
    profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
    const self = new Map<string, number>();
    for (const n of profile.nodes) {
      const k = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
      self.set(k, (self.get(k) ?? 0) + (dt.get(n.id) ?? 0) / 1000);
    }
    console.log('main thread, self ms over the drag:');
    for (const [k, v] of [...self].filter(([k]) => !/^\((idle|program)\)/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${v.toFixed(0).padStart(6)}  ${k}`);
  }
  const out = join(repoRoot, 'test-results', 'what-if-trace.json');
  writeFileSync(out, buffer);
  const events: TraceEvent[] = (JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const threadName = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadName.set(`${e.pid}:${e.tid}`, String((e.args as { name: string }).name));
  const markAt = (name: string) => events.find((e) => e.name === name && e.cat.includes('blink.user_timing'))?.ts;
  // Busy time per thread: top-level tasks (ThreadControllerImpl::RunTask / RunTask) inside the step.
  const tops = events.filter((e) => e.ph === 'X' && (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask') && e.dur);
  const kinds = ['FunctionCall', 'EvaluateScript', 'v8.run', 'V8.GCScavenger', 'MajorGC', 'MinorGC', 'UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'Layerize', 'UpdateLayer', 'HitTest', 'ParseHTML', 'v8.deserializeData', 'v8.serializeData'];
  steps.forEach((s, n) => {
    const from = markAt(`step-${n}-start`), to = markAt(`step-${n}-end`);
    if (from === undefined || to === undefined) { console.log(`step ${n}: marks missing`); return; }
    const busy = new Map<string, number>();
    for (const e of tops) {
      if (e.ts + e.dur! < from || e.ts > to) continue;
      const k = threadName.get(`${e.pid}:${e.tid}`) ?? `${e.pid}:${e.tid}`;
      busy.set(k, (busy.get(k) ?? 0) + (Math.min(to, e.ts + e.dur!) - Math.max(from, e.ts)) / 1000);
    }
    const main = [...threadName].find(([, v]) => v === 'CrRendererMain')?.[0];
    const byKind = new Map<string, number>();
    for (const e of events) {
      if (e.ph !== 'X' || !e.dur || `${e.pid}:${e.tid}` !== main || e.ts < from || e.ts > to || !kinds.includes(e.name)) continue;
      byKind.set(e.name, (byKind.get(e.name) ?? 0) + e.dur / 1000);
    }
    const fmt = (m: Map<string, number>) => [...m].filter(([, v]) => v >= 1).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${Math.round(v)}`).join(', ');
    console.log(`#${n} ${s.id}=${s.value}: ${s.ms} ms to the warnings (page's mark ${s.pageMs}), ${s.planMs} ms to the plan (worker's compute ${s.computeMs}); busy by thread: ${fmt(busy)}`);
    console.log(`    main thread by kind (nested, overlapping): ${fmt(byKind)}`);
  });
  console.log(`trace: ${out}`);
} finally {
  await browser.close();
  await server.close();
}
