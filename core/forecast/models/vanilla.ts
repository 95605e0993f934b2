/**
 * Tao Hong's "vanilla" benchmark (Hong 2010; the GEFCom2012 benchmark): the yardstick of load
 * forecasting.
 *   load = β0 + β1·Trend + β2·Month + β3·Weekday×Hour + f(T)
 *   f(T) = β4 T + β5 T² + β6 T³ + β7 T·Month + β8 T²·Month + β9 T³·Month + β10 T·Hour + β11 T²·Hour + β12 T³·Hour
 * Temperature is standardised before the powers are taken; that changes no fitted value (the
 * polynomial spans the same space) but keeps the normal equations well conditioned.
 */
import type { CalendarFeatures } from '../calendar-features.ts';
import { crossLevels, design, factor, intercept, numeric, slopeBy, type Design, type Term } from '../regression/terms.ts';

export interface Standardised {
  t1: Float64Array;
  t2: Float64Array;
  t3: Float64Array;
}

/**
 * Powers 1..3 of u = (x − centre) / scale. With `range` (the values seen in training), each power
 * continues along its tangent beyond the range, so the fitted curve extends in a straight line
 * instead of the cubic's runaway: a heat wave hotter than any day in the history gets the load
 * response of the hottest days, carried on, not a guess from the cubic's tail.
 */
export function powers(x: ArrayLike<number>, centre: number, scale: number, range?: { min: number; max: number }): Standardised {
  const n = x.length;
  const t1 = new Float64Array(n), t2 = new Float64Array(n), t3 = new Float64Array(n);
  const lo = range ? (range.min - centre) / scale : -Infinity;
  const hi = range ? (range.max - centre) / scale : Infinity;
  for (let i = 0; i < n; i++) {
    const u = (x[i] - centre) / scale;
    const edge = u > hi ? hi : u < lo ? lo : u;
    const d = u - edge; // 0 inside the range
    t1[i] = u;
    t2[i] = edge * edge + 2 * edge * d;
    t3[i] = edge * edge * edge + 3 * edge * edge * d;
  }
  return { t1, t2, t3 };
}

/** f(T): the cubic in temperature, and its interactions with month and with hour. */
export function temperatureTerms(name: string, p: Standardised, cal: CalendarFeatures, options: { byMonth?: boolean; byHour?: boolean; degree?: number } = {}): Term[] {
  const degree = options.degree ?? 3;
  const ts = [p.t1, p.t2, p.t3].slice(0, degree);
  const terms: Term[] = ts.map((t, k) => numeric(`${name}^${k + 1}`, t));
  if (options.byMonth ?? true) ts.forEach((t, k) => terms.push(slopeBy(`${name}^${k + 1}×month`, t, cal.month, 12)));
  if (options.byHour ?? true) ts.forEach((t, k) => terms.push(slopeBy(`${name}^${k + 1}×hour`, t, cal.hour, 24)));
  return terms;
}

export function vanillaDesign(cal: CalendarFeatures, temperature: Standardised): Design {
  const weekdayHour = crossLevels(cal.weekday, cal.hour, 24);
  return design([
    intercept(),
    numeric('trend', cal.trend),
    factor('month', cal.month, 12),
    factor('weekday×hour', weekdayHour, 168),
    ...temperatureTerms('T', temperature, cal),
  ]);
}
