/**
 * The engine: one API over core/ that runs inside a worker (browser Worker or Node worker_threads)
 * and is the only way the page, the command line and the benchmarks reach compute. Inputs and
 * outputs are plain data; per-hour arrays and file bytes travel as transferable typed arrays.
 */
import { transfer } from 'comlink';
import { NOT_HELD } from './held-scenario.ts';
import type { Problem } from '../core/problems.ts';
import { serializeScenario } from '../core/scenario/serialize.ts';
import { summarizeScenario, type ScenarioSummary } from '../core/scenario/summary.ts';
import { systemLoadHistory } from '../core/scenario/system-load.ts';
import { loadScenarioBytes } from '../core/scenario/validate.ts';
import { hydrate } from '../core/scenario/hydrate.ts';
import { generateScenarioFile, type GenerateOptions } from '../scenarios/generator/generate.ts';
import { attachHistory } from '../core/history/attach.ts';
import { gefcomScenario, type GefcomFiles } from '../core/history/gefcom-scenario.ts';
import { readHourlyCsv, type HourlyCsvOptions } from '../core/history/hourly-csv.ts';
import { parseJsonBytes } from '../core/scenario/parse-json.ts';
import type { ScenarioFile } from '../core/scenario/schema.ts';
import { formatInZone, resolveZone } from '../core/time/zone.ts';
import { HOUR_MS } from '../core/time/timestamp.ts';
import { assessScenario, gapSampler, type AssessOptions, type Assessment } from '../core/warning/assess.ts';
import { buildBulletin, type Bulletin } from '../core/warning/bulletin.ts';
import type { PlanLevel } from '../core/plan/build-problem.ts';
import { planLp } from '../core/plan/lp-format.ts';
import type { Strategy } from '../core/plan/order.ts';
import { levelPlans, planScenario, type LevelPlanSummary } from '../core/plan/plan-scenario.ts';
import type { PlanReport } from '../core/plan/report.ts';
import { joinReport, splitReport, type PlanHeadline } from '../core/plan/report-parts.ts';
import { planCsv } from '../core/plan/csv.ts';
import { planDigest, regionOfArea, type PlanDigest } from '../core/plan/digest.ts';
import { buildGaps, buildPlanProblem } from '../core/plan/build-problem.ts';
import { HEAT_SENSITIVITY_PER_C } from '../core/playout/context.ts';
import type { Scenario } from '../core/scenario/model.ts';
import { solvePlan } from '../core/plan/solve.ts';
const MEASURE_LIST = ['demand-response', 'shift', 'avoid-peak', 'limit', 'feeder-open'];
import { verifyPlan, type PlanToVerify, type Verification } from '../core/plan/verify.ts';
import { readBackPlan, type ReadBack } from '../core/plan/read-back.ts';
import type { PlanProblem } from '../core/plan/problem.ts';
import { playoutContext, type PlayoutContext } from '../core/playout/context.ts';
import { ordersFromReport } from '../core/playout/orders.ts';
import { playFutures, type PlayoutChunk } from '../core/playout/simulate.ts';
import { parseTimestamp } from '../core/time/timestamp.ts';
import type { ScenarioForecast } from '../core/forecast/scenario-forecast.ts';
import { customerBaselines, type BaselineOptions, type CustomerBaselines } from '../core/forecast/baseline.ts';
import { calendarFor, forecastSeries, type ModelName, type Window } from '../core/forecast/forecast.ts';
import type { HolidayCalendar } from '../core/calendar/day-kind.ts';
import { axisCalendar, forecastArea, forecastSystemOnly, scenarioForecastInputs, type AreaSeriesInput, type FixedAreaForecast, type ScenarioAxis } from '../core/forecast/scenario-forecast.ts';
import { isDataError } from '../core/data-error.ts';
import { contentHash } from '../core/content-hash.ts';
import type { DataNote } from '../core/notes.ts';
import { backtestCsv, type CsvBacktestOptions } from '../core/forecast/backtest-csv.ts';
import type { BacktestResult } from '../core/forecast/backtest.ts';
import { gefcomBacktest, type GefcomBacktest } from '../core/forecast/gefcom-backtest.ts';
import { GEFCOM_FILE_NAMES } from '../core/history/gefcom-scenario.ts';
import { parseGefcomHolidays, parseGefcomLoad, parseGefcomSolution, parseGefcomTemperature } from '../core/history/gefcom2012.ts';

/** A scenario as the engine takes it: its bytes, or the key of the one this worker holds. */
export type ScenarioBytes = Uint8Array | { held: string };

export type ProgressCallback = (fraction: number, phase: string) => void | Promise<void>;

export interface ValidationOutcome {
  ok: boolean;
  problems: Problem[];
  total: number;
  summary?: ScenarioSummary;
}

/** What the page needs to draw a scenario's first view. */
export interface ScenarioView extends ValidationOutcome {
  /** The file's content hash (SHA-256, hex): the page keys what it keeps for a scenario by it. */
  sha256?: string;
  systemLoad?: { startMs: number; values: Float64Array };
  /** First weather station's history and forecast, °C. */
  temperature?: { history?: { startMs: number; values: Float64Array }; forecast?: { startMs: number; values: Float64Array } };
}

/**
 * Limits how often progress crosses the thread boundary (at most every 1 %). Returns the
 * delivery, so that a call can await its last report before it returns its result.
 */
