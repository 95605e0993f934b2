/**
 * Tomorrow's forecast as dispatch makes it: issued each day at a set local hour, for the rest of
 * that day and the next 1–7 days, using the load measured up to the issue time.
 *
 * The weather model's errors persist: a day that runs 3 % above the model is followed by days that
 * do too (on GEFCom2012 the daily mean error's autocorrelation is 0.76 a day later, 0.5 three days
 * later). So the forecast issued at hour s for a target hour t of day k after the issue day is the
 * model's, scaled by what the measured load says of its error now:
 *
 *   forecast(t) = model(t) · (1 + c_k · x(s, t)),   r = actual / model − 1,
 *
 * with the signals x(s, t): the last hour's error r(s − 1), the mean error of the 24 hours before
 * the issue and of the 24 before those (whether the error is growing or fading), the error of
 * the latest measured hour at t's hour of day (the model's shape of the day, not its level, may
 * be what is off), the errors at t's hour of day over the last weeks (weighted, half-life 5
 * days) and of all hours of the last weeks (half-life 10 days): a slow drift the last day alone
 * measures with its noise. Where the temperature the model forecast with is given, also how the
 * target day's weather differs from the last day's, the target day's and the target hour's
 * temperature and the hours before it (TEMPERATURE_SIGNALS): an error measured on a hot day
 * carries less to a mild one, and a load whose weather response has drifted since the fit is off
 * by more on the hottest and coldest days. Those are kept for a horizon day only where they
 * forecast better in 3-fold cross-validation over the held-out issues (whole thirds, each
 * predicted from the other two): fitted everywhere, they took GEFCom2012's tomorrow 3.23 → 3.15 %
 * but the synthetic Chinese series' day 7 from 3.2 to 4.4 % (one year of history), fitting noise.
 * c_k are fitted by least squares on the model's held-out errors (hours it was not fitted on),
 * one set per horizon day, so the correction fades with the horizon by what the data show, not
 * by a rule. On GEFCom2012's system (2007, issued at 10:00) tomorrow's error went 3.32 → 3.24 %
 * with the latest same-hour and 24-h-before signals, → 3.23 % with the weighted weeks (day 7:
 * 3.88 → 3.82 %, → 3.60 % where the temperature was kept, days 5–7). Tried and dropped (no better
 * held out): weights per lead hour or per block of target hours, the additive (MW) form of the
 * errors, signals from the last day of the same kind (working or not). Fitted on 2007 itself, in
 * hindsight, the richest of these forms reached 3.11 %, and a day's level known exactly 2.47 %:
 * what is left is the weather model's error within the day.
 * The quantiles of each horizon day are the model's own, narrowed by how much the correction
 * narrowed that day's held-out errors: the interval is tighter tomorrow, where measured load says
 * most, and as calibrated as the model's beyond.
 *
 * The model itself is fitted once on the training window (not re-fitted every day): the
 * measured load enters through the correction only. Re-fitting daily would add days of history
 * that change the fit by a fraction of a per cent, at 365 times the cost.
 */
import type { CalendarFeatures } from './calendar-features.ts';
import { solveNormal } from './regression/least-squares.ts';
import { applyErrorModel, errorModel, quantileOf, QUANTILE_LEVELS, type ErrorModel } from './quantiles.ts';
import type { Window } from './forecast.ts';

export interface RollingOptions {
  /** Local hour of the day the forecast is issued at (0–23): load is measured up to it. */
  issueHour: number;
  /** Days after the issue day forecast (1–7). */
  horizonDays: number;
}

export interface Correction {
  issueHour: number;
  horizonDays: number;
  /** coefficients[k]: c_k of day k after the issue day (k = 0: the rest of the issue day), one per signal (SIGNALS, then TEMPERATURE_SIGNALS where `temperature` is set). */
  coefficients: number[][];
  /**
   * How much narrower (or wider) each horizon day's errors are with the correction than without,
   * per hour of day, on the same held-out hours: widthRatio[k][h] = (P90 − P10 corrected) /
   * (P90 − P10 as the model is). The issued quantiles are the model's own, scaled by it. Null where
   * it was not asked for (a caller that keeps the model's own band): the model's quantiles are used.
   */
  widthRatio: Float64Array[] | null;
  /** Issue times the correction was fitted on. */
  issues: number;
  /** Where the TEMPERATURE_SIGNALS are among the signals: the temperature's centre and scale on the hours fitted on. */
  temperature?: { centre: number; scale: number };
  /** Per horizon day, whether the temperature's signals are used (chosen on the last third of the held-out issues; else their coefficients are 0). */
  temperatureKept?: boolean[];
}

