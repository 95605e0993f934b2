/**
 * Forecast quantiles from the model's own out-of-sample errors: relative errors (actual / forecast
 * − 1) on held-out years, their empirical quantiles per hour of day (pooled with the neighbouring
 * hours for enough samples), applied to the new forecast. Errors grow with load, so they scale.
 * The quantiles are centred on the point forecast: a held-out year's level bias does not carry
 * into the next year (on GEFCom2012 it was −2.3 % in 2005 and 2006, then +1.6 % in 2007), but its
 * spread does.
 *
 * Held-out years (`years`: which year each hour's error is of) are each centred on their own bias
 * before they are pooled, and count once each. Pooled with their biases, two years whose biases
 * differ make a band as wide as the gap between them: from three years of the synthetic Chinese
 * series (6 % growth a year) the year forecast from one year alone (no trend: one year cannot tell
 * growth from season) ran +5.9 % high, the next 0.1 %, and the 80 % interval covered 87–89 % of
 * the year after. That gap is mostly the trend the held-out fit was denied and the final fit has,
 * not an error the forecast will make. What the forecast's own level will be off by (its trend
 * carried a year on) no held-out year centred on itself carries: LEVEL_SD_WITH_TREND, assumed,
 * is added in quadrature.
 */

/**
 * The level error of a forecast a year out from a fit with a trend, as a standard deviation of
 * relative error: an assumption, not a measurement (two held-out years give one like-for-like
 * bias each, far too few for a spread). 1 %: the last held-out year's bias, forecast with a trend
 * from the years before it, was within ±0.9 % on 6 of 8 series (GEFCom2012 system 2006 −1.5 %,
 * a synthetic Chinese series +9.1 %).
 */
export const LEVEL_SD_WITH_TREND = 0.01;

export const QUANTILE_LEVELS = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95];

export interface ErrorModel {
  levels: number[];
  /** relative[h][k]: quantile k of the relative error at hour of day h. */
  relative: Float64Array[];
  samples: number;
}

/** Quantile of sorted values at a level, linearly interpolated (0 for none). */
export function quantileOf(sorted: Float64Array, level: number): number {
  if (!sorted.length) return 0;
  const pos = level * (sorted.length - 1);
  const lo = Math.floor(pos), hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export function errorModel(
  actual: ArrayLike<number>,
  forecast: ArrayLike<number>,
  hourOfDay: ArrayLike<number>,
  levels = QUANTILE_LEVELS,
  poolHours = 1,
  /** How many times each hour's error counts (e.g. recent years more); default once. */
  repeat?: ArrayLike<number>,
  /** Widening of the errors (e.g. in-sample residuals understate out-of-sample errors). */
  scale = 1,
  /**
   * Which held-out year each hour's error is of (1, 2, …; 0 for none), when the errors are of
   * years forecast a year ahead: each year is centred on its own median and the level's own
   * error (LEVEL_SD_WITH_TREND) added in quadrature.
   */
  years?: ArrayLike<number>,
): ErrorModel {
  // Relative errors are bounded (−100 %, +200 %): a forecast near zero must not make one hour's
  // ratio swamp the rest. Computed once (NaN where there is none), then centred and counted.
  const n = actual.length;
  const errors = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = actual[i], f = forecast[i];
    errors[i] = !Number.isFinite(a) || !Number.isFinite(f) || f <= 0 ? Number.NaN : Math.min(2, Math.max(-1, a / f - 1));
  }
  const bias = new Map<number, number>();
  if (years) {
    const byYear = new Map<number, number[]>();
    for (let i = 0; i < n; i++) {
      const e = errors[i];
      if (!years[i] || Number.isNaN(e) || (repeat && !repeat[i])) continue;
      let list = byYear.get(years[i]);
      if (!list) byYear.set(years[i], (list = []));
      list.push(e);
    }
    for (const [y, list] of byYear) bias.set(y, quantileOf(Float64Array.from(list).sort(), 0.5));
  }
  // Errors by hour of day in typed buffers, counted first and then filled (a province's
  // aggregates each pool two years of hours: arrays grown by push, and spread into one another
  // for each hour's pool, were most of the page's main-thread time when a province opened).
  // Each hour's pool is sorted, so the order they are gathered in does not change a quantile.
  const counts = new Int32Array(24);
  let samples = 0;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(errors[i])) continue;
    const times = repeat ? repeat[i] : 1;
    if (years && years[i]) errors[i] -= bias.get(years[i]) ?? 0;
    if (times > 0) counts[hourOfDay[i]] += Math.ceil(times);
    samples++;
  }
  const byHour = Array.from(counts, (c) => new Float64Array(c));
  const filled = new Int32Array(24);
  for (let i = 0; i < n; i++) {
    const e = errors[i];
    if (Number.isNaN(e)) continue;
    const times = repeat ? repeat[i] : 1;
    const h = hourOfDay[i], row = byHour[h];
    for (let r = 0; r < times; r++) row[filled[h]++] = e;
  }
  const level = years && bias.size ? LEVEL_SD_WITH_TREND : 0;
  const relative = byHour.map((_, h) => {
    let size = 0;
    for (let d = -poolHours; d <= poolHours; d++) size += byHour[(h + d + 24) % 24].length;
    const sorted = new Float64Array(size);
    let at = 0;
    for (let d = -poolHours; d <= poolHours; d++) { const row = byHour[(h + d + 24) % 24]; sorted.set(row, at); at += row.length; }
    sorted.sort();
    const median = quantileOf(sorted, 0.5);
    return Float64Array.from(levels, (l) => {
      const offset = scale * (quantileOf(sorted, l) - median);
      if (!level) return offset;
      const extra = probit(l) * level;
      return Math.sign(offset || extra) * Math.sqrt(offset * offset + extra * extra);
    });
  });
  return { levels, relative, samples };
}

/** Quantile series (one per level) around a point forecast; load is never below zero. */
export function applyErrorModel(model: ErrorModel, point: ArrayLike<number>, hourOfDay: ArrayLike<number>): Float64Array[] {
  return model.levels.map((_, k) => Float64Array.from({ length: point.length }, (_, i) => Math.max(0, point[i] * (1 + model.relative[hourOfDay[i]][k]))));
}

/** z of the standard normal at a probability (Acklam's rational approximation, |error| < 1.2e-9). */
export function probit(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - low) return -probit(1 - p);
  const q = p - 0.5, r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}