function throttled(onProgress?: ProgressCallback): (fraction: number, phase: string) => Promise<void> {
  let last = -1, lastPhase = '';
  return async (fraction, phase) => {
    if (!onProgress) return;
    if (fraction - last >= 0.01 || phase !== lastPhase || fraction >= 1) {
      last = fraction;
      lastPhase = phase;
      await onProgress(fraction, phase);
    }
  };
}

const encoder = new TextEncoder();

export const engineApi = {
  ping(): string {
    return 'orderly-engine';
  },

  /** Generates a scenario and returns it as JSON bytes (UTF-8), with its summary. */
  async generate(options: GenerateOptions, onProgress?: ProgressCallback): Promise<{ bytes: Uint8Array; summary: ScenarioSummary }> {
    const progress = throttled(onProgress);
    const file = generateScenarioFile(options, (f, phase) => void progress(f * 0.9, phase));
    void progress(0.9, 'writing');
    const scenario = hydrate(file);
    const bytes = encoder.encode(serializeScenario(scenario));
    const summary = summarizeScenario(scenario, systemLoadHistory(scenario));
    await progress(1, 'done');
    return transfer({ bytes, summary }, [bytes.buffer]);
  },

  /**
   * Keeps a scenario file in this worker (read here, off the page's thread) and returns the key
   * later calls give instead of its bytes; an invalid file is kept with its problems.
   */
  async hold(name: string, data: Blob | Uint8Array): Promise<{ key: string; ok: boolean; sha256: string }> {
    const bytes = await bytesOf(data);
    const result = loadCached(name, bytes);
    return { key: scenarioKey(name, bytes), ok: result.ok, sha256: contentHashOf(name, bytes) };
  },

  /** Validates scenario bytes; the summary comes with a valid scenario. */
  validate(name: string, bytes: Uint8Array, options: { limit?: number } = {}): ValidationOutcome {
    const result = loadScenarioBytes(name, bytes, options);
    if (!result.ok || !result.scenario) return { ok: false, problems: result.problems, total: result.total };
    return { ok: true, problems: [], total: 0, summary: summarizeScenario(result.scenario, systemLoadHistory(result.scenario)) };
  },

  /** Validates and prepares the page's first view of a scenario. */
  view(name: string, bytes: ScenarioBytes): ScenarioView {
    const result = loadCached(name, bytes);
    if (!result.ok || !result.scenario) return { ok: false, problems: result.problems, total: result.total };
    const s = result.scenario;
    const system = systemLoadHistory(s);
    const station = s.weather.stations[0];
    const view: ScenarioView = {
      ok: true, problems: [], total: 0, sha256: contentHashOf(name, bytes),
      summary: summarizeScenario(s, system),
      ...(system ? { systemLoad: { startMs: system.startMs, values: system.values } } : {}),
      ...(station ? {
        temperature: {
          // Copies: the scenario stays in this worker (loadCached), and a transferred buffer is gone.
          ...(station.history ? { history: { startMs: station.history.startMs, values: station.history.values.slice() } } : {}),
          ...(station.forecast ? { forecast: { startMs: station.forecast.startMs, values: station.forecast.values.slice() } } : {}),
        },
      } : {}),
    };
    const buffers = [view.systemLoad?.values.buffer, view.temperature?.history?.values.buffer, view.temperature?.forecast?.values.buffer]
      .filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
    return transfer(view, [...new Set(buffers)]);
  },

  /** Builds a scenario from the GEFCom2012 files (texts), validated, as JSON bytes. */
  importGefcom(files: GefcomFiles): ImportOutcome {
    const built = gefcomScenario(files);
    if (!built.ok) return { ok: false, problems: built.problems, total: built.problems.length, notes: [] };
    return finishScenario('gefcom2012.json', built.scenario, built.notes);
  },

  /**
   * Reads an hourly CSV; with a scenario and a target, puts the series into the scenario and
   * returns the new scenario, validated, as JSON bytes.
   */
  async importCsv(args: {
    csv: { name: string; bytes: Uint8Array };
    options: Omit<HourlyCsvOptions, 'file'>;
    /** The scenario's file: its bytes, or the Blob the page holds it as. */
    scenario?: { name: string; bytes: Uint8Array | Blob };
    target?: { of: 'area' | 'feeder' | 'customer'; id: string; loadKey?: string; station?: string; temperatureKey?: string };
  }): Promise<ImportOutcome> {
    const text = new TextDecoder('utf-8').decode(args.csv.bytes);
    const read = readHourlyCsv(text, { ...args.options, file: args.csv.name });
    if (!read.ok) return { ok: false, problems: read.problems, total: read.problems.length, notes: [] };
    const table = read.table;
    const zone = resolveZone(table.zone)!;
    const series = Object.entries(table.series).map(([key, values]) => {
      let min = Infinity, max = -Infinity, sum = 0;
      for (const v of values) {
        min = Math.min(min, v);
        max = Math.max(max, v);
        sum += v;
      }
      return { key, unit: table.units[key], min, max, mean: values.length ? sum / values.length : NaN };
    });
    const report = {
      hours: table.hours,
      first: formatInZone(table.startMs, zone),
      last: formatInZone(table.startMs + (table.hours - 1) * HOUR_MS, zone),
      series,
    };
    if (!args.scenario || !args.target) return { ok: true, problems: [], total: 0, notes: table.notes, table: report };
    const scenarioBytes = await bytesOf(args.scenario.bytes);
    const json = parseJsonBytes(args.scenario.name, scenarioBytes);
    if (!json.ok) return { ok: false, problems: [json.problem], total: 1, notes: table.notes, table: report };
    const base = engineApi.validate(args.scenario.name, scenarioBytes);
    if (!base.ok) return { ...base, notes: table.notes, table: report };
    const t = args.target;
    const attached = attachHistory(json.value as ScenarioFile, {
      startMs: table.startMs,
      ...(t.loadKey ? { load: { of: t.of, id: t.id, values: table.series[t.loadKey] } } : {}),
      ...(t.station && t.temperatureKey ? { temperature: { station: t.station, values: table.series[t.temperatureKey] } } : {}),
    });
    if (!attached.ok) return { ok: false, problems: attached.problems, total: attached.problems.length, notes: table.notes, table: report };
    return { ...finishScenario(args.scenario.name, attached.scenario, table.notes), table: report };
  },

  /** Backtest of one series from a CSV (text), Orderly's model against vanilla. */
  backtestCsv(text: string, options: CsvBacktestOptions): CsvBacktestOutcome {
    const r = backtestCsv(text, options);
    if (!r.ok) return r;
    return { ok: true, result: r.report.result, hours: r.report.hours, exAnte: r.report.exAnte, model: r.report.model, stations: r.report.forecasts.model.stations, notes: r.notes };
  },

  /** The GEFCom2012 backtests (2007 ex post, or the 8 backcast weeks) from the competition files. */
  backtestGefcom(files: Record<string, string>, task: '2007' | 'backcast', onProgress?: ProgressCallback): GefcomBacktestOutcome {
    const progress = throttled(onProgress);
    const load = parseGefcomLoad(files.loadHistory, GEFCOM_FILE_NAMES.loadHistory);
    const temperature = parseGefcomTemperature(files.temperatureHistory, GEFCOM_FILE_NAMES.temperatureHistory);
    const holidays = parseGefcomHolidays(files.holidays, GEFCOM_FILE_NAMES.holidays);
    const solution = parseGefcomSolution(files.loadSolution, GEFCOM_FILE_NAMES.loadSolution);
    const problems = [load, temperature, holidays, solution].flatMap((r) => (r.ok ? [] : r.problems));
    if (!load.ok || !temperature.ok || !holidays.ok || !solution.ok) return { ok: false, problems };
    const backtest = gefcomBacktest({
      load: load.table, temperature: temperature.table, solution: solution.solution,
      holidays: { calendar: 'US-federal', days: holidays.holidays.map((h) => ({ date: h.date, name: h.name })), workdays: [] },
    }, task, (f) => void progress(f, task));
    return { ok: true, backtest };
  },

  /** A scenario's forecasting inputs (one per metered area), for a pool to share out. */
  prepareForecast(name: string, bytes: ScenarioBytes): PreparedForecast {
    const loaded = loadCached(name, bytes);
    if (!loaded.ok || !loaded.scenario) return { ok: false, problems: loaded.problems, total: loaded.total };
    return refusing(() => {
      const { axis, series, fixed, notes } = scenarioForecastInputs(loaded.scenario!);
      const areas = loaded.scenario!.areas.map((a) => ({ id: a.id, parent: a.parent, name: a.name, kind: a.kind }));
      const buffers = [...axis.stations.map((t) => t.buffer), ...series.map((x) => x.load.buffer)] as ArrayBuffer[];
      return transfer({ ok: true as const, axis, series, fixed, notes, areas }, buffers);
    });
  },

  /** The system alone, quickly: the page's first outlook while every area is being forecast. */
  forecastSystem(name: string, bytes: ScenarioBytes): { ok: true; forecast: ScenarioForecast } | { ok: false; problems: Problem[]; total: number } {
    const loaded = loadCached(name, bytes);
    if (!loaded.ok || !loaded.scenario) return { ok: false, problems: loaded.problems, total: loaded.total };
    try {
      return { ok: true, forecast: forecastSystemOnly(loaded.scenario) };
    } catch (error) {
      if (isDataError(error)) return { ok: false, problems: error.problems, total: error.problems.length };
      return { ok: false, problems: [{ path: name, message: (error as Error).message }], total: 1 };
    }
  },

  /** Forecasts of some metered areas (the pool gives each worker a share). */
  forecastAreas(axis: ScenarioAxis, series: AreaSeriesInput[], model: ModelName = 'best'): AreaForecastPart[] {
    const cal = axisCalendar(axis);
    const parts = series.map((input) => {
      const f = forecastArea(axis, input, model, cal);
      return { area: input.area, point: f.point, quantiles: f.quantiles, stations: f.stations, heldOut: f.heldOut!, heldOutWeight: f.heldOutWeight! };
    });
    const buffers = parts.flatMap((p) => [p.point.buffer, p.heldOut.buffer, p.heldOutWeight.buffer, ...p.quantiles.map((q) => q.buffer)]) as ArrayBuffer[];
    return transfer(parts, buffers);
  },

  /** Baseline load of every curtailable customer over the study (or a window). */
  baselines(name: string, bytes: ScenarioBytes, window?: { startMs: number; hours: number }, options: BaselineOptions = {}): { ok: true; baselines: CustomerBaselines } | { ok: false; problems: Problem[]; total: number } {
    const loaded = loadCached(name, bytes);
    if (!loaded.ok || !loaded.scenario) return { ok: false, problems: loaded.problems, total: loaded.total };
    const baselines = customerBaselines(loaded.scenario, window, options);
    return transfer({ ok: true as const, baselines }, [baselines.values.buffer, baselines.method.buffer] as ArrayBuffer[]);
  },

  /**
   * Forecasts of several load series sharing one hourly axis and one set of stations (e.g. the
   * zones of a utility): each with its own model, stations chosen per series.
   */
  forecastHourlySeries(args: {
    startMs: number; n: number; loads: Float64Array[]; stations: Float64Array[]; timeZone: string;
    holidays: HolidayCalendar | null; train: Window; target: Window; model: ModelName;
    /** Stations already chosen for each series (a calibration kept with the series). */
    chosen?: number[][];
  }): Array<{ point: Float64Array; quantiles: Float64Array[]; stations: number[] }> {
    const zone = resolveZone(args.timeZone);
    if (!zone) throw new Error(`unknown time zone "${args.timeZone}"`);
    const base = { startMs: args.startMs, n: args.n, stations: args.stations, zone, holidays: args.holidays };
    const cal = calendarFor({ ...base, load: args.loads[0] });
    const out = args.loads.map((load, k) => {
      const chosen = args.chosen?.[k];
      const f = forecastSeries({ ...base, load }, { model: args.model, train: args.train, target: args.target, calendar: cal, ...(chosen ? { stations: chosen } : {}) });
      return { point: f.point, quantiles: f.quantiles, stations: f.stations };
    });
    return transfer(out, out.flatMap((o) => [o.point.buffer, ...o.quantiles.map((q) => q.buffer)]) as ArrayBuffer[]);
  },

  /** The supply-gap assessment and its bulletin, from a scenario and its forecast. */
  assess(name: string, bytes: ScenarioBytes, forecast: ScenarioForecast, options: AssessOptions & { previous?: Bulletin | null } = {}): AssessOutcome {
    const loaded = loadCached(name, bytes);
    if (!loaded.ok || !loaded.scenario) return { ok: false, problems: loaded.problems, total: loaded.total };
    const s = loaded.scenario;
    const root = s.areas.find((a) => a.parent === null)!;
    return refusing(() => {
      const assessment = assessScenario(s, forecast, options);
      const bulletin = buildBulletin(assessment, { id: root.id, name: root.name, ...(root.nameZh ? { nameZh: root.nameZh } : {}) }, options.previous ?? null);
      return { ok: true as const, assessment, bulletin };
    });
  },

  /**
   * Orderly-power plans for a scenario and its forecast: the assessment, the plan with the chosen
   * strategy (and level), its verification and emergency order; optionally the plans per warning
   * level, the LP model, and the assessment's bulletin.
   */
  plan(name: string, bytes: ScenarioBytes, forecast: ScenarioForecast, options: PlanTaskOptions = {}): PlanOutcome {
    const loaded = loadCached(name, bytes);
    if (!loaded.ok || !loaded.scenario) return { ok: false, problems: loaded.problems, total: loaded.total };
    const s = loaded.scenario;
    return refusing(() => engineApiPlan(name, bytes, s, forecast, options));
  },

  /**
   * The plan as the page keeps it: the headline, and the per-customer lists as a JSON file (a
   * Blob, which crosses to the page and into IndexedDB as a handle, not a copy).
   */
  planDetached(name: string, bytes: ScenarioBytes, forecast: ScenarioForecast, options: PlanTaskOptions = {}): DetachedPlanOutcome {
    const out = engineApi.plan(name, bytes, forecast, options);
    if (!out.ok) return out;
    const { report, ...rest } = out;
    const { headline, lists } = splitReport(report);
    return { ...rest, plan: { headline, lists: new Blob([JSON.stringify(lists)], { type: 'application/json' }) } };
  },

  /**
   * What a printed plan needs from its lists: the largest customers, by area, by class — of a plan
   * checked again against the scenario first (a kept plan is read back like a file).
   */
  async planDigest(name: string, bytes: ScenarioBytes, forecast: ScenarioForecast, plan: PlanReport | DetachedPlan, limit = 100): Promise<{ ok: true; digest: PlanDigest } | ReadBackRefusal> {
    const r = await wholeReport(plan);
    const checked = await engineApi.readBack(name, bytes, forecast, r);
    if (!checked.ok) return checked;
    return { ok: true, digest: planDigest(r, r.hours, limit, r.network ? regionOfArea(r.network.areas) : undefined) };
  },

  /** A plan's customer list as CSV (a Blob the page saves as it is), of a plan checked again against the scenario first. */
  async planCsv(name: string, bytes: ScenarioBytes, forecast: ScenarioForecast, plan: PlanReport | DetachedPlan): Promise<{ ok: true; csv: Blob } | ReadBackRefusal> {
    const r = await wholeReport(plan);
    const checked = await engineApi.readBack(name, bytes, forecast, r);
    if (!checked.ok) return checked;
    return { ok: true, csv: new Blob([planCsv(r)], { type: 'text/csv;charset=utf-8' }) };
  },

  /**
   * Futures [from, to) of a play-out of each plan (saved plans, as `orderly plan` writes them):
   * the figures of every future, and the replay of one. Each future has its own random stream,
   * so the result does not depend on how futures are split over workers.
   */
  async playout(name: string, bytes: ScenarioBytes, forecast: ScenarioForecast, given: Array<PlanReport | DetachedPlan>, options: { from: number; to: number; seed: number; replay?: number; names?: string[] }, onProgress?: ProgressCallback): Promise<PlayoutOutcome> {
    const started = Date.now();
    const plans = await Promise.all(given.map(wholeReport));
    const loaded = loadCached(name, bytes);
    if (!loaded.ok || !loaded.scenario) return { ok: false, problems: loaded.problems, total: loaded.total };
    const s = loaded.scenario;
    const progress = throttled(onProgress);
    const sha256 = contentHashOf(name, bytes);
    return refusing(() => {
      // Every plan is checked again against this scenario before it is played (read-back.ts).
      const read = plans.map((plan, i) => readBackPlan(options.names?.[i] ?? planName(given[i], i), plan, { scenario: s, sha256, name }, forecast));
      const refused = read.filter((r): r is Extract<ReadBack, { ok: false }> => !r.ok);
      if (refused.length) {
        const problems = refused.flatMap((r) => r.problems);
        return { ok: false as const, problems, total: problems.length, code: Math.max(...refused.map((r) => r.code)) as 2 | 3 };
      }
      const setupMs = Date.now() - started;
      const chunks: PlayoutChunk[] = [];
      let events: string[] = [];
      read.forEach((r, i) => {
        if (!r.ok) return;
        const plan = r.plan;
        const issuedAtMs = parseTimestamp(plan.issuedAt)!.ms;
        const settings = plan.settings!;
        const assessOptions = { issuedAtMs, horizonDays: Math.ceil(plan.hours / 24), samples: 20, seed: settings.seed, confidence: settings.confidence };
        const ctx = playoutContext(s, r.problem, gapSampler(s, forecast, assessOptions));
        events = ctx.events;
        chunks.push(playFutures(ctx, { ...r.orders, name: `plan ${i + 1} (${plan.strategy}${plan.level ? `, level ${plan.level}` : ''})` }, options.from, options.to, { seed: options.seed, ...(options.replay !== undefined ? { replay: options.replay } : {}) }));
        void progress((i + 1) / plans.length, 'futures');
      });
      return transfer({ ok: true as const, chunks, events, setupMs, totalMs: Date.now() - started }, chunks.flatMap((c) => [...Object.values(c.metrics), c.rungMWh, c.rungPeakMW, c.classMWh, c.unservedByHour].map((a) => a.buffer)) as ArrayBuffer[]);
    });
  },

  /**
   * A plan read back (a file, a plan the page kept), checked against this scenario: its form, the
   * scenario's content hash, its decisions through the verifier (read-back.ts).
   */
  async readBack(name: string, bytes: ScenarioBytes, forecast: ScenarioForecast, given: PlanReport | DetachedPlan, file = 'plan'): Promise<{ ok: true; verification: Verification } | ReadBackRefusal> {
    const plan = await wholeReport(given);
    const loaded = loadCached(name, bytes);
    if (!loaded.ok || !loaded.scenario) return { ok: false, code: 2, problems: loaded.problems, total: loaded.total };
    const s = loaded.scenario;
    const r = refusing(() => readBackPlan(file, plan, { scenario: s, sha256: contentHashOf(name, bytes), name }, forecast));
    if ('code' in r) return r as Extract<ReadBack, { ok: false }>;
    if (!r.ok) return { ...r, code: 2 };
    return { ok: true, verification: r.verification };
  },

  /**
   * For benchmarks: plan tables built here from the scenario and its forecast, then the plan
   * solved and verified `repeats` times in this worker (as the CLI and the page run it), with the
   * milliseconds of each run.
   */
  planTiming(name: string, bytes: ScenarioBytes, forecast: ScenarioForecast, options: { horizonDays: number; samples?: number; repeats: number; strategy?: Strategy }): { ok: boolean; runsMs: number[]; customers: number; units: number; local: number; violations: string[] } {
    const loaded = loadCached(name, bytes);
    if (!loaded.ok || !loaded.scenario) return { ok: false, runsMs: [], customers: 0, units: 0, local: 0, violations: loaded.problems.map((p) => p.message) };
    const s = loaded.scenario;
    const assessment = assessScenario(s, forecast, { horizonDays: options.horizonDays, samples: options.samples ?? 200 });
    const problem = buildPlanProblem(s, assessment);
    const runsMs: number[] = [];
    let ok = true;
    const violations: string[] = [];
    for (let i = 0; i < options.repeats; i++) {
      const t = performance.now();
      const plan = solvePlan(problem, { strategy: options.strategy ?? 'cost' });
      const v = verifyPlan(problem, plan);
      runsMs.push(performance.now() - t);
      if (!v.ok) { ok = false; violations.push(...v.violations.map((x) => x.message)); }
    }
    return { ok, runsMs, customers: problem.customers.id.length, units: problem.units.customer.length, local: problem.constraints.length - 1, violations: violations.slice(0, 5) };
  },

  /**
   * What-if, fast enough to follow a slider: the warnings and the least-cost plan again with
   * supply lost, demand raised by a temperature offset, or another notice. The scenario and its
   * plan tables are kept in this worker between calls (only the gaps change).
   */
  whatIf(name: string, bytes: ScenarioBytes, forecast: ScenarioForecast, options: WhatIfOptions): WhatIfOutcome {
    const started = performance.now();
    const tables = whatIfTables(name, bytes, forecast, options.noticeHours ?? null);
    if (!tables.ok) return { ok: false, problems: tables.problems, total: tables.problems.length };
    const { scenario: s, base } = tables;
    const demandFactor = 1 + HEAT_SENSITIVITY_PER_C * options.tempOffsetC;
    const assessment = assessScenario(s, forecast, { samples: options.samples ?? 200, lostMW: options.lostMW, demandFactor });
    // The same customers and units; the gaps of this what-if.
    const fresh = buildGaps(s, assessment);
    const problem: PlanProblem = { ...base, constraints: fresh.constraints, energyDays: fresh.energyDays };
    const plan = solvePlan(problem, { strategy: 'cost' });
    const byMeasure = MEASURE_LIST.map((_, m) => {
      const out = new Float64Array(problem.hours);
      for (let u = 0; u < problem.units.customer.length; u++) if (problem.units.measure[u] === m) for (let h = 0; h < problem.hours; h++) out[h] += plan.x[u * problem.hours + h];
      return out;
    });
    const feeders = new Float64Array(problem.hours);
    for (let f = 0; f < problem.feeders.id.length; f++) for (let h = 0; h < problem.hours; h++) feeders[h] += plan.feederMW[f * problem.hours + h];
    byMeasure[4] = feeders;
    const offset = Math.round((assessment.startMs - forecast.startMs) / HOUR_MS);
    const q = (level: number) => Float64Array.from(forecast.system.quantiles[forecast.levels.indexOf(level)].subarray(offset, offset + assessment.hours), (v) => v * demandFactor);
    const customers = new Set<number>();
    for (let u = 0; u < problem.units.customer.length; u++) for (let h = 0; h < problem.hours; h++) if (plan.x[u * problem.hours + h] > 0) { customers.add(problem.units.customer[u]); break; }
    // The plan goes back whole, so that another worker can verify it while this one's answer is
    // drawn; a plan too large to send about (a province week: units × hours of tens of millions,
    // hundreds of MB) is verified here instead, before the answer goes.
    const cells = problem.units.customer.length * problem.hours;
    const toVerify: WhatIfPlan | null = cells > (options.verifyHereAbove ?? WHATIF_HANDOVER_CELLS) ? null : {
      gaps: problem.constraints.map((k) => ({ area: k.area, name: k.name, scope: k.scope, gapMW: k.gapMW })), energyDays: problem.energyDays,
      plan: { strategy: 'cost', x: plan.x, xEnergy: plan.xEnergy, xHold: plan.xHold, allowed: plan.allowed, payback: plan.payback, feederOpen: plan.feederOpen, feederMW: plan.feederMW, requiredMW: plan.requiredMW, coveredMW: plan.coveredMW, residualMW: plan.residualMW, fairShare: null },
    };
    const verified = toVerify ? undefined : verifyPlan(problem, plan).ok;
    const result = {
      ok: true as const, startMs: assessment.startMs, timeZone: assessment.timeZone,
      demandMW: assessment.system.demandMW, p10: q(0.1), p90: q(0.9), supplyMW: assessment.system.supplyMW,
      expectedLevel: assessment.system.expectedLevel, probabilities: assessment.system.probabilities,
      byMeasure, residualMW: plan.residualMW[0], requiredMW: plan.requiredMW[0],
      customers: customers.size, residualMWh: plan.residualMW.reduce((t, r) => t + r.reduce((a, b) => a + b, 0), 0),
      peakGapMW: Math.max(0, ...assessment.system.gapAtConfidence), computeMs: performance.now() - started, toVerify,
      ...(verified !== undefined ? { verified } : {}),
    };
    return toVerify ? transfer(result, [plan.x.buffer, plan.payback.buffer] as ArrayBuffer[]) : result;
  },

  /** The independent verifier on a what-if plan (in whichever worker is free). */
  whatIfVerify(name: string, bytes: ScenarioBytes, forecast: ScenarioForecast, options: WhatIfOptions, what: WhatIfPlan): { ok: boolean; counts: Record<string, number>; verifyMs: number; problems?: Problem[] } {
    const tables = whatIfTables(name, bytes, forecast, options.noticeHours ?? null);
    if (!tables.ok) return { ok: false, counts: {}, verifyMs: 0, problems: tables.problems };
    const problem: PlanProblem = { ...tables.base, constraints: what.gaps, energyDays: what.energyDays };
    const v = verifyPlan(problem, what.plan);
    return { ok: v.ok, counts: v.counts as Record<string, number>, verifyMs: v.verifyMs };
  },

  /** Memory of this worker, for benchmarks: current and peak resident set (Node), MB. */
  memory(): { rssMB: number; peakRssMB: number; heapUsedMB: number } {
    const g = globalThis as { process?: { memoryUsage(): { rss: number; heapUsed: number }; resourceUsage?(): { maxRSS: number } } };
    if (!g.process) return { rssMB: 0, peakRssMB: 0, heapUsedMB: 0 };
    const m = g.process.memoryUsage();
    const peak = g.process.resourceUsage ? g.process.resourceUsage().maxRSS / 1024 : m.rss / 2 ** 20;
    return { rssMB: m.rss / 2 ** 20, peakRssMB: peak, heapUsedMB: m.heapUsed / 2 ** 20 };
  },

  /**
   * For tests of the pool's recovery: this worker fails as a worker can — it exits (Node; a browser
   * worker closes itself, which nothing reports, so the call's time limit must catch it), or
   * throws outside any call — after `afterMs`. The call itself never answers.
   */
  failForTest(how: 'exit' | 'throw', afterMs = 10): Promise<never> {
    const g = globalThis as { process?: { exit(code: number): never }; close?: () => void };
    setTimeout(() => {
      if (how === 'exit') {
        if (g.process) g.process.exit(70);
        else g.close?.();
      } else throw new Error('engine failure (test)');
    }, afterMs);
    return new Promise<never>(() => {});
  },

  /** Busy work for tests of cancellation: spins for `ms` milliseconds, reporting progress. */
  spin(ms: number, onProgress?: ProgressCallback): number {
    const progress = throttled(onProgress);
    const start = Date.now();
    let n = 0;
    while (Date.now() - start < ms) {
      n++;
      if ((n & 0xffff) === 0) void progress((Date.now() - start) / ms, 'spinning');
    }
    return n;
  },
};


