/**
 * Hourly temperature from daily values (max, min and/or mean), for weather that comes one row per
 * day, as Chinese weather services and many load datasets give it.
 *
 * The shape is the two-part cosine used in crop and building models (after De Wit 1978; Cesaraccio
 * et al. 2001 refine the hours by sunrise): the minimum at 05:00, near sunrise, the maximum at
 * 15:00; from the minimum to the maximum a half cosine rises over 10 hours, from the maximum to the
 * next day's minimum another falls over 14, so the night joins one day's maximum to the next day's
 * minimum and the curve is continuous from day to day. With s in [0, 1] the half cosine,
 *
 *   T(h) = lo + (hi − lo) · s(h)^p
 *
 * where lo and hi are the minimum and maximum the segment joins. p = 1 is the plain shape (its daily
 * mean is near (max + min) / 2). Where the day's mean is given too, p is chosen for that day so that
 * the mean of its 24 hourly values equals it (within MEAN_TOLERANCE_C): p > 1 keeps the curve near
 * the minimum longer (a mean below the midrange, usual on clear nights), p < 1 near the maximum.
 * The maximum and the minimum are still reached exactly at their hours, whatever p. Over the two
 * hours either side of midnight p passes linearly to the next day's, so the curve has no step there.
 *
 * A day with only its mean is that mean in every hour (no shape can be known); a day with neither
 * is unknown (NaN). A neighbour day that is not known by its max and min is replaced by the day
 * itself (the first night falls from the first day's own maximum, the last from its own).
 *
 * The value of the hour that starts at clock hour h is the curve at h:00 (as hourly observations
 * are read at the hour).
 */

export interface DiurnalShape {
  /** Clock hour of the day's minimum (near sunrise). */
  minHour: number;
  /** Clock hour of the day's maximum (mid-afternoon). */
  maxHour: number;
}

export const DIURNAL_SHAPE: DiurnalShape = { minHour: 5, maxHour: 15 };

/** How close the curve's daily mean comes to a given mean, °C. */
export const MEAN_TOLERANCE_C = 0.05;

export interface DailyTemperatures {
  /** Per day (NaN where unknown), °C. */
  max: Float64Array;
  min: Float64Array;
  mean: Float64Array;
}

export interface DiurnalCurve {
  /** Temperature on day `day` (index into the daily arrays) at clock hour `hour` (0 ≤ hour < 24). */
  at(day: number, hour: number): number;
  /** Days made from max and min (with their mean where one is given), from the mean alone, or unknown. */
  shaped: number;
  flat: number;
  unknown: number;
  /** Days whose given mean the curve could not reach within MEAN_TOLERANCE_C (a mean almost at the max or min). */
  meanMissed: number[];
}

const P_LOW = Math.log(1 / 20), P_HIGH = Math.log(20);
/** Hours either side of midnight over which one day's exponent hands over to the next's. */
const BLEND_HOURS = 2;

export function diurnalCurve(daily: DailyTemperatures, shape: DiurnalShape = DIURNAL_SHAPE): DiurnalCurve {
  const days = daily.max.length;
  const { minHour, maxHour } = shape;
  const rise = maxHour - minHour, fall = 24 - rise;
  const hasShape = (d: number) => d >= 0 && d < days && Number.isFinite(daily.max[d]) && Number.isFinite(daily.min[d]);
  const p = new Float64Array(days).fill(1);

  /** Day d's exponent at clock hour h: its own, blended with the neighbour's over the 2 h either side of midnight. */
  const exponent = (d: number, h: number): number => {
    const toMidnight = h < 12 ? h : 24 - h;
    if (toMidnight >= BLEND_HOURS) return p[d];
    const other = h < 12 ? d - 1 : d + 1;
    const q = hasShape(other) ? p[other] : p[d];
    const w = (1 - toMidnight / BLEND_HOURS) / 2; // 1/2 at midnight, where both days meet
    return p[d] * (1 - w) + q * w;
  };

  /** The half cosine at clock hour h, and which segment h is on (0: night before, 1: rise, 2: evening). */
  const segment = (h: number): number => (h >= minHour && h <= maxHour ? 1 : h > maxHour ? 2 : 0);
  const cosine = (h: number): number => {
    const k = segment(h);
    if (k === 1) return (1 - Math.cos((Math.PI * (h - minHour)) / rise)) / 2;
    return (1 + Math.cos((Math.PI * (k === 2 ? h - maxHour : h + 24 - maxHour)) / fall)) / 2;
  };
  const atHour = Float64Array.from({ length: 24 }, (_, h) => cosine(h)); // the same every day

  const at = (d: number, h: number): number => {
    if (!hasShape(d)) return Number.isFinite(daily.mean[d]) ? daily.mean[d] : Number.NaN;
    const k = segment(h);
    const lo = k === 2 && hasShape(d + 1) ? daily.min[d + 1] : daily.min[d];
    const hi = k === 0 && hasShape(d - 1) ? daily.max[d - 1] : daily.max[d];
    const s = Number.isInteger(h) ? atHour[h] : cosine(h);
    return lo + (hi - lo) * (s <= 0 ? 0 : s >= 1 ? 1 : s ** exponent(d, h));
  };

  const dayMean = (d: number) => {
    let sum = 0;
    for (let h = 0; h < 24; h++) sum += at(d, h);
    return sum / 24;
  };

  // Exponents for the days with a mean: a few sweeps, as each day's mean depends a little on its
  // neighbours' exponents; each day by bisection on log p (the mean falls as p grows).
  const fitted: number[] = [];
  for (let d = 0; d < days; d++) if (hasShape(d) && Number.isFinite(daily.mean[d])) fitted.push(d);
  let work = fitted;
  for (let sweep = 0; sweep < 20 && work.length; sweep++) {
    for (const d of work) {
      const target = daily.mean[d];
      let a = P_LOW, b = P_HIGH;
      for (let k = 0; k < 30; k++) {
        const mid = (a + b) / 2;
        p[d] = Math.exp(mid);
        if (dayMean(d) > target) a = mid;
        else b = mid;
      }
      p[d] = Math.exp((a + b) / 2);
    }
    // Again only the days still off their mean (a neighbour's new exponent moved them) and not
    // already at the end of the range of exponents (a mean the shape cannot reach).
    const touched = new Set<number>();
    for (const d of work) for (const e of [d - 1, d, d + 1]) if (e >= 0 && e < days) touched.add(e);
    work = [...touched].filter((d) => {
      if (!hasShape(d) || !Number.isFinite(daily.mean[d])) return false;
      const log = Math.log(p[d]);
      const atBound = log < P_LOW + 1e-6 || log > P_HIGH - 1e-6;
      return !atBound && Math.abs(dayMean(d) - daily.mean[d]) > MEAN_TOLERANCE_C / 10;
    }).sort((a, b) => a - b);
  }

  let shaped = 0, flat = 0, unknown = 0;
  const meanMissed: number[] = [];
  for (let d = 0; d < days; d++) {
    if (hasShape(d)) shaped++;
    else if (Number.isFinite(daily.mean[d])) flat++;
    else unknown++;
  }
  for (const d of fitted) if (Math.abs(dayMean(d) - daily.mean[d]) > MEAN_TOLERANCE_C) meanMissed.push(d);
  return { at, shaped, flat, unknown, meanMissed };
}
