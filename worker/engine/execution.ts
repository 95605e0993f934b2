/**
 * The engine's execution: from a plan to what happened. Every call first reads the plan back and
 * checks it again against the scenario it names (core/plan/read-back.ts: its form, the scenario's
 * content hash, its decisions through the verifier) — notices, meters and reports are made only
 * from a plan that passes. Then: the notices (with a status log applied and the alarms at an
 * instant), the meter file read against the plan's days, the day-by-day compliance, residents'
 * guarantee and reports, and the meters of a story (the generator's).
 */
import type { ScenarioForecast } from '../../core/forecast/scenario-forecast.ts';
import { executionContext } from '../../core/execution/context.ts';
import { executePlan, readMeters, type ExecutionOptions, type ExecutionResult, type MeterSummary } from '../../core/execution/execute.ts';
import type { MeterOptions } from '../../core/execution/meters.ts';
import { applyLog, noticeAlarms, type NoticeAlarm, type NoticeRecord } from '../../core/execution/notice-status.ts';
import { noticesFromPlan, type Notice } from '../../core/execution/notices.ts';
import { readBackPlan, type ReadBack } from '../../core/plan/read-back.ts';
import type { PlanReport } from '../../core/plan/report.ts';
import type { Scenario } from '../../core/scenario/model.ts';
import { meterStory, type MeterStory, type MeterStoryOptions } from '../../scenarios/generator/meters.ts';
import { readCsv } from '../../core/history/csv.ts';
import { DataError } from '../../core/data-error.ts';
import { refusing } from './calls.ts';
import { contentHashOf, loadCached, type ScenarioBytes } from './kept-scenario.ts';
import { wholeReport, type DetachedPlan, type ReadBackRefusal } from './plan.ts';

/** A file given to the engine: its name (for the problems) and bytes. */
export interface GivenFile { name: string; bytes: Uint8Array }

export type NoticesOutcome =
  | { ok: true; notices: Notice[]; records: Array<[string, NoticeRecord]> | null; alarms: NoticeAlarm[] | null }
  | ReadBackRefusal;
export type MeterImportOutcome = { ok: true; summary: MeterSummary } | ReadBackRefusal;
export type ExecutionOutcome = { ok: true; result: ExecutionResult } | ReadBackRefusal;
export type MeterStoryOutcome = { ok: true; story: Omit<MeterStory, 'csv'>; csv: Uint8Array } | ReadBackRefusal;

/** The plan, read back against the scenario the call names, with the scenario: or why not. */
async function checkedPlan(name: string, bytes: ScenarioBytes, forecast: ScenarioForecast, given: PlanReport | DetachedPlan, file: string): Promise<{ ok: true; plan: PlanReport; scenario: Scenario } | ReadBackRefusal> {
  const plan = await wholeReport(given);
  const loaded = loadCached(name, bytes);
  if (!loaded.ok || !loaded.scenario) return { ok: false, code: 2, problems: loaded.problems, total: loaded.total };
  const s = loaded.scenario;
  const r = refusing(() => readBackPlan(file, plan, { scenario: s, sha256: contentHashOf(name, bytes), name }, forecast));
  if (!r.ok) return 'code' in r ? (r as Extract<ReadBack, { ok: false }>) : { ...r, code: 2 };
  return { ok: true, plan: r.plan, scenario: s };
}

/**
 * A meter file's text. Bytes that are not UTF-8 are refused rather than read as U+FFFD: Chinese
 * metering systems often export GBK, and a replaced character would turn a name or a number into
 * something else without a word.
 */
function text(f: GivenFile): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(f.bytes);
  } catch {
    throw new DataError([{ path: f.name, message: 'expected UTF-8 text, found bytes that are not UTF-8 (an export in GBK or another code page? save it as UTF-8)' }]);
  }
}
const refusal = (r: { problems: ReadBackRefusal['problems']; total: number }): ReadBackRefusal => ({ ok: false, code: 2, problems: r.problems, total: r.total });

