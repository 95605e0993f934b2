/**
 * Fit a load model on a training window and forecast a target window, with quantiles from the
 * model's own held-out errors. Everything is on one hourly axis: index i is hour startMs + i h.
 * Ex post or ex ante is only a matter of which temperature the caller puts in the target window.
 *
 * The normal equations are accumulated once per hour of day and per training segment, so the
 * final fit and the held-out fits behind the quantiles share one pass over the data.
 */
import { dayKindIndex, type HolidayCalendar } from '../calendar/day-kind.ts';
import type { Zone } from '../time/zone.ts';
import { calendarFeatures, type CalendarFeatures } from './calendar-features.ts';
import { compactDesign, DEFAULT_RECENCY, hingeKnots, LARGEST_RECENCY, recencyDesign, recencyDrop, type RecencySpec } from './models/recency.ts';
import { powers, vanillaDesign } from './models/vanilla.ts';
import { applyErrorModel, errorModel, LEVEL_SD_WITH_TREND, QUANTILE_LEVELS, type ErrorModel } from './quantiles.ts';
import { accumulateBlocks, solveBlocks, sumBlocks } from './regression/blocks.ts';
import { fingerprint, gramOf, type GramCache } from './regression/shared-gram.ts';
import { predictRows, prefixSolves } from './regression/least-squares.ts';
import { materialize, type Design } from './regression/terms.ts';
import { forecastShortHistory, type ShortChoice } from './short-history.ts';
import { chooseStations, type StationChoice } from './station-selection.ts';
import { averageStations, centreAndScale } from './temperature.ts';

export type ModelName = 'vanilla' | 'best';

export interface SeriesInput {
  startMs: number;
  /** Hours on the axis. */
  n: number;
  /** Load, MW; NaN where unknown (gaps, the future). */
  load: Float64Array;
  /** Temperature of each candidate station on the same axis, °C (or any one unit for all). */
  stations: Float64Array[];
  zone: Zone;
  holidays: HolidayCalendar | null;
}

export interface Window {
  /** First index (inclusive) and end index (exclusive) on the axis. */
  from: number;
  to: number;
}

export interface ForecastOptions {
  model: ModelName;
  train: Window;
  target: Window;
  /** Hours to leave out of training (e.g. gaps in the history). */
  exclude?: (i: number) => boolean;
  /** Stations already chosen for this series (skips the choice). */
  stations?: number[];
  recency?: RecencySpec;
  /** Quantiles from held-out errors. Default true. */
  quantiles?: boolean;
  /** Shared calendar features, when forecasting many series on one axis. */
  calendar?: CalendarFeatures;
  /** A held-out error model already measured for this series (skips measuring it). */
  errors?: ErrorModel;
  /**
   * Under two years of training, hold out this many hours at its end to measure the errors on
   * (instead of the widened in-sample residuals): for histories too short for the model to be
   * trusted on its own fit (forecast/sufficiency.ts).
   */
  heldOutHours?: number;
  /**
   * X'X of designs already accumulated by other series on the same calendar (a scenario's areas
   * on one station): a series with the same temperature and training rows reuses it and
   * accumulates only X'y (shared-gram.ts). The same figures either way.
   */
  shared?: SharedDesigns;
  /**
   * Hours just before the target predicted by the same fit too (in-sample), returned as
   * `context`: what a forecast issued with measured load compares the measured hours with. They
   * are not part of the target (a target inside the history would be fitted as a backcast).
   */
  context?: number;
}

