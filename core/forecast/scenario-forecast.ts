/**
 * Forecasts for a scenario's study window, per metered area and for every area above them, that
 * add up: an area without its own meter is the sum of its children's forecasts, and its quantiles
 * come from the summed held-out errors of those children (so shared weather widens them as it
 * should, instead of the errors cancelling as if independent). Ex ante: the study window uses the
 * stations' temperature forecasts.
 *
 * The work splits in three so that a worker pool can share it: inputs (one per metered area),
 * one fit per area, and the aggregation.
 */
import { dayKindIndex, type HolidayCalendar } from '../calendar/day-kind.ts';
import type { Scenario } from '../scenario/model.ts';
import { HOUR_MS, parseTimestamp } from '../time/timestamp.ts';
import { resolveZone } from '../time/zone.ts';
import { calendarFeatures, type CalendarFeatures } from './calendar-features.ts';
import { forecastSeries, type ModelName, type SeriesForecast, type Window } from './forecast.ts';
import { applyErrorModel, errorModel, QUANTILE_LEVELS } from './quantiles.ts';

export interface ScenarioAxis {
  startMs: number;
  n: number;
  timeZone: string;
  holidays: HolidayCalendar;
  train: Window;
  study: Window;
  /** Temperature of each station on the axis (history, then forecast), °C. */
  stations: Float64Array[];
  stationIds: string[];
}

export interface AreaSeriesInput {
  area: string;
  load: Float64Array;
  /** Stations to use (indices into the axis stations), when the area names one. */
  stations?: number[];
}

export interface AreaForecast {
  area: string;
  /** Metered (own model) or the sum of its children. */
  source: 'model' | 'sum';
  point: Float64Array;
  quantiles: Float64Array[];
  stations: string[];
}

export interface ScenarioForecast {
  startMs: number;
  hours: number;
  levels: number[];
  areas: AreaForecast[];
  /** The root area's forecast (the system). */
  system: AreaForecast;
}

/** Inputs of every metered area: load history and the temperatures on one hourly axis. */
export function scenarioForecastInputs(s: Scenario): { axis: ScenarioAxis; series: AreaSeriesInput[] } {
  const zone = resolveZone(s.timeZone);
  if (!zone) throw new Error(`timeZone: unknown "${s.timeZone}"`);
  const studyStart = parseTimestamp(s.study.start)!.ms;
  const studyEnd = studyStart + s.study.hours * HOUR_MS;
  const metered = s.history.load.filter((h) => h.of === 'area');
  const startMs = Math.min(studyStart, ...metered.map((h) => h.startMs));
  const n = Math.round((studyEnd - startMs) / HOUR_MS);
  const place = (series: { startMs: number; values: Float64Array } | undefined, into: Float64Array) => {
    if (!series) return;
    const offset = Math.round((series.startMs - startMs) / HOUR_MS);
    for (let i = 0; i < series.values.length; i++) {
      const k = offset + i;
      if (k >= 0 && k < n) into[k] = series.values[i];
    }
  };
  const stations = s.weather.stations.map((st) => {
    const t = new Float64Array(n).fill(Number.NaN);
    place(st.history, t);
    place(st.forecast, t); // the forecast wins inside the study window: ex ante
    return t;
  });
  const stationIndex = new Map(s.weather.stations.map((st, k) => [st.id, k]));
  const parent = new Map(s.areas.map((a) => [a.id, a.parent]));
  const ownStation = new Map(s.areas.map((a) => [a.id, a.weatherStation]));
  const stationOf = (area: string): number | undefined => {
    for (let a: string | null | undefined = area; a; a = parent.get(a)) {
      const st = ownStation.get(a);
      if (st !== undefined) return stationIndex.get(st);
    }
    return undefined;
  };
  const byArea = new Map<string, Float64Array>();
  for (const h of metered) {
    const load = byArea.get(h.id) ?? new Float64Array(n).fill(Number.NaN);
    place(h, load);
    byArea.set(h.id, load);
  }
  const studyIndex = Math.round((studyStart - startMs) / HOUR_MS);
  const axis: ScenarioAxis = {
    startMs, n, timeZone: s.timeZone, holidays: s.policy.holidays,
    train: { from: 0, to: studyIndex }, study: { from: studyIndex, to: n },
    stations, stationIds: s.weather.stations.map((st) => st.id),
  };
  const series = [...byArea].map(([area, load]) => {
    const station = stationOf(area);
    return { area, load, ...(station !== undefined ? { stations: [station] } : {}) };
  });
  return { axis, series };
}

export function axisCalendar(axis: ScenarioAxis): CalendarFeatures {
  return calendarFeatures(axis.startMs, axis.n, resolveZone(axis.timeZone)!, dayKindIndex(axis.holidays));
}

/** One metered area's forecast over the study window (with its held-out predictions). */
export function forecastArea(axis: ScenarioAxis, input: AreaSeriesInput, model: ModelName = 'best', cal?: CalendarFeatures): SeriesForecast {
  return forecastSeries(
    { startMs: axis.startMs, n: axis.n, load: input.load, stations: axis.stations, zone: resolveZone(axis.timeZone)!, holidays: axis.holidays },
    { model, train: axis.train, target: axis.study, calendar: cal ?? axisCalendar(axis), ...(input.stations ? { stations: input.stations } : {}) },
  );
}

