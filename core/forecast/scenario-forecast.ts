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
import { formatInZone, resolveZone } from '../time/zone.ts';
import { calendarFeatures, type CalendarFeatures } from './calendar-features.ts';
import { forecastSeries, type ModelName, type SeriesForecast, type SharedDesigns, type Window } from './forecast.ts';
import { GramCache } from './regression/shared-gram.ts';
import { combinedFactor, peakNote, peakRatios, stalePeakNote, type PeakRatios } from './peak-ratio.ts';
import { heldOutMape, pooledForecast, type Donor } from './pooled.ts';
import type { RecencySpec } from './models/recency.ts';
import { applyErrorModel, errorModel, QUANTILE_LEVELS } from './quantiles.ts';
import { fitCorrection, issueForecast } from './rolling.ts';
import { assertFiniteArray } from '../finite.ts';
import { DataError } from '../data-error.ts';
import type { DataNote } from '../notes.ts';
import { fillWeatherGaps, historyCoverage, historyNote, nothingToForecast, profileForecast, shortHeldOutHours } from './sufficiency.ts';

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
  /** The area's own training window, from its first usable hour (default: the axis's). */
  train?: Window;
  /** Less than a year of history: hours at the end of training held out to measure its errors. */
  heldOutHours?: number;
  /** Recency terms chosen for the scenario (on its largest metered area) and shared by the rest. */
  recency?: RecencySpec;
}

/** An area forecast without a model (from its customers' profiles: too little history). */
export interface FixedAreaForecast {
  area: string;
  point: Float64Array;
  quantiles: Float64Array[];
  stations: number[];
}

export interface AreaForecast {
  area: string;
  /** Metered (own model), the sum of its children, or its customers' profiles (too little history). */
  source: 'model' | 'sum' | 'profile';
  point: Float64Array;
  quantiles: Float64Array[];
  stations: string[];
  /**
   * Where the hour's highest 15/30-minute point is known (the history's hourly maxima, of the
   * area or of every part of it): per forecast hour, that peak over the hourly mean (≥ 1).
   * Warnings measure gaps against point and quantiles scaled by it; energy stays on the means.
   */
  peakFactor?: Float64Array;
}

export interface ScenarioForecast {
  startMs: number;
  hours: number;
  levels: number[];
  areas: AreaForecast[];
  /** The root area's forecast (the system). */
  system: AreaForecast;
  /** What the forecast could only do in a degraded form (history too short, weather filled), to be shown with every result. */
  notes?: DataNote[];
}

export interface ScenarioForecastInputs {
  axis: ScenarioAxis;
  /** Areas with the history for a model. */
  series: AreaSeriesInput[];
  /** Areas forecast without one. */
  fixed: FixedAreaForecast[];
  notes: DataNote[];
  /** Areas whose history has hourly maxima: the peak over the mean at each local hour (peak-ratio.ts). */
  peaks: PeakRatios;
}

/**
 * Inputs of every metered area: load history and the temperatures on one hourly axis, each area's
 * history judged for what it can carry (forecast/sufficiency.ts): a model, a model on too little
 * (noted), or its customers' profiles (noted); weather gaps short enough to fill, filled (noted).
 */
