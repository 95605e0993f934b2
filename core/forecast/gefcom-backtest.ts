/**
 * The GEFCom2012 backtests of the forecasting issue, on the competition's own files:
 *  - "2007": train 2004–2006, forecast 2007 ex post, for the 20 zones and the system;
 *  - "backcast": the 8 blank weeks of 2005–2006, trained on all other history, scored against the
 *    official solution (as the organisers' benchmark file was).
 * The system is the sum of the zones. Orderly's model forecasts it bottom-up (the sum of its zone
 * forecasts, so area and system forecasts add up); vanilla forecasts it directly, as published.
 */
import type { HolidayCalendar } from '../calendar/day-kind.ts';
import { GEFCOM_OFFSET_MINUTES } from '../history/gefcom-axis.ts';
import type { GefcomSeriesTable, GefcomSolution } from '../history/gefcom2012.ts';
import { HOUR_MS } from '../time/timestamp.ts';
import { resolveZone } from '../time/zone.ts';
import { calendarFor, forecastSeries, type SeriesForecast, type SeriesInput, type Window } from './forecast.ts';
import { applyErrorModel, errorModel, QUANTILE_LEVELS } from './quantiles.ts';
import { accuracy, type Accuracy } from './metrics.ts';
import { rollingBacktest, type RollingReport } from './rolling-backtest.ts';
import { widenForLevel } from './short-history.ts';
import type { RollingOptions } from './rolling.ts';

export interface GefcomData {
  load: GefcomSeriesTable;
  temperature: GefcomSeriesTable;
  holidays: HolidayCalendar;
  solution?: GefcomSolution;
}

export interface SeriesScore {
  series: string;
  model: Accuracy;
  vanilla: Accuracy;
  stations: number[];
}

export interface GefcomBacktest {
  task: GefcomTask;
  zones: SeriesScore[];
  system: SeriesScore;
  /** Median zone MAPE over the 19 zones other than zone 9 (whose zero hours make MAPE meaningless). */
  zoneMedianMape: { model: number; vanilla: number };
  /** MAPE pooled over all zone-hours (as the organisers scored the benchmark). */
  zonePooledMape: { model: number; vanilla: number };
  /** The system forecast issued daily with measured load (2007 only, when asked for). */
  rolling?: RollingReport;
  seconds: number;
}

const ZONES = 20;

/**
 * "2007": train 2004–2006, test 2007; "2007-one-year": train 2006 alone, test 2007 (a history as
 * short as a new substation's); "backcast": the 8 blank weeks.
 */
export type GefcomTask = '2007' | '2007-one-year' | 'backcast';

function axisIndex(table: GefcomSeriesTable, ms: number): number {
  return Math.round((ms - table.startMs) / HOUR_MS);
}

function localMidnight(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) - GEFCOM_OFFSET_MINUTES * 60_000;
}

function seriesInput(data: GefcomData, load: Float64Array): SeriesInput {
  const n = data.load.hours;
  const stations = [...data.temperature.series.entries()].sort((a, b) => a[0] - b[0]).map(([, t]) => {
    const aligned = new Float64Array(n).fill(Number.NaN);
    aligned.set(t.subarray(0, Math.min(n, t.length)));
    return aligned;
  });
  return { startMs: data.load.startMs, n, load, stations, zone: resolveZone('-05:00')!, holidays: data.holidays };
}

function systemOf(zones: Map<number, Float64Array>, n: number): Float64Array {
  const s = new Float64Array(n);
  for (let z = 1; z <= ZONES; z++) {
    const y = zones.get(z)!;
    for (let i = 0; i < n; i++) s[i] += y[i];
  }
  return s;
}

function scoreWindows(actual: Float64Array, forecasts: SeriesForecast[]): Accuracy {
  const a: number[] = [], p: number[] = [];
  const q: number[][] = forecasts[0].levels.map(() => []);
  for (const f of forecasts) {
    for (let i = 0; i < f.point.length; i++) {
      a.push(actual[f.target.from + i]);
      p.push(f.point[i]);
      f.quantiles.forEach((series, k) => q[k].push(series[i]));
    }
  }
  return accuracy(a, p, forecasts[0].levels, q);
}

