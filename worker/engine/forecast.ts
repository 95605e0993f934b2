/**
 * The engine's forecasting: a scenario's inputs shared out by the pool (one series per metered
 * area, judged for what its history can carry), the fits of a share of areas, the system alone
 * for the page's first outlook, customer baselines, any set of hourly series (the GEFCom zones),
 * and the backtests.
 */
import { transfer } from 'comlink';
import type { HolidayCalendar } from '../../core/calendar/day-kind.ts';
import { isDataError } from '../../core/data-error.ts';
import { backtestCsv, type CsvBacktestOptions } from '../../core/forecast/backtest-csv.ts';
import type { BacktestResult } from '../../core/forecast/backtest.ts';
import { customerBaselines, type BaselineOptions, type CustomerBaselines } from '../../core/forecast/baseline.ts';
import type { CalendarFeatures } from '../../core/forecast/calendar-features.ts';
import { calendarFor, forecastSeries, type ModelName, type SeriesForecast, type SharedDesigns, type Window } from '../../core/forecast/forecast.ts';
import { GramCache } from '../../core/forecast/regression/shared-gram.ts';
import type { PeakRatios } from '../../core/forecast/peak-ratio.ts';
import type { Donor } from '../../core/forecast/pooled.ts';
import { gefcomBacktest, type GefcomBacktest, type GefcomTask } from '../../core/forecast/gefcom-backtest.ts';
import type { RecencySpec } from '../../core/forecast/models/recency.ts';
import type { ShortChoice } from '../../core/forecast/short-history.ts';
import type { RollingReport } from '../../core/forecast/rolling-backtest.ts';
import type { RollingOptions } from '../../core/forecast/rolling.ts';
import {
  aggregateScenarioForecast, axisCalendar, forecastArea, forecastSystemOnly, scenarioForecastInputs,
  type AreaSeriesInput, type FixedAreaForecast, type ScenarioAxis, type ScenarioForecast,
} from '../../core/forecast/scenario-forecast.ts';
import { GEFCOM_FILE_NAMES } from '../../core/history/gefcom-scenario.ts';
import { parseGefcomHolidays, parseGefcomLoad, parseGefcomSolution, parseGefcomTemperature } from '../../core/history/gefcom2012.ts';
import type { DataNote } from '../../core/notes.ts';
import type { Problem } from '../../core/problems.ts';
import { resolveZone } from '../../core/time/zone.ts';
import { refusing, throttled, type ProgressCallback, type Refusal } from './calls.ts';
import { loadCached, type ScenarioBytes } from './kept-scenario.ts';

export type PreparedForecast =
  | { ok: true; axis: ScenarioAxis; series: AreaSeriesInput[]; fixed: FixedAreaForecast[]; notes: DataNote[]; peaks: PeakRatios; areas: Array<{ id: string; parent: string | null; name: string; kind: string; position?: { xKm: number; yKm: number } }> }
  | Refusal;

export interface AreaForecastPart {
  area: string;
  point: Float64Array;
  quantiles: Float64Array[];
  /** The recency terms the area's model used (the lead area's choice, shared by the rest). */
  recency?: RecencySpec;
  stations: number[];
  heldOut: Float64Array;
  heldOutWeight: Uint8Array;
  /** Which held-out year each hour is of, where the errors are of years a year ahead (forecast.ts). */
  heldOutYear?: Uint8Array;
  /** Forecast through the lead area's load (pooled.ts), chosen on the held-out days. */
  pooled?: SeriesForecast['pooled'];
}

export type CsvBacktestOutcome =
  | { ok: true; result: BacktestResult; hours: { train: number; test: number }; exAnte: boolean; model: string; stations: number[]; notes: string[]; recency?: RecencySpec; calibration?: string; shortChoice?: ShortChoice; rolling?: RollingReport }
  | { ok: false; problems: Problem[] };
export type GefcomBacktestOutcome = { ok: true; backtest: GefcomBacktest } | { ok: false; problems: Problem[] };

/**
 * The designs a worker's batches of one scenario share (areas on one station: shared-gram.ts),
 * kept from batch to batch while the axis is the same one; a cache key carries the calendar's and
 * the temperature's contents too, so a stale entry can only miss.
 */
let sharedDesigns: { axis: string; cal: CalendarFeatures; cache: SharedDesigns } | null = null;
function sharedDesignsFor(axis: ScenarioAxis): { cal: CalendarFeatures; cache: SharedDesigns } {
  const key = `${axis.startMs}|${axis.n}|${axis.timeZone}|${JSON.stringify(axis.holidays)}`;
  if (!sharedDesigns || sharedDesigns.axis !== key) sharedDesigns = { axis: key, cal: axisCalendar(axis), cache: new GramCache() };
  return sharedDesigns;
}

