/**
 * The day of execution on the engine: the notices of the selected plan (the plan read back and
 * verified again in a worker before any is made), the steps the dispatcher records on them (kept
 * in IndexedDB under the scenario's content and the plan, so a reload keeps them), the meters read
 * in — the story's or a file — and the compliance, residents' guarantee and daily reports made
 * from them. Answers for a plan or an opening since replaced are dropped (executionUpdated).
 */
import type { BaselinePolicy } from '../../core/execution/baselines.ts';
import type { MeterUnit } from '../../core/execution/meters.ts';
import { applyLog, freshRecord, step, type NoticeEvent, type NoticeRecord } from '../../core/execution/notice-status.ts';
import { dailyReportCsv, evaluationCsv, noticesCsv, shortfallCsv } from '../../core/execution/report-text.ts';
import { formatProblem } from '../../core/problems.ts';
import { parseTimestamp } from '../../core/time/timestamp.ts';
import { formatInZone, resolveZone } from '../../core/time/zone.ts';
import type { ExecutionOutcome, MeterStoryOutcome, NoticesOutcome, ReplanOutcome } from '../../worker/api.ts';
import { withScenario } from '../../worker/held-scenario.ts';
import { download } from '../download.ts';
import {
  clockMoved, executionJudged, executionStarted, metersCleared, metersGiven, metersRefused, noticesListed, policyChosen, replanAnswered, replanAsked, stepsRecorded, stepRefused, judgingEnded, type Execution, type MeterFile,
} from '../execution-state.ts';
import { localeOf, planLabel, problemCount } from '../i18n.ts';
import { clockText } from '../time-text.ts';
import { forgetMeters, loadExecuting, loadMeters, loadNoticeLog, noticeKey, saveExecuting, saveMeters, saveNoticeLog, savePlans, type StoredPlan } from '../plan-store.ts';
import { executionOpened, executionUpdated, reportMade, revisionAdded, type PageState } from '../state.ts';
import type { ScenarioRevision } from '../../core/execution/replan-scenario.ts';
import { splitReport } from '../../core/plan/report-parts.ts';
import type { Page } from './page.ts';
import { mark } from '../marks.ts';
import type { StepAsked } from '../views/notices.ts';

export interface ExecutionWork {
  /** The notices of a plan of the open dispatch, with the steps kept for them. */
  start(planId: string): Promise<void>;
  /** After an opening is assessed: the plan that was being executed, opened again. */
  resume(): Promise<void>;
  record(steps: StepAsked[], by: string): void;
  moveClock(hours: number | null): void;
  loadStory(): Promise<void>;
  loadMeters(name: string, bytes: Uint8Array, unit: MeterUnit | undefined): Promise<void>;
  choosePolicy(policy: BaselinePolicy): Promise<void>;
  /** The meters read in forgotten (kept ones too): compliance and the reports go with them. */
  clearMeters(): Promise<void>;
  downloadNotices(): void;
  downloadLog(): void;
  downloadReports(which: 'daily' | 'shortfall' | 'evaluation'): void;
  /** The execution report of the days judged as a document (views/execution-document.ts), then the browser's print dialog. */
  printReport(): void;
  /** The rest of the day re-planned at the page's clock from the meters given (orderly replan). */
  replanRest(): Promise<void>;
}

const first = (problems: { path: string; message: string }[]) => (problems[0] ? formatProblem(problems[0]) : '');
const text = (s: string, type = 'text/csv;charset=utf-8') => new Blob([`\uFEFF${s}`], { type });

