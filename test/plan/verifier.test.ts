import { describe, expect, it } from 'vitest';
import { solvePlan, type SolvedPlan } from '../../core/plan/solve.ts';
import { verifyPlan } from '../../core/plan/verify.ts';
import type { PlanProblem } from '../../core/plan/problem.ts';
import { handProblem } from '../support/hand-problem.ts';

// One small plan with something of everything: two areas, a local gap, demand response, limits,
// a shift with room to come back, notice, daily limits, and a feeder that may be opened.
const gap = [0, 0, 6, 9, 7, 0, -20, -20];
function base(): { p: PlanProblem; s: SolvedPlan } {
  const p = handProblem({
    hours: 8, leadHours: 3,
    areas: [{ id: 'R', parent: null }, { id: 'S1', parent: 'R' }, { id: 'S2', parent: 'R' }],
    systemGap: gap, local: [{ area: 'S1', gap: [0, 0, 2, 3, 2, 0, -5, -5] }],
    feeders: [{ id: 'F1', area: 'S1' }, { id: 'F2', area: 'S2' }, { id: 'F3', area: 'S2', servesProtected: true, protectedCustomers: 1 }],
    customers: [
      { id: 'dr', feeder: 'F1', baseMW: 4, noticeHours: 2, measures: [{ measure: 'demand-response', mw: 1, costPerMWh: 3000 }, { measure: 'limit', mw: 1, costPerMWh: 800 }] },
      { id: 'shifter', feeder: 'F2', baseMW: 6, noticeHours: 2, floorMW: 1, measures: [{ measure: 'shift', mw: 2, windows: [6, 7], payback: 1, costPerMWh: 0 }] },
      { id: 'cheap', feeder: 'F3', baseMW: 8, noticeHours: 2, floorMW: 2, maxHoursPerDay: 2, measures: [{ measure: 'limit', mw: 3, costPerMWh: 200 }] },
      { id: 'dear', feeder: 'F2', baseMW: 8, noticeHours: 2, measures: [{ measure: 'limit', mw: 2, costPerMWh: 900 }] },
      { id: 'late', feeder: 'F3', baseMW: 5, noticeHours: 48, measures: [{ measure: 'limit', mw: 0, costPerMWh: 100 }] },
    ],
  });
  return { p, s: solvePlan(p, { strategy: 'cost' }) };
}
const copy = (s: SolvedPlan): SolvedPlan => structuredClone(s);
const unit = (p: PlanProblem, customer: string, measure: number) =>
  Array.from(p.units.customer).findIndex((c, u) => p.customers.id[c] === customer && p.units.measure[u] === measure);