export function scenarioForecastInputs(s: Scenario): ScenarioForecastInputs {
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
  const notes = fillWeatherGaps(axis);
  const cal = axisCalendar(axis);
  const areaById = new Map(s.areas.map((a) => [a.id, a]));
  const pathOf = new Map<string, string>();
  s.history.load.forEach((h, i) => { if (h.of === 'area' && !pathOf.has(h.id)) pathOf.set(h.id, `history.load[${i}]`); });
  const series: AreaSeriesInput[] = [];
  const fixed: FixedAreaForecast[] = [];
  for (const [area, load] of byArea) {
    const station = stationOf(area);
    const stations = station !== undefined ? [station] : undefined;
    const coverage = historyCoverage(axis, load, stations);
    const a = areaById.get(area)!;
    if (coverage.mode === 'profile') {
      const f = profileForecast(s, axis, area, cal, stations);
      if (!f) throw nothingToForecast(a, pathOf.get(area) ?? 'history.load', coverage);
      fixed.push({ area, ...f, stations: stations ?? axis.stations.map((_, k) => k) });
      notes.push(historyNote(axis, a, coverage)!);
      continue;
    }
    const heldOutHours = coverage.mode === 'short' ? shortHeldOutHours(coverage.usableHours) : undefined;
    const note = historyNote(axis, a, coverage, heldOutHours === undefined ? undefined : heldOutHours / 24);
    if (note) notes.push(note);
    series.push({
      area, load, ...(stations ? { stations } : {}),
      ...(coverage.first > axis.train.from ? { train: { from: coverage.first, to: axis.train.to } } : {}),
      ...(heldOutHours !== undefined ? { heldOutHours } : {}),
    });
  }
  const peaks = peakRatios(s, startMs + axis.train.to * HOUR_MS, (ms) => cal.hour[Math.round((ms - startMs) / HOUR_MS)]);
  for (const [area, ratios] of Object.entries(peaks)) {
    const a = areaById.get(area);
    if (a) notes.push(peakNote(area, a.name, ratios));
  }
  // Maxima that stop before the last year (or are all unknown there) measure nothing: said, not
  // silently dropped — the warnings of that area stand on hourly means, which understate its peak.
  for (const h of s.history.load) {
    const a = h.of === 'area' && h.maxValues && !peaks[h.id] ? areaById.get(h.id) : undefined;
    if (a && !notes.some((n) => n.code === 'peak-within-hour' && n.subject === a.id)) notes.push(stalePeakNote(a.id, a.name));
  }
  return { axis, series, fixed, notes, peaks };
}

export function axisCalendar(axis: ScenarioAxis): CalendarFeatures {
  return calendarFeatures(axis.startMs, axis.n, resolveZone(axis.timeZone)!, dayKindIndex(axis.holidays));
}

/** One metered area's forecast over the study window (with its held-out predictions). */
export function forecastArea(axis: ScenarioAxis, input: AreaSeriesInput, model: ModelName = 'best', cal?: CalendarFeatures, shared?: SharedDesigns, donor?: Donor): SeriesForecast {
  const calendar = cal ?? axisCalendar(axis);
  const own = forecastOwnArea(axis, input, model, calendar, shared);
  if (!donor || model !== 'best' || !input.heldOutHours || !own.heldOut || donor.area === input.area) return own;
  // Under a year of history: its own model, or its load through the donor's (pooled.ts), whichever
  // did better on the days held out of both.
  const train = input.train ?? axis.train;
  const pooled = pooledForecast(calendar, input.load, donor, train, input.heldOutHours, axis.study);
  const ownMape = heldOutMape(input.load, own.heldOut);
  if (!(pooled.heldOutMape < ownMape)) return own;
  const days = Math.round(input.heldOutHours / 24);
  return {
    ...own, point: pooled.point, quantiles: pooled.quantiles, heldOut: pooled.heldOut, heldOutWeight: pooled.heldOutWeight,
    pooled: { donor: donor.area, heldOutMape: { own: ownMape, pooled: pooled.heldOutMape } },
    calibration: `its load through ${donor.area}'s, per hour and kind of day; the band: its residuals on the last ${days} days held out, with ${donor.area}'s forecast spread added`,
  };
}

