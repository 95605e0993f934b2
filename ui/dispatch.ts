/**
 * The dispatcher's views once a scenario is open: the outlook (demand against supply, the gap, the
 * warning strip, the bulletin), the plans (built with each strategy and level, drawn by rung with
 * the residual in red, compared side by side with their play-out figures), the play-out of a plan
 * (fan of the unserved load, a scrubber through one future) and the exports. All compute goes
 * through the engine pool; long work shows its progress and can be cancelled.
 */
import type { ScenarioForecast } from '../core/forecast/scenario-forecast.ts';
import type { PlanLevel } from '../core/plan/build-problem.ts';
import type { Strategy } from '../core/plan/order.ts';
import type { PlanHeadline } from '../core/plan/report-parts.ts';
import { PLAYOUT_RUNGS } from '../core/playout/simulate.ts';
import { MEASURES } from '../core/scenario/classes.ts';
import { formatInZone, resolveZone } from '../core/time/zone.ts';
import { formatProblem } from '../core/problems.ts';
import { parseTimestamp } from '../core/time/timestamp.ts';
import type { Assessment } from '../core/warning/assess.ts';
import type { Bulletin } from '../core/warning/bulletin.ts';
import { LEVELS } from '../core/warning/levels.ts';
import { CancelledError, EngineFailedError, type EnginePool } from '../worker/pool.ts';
import type { WhatIfOptions, WhatIfOutcome } from '../worker/api.ts';
import { handOverForVerify } from '../worker/hand-over.ts';
import { planDetachedInPool } from '../worker/engine/plan-pool.ts';
import { playoutInPool } from '../worker/engine/playout-pool.ts';
import { warnScenarioInPool } from '../worker/engine/warn-pool.ts';
import { withScenario, type HeldScenario } from '../worker/held-scenario.ts';
import { outlookChart } from './charts/outlook-chart.ts';
import { fanChart, planChart } from './charts/plan-chart.ts';
import { MAX_FEEDERS_DRAWN, networkChart, type NetworkChartOptions } from './charts/network-chart.ts';
import { className, localeOf, word, type Lang } from './i18n.ts';
import { loadPlans, savePlans, type StoredPlan } from './plan-store.ts';
import { planDocument } from './plan-document.ts';

export interface Opened {
  name: string;
  /** The file's content hash: plans are kept under it, so an edited file never shows another version's plans. */
  sha256: string;
  data: HeldScenario;
  forecast: ScenarioForecast;
}

