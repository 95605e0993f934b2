/**
 * The model for a history under two years: chosen, and its errors measured, inside the history.
 *
 * With one year nothing holds a year out: the full model's held-out origins need two. Fitting it
 * anyway and widening its in-sample residuals failed on real data twice over (twice vanilla's
 * error with one year of a Chinese utility, an 80 % interval covering 17 % of hours): a trend
 * fitted inside one year is the season seen twice, and extrapolated a year it runs away; and the
 * residuals of a fit say nothing of the errors of a forecast.
 *
 * So, with under two years:
 *  - no trend: one year cannot tell growth from season (a note says the level is the history's);
 *  - candidates of decreasing size — Orderly's model (two hourly lags, two past days), the compact
 *    model (kind of day and the temperature, per hour), vanilla's terms — each fitted on three of
 *    four interleaved folds of whole months and scored on the months it left out; the one with the
 *    smallest cross-validated MAPE is fitted on the whole history;
 *  - its quantiles from those cross-validated errors: errors of predictions made without the
 *    hours they are scored on, as a forecast's are.
 */
import type { CalendarFeatures } from './calendar-features.ts';
import { compactDesign, springFestivalTerms } from './models/recency.ts';
import { probit } from './sufficiency.ts';
import { powers, temperatureTerms, vanillaDesign } from './models/vanilla.ts';
import { applyErrorModel, errorModel, QUANTILE_LEVELS, type ErrorModel } from './quantiles.ts';
import { accumulateBlocks, solveBlocks } from './regression/blocks.ts';
import { predictListed, predictRows } from './regression/least-squares.ts';
import { fingerprint, gramOf, type GramCache } from './regression/shared-gram.ts';
import { design, factor, intercept, materialize, type Design } from './regression/terms.ts';
import { centreAndScale, lagged, pastDayMean } from './temperature.ts';

/** Folds of whole months, interleaved: month m of the history is in fold m mod FOLDS. */
export const FOLDS = 4;

export type ShortCandidate = 'recency' | 'compact' | 'vanilla terms';

export interface ShortChoice {
  chosen: ShortCandidate;
  /** Cross-validated MAPE of each candidate, %. */
  cvMape: Record<ShortCandidate, number>;
}

/** A window on the hourly axis: first index (inclusive) and end (exclusive). */
interface Window { from: number; to: number }

/** What forecastShortHistory gives: the fields of a series forecast (forecast.ts) it fills. */
export interface ShortForecast {
  model: 'best';
  target: Window;
  point: Float64Array;
  levels: number[];
  quantiles: Float64Array[];
  stations: number[];
  errors: ErrorModel;
  heldOut: Float64Array;
  heldOutWeight: Uint8Array;
  shortChoice: ShortChoice;
  calibration: string;
}

interface Candidate {
  name: ShortCandidate;
  design: Design;
  /** One model per hour of the day (24 groups) or one for all hours. */
  perHour: boolean;
  drop: Set<number>;
}

/**
 * How far the level of load may move from the history's in a year, as a standard deviation: an
 * assumption, not a measurement (one year cannot measure it). China's provincial loads grew 0–15 %
 * a year in 2009–2016, US utilities' −2–3 %. 10 % a year gave 80 % intervals covering 74–84 % of
 * a year forecast from one year on GEFCom2012's zones and 74–78 % on three synthetic Chinese
 * series growing 6 % a year (scratch study, not tuned on any test year of a target).
 */
export const LEVEL_SD_PER_YEAR = 0.1;

/**
 * Quantiles widened for the level's drift beyond the history: each level's offset from the point
 * forecast and z·σ(lead)·point added in quadrature, σ growing with the lead (linearly, to two
 * years). Hours inside the history (lead 0) keep the cross-validated spread alone.
 */
export function widenForLevel(quantiles: Float64Array[], point: Float64Array, target: Window, historyEnd: number, sdPerYear = LEVEL_SD_PER_YEAR): Float64Array[] {
  return quantiles.map((q, k) => {
    const z = probit(QUANTILE_LEVELS[k]);
    return Float64Array.from(q, (v, j) => {
      const lead = Math.min(2, Math.max(0, (target.from + j - historyEnd) / 8766));
      const offset = v - point[j], extra = z * sdPerYear * lead * point[j];
      const wide = Math.sign(offset || z) * Math.sqrt(offset * offset + extra * extra);
      return Math.max(0, point[j] + wide);
    });
  });
}