function forecastOwnArea(axis: ScenarioAxis, input: AreaSeriesInput, model: ModelName, calendar: CalendarFeatures, shared?: SharedDesigns): SeriesForecast {
  const train = input.train ?? axis.train;
  // Load measured up to the issue (its last day runs into the study's eve): the forecast is
  // issued as dispatch issues tomorrow's, corrected by that measured load (rolling.ts).
  let last = axis.study.from - 1;
  while (last >= train.from && !Number.isFinite(input.load[last])) last--;
  const issuedAt = last + 1;
  const rolling = model === 'best' && !input.heldOutHours && axis.study.from - issuedAt <= 24 && issuedAt - 24 >= train.from;
  const f = forecastSeries(
    { startMs: axis.startMs, n: axis.n, load: input.load, stations: axis.stations, zone: resolveZone(axis.timeZone)!, holidays: axis.holidays },
    {
      model, train, target: axis.study, calendar,
      ...(input.stations ? { stations: input.stations } : {}), ...(input.heldOutHours ? { heldOutHours: input.heldOutHours } : {}),
      ...(input.recency ? { recency: input.recency } : {}),
      ...(shared ? { shared } : {}),
      // The fit's own view of the measured weeks before the issue, for the correction's signals
      // (the last day's, and the weighted errors of the last weeks).
      ...(rolling ? { context: axis.study.from - (issuedAt - 28 * 24) } : {}),
    },
  );
  if (!rolling || !f.heldOut || !f.errors || !f.context) return f;
  const onAxis = new Float64Array(axis.n).fill(Number.NaN);
  onAxis.set(f.context, axis.study.from - f.context.length);
  onAxis.set(f.point, axis.study.from);
  // The band keeps the model's width (below): the correction's narrowing is not measured.
  const correction = fitCorrection(input.load, f.heldOut, calendar, { issueHour: calendar.hour[issuedAt], horizonDays: ROLLING_HORIZON_DAYS }, { widths: false });
  if (!correction) return f;
  const issued = issueForecast(input.load, onAxis, calendar, issuedAt, axis.study.to, correction, f.errors, ROLLING_HORIZON_DAYS);
  const plain = f.point;
  const point = plain.slice();
  for (const d of issued.days) d.point.forEach((v, j) => { const i = d.window.from + j - axis.study.from; if (i >= 0 && i < point.length) point[i] = v; });
  // The band moves with the point (its width is the model's: not narrowed by the measured load).
  const quantiles = f.quantiles.map((q) => Float64Array.from(q, (v, i) => (plain[i] > 0 ? v * (point[i] / plain[i]) : v)));
  return {
    ...f, point, quantiles,
    measuredLoad: { issuedAt, correction: correction.coefficients.slice(0, 2), calibration: f.calibration ?? '' },
  };
}

/**
 * The metered area whose recency terms the scenario shares: the largest by load over its training
 * (a held-out year of one area is a noisy judge of 18 candidates; how far back the weather still
 * shows in load is the region's climate and building stock more than one substation's), among
 * those with the history to choose on. −1 when none has.
 */
export function leadArea(series: AreaSeriesInput[], axis: ScenarioAxis): number {
  let best = -1, most = -Infinity;
  series.forEach((input, k) => {
    if (input.heldOutHours) return;
    const train = input.train ?? axis.train;
    let sum = 0, count = 0;
    for (let i = train.from; i < train.to; i++) if (Number.isFinite(input.load[i])) { sum += input.load[i]; count++; }
    if (count >= 2 * 8760 && sum / count > most) { most = sum / count; best = k; }
  });
  return best;
}

function pooledNote(area: string, p: NonNullable<SeriesForecast['pooled']>): DataNote {
  const own = p.heldOutMape.own.toFixed(1), pooled = p.heldOutMape.pooled.toFixed(1);
  return {
    code: 'short-history', subject: area,
    en: `${area}: forecast through the load of ${p.donor} (years of history), per hour and kind of day — on the days held out its own model erred ${own} %, through ${p.donor} ${pooled} %`,
    zh: `${area}：按 ${p.donor}（多年历史）的负荷分时段、分日类型折算预测——留出日上自身模型误差 ${own}%，折算后 ${pooled}%`,
  };
}

/** What the lead area lends to the short ones: its load, and its forecast over the study. */
export function donorOf(input: Pick<AreaSeriesInput, 'area' | 'load'>, f: Pick<SeriesForecast, 'point' | 'quantiles'>): Donor {
  return { area: input.area, load: input.load, point: f.point, quantiles: f.quantiles };
}

