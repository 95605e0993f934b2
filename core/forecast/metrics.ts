/** Accuracy of point and probabilistic forecasts, over the hours where the actual is known. */

export interface Accuracy {
  /** Mean absolute percentage error, %, over hours with a positive actual. */
  mape: number;
  /** Mean absolute error, MW. */
  mae: number;
  /** Root mean square error, MW. */
  rmse: number;
  /** Mean pinball loss over the quantile levels given, MW. */
  pinball: number;
  /** Share of actuals inside the 80 % interval (P10–P90), %. */
  coverage80: number;
  hours: number;
}

export function pointAccuracy(actual: ArrayLike<number>, forecast: ArrayLike<number>): Pick<Accuracy, 'mape' | 'mae' | 'rmse' | 'hours'> {
  let ape = 0, apeN = 0, ae = 0, se = 0, n = 0;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i], f = forecast[i];
    if (!Number.isFinite(a) || !Number.isFinite(f)) continue;
    const e = f - a;
    ae += Math.abs(e);
    se += e * e;
    n++;
    if (a > 0) {
      ape += Math.abs(e) / a;
      apeN++;
    }
  }
  return { mape: apeN ? (100 * ape) / apeN : Number.NaN, mae: n ? ae / n : Number.NaN, rmse: n ? Math.sqrt(se / n) : Number.NaN, hours: n };
}

/** Pinball (quantile) loss of one level. */
export function pinball(actual: number, q: number, level: number): number {
  return actual >= q ? level * (actual - q) : (1 - level) * (q - actual);
}

export function probabilisticAccuracy(
  actual: ArrayLike<number>,
  levels: number[],
  quantiles: ArrayLike<number>[],
): Pick<Accuracy, 'pinball' | 'coverage80'> {
  const lo = levels.indexOf(0.1), hi = levels.indexOf(0.9);
  let loss = 0, lossN = 0, inside = 0, n = 0;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i];
    if (!Number.isFinite(a)) continue;
    for (let k = 0; k < levels.length; k++) {
      const q = quantiles[k][i];
      if (!Number.isFinite(q)) continue;
      loss += pinball(a, q, levels[k]);
      lossN++;
    }
    if (lo >= 0 && hi >= 0 && Number.isFinite(quantiles[lo][i]) && Number.isFinite(quantiles[hi][i])) {
      n++;
      if (a >= quantiles[lo][i] && a <= quantiles[hi][i]) inside++;
    }
  }
  return { pinball: lossN ? loss / lossN : Number.NaN, coverage80: n ? (100 * inside) / n : Number.NaN };
}

export function accuracy(actual: ArrayLike<number>, point: ArrayLike<number>, levels: number[], quantiles: ArrayLike<number>[]): Accuracy {
  return { ...pointAccuracy(actual, point), ...probabilisticAccuracy(actual, levels, quantiles) };
}