export const executionEngine = {
  /**
   * The notices of a plan (one per customer and day, earliest deadline first); given a status
   * log, every notice's record (the log refused whole if a step breaks the machine), and given an
   * instant, the alarms of the notices past their deadline and not acknowledged.
   */
  async notices(name: string, bytes: ScenarioBytes, forecast: ScenarioForecast, given: PlanReport | DetachedPlan, options: { planFile?: string; log?: { name: string; value: unknown }; atMs?: number } = {}): Promise<NoticesOutcome> {
    const checked = await checkedPlan(name, bytes, forecast, given, options.planFile ?? 'plan');
    if (!checked.ok) return checked;
    const ctx = executionContext(checked.scenario, checked.plan);
    const notices = noticesFromPlan(checked.plan, checked.scenario, ctx.days, ctx.axis);
    let records: Map<string, NoticeRecord> | null = null;
    if (options.log) {
      const applied = applyLog(notices, options.log.value, options.log.name);
      if (!applied.ok) return { ok: false, code: 2, problems: applied.problems, total: applied.problems.length };
      records = applied.records;
    }
    const alarms = options.atMs === undefined ? null : noticeAlarms(notices, records ?? new Map(), options.atMs);
    return { ok: true, notices, records: records ? [...records] : null, alarms };
  },

  /** A meter file read against a plan's days (`orderly execution import`): what it holds, or every problem by row and column. */
  async importMeters(name: string, bytes: ScenarioBytes, forecast: ScenarioForecast, given: PlanReport | DetachedPlan, meters: GivenFile, options: MeterOptions & { planFile?: string } = {}): Promise<MeterImportOutcome> {
    const checked = await checkedPlan(name, bytes, forecast, given, options.planFile ?? 'plan');
    if (!checked.ok) return checked;
    const read = refusing(() => readMeters(checked.scenario, checked.plan, meters.name, text(meters), options));
    return read.ok ? { ok: true, summary: read.summary } : refusal(read);
  },

  /** Compliance, the residents' guarantee and the daily reports of the days the meters reach, and the evaluation over them. */
  async execution(name: string, bytes: ScenarioBytes, forecast: ScenarioForecast, given: PlanReport | DetachedPlan, meters: GivenFile, options: ExecutionOptions & { planFile?: string } = {}): Promise<ExecutionOutcome> {
    const checked = await checkedPlan(name, bytes, forecast, given, options.planFile ?? 'plan');
    if (!checked.ok) return checked;
    const out = refusing(() => executePlan(checked.scenario, checked.plan, meters.name, text(meters), options));
    return out.ok ? { ok: true, result: out.result } : refusal(out);
  },

  /**
   * For benchmarks: the plan read back once, then the meter file imported and judged (baselines,
   * compliance, the residents' guarantee, the reports) `repeats` times in this worker, with the
   * milliseconds of each run and of the bare CSV read of the same file (the same-run reference).
   */
  async executionTiming(name: string, bytes: ScenarioBytes, forecast: ScenarioForecast, given: PlanReport | DetachedPlan, meters: GivenFile, options: ExecutionOptions & { repeats: number }): Promise<{ ok: boolean; runsMs: number[]; csvMs: number[]; readings: number; customers: number; problems: string[] }> {
    const checked = await checkedPlan(name, bytes, forecast, given, 'plan');
    if (!checked.ok) return { ok: false, runsMs: [], csvMs: [], readings: 0, customers: 0, problems: checked.problems.slice(0, 5).map((p) => `${p.path}: ${p.message}`) };
    const runsMs: number[] = [], csvMs: number[] = [];
    let readings = 0, customers = 0;
    // One run first, untimed: the code is compiled before it is timed, as in a worker that has judged a day before.
    for (let i = -1; i < options.repeats; i++) {
      const t0 = performance.now();
      readCsv(text(meters), meters.name);
      if (i >= 0) csvMs.push(performance.now() - t0);
      const t1 = performance.now();
      const out = executePlan(checked.scenario, checked.plan, meters.name, text(meters), options);
      if (i >= 0) runsMs.push(performance.now() - t1);
      if (!out.ok) return { ok: false, runsMs, csvMs, readings: 0, customers: 0, problems: out.problems.slice(0, 5).map((p) => `${p.path}: ${p.message}`) };
      readings = out.result.meters.readings;
      customers = out.result.days.reduce((a, d) => a + d.compliance.total.metered, 0);
    }
    return { ok: true, runsMs, csvMs, readings, customers, problems: [] };
  },

  /** What the meters saw for a story (the generator's): a meter file for a plan's day and the days before it. */
  async meterStory(name: string, bytes: ScenarioBytes, forecast: ScenarioForecast, given: PlanReport | DetachedPlan, options: MeterStoryOptions & { planFile?: string }): Promise<MeterStoryOutcome> {
    const checked = await checkedPlan(name, bytes, forecast, given, options.planFile ?? 'plan');
    if (!checked.ok) return checked;
    const known = executionContext(checked.scenario, checked.plan).days.map((d) => d.date);
    if (options.date && !known.includes(options.date)) return { ok: false, code: 2, problems: [{ path: '--day', message: `expected a day of the plan (${known.join(', ')}), found ${options.date}` }], total: 1 };
    const { csv, ...story } = meterStory(checked.scenario, checked.plan, options);
    return { ok: true, story, csv: new TextEncoder().encode(csv) };
  },
};
