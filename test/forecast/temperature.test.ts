/** Temperature lags and past-day means: an unknown hour blanks only itself. */
import { describe, expect, it } from 'vitest';
import { averageStations, filledForLags, lagged, pastDayMean } from '../../core/forecast/temperature.ts';

const NaN_ = Number.NaN;
const ramp = (n: number) => Float64Array.from({ length: n }, (_, i) => i);
const unknownCount = (a: Float64Array) => a.reduce((c, v) => c + (Number.isFinite(v) ? 0 : 1), 0);

describe('temperature lags', () => {
  it('are t[i − k], unknown for the first k hours (nothing before the axis is made up)', () => {
    const l = lagged(ramp(10), 2);
    expect(Number.isNaN(l[0]) && Number.isNaN(l[1])).toBe(true);
    expect([...l.subarray(2)]).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('lag an unknown hour by the straight line between the known hours on either side of a short gap', () => {
    const t = Float64Array.from([10, 12, NaN_, NaN_, NaN_, 20, 21]);
    expect([...filledForLags(t)]).toEqual([10, 12, 14, 16, 18, 20, 21]);
    expect(lagged(t, 1)[3]).toBe(14);
  });

  it('take the nearest known hour within 3 h beside a long gap, and stay unknown beyond', () => {
    const t = new Float64Array(20).fill(NaN_);
    t[0] = 5;
    t[19] = 7; // 18 unknown hours between: too long to draw a line across
    const f = filledForLags(t);
    expect([...f.subarray(0, 5)]).toEqual([5, 5, 5, 5, NaN_]);
    expect([...f.subarray(15)]).toEqual([NaN_, 7, 7, 7, 7]);
    // At the end of what is known (a forecast's far end) likewise: 3 hours, then unknown.
    expect([...filledForLags(Float64Array.from([1, 2, NaN_, NaN_, NaN_, NaN_]))]).toEqual([1, 2, 2, 2, 2, NaN_]);
  });

  it('leave the known hours exactly as they are', () => {
    const t = Float64Array.from({ length: 100 }, (_, i) => Math.sin(i) * 10);
    expect([...filledForLags(t)]).toEqual([...t]);
  });
});

describe('past-day means', () => {
  it('are the mean of the 24 hours that ended d − 1 days before, unknown for the first 24·d hours', () => {
    const m1 = pastDayMean(ramp(72), 1), m2 = pastDayMean(ramp(72), 2);
    expect(unknownCount(m1.subarray(0, 24))).toBe(24);
    expect(m1[24]).toBe(11.5); // hours 0..23
    expect(m1[30]).toBe(17.5); // hours 6..29
    expect(unknownCount(m2.subarray(0, 48))).toBe(48);
    expect(m2[48]).toBe(11.5);
  });

  it('average the known hours of a window when at least 18 of its 24 are known', () => {
    const t = new Float64Array(48).fill(10);
    for (let i = 0; i < 6; i++) t[i] = NaN_; // 18 known in the first day
    t[10] = 22; // the known hours: seventeen tens and a 22
    expect(pastDayMean(t, 1)[24]).toBeCloseTo((17 * 10 + 22) / 18, 12);
    t[6] = NaN_; // 17 known: too few
    expect(Number.isNaN(pastDayMean(t, 1)[24])).toBe(true);
  });

  it('leave no lag or mean unknown for one unknown hour: it blanks only itself', () => {
    const t = Float64Array.from({ length: 24 * 10 }, (_, i) => 15 + 5 * Math.sin((Math.PI * i) / 12));
    t[24 * 5 + 7] = NaN_;
    for (const x of [lagged(t, 1), lagged(t, 2), pastDayMean(t, 1), pastDayMean(t, 2)]) {
      expect(unknownCount(x.subarray(48))).toBe(0);
    }
  });
});

describe('the mean of stations', () => {
  const hours = 500;
  const base = Float64Array.from({ length: hours }, (_, i) => 20 + 8 * Math.sin((2 * Math.PI * i) / 24));
  const warm = Float64Array.from(base, (v) => v + 3);
  const cool = Float64Array.from(base, (v, i) => v - 1 + 0.2 * Math.sin(i));

  it('is the plain mean of the stations where all are known', () => {
    const m = averageStations([base, warm, cool], [0, 1, 2]);
    for (let i = 0; i < hours; i++) expect(m[i]).toBeCloseTo((base[i] + warm[i] + cool[i]) / 3, 12);
  });

  it('keeps an hour a station missed, standing the others in by their usual offset: a warm station left alone does not warm it', () => {
    const gappyBase = base.slice(), gappyCool = cool.slice();
    gappyBase[100] = Number.NaN;
    gappyCool[100] = Number.NaN;
    const full = averageStations([base, warm, cool], [0, 1, 2]);
    const m = averageStations([gappyBase, warm, gappyCool], [0, 1, 2]);
    expect(Number.isFinite(m[100])).toBe(true);
    expect(Math.abs(m[100] - full[100])).toBeLessThan(0.2); // the warm station alone reads 3.3 °C above the mean
    expect(m[101]).toBe(full[101]);
  });

  it('is unknown only where every station is', () => {
    const a = base.slice(), b = warm.slice();
    a[7] = Number.NaN; b[7] = Number.NaN; a[8] = Number.NaN;
    const m = averageStations([a, b], [0, 1]);
    expect(Number.isNaN(m[7])).toBe(true);
    expect(Number.isFinite(m[8])).toBe(true);
  });
});
