/**
 * A target inside the history (a backcast, a gap filled) is forecast from both sides, and its
 * band is measured on the same task: weeks of the history held out in turn, not a year ahead.
 */
import { describe, expect, it } from 'vitest';
import { forecastSeries } from '../../core/forecast/forecast.ts';
import { resolveZone } from '../../core/time/zone.ts';
import { gefcomLike } from '../support/gefcom-like.ts';

const g = gefcomLike('inside', 4);
const blank = { from: 2 * 8760 + 24 * 100, to: 2 * 8760 + 24 * 107 };
const load = Float64Array.from(g.load, (v, i) => (i >= blank.from && i < blank.to ? Number.NaN : v));
const f = forecastSeries(
  { startMs: g.startMs, n: g.hours, load, stations: [g.temperature], zone: resolveZone('-05:00')!, holidays: null },
  { model: 'best', train: { from: 0, to: g.hours }, target: blank },
);

describe('a week inside the history', () => {
  it('says its band comes from weeks inside the history held out in turn', () => {
    expect(f.calibration).toMatch(/weeks, each forecast from the weeks around it/);
  });

  it('measures those errors on every part of the history but the target itself', () => {
    const known = (from: number, to: number) => { let c = 0; for (let i = from; i < to; i++) if (Number.isFinite(f.heldOut![i])) c++; return c; };
    expect(known(blank.from, blank.to)).toBe(0);
    expect(known(0, 8760)).toBeGreaterThan(8000); // the first year too: not only the last year or two
    expect(known(3 * 8760, g.hours)).toBeGreaterThan(8000);
  });

  it('has an 80 % band that holds about 80 % of the week it was not fitted on', () => {
    let inside = 0;
    for (let j = 0; j < f.point.length; j++) if (g.load[blank.from + j] >= f.quantiles[1][j] && g.load[blank.from + j] <= f.quantiles[9][j]) inside++;
    expect(inside / f.point.length).toBeGreaterThan(0.6);
    expect(inside / f.point.length).toBeLessThan(0.97);
  });
});