/** The plan of a loaded scenario (the engine's `plan`, inside its refusal of data that cannot carry one). */
function engineApiPlan(name: string, bytes: ScenarioBytes, s: Scenario, forecast: ScenarioForecast, options: PlanTaskOptions): PlanOutcome {
  const { strategy, level, snapBackShare, noticeHours, levels, exportLp, ...assess } = options;
  const assessment = assessScenario(s, forecast, assess);
  const { problem, solved, report } = planScenario(s, assessment, {
    ...(strategy ? { strategy } : {}), ...(level ? { level } : {}),
    ...(snapBackShare !== undefined ? { snapBackShare } : {}), ...(noticeHours !== undefined ? { noticeHours } : {}),
  });
  report.scenario.sha256 = contentHashOf(name, bytes);
  const root = s.areas.find((a) => a.parent === null)!;
  const bulletin = buildBulletin(assessment, { id: root.id, name: root.name, ...(root.nameZh ? { nameZh: root.nameZh } : {}) }, null);
  return {
    ok: true, report, bulletin,
    ...(levels ? { levels: levelPlans(s, assessment, problem, strategy ?? 'cost') } : {}),
    ...(exportLp ? { lp: planLp(problem, solved).text } : {}),
  };
}

export interface PlanTaskOptions extends AssessOptions {
  strategy?: Strategy;
  level?: PlanLevel;
  snapBackShare?: number;
  noticeHours?: number;
  /** Also plan for every warning level (IV … I). */
  levels?: boolean;
  /** Also write the plan's model in CPLEX LP format. */
  exportLp?: boolean;
}