/** Fewest held-out issue times for a correction to be fitted; below it the model is used as it is. */
export const MIN_CORRECTION_ISSUES = 30;
/** Of the 24 hours before an issue, how many must be measured for their mean to count. */
const MIN_KNOWN_OF_DAY = 18;

function relativeError(actual: ArrayLike<number>, model: ArrayLike<number>, i: number): number {
  const a = actual[i], m = model[i];
  return Number.isFinite(a) && Number.isFinite(m) && m > 0 ? a / m - 1 : Number.NaN;
}

/** The measured-load signals, in the order of a correction's coefficients (TEMPERATURE_SIGNALS follow where a temperature is given). */
export const SIGNALS = ['last hour', 'last 24 h', '24 h before', 'same hour, latest', 'same hour, 5-day weighted', 'last 10 days, weighted'] as const;
/**
 * With the temperature the model forecast with: whether the measured error carries to the target
 * day depends on how its weather differs from the last day's (ΔT, the target day's mean less the
 * last 24 hours', standardized), and the model's error on a day depends on its temperature (T, the
 * target day's mean): a load whose weather response has drifted since the fit is off most on the
 * hottest and coldest days, not by the same share every day.
 */
export const TEMPERATURE_SIGNALS = ['last 24 h × |ΔT|', 'same hour × |ΔT|', 'last 24 h × T', 'last 24 h × T²', 'T', 'T²', 'ΔT',
  'T(t)', 'T(t)²', 'last 24 h × T(t)', 'T(t − 3 h)', 'T(t − 24 h)', 'T̄(24 h to t)', 'T̄(24 h to t)²'] as const;

/** What the signals are measured from: the load, the model's forecast, and optionally its temperature standardized. */
export interface SignalSource {
  actual: ArrayLike<number>;
  model: ArrayLike<number>;
  cal: CalendarFeatures;
  /** The temperature the model forecast with, on the axis (NaN where unknown), and its centre and scale. */
  temperature?: { values: ArrayLike<number>; centre: number; scale: number };
}

/** The signals that do not depend on the target hour, measured at issue s. */
export interface IssueSignals { last: number; mean24: number; before: number; weighted10: number; temp24: number }

/** Mean error of the hours [from, to), or NaN with fewer than MIN_KNOWN_OF_DAY of them measured. */
function meanError(actual: ArrayLike<number>, model: ArrayLike<number>, from: number, to: number): number {
  let sum = 0, known = 0;
  for (let i = Math.max(0, from); i < to; i++) {
    const r = relativeError(actual, model, i);
    if (Number.isFinite(r)) { sum += r; known++; }
  }
  return known >= MIN_KNOWN_OF_DAY ? sum / known : Number.NaN;
}

/** Exponentially weighted mean error of the hours before s (half-life in hours), over five half-lives. */
function weightedError(actual: ArrayLike<number>, model: ArrayLike<number>, s: number, halfLife: number, step: number, first: number): number {
  const a = Math.pow(0.5, step / halfLife);
  let w = 1, sw = 0, se = 0;
  for (let q = first, k = 0; q >= 0 && k * step < 5 * halfLife; q -= step, k++) {
    const r = relativeError(actual, model, q);
    if (Number.isFinite(r)) { se += w * r; sw += w; }
    w *= a;
  }
  return sw > 0 ? se / sw : Number.NaN;
}

/** Standardized temperature at hour i (0, the mean, where unknown). */
function temperatureAt(src: SignalSource, i: number): number {
  const t = src.temperature!;
  return i >= 0 && i < t.values.length && Number.isFinite(t.values[i]) ? (t.values[i] - t.centre) / t.scale : 0;
}

/** Standardized mean temperature of [from, to) (NaN where none is known). */
function meanTemperature(src: SignalSource, from: number, to: number): number {
  const t = src.temperature;
  if (!t) return Number.NaN;
  let sum = 0, known = 0;
  for (let i = Math.max(0, from); i < Math.min(to, t.values.length); i++) if (Number.isFinite(t.values[i])) { sum += t.values[i]; known++; }
  return known ? (sum / known - t.centre) / t.scale : Number.NaN;
}

