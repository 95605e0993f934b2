/**
 * The dispatcher's work on the engine once a scenario is forecast: its warnings and the plans kept
 * for it, plans built with each strategy, played out, exported as CSV and printed. Answers for an
 * opening since replaced are dropped (the transitions check the session).
 */
import type { PlanLevel } from '../../core/plan/build-problem.ts';
import type { Strategy } from '../../core/plan/order.ts';
import { formatProblem, type Problem } from '../../core/problems.ts';
import { formatInZone, resolveZone } from '../../core/time/zone.ts';
import type { WhatIfOutcome } from '../../worker/api.ts';
import { withScenario } from '../../worker/held-scenario.ts';
import { planDetachedInPool } from '../../worker/engine/plan-pool.ts';
import { playoutInPool } from '../../worker/engine/playout-pool.ts';
import { warnScenarioInPool } from '../../worker/engine/warn-pool.ts';
import { download } from '../download.ts';
import { localeOf, planLabel } from '../i18n.ts';
import { mark } from '../marks.ts';
import { loadPlans, savePlans, type StoredPlan } from '../plan-store.ts';
import { assessed, dispatchOpened, planAdded, playedOut, reportMade, selectedPlan, type Opened } from '../state.ts';
import { WARNINGS_WORKER_BYTES, type Page } from './page.ts';
import type { Work } from './work.ts';

export interface DispatchWork {
  assess(opened: Opened, provisional?: boolean): Promise<void>;
  plan(strategy: Strategy, level: PlanLevel | undefined): Promise<void>;
  playOut(futures: number): Promise<void>;
  exportCsv(planId: string): Promise<void>;
  print(): Promise<void>;
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);
const first = (problems: Problem[]) => (problems[0] ? formatProblem(problems[0]) : '');
const baseName = (name: string) => name.replace(/\.json$/, '');

