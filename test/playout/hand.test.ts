/**
 * Play-outs of tiny plans whose futures are fixed (the gap does not vary), worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { playoutContext } from '../../core/playout/context.ts';
import { playFutures } from '../../core/playout/simulate.ts';
import type { PlanProblem } from '../../core/plan/problem.ts';
import type { Scenario } from '../../core/scenario/model.ts';
import type { GapSampler } from '../../core/warning/assess.ts';
import { handProblem, type HandProblem } from '../support/hand-problem.ts';

/** A sampler whose every future has the same gap per constraint and hour. */
function fixedSampler(p: PlanProblem, gaps: number[][]): GapSampler {
  const H = p.hours;
  return {
    issuedAtMs: p.issuedAtMs, fromMs: p.startMs, hours: H, offset: 0, days: p.dayIndex[H - 1] + 1, localHour: p.localHour, dayIndex: p.dayIndex, levels: [0.5],
    table: { startMs: p.startMs, hours: H, units: [], unitIds: [], unitTypes: [], unitAreas: [], forcedOutageRates: new Float64Array(0), imports: [], importIds: [], importAreas: [], lossProbabilities: new Float64Array(0), reserveMW: new Float64Array(H) },
    targets: gaps.map((_, k) => ({ area: p.areaIds[p.constraints[k].area], name: p.constraints[k].name, scope: k ? 'local' : 'system', quantiles: [new Float64Array(H)], units: [], imports: [], importLimit: null, reserve: k === 0 })),
    sample: (_r, out, system) => {
      gaps.forEach((g, k) => out[k].set(g));
      if (system) { system.demandMW.fill(100); system.supplyMW.set(gaps[0].map((g) => 100 - g)); }
      return { unitFactor: [], importUp: [], demandZ: new Float64Array(H) };
    },
  };
}

function play(d: HandProblem, gaps: number[][], orders: Record<string, number[]>, options: { manual?: Record<string, number>; compliance?: [number, number] } = {}) {
  const p = handProblem(d);
  for (const [id, minutes] of Object.entries(options.manual ?? {})) {
    const c = p.customers.id.indexOf(id);
    p.customers.manual[c] = 1;
    p.customers.responseMinutes[c] = minutes;
  }
  const H = p.hours;
  const x = new Float64Array(p.units.customer.length * H);
  for (const [id, mw] of Object.entries(orders)) {
    const u = Array.from(p.units.customer).findIndex((c) => p.customers.id[c] === id);
    mw.forEach((v, h) => (x[u * H + h] = v));
  }
  const scenario = { events: [], areas: p.areaIds.map((id, a) => ({ id, parent: p.areaParent[a] < 0 ? null : p.areaIds[p.areaParent[a]] })) } as unknown as Scenario;
  const ctx = playoutContext(scenario, p, fixedSampler(p, gaps));
  const chunk = playFutures(ctx, { name: 'hand', x, payback: new Float64Array(x.length), feederOpen: new Uint8Array(p.feeders.id.length * H) }, 0, 3, { seed: 1, replay: 0, ...(options.compliance ? { manualCompliance: options.compliance } : {}) });
  const m = (name: keyof typeof chunk.metrics) => Array.from(chunk.metrics[name]);
  return { chunk, m, p };
}

describe('play-out of plans worked out by hand', () => {
  it('a curtailment that ends snaps back, and dispatch asks the customer again (a late notice)', () => {
    const { m, chunk } = play(
      { hours: 3, snapBackShare: 0.2, systemGap: [5, 5, 0], customers: [{ id: 'T', baseMW: 10, noticeHours: 0, measures: [{ measure: 'limit', mw: 0 }] }] },
      [[5, 5, 0]], { T: [5, 5, 0] },
    );
    expect(m('curtailedMWh')).toEqual([11, 11, 11]);
    expect(chunk.replay!.hours.map((h) => h.snapBackMW)).toEqual([0, 0, 1]);
    expect(m('extraMWh')).toEqual([1, 1, 1]);
    expect(m('lateNotices')).toEqual([1, 1, 1]);
    expect(m('unservedMWh')).toEqual([0, 0, 0]);
    expect(m('userTimes')).toEqual([1, 1, 1]);
    expect(m('longestHours')).toEqual([3, 3, 3]);
    expect(m('fairness')).toEqual([1, 1, 1]);
  });

  it('a manual customer delivers its share, late in the first hour, and dispatch tops it up', () => {
    const { m, chunk } = play(
      { hours: 2, systemGap: [4, 4], customers: [{ id: 'M', baseMW: 10, noticeHours: 0, measures: [{ measure: 'limit', mw: 0 }] }] },
      [[4, 4]], { M: [4, 4] }, { manual: { M: 30 }, compliance: [0.5, 0.5] },
    );
    // Hour 0: 4 × 0.5 (share) × 0.5 (half the hour gone responding) = 1, then 3 more asked of it;
    // hour 1: 4 × 0.5 = 2, then 2 more.
    expect(chunk.replay!.hours.map((h) => h.planMW[3])).toEqual([1, 2]);
    expect(chunk.replay!.hours.map((h) => h.extraMW[3])).toEqual([3, 2]);
    expect(m('shortfallMWh')).toEqual([5, 5, 5]);
    expect(m('curtailedMWh')).toEqual([8, 8, 8]);
    expect(m('lateNotices')).toEqual([0, 0, 0]);
    expect(m('protectedCut')).toEqual([0, 0, 0]);
  });

  it('when nothing notified is left, dispatch opens a clean feeder; what remains would fall on protected customers', () => {
    const { m, chunk } = play({
      hours: 1, systemGap: [10],
      feeders: [{ id: 'F-clean', area: 'A' }, { id: 'F-homes', area: 'A', servesProtected: true, residentialShare: 1 }],
      customers: [
        { id: 'Z', feeder: 'F-clean', baseMW: 3, measures: [] },
        { id: 'N', feeder: 'F-homes', baseMW: 5, noticeHours: 0, measures: [{ measure: 'limit', mw: 0 }] },
      ],
    }, [[10]], {});
    expect(m('emergencyReached')).toEqual([1, 1, 1]);
    expect(m('emergencyMWh')).toEqual([3, 3, 3]);
    expect(m('unservedMWh')).toEqual([7, 7, 7]);
    expect(m('protectedCut')).toEqual([1, 1, 1]);
    // N was never notified: it cannot be asked in real time.
    expect(chunk.replay!.hours[0].curtailed).toEqual(['Z']);
    expect(chunk.replay!.hours[0].curtailedCount).toBe(1);
  });
});