export function forecastShortHistory(
  cal: CalendarFeatures,
  load: Float64Array,
  temperature: Float64Array,
  train: Window,
  target: Window,
  usable: (i: number) => boolean,
  stations: number[],
  /**
   * Designs and their X'X already accumulated by series on the same calendar, temperature and
   * rows (a scenario's areas on one station: shared-gram.ts); keyed by `calendarKey`.
   */
  shared?: { cache: GramCache<{ cal: CalendarFeatures; d: Design }>; calendarKey: string },
): ShortForecast {
  const standard = centreAndScale(temperature);
  let min = Infinity, max = -Infinity;
  for (let i = train.from; i < train.to; i++) {
    if (!usable(i) || !Number.isFinite(temperature[i])) continue;
    if (temperature[i] < min) min = temperature[i];
    if (temperature[i] > max) max = temperature[i];
  }
  const range = min < max ? { min, max } : undefined;
  const p = (x: Float64Array) => powers(x, standard.centre, standard.scale, range);
  const plain = { byHour: false, byMonth: false };
  // No month terms: with one year each month is seen once, and its own temperature response,
  // fitted on its own weeks, does not carry to the same month of another year.
  const recency = design([
    intercept(),
    factor('day kind', cal.effectiveWeekday, 7),
    factor('holiday neighbour', cal.holiday, 4),
    ...springFestivalTerms(cal),
    ...temperatureTerms('T', p(temperature), cal, plain),
    ...[1, 2].flatMap((k) => temperatureTerms(`T−${k}h`, p(lagged(temperature, k)), cal, plain)),
    ...[1, 2].flatMap((d) => temperatureTerms(`T̄day−${d}`, p(pastDayMean(temperature, d)), cal, plain)),
  ]);
  const vanilla = vanillaDesign(cal, powers(temperature, standard.centre, standard.scale));
  const candidates: Candidate[] = [
    { name: 'recency', design: recency, perHour: true, drop: new Set() },
    { name: 'compact', design: compactDesign(cal, temperature, standard, range).design, perHour: true, drop: new Set() },
    // Column 1 is the trend (after the intercept): left out.
    { name: 'vanilla terms', design: vanilla, perHour: false, drop: new Set([vanilla.offsets[1]]) },
  ];

  const fold = new Int8Array(cal.n).fill(-1);
  // Whole calendar months left out: a month predicted from the other months, as next year's
  // months will be (weeks left out would be interpolated from their own month's other weeks, and
  // reward terms fitted month by month that do not carry to another year).
  let months = 0, lastMonth = -1;
  const monthIndex = new Int32Array(cal.n);
  for (let i = train.from; i < train.to; i++) {
    if (cal.month[i] !== lastMonth) { if (lastMonth >= 0) months++; lastMonth = cal.month[i]; }
    monthIndex[i] = months;
  }
  for (let i = train.from; i < train.to; i++) if (usable(i)) fold[i] = monthIndex[i] % FOLDS;
  const foldRows = Array.from({ length: FOLDS }, (_, f) => {
    const rows: number[] = [];
    for (let i = train.from; i < train.to; i++) if (fold[i] === f) rows.push(i);
    return Int32Array.from(rows);
  });
  const group = (c: Candidate) => (c.perHour ? cal.hour : new Uint8Array(cal.n));

  let best: { c: Candidate; cv: Float64Array; mape: number; d: Design; sums: ReturnType<typeof accumulateBlocks> } | null = null;
  const cvMape = {} as Record<ShortCandidate, number>;
  const rowsKey = shared ? `${shared.calendarKey}|short|${train.from}-${train.to}|${fingerprint(temperature, fold)}` : '';
  for (const c of candidates) {
    const key = `${rowsKey}|${c.name}`;
    const found = shared?.cache.get(key);
    const kept = found && found.design.cal === cal ? found : undefined;
    const d = kept?.design.d ?? materialize(c.design, cal.n);
    // The rows are those of fold ≥ 0, usable (load known): part of the key.
    const sums = accumulateBlocks(d, load, cal.n, group(c), c.perHour ? 24 : 1, fold, FOLDS, kept);
    if (shared && !kept) shared.cache.set(key, gramOf({ cal, d }, sums));
    const cv = new Float64Array(cal.n).fill(Number.NaN);
    for (let f = 0; f < FOLDS; f++) predictListed(d, solveBlocks(sums, (b) => b !== f, c.drop), c.perHour ? cal.hour : null, foldRows[f], cv);
    let sum = 0, count = 0;
    for (let i = train.from; i < train.to; i++) {
      if (fold[i] < 0 || !(load[i] > 0) || !Number.isFinite(cv[i])) continue;
      sum += Math.abs(cv[i] - load[i]) / load[i];
      count++;
    }
    const mape = count ? (100 * sum) / count : Infinity;
    cvMape[c.name] = mape;
    if (!best || mape < best.mape) best = { c, cv, mape, d, sums };
  }
  const chosen = best!;
  const coefficients = solveBlocks(chosen.sums, () => true, chosen.c.drop);
  const all = predictRows(chosen.d, coefficients, cal.n, chosen.c.perHour ? cal.hour : null, target.from, target.to);
  const point = all.slice(target.from, target.to);
  const weight = Uint8Array.from(chosen.cv, (v) => (Number.isFinite(v) ? 1 : 0));
  const errors = errorModel(load, chosen.cv, cal.hour, QUANTILE_LEVELS, 1, weight);
  const quantiles = widenForLevel(applyErrorModel(errors, point, cal.hour.subarray(target.from, target.to)), point, target, train.to);
  return {
    model: 'best',
    target,
    point,
    levels: errors.levels,
    quantiles,
    stations,
    errors,
    heldOut: chosen.cv,
    heldOutWeight: weight,
    shortChoice: { chosen: chosen.c.name, cvMape },
    calibration: `cross-validated: each of ${FOLDS} folds of whole months forecast from the other months (the ${chosen.c.name} model, chosen so); ` +
      `beyond the history the level's drift is assumed, ±${Math.round(100 * LEVEL_SD_PER_YEAR)} % a year (one standard deviation), not measured`,
  };
}