/** Every area's forecast, bottom-up from the metered ones. */
export function aggregateScenarioForecast(
  s: { areas: ReadonlyArray<{ id: string; parent: string | null }> },
  axis: ScenarioAxis,
  series: AreaSeriesInput[],
  forecasts: Array<Pick<SeriesForecast, 'point' | 'quantiles' | 'stations' | 'heldOut' | 'heldOutWeight'>>,
  cal: CalendarFeatures = axisCalendar(axis),
): ScenarioForecast {
  const hours = axis.study.to - axis.study.from;
  const studyHours = cal.hour.subarray(axis.study.from, axis.study.to);
  const children = new Map<string, string[]>();
  for (const a of s.areas) if (a.parent !== null) children.set(a.parent, [...(children.get(a.parent) ?? []), a.id]);
  const own = new Map(series.map((input, k) => [input.area, { input, forecast: forecasts[k] }]));
  const result = new Map<string, AreaForecast>();
  /** Point and held-out sums of an area, or null when nothing below it is metered. */
  const visit = (area: string): { point: Float64Array; load: Float64Array; heldOut: Float64Array; weight: Uint8Array } | null => {
    const mine = own.get(area);
    if (mine) {
      const f = mine.forecast;
      result.set(area, { area, source: 'model', point: f.point, quantiles: f.quantiles, stations: f.stations.map((k) => axis.stationIds[k]) });
      return { point: f.point, load: mine.input.load, heldOut: f.heldOut!, weight: f.heldOutWeight! };
    }
    const parts = (children.get(area) ?? []).map(visit).filter((p): p is NonNullable<typeof p> => p !== null);
    if (!parts.length) return null;
    const point = new Float64Array(hours), load = new Float64Array(axis.n), heldOut = new Float64Array(axis.n);
    for (const p of parts) {
      for (let i = 0; i < hours; i++) point[i] += p.point[i];
      for (let i = 0; i < axis.n; i++) {
        load[i] += p.load[i];
        heldOut[i] += p.heldOut[i];
      }
    }
    const errors = errorModel(load, heldOut, cal.hour, QUANTILE_LEVELS, 1, parts[0].weight);
    result.set(area, { area, source: 'sum', point, quantiles: applyErrorModel(errors, point, studyHours), stations: [] });
    return { point, load, heldOut, weight: parts[0].weight };
  };
  const root = s.areas.find((a) => a.parent === null)!;
  visit(root.id);
  const areas = s.areas.map((a) => result.get(a.id)).filter((a): a is AreaForecast => !!a);
  const system = result.get(root.id);
  if (!system) throw new Error('no area of this scenario has load history to forecast from');
  return { startMs: axis.startMs + axis.study.from * HOUR_MS, hours, levels: QUANTILE_LEVELS, areas, system };
}

/**
 * A first, quick forecast of the system alone: its load (the sum of the metered areas, bottom-up)
 * fitted as one series. The page draws the system's outlook from it while the forecast of every
 * area (the one plans and local warnings need) is still being made.
 */
export function forecastSystemOnly(s: Scenario, model: ModelName = 'best'): ScenarioForecast {
  const { axis, series } = scenarioForecastInputs(s);
  const children = new Map<string, string[]>();
  for (const a of s.areas) if (a.parent !== null) children.set(a.parent, [...(children.get(a.parent) ?? []), a.id]);
  const own = new Map(series.map((x) => [x.area, x.load]));
  const sum = (area: string): Float64Array | null => {
    const mine = own.get(area);
    if (mine) return mine;
    const parts = (children.get(area) ?? []).map(sum).filter((p): p is Float64Array => p !== null);
    if (!parts.length) return null;
    const load = new Float64Array(axis.n);
    for (const p of parts) for (let i = 0; i < axis.n; i++) load[i] += p[i];
    return load;
  };
  const root = s.areas.find((a) => a.parent === null)!;
  const load = sum(root.id);
  if (!load) throw new Error('no area of this scenario has load history to forecast from');
  // The system's own station if it names one, else (as each area does) the choice among all.
  const named = root.weatherStation !== undefined ? axis.stationIds.indexOf(root.weatherStation) : -1;
  const station = named >= 0 ? [named] : series.find((x) => x.area === root.id)?.stations;
  const input: AreaSeriesInput = { area: root.id, load, ...(station ? { stations: station } : {}) };
  const f = forecastArea(axis, input, model);
  const system: AreaForecast = { area: root.id, source: 'model', point: f.point, quantiles: f.quantiles, stations: f.stations.map((k) => axis.stationIds[k]) };
  return { startMs: axis.startMs + axis.study.from * HOUR_MS, hours: axis.study.to - axis.study.from, levels: QUANTILE_LEVELS, areas: [system], system };
}

/** The whole scenario forecast in one thread (the worker pool splits the middle step). */
export function forecastScenario(s: Scenario, model: ModelName = 'best', onProgress: (f: number) => void = () => {}): ScenarioForecast {
  const { axis, series } = scenarioForecastInputs(s);
  const cal = axisCalendar(axis);
  const forecasts = series.map((input, k) => {
    const f = forecastArea(axis, input, model, cal);
    onProgress((k + 1) / (series.length + 1));
    return f;
  });
  const result = aggregateScenarioForecast(s, axis, series, forecasts, cal);
  onProgress(1);
  return result;
}
