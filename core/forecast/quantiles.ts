/**
 * Forecast quantiles from the model's own out-of-sample errors: relative errors (actual / forecast
 * − 1) on held-out years, their empirical quantiles per hour of day (pooled with the neighbouring
 * hours for enough samples), applied to the new forecast. Errors grow with load, so they scale.
 * The quantiles are centred on the point forecast: a held-out year's level bias does not carry
 * into the next year (on GEFCom2012 it was −2.3 % in 2005 and 2006, then +1.6 % in 2007), but its
 * spread does.
 */

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
): ErrorModel {
  const byHour: number[][] = Array.from({ length: 24 }, () => []);
  let samples = 0;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i], f = forecast[i];
    if (!Number.isFinite(a) || !Number.isFinite(f) || f <= 0) continue;
    const times = repeat ? repeat[i] : 1;
    // Relative errors are bounded (−100 %, +200 %): a forecast near zero must not make one hour's
    // ratio swamp the rest.
    const e = Math.min(2, Math.max(-1, a / f - 1));
    for (let r = 0; r < times; r++) byHour[hourOfDay[i]].push(e);
    samples++;
  }
  const relative = byHour.map((_, h) => {
    const pooled: number[] = [];
    for (let d = -poolHours; d <= poolHours; d++) pooled.push(...byHour[(h + d + 24) % 24]);
    const sorted = Float64Array.from(pooled).sort();
    const median = quantileOf(sorted, 0.5);
    return Float64Array.from(levels, (l) => scale * (quantileOf(sorted, l) - median));
  });
  return { levels, relative, samples };
}

/** Quantile series (one per level) around a point forecast; load is never below zero. */
export function applyErrorModel(model: ErrorModel, point: ArrayLike<number>, hourOfDay: ArrayLike<number>): Float64Array[] {
  return model.levels.map((_, k) => Float64Array.from({ length: point.length }, (_, i) => Math.max(0, point[i] * (1 + model.relative[hourOfDay[i]][k]))));
}
