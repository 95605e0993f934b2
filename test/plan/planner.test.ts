import { describe, expect, it } from 'vitest';
import { solvePlan } from '../../core/plan/solve.ts';
import { verifyPlan } from '../../core/plan/verify.ts';
import type { Strategy } from '../../core/plan/order.ts';
import { handProblem, type HandProblem } from '../support/hand-problem.ts';

function plan(d: HandProblem, strategy: Strategy = 'cost') {
  const p = handProblem(d);
  const s = solvePlan(p, { strategy });
  const v = verifyPlan(p, s);
  expect(v.violations).toEqual([]);
  const H = p.hours;
  const x = (unit: number, h = 0) => Math.round(s.x[unit * H + h] * 1e6) / 1e6;
  return { p, s, x };
}
const limit = (mw: number, costPerMWh?: number) => ({ measure: 'limit' as const, mw, ...(costPerMWh !== undefined ? { costPerMWh } : {}) });

describe('the planner on cases worked out by hand', () => {
  it('uses demand response before any later rung, however cheap the later rung is', () => {
    const { x } = plan({ hours: 1, systemGap: [5], customers: [
      { id: 'A', baseMW: 10, measures: [{ measure: 'demand-response', mw: 3, costPerMWh: 3000 }] },
      { id: 'B', baseMW: 10, measures: [limit(2, 100)] },
    ] });
    expect([x(0), x(1)]).toEqual([3, 2]);
  });

  it('takes restricted-first customers before ordinary ones within a rung', () => {
    const { x } = plan({ hours: 1, systemGap: [4], customers: [
      { id: 'ordinary', baseMW: 5, tier: 1, measures: [limit(0, 100)] },
      { id: 'phase-out', baseMW: 5, tier: 0, measures: [limit(0, 900)] },
    ] });
    expect([x(0), x(1)]).toEqual([0, 4]);
  });

  it('takes the cheapest load first within a band', () => {
    const { x } = plan({ hours: 1, systemGap: [4], customers: [
      { id: 'A', baseMW: 3, measures: [limit(0, 500)] },
      { id: 'B', baseMW: 3, measures: [limit(0, 300)] },
    ] });
    expect([x(0), x(1)]).toEqual([1, 3]);
  });

  it('covers a local gap from inside its area even when cheaper load lies outside', () => {
    const { x, s } = plan({
      hours: 1, systemGap: [6], local: [{ area: 'S1', gap: [4] }],
      areas: [{ id: 'R', parent: null }, { id: 'S1', parent: 'R' }, { id: 'S2', parent: 'R' }],
      customers: [
        { id: 'inside', area: 'S1', baseMW: 10, measures: [limit(0, 900)] },
        { id: 'outside', area: 'S2', baseMW: 10, measures: [limit(0, 100)] },
      ],
    });
    expect([x(0), x(1)]).toEqual([4, 2]);
    expect(s.residualMW[1][0]).toBe(0);
  });

  it('does not order a customer whose notice is longer than the lead time, and says so', () => {
    const { x, s } = plan({ hours: 1, leadHours: 2, systemGap: [3], customers: [{ id: 'A', baseMW: 5, noticeHours: 24, measures: [limit(0)] }] });
    expect(x(0)).toBe(0);
    expect(s.residualMW[0][0]).toBeCloseTo(3, 9);
    expect(s.causes[0].notice[0]).toBeCloseTo(3, 9);
  });

  it('gives a customer with a daily limit to the hours with the largest gap', () => {
    const { x } = plan({ hours: 4, systemGap: [3, 5, 4, 2], customers: [
      { id: 'cheap, 2 h a day', baseMW: 5, maxHoursPerDay: 2, measures: [limit(0, 100)] },
      { id: 'dear', baseMW: 5, measures: [limit(0, 900)] },
    ] });
    expect([0, 1, 2, 3].map((h) => x(0, h))).toEqual([0, 5, 4, 0]);
    expect([0, 1, 2, 3].map((h) => x(1, h))).toEqual([3, 0, 0, 2]);
  });

  it('covers the snap-back of a curtailment that ends, with someone else', () => {
    const { x, s } = plan({ hours: 2, snapBackShare: 0.5, systemGap: [4, 0], customers: [
      { id: 'A', baseMW: 10, measures: [limit(0, 100)] },
      { id: 'B', baseMW: 10, measures: [limit(0, 200)] },
    ] });
    expect(x(0, 0)).toBe(4);
    expect(s.snapBackMW[0][1]).toBeCloseTo(2, 9);
    expect(s.requiredMW[0][1]).toBeCloseTo(2, 9);
    expect([x(0, 1), x(1, 1)]).toEqual([0, 2]);
  });

  it('shifts only as much energy as its return hours have room for', () => {
    const gap = Array.from({ length: 24 }, (_, h) => (h === 18 ? 3 : h >= 22 ? -1 : -10));
    const { x, s, p } = plan({ hours: 24, systemGap: gap, customers: [
      { id: 'shifter', baseMW: 10, measures: [{ measure: 'shift', mw: 5, windows: [22, 23], payback: 1, costPerMWh: 0 }] },
      { id: 'limited', baseMW: 10, measures: [limit(0, 5000)] },
    ] });
    expect(x(0, 18)).toBeCloseTo(2, 9);
    expect(x(1, 18)).toBeCloseTo(1, 9);
    expect([s.payback[22], s.payback[23]].map((v) => Math.round(v * 1e9) / 1e9)).toEqual([1, 1]);
    expect(s.residualMW[0].every((v) => v === 0)).toBe(true);
    expect(p.units.measure[0]).toBe(1);
  });

  it('opens a feeder only once every measure in its area is exhausted, and never one serving protected customers', () => {
    const d: HandProblem = {
      hours: 1, systemGap: [7],
      feeders: [{ id: 'F-protected', area: 'A', servesProtected: true, protectedCustomers: 1 }, { id: 'F-clean', area: 'A' }],
      customers: [
        { id: 'on clean', feeder: 'F-clean', baseMW: 6, measures: [limit(4)] },
        { id: 'on protected', feeder: 'F-protected', baseMW: 6, measures: [limit(4)] },
      ],
    };
    // Both caps give 4 MW, short of 7: the clean feeder opens whole (6 MW, its customer's own
    // measure going with it), and the hour's measures are planned again around it: 1 MW more.
    const { s, x } = plan(d);
    expect([x(0), x(1)]).toEqual([0, 1]);
    expect(Array.from(s.feederOpen)).toEqual([0, 1]);
    expect(s.feederMW[1]).toBeCloseTo(6, 9);
    const short = plan({ ...d, systemGap: [12] });
    expect(Array.from(short.s.feederOpen)).toEqual([0, 1]);
    expect([short.x(0), short.x(1)]).toEqual([0, 2]);
    expect(short.s.residualMW[0][0]).toBeCloseTo(4, 9);
    expect(short.s.causes[0].structural[0]).toBeCloseTo(4, 9);
  });

  it('fair plan asks the same share of every customer\'s baseline', () => {
    const { x, s } = plan({ hours: 1, systemGap: [6], customers: [
      { id: 'small', baseMW: 10, measures: [limit(0, 100)] },
      { id: 'large', baseMW: 20, measures: [limit(0, 900)] },
    ] }, 'fair');
    expect([x(0), x(1)]).toEqual([2, 4]);
    expect(s.fairShare![0]).toBeCloseTo(0.2, 9);
  });

  it('fewest strategy asks the customer able to release most', () => {
    const d: HandProblem = { hours: 1, systemGap: [5], customers: [
      { id: 'small, cheap', baseMW: 3, measures: [limit(0, 100)] },
      { id: 'large, dear', baseMW: 6, measures: [limit(0, 500)] },
    ] };
    expect([plan(d, 'fewest').x(0), plan(d, 'fewest').x(1)]).toEqual([0, 5]);
    expect([plan(d, 'cost').x(0), plan(d, 'cost').x(1)]).toEqual([3, 2]);
  });

  it('rotates an energy shortage among blocks by day, starting after the block hit last', () => {
    const { s, p } = plan({
      hours: 48, systemGap: Array(48).fill(-100),
      feeders: [{ id: 'F1', area: 'A' }, { id: 'F2', area: 'A' }],
      energyDays: [{ date: '2024-07-10', gapMWh: 20 }, { date: '2024-07-11', gapMWh: 20 }],
      customers: [
        { id: 'A', feeder: 'F1', baseMW: 5, measures: [limit(0)] },
        { id: 'B', feeder: 'F2', baseMW: 5, measures: [limit(0)] },
      ],
    });
    const day = (u: number, d: number) => { let t = 0; for (let h = 24 * d; h < 24 * d + 24; h++) t += s.x[u * 48 + h]; return Math.round(t * 1e6) / 1e6; };
    expect([day(0, 0), day(1, 0), day(0, 1), day(1, 1)]).toEqual([20, 0, 0, 20]);
    expect(s.rotation!.days.map((d) => d.blocks)).toEqual([[1], [2]]);
    expect(s.rotation!.days.every((d) => d.residualMWh === 0)).toBe(true);
    expect(p.energyDays.length).toBe(2);
  });
});

