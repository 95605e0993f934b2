/**
 * The risk of unserved load as a dispatcher reads it: per hour, the share of futures in which any
 * load goes unserved and the 95th percentile of how much, beside the P10–P90 band — so a tail that
 * the band hides (most futures fine, a few short) is never drawn as "nothing".
 */
import { describe, expect, it } from 'vitest';
import { FUTURE_METRICS, PLAYOUT_RUNGS, type PlayoutChunk } from '../../core/playout/simulate.ts';
import { summarisePlayout } from '../../core/playout/summary.ts';
import { worstUnservedHour } from '../../core/playout/worst-hour.ts';

/** Twenty futures of two hours: unserved MW per future and hour given, the rest zero. */
function chunk(byHour: [number[], number[]]): PlayoutChunk {
  const n = byHour[0].length, hours = 2;
  const unservedByHour = new Float64Array(n * hours);
  for (let f = 0; f < n; f++) { unservedByHour[f * hours] = byHour[0][f]; unservedByHour[f * hours + 1] = byHour[1][f]; }
  const metrics = Object.fromEntries(FUTURE_METRICS.map((m) => [m, new Float64Array(n)])) as PlayoutChunk['metrics'];
  for (let f = 0; f < n; f++) metrics.unservedMWh[f] = byHour[0][f] + byHour[1][f];
  return { from: 0, to: n, metrics, rungMWh: new Float64Array(n * PLAYOUT_RUNGS.length), rungPeakMW: new Float64Array(n * PLAYOUT_RUNGS.length), classMWh: new Float64Array(0), classes: [], unservedByHour };
}

describe('the play-out summary\'s unserved risk', () => {
  // Hour 0: 18 futures fine, two short by 10 and 30 MW. Hour 1: every future short by 1…20 MW.
  const hour0 = [...Array(18).fill(0), 10, 30];
  const hour1 = Array.from({ length: 20 }, (_, i) => i + 1);
  const s = summarisePlayout('p', 1, 2, chunk([hour0, hour1]));

  it('gives per hour the share of futures with any load unserved', () => {
    expect(s.unservedFan.pAny).toEqual([0.1, 1]);
  });

  it('gives per hour the 95th percentile of the unserved MW, which sees the tail the P10–P90 band hides', () => {
    // Type 7 on 20 sorted values: P90 at position 19 × 0.9 = 17.1 → 0 + 0.1 × 10 = 1 MW (the band
    // barely leaves the axis); P95 at 18.05 → 10 + 0.05 × (30 − 10) = 11 MW; hour 1: 19 + 0.05 × 1 = 19.05.
    expect(s.unservedFan.p90[0]).toBeCloseTo(1, 9);
    expect(s.unservedFan.p95[0]).toBeCloseTo(11, 9);
    expect(s.unservedFan.p95[1]).toBeCloseTo(19.05, 9);
  });

  it('gives per hour the worst future\'s unserved MW, which a P95 of 0 would hide when one future in 200 is short', () => {
    expect(s.unservedFan.max).toEqual([30, 20]);
  });

  it('gives the share of futures in which any load goes unserved over the horizon', () => {
    expect(s.unservedProbability).toBe(1);
    expect(summarisePlayout('p', 1, 2, chunk([hour0, Array(20).fill(0)])).unservedProbability).toBe(0.1);
  });

  it('counts below a kilowatt as served (a rounding residue is not a risk)', () => {
    const t = summarisePlayout('p', 1, 2, chunk([[...Array(19).fill(0), 0.0004], Array(20).fill(0)]));
    expect(t.unservedFan.pAny).toEqual([0, 0]);
    expect(t.unservedProbability).toBe(0);
  });
});

describe('worstUnservedHour', () => {
  it('picks the hour most often short, the larger P95 breaking a tie', () => {
    expect(worstUnservedHour({ pAny: [0.1, 0.3, 0.3, 0], p95: [5, 2, 4, 0] })).toEqual({ hour: 2, pAny: 0.3, p95MW: 4 });
    expect(worstUnservedHour({ pAny: [0.1, 0], p95: [0, 0], max: [7, 0] })).toEqual({ hour: 0, pAny: 0.1, p95MW: 0, maxMW: 7 });
  });
  it('says there is none when no future is short at any hour', () => {
    expect(worstUnservedHour({ pAny: [0, 0], p95: [0, 0] })).toBeNull();
  });
});