/** A plan as the page keeps it: the report's headline, and its lists in a JSON file. */
export interface DetachedPlan {
  headline: PlanHeadline;
  lists: Blob;
}

/**
 * Runs a computation whose data may turn out unable to carry it (a DataError from core/): its
 * problems come back as the call's refusal, in the same form validation gives.
 */
function refusing<T>(compute: () => T): T | { ok: false; problems: Problem[]; total: number } {
  try {
    return compute();
  } catch (error) {
    if (isDataError(error)) return { ok: false, problems: error.problems, total: error.problems.length };
    throw error;
  }
}

/** A file's bytes, given as bytes or as a Blob (read here, off the page's thread). */
async function bytesOf(data: Blob | Uint8Array): Promise<Uint8Array> {
  return data instanceof Uint8Array ? data : new Uint8Array(await data.arrayBuffer());
}

/** A plan read back that did not pass: 2, not a plan of this scenario; 3, its decisions break the rules. */
export type ReadBackRefusal = { ok: false; code: 2 | 3; problems: Problem[]; total: number };

/** The name a plan given to the engine goes by in its problems. */
function planName(given: PlanReport | DetachedPlan, i: number): string {
  const r = 'lists' in given ? given.headline : given;
  return `plan ${i + 1} (${typeof r?.strategy === 'string' ? r.strategy : '?'}${typeof r?.level === 'string' ? `, level ${r.level}` : ''})`;
}