describe('the plan verifier', () => {
  it('passes the planner\'s own plan', () => {
    const { p, s } = base();
    const v = verifyPlan(p, s);
    expect(v.violations).toEqual([]);
    expect(v.ok).toBe(true);
    expect(s.x.some((x) => x > 0)).toBe(true);
  });

  it('flags a protected customer that was curtailed', () => {
    const { p, s } = base();
    const c = p.customers.id.indexOf('dear');
    p.customers.cls[c] = 'hospital';
    expect(verifyPlan(p, s).counts.protected).toBeGreaterThan(0);
  });

  it('flags a feeder opened though it serves a protected customer', () => {
    const { p, s } = base();
    const t = copy(s);
    const f = p.feeders.id.indexOf('F3');
    t.feederOpen[f * p.hours + 3] = 1;
    expect(verifyPlan(p, t).counts.feeder).toBeGreaterThan(0);
  });

  it('flags a release above what the measure allows', () => {
    const { p, s } = base();
    const t = copy(s);
    t.x[unit(p, 'dr', 0) * p.hours + 3] += 5;
    expect(verifyPlan(p, t).counts.bounds).toBeGreaterThan(0);
  });

  it('flags a release that cuts into the security floor', () => {
    const { p, s } = base();
    p.customers.floorMW[p.customers.id.indexOf('dear')] = 7.5;
    expect(verifyPlan(p, s).counts.floor).toBeGreaterThan(0);
  });

  it('flags an order given with less notice than the customer needs', () => {
    const { p, s } = base();
    const t = copy(s);
    t.x[unit(p, 'late', 3) * p.hours + 2] = 1;
    expect(verifyPlan(p, t).counts.notice).toBeGreaterThan(0);
  });

  it('flags more curtailed hours in a day than the customer allows', () => {
    const { p, s } = base();
    const t = copy(s);
    const u = unit(p, 'cheap', 3);
    for (const h of [1, 2, 3, 4]) t.x[u * p.hours + h] = 0.5;
    expect(verifyPlan(p, t).counts['daily-hours']).toBeGreaterThan(0);
  });

  it('flags shifted energy that does not all come back', () => {
    const { p, s } = base();
    const t = copy(s);
    const u = unit(p, 'shifter', 1);
    expect(s.x.slice(u * p.hours, (u + 1) * p.hours).some((v) => v > 0)).toBe(true);
    t.payback.fill(0, u * p.hours, (u + 1) * p.hours);
    const v = verifyPlan(p, t);
    expect(v.counts.shift).toBeGreaterThan(0);
  });

  it('flags a reported residual that the numbers do not add up to', () => {
    const { p, s } = base();
    const t = copy(s);
    t.residualMW[0][3] += 1;
    expect(verifyPlan(p, t).counts.coverage).toBeGreaterThan(0);
  });

  it('flags a gap left uncovered while load could still be ordered', () => {
    const { p, s } = base();
    const t = copy(s);
    const u = unit(p, 'dear', 3);
    const h = [2, 3, 4].find((j) => t.x[u * p.hours + j] > 0.5)!;
    const cut = t.x[u * p.hours + h] / 2;
    t.x[u * p.hours + h] -= cut;
    t.coveredMW[0][h] -= cut;
    t.residualMW[0][h] += cut;
    expect(verifyPlan(p, t).counts.residual).toBeGreaterThan(0);
  });

  it('flags a later rung used while an earlier one had room', () => {
    const { p } = base();
    const s = solvePlan(p, { strategy: 'cost' });
    const t = copy(s);
    // Move the demand response at the peak onto the same customer's limit (a later rung).
    const dr = unit(p, 'dr', 0), lim = unit(p, 'dr', 3);
    const h = 3;
    const v = t.x[dr * p.hours + h];
    expect(v).toBeGreaterThan(0);
    const room = s.capacity[lim * p.hours + h] - t.x[lim * p.hours + h];
    const move = Math.min(v, room);
    expect(move).toBeGreaterThan(0);
    t.x[dr * p.hours + h] -= move;
    t.x[lim * p.hours + h] += move;
    expect(verifyPlan(p, t).counts.ladder).toBeGreaterThan(0);
  });

  it('flags a dearer unit used while a cheaper one in the same band had room (least cost)', () => {
    const { p, s } = base();
    const t = copy(s);
    const cheap = unit(p, 'dr', 3), dear = unit(p, 'dear', 3);
    const h = [2, 3, 4].find((j) => t.x[cheap * p.hours + j] > 0 && s.capacity[dear * p.hours + j] - t.x[dear * p.hours + j] > 0)!;
    expect(h).toBeDefined();
    const move = Math.min(t.x[cheap * p.hours + h], s.capacity[dear * p.hours + h] - t.x[dear * p.hours + h]);
    t.x[cheap * p.hours + h] -= move;
    t.x[dear * p.hours + h] += move;
    expect(verifyPlan(p, t).counts.objective).toBeGreaterThan(0);
  });
});

describe('the plan verifier on numbers that are not numbers', () => {
  const cases: [string, (t: SolvedPlan) => void][] = [
    ['a release', (t) => { t.x[3] = Number.NaN; }],
    ['shifted energy coming back', (t) => { t.payback[6] = Number.POSITIVE_INFINITY; }],
    ['a feeder\'s MW', (t) => { t.feederMW[2] = Number.NaN; }],
    ['a requirement', (t) => { t.requiredMW[0][3] = Number.POSITIVE_INFINITY; }],
    ['a covered figure', (t) => { t.coveredMW[1][2] = Number.NaN; }],
    ['a residual', (t) => { t.residualMW[0][4] = Number.NEGATIVE_INFINITY; }],
  ];
  for (const [what, bend] of cases) {
    it(`rejects a plan with NaN or Infinity in ${what}, naming where`, () => {
      const { p, s } = base();
      const t = copy(s);
      bend(t);
      const v = verifyPlan(p, t);
      expect(v.ok).toBe(false);
      expect(v.counts.finite).toBe(1);
      expect(v.violations.find((x) => x.check === 'finite')!.message).toMatch(/is not a finite number/);
    });
  }

  it('rejects a gap that is not a finite number', () => {
    const { p, s } = base();
    p.constraints[1].gapMW[5] = Number.NaN;
    const v = verifyPlan(p, s);
    expect(v.counts.finite).toBe(1);
    expect(v.violations.find((x) => x.check === 'finite')!.message).toMatch(/S1 .*gap/);
  });
});
