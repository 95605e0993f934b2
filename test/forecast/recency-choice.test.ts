/**
 * A series chooses its recency terms (hourly temperature lags, past-day means) on its last
 * held-out year, inside the training data: never on what it forecasts.
 */
import { describe, expect, it } from 'vitest';
import { forecastSeries, type SeriesInput } from '../../core/forecast/forecast.ts';
import { createRng } from '../../core/random/rng.ts';
import { resolveZone } from '../../core/time/zone.ts';

/** Three years and a month of hourly load that answers the temperature of eight hours before. */
function laggedResponse(): SeriesInput {
  const rng = createRng('recency');
  const n = 3 * 8766 + 24 * 31;
  const t = new Float64Array(n), load = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const day = Math.floor(i / 24), hour = i % 24;
    t[i] = 15 + 12 * Math.sin((2 * Math.PI * (day - 110)) / 365.25) + 6 * Math.sin((Math.PI * (hour - 9)) / 12) + 2 * rng.normal();
  }
  for (let i = 0; i < n; i++) {
    const slow = t[Math.max(0, i - 8)];
    load[i] = 500 + 40 * Math.sin((Math.PI * ((i % 24) - 6)) / 12) + 0.6 * (slow - 15) ** 2 + 5 * rng.normal();
  }
  return { startMs: Date.UTC(2020, 0, 1), n, load, stations: [t], zone: resolveZone('UTC')!, holidays: null };
}

describe('the recency terms of a series', () => {
  const input = laggedResponse();
  const train = { from: 0, to: 3 * 8766 }, target = { from: 3 * 8766, to: input.n };

  it('are chosen on the last training year: a load that follows the temperature of 8 hours ago gets the lags that reach it', () => {
    const f = forecastSeries(input, { model: 'best', train, target });
    expect(f.recency!.lags).toBeGreaterThanOrEqual(8);
    const fixed = forecastSeries(input, { model: 'best', train, target, recency: { lags: 2, pastDays: 2 } });
    const mape = (p: Float64Array) => p.reduce((s, v, i) => s + Math.abs(v - input.load[target.from + i]) / input.load[target.from + i], 0) / p.length;
    expect(mape(f.point)).toBeLessThan(mape(fixed.point));
  });

  it('never look at the target: hiding its load changes neither the choice nor the forecast', () => {
    const hidden = { ...input, load: Float64Array.from(input.load, (v, i) => (i >= target.from ? Number.NaN : v)) };
    const a = forecastSeries(input, { model: 'best', train, target });
    const b = forecastSeries(hidden, { model: 'best', train, target });
    expect(b.recency).toEqual(a.recency);
    expect([...b.point]).toEqual([...a.point]);
  });

  it('are the same whether the quantiles are asked for or not', () => {
    const a = forecastSeries(input, { model: 'best', train, target });
    const b = forecastSeries(input, { model: 'best', train, target, quantiles: false });
    expect(b.recency).toEqual(a.recency);
    expect([...b.point]).toEqual([...a.point]);
  });
});