export interface SeriesForecast {
  model: ModelName;
  target: Window;
  /** Point forecast over the target window, MW. */
  point: Float64Array;
  levels: number[];
  /** One series per level over the target window, MW. */
  quantiles: Float64Array[];
  stations: number[];
  /** A short history forecast through a longer one's load (pooled.ts), chosen on the held-out days. */
  pooled?: { donor: string; heldOutMape: { own: number; pooled: number } };
  /** The fit's own predictions of the `context` hours before the target (when asked for). */
  context?: Float64Array;
  /** Issued with the load measured before `issuedAt` (an index on the axis): the correction's first weights. */
  measuredLoad?: { issuedAt: number; correction: number[][]; calibration: string };
  /** How the quantiles were calibrated, in words (for the output: an interval says what it rests on). */
  calibration?: string;
  /** Under two years of history: the model chosen by cross-validation, and each candidate's score. */
  shortChoice?: ShortChoice;
  /** The recency terms the model used (chosen on the last held-out year unless given). */
  recency?: RecencySpec;
  stationChoice?: StationChoice;
  errors?: ErrorModel;
  /** Held-out predictions on the axis (NaN elsewhere), so aggregates can measure their own errors. */
  heldOut?: Float64Array;
  /** How many times each held-out hour counts in the error model. */
  heldOutWeight?: Uint8Array;
  /**
   * Which held-out year each hour is of (1, 2; 0 elsewhere), where the errors are of years
   * forecast a year ahead: an aggregate's error model centres each on its own bias as the series' does.
   */
  heldOutYear?: Uint8Array;
}

const YEAR_HOURS = 8766;
/** A year of whole days, for how long a history is: two years of 365 days are two years. */
const YEAR_OF_DAYS = 8760;
/** Scale (years) of the weights when the target lies inside the history (backcasting, filling). */
const INSIDE_HISTORY_TAU_YEARS = 1.5;

export function calendarFor(input: SeriesInput): CalendarFeatures {
  return calendarFeatures(input.startMs, input.n, input.zone, input.holidays ? dayKindIndex(input.holidays) : null);
}

/**
 * Held-out origins: each of the last two years forecast from everything before it (one origin,
 * the last year, when training is two to three years). Errors a year out vary from year to year
 * in their spread with the weather; two origins cover that. Orderly's are each counted once and
 * centred on its own bias (quantiles.ts: the earlier one is fitted on a single year, without the
 * trend the final fit has, and its bias is mostly that trend); vanilla's are pooled with their
 * biases, the latest counted twice, as they always were. Under two years no origin is given: Orderly's model is then chosen and its
 * errors measured by cross-validation over whole months (short-history.ts); vanilla, the
 * yardstick, keeps its in-sample residuals, widened.
 */
export function errorOrigins(train: Window, heldOutHours?: number): Array<{ fitTo: number; check: Window }> {
  const length = train.to - train.from;
  if (heldOutHours && length < 2 * YEAR_OF_DAYS && heldOutHours < length) {
    return [{ fitTo: train.to - heldOutHours, check: { from: train.to - heldOutHours, to: train.to } }];
  }
  if (length >= 3 * YEAR_OF_DAYS) {
    return [
      { fitTo: train.to - 2 * YEAR_HOURS, check: { from: train.to - 2 * YEAR_HOURS, to: train.to - YEAR_HOURS } },
      { fitTo: train.to - YEAR_HOURS, check: { from: train.to - YEAR_HOURS, to: train.to } },
    ];
  }
  if (length >= 2 * YEAR_OF_DAYS) return [{ fitTo: train.to - YEAR_HOURS, check: { from: train.to - YEAR_HOURS, to: train.to } }];
  return [];
}

/** How much wider out-of-sample errors are than residuals, for a model of p columns on n rows. */
function residualWidening(n: number, p: number): number {
  return n > 2 * p ? Math.sqrt(n / (n - p)) * 1.25 : 1.5;
}

/** Training rows in segments: segment s holds rows before boundary s and from boundary s+1 on. */
function segments(train: Window, boundaries: number[], n: number, use: (i: number) => boolean): Int8Array {
  const cuts = [...boundaries].sort((a, b) => a - b); // ascending
  const seg = new Int8Array(n).fill(-1);
  for (let i = train.from; i < train.to; i++) {
    if (!use(i)) continue;
    let s = 0;
    while (s < cuts.length && i >= cuts[s]) s++;
    seg[i] = s; // 0 = before the first cut … cuts.length = after the last
  }
  return seg;
}

