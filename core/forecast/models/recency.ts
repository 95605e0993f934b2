/**
 * Orderly's load model: one regression per hour of the day, on
 *   trend (with yearly hinges), month, kind of day (holidays read as Sundays, 调休 Saturdays as
 *   working days), the neighbours of holidays,
 *   f(T) + g(T−1 h) + g(T−2 h) + g(mean T of the last 24 h) + g(mean T of the 24 h before), where
 *   f(x) = x + x² + x³ + x·Month + x²·Month + x³·Month and g(x) = x + x² + x³.
 * Twenty-four models of ~90 columns capture hour-specific behaviour (the vanilla model's T×Hour
 * terms) and cost far less to fit than one of ~800. The recency terms follow Wang, Liu & Hong
 * (IJF 2016). Chosen on GEFCom2012 by validation on the last training year (2004–05 → 2006) and
 * by cost; never on the test year.
 */
import type { CalendarFeatures } from '../calendar-features.ts';
import { design, factor, intercept, numeric, type Design, type Term } from '../regression/terms.ts';
import { lagged, pastDayMean } from '../temperature.ts';
import { powers, temperatureTerms } from './vanilla.ts';

export interface RecencySpec {
  /** Hourly temperature lags (1 h, 2 h, …). */
  lags: number;
  /** Means of past days (the last 24 h, the 24 h before, …). */
  pastDays: number;
}

export const DEFAULT_RECENCY: RecencySpec = { lags: 2, pastDays: 2 };

/**
 * The recency terms a series may choose among, by validation on its last held-out year (Wang,
 * Liu & Hong chose them per zone the same way): hourly lags 0–12, past-day means 1–5. One design
 * with the largest holds them all; a smaller choice leaves columns out of the solve. On GEFCom2012
 * (2004–06 → 2007, the choice made on 2006 from 2004–05) the system's MAPE went from 4.13 % with
 * two and two for every zone to 3.98 %; a grid of 6 and 3 gave 4.01 %.
 */
export const LARGEST_RECENCY: RecencySpec = { lags: 12, pastDays: 5 };

/** Knots of the yearly hinges, in years from the axis start, for training that ends at `endYears`. */
export function hingeKnots(endYears: number): number[] {
  const knots: number[] = [];
  for (let k = 1; k <= endYears - 1 + 1e-9; k++) knots.push(k);
  return knots;
}

export interface RecencyDesign {
  design: Design;
  /** Column of each hinge knot, so a shorter fit can leave out knots after its end. */
  hingeColumns: Array<{ knot: number; column: number }>;
  /** Columns of each hourly lag and each past-day mean, so a smaller recency can leave them out. */
  recencyColumns?: { lags: number[][]; pastDays: number[][] };
}

/** The columns to leave out of a design built with `built` recency for a smaller `spec`. */
export function recencyDrop(d: RecencyDesign, spec: RecencySpec): number[] {
  const r = d.recencyColumns;
  if (!r) return [];
  return [...r.lags.slice(spec.lags).flat(), ...r.pastDays.slice(spec.pastDays).flat()];
}

/**
 * Days from 正月初一 in bins, 0 outside the Spring Festival period (and on calendars that are not
 * Chinese): industry winds down from about three weeks before, stops over the break, and comes
 * back over the weeks after, to the Lantern Festival (day 14, its own bin) and beyond. Each bin is
 * a few days of each year, so a year of history gives each of them several days per hour model.
 */
const SPRING_FESTIVAL_EDGES = [-20, -14, -9, -5, -2, -1, 0, 1, 2, 3, 7, 10, 14, 15, 21, 28, 36, 46];
export const SPRING_FESTIVAL_BINS = SPRING_FESTIVAL_EDGES.length; // levels incl. 0 = outside