/** A plan report whole, from itself or from its headline and lists. */
async function wholeReport(plan: PlanReport | DetachedPlan): Promise<PlanReport> {
  if (!('lists' in plan)) return plan;
  return joinReport(plan.headline, JSON.parse(await plan.lists.text()));
}

export type DetachedPlanOutcome =
  | { ok: true; plan: DetachedPlan; bulletin: Bulletin; levels?: LevelPlanSummary[]; lp?: string }
  | { ok: false; problems: Problem[]; total: number };

export type PlanOutcome =
  | { ok: true; report: PlanReport; bulletin: Bulletin; levels?: LevelPlanSummary[]; lp?: string }
  | { ok: false; problems: Problem[]; total: number };

export interface WhatIfOptions {
  /** Supply lost in every hour, MW. */
  lostMW: number;
  /** Temperature above the forecast, °C (demand through the load's sensitivity). */
  tempOffsetC: number;
  /** Notice every customer gets, hours (null: each customer's own). */
  noticeHours?: number | null;
  samples?: number;
  /** Units × hours above which the plan is verified where it is made (default 5,000,000). */
  verifyHereAbove?: number;
}

export type WhatIfOutcome =
  | {
    ok: true; startMs: number; timeZone: string;
    demandMW: Float64Array; p10: Float64Array; p90: Float64Array; supplyMW: Float64Array; expectedLevel: Uint8Array; probabilities: Float64Array[];
    byMeasure: Float64Array[]; residualMW: Float64Array; requiredMW: Float64Array; customers: number; residualMWh: number;
    peakGapMW: number; computeMs: number;
    /** The plan for a verifier in another worker; null when it was too large and was verified here. */
    toVerify: WhatIfPlan | null;
    /** The verifier's answer, when it ran here. */
    verified?: boolean;
  }
  | { ok: false; problems: Problem[]; total: number };