interface Fitted {
  /** Predictions of a fit on the first `segmentsUsed` segments, with a smaller recency if given (rows in `only`; NaN elsewhere). */
  predict(segmentsUsed: number, fitEndYears: number, recency?: RecencySpec, only?: Window): Float64Array;
  /**
   * Predictions (rows in `only`) of each recency candidate of a family that varies one count —
   * the past days with the lags fixed, or the lags with the days fixed — from one Cholesky
   * factorisation per hour: ordered so that each candidate's columns are a leading block, its
   * solve is the factor's leading part (prefixSolves).
   */
  predictFamily?(segmentsUsed: number, fitEndYears: number, vary: 'lags' | 'pastDays', fixed: number, only: Window): Float64Array[];
  /** Predictions of a fit on every segment but one (a fold held out), rows in `only`. */
  predictExcept(segment: number, fitEndYears: number, recency: RecencySpec | undefined, only: Window): Float64Array;
  /** Columns of the (per-hour) model. */
  width: number;
}

/** What series on one calendar share: a recency or compact design, written out, with its X'X. */
export type SharedDesigns = GramCache<{ cal: CalendarFeatures; d: Design; built?: ReturnType<typeof recencyDesign> }>;

const calendarKeys = new WeakMap<CalendarFeatures, string>();
/** A calendar's identity for a cache key: its day kinds and lunar days, hour by hour. */
function calendarKey(cal: CalendarFeatures): string {
  let key = calendarKeys.get(cal);
  if (!key) {
    key = `${cal.startMs}|${cal.n}|${fingerprint(cal.hour, cal.effectiveWeekday, cal.holiday, cal.month, cal.springFestival, cal.lantern, cal.trend)}`;
    calendarKeys.set(cal, key);
  }
  return key;
}

