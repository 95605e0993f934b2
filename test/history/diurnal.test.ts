/** The diurnal shape that turns daily temperatures (max, min, mean) into hours. */
import { describe, expect, it } from 'vitest';
import { DIURNAL_SHAPE, diurnalCurve, MEAN_TOLERANCE_C, type DailyTemperatures } from '../../core/history/diurnal.ts';
import { createRng } from '../../core/random/rng.ts';

/**
 * A month of plausible days, seeded: min 15–25 °C, range 4–14 °C, and when asked a mean 35–60 % of
 * the way from the minimum to the maximum (observed daily means lie mostly a little below the midrange).
 */
function month(seed: string, withMean: boolean): DailyTemperatures {
  const rng = createRng(seed);
  const days = 30;
  const t: DailyTemperatures = { max: new Float64Array(days), min: new Float64Array(days), mean: new Float64Array(days).fill(Number.NaN) };
  for (let d = 0; d < days; d++) {
    t.min[d] = rng.uniform(15, 25);
    t.max[d] = t.min[d] + rng.uniform(4, 14);
    if (withMean) t.mean[d] = t.min[d] + (t.max[d] - t.min[d]) * rng.uniform(0.35, 0.6);
  }
  return t;
}

const hoursOf = (at: (d: number, h: number) => number, d: number) => Array.from({ length: 24 }, (_, h) => at(d, h));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('the diurnal shape', () => {
  it('puts the minimum at 05:00 and the maximum at 15:00, exactly, with or without a mean to keep', () => {
    expect(DIURNAL_SHAPE).toEqual({ minHour: 5, maxHour: 15 });
    for (const withMean of [false, true]) {
      const t = month(`extremes ${withMean}`, withMean);
      const curve = diurnalCurve(t);
      for (let d = 0; d < 30; d++) {
        expect(curve.at(d, 5)).toBeCloseTo(t.min[d], 10);
        expect(curve.at(d, 15)).toBeCloseTo(t.max[d], 10);
        // Between them it rises; every hour lies between the extremes it joins.
        const hours = hoursOf(curve.at, d);
        for (let h = 6; h <= 15; h++) expect(hours[h]).toBeGreaterThanOrEqual(hours[h - 1]);
        const joined = [t.min[d], t.max[d], t.min[Math.min(29, d + 1)], t.max[Math.max(0, d - 1)]];
        const lo = Math.min(...joined), hi = Math.max(...joined);
        for (const v of hours) expect(v >= lo - 1e-9 && v <= hi + 1e-9).toBe(true);
      }
    }
  });

  it('keeps each day\'s given mean within 0.05 °C', () => {
    const t = month('means', true);
    const curve = diurnalCurve(t);
    expect(curve.meanMissed).toEqual([]);
    for (let d = 0; d < 30; d++) expect(Math.abs(mean(hoursOf(curve.at, d)) - t.mean[d])).toBeLessThanOrEqual(MEAN_TOLERANCE_C);
    expect(curve.shaped).toBe(30);
  });

  it('gives a daily mean near the midrange when no mean is given', () => {
    const t = month('midrange', false);
    const curve = diurnalCurve(t);
    for (let d = 1; d < 29; d++) {
      const midrange = (t.max[d] + t.min[d]) / 2;
      expect(Math.abs(mean(hoursOf(curve.at, d)) - midrange)).toBeLessThan(0.25 * (t.max[d] - t.min[d]));
    }
  });

  it('has no step at midnight, the night joining one day\'s maximum to the next day\'s minimum', () => {
    const t = month('midnight', true);
    const curve = diurnalCurve(t);
    for (let d = 0; d < 29; d++) expect(Math.abs(curve.at(d, 23.999) - curve.at(d + 1, 0))).toBeLessThan(0.01);
  });

  it('is the mean in every hour of a day with only its mean, and unknown on a day with nothing', () => {
    const t: DailyTemperatures = { max: Float64Array.from([30, NaN, NaN]), min: Float64Array.from([20, NaN, NaN]), mean: Float64Array.from([NaN, 24, NaN]) };
    const curve = diurnalCurve(t);
    expect(hoursOf(curve.at, 1)).toEqual(new Array(24).fill(24));
    expect(hoursOf(curve.at, 2).every(Number.isNaN)).toBe(true);
    expect(curve.at(0, 23)).toBeGreaterThan(20); // the first day's evening falls toward its own minimum
    expect([curve.shaped, curve.flat, curve.unknown]).toEqual([1, 1, 1]);
  });

  it('says which days a mean almost at the maximum could not reach', () => {
    const t: DailyTemperatures = { max: Float64Array.from([30]), min: Float64Array.from([10]), mean: Float64Array.from([29.99]) };
    expect(diurnalCurve(t).meanMissed).toEqual([0]);
  });
});