export function createExecution(page: Page): ExecutionWork {
  const { store, pool, say } = page;
  const get = () => store.get().execution;
  const update = (of: Execution, change: (x: Execution) => Execution) => store.update((s) => executionUpdated(s, of, change));
  /** The dispatch and plan an execution works on, while they are still the ones open. */
  const context = (s: PageState, x: Execution) => {
    const d = s.dispatch;
    const plan = d?.session === x.session ? d.plans.find((p) => p.id === x.planId) : undefined;
    return d && plan ? { d, plan, given: { headline: plan.report, lists: plan.lists } } : null;
  };
  const baseName = (x: Execution) => {
    const c = context(store.get(), x);
    return c ? `${c.d.opened.name.replace(/\.json$/, '')}-${c.plan.report.strategy}${c.plan.report.level ? `-${c.plan.report.level}` : ''}` : 'orderly';
  };

  async function start(planId: string): Promise<void> {
    const d = store.get().dispatch;
    const plan = d?.plans.find((p) => p.id === planId);
    if (!d || !plan) return;
    const issued = parseTimestamp(plan.report.issuedAt);
    if (!issued) return;
    const { name, data, forecast, sha256 } = d.opened;
    const x = executionStarted(d.session, planId, noticeKey(sha256, planId), plan.report.timeZone, issued.ms);
    store.update((s) => executionOpened(s, x));
    void saveExecuting(sha256, planId).catch(() => {});
    say((word, lang) => `${word('noticesMaking')}: ${planLabel(plan.report, lang)}…`, 'busy');
    const [r, kept] = await Promise.all([
      pool.run<NoticesOutcome>((api) => withScenario(api, data, (b) => api.notices(name, b, forecast, { headline: plan.report, lists: plan.lists })))
        .catch((error: Error): NoticesOutcome => ({ ok: false, code: 2, problems: [{ path: 'engine', message: error.message }], total: 1 })),
      loadNoticeLog(x.key).catch((): NoticeEvent[] => []),
    ]);
    const now = get();
    if (!now || now.session !== x.session || now.planId !== planId) return; // another plan or opening since
    if (!r.ok) { say((word) => `${word('noticesTitle')}: ${first(r.problems)}`, 'error'); return; }
    // The kept log is applied again here (a pure check): a log that no longer fits the notices is set aside, never half applied.
    const applied = applyLog(r.notices, { steps: kept }, 'kept log');
    const log = applied.ok ? kept : [];
    const records = applied.ok ? applied.records : new Map(r.notices.map((n) => [n.id, freshRecord(n.id)]));
    update(x, (e) => noticesListed(e, r.notices, log, records));
    say((word, lang) => `${word('noticesTitle')}: ${r.notices.length.toLocaleString(localeOf(lang))} ${word('noticesCount')}${applied.ok ? '' : `; ${word('logSetAside')}`}`, applied.ok ? 'ok' : 'error');
    // The meters read in before a reload are judged again, on the baseline they were judged on.
    const meters = await loadMeters(x.key).catch(() => undefined);
    const again = get();
    if (meters && again && again.session === x.session && again.planId === planId && !again.meters) {
      update(again, (e) => policyChosen(e, meters.policy));
      await judge(get()!, meters.meters);
    }
  }

  async function resume(): Promise<void> {
    const d = store.get().dispatch;
    if (!d?.assessment || d.provisional || !d.plans.length) return;
    const planId = await loadExecuting(d.opened.sha256).catch(() => undefined);
    if (planId && store.get().dispatch?.session === d.session && store.get().dispatch!.plans.some((p) => p.id === planId)) await start(planId);
  }

  /**
   * The steps given, in order (one, a page's, or the steps to the state the meters imply, several
   * on one notice): all recorded, or none and why not.
   */
  function record(steps: StepAsked[], by: string): void {
    const x = get();
    if (!x?.notices || !steps.length) return;
    const who = by.trim();
    if (!who) { update(x, (e) => stepRefused(e, page.word('needDispatcher'))); return; }
    const at = formatInZone(x.clockMs, resolveZone(x.timeZone)!);
    const events: NoticeEvent[] = [];
    const changed = new Map<string, NoticeRecord>();
    for (const asked of steps) {
      const record = changed.get(asked.notice) ?? x.records.get(asked.notice) ?? freshRecord(asked.notice);
      const last = record.steps[record.steps.length - 1];
      // The clock moved back before this notice's last step: said in the page's words (core/ would refuse it too).
      if (last && x.clockMs < last.atMs) {
        update(x, (e) => stepRefused(e, page.word('clockBeforeStep').replace('{at}', clockText(last.atMs, x.timeZone, store.get().lang))));
        return;
      }
      const event: NoticeEvent = { notice: asked.notice, to: asked.to, at, by: who, ...(asked.note ? { note: asked.note } : {}) };
      const r = step(record, event, asked.notice);
      if (!r.ok) { update(x, (e) => stepRefused(e, formatProblem(r.problem))); return; }
      events.push(event);
      changed.set(asked.notice, r.record);
    }
    update(x, (e) => stepsRecorded(e, events, [...changed.values()]));
    const now = get();
    if (now) void saveNoticeLog(now.key, now.log).catch((error: Error) => say(`${page.word('notSaved')}: ${error.message}`, 'error'));
  }

  function moveClock(hours: number | null): void {
    const x = get();
    if (x) update(x, (e) => clockMoved(e, hours));
  }

  /** Compliance and the reports from the meters given, with the policy chosen. */
  async function judge(x: Execution, meters: MeterFile): Promise<void> {
    const c = context(store.get(), x);
    if (!c) return;
    const { name, data, forecast } = c.d.opened;
    update(x, (e) => metersGiven(e, meters));
    const policy = get()!.policy;
    say((word) => `${word('judging')}…`, 'busy');
    const file = { name: meters.name, bytes: meters.bytes };
    const r = await pool.run<ExecutionOutcome>((api) => withScenario(api, data, (b) => api.execution(name, b, forecast, c.given, file, { policy, ...(meters.unit ? { unit: meters.unit } : {}) })))
      .catch((error: Error) => ({ ok: false as const, problems: [{ path: meters.name, message: error.message }], total: 1 }));
    const now = get();
    if (!now || now.meters !== meters || now.policy !== policy) return; // other meters or another baseline asked for since
    if (!r.ok) {
      update(x, (e) => metersRefused(e, meters.name, r.problems, r.total));
      say((_, lang) => `${meters.name}: ${problemCount(r.total, lang)}`, 'error');
      return;
    }
    update(x, (e) => executionJudged(e, r.result));
    // Kept only once read and judged: a file refused is not brought back by a reload.
    // (data-meters-kept names the baseline last kept: a test reloads only once it is.)
    void saveMeters(x.key, { meters, policy }).then(() => mark('metersKept', policy), (error: Error) => say(`${page.word('notSaved')}: ${error.message}`, 'error'));
    const days = r.result.days.length;
    say((word, lang) => `${meters.name}: ${r.result.meters.meters.toLocaleString(localeOf(lang))} ${word('metersWord')}, ${r.result.meters.readings.toLocaleString(localeOf(lang))} ${word('readingsWord')}; ${days} ${word('daysJudged')}`, days ? 'ok' : 'error');
  }

  async function loadStory(): Promise<void> {
    const x = get();
    const c = x && context(store.get(), x);
    if (!x || !c) return;
    const { name, data, forecast } = c.d.opened;
    say((word) => `${word('storyMaking')}…`, 'busy');
    const r = await pool.run<MeterStoryOutcome>((api) => withScenario(api, data, (b) => api.meterStory(name, b, forecast, c.given, { seed: 1, interval: 15 })))
      .catch((error: Error) => ({ ok: false as const, problems: [{ path: 'meters', message: error.message }], total: 1 }));
    const now = get();
    if (!now || now.session !== x.session || now.planId !== x.planId) return;
    if (!r.ok) { say((word) => `${word('storyButton')}: ${first(r.problems)}`, 'error'); return; }
    const { date, short, late, dippedFeeder, dipHours } = r.story;
    await judge(now, { name: `${name.replace(/\.json$/, '')}-meters-${date}.csv`, bytes: r.csv, unit: 'kW', story: { date, short, late, dippedFeeder, dipHours } });
  }

  async function readMeters(name: string, bytes: Uint8Array, unit: MeterUnit | undefined): Promise<void> {
    const x = get();
    if (x) await judge(x, { name, bytes, ...(unit ? { unit } : {}) });
  }

  /** The meters forgotten, here and where they were kept. */
  async function clearMeters(): Promise<void> {
    const x = get();
    if (!x || x.judging) return;
    update(x, metersCleared);
    try {
      await forgetMeters(x.key);
      say((word) => word('metersCleared'), 'ok');
    } catch (error) {
      say(`${page.word('notSaved')}: ${(error as Error).message}`, 'error');
    }
  }

  async function choosePolicy(policy: BaselinePolicy): Promise<void> {
    const x = get();
    if (!x) return;
    update(x, (e) => policyChosen(e, policy));
    const now = get()!;
    if (now.meters && now.judging) await judge(now, now.meters);
    else update(now, judgingEnded);
  }

  function downloadNotices(): void {
    const x = get();
    if (x?.notices) download(`${baseName(x)}-notices.csv`, text(noticesCsv(x.notices, x.records, store.get().lang)));
  }

  function downloadLog(): void {
    const x = get();
    // The form `orderly notices PLAN.json --log LOG.json` reads.
    if (x) download(`${baseName(x)}-notice-log.json`, new Blob([`${JSON.stringify({ steps: x.log }, null, 2)}\n`], { type: 'application/json' }));
  }

  function downloadReports(which: 'daily' | 'shortfall' | 'evaluation'): void {
    const x = get(), r = x?.result, lang = store.get().lang;
    if (!x || !r) return;
    const csv = which === 'daily' ? dailyReportCsv(r.days.map((d) => d.report), lang)
      : which === 'shortfall' ? shortfallCsv(r.days.map((d) => d.compliance), lang) : evaluationCsv(r.evaluation, lang);
    download(`${baseName(x)}-${which === 'daily' ? 'daily-report' : which === 'shortfall' ? 'short-of-order' : 'evaluation'}-${lang}.csv`, text(csv));
  }

  function printReport(): void {
    const s = store.get(), x = s.execution, r = x?.result;
    const c = x && context(s, x);
    if (!x || !r || !c || !x.meters) { say((word) => `${word('printExecution')}: ${word('complianceEmpty')}`, 'error'); return; }
    const lang = s.lang;
    const printedAt = formatInZone(Date.now(), resolveZone(x.timeZone)!);
    const document = {
      scenarioName: c.d.opened.name, planLabel: planLabel(c.plan.report, lang), result: r, policy: x.policy,
      meters: { name: x.meters.name, story: Boolean(x.meters.story) }, printedAt, timeZone: x.timeZone,
    };
    store.update((st) => reportMade(st, { kind: 'execution', document, lang }));
    say((word, l) => `${word('printExecution')}: ${planLabel(c.plan.report, l)}`, 'ok');
    mark('report', `${x.planId}~execution`);
    window.print();
  }

  async function replanRest(): Promise<void> {
    const x = get();
    const c = x && context(store.get(), x);
    if (!x || !c || !x.meters) return;
    const { name, data, forecast } = c.d.opened;
    const meters = x.meters, atMs = x.clockMs;
    // The notices issued by T are those the page recorded as notified; with none recorded, those
    // whose deadline had passed (as orderly replan without --log), and the answer says which.
    const notifiedBy = x.log.length ? 'log' as const : 'deadline' as const;
    update(x, replanAsked);
    say((word) => `${word('replanning')}…`, 'busy');
    const started = performance.now();
    const r = await pool.run<ReplanOutcome>((api) => withScenario(api, data, (b) => api.replan(name, b, forecast, c.given, { name: meters.name, bytes: meters.bytes }, {
      atMs, ...(meters.unit ? { unit: meters.unit } : {}), ...(notifiedBy === 'log' ? { log: { name: 'the page\'s notice log', value: { steps: x.log } } } : {}),
    }))).catch((error: Error): ReplanOutcome => ({ ok: false, code: 2, problems: [{ path: 'engine', message: error.message }], total: 1 }));
    const now = get();
    if (!now || now.session !== x.session || now.planId !== x.planId) return;
    if (!r.ok) {
      update(now, (e) => replanAnswered(e, { atMs, ok: false, problems: r.problems }));
      say((word) => `${word('replanTitle')}: ${first(r.problems)}`, 'error');
      return;
    }
    update(now, (e) => replanAnswered(e, { atMs, ok: true, result: r.result, notifiedBy }));
    await addRevision(now, atMs, r.result);
    const v = r.result.verification.ok, whole = ((performance.now() - started) / 1000).toFixed(1);
    say((word, lang) => `${word('replanTitle')}: ${v ? word('verified') : word('notVerified')}; ${lang === 'zh' ? `共 ${whole} s` : `${whole} s in all`}`, v ? 'ok' : 'error');
  }

  /**
   * The revision joins the plans table and the compare chart as a plan of its own (kept with the
   * scenario's plans), so the dispatcher compares it with the plan in force; it is kept whole as
   * the engine made it, its lists apart as every plan's are.
   */
  async function addRevision(x: Execution, atMs: number, result: ScenarioRevision): Promise<void> {
    const d = store.get().dispatch;
    if (!d || d.session !== x.session) return;
    const { headline, lists } = splitReport(result.report);
    const rev = result.revision;
    const peak = (xs: number[]) => Math.max(0, ...xs);
    const stored: StoredPlan = {
      id: `${x.planId}~revised-${atMs}`, createdAt: new Date().toISOString(), report: headline, lists: new Blob([JSON.stringify(lists)], { type: 'application/json' }),
      revises: {
        planId: x.planId, atMs, residualMWh: rev.residualMWh, peakResidualMW: rev.peakResidualMW,
        gapBeforeMW: peak(result.gapBeforeMW), gapAfterMW: peak(result.gapAfterMW), counts: { ...rev.counts },
      },
    };
    store.update((s) => revisionAdded(s, x.session, stored));
    await page.drawn();
    const plans = store.get().dispatch?.session === x.session ? store.get().dispatch!.plans : null;
    if (plans) await savePlans(d.opened.sha256, plans).catch((error: Error) => say(`${page.word('notSaved')}: ${error.message}`, 'error'));
  }

  return { start, resume, record, moveClock, loadStory, loadMeters: readMeters, clearMeters, choosePolicy, downloadNotices, downloadLog, downloadReports, printReport, replanRest };
}