export const forecastEngine = {
  /** A scenario's forecasting inputs (one per metered area), for a pool to share out. */
  prepareForecast(name: string, bytes: ScenarioBytes): PreparedForecast {
    const loaded = loadCached(name, bytes);
    if (!loaded.ok || !loaded.scenario) return { ok: false, problems: loaded.problems, total: loaded.total };
    return refusing(() => {
      const { axis, series, fixed, notes, peaks } = scenarioForecastInputs(loaded.scenario!);
      const areas = loaded.scenario!.areas.map((a) => ({ id: a.id, parent: a.parent, name: a.name, kind: a.kind, ...(a.position ? { position: a.position } : {}) }));
      const buffers = [...axis.stations.map((t) => t.buffer), ...series.map((x) => x.load.buffer)] as ArrayBuffer[];
      return transfer({ ok: true as const, axis, series, fixed, notes, peaks, areas }, buffers);
    });
  },

  /** The system alone, quickly: the page's first outlook while every area is being forecast. */
  forecastSystem(name: string, bytes: ScenarioBytes): { ok: true; forecast: ScenarioForecast } | Refusal {
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
  forecastAreas(axis: ScenarioAxis, series: AreaSeriesInput[], model: ModelName = 'best', donor?: Donor): AreaForecastPart[] {
    // One calendar and one cache of designs while the axis is the same (batch after batch).
    const { cal, cache } = sharedDesignsFor(axis);
    const parts = series.map((input) => {
      const f = forecastArea(axis, input, model, cal, cache, donor);
      return {
        area: input.area, point: f.point, quantiles: f.quantiles, stations: f.stations, heldOut: f.heldOut!, heldOutWeight: f.heldOutWeight!,
        ...(f.heldOutYear ? { heldOutYear: f.heldOutYear } : {}),
        ...(f.recency ? { recency: f.recency } : {}), ...(f.pooled ? { pooled: f.pooled } : {}),
      };
    });
    const buffers = parts.flatMap((p) => [p.point.buffer, p.heldOut.buffer, p.heldOutWeight.buffer, ...(p.heldOutYear ? [p.heldOutYear.buffer] : []), ...p.quantiles.map((q) => q.buffer)]) as ArrayBuffer[];
    return transfer(parts, buffers);
  },

  /**
   * The sums up the area tree of a pool's forecast (aggregateScenarioForecast), here rather than
   * on the page's thread: a province's 415 areas, each with years of held-out errors, took 0.1 to
   * 0.3 s of it in one task. The arrays come transferred and the forecast goes back so.
   */
  aggregateForecast(areas: Array<{ id: string; parent: string | null }>, axis: ScenarioAxis, series: AreaSeriesInput[], parts: AreaForecastPart[], fixed: FixedAreaForecast[], notes: DataNote[], peaks: PeakRatios): { ok: true; forecast: ScenarioForecast } | { ok: false; problems: Problem[]; total: number } {
    try {
      const { cal } = sharedDesignsFor(axis);
      const forecast = aggregateScenarioForecast({ areas }, axis, series, parts, cal, fixed, notes, peaks);
      const buffers = new Set<ArrayBuffer>();
      for (const a of [...forecast.areas, forecast.system]) {
        buffers.add(a.point.buffer as ArrayBuffer);
        for (const q of a.quantiles) buffers.add(q.buffer as ArrayBuffer);
      }
      return transfer({ ok: true as const, forecast }, [...buffers]);
    } catch (error) {
      if (isDataError(error)) return { ok: false, problems: error.problems, total: error.problems.length };
      throw error;
    }
  },

  /** Baseline load of every curtailable customer over the study (or a window). */
  baselines(name: string, bytes: ScenarioBytes, window?: { startMs: number; hours: number }, options: BaselineOptions = {}): { ok: true; baselines: CustomerBaselines } | Refusal {
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

  /** Backtest of one series from a CSV (text), Orderly's model against vanilla. */
  backtestCsv(text: string, options: CsvBacktestOptions): CsvBacktestOutcome {
    const r = backtestCsv(text, options);
    if (!r.ok) return r;
    return {
      ok: true, result: r.report.result, hours: r.report.hours, exAnte: r.report.exAnte, model: r.report.model, stations: r.report.forecasts.model.stations, notes: r.notes,
      ...(r.report.forecasts.model.recency ? { recency: r.report.forecasts.model.recency } : {}),
      ...(r.report.forecasts.model.calibration ? { calibration: r.report.forecasts.model.calibration } : {}),
      ...(r.report.forecasts.model.shortChoice ? { shortChoice: r.report.forecasts.model.shortChoice } : {}),
      ...(r.rolling ? { rolling: r.rolling } : {}),
    };
  },

  /** The GEFCom2012 backtests (2007 ex post, or the 8 backcast weeks) from the competition files. */
  backtestGefcom(files: Record<string, string>, task: GefcomTask, onProgress?: ProgressCallback, rolling?: RollingOptions): GefcomBacktestOutcome {
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
    }, task, (f) => void progress(f, task), rolling);
    return { ok: true, backtest };
  },
};