export function createDispatch(page: Page, work: Work): DispatchWork {
  const { store, pool, say, word } = page;
  const session = () => store.get().dispatch?.session;
  const keep = (sha256: string) => savePlans(sha256, store.get().dispatch?.plans ?? []).catch(() => {});

  /** A scenario is forecast: its warnings, then the plans kept for it. */
  async function assess(opened: Opened, provisional = false): Promise<void> {
    store.update((s) => dispatchOpened(s, opened, provisional));
    const mine = session()!;
    const result = await work.run(word('assessing'), (signal, progress) =>
      warnScenarioInPool(pool, opened.name, opened.data, { forecast: opened.forecast, samples: 300, urgent: true, signal, onProgress: progress }),
    { do: 'assess', opened, provisional });
    if (session() !== mine || !result) return;
    if (!result.ok) { say(`${opened.name}: ${first(result.problems)}`, 'error'); return; }
    // Plans are kept under the file's content: an edited file (a new hash) shows none of the old
    // file's. A kept plan naming other content (an older page's, or a store tampered with) is set aside.
    const kept = await loadPlans(opened.sha256).catch(() => []);
    const plans = kept.filter((p) => p.report.scenario.sha256 === opened.sha256);
    store.update((s) => assessed(s, mine, { assessment: result.assessment, bulletin: result.bulletin, plans, setAside: kept.length - plans.length }));
    // The area map is drawn in a task of its own: the outlook is said to be ready once it is.
    await page.drawn();
    if (session() !== mine) return;
    if (provisional) {
      say((word) => `${opened.name} — ${word('firstOutlook')}`, 'busy');
      return;
    }
    // Each worker keeps the scenario for what-ifs: warm them now, so the first drag is quick (not
    // for a province-size file: its tables take seconds in each worker, which would hold both
    // workers just when a plan may be asked for).
    // (data-warming and data-warmed count the warm-ups begun and ended, answered or not: a test
    // that crashes a worker on purpose waits until they agree, so a warm-up does not take the crash.)
    // The what-ifs' warnings worker too (it holds the scenario for them).
    if (opened.data.size <= WARNINGS_WORKER_BYTES) {
      mark('warming', Number(document.body.dataset.warming ?? '0') + 1);
      const warnings = page.warnings(opened.data);
      void Promise.all([
        ...Array.from({ length: pool.size }, () => pool.run<WhatIfOutcome>((api) => withScenario(api, opened.data, (b) => api.whatIf(opened.name, b, opened.forecast, { lostMW: 0, tempOffsetC: 0, samples: 50 })))),
        ...(warnings === pool ? [] : [warnings.run((api) => withScenario(api, opened.data, (b) => api.whatIfOutlook(opened.name, b, opened.forecast, { lostMW: 0, tempOffsetC: 0, samples: 50 })))]),
      ])
        .catch(() => {}).finally(() => mark('warmed', Number(document.body.dataset.warmed ?? '0') + 1));
    }
    mark('outlook', true);
    const setAside = kept.length - plans.length;
    say((word) => `${opened.name} — ${word('outlookReady')}${setAside ? `; ${setAside} ${word('stalePlans')}` : ''}`, 'ok');
  }

  async function plan(strategy: Strategy, level: PlanLevel | undefined): Promise<void> {
    const d = store.get().dispatch;
    if (!d?.assessment) return;
    const { name, data, forecast, sha256 } = d.opened;
    // The whole time the step took, as the dispatcher waited for it (the solve and the check are parts).
    const started = performance.now();
    const result = await work.run(word('planning'), (signal, progress) =>
      planDetachedInPool(pool, name, data, { forecast, strategy, samples: 500, ...(level ? { level } : {}), signal, onProgress: progress }),
    { do: 'plan', strategy });
    if (session() !== d.session || !result) return;
    if (!result.ok) { say(`${name}: ${first(result.problems)}`, 'error'); return; }
    const report = result.plan.headline;
    const stored: StoredPlan = { id: `${Date.now()}-${strategy}-${level ?? 'forecast'}`, createdAt: new Date().toISOString(), report, lists: result.plan.lists };
    store.update((s) => planAdded(s, d.session, stored));
    // The network's treemap follows in a task of its own, then the plan is kept (IndexedDB clones
    // it on this thread), each apart, and only then does the status say the plan is there.
    await page.drawn();
    await keep(sha256);
    const v = report.verification;
    const whole = seconds(performance.now() - started);
    say((word, lang) => `${planLabel(report, lang)}: ${v.ok ? word('verified') : word('notVerified')}; ${lang === 'zh' ? `共 ${whole} s（求解 ${report.timings.solveMs} ms，校验 ${report.timings.verifyMs} ms）` : `${whole} s in all (solve ${report.timings.solveMs} ms, check ${report.timings.verifyMs} ms)`}`, v.ok ? 'ok' : 'error');
  }

  async function playOut(futures: number): Promise<void> {
    const d = store.get().dispatch;
    if (!d?.plans.length) return;
    const { name, data, forecast, sha256 } = d.opened;
    const plans = d.plans;
    const started = performance.now();
    const result = await work.run(word('playingOut'), (signal, progress) =>
      playoutInPool(pool, name, data, plans.map((p) => ({ headline: p.report, lists: p.lists })), { futures, seed: 1, replay: 0, forecast, signal, onProgress: progress }),
    { do: 'playOut' });
    if (session() !== d.session || !result) return;
    if (!result.ok) { say(first(result.problems), 'error'); return; }
    store.update((s) => playedOut(s, d.session, plans.map((p) => p.id), result.summaries));
    await keep(sha256);
    mark('playout', true);
    const whole = seconds(performance.now() - started);
    say((word, lang) => `${word('playedOut')}: ${futures} ${word('futures')}, ${lang === 'zh' ? `共 ${whole} s（推演 ${seconds(result.playMs)} s）` : `${whole} s in all (play-out ${seconds(result.playMs)} s)`}`, 'ok');
  }

  /** A plan's customer list, written in a worker from its lists (a province week: 134,000 rows of 168 hours). */
  async function exportCsv(planId: string): Promise<void> {
    const d = store.get().dispatch;
    const p = d?.plans.find((x) => x.id === planId);
    if (!d || !p) return;
    const { name, data, forecast } = d.opened;
    say((word) => `${word('exportCsv')}…`, 'busy');
    try {
      const r = await pool.run((api) => withScenario(api, data, (b) => api.planCsv(name, b, forecast, { headline: p.report, lists: p.lists })));
      // A kept plan is read back against the scenario before its list goes out.
      if (!r.ok) { say(`CSV: ${first(r.problems)}`, 'error'); return; }
      download(`${baseName(name)}-${p.report.strategy}${p.report.level ? `-${p.report.level}` : ''}.csv`, r.csv);
      say((word, lang) => `${word('exportCsv')}: ${p.report.listed.customers.toLocaleString(localeOf(lang))} ${word('customersLower')}`, 'ok');
    } catch (error) {
      say(`CSV: ${(error as Error).message}`, 'error');
    }
  }

  /**
   * The selected plan as a document (views/plan-document.ts), then the browser's print dialog; the
   * page prints only the document. Its customer digest is made in a worker from the plan's lists.
   */
  async function print(): Promise<void> {
    const d = store.get().dispatch;
    const plan = selectedPlan(d);
    if (!d || !plan) return;
    const { name, data, forecast } = d.opened;
    const lang = store.get().lang;
    say((word) => `${word('print')}…`, 'busy');
    const digested = await pool.run((api) => withScenario(api, data, (b) => api.planDigest(name, b, forecast, { headline: plan.report, lists: plan.lists }, 100)));
    if (!digested.ok) { say((word) => `${word('print')}: ${first(digested.problems)}`, 'error'); return; }
    say((word, lang) => `${word('print')}: ${planLabel(plan.report, lang)}`, 'ok');
    const printedAt = formatInZone(Date.now(), resolveZone(plan.report.timeZone)!);
    store.update((s) => reportMade(s, { kind: 'plan', plan, digest: digested.digest, scenarioName: name, ...(d.bulletin ? { bulletin: d.bulletin } : {}), printedAt, lang }));
    mark('report', plan.id);
    window.print();
  }

  return { assess, plan, playOut, exportCsv, print };
}