describe('the planner\'s kept tables (what depends on the customers and units alone, made once per table)', () => {
  const tables = () => handProblem({ hours: 3, systemGap: [4, 6, 2], customers: [
    { id: 'A', baseMW: 10, measures: [{ measure: 'demand-response', mw: 3, costPerMWh: 500 }] },
    { id: 'B', baseMW: 10, measures: [limit(4, 900)] },
  ] });

  it('plans a what-if on the same tables as it plans them afresh', () => {
    const p = tables();
    solvePlan(p);
    const what = { ...p, constraints: [{ ...p.constraints[0], gapMW: Float64Array.from([7, 1, 5]) }] };
    const fresh = tables();
    expect(Array.from(solvePlan(what).x)).toEqual(Array.from(solvePlan({ ...fresh, constraints: what.constraints }).x));
  });

  it('is not fooled by a plan whose capacity table its holder changed or moved to another thread', () => {
    const p = tables();
    const first = solvePlan(p);
    const want = Array.from(first.x);
    first.capacity.fill(0); // a caller writing into the plan it holds
    expect(Array.from(solvePlan(p).x)).toEqual(want);
    const second = solvePlan(p);
    structuredClone(second.capacity, { transfer: [second.capacity.buffer as ArrayBuffer] }); // detached here
    expect(second.capacity.length).toBe(0);
    expect(Array.from(solvePlan(p).x)).toEqual(want);
  });
});