/**
 * What the load measured before issue index s says of the model's error: the signals that do not
 * depend on the target hour, or null where the last day is too little known to say anything. A
 * signal that cannot be measured stands in by the last day's.
 */
export function issueSignals(src: SignalSource, s: number): IssueSignals | null {
  const { actual, model } = src;
  const mean = meanError(actual, model, s - 24, s);
  if (!Number.isFinite(mean)) return null;
  // The last hour's error, or the nearest measured within three hours; else the day's mean.
  let last = Number.NaN;
  for (let q = 1; q <= 3 && !Number.isFinite(last) && s - q >= 0; q++) last = relativeError(actual, model, s - q);
  const before = meanError(actual, model, s - 48, s - 24);
  const weighted10 = weightedError(actual, model, s, 10 * 24, 1, s - 1);
  return { last: Number.isFinite(last) ? last : mean, mean24: mean, before: Number.isFinite(before) ? before : mean, weighted10: Number.isFinite(weighted10) ? weighted10 : mean, temp24: meanTemperature(src, s - 24, s) };
}

/** Number of signals a source gives (SIGNALS, and TEMPERATURE_SIGNALS with a temperature). */
export const signalCount = (src: SignalSource) => SIGNALS.length + (src.temperature ? TEMPERATURE_SIGNALS.length : 0);

/** The signals of issue s for target hour t ≥ s (SIGNALS, then TEMPERATURE_SIGNALS), from issueSignals(s). */
export function signalsFor(src: SignalSource, issue: IssueSignals, s: number, t: number, out: number[] = new Array(signalCount(src))): number[] {
  const { actual, model, cal } = src;
  // The latest measured hour at t's hour of day: a whole number of days before t, before s.
  const latest = t - 24 * Math.ceil((t - s + 1) / 24);
  let same = Number.NaN;
  for (let q = latest, tries = 0; tries < 3 && q >= 0 && !Number.isFinite(same); tries++, q -= 24) same = relativeError(actual, model, q);
  const weighted = weightedError(actual, model, s, 5 * 24, 24, latest);
  out[0] = issue.last; out[1] = issue.mean24; out[2] = issue.before; out[3] = Number.isFinite(same) ? same : issue.mean24;
  out[4] = Number.isFinite(weighted) ? weighted : issue.mean24; out[5] = issue.weighted10;
  if (src.temperature) {
    // The target's local day: its mean temperature, and how it differs from the last 24 hours'.
    let from = t, to = t + 1;
    while (from > 0 && t - from < 24 && cal.day[from - 1] === cal.day[t]) from--;
    while (to < cal.n && to - t < 24 && cal.day[to] === cal.day[t]) to++;
    const T = meanTemperature(src, from, to);
    const known = Number.isFinite(T) && Number.isFinite(issue.temp24);
    const dT = known ? T - issue.temp24 : 0, Tt = Number.isFinite(T) ? T : 0;
    const p = SIGNALS.length;
    out[p] = issue.mean24 * Math.abs(dT); out[p + 1] = out[3] * Math.abs(dT);
    out[p + 2] = issue.mean24 * Tt; out[p + 3] = issue.mean24 * Tt * Tt;
    out[p + 4] = Tt; out[p + 5] = Tt * Tt; out[p + 6] = dT;
    // The target hour's own weather, and its recent past: what the model's response to the hour's
    // temperature may have drifted on.
    const th = temperatureAt(src, t);
    let day = 0;
    for (let q = t - 23; q <= t; q++) day += temperatureAt(src, q);
    day /= 24;
    out[p + 7] = th; out[p + 8] = th * th; out[p + 9] = th * issue.mean24;
    out[p + 10] = temperatureAt(src, t - 3); out[p + 11] = temperatureAt(src, t - 24);
    out[p + 12] = day; out[p + 13] = day * day;
  }
  return out;
}

/** Issue indices (the first hour at the issue hour of each local day) inside [from, to). */
export function issueIndices(cal: CalendarFeatures, from: number, to: number, issueHour: number): number[] {
  const out: number[] = [];
  let lastDay = Number.NaN;
  for (let i = Math.max(0, from); i < Math.min(cal.n, to); i++) {
    if (cal.hour[i] !== issueHour || cal.day[i] === lastDay) continue;
    out.push(i);
    lastDay = cal.day[i];
  }
  return out;
}