/** The areas' indices ordered by the stations they are forecast on (as given; unchosen last), stably. */
export function byStation(series: ReadonlyArray<Pick<AreaSeriesInput, 'stations'>>): number[] {
  const key = (k: number) => (series[k].stations ? series[k].stations!.join('+') : '\uffff');
  return series.map((_, k) => k).sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a - b));
}

/** Days after the issue day the measured-load correction reaches (beyond, the model as it is). */
export const ROLLING_HORIZON_DAYS = 7;

/**
 * Every area's forecast, bottom-up from the metered ones. Modelled parts carry their held-out
 * predictions up, so a sum's band comes from the sum's own errors; parts forecast from profiles
 * have no errors to sum, so their quantiles are added to the modelled sum's (as if the two erred
 * together: wider, never narrower, than the truth).
 */
export function aggregateScenarioForecast(
  s: { areas: ReadonlyArray<{ id: string; parent: string | null }> },
  axis: ScenarioAxis,
  series: AreaSeriesInput[],
  forecasts: Array<Pick<SeriesForecast, 'point' | 'quantiles' | 'stations' | 'heldOut' | 'heldOutWeight' | 'heldOutYear' | 'pooled'>>,
  cal: CalendarFeatures = axisCalendar(axis),
  fixed: FixedAreaForecast[] = [],
  notes: DataNote[] = [],
  peaks: PeakRatios = {},
): ScenarioForecast {
  notes = [...notes, ...forecasts.flatMap((f, k) => (f.pooled ? [pooledNote(series[k].area, f.pooled)] : []))];
  const hours = axis.study.to - axis.study.from;
  const ownFactor = (area: string) => (peaks[area] ? Float64Array.from(cal.hour.subarray(axis.study.from, axis.study.to), (h) => peaks[area][h]) : undefined);
  const studyHours = cal.hour.subarray(axis.study.from, axis.study.to);
  const children = new Map<string, string[]>();
  for (const a of s.areas) if (a.parent !== null) children.set(a.parent, [...(children.get(a.parent) ?? []), a.id]);
  const own = new Map(series.map((input, k) => [input.area, { input, forecast: forecasts[k] }]));
  const ownFixed = new Map(fixed.map((f) => [f.area, f]));
  const result = new Map<string, AreaForecast>();
  /** What an area hands up: its modelled part (point, load, held-out sums) and its profile part's quantiles. */
  type Part = { modelled: { point: Float64Array; load: Float64Array; heldOut: Float64Array; weight: Uint8Array; year?: Uint8Array } | null; fixedPoint: Float64Array | null; fixedQuantiles: Float64Array[] | null };
  const handedUp = new Map<string, Part>();
  const visit = (area: string): Part | null => {
    const part = visitArea(area);
    if (part) handedUp.set(area, part);
    return part;
  };
  const visitArea = (area: string): Part | null => {
    const mine = own.get(area);
    if (mine) {
      const f = mine.forecast;
      const peakFactor = ownFactor(area);
      result.set(area, { area, source: 'model', point: f.point, quantiles: f.quantiles, stations: f.stations.map((k) => axis.stationIds[k]), ...(peakFactor ? { peakFactor } : {}) });
      return { modelled: { point: f.point, load: mine.input.load, heldOut: f.heldOut!, weight: f.heldOutWeight!, ...(f.heldOutYear ? { year: f.heldOutYear } : {}) }, fixedPoint: null, fixedQuantiles: null };
    }
    const profile = ownFixed.get(area);
    if (profile) {
      const peakFactor = ownFactor(area);
      result.set(area, { area, source: 'profile', point: profile.point, quantiles: profile.quantiles, stations: profile.stations.map((k) => axis.stationIds[k]), ...(peakFactor ? { peakFactor } : {}) });
      return { modelled: null, fixedPoint: profile.point, fixedQuantiles: profile.quantiles };
    }
    const kids = (children.get(area) ?? []).filter((c) => visit(c) !== null);
    const parts = kids.map((c) => handedUp.get(c)!);
    if (!parts.length) return null;
    const modelledParts = parts.flatMap((p) => (p.modelled ? [p.modelled] : []));
    const fixedParts = parts.filter((p) => p.fixedPoint);
    let modelled: Part['modelled'] = null;
    let quantiles: Float64Array[] = QUANTILE_LEVELS.map(() => new Float64Array(hours));
    const point = new Float64Array(hours);
    if (modelledParts.length) {
      const mPoint = new Float64Array(hours), load = new Float64Array(axis.n), heldOut = new Float64Array(axis.n);
      for (const p of modelledParts) {
        for (let i = 0; i < hours; i++) mPoint[i] += p.point[i];
        for (let i = 0; i < axis.n; i++) {
          load[i] += p.load[i];
          heldOut[i] += p.heldOut[i];
        }
      }
      const year = modelledParts[0].year;
      const errors = errorModel(load, heldOut, cal.hour, QUANTILE_LEVELS, 1, modelledParts[0].weight, 1, year);
      quantiles = applyErrorModel(errors, mPoint, studyHours);
      point.set(mPoint);
      modelled = { point: mPoint, load, heldOut, weight: modelledParts[0].weight, ...(year ? { year } : {}) };
    }
    let fixedPoint: Float64Array | null = null, fixedQuantiles: Float64Array[] | null = null;
    if (fixedParts.length) {
      fixedPoint = new Float64Array(hours);
      fixedQuantiles = QUANTILE_LEVELS.map(() => new Float64Array(hours));
      for (const p of fixedParts) {
        for (let i = 0; i < hours; i++) fixedPoint[i] += p.fixedPoint![i];
        p.fixedQuantiles!.forEach((q, k) => { for (let i = 0; i < hours; i++) fixedQuantiles![k][i] += q[i]; });
      }
      for (let i = 0; i < hours; i++) point[i] += fixedPoint[i];
      quantiles.forEach((q, k) => { for (let i = 0; i < hours; i++) q[i] += fixedQuantiles![k][i]; });
    }
    const peakFactor = ownFactor(area) ?? combinedFactor(kids.map((c) => ({ point: result.get(c)!.point, factor: result.get(c)!.peakFactor })));
    result.set(area, { area, source: 'sum', point, quantiles, stations: [], ...(peakFactor ? { peakFactor } : {}) });
    return { modelled, fixedPoint, fixedQuantiles };
  };
  const root = s.areas.find((a) => a.parent === null)!;
  visit(root.id);
  const areas = s.areas.map((a) => result.get(a.id)).filter((a): a is AreaForecast => !!a);
  const system = result.get(root.id);
  if (!system) throw noHistory();
  const forecast: ScenarioForecast = { startMs: axis.startMs + axis.study.from * HOUR_MS, hours, levels: QUANTILE_LEVELS, areas, system, notes };
  return checkedForecast(forecast, axis);
}