/** Accumulates a model once; predicts from any leading run of training segments. */
function fitModel(
  model: ModelName,
  cal: CalendarFeatures,
  load: Float64Array,
  temperature: Float64Array,
  seg: Int8Array,
  segmentCount: number,
  trainEndYears: number,
  spec: RecencySpec,
  weights?: Float64Array,
  /** The compact model, for a history under a year. */
  compact = false,
  /** Where the training starts, in years on the axis. */
  trainStartYears = 0,
  shared?: SharedDesigns,
): Fitted {
  const standard = centreAndScale(temperature);
  const y = weights ? Float64Array.from(load, (v, i) => v * Math.sqrt(weights[i])) : load;
  if (model === 'vanilla') {
    const d = vanillaDesign(cal, powers(temperature, standard.centre, standard.scale));
    const sums = accumulateBlocks(d, load, cal.n, new Uint8Array(cal.n), 1, seg, segmentCount);
    return {
      width: d.width,
      predict: (used) => predictRows(d, solveBlocks(sums, (b) => b < used), cal.n),
      predictExcept: (segment, _years, _recency, only) => predictRows(d, solveBlocks(sums, (b) => b !== segment), cal.n, null, only.from, only.to),
    };
  }
  let min = Infinity, max = -Infinity;
  for (let i = 0; i < cal.n; i++) {
    if (seg[i] < 0 || !Number.isFinite(temperature[i])) continue;
    if (temperature[i] < min) min = temperature[i];
    if (temperature[i] > max) max = temperature[i];
  }
  const range = min < max ? { min, max } : undefined;
  // Weighted fits (a target inside the history) weight rows by their distance to it: not shared.
  const key = shared && !weights
    ? `${calendarKey(cal)}|${fingerprint(temperature, seg)}|${segmentCount}|${trainEndYears}|${trainStartYears}|${compact}|${spec.lags},${spec.pastDays}`
    : undefined;
  const found = key ? shared!.get(key) : undefined;
  const kept = found && found.design.cal === cal && found.design.built ? found : undefined;
  const built = kept?.design.built ?? (compact
    ? compactDesign(cal, temperature, standard, range)
    : recencyDesign(cal, temperature, standard, hingeKnots(trainEndYears), spec, range));
  const { hingeColumns } = built;
  // Read many times (the fit, then the held-out years and the recency candidates): written out once.
  const d = kept?.design.d ?? materialize(built.design, cal.n);
  // Weighted least squares by scaling rows: √w·x and √w·y.
  const weighted: Design = weights
    ? { ...d, terms: d.terms.map((t) => ({ ...t, emit: (i, c, v, at) => { const k = t.emit(i, c, v, at); const s = Math.sqrt(weights[i]); for (let j = at; j < at + k; j++) v[j] *= s; return k; } })) }
    : d;
  // The rows fitted are those of seg ≥ 0, where the load is known (usable): the same rows as the
  // series the X'X was accumulated for, since seg is part of the key.
  const sums = accumulateBlocks(weighted, y, cal.n, cal.hour, 24, seg, segmentCount, kept);
  if (key && !kept) shared!.set(key, gramOf({ cal, built, d }, sums));
  const dropFor = (fitEndYears: number): Set<number> => {
    const drop = new Set(hingeColumns.filter((h) => h.knot > fitEndYears - 1 + 1e-9).map((h) => h.column));
    if (!compact && (fitEndYears - trainStartYears) * YEAR_HOURS < 2 * YEAR_OF_DAYS - 1) drop.add(built.design.offsets[1]);
    return drop;
  };
  return {
    width: d.width,
    predictFamily(used, fitEndYears, vary, fixed, only) {
      const r = built.recencyColumns!;
      const inRecency = new Set([...r.lags.flat(), ...r.pastDays.flat()]);
      const drop = dropFor(fitEndYears);
      const base: number[] = [];
      for (let c = 0; c < d.width; c++) if (!inRecency.has(c) && !drop.has(c)) base.push(c);
      const fixedCols = (vary === 'lags' ? r.pastDays : r.lags).slice(0, fixed).flat();
      const varying = vary === 'lags' ? r.lags : r.pastDays;
      const order = [...base, ...fixedCols, ...varying.flat()];
      const prefixes = Array.from({ length: varying.length + 1 }, (_, k) => base.length + fixedCols.length + varying.slice(0, k).flat().length);
      const byCandidate: Float64Array[][] = prefixes.map(() => []);
      for (let g = 0; g < 24; g++) {
        const { m, v } = sumBlocks(sums, g, (b) => b < used);
        prefixSolves(m, v, sums.p, order, prefixes).forEach((x, k) => byCandidate[k].push(x));
      }
      return byCandidate.map((coefficients) => predictRows(d, coefficients, cal.n, cal.hour, only.from, only.to));
    },
    predictExcept(segment, fitEndYears, recency, only) {
      const drop = dropFor(fitEndYears);
      if (recency) for (const c of recencyDrop(built, recency)) drop.add(c);
      return predictRows(d, solveBlocks(sums, (b) => b !== segment, drop), cal.n, cal.hour, only.from, only.to);
    },
    predict(used, fitEndYears, recency, only) {
      // A fit on under two years (a held-out origin's) carries no trend: one year cannot tell growth
      // from season, and the slope it finds runs away over the year it forecasts (short-history.ts).
      const drop = dropFor(fitEndYears);
      if (recency) for (const c of recencyDrop(built, recency)) drop.add(c);
      return predictRows(d, solveBlocks(sums, (b) => b < used, drop), cal.n, cal.hour, only?.from ?? 0, only?.to ?? cal.n);
    },
  };
}

/** Folds of whole weeks, interleaved, for the errors of a target inside the history. */
const INSIDE_FOLDS = 4;

/**
 * The errors of a forecast inside the history (a backcast, a gap filled): the training's own
 * weeks in INSIDE_FOLDS interleaved folds (week w in fold w mod INSIDE_FOLDS), each fold forecast
 * by the same weighted model fitted on the others — a week with its neighbours known on both
 * sides, as the target is. The target's own hours and excluded hours are never among them.
 */