/** The hours of horizon day k of an issue at s: from the issue on (k = 0) or the whole local day. */
function* horizonHours(cal: CalendarFeatures, s: number, k: number, end: number): Generator<number> {
  const day = cal.day[s] + k;
  let i = k === 0 ? s : s + 1;
  while (i < end && cal.day[i] < day) i++;
  for (; i < end && cal.day[i] === day; i++) yield i;
}

/** Least squares of the signals, with a small ridge: the signals overlap (the last hour is part of the day). */
function solveSignals(xtx: Float64Array, xty: Float64Array, p: number): number[] {
  if (!(xtx[0] > 0)) return new Array(p).fill(0);
  const c = solveNormal(xtx.slice(), xty.slice(), p, 1e-3);
  return Array.from(c, (v) => (Number.isFinite(v) ? v : 0));
}

const dot = (c: readonly number[], x: readonly number[]) => { let v = 0; for (let j = 0; j < c.length; j++) v += c[j] * x[j]; return v; };

/**
 * Fits the correction on held-out predictions (`heldOut`: NaN where the model was not held out),
 * or returns null where there are too few issue times to fit it on.
 */
export function fitCorrection(
  actual: ArrayLike<number>, heldOut: ArrayLike<number>, cal: CalendarFeatures, options: RollingOptions,
  {
    widths = true, temperature,
  }: {
    /** Whether to measure how much the correction narrows each day's band (two error models a day: most of the cost). */
    widths?: boolean;
    /** The temperature the model forecast with, on the axis: the TEMPERATURE_SIGNALS join the signals. */
    temperature?: ArrayLike<number>;
  } = {},
): Correction | null {
  const H = options.horizonDays;
  const scale = temperature ? temperatureScale(temperature, heldOut) : null;
  const src: SignalSource = { actual, model: heldOut, cal, ...(temperature && scale ? { temperature: { values: temperature, ...scale } } : {}) };
  const p = signalCount(src), p0 = SIGNALS.length;
  const xtx = Array.from({ length: H + 1 }, () => new Float64Array(p * p));
  const xty = Array.from({ length: H + 1 }, () => new Float64Array(p));
  const rows: Array<{ k: number; t: number; x: number[] }> = [];
  const buffer = new Array<number>(p);
  const starts = issueIndices(cal, 0, cal.n, options.issueHour).filter((s) => issueSignals(src, s) !== null);
  // With a temperature, whether its signals are kept is chosen per horizon day on the last third
  // of the issues, fitted on the first two thirds: they serve where the model's weather response
  // has drifted (GEFCom2012: tomorrow 3.23 → 3.15 %), and only fit noise where it has not (on the
  // synthetic Chinese series they made day 7 worse, 3.3 → 4.4 % from one year of history).
  const FOLDS = 3;
  const folds = src.temperature ? Array.from({ length: FOLDS }, () => ({ xtx: xtx.map(() => new Float64Array(p * p)), xty: xty.map(() => new Float64Array(p)) })) : null;
  const checkRows: Array<{ k: number; y: number; x: number[]; fold: number }> = [];
  let issues = 0;
  for (const [n, s] of starts.entries()) {
    const issue = issueSignals(src, s)!;
    const fold = Math.min(FOLDS - 1, Math.floor((FOLDS * n) / starts.length));
    const checking = folds !== null;
    let used = false;
    for (let k = 0; k <= H; k++) {
      for (const t of horizonHours(cal, s, k, cal.n)) {
        const y = relativeError(actual, heldOut, t);
        if (!Number.isFinite(y)) continue;
        // Kept per row only to measure the band's narrowing or to check; else one buffer serves every row.
        const x = signalsFor(src, issue, s, t, widths || checking ? undefined : buffer);
        for (let a = 0; a < p; a++) {
          xty[k][a] += x[a] * y;
          if (folds) folds[fold].xty[k][a] += x[a] * y;
          for (let b = a; b < p; b++) {
            xtx[k][a * p + b] += x[a] * x[b];
            if (folds) folds[fold].xtx[k][a * p + b] += x[a] * x[b];
          }
        }
        if (widths) rows.push({ k, t, x });
        if (folds) checkRows.push({ k, y, x, fold });
        used = true;
      }
    }
    if (used) issues++;
  }
  if (issues < MIN_CORRECTION_ISSUES) return null;
  /** The coefficients of the load signals alone (the temperature's left at 0). */
  const loadOnly = (m: Float64Array, v: Float64Array) => {
    const sub = new Float64Array(p0 * p0);
    for (let a = 0; a < p0; a++) for (let b = 0; b < p0; b++) sub[a * p0 + b] = m[a * p + b];
    return [...solveSignals(sub, v.slice(0, p0), p0), ...new Array(p - p0).fill(0)];
  };
  const temperatureKept = Array.from({ length: H + 1 }, (_, k) => {
    if (!folds) return false;
    let withT = 0, without = 0, count = 0;
    for (let f = 0; f < FOLDS; f++) {
      // Fitted on the other folds: the whole less this fold.
      const m = xtx[k].map((v, j) => v - folds[f].xtx[k][j]), v = xty[k].map((u, j) => u - folds[f].xty[k][j]);
      const both = solveSignals(m, v, p), alone = loadOnly(m, v);
      for (const r of checkRows) {
        if (r.k !== k || r.fold !== f) continue;
        withT += Math.abs(r.y - dot(both, r.x)) / (1 + r.y);
        without += Math.abs(r.y - dot(alone, r.x)) / (1 + r.y);
        count++;
      }
    }
    return count > 0 && withT < without;
  });
  const coefficients = xtx.map((m, k) => (temperatureKept[k] ? solveSignals(m, xty[k], p) : src.temperature ? loadOnly(m, xty[k]) : solveSignals(m, xty[k], p)));
  // Corrected and uncorrected held-out errors of each horizon day, on the same hours. The ratio of
  // their spreads, not the corrected spread itself, is carried: held-out years are fitted on less
  // history than the final model, so their errors are wider in level than the forecast's will be,
  // while the share of them the measured load explains is what the correction brings.
  const widthRatio = !widths ? null : coefficients.map((c, k) => {
    const corrected = new Float64Array(cal.n).fill(Number.NaN), plain = new Float64Array(cal.n).fill(Number.NaN);
    for (const row of rows) {
      if (row.k !== k) continue;
      corrected[row.t] = heldOut[row.t] * Math.max(0, 1 + dot(c, row.x));
      plain[row.t] = heldOut[row.t];
    }
    const after = errorModel(actual, corrected, cal.hour, QUANTILE_LEVELS, 1);
    const before = errorModel(actual, plain, cal.hour, QUANTILE_LEVELS, 1);
    const lo = QUANTILE_LEVELS.indexOf(0.1), hi = QUANTILE_LEVELS.indexOf(0.9);
    return Float64Array.from({ length: 24 }, (_, h) => {
      const w0 = before.relative[h][hi] - before.relative[h][lo], w1 = after.relative[h][hi] - after.relative[h][lo];
      return w0 > 1e-9 && Number.isFinite(w1) ? Math.min(1.5, Math.max(0.2, w1 / w0)) : 1;
    });
  });
  return { issueHour: options.issueHour, horizonDays: H, coefficients, widthRatio, issues, ...(src.temperature ? { temperature: scale!, temperatureKept } : {}) };
}