/** A what-if plan as the verifier needs it: the gaps it was made for and its numbers. */
export interface WhatIfPlan {
  gaps: PlanProblem['constraints'];
  energyDays: PlanProblem['energyDays'];
  plan: PlanToVerify;
}

/** Units × hours above which a what-if plan is verified where it is made, not sent to another worker. */
const WHATIF_HANDOVER_CELLS = 5_000_000;

/** The what-if session of this worker: the scenario and its plan tables per notice. */
let whatIfCache: { key: string; scenario: Scenario; problems: Map<string, PlanProblem> } | null = null;

/**
 * The plan tables a what-if (or its verification) works on: the customers, units and feeders of
 * the scenario for a notice, built once per scenario and notice in this worker; each what-if only
 * swaps the gaps in.
 */
function whatIfTables(name: string, bytes: ScenarioBytes, forecast: ScenarioForecast, notice: number | null): { ok: true; scenario: Scenario; base: PlanProblem } | { ok: false; problems: Problem[] } {
  const key = scenarioKey(name, bytes);
  if (whatIfCache?.key !== key) {
    const loaded = loadCached(name, bytes);
    if (!loaded.ok || !loaded.scenario) return { ok: false, problems: loaded.problems };
    whatIfCache = { key, scenario: loaded.scenario, problems: new Map() };
  }
  const cache = whatIfCache;
  let base = cache.problems.get(String(notice));
  if (!base) {
    const assessment = assessScenario(cache.scenario, forecast, { samples: 20 });
    base = buildPlanProblem(cache.scenario, assessment, notice === null ? {} : { noticeHours: notice });
    cache.problems.set(String(notice), base);
  }
  return { ok: true, scenario: cache.scenario, base };
}