/** A forecast handed on only if every number in it is finite (the hour and area named if not). */
function checkedForecast(f: ScenarioForecast, axis: ScenarioAxis): ScenarioForecast {
  const zone = resolveZone(axis.timeZone)!;
  const at = (h: number) => formatInZone(f.startMs + h * HOUR_MS, zone);
  for (const a of f.areas) {
    assertFiniteArray('forecast', `area ${a.area} point`, a.point, at);
    a.quantiles.forEach((q, k) => assertFiniteArray('forecast', `area ${a.area} P${Math.round(f.levels[k] * 100)}`, q, at));
    if (a.peakFactor) assertFiniteArray('forecast', `area ${a.area} peak factor`, a.peakFactor, at);
  }
  return f;
}

/**
 * A first, quick forecast of the system alone: its load (the sum of the metered areas with the
 * history for a model, bottom-up) fitted as one series, plus what the others' profiles give. The
 * page draws the system's outlook from it while the forecast of every area (the one plans and
 * local warnings need) is still being made.
 */
export function forecastSystemOnly(s: Scenario, model: ModelName = 'best'): ScenarioForecast {
  const { axis, series, fixed, notes, peaks } = scenarioForecastInputs(s);
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
  const hours = axis.study.to - axis.study.from;
  let point: Float64Array = new Float64Array(hours);
  let quantiles: Float64Array[] = QUANTILE_LEVELS.map(() => new Float64Array(hours));
  let stations: string[] = [];
  if (load) {
    // The system's own station if it names one, else (as each area does) the choice among all.
    const named = root.weatherStation !== undefined ? axis.stationIds.indexOf(root.weatherStation) : -1;
    const station = named >= 0 ? [named] : series.find((x) => x.area === root.id)?.stations;
    const coverage = historyCoverage(axis, load, station);
    const first = coverage.first > axis.train.from ? { train: { from: coverage.first, to: axis.train.to } } : {};
    const heldOut = coverage.mode === 'short' ? { heldOutHours: shortHeldOutHours(coverage.usableHours) } : {};
    const input: AreaSeriesInput = { area: root.id, load, ...(station ? { stations: station } : {}), ...first, ...heldOut };
    const f = forecastArea(axis, input, model);
    point = f.point;
    quantiles = f.quantiles;
    stations = f.stations.map((k) => axis.stationIds[k]);
  } else if (!fixed.length) throw noHistory();
  for (const f of fixed) {
    for (let i = 0; i < hours; i++) point[i] += f.point[i];
    f.quantiles.forEach((q, k) => { for (let i = 0; i < hours; i++) quantiles[k][i] += q[i]; });
  }
  // The quick outlook has no parts' forecasts to weight their peaks by: the root's own ratio, or
  // else the highest of its metered parts' at each hour where every one of them has one (at or
  // above the full forecast's weighted ratio: early, not late).
  const studyHours = axisCalendar(axis).hour.subarray(axis.study.from, axis.study.to);
  const metered = [...series.map((x) => x.area), ...fixed.map((f) => f.area)];
  const ratioAt = (h: number): number | undefined => {
    if (peaks[root.id]) return peaks[root.id][h];
    if (!metered.length || metered.some((a) => !peaks[a])) return undefined;
    return Math.max(...metered.map((a) => peaks[a][h]));
  };
  const peakFactor = ratioAt(0) !== undefined ? Float64Array.from(studyHours, (h) => ratioAt(h)!) : undefined;
  const system: AreaForecast = { area: root.id, source: load ? 'model' : 'profile', point, quantiles, stations, ...(peakFactor ? { peakFactor } : {}) };
  return checkedForecast({ startMs: axis.startMs + axis.study.from * HOUR_MS, hours, levels: QUANTILE_LEVELS, areas: [system], system, notes }, axis);
}

