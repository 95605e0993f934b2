/**
 * The rolling day-ahead backtest: over a test window, a forecast issued every day at the issue
 * hour for the next 1–7 days, scored by horizon day against the same model without measured load
 * (the year-ahead forecast) and vanilla, on the same hours.
 */
import type { CalendarFeatures } from './calendar-features.ts';
import type { Window } from './forecast.ts';
import type { ErrorModel } from './quantiles.ts';
import { fitCorrection, issueForecast, issueIndices, RecentErrors, issueSignals, CALIBRATION_DAYS, type Correction, type RollingOptions } from './rolling.ts';

export interface HorizonScore {
  /** Day after the issue day (1 = tomorrow). */
  day: number;
  hours: number;
  /** MAPE, %: issued with measured load, the model without it, vanilla; on the same hours. */
  mape: { rolling: number; model: number; vanilla: number };
  /** Share of actuals inside the issued P10–P90, %. */
  coverage80: number;
}

export interface RollingReport {
  issueHour: number;
  horizonDays: number;
  /** Issues scored, and of them those the measured load could not correct (its last day unknown). */
  issues: number;
  uncorrected: number;
  byDay: HorizonScore[];
  /** How the correction and the intervals were fitted, in words (null correction: why not). */
  calibration: string;
  correction: Correction | null;
}

export interface RollingInput {
  cal: CalendarFeatures;
  actual: ArrayLike<number>;
  /** The model's point forecast on the axis over the test window (NaN elsewhere). */
  model: ArrayLike<number>;
  /** Vanilla's point forecast on the axis over the test window. */
  vanilla: ArrayLike<number>;
  /** The model's held-out predictions on the axis (NaN where not held out). */
  heldOut: ArrayLike<number>;
  /** The model's own error model, for horizons the correction cannot serve. */
  errors: ErrorModel;
  /** The temperature the model forecast with, on the axis (NaN where unknown): the correction reads how the weather changes too. */
  temperature?: ArrayLike<number>;
  test: Window;
}

export function rollingBacktest(input: RollingInput, options: RollingOptions): RollingReport {
  const { cal, actual, test } = input;
  const correction = fitCorrection(actual, input.heldOut, cal, options, input.temperature ? { temperature: input.temperature } : {});
  const H = options.horizonDays;
  const sums = Array.from({ length: H + 1 }, () => ({ hours: 0, rolling: 0, model: 0, vanilla: 0, inside: 0 }));
  let issues = 0, uncorrected = 0;
  const lo = input.errors.levels.indexOf(0.1), hi = input.errors.levels.indexOf(0.9);
  // The intervals are calibrated on verified forecasts: first the held-out ones of the last
  // CALIBRATION_DAYS before the test window, then the test window's own as they are verified.
  const recent = new RecentErrors(H);
  if (correction) {
    for (const s of issueIndices(cal, test.from - CALIBRATION_DAYS * 24, test.from, options.issueHour)) {
      if (!issueSignals({ actual, model: input.heldOut, cal }, s)) continue;
      const seeded = issueForecast(actual, input.heldOut, cal, s, test.from, correction, input.errors, H, undefined, input.temperature);
      for (const d of seeded.days) d.point.forEach((p, j) => recent.add(d.day, cal.hour[d.window.from + j], actual[d.window.from + j], p, d.window.from + j + 1));
    }
  }
  // Issues whose last 24 hours lie inside the test window (the model's forecast is known there).
  for (const s of issueIndices(cal, test.from + 24, test.to, options.issueHour)) {
    const issued = issueForecast(actual, input.model, cal, s, test.to, correction, input.errors, H, recent, input.temperature);
    for (const d of issued.days) d.point.forEach((p, j) => recent.add(d.day, cal.hour[d.window.from + j], actual[d.window.from + j], p, d.window.from + j + 1));
    issues++;
    if (!issued.corrected) uncorrected++;
    for (const d of issued.days) {
      if (d.day < 1) continue;
      const acc = sums[d.day];
      for (let j = 0; j < d.point.length; j++) {
        const t = d.window.from + j, a = actual[t], v = input.vanilla[t];
        if (!Number.isFinite(a) || a <= 0 || !Number.isFinite(v)) continue;
        acc.hours++;
        acc.rolling += Math.abs(d.point[j] - a) / a;
        acc.model += Math.abs(input.model[t] - a) / a;
        acc.vanilla += Math.abs(v - a) / a;
        if (lo >= 0 && hi >= 0 && a >= d.quantiles[lo][j] && a <= d.quantiles[hi][j]) acc.inside++;
      }
    }
  }
  const pct = (x: number, n: number) => (n ? (100 * x) / n : 0);
  const byDay = sums.slice(1).map((acc, k) => ({
    day: k + 1, hours: acc.hours,
    mape: { rolling: pct(acc.rolling, acc.hours), model: pct(acc.model, acc.hours), vanilla: pct(acc.vanilla, acc.hours) },
    coverage80: pct(acc.inside, acc.hours),
  })).filter((d) => d.hours > 0);
  const calibration = correction
    ? `measured-load correction per horizon day fitted on the model's held-out errors (${correction.issues} issue times before the test window${temperatureNote(correction)}); ` +
      `P10–P90 of each horizon day from the errors of that day's forecasts verified in the last ${CALIBRATION_DAYS} days before the issue (held-out forecasts before the test window)`
    : `no correction: fewer than 30 issue times with held-out errors before the test window; the model's own quantiles are used`;
  return { issueHour: options.issueHour, horizonDays: H, issues, uncorrected, byDay, calibration, correction };
}

/** Which horizon days the temperature's signals serve, in words ('' without a temperature). */
function temperatureNote(c: Correction): string {
  if (!c.temperature || !c.temperatureKept) return '';
  const days = c.temperatureKept.flatMap((kept, k) => (kept ? [k === 0 ? 'the issue day' : `day ${k}`] : []));
  return `; the temperature's signals kept, by 3-fold cross-validation over those issues, for ${days.length ? days.join(', ') : 'no day'}`;
}
