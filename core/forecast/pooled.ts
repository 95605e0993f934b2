/**
 * A short history forecast through a long one. An area metered for weeks or months (a new
 * substation, a newly metered district) shares its region's weather, calendar and habits; what its
 * few months cannot show — how its load answers a heat it has not yet seen, the seasons it was not
 * metered in — an area of the same scenario with years of history has seen. So beside its own
 * model, a short area is offered a pooled one: its load as a line in the donor area's load, per
 * local hour of day and kind of day (working or not),
 *
 *   y(t) = a[h, w] + b[h, w] · x(t),
 *
 * x the donor's measured load over the history and its forecast over the study. Both are fitted
 * without the short area's last held-out days and scored there; the one with the smaller error
 * serves (a choice made inside the training data). The pooled band adds, in quadrature, the
 * donor's own forecast spread to the pooled line's held-out residuals: the line is fitted on
 * measured donor load, the forecast reads a forecast of it.
 */
import type { CalendarFeatures } from './calendar-features.ts';
import { pointAccuracy } from './metrics.ts';
import { errorModel, QUANTILE_LEVELS } from './quantiles.ts';
import type { Window } from './forecast.ts';

export interface Donor {
  area: string;
  /** The donor's load on the axis (measured; NaN where unknown). */
  load: Float64Array;
  /** Its forecast over the study window, point and quantiles (QUANTILE_LEVELS). */
  point: Float64Array;
  quantiles: Float64Array[];
}

export interface PooledFit {
  point: Float64Array;
  quantiles: Float64Array[];
  /** Predictions of the held-out days (on the axis, NaN elsewhere) and their weights. */
  heldOut: Float64Array;
  heldOutWeight: Uint8Array;
  /** MAPE on the held-out days, %. */
  heldOutMape: number;
}

/** Groups: hour of day × (working day, or not). */
function groupOf(cal: CalendarFeatures, i: number): number {
  return cal.hour[i] * 2 + (cal.effectiveWeekday[i] >= 5 ? 1 : 0);
}

/** Per group, the line y = a + b·x by least squares over the rows [from, to) where both are known (b ≥ 0). */
function fitLines(cal: CalendarFeatures, y: ArrayLike<number>, x: ArrayLike<number>, from: number, to: number): Float64Array {
  const s = new Float64Array(48 * 5); // n, Σx, Σy, Σxx, Σxy per group
  for (let i = from; i < to; i++) {
    if (!Number.isFinite(y[i]) || !Number.isFinite(x[i])) continue;
    const g = groupOf(cal, i) * 5;
    s[g]++; s[g + 1] += x[i]; s[g + 2] += y[i]; s[g + 3] += x[i] * x[i]; s[g + 4] += x[i] * y[i];
  }
  // A group seen too little (a kind of day the history barely has) takes the pooled line of its hour.
  const lines = new Float64Array(48 * 2);
  const line = (n: number, sx: number, sy: number, sxx: number, sxy: number): [number, number] => {
    const varX = sxx - (sx * sx) / n;
    const b = n > 2 && varX > 1e-9 * Math.max(1, sxx) ? Math.max(0, (sxy - (sx * sy) / n) / varX) : sx > 0 ? sy / sx : 0;
    return [(sy - b * sx) / n, b];
  };
  for (let h = 0; h < 24; h++) {
    const both = [0, 1, 2, 3, 4].map((k) => s[h * 10 + k] + s[h * 10 + 5 + k]);
    for (let w = 0; w < 2; w++) {
      const g = (h * 2 + w) * 5;
      const [a, b] = s[g] >= 8 ? line(s[g], s[g + 1], s[g + 2], s[g + 3], s[g + 4]) : both[0] > 0 ? line(both[0], both[1], both[2], both[3], both[4]) : [0, 0];
      lines[(h * 2 + w) * 2] = a;
      lines[(h * 2 + w) * 2 + 1] = b;
    }
  }
  return lines;
}

function predictLine(lines: Float64Array, cal: CalendarFeatures, x: number, i: number): number {
  const g = groupOf(cal, i) * 2;
  return Math.max(0, lines[g] + lines[g + 1] * x);
}

/**
 * The pooled forecast of a short area over the study, its line fitted on `train` but its last
 * `heldOutHours` and scored on those, then refitted on all of `train`.
 */
export function pooledForecast(cal: CalendarFeatures, load: Float64Array, donor: Donor, train: Window, heldOutHours: number, study: Window): PooledFit {
  const cut = train.to - heldOutHours;
  const heldOut = new Float64Array(cal.n).fill(Number.NaN);
  const heldOutWeight = new Uint8Array(cal.n);
  const early = fitLines(cal, load, donor.load, train.from, cut);
  for (let i = cut; i < train.to; i++) {
    if (!Number.isFinite(load[i]) || !Number.isFinite(donor.load[i])) continue;
    heldOut[i] = predictLine(early, cal, donor.load[i], i);
    heldOutWeight[i] = 1;
  }
  const lines = fitLines(cal, load, donor.load, train.from, train.to);
  const hours = study.to - study.from;
  const point = Float64Array.from({ length: hours }, (_, j) => predictLine(lines, cal, donor.point[j], study.from + j));
  const own = errorModel(load, heldOut, cal.hour, QUANTILE_LEVELS, 2, heldOutWeight);
  const median = QUANTILE_LEVELS.indexOf(0.5);
  const quantiles = QUANTILE_LEVELS.map((_, k) => Float64Array.from({ length: hours }, (_, j) => {
    const h = cal.hour[study.from + j];
    const mine = own.relative[h][k];
    const d = donor.point[j] > 0 ? donor.quantiles[k][j] / donor.point[j] - donor.quantiles[median][j] / donor.point[j] : 0;
    const offset = Math.sign(mine || d || (k < median ? -1 : k > median ? 1 : 0)) * Math.sqrt(mine * mine + d * d);
    return Math.max(0, point[j] * (1 + offset));
  }));
  return { point, quantiles, heldOut, heldOutWeight, heldOutMape: heldOutMape(load, heldOut) };
}

/** MAPE (%) of held-out predictions against the load, where both are known (Infinity where none is). */
export function heldOutMape(load: ArrayLike<number>, heldOut: ArrayLike<number>): number {
  const { mape } = pointAccuracy(load, heldOut);
  return Number.isFinite(mape) ? mape : Infinity;
}