function pooled(scores: SeriesScore[], key: 'model' | 'vanilla'): number {
  let w = 0, s = 0;
  for (const z of scores) {
    s += z[key].mape * z[key].hours;
    w += z[key].hours;
  }
  return s / w;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

export function gefcomBacktest(data: GefcomData, task: GefcomTask, onProgress: (f: number) => void = () => {}, rolling?: RollingOptions): GefcomBacktest {
  const started = Date.now();
  const n = data.load.hours;
  const zones = data.load.series;
  const cal = calendarFor(seriesInput(data, zones.get(1)!));
  let windows: Array<{ train: Window; target: Window; exclude?: (i: number) => boolean }>;
  let actualOf: (zone: number) => Float64Array;
  if (task === '2007' || task === '2007-one-year') {
    const from = axisIndex(data.load, localMidnight(task === '2007' ? 2004 : 2006, 1, 1));
    const split = axisIndex(data.load, localMidnight(2007, 1, 1));
    const end = axisIndex(data.load, localMidnight(2008, 1, 1));
    windows = [{ train: { from, to: split }, target: { from: split, to: end } }];
    actualOf = (z) => (z === 21 ? systemOf(zones, n) : zones.get(z)!);
  } else {
    if (!data.solution) throw new Error('the backcast needs Load_solution.csv');
    const blank = (i: number) => !Number.isFinite(zones.get(1)![i]);
    const firstBlankAfter2008 = axisIndex(data.load, localMidnight(2008, 1, 1));
    const weeks: number[] = [];
    for (let i = 0; i < firstBlankAfter2008; i++) if (blank(i) && (i === 0 || !blank(i - 1))) weeks.push(i);
    let last = n;
    while (last > 0 && blank(last - 1)) last--;
    windows = weeks.map((w) => ({ train: { from: 0, to: last }, target: { from: w, to: w + 168 }, exclude: blank }));
    actualOf = (z) => data.solution!.series.get(z)!;
  }
  const input = (load: Float64Array) => seriesInput(data, load);
  /** The model: stations and the error model measured on the first window, reused for the rest. */
  const modelForecasts = (load: Float64Array): SeriesForecast[] => {
    const first = forecastSeries(input(load), { model: 'best', ...windows[0], calendar: cal });
    const rest = windows.slice(1).map((w) =>
      forecastSeries(input(load), { model: 'best', ...w, calendar: cal, stations: first.stations, ...(first.recency ? { recency: first.recency } : {}), ...(first.errors ? { errors: first.errors } : {}) }));
    return [first, ...rest];
  };
  /** Vanilla has no weights, so one fit over the span of all windows serves them all. */
  const vanillaForecasts = (load: Float64Array): SeriesForecast[] => {
    const span = { from: windows[0].target.from, to: windows[windows.length - 1].target.to };
    const f = forecastSeries(input(load), { model: 'vanilla', train: windows[0].train, target: span, calendar: cal, ...(windows[0].exclude ? { exclude: windows[0].exclude } : {}) });
    return windows.map((w) => ({
      ...f,
      target: w.target,
      point: f.point.slice(w.target.from - span.from, w.target.to - span.from),
      quantiles: f.quantiles.map((q) => q.slice(w.target.from - span.from, w.target.to - span.from)),
    }));
  };

  const zoneScores: SeriesScore[] = [];
  const zoneModelForecasts: SeriesForecast[][] = [];
  for (let z = 1; z <= ZONES; z++) {
    const load = zones.get(z)!;
    const model = modelForecasts(load);
    const vanilla = vanillaForecasts(load);
    zoneModelForecasts.push(model);
    const actual = actualOf(z);
    zoneScores.push({ series: `zone ${z}`, model: scoreWindows(actual, model), vanilla: scoreWindows(actual, vanilla), stations: model[0].stations.map((s) => s + 1) });
    onProgress(z / (ZONES + 1));
  }
  // The system: the sum of the zone forecasts, with quantiles from the summed held-out errors.
  const systemLoad = systemOf(zones, n);
  const heldOut = new Float64Array(n);
  for (const f of zoneModelForecasts) {
    const h = f[0].heldOut!;
    for (let i = 0; i < n; i++) heldOut[i] += h[i];
  }
  // The zones' held-out years are the same hours: the sum's years are centred as each zone's are.
  const systemErrors = errorModel(systemLoad, heldOut, cal.hour, QUANTILE_LEVELS, 1, zoneModelForecasts[0][0].heldOutWeight, 1, zoneModelForecasts[0][0].heldOutYear);
  const systemModel = windows.map((_, k) => {
    const point = new Float64Array(windows[k].target.to - windows[k].target.from);
    for (const f of zoneModelForecasts) f[k].point.forEach((v, i) => (point[i] += v));
    const plain = applyErrorModel(systemErrors, point, cal.hour.subarray(windows[k].target.from, windows[k].target.to));
    // Zones forecast from under two years carry the assumed level drift; so does their sum.
    const short = windows[k].train.to - windows[k].train.from < 2 * 8760;
    const quantiles = short ? widenForLevel(plain, point, windows[k].target, windows[k].train.to) : plain;
    return { ...zoneModelForecasts[0][k], point, quantiles, levels: systemErrors.levels, stations: [] };
  });
  const systemVanilla = vanillaForecasts(systemLoad);
  const systemActual = actualOf(21);
  const system: SeriesScore = {
    series: 'system', model: scoreWindows(systemActual, systemModel), vanilla: scoreWindows(systemActual, systemVanilla), stations: [],
  };
  let rollingReport: RollingReport | undefined;
  if (rolling && task !== 'backcast') {
    // The system as dispatch would forecast it tomorrow: the sum of the zone forecasts, corrected
    // by the system load measured up to each issue hour.
    const onAxis = (f: SeriesForecast) => { const a = new Float64Array(n).fill(Number.NaN); a.set(f.point, f.target.from); return a; };
    const heldOutSystem = Float64Array.from(heldOut, (v, i) => (zoneModelForecasts[0][0].heldOutWeight![i] > 0 ? v : Number.NaN));
    // The system's weather: the mean of the stations (each zone's model reads its own).
    const stations = seriesInput(data, systemLoad).stations;
    const temperature = Float64Array.from({ length: n }, (_, i) => {
      let sum = 0, known = 0;
      for (const t of stations) if (Number.isFinite(t[i])) { sum += t[i]; known++; }
      return known ? sum / known : Number.NaN;
    });
    rollingReport = rollingBacktest({
      cal, actual: systemActual, model: onAxis(systemModel[0]), vanilla: onAxis(systemVanilla[0]), heldOut: heldOutSystem, errors: systemErrors, test: windows[0].target, temperature,
    }, rolling);
  }
  onProgress(1);
  const ex9 = zoneScores.filter((_, k) => k !== 8);
  return {
    task,
    zones: zoneScores,
    system,
    zoneMedianMape: { model: median(ex9.map((z) => z.model.mape)), vanilla: median(ex9.map((z) => z.vanilla.mape)) },
    zonePooledMape: { model: pooled(zoneScores, 'model'), vanilla: pooled(zoneScores, 'vanilla') },
    ...(rollingReport ? { rolling: rollingReport } : {}),
    seconds: (Date.now() - started) / 1000,
  };
}