function insideErrors(
  model: ModelName, cal: CalendarFeatures, load: Float64Array, temperature: Float64Array, train: Window, usable: (i: number) => boolean,
  target: Window, years: (index: number) => number, spec: RecencySpec, weights: Float64Array, recency: RecencySpec | undefined, trainStartYears: number,
): { heldOut: Float64Array; heldOutWeight: Uint8Array; errors: ErrorModel } {
  const fold = new Int8Array(cal.n).fill(-1);
  for (let i = train.from; i < train.to; i++) {
    if (!usable(i) || (i >= target.from && i < target.to)) continue;
    fold[i] = Math.floor((i - train.from) / 168) % INSIDE_FOLDS;
  }
  const fitted = fitModel(model, cal, load, temperature, fold, INSIDE_FOLDS, years(train.to), spec, weights, false, trainStartYears);
  const heldOut = new Float64Array(cal.n).fill(Number.NaN);
  const heldOutWeight = new Uint8Array(cal.n);
  for (let f = 0; f < INSIDE_FOLDS; f++) {
    const predicted = fitted.predictExcept(f, years(train.to), recency, train);
    for (let i = train.from; i < train.to; i++) {
      if (fold[i] !== f) continue;
      heldOut[i] = predicted[i];
      heldOutWeight[i] = 1;
    }
  }
  return { heldOut, heldOutWeight, errors: errorModel(load, heldOut, cal.hour, QUANTILE_LEVELS, 1, heldOutWeight) };
}

/**
 * The recency terms whose fit up to an origin forecasts its held-out year best (MAPE): the choice
 * is made inside the training data, never on what is forecast.
 */
function chooseRecency(
  fitted: Fitted,
  origin: { fitTo: number; check: Window },
  sortedCuts: number[],
  years: (index: number) => number,
  load: Float64Array,
  usable: (i: number) => boolean,
): RecencySpec {
  const used = sortedCuts.indexOf(origin.fitTo) + 1;
  const errorOf = (p: Float64Array): number => {
    let sum = 0, count = 0;
    for (let i = origin.check.from; i < origin.check.to; i++) {
      if (!usable(i) || !(load[i] > 0) || !Number.isFinite(p[i])) continue;
      sum += Math.abs(p[i] - load[i]) / load[i];
      count++;
    }
    return count ? sum / count : Infinity;
  };
  // Coordinate search (the past days with two hourly lags, then the lags with those days): 18
  // candidates where the whole grid is 65, and on GEFCom2012's zones the same choice within
  // 0.01 % MAPE; each pass one factorisation per hour (predictFamily).
  const fitEnd = years(origin.fitTo);
  const first = fitted.predictFamily!(used, fitEnd, 'pastDays', DEFAULT_RECENCY.lags, origin.check).map(errorOf);
  let days = DEFAULT_RECENCY.pastDays;
  for (let d = 1; d <= LARGEST_RECENCY.pastDays; d++) if (first[d] < first[days] - 1e-12) days = d;
  const second = fitted.predictFamily!(used, fitEnd, 'lags', days, origin.check).map(errorOf);
  let lags = DEFAULT_RECENCY.lags;
  for (let l = 0; l <= LARGEST_RECENCY.lags; l++) if (second[l] < second[lags] - 1e-12) lags = l;
  const best: RecencySpec = { lags, pastDays: days };
  return best;
}