/** The whole scenario forecast in one thread (the worker pool splits the middle step). */
export function forecastScenario(s: Scenario, model: ModelName = 'best', onProgress: (f: number) => void = () => {}): ScenarioForecast {
  const { axis, series, fixed, notes, peaks } = scenarioForecastInputs(s);
  const cal = axisCalendar(axis);
  const lead = leadArea(series, axis);
  const forecasts: SeriesForecast[] = new Array(series.length);
  let done = 0;
  // Areas on one station share their design's X'X (shared-gram.ts): visited station by station.
  const shared: SharedDesigns = new GramCache();
  let donor: Donor | undefined;
  const run = (k: number, recency?: RecencySpec) => {
    forecasts[k] = forecastArea(axis, recency ? { ...series[k], recency } : series[k], model, cal, shared, donor);
    onProgress(++done / (series.length + 1));
  };
  if (lead >= 0) run(lead);
  const chosen = lead >= 0 ? forecasts[lead].recency : undefined;
  // The lead area lends its load to areas of under a year (pooled.ts).
  if (lead >= 0) donor = donorOf(series[lead], forecasts[lead]);
  for (const k of byStation(series)) if (k !== lead) run(k, chosen);
  const result = aggregateScenarioForecast(s, axis, series, forecasts, cal, fixed, notes, peaks);
  onProgress(1);
  return result;
}

function noHistory(): DataError {
  return new DataError([{ path: 'history.load', message: 'expected the load history of at least one area to forecast from, found none (histories of feeders and customers alone do not make a forecast)' }]);
}