interface State extends Opened {
  assessment?: Assessment;
  bulletin?: Bulletin;
  plans: StoredPlan[];
  /** Kept plans not shown: they were made for other content than this file's. */
  setAside?: number;
  selected?: string;
  hour: number;
  /** The area the network chart draws alone (a province's substation), or none. */
  networkFocus?: string | null;
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
let state: State | null = null;

/** Colours for customer classes in the plan chart (none of them the residual's red). */
const CLASS_COLOURS = ['#5ab0ff', '#39c0a4', '#a78bfa', '#f5a524', '#f472b6', '#94a3b8', '#84cc16', '#22d3ee', '#eab308', '#c084fc', '#fb923c', '#64748b'];
/** The selected plan's chart: stacked by measure (the ladder) or by customer class. */
let planBy: 'measure' | 'class' = 'measure';
let busy: AbortController | null = null;
let pool: EnginePool;
let langOf: () => Lang = () => 'en';
let say: (text: string, kind?: 'busy' | 'ok' | 'error', retry?: () => void) => void = () => {};

export function initDispatch(deps: { pool: EnginePool; lang: () => Lang; status: (text: string, kind?: 'busy' | 'ok' | 'error', retry?: () => void) => void }): void {
  pool = deps.pool;
  langOf = deps.lang;
  say = deps.status;
  document.querySelectorAll<HTMLButtonElement>('[data-strategy]').forEach((b) => b.addEventListener('click', () => void buildPlan(b.dataset.strategy as Strategy)));
  $('playout-button').addEventListener('click', () => void playOut());
  $('print-button').addEventListener('click', () => void printReport());
  document.querySelectorAll<HTMLButtonElement>('[data-by]').forEach((b) => b.addEventListener('click', () => {
    planBy = b.dataset.by as 'measure' | 'class';
    document.querySelectorAll<HTMLButtonElement>('[data-by]').forEach((x) => x.setAttribute('aria-pressed', String(x === b)));
    if (state) drawSelected();
  }));
  $('cancel-button').addEventListener('click', () => busy?.abort());
  $('copy-bulletin').addEventListener('click', () => void navigator.clipboard?.writeText($('bulletin').textContent ?? ''));
  $('download-bulletin').addEventListener('click', () => {
    const b = state?.bulletin;
    if (b) download(`${state!.name.replace(/\.json$/, '')}-bulletin.txt`, new Blob([`${b.text.zh}\n\n${b.text.en}\n`], { type: 'text/plain;charset=utf-8' }));
  });
  for (const id of ['whatif-lost', 'whatif-temp', 'whatif-notice']) $(id).addEventListener('input', () => requestWhatIf());
  $('whatif-reset').addEventListener('click', () => {
    ($('whatif-lost') as HTMLInputElement).value = '0';
    ($('whatif-temp') as HTMLInputElement).value = '0';
    ($('whatif-notice') as HTMLInputElement).value = '-1';
    whatIf = null;
    redrawDispatch();
  });
  $('scrubber').addEventListener('input', (e) => {
    if (!state) return;
    state.hour = Number((e.target as HTMLInputElement).value);
    drawSelected();
  });
}

/**
 * Work that can be cancelled, with its progress on the status line. When the engine worker doing
 * it dies or stops answering (the pool replaces it), the status says so and offers `retry`.
 */
async function withProgress<T>(label: string, run: (signal: AbortSignal, progress: (f: number) => void) => Promise<T>, retry?: () => void): Promise<T | null> {
  busy?.abort();
  const controller = new AbortController();
  busy = controller;
  $('cancel-button').hidden = false;
  document.body.dataset.busy = 'true';
  say(`${label}…`, 'busy');
  try {
    return await run(controller.signal, (f) => say(`${label}… ${Math.round(f * 100)} %`, 'busy'));
  } catch (error) {
    if (error instanceof CancelledError) { say(`${label}: ${word('cancelled', langOf())}`, 'ok'); return null; }
    say(`${label}: ${(error as Error).message}`, 'error', error instanceof EngineFailedError ? retry : undefined);
    return null;
  } finally {
    if (busy === controller) { busy = null; $('cancel-button').hidden = true; delete document.body.dataset.busy; }
  }
}

/** A scenario is open and forecast: its warnings, then the plans kept for it. */
export async function openDispatch(opened: Opened, provisional = false): Promise<void> {
  state = { ...opened, plans: [], hour: 0 };
  $('dispatch').hidden = false;
  // A first outlook from the system's forecast alone: plans wait for every area's forecast.
  if (provisional) document.body.dataset.provisional = 'true';
  else delete document.body.dataset.provisional;
  document.querySelectorAll<HTMLButtonElement>('[data-strategy], #playout-button').forEach((b) => (b.disabled = provisional));
  const mine = state;
  const result = await withProgress(word('assessing', langOf()), (signal, progress) =>
    warnScenarioInPool(pool, opened.name, opened.data, { forecast: opened.forecast, samples: 300, urgent: true, signal, onProgress: progress }),
  () => void openDispatch(opened, provisional));
  if (state !== mine || !result) return;
  if (!result.ok) { say(`${opened.name}: ${result.problems[0] ? formatProblem(result.problems[0]) : ''}`, 'error'); return; }
  state.assessment = result.assessment;
  state.bulletin = result.bulletin;
  // Plans are kept under the file's content: an edited file (a new hash) shows none of the old
  // file's. A kept plan naming other content (an older page's, or a store tampered with) is set aside.
  const kept = await loadPlans(opened.sha256).catch(() => []);
  state.plans = kept.filter((p) => p.report.scenario.sha256 === opened.sha256);
  state.setAside = kept.length - state.plans.length;
  state.selected = state.plans[state.plans.length - 1]?.id;
  whatIf = null;
  setupWhatIf(result.assessment);
  redrawDispatch();
  if (provisional) {
    say(`${opened.name} — ${word('firstOutlook', langOf())}`, 'busy');
    return;
  }
  // Both workers keep the scenario for what-ifs: warm them now, so the first drag is quick (not
  // for a province-size file: its tables take seconds in each worker, which would hold both
  // workers just when a plan may be asked for).
  if (!provisional && mine.data.size <= 32 * 2 ** 20) void Promise.all([0, 1].map(() => pool.run<WhatIfOutcome>((api) => withScenario(api, mine.data, (b) => api.whatIf(mine.name, b, mine.forecast, { lostMW: 0, tempOffsetC: 0, samples: 50 }))))).catch(() => {});
  document.body.dataset.outlook = 'true';
  const aside = state.setAside ? `; ${state.setAside} ${word('stalePlans', langOf())}` : '';
  say(`${opened.name} — ${word('outlookReady', langOf())}${aside}`, 'ok');
}

export function redrawDispatch(): void {
  if (!state?.assessment) return;
  drawOutlook();
  drawWhatIfPlan();
  drawPlans();
  drawSelected();
}

function drawOutlook(): void {
  const s = state!, a = s.assessment!, lang = langOf();
  const f = s.forecast, offset = Math.round((a.startMs - f.startMs) / 3_600_000);
  const q = (level: number) => f.system.quantiles[f.levels.indexOf(level)].subarray(offset, offset + a.hours);
  const w = whatIf;
  $('outlook-chart').replaceChildren(outlookChart({
    startMs: a.startMs, timeZone: a.timeZone,
    demand: w ? w.demandMW : a.system.demandMW, p10: w ? w.p10 : q(0.1), p90: w ? w.p90 : q(0.9), supply: w ? w.supplyMW : a.system.supplyMW,
    level: w ? w.expectedLevel : a.system.expectedLevel, probabilities: w ? w.probabilities : a.system.probabilities,
    levelNames: LEVELS.map((l) => (l === 'none' ? word('noWarning', lang) : `${word('level', lang)} ${l}`)),
    labels: { demand: word('demandMedian', lang), band: 'P10–P90', supply: word('supplyLessReserve', lang), gap: word('gap', lang), strip: word('warning', lang) },
  }));
  $('bulletin').textContent = s.bulletin ? (lang === 'zh' ? s.bulletin.text.zh : s.bulletin.text.en) : '';
  drawNotes();
}

/** What the outlook rests on, where the data could carry it only in part: above the chart, not in a footnote. */
function drawNotes(): void {
  const notes = state?.assessment?.notes ?? [], lang = langOf(), box = $('data-notes');
  box.hidden = notes.length === 0;
  const title = document.createElement('strong');
  title.textContent = word('dataNotes', lang);
  const list = document.createElement('ul');
  list.append(...notes.map((n) => { const li = document.createElement('li'); li.textContent = n[lang]; return li; }));
  box.replaceChildren(title, list);
  box.dataset.count = String(notes.length);
}

const CAUSES_ZH: Record<string, string> = {
  'protected load too large': '保障负荷过大', 'import limit': '受电能力受限', 'notice too short': '通知时间不足', 'daily hours': '每日调控时长已满', 'energy budget': '电量不足',
};
function causeName(cause: string | null, lang: Lang): string {
  return cause === null ? '' : lang === 'zh' ? (CAUSES_ZH[cause] ?? cause) : cause;
}

// ---- What-if: the warnings and the least-cost plan follow the sliders. ----

type WhatIfResult = Extract<WhatIfOutcome, { ok: true }>;
let whatIf: WhatIfResult | null = null;
let whatIfVerified: boolean | null = null;
let verifyTimer: ReturnType<typeof setTimeout> | undefined;
let whatIfPending = false, whatIfRunning = false, whatIfCount = 0, whatIfAsked = 0;

function setupWhatIf(a: Assessment): void {
  const peak = Math.max(...Array.from(a.system.supplyMW));
  const lost = $('whatif-lost') as HTMLInputElement;
  lost.max = String(Math.round(peak * 0.25 / 10) * 10);
  lost.step = String(Math.max(1, Math.round(peak / 500)));
  lost.value = '0';
  ($('whatif-temp') as HTMLInputElement).value = '0';
  ($('whatif-notice') as HTMLInputElement).value = '-1';
  $('whatif-summary').textContent = '';
  $('whatif-chart').replaceChildren();
}

function whatIfOptions(): WhatIfOptions {
  const notice = Number(($('whatif-notice') as HTMLInputElement).value);
  return {
    lostMW: Number(($('whatif-lost') as HTMLInputElement).value), tempOffsetC: Number(($('whatif-temp') as HTMLInputElement).value),
    noticeHours: notice < 0 ? null : notice, samples: 100,
  };
}

function requestWhatIf(): void {
  whatIfAsked = performance.now();
  const o = whatIfOptions();
  const lang = langOf();
  $('whatif-values').textContent = `−${o.lostMW} MW · ${o.tempOffsetC >= 0 ? '+' : ''}${o.tempOffsetC} °C · ${o.noticeHours === null ? word('ownNotice', lang) : `${o.noticeHours} h`}`;
  whatIfPending = true;
  if (!whatIfRunning) void runWhatIf();
}

/** One what-if at a time; while one runs, only the latest slider position waits. */
async function runWhatIf(): Promise<void> {
  whatIfRunning = true;
  try {
    while (whatIfPending && state?.assessment) {
      whatIfPending = false;
      const mine = state, asked = whatIfAsked;
      const r = await pool.run<WhatIfOutcome>((api) => withScenario(api, mine.data, (b) => api.whatIf(mine.name, b, mine.forecast, whatIfOptions())));
      if (state !== mine) return;
      if (!r.ok) { say(r.problems[0]?.message ?? 'what-if failed', 'error'); return; }
      whatIf = r;
      whatIfVerified = r.verified ?? null;
      if (r.verified !== undefined) document.body.dataset.whatifVerified = String(r.verified);
      drawOutlook();
      drawWhatIfPlan();
      document.body.dataset.whatifMs = String(Math.round(performance.now() - asked));
      document.body.dataset.whatif = String(++whatIfCount);
      // The verifier, in the other worker, once the slider rests (a drag plans many positions;
      // the one it stops at is the plan that counts, and it is verified).
      const options = whatIfOptions();
      clearTimeout(verifyTimer);
      const toVerify = r.toVerify;
      if (!toVerify) continue; // verified where it was made
      verifyTimer = setTimeout(() => {
        if (whatIf !== r || whatIfPending) return;
        void pool.run((api) => withScenario(api, mine.data, (b) => api.whatIfVerify(mine.name, b, mine.forecast, options, handOverForVerify(toVerify)))).then((v) => {
          if (whatIf !== r) return;
          whatIfVerified = v.ok;
          drawWhatIfPlan();
          document.body.dataset.whatifVerified = String(v.ok);
        });
      }, 250);
    }
  } finally {
    whatIfRunning = false;
  }
}

function drawWhatIfPlan(): void {
  const w = whatIf, lang = langOf();
  if (!w) return;
  const n = (x: number) => Math.round(x).toLocaleString(localeOf(lang));
  const top = Math.max(...Array.from(w.expectedLevel));
  $('whatif-summary').textContent = `${word('gap', lang)} ${n(w.peakGapMW)} MW · ${top ? `${word('level', lang)} ${LEVELS[top]}` : word('noWarning', lang)} · ` +
    `${word('strategy_cost', lang)}: ${n(w.customers)} ${word('customersLower', lang)}, ${word('residualGap', lang)} ${n(w.residualMWh)} MWh · ${whatIfVerified === null ? word('verifying', lang) : whatIfVerified ? `✓ ${word('verified', lang)}` : word('notVerified', lang)} · ${Math.round(w.computeMs)} ms`;
  $('whatif-chart').replaceChildren(planChart({
    startMs: w.startMs, timeZone: w.timeZone, height: 170,
    rungs: MEASURES.map((m, i) => ({ key: m, label: word(`rung_${m}` as 'rung_limit', lang), mw: w.byMeasure[i] })),
    residual: w.residualMW, required: w.requiredMW, labels: { residual: word('residualGap', lang), required: word('need', lang) },
  }));
}

/** The network's feeders as rows for the treemap (the report keeps them as columns), once per plan. */
const rowsOf = new WeakMap<object, NetworkChartOptions['feeders']>();
function feederRows(network: NonNullable<PlanHeadline['network']>): NetworkChartOptions['feeders'] {
  let rows = rowsOf.get(network);
  if (!rows) {
    const f = network.feeders;
    rows = f.id.map((id, i) => ({ id, area: network.areas[f.area[i]]?.id ?? '', ratingMW: f.ratingMW[i], protected: f.protected[i] === 1, curtailedMWh: f.curtailedMWh[i], openedHours: f.openedHours[i] }));
    rowsOf.set(network, rows);
  }
  return rows;
}

function planLabel(r: Pick<PlanHeadline, 'strategy' | 'level'>, lang: Lang): string {
  return `${word(`strategy_${r.strategy}` as 'strategy_cost', lang)}${r.level ? ` · ${word('level', lang)} ${r.level}` : ''}`;
}

async function buildPlan(strategy: Strategy): Promise<void> {
  if (!state?.assessment) return;
  const mine = state, lang = langOf();
  const levelValue = ($('plan-level') as HTMLSelectElement).value;
  const level = levelValue ? (levelValue as PlanLevel) : undefined;
  const result = await withProgress(word('planning', lang), (signal, progress) =>
    planDetachedInPool(pool, mine.name, mine.data, { forecast: mine.forecast, strategy, samples: 500, ...(level ? { level } : {}), signal, onProgress: progress }),
  () => void buildPlan(strategy));
  if (state !== mine || !result) return;
  if (!result.ok) { say(`${mine.name}: ${result.problems[0] ? formatProblem(result.problems[0]) : ''}`, 'error'); return; }
  const report = result.plan.headline;
  const stored: StoredPlan = { id: `${Date.now()}-${strategy}-${level ?? 'forecast'}`, createdAt: new Date().toISOString(), report, lists: result.plan.lists };
  mine.plans = [...mine.plans.filter((p) => !(p.report.strategy === strategy && p.report.level === (level ?? null))), stored];
  mine.selected = stored.id;
  mine.hour = peakHour(report);
  await savePlans(mine.sha256, mine.plans).catch(() => {});
  redrawDispatch();
  const v = report.verification;
  say(`${planLabel(report, lang)}: ${v.ok ? word('verified', lang) : word('notVerified', lang)}; ${report.timings.solveMs} + ${report.timings.verifyMs} ms`, v.ok ? 'ok' : 'error');
}

function peakHour(r: PlanHeadline): number {
  let best = 0;
  r.system.requiredMW.forEach((v, h) => { if (v > r.system.requiredMW[best]) best = h; });
  return best;
}

async function playOut(): Promise<void> {
  if (!state?.plans.length) return;
  const mine = state, lang = langOf();
  const futures = Number(($('futures') as HTMLSelectElement).value) || 300;
  const result = await withProgress(word('playingOut', lang), (signal, progress) =>
    playoutInPool(pool, mine.name, mine.data, mine.plans.map((p) => ({ headline: p.report, lists: p.lists })), { futures, seed: 1, replay: 0, forecast: mine.forecast, signal, onProgress: progress }),
  () => void playOut());
  if (state !== mine || !result) return;
  if (!result.ok) { say(`${result.problems[0] ? formatProblem(result.problems[0]) : ''}`, 'error'); return; }
  result.summaries.forEach((s, i) => (mine.plans[i].playout = s));
  await savePlans(mine.sha256, mine.plans).catch(() => {});
  redrawDispatch();
  document.body.dataset.playout = 'true';
  say(`${word('playedOut', lang)}: ${futures} ${word('futures', lang)}, ${(result.playMs / 1000).toFixed(1)} s`, 'ok');
}

function drawPlans(): void {
  const s = state!, lang = langOf();
  const table = $('plans-table');
  if (!s.plans.length) { table.replaceChildren(); $('plans-empty').hidden = false; return; }
  $('plans-empty').hidden = true;
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  const n = (x: number, d = 0) => x.toLocaleString(localeOf(lang), { maximumFractionDigits: d, minimumFractionDigits: d });
  const rows: [string, (p: StoredPlan) => string, string?][] = [
    [word('target', lang), (p) => `${n(p.report.targetMW)} MW`],
    [word('residualGap', lang), (p) => (p.report.residual.totalMWh > 0 ? `${n(p.report.residual.totalMWh)} MWh · ${causeName(p.report.system.cause ?? p.report.local.find((l) => l.cause)?.cause ?? null, lang)}` : '0'), 'residual'],
    [word('customers', lang), (p) => n(p.report.objective.customersAffected)],
    [word('userTimes', lang), (p) => n(p.report.objective.userTimes)],
    [word('loss', lang), (p) => `${n(p.report.objective.economicLoss / 1e6, 1)} M ${p.report.currency}`],
    [word('verification', lang), (p) => (p.report.verification.ok ? `✓ ${word('verified', lang)}` : `✗ ${Object.keys(p.report.verification.counts).join(', ')}`)],
    [word('notesRow', lang), (p) => (p.report.notes?.length ? `⚠ ${p.report.notes.map((x) => x.subject).join(', ')}` : '–'), 'notes'],
    [word('pProtectedCut', lang), (p) => (p.playout ? pct(p.playout.protectedCutProbability) : '–'), 'risk'],
    [word('pEmergency', lang), (p) => (p.playout ? pct(p.playout.emergencyProbability) : '–')],
    [word('ens', lang), (p) => (p.playout ? `${n(p.playout.figures.unservedMWh.mean, 1)} (${n(p.playout.figures.unservedMWh.p10)}–${n(p.playout.figures.unservedMWh.p90)})` : '–')],
    [word('fairness', lang), (p) => (p.playout ? n(p.playout.figures.fairness.mean, 2) : '–')],
    [word('lateNotices', lang), (p) => (p.playout ? n(p.playout.figures.lateNotices.mean) : '–')],
  ];
  const head = document.createElement('tr');
  head.append(document.createElement('th'));
  for (const p of s.plans) {
    const th = document.createElement('th');
    const show = document.createElement('button');
    show.className = 'link' + (p.id === s.selected ? ' selected' : '');
    show.textContent = planLabel(p.report, lang);
    show.dataset.plan = p.id;
    show.addEventListener('click', () => { s.selected = p.id; s.hour = peakHour(p.report); redrawDispatch(); });
    const csv = document.createElement('button');
    csv.className = 'link csv';
    csv.textContent = 'CSV';
    csv.title = word('exportCsv', lang);
    // Written in a worker from the plan's lists (a province week: 134,000 rows of 168 hours).
    csv.addEventListener('click', () => {
      say(`${word('exportCsv', lang)}…`, 'busy');
      void pool.run((api) => withScenario(api, s.data, (b) => api.planCsv(s.name, b, s.forecast, { headline: p.report, lists: p.lists })))
        .then((r) => {
          // A kept plan is read back against the scenario before its list goes out.
          if (!r.ok) { say(`CSV: ${r.problems[0] ? formatProblem(r.problems[0]) : ''}`, 'error'); return; }
          download(`${s.name.replace(/\.json$/, '')}-${p.report.strategy}${p.report.level ? `-${p.report.level}` : ''}.csv`, r.csv);
          say(`${word('exportCsv', lang)}: ${p.report.listed.customers.toLocaleString(localeOf(lang))} ${word('customersLower', lang)}`, 'ok');
        })
        .catch((error: Error) => say(`CSV: ${error.message}`, 'error'));
    });
    th.append(show, ' ', csv);
    head.append(th);
  }
  const body = rows.map(([label, cell, cls]) => {
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.textContent = label;
    tr.append(th, ...s.plans.map((p) => {
      const td = document.createElement('td');
      td.textContent = cell(p);
      // The residual in a colour nobody can miss, only where there is one.
      if (cls && (cls !== 'residual' || p.report.residual.totalMWh > 0)) td.className = cls;
      return td;
    }));
    return tr;
  });
  table.replaceChildren(head, ...body);
}

function drawSelected(): void {
  const s = state!, lang = langOf();
  const plan = s.plans.find((p) => p.id === s.selected);
  if (!plan) { $('plan-view').hidden = true; return; }
  $('plan-view').hidden = false;
  const r = plan.report;
  $('plan-chart').replaceChildren(planChart({
    startMs: parseTimestamp(r.start)!.ms, timeZone: r.timeZone,
    // By class only where the plan says (plans kept by an older page do not).
    rungs: planBy === 'class' && r.system.byClassMW
      ? Object.entries(r.system.byClassMW).map(([k, mw], i) => ({ key: `class-${k}`, label: className(k, lang), mw, colour: CLASS_COLOURS[i % CLASS_COLOURS.length] }))
      : MEASURES.map((m) => ({ key: m, label: word(`rung_${m}` as 'rung_limit', lang), mw: r.system.byMeasureMW[m] })),
    residual: r.system.residualMW, required: r.system.requiredMW, labels: { residual: word('residualGap', lang), required: word('need', lang) }, marker: s.hour,
  }));
  const scrub = $('scrubber') as HTMLInputElement;
  scrub.max = String(r.hours - 1);
  scrub.value = String(s.hour);
  $('scrub-time').textContent = r.times[s.hour];
  if (r.network) {
    const feeders = r.network.feeders.id.length;
    $('network-hint').textContent = feeders > MAX_FEEDERS_DRAWN && !s.networkFocus ? `${feeders.toLocaleString(localeOf(lang))} ${word('networkBySubstation', lang)}` : '';
    $('network-chart').replaceChildren(networkChart({
      areas: r.network.areas, feeders: feederRows(r.network), labels: { protected: word('protectedFeeder', lang), curtailed: word('curtailedWord', lang), opened: word('openedFeeder', lang), back: word('wholeNetwork', lang) },
      focus: s.networkFocus ?? null,
      onFocus: (area) => { s.networkFocus = area; drawSelected(); },
    }));
  }
  const po = plan.playout;
  $('fan-chart').replaceChildren(...(po ? [fanChart({
    startMs: parseTimestamp(r.start)!.ms, timeZone: r.timeZone, ...po.unservedFan, label: word('fanLabel', lang),
  })] : []));
  const hour = po?.replay?.hours[s.hour];
  const n = (x: number) => `${Math.round(x).toLocaleString(localeOf(lang))} MW`;
  const facts: [string, string][] = [
    [word('planned', lang), `${n(r.system.coveredMW[s.hour])} / ${n(r.system.requiredMW[s.hour])}${r.system.residualMW[s.hour] > 0 ? ` — ${word('residualGap', lang)} ${n(r.system.residualMW[s.hour])}` : ''}`],
  ];
  if (hour) {
    facts.push(
      [word('future0', lang), `${word('demand', lang)} ${n(hour.demandMW)}, ${word('supplyLessReserve', lang)} ${n(hour.supplyMW)}, ${word('gap', lang)} ${n(hour.gapMW)}`],
      [word('byRung', lang), PLAYOUT_RUNGS.map((rung, i) => `${word(`rung_${rung}` as 'rung_limit', lang)} ${n(hour.planMW[i] + hour.extraMW[i])}`).join(' · ')],
      [word('unserved', lang), n(hour.unservedMW)],
      // Largest first; the count is all of them (a province hour can have thousands).
      [word('curtailedNow', lang), `${(hour.curtailedCount ?? hour.curtailed.length).toLocaleString(localeOf(lang))}: ${hour.curtailed.slice(0, 8).join(', ')}${(hour.curtailedCount ?? hour.curtailed.length) > 8 ? ' …' : ''}`],
    );
  }
  $('scrub-state').replaceChildren(...facts.flatMap(([k, v]) => {
    const dt = document.createElement('dt'); dt.textContent = k;
    const dd = document.createElement('dd'); dd.textContent = v;
    if (k === word('unserved', lang) && hour && hour.unservedMW > 0) dd.className = 'residual';
    return [dt, dd];
  }));
}

/**
 * The selected plan as a document (see plan-document.ts), then the browser's print dialog; the
 * page prints only the document. Its customer digest is made in a worker from the plan's lists.
 */
async function printReport(): Promise<void> {
  const s = state, lang = langOf();
  const plan = s?.plans.find((p) => p.id === s.selected);
  if (!s || !plan) return;
  say(`${word('print', lang)}…`, 'busy');
  const digested = await pool.run((api) => withScenario(api, s.data, (b) => api.planDigest(s.name, b, s.forecast, { headline: plan.report, lists: plan.lists }, 100)));
  if (!digested.ok) { say(`${word('print', lang)}: ${digested.problems[0] ? formatProblem(digested.problems[0]) : ''}`, 'error'); return; }
  const digest = digested.digest;
  say(`${word('print', lang)}: ${planLabel(plan.report, lang)}`, 'ok');
  const zone = resolveZone(plan.report.timeZone)!;
  $('plan-document').replaceChildren(planDocument({
    plan: plan.report, digest, scenarioName: s.name, ...(s.bulletin ? { bulletin: s.bulletin } : {}), ...(plan.playout ? { playout: plan.playout } : {}),
    printedAt: formatInZone(Date.now(), zone), causeName: (c) => causeName(c, lang),
  }, lang));
  document.body.dataset.report = plan.id;
  window.print();
}

function download(name: string, content: Blob): void {
  const url = URL.createObjectURL(content);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