export function springFestivalBins(cal: CalendarFeatures): Uint8Array {
  const out = new Uint8Array(cal.n);
  for (let i = 0; i < cal.n; i++) {
    const d = cal.springFestival[i];
    if (d < SPRING_FESTIVAL_EDGES[0] || d >= SPRING_FESTIVAL_EDGES[SPRING_FESTIVAL_EDGES.length - 1]) continue;
    let b = 0;
    while (b + 1 < SPRING_FESTIVAL_EDGES.length && d >= SPRING_FESTIVAL_EDGES[b + 1]) b++;
    out[i] = b + 1;
  }
  return out;
}

/** The Spring Festival term, where the series has a Chinese calendar (no columns otherwise). */
export function springFestivalTerms(cal: CalendarFeatures): Term[] {
  const bins = springFestivalBins(cal);
  return bins.some((b) => b > 0) ? [factor('spring festival', bins, SPRING_FESTIVAL_BINS)] : [];
}

/**
 * Yearly hinges max(0, trend − k) let the level bend from year to year (growth changes, a plant
 * closing); a fit uses only knots at least a year before its end, so the slope it carries into a
 * forecast is always estimated from a full year.
 */
export function recencyDesign(
  cal: CalendarFeatures,
  temperature: Float64Array,
  standard: { centre: number; scale: number },
  knots: number[],
  spec: RecencySpec = DEFAULT_RECENCY,
  /** Temperatures seen in training: beyond them the response continues linearly. */
  range?: { min: number; max: number },
): RecencyDesign {
  const p = (x: Float64Array) => powers(x, standard.centre, standard.scale, range);
  const hinges: Term[] = knots.map((k) => {
    const h = new Float64Array(cal.n);
    for (let i = 0; i < cal.n; i++) h[i] = Math.max(0, cal.trend[i] - k);
    return numeric(`trend>${k}y`, h);
  });
  const terms: Term[] = [
    intercept(),
    numeric('trend', cal.trend),
    ...hinges,
    factor('month', cal.month, 12),
    factor('day kind', cal.effectiveWeekday, 7),
    factor('holiday neighbour', cal.holiday, 4),
    ...springFestivalTerms(cal),
    ...temperatureTerms('T', p(temperature), cal, { byHour: false }),
  ];
  const plain = { byHour: false, byMonth: false };
  const lagTerms: number[][] = [], dayTerms: number[][] = [];
  const add = (list: number[][], ts: Term[]) => { list.push(ts.map((_, j) => terms.length + j)); terms.push(...ts); };
  for (let k = 1; k <= spec.lags; k++) add(lagTerms, temperatureTerms(`T−${k}h`, p(lagged(temperature, k)), cal, plain));
  for (let d = 1; d <= spec.pastDays; d++) add(dayTerms, temperatureTerms(`T̄day−${d}`, p(pastDayMean(temperature, d)), cal, plain));
  const built = design(terms);
  // Each of these terms is one column wide: its offset is its column.
  const columns = (list: number[][]) => list.map((ts) => ts.map((t) => built.offsets[t]));
  return {
    design: built,
    hingeColumns: knots.map((knot, k) => ({ knot, column: built.offsets[2 + k] })),
    recencyColumns: { lags: columns(lagTerms), pastDays: columns(dayTerms) },
  };
}

/**
 * The model for a history too short for the full one (under a year: forecast/sufficiency.ts):
 * per hour of the day, the kind of day and a cubic in the hour's and the last day's temperature —
 * about a dozen columns where the full model has ~90, so that four weeks of history fit it
 * without fitting the noise. No trend (a few months show none worth carrying), no month.
 */
export function compactDesign(
  cal: CalendarFeatures,
  temperature: Float64Array,
  standard: { centre: number; scale: number },
  range?: { min: number; max: number },
): RecencyDesign {
  const p = (x: Float64Array) => powers(x, standard.centre, standard.scale, range);
  const plain = { byHour: false, byMonth: false };
  const built = design([
    intercept(),
    factor('day kind', cal.effectiveWeekday, 7),
    ...springFestivalTerms(cal),
    ...temperatureTerms('T', p(temperature), cal, plain),
    ...temperatureTerms('T̄day−1', p(pastDayMean(temperature, 1)), cal, { ...plain, degree: 2 }),
  ]);
  return { design: built, hingeColumns: [] };
}