export type PlayoutOutcome = { ok: true; chunks: PlayoutChunk[]; events: string[]; setupMs: number; totalMs: number } | { ok: false; problems: Problem[]; total: number; code?: 2 | 3 };

export type AssessOutcome = { ok: true; assessment: Assessment; bulletin: Bulletin } | { ok: false; problems: Problem[]; total: number };

export type PreparedForecast =
  | { ok: true; axis: ScenarioAxis; series: AreaSeriesInput[]; fixed: FixedAreaForecast[]; notes: DataNote[]; areas: Array<{ id: string; parent: string | null; name: string; kind: string }> }
  | { ok: false; problems: Problem[]; total: number };

export interface AreaForecastPart {
  area: string;
  point: Float64Array;
  quantiles: Float64Array[];
  stations: number[];
  heldOut: Float64Array;
  heldOutWeight: Uint8Array;
}

export type CsvBacktestOutcome =
  | { ok: true; result: BacktestResult; hours: { train: number; test: number }; exAnte: boolean; model: string; stations: number[]; notes: string[] }
  | { ok: false; problems: Problem[] };
export type GefcomBacktestOutcome = { ok: true; backtest: GefcomBacktest } | { ok: false; problems: Problem[] };

export interface ImportOutcome extends ValidationOutcome {
  notes: string[];
  /** The new scenario, as JSON bytes, when one was built and is valid. */
  bytes?: Uint8Array;
  /** What the CSV held. */
  table?: { hours: number; first: string; last: string; series: Array<{ key: string; unit: string; min: number; max: number; mean: number }> };
}