/** Mean and standard deviation of the temperature on the hours the correction is fitted on (null: too few, or no spread). */
function temperatureScale(temperature: ArrayLike<number>, heldOut: ArrayLike<number>): { centre: number; scale: number } | null {
  let sum = 0, sq = 0, known = 0;
  for (let i = 0; i < Math.min(temperature.length, heldOut.length); i++) {
    const v = temperature[i];
    if (!Number.isFinite(v) || !Number.isFinite(heldOut[i])) continue;
    sum += v; sq += v * v; known++;
  }
  if (known < 24 * MIN_CORRECTION_ISSUES) return null;
  const centre = sum / known, sd = Math.sqrt(Math.max(0, sq / known - centre * centre));
  return sd > 1e-9 ? { centre, scale: sd } : null;
}

/** An error model with each hour's quantile offsets scaled. */
export function scaledErrors(e: ErrorModel, ratio: ArrayLike<number>): ErrorModel {
  return { ...e, relative: e.relative.map((q, h) => q.map((v) => v * ratio[h])) };
}

/** Days of verified forecasts the issued intervals are calibrated on. */
export const CALIBRATION_DAYS = 180;

/**
 * The errors of forecasts already verified at the issue time, per horizon day: the intervals
 * dispatch can stand behind are those its recent forecasts kept. Each day's quantiles are the
 * empirical quantiles of the last CALIBRATION_DAYS of that day's relative errors, per hour of day
 * pooled with the two hours each side, not centred (a bias the forecasts still carry shows).
 */