export function forecastSeries(input: SeriesInput, options: ForecastOptions): SeriesForecast {
  const cal = options.calendar ?? calendarFor(input);

  const exclude = options.exclude ?? (() => false);
  const usable = (i: number) => !exclude(i) && Number.isFinite(input.load[i]);
  const origins = errorOrigins(options.train, options.heldOutHours);
  const wantErrors = !options.errors && (options.quantiles ?? true);

  // Vanilla is the field's yardstick exactly: the average of all stations, no choice.
  let choice: StationChoice | undefined;
  let stations = options.stations;
  if (!stations) {
    // Vanilla, a single station, or too little history to hold a year out for the choice: all stations.
    if (options.model === 'vanilla' || input.stations.length === 1 || !origins.length) stations = input.stations.map((_, k) => k);
    else {
      const last = origins[origins.length - 1];
      choice = chooseStations(cal, input.load, input.stations,
        (i) => i >= options.train.from && i < last.fitTo && usable(i),
        (i) => i >= last.check.from && i < last.check.to && usable(i));
      stations = choice.stations;
    }
  }
  const temperature = averageStations(input.stations, stations);

  // Under two years (and not the profile-or-tail path of a very short history): a model chosen,
  // and its errors measured, by cross-validation inside the history (short-history.ts).
  if (options.model === 'best' && !options.heldOutHours && !options.recency && options.train.to - options.train.from < 2 * YEAR_OF_DAYS) {
    const c = Math.min(options.context ?? 0, options.target.from);
    const wide = forecastShortHistory(cal, input.load, temperature, options.train, { from: options.target.from - c, to: options.target.to }, (i) => i >= options.train.from && i < options.train.to && usable(i), stations,
      options.shared ? { cache: options.shared, calendarKey: calendarKey(cal) } : undefined);
    const short = { ...wide, target: options.target, point: wide.point.slice(c), quantiles: wide.quantiles.map((q) => q.slice(c)), ...(c ? { context: wide.point.slice(0, c) } : {}) };
    if (options.errors) return { ...short, errors: options.errors, quantiles: applyErrorModel(options.errors, short.point, cal.hour.subarray(options.target.from, options.target.to)) };
    return short;
  }

  // Inside the history (backcasting, filling), data near the target describe its level best.
  const inside = options.target.from < options.train.to && options.model === 'best';
  const centre = cal.trend[Math.min(cal.n - 1, Math.floor((options.target.from + options.target.to) / 2))];
  const weights = inside ? Float64Array.from(cal.trend, (t) => Math.exp(-Math.abs(t - centre) / INSIDE_HISTORY_TAU_YEARS)) : undefined;

  // The held-out origins are cut out of the fit for the errors and for choosing the recency terms
  // (so a forecast is the same whether its quantiles are asked for or not).
  const choosing = !options.recency && options.model === 'best' && !options.heldOutHours && origins.length > 0;
  // Without a recency given, the series chooses its own on its last held-out year (below), from
  // a design with the largest; with no year to hold out it keeps two lags and two days.
  const spec = options.recency ?? (choosing ? LARGEST_RECENCY : DEFAULT_RECENCY);
  const cuts = wantErrors || choosing ? origins.map((o) => o.fitTo) : [];
  const seg = segments(options.train, cuts, cal.n, usable);
  const years = (index: number) => cal.trend[Math.min(cal.n - 1, Math.max(0, index - 1))] + 1 / 8766;
  const fitted = fitModel(options.model, cal, input.load, temperature, seg, cuts.length + 1, years(options.train.to), spec, weights, Boolean(options.heldOutHours), cal.trend[options.train.from], options.shared);
  const sortedCuts = [...cuts].sort((a, b) => a - b);
  let recency: RecencySpec | undefined = options.recency;
  if (!recency && options.model === 'best' && !options.heldOutHours) {
    // Chosen where a held-out year was cut out of the fit; otherwise the terms that served best
    // across GEFCom2012's zones when they were chosen once for all (2 lags, 2 days).
    recency = cuts.length ? chooseRecency(fitted, origins[origins.length - 1], sortedCuts, years, input.load, usable) : DEFAULT_RECENCY;
  }
  // Only the rows used: the target, and the training rows where in-sample residuals stand in for
  // held-out errors (no origin).
  const inSample = wantErrors && origins.length === 0;
  const contextFrom = Math.max(0, options.target.from - (options.context ?? 0));
  const all = fitted.predict(cuts.length + 1, years(options.train.to), recency,
    inSample ? { from: Math.min(options.train.from, contextFrom), to: Math.max(options.train.to, options.target.to) } : { from: contextFrom, to: options.target.to });
  const point = all.slice(options.target.from, options.target.to);
  const context = contextFrom < options.target.from ? all.slice(contextFrom, options.target.from) : undefined;
  const hours = cal.hour.subarray(options.target.from, options.target.to);

  let errors = options.errors;
  let heldOut: Float64Array | undefined;
  let heldOutWeight: Uint8Array | undefined;
  let heldOutYear: Uint8Array | undefined;
  if (wantErrors && origins.length === 0) {
    // Short history: in-sample residuals of the final fit, widened for the model's size.
    heldOut = new Float64Array(cal.n).fill(Number.NaN);
    heldOutWeight = new Uint8Array(cal.n);
    let rows = 0;
    for (let i = options.train.from; i < options.train.to; i++) {
      if (!usable(i)) continue;
      heldOut[i] = all[i];
      heldOutWeight[i] = 1;
      rows++;
    }
    errors = errorModel(input.load, heldOut, cal.hour, QUANTILE_LEVELS, 1, heldOutWeight, residualWidening(rows / 24, fitted.width));
  } else if (wantErrors && inside) {
    // A target inside the history is forecast from both sides: its errors are those of weeks
    // inside the history held out in turn (insideErrors), not of a year forecast a year ahead.
    ({ heldOut, heldOutWeight, errors } = insideErrors(options.model, cal, input.load, temperature, options.train, usable, options.target, years, spec, weights!, recency, cal.trend[options.train.from]));
  } else if (wantErrors) {
    heldOut = new Float64Array(cal.n).fill(Number.NaN);
    heldOutWeight = new Uint8Array(cal.n);
    // Years forecast a year ahead are centred each on its own bias (quantiles.ts): Orderly's
    // earlier held-out year is fitted without the trend the final fit has. Vanilla keeps its trend
    // in every fit and its band as it was (the yardstick, unchanged). The last days of a short
    // history (heldOutHours) are not a year ahead, and keep the plain error model.
    const yearAhead = options.model === 'best' && origins.every((o) => o.check.to - o.check.from === YEAR_HOURS);
    if (yearAhead) heldOutYear = new Uint8Array(cal.n);
    origins.forEach((origin, k) => {
      const used = sortedCuts.indexOf(origin.fitTo) + 1; // segments before this origin's end
      const predicted = fitted.predict(used, years(origin.fitTo), recency, origin.check);
      for (let i = origin.check.from; i < origin.check.to; i++) {
        if (!usable(i)) continue;
        heldOut![i] = predicted[i];
        // Vanilla's pooled years as they were: the latest counted twice.
        heldOutWeight![i] = !heldOutYear && k === 1 ? 2 : 1;
        if (heldOutYear) heldOutYear[i] = k + 1;
      }
    });
    errors = errorModel(input.load, heldOut, cal.hour, QUANTILE_LEVELS, 1, heldOutWeight, 1, heldOutYear);
  }
  const quantiles = errors ? applyErrorModel(errors, point, hours) : [];
  const calibration = options.errors ? 'the error model measured for this series before'
    : !wantErrors ? undefined
    : origins.length === 0 ? `in-sample residuals widened ×${residualWidening((options.train.to - options.train.from) / 24, fitted.width).toFixed(2)}, for want of held-out errors`
    : options.heldOutHours ? `the errors of the last ${Math.round(options.heldOutHours / 24)} days of the history, held out of the fit`
    : inside ? `the errors of the history's own weeks, each forecast from the weeks around it (${INSIDE_FOLDS} interleaved folds of whole weeks held out in turn), as the target inside the history is`
    : `the errors of ${origins.length === 1 ? 'the last year' : 'each of the last two years'} of the history, forecast from the years before ${origins.length === 1 ? 'it' : 'each'} (held out of the fit)` +
      (heldOutYear ? `${origins.length === 1 ? ', centred on its own bias' : ', each centred on its own bias and counted once'}; the level's own error a year out assumed ±${Math.round(100 * LEVEL_SD_WITH_TREND)} % (one standard deviation), not measured` : '');
  return {
    model: options.model,
    target: options.target,
    point,
    levels: errors?.levels ?? QUANTILE_LEVELS,
    quantiles,
    stations,
    ...(recency && options.model === 'best' ? { recency } : {}),
    ...(calibration ? { calibration } : {}),
    ...(context ? { context } : {}),
    ...(choice ? { stationChoice: choice } : {}),
    ...(errors ? { errors } : {}),
    ...(heldOut ? { heldOut, heldOutWeight } : {}),
    ...(heldOutYear ? { heldOutYear } : {}),
  };
}