/**
 * The last valid scenario this worker read, kept: the page asks the same worker to check it, to
 * forecast, assess, plan and play it out, and a city file takes ~0.2 s to read each time. Keyed
 * by name, size and a hash of the bytes, so a changed file is read again.
 */
let scenarioCache: { key: string; result: ReturnType<typeof loadScenarioBytes>; sha256?: string } | null = null;

/**
 * The content hash (SHA-256) of the scenario a call names: what plans are tied to. Computed once
 * per scenario in this worker (a held file's when it is handed over; bytes' on first need: ~25 ms
 * for a city file, ~1.4 s for a province's 112 MB).
 */
function contentHashOf(name: string, bytes: ScenarioBytes): string {
  loadCached(name, bytes);
  if (!scenarioCache!.sha256) {
    if (!(bytes instanceof Uint8Array)) throw new Error(`${NOT_HELD} (${bytes.held}: no content hash)`);
    scenarioCache!.sha256 = contentHash(bytes);
  }
  return scenarioCache!.sha256;
}

/** The key a scenario goes by in this worker: a held file's, or the fingerprint of the bytes. */
function scenarioKey(name: string, bytes: ScenarioBytes): string {
  return bytes instanceof Uint8Array ? fingerprint(name, bytes) : bytes.held;
}

function fingerprint(name: string, bytes: Uint8Array): string {
  // FNV-1a over every byte (~10 ms for a city file, against ~200 ms to parse and check it).
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return `${name}:${bytes.length}:${(h >>> 0).toString(16)}`;
}

function loadCached(name: string, bytes: ScenarioBytes): ReturnType<typeof loadScenarioBytes> {
  if (!(bytes instanceof Uint8Array)) {
    if (scenarioCache?.key === bytes.held) return scenarioCache.result;
    throw new Error(`${NOT_HELD} (${bytes.held})`);
  }
  const key = fingerprint(name, bytes);
  if (scenarioCache?.key === key) return scenarioCache.result;
  const result = loadScenarioBytes(name, bytes);
  // An invalid file is kept too: a held file's later calls must find its problems.
  scenarioCache = { key, result };
  return result;
}

/** Validates a built scenario file and returns it as bytes with its summary, or its problems. */
function finishScenario(name: string, file: ScenarioFile, notes: string[]): ImportOutcome {
  const bytes = encoder.encode(JSON.stringify(file));
  const result = loadScenarioBytes(name, bytes);
  if (!result.ok || !result.scenario) return { ok: false, problems: result.problems, total: result.total, notes };
  const out = encoder.encode(serializeScenario(result.scenario));
  const summary = summarizeScenario(result.scenario, systemLoadHistory(result.scenario));
  return transfer({ ok: true, problems: [], total: 0, notes, bytes: out, summary }, [out.buffer]);
}

export type EngineApi = typeof engineApi;