export class RecentErrors {
  private readonly byDay: Array<Array<{ hour: number; e: number; at: number }>>;
  constructor(readonly horizonDays: number) {
    this.byDay = Array.from({ length: horizonDays + 1 }, () => []);
  }
  /** A verified error of day k's forecast for an hour of day, known from index `at` on. */
  add(k: number, hour: number, actual: number, forecast: number, at: number): void {
    if (!Number.isFinite(actual) || !Number.isFinite(forecast) || forecast <= 0 || k > this.horizonDays) return;
    this.byDay[k].push({ hour, e: Math.min(2, Math.max(-1, actual / forecast - 1)), at });
  }
  /** Samples of day k known at index s, of the last CALIBRATION_DAYS. */
  count(k: number, s: number): number {
    return this.byDay[k].filter((x) => x.at <= s && x.at > s - CALIBRATION_DAYS * 24).length;
  }
  /** Day k's error model at index s, or null with fewer than 14 days of samples. */
  model(k: number, s: number): ErrorModel | null {
    const list = this.byDay[k];
    while (list.length && list[0].at <= s - CALIBRATION_DAYS * 24) list.shift();
    const known = list.filter((x) => x.at <= s);
    if (known.length < 14 * 24) return null;
    const byHour: number[][] = Array.from({ length: 24 }, () => []);
    for (const x of known) for (let d = -2; d <= 2; d++) byHour[(x.hour + d + 24) % 24].push(x.e);
    const relative = byHour.map((es) => {
      const sorted = Float64Array.from(es).sort();
      return Float64Array.from(QUANTILE_LEVELS, (l) => quantileOf(sorted, l));
    });
    return { levels: QUANTILE_LEVELS, relative, samples: known.length };
  }
}

export interface IssuedForecast {
  /** Index of the issue hour on the axis: load is measured before it. */
  issuedAt: number;
  /** Whether the measured load corrected it (false: no correction, or too little of the last day measured). */
  corrected: boolean;
  /** Day k = 0 (the rest of the issue day) … horizonDays, each with its hours, point and quantiles. */
  days: Array<{ day: number; window: Window; point: Float64Array; quantiles: Float64Array[] }>;
}

/**
 * The forecast issued at s from the model's point forecast on the axis (`model`, NaN where it has
 * none) and the load measured before s. Without a correction (or without a measured last day) the
 * model's point is used as it is, with the model's own quantiles (`fallback`).
 */
export function issueForecast(
  actual: ArrayLike<number>,
  model: ArrayLike<number>,
  cal: CalendarFeatures,
  s: number,
  end: number,
  correction: Correction | null,
  fallback: ErrorModel,
  horizonDays: number,
  /** Errors of forecasts verified before s: the intervals of each day where 14 days are known. */
  recent?: RecentErrors,
  /** The temperature the model forecast with, on the axis: needed where the correction was fitted with one. */
  temperature?: ArrayLike<number>,
): IssuedForecast {
  if (correction?.temperature && !temperature) throw new Error('issueForecast temperature: expected the temperature the model forecast with (the correction was fitted with one), found none');
  const src: SignalSource = { actual, model, cal, ...(correction?.temperature && temperature ? { temperature: { values: temperature, ...correction.temperature } } : {}) };
  const issue = correction ? issueSignals(src, s) : null;
  const days: IssuedForecast['days'] = [];
  for (let k = 0; k <= horizonDays; k++) {
    // Hours the model has a forecast for (an axis with gaps never hands NaN on).
    const hours = [...horizonHours(cal, s, k, end)].filter((t) => Number.isFinite(model[t]));
    if (!hours.length) continue;
    const window = { from: hours[0], to: hours[hours.length - 1] + 1 };
    const c = issue && correction && k < correction.coefficients.length ? correction.coefficients[k] : null;
    const point = Float64Array.from(hours, (t) => (c && issue ? model[t] * Math.max(0, 1 + dot(c, signalsFor(src, issue, s, t))) : model[t]));
    const errors = recent?.model(k, s) ?? (c && correction?.widthRatio ? scaledErrors(fallback, correction.widthRatio[k]) : fallback);
    const quantiles = applyErrorModel(errors, point, hours.map((t) => cal.hour[t]));
    days.push({ day: k, window, point, quantiles });
  }
  return { issuedAt: s, corrected: issue !== null, days };
}
