/**
 * Issue 13: the planner keeps its own rules under every strategy, and the verifier can tell when it
 * does not. Each case is small, built from local-limit.json (test/support/local-limit-case.ts), and
 * its right plan is worked out by hand in the comment above it.
 */
import highsLoader from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { planLp } from '../../core/plan/lp-format.ts';
import { STRATEGIES, type Strategy } from '../../core/plan/order.ts';
import { lpObjective } from '../../core/plan/objective.ts';
import { verifyPlan } from '../../core/plan/verify.ts';
import { checkOptimum } from '../../core/plan/lp-check.ts';
import { withOptimumCheck } from '../../core/plan/plan-scenario.ts';
import { at, localLimitCase, type CaseCustomer } from '../support/local-limit-case.ts';

type Highs = Awaited<ReturnType<typeof highsLoader>>;
let highs: Highs;
beforeAll(async () => { highs = await highsLoader(); });

const r3 = (v: number) => Math.round(v * 1000) / 1000;
/** MW each customer releases in hour h (all measures and its share of an opened feeder), by id. */
function releasedAt(report: { customers: { id: string; mw: number[] }[] }, h: number): Record<string, number> {
  return Object.fromEntries(report.customers.filter((c) => c.mw[h] > 0).map((c) => [c.id, r3(c.mw[h])]));
}
const limitOnly = (capMW: number) => ({ limit: { capMW } });

// Five customers allowing only 限电, in one hour with a 7.6 MW gap. Restricted-first (phase-out,
// high-energy) have 3 MW of room each, the ordinary factory 8, the key enterprise and the
// security-load holder 8 each (tier "last"). The ladder and tiers give 3 + 3 from the restricted
// ones and the remaining 1.6 from the ordinary one, whatever the strategy; nobody in the last tier.
const fiveLimits: CaseCustomer[] = [
  { id: 'phase-out', class: 'phase-out', peakMW: 6, measures: limitOnly(3), costPerMWh: 900 },
  { id: 'high-energy', class: 'high-energy', peakMW: 6, measures: limitOnly(3), costPerMWh: 800 },
  { id: 'ordinary', class: 'industry', peakMW: 10, measures: limitOnly(2), costPerMWh: 700 },
  { id: 'key', class: 'industry', keyEnterprise: true, peakMW: 10, measures: limitOnly(2), costPerMWh: 100 },
  { id: 'security', class: 'security-critical', peakMW: 10, securityFloorMW: 2, measures: limitOnly(2), costPerMWh: 100 },
];

describe('every strategy keeps the ladder and the tiers', () => {
  it('the fair plan never uses a later tier while an earlier one has room (five 限电 customers, gap 7.6 MW)', () => {
    const c = localLimitCase({ hours: 1, systemGapMW: [7.6], customers: fiveLimits });
    for (const strategy of STRATEGIES) {
      const { report } = c.plan(strategy);
      expect(report.verification.violations, strategy).toEqual([]);
      expect(releasedAt(report, 0), strategy).toEqual({ 'phase-out': 3, 'high-energy': 3, ordinary: 1.6 });
    }
  });

  it('fairness applies inside a tier: the ordinary customers give the same share of their baseline', () => {
    // Restricted-first 3 MW first; the remaining 3 MW from two ordinary factories of 10 and 20 MW
    // at the same share (10 %): 1 and 2 MW.
    const c = localLimitCase({ hours: 1, systemGapMW: [6], customers: [
      { id: 'restricted', class: 'over-quota', peakMW: 6, measures: limitOnly(3) },
      { id: 'small', class: 'commerce', peakMW: 10, measures: limitOnly(0), costPerMWh: 100 },
      { id: 'large', class: 'industry', peakMW: 20, measures: limitOnly(0), costPerMWh: 5000 },
    ] });
    const { report } = c.plan('fair');
    expect(report.verification.violations).toEqual([]);
    expect(releasedAt(report, 0)).toEqual({ restricted: 3, small: 1, large: 2 });
  });

  it('the verifier rejects a plan that limits a key enterprise while restricted-first customers have room, whatever shares it reports', () => {
    const c = localLimitCase({ hours: 1, systemGapMW: [7.6], customers: fiveLimits });
    const { problem: p, solved } = c.plan('cost');
    const unitOf = (id: string) => Array.from(p.units.customer).findIndex((x) => p.customers.id[x] === id);
    const bent = structuredClone(solved);
    bent.x[unitOf('phase-out')] -= 1.5;
    bent.x[unitOf('key')] += 1.5;
    for (const strategy of STRATEGIES) {
      const v = verifyPlan(p, { ...bent, strategy, fairShare: Float64Array.of(0.15) });
      expect(v.counts.ladder, strategy).toBeGreaterThan(0);
    }
  });
});

describe('measures on one customer share one budget', () => {
  it('demand response, 避峰 and a 3 MW cap together release at most baseline − cap (7 of a 9 MW gap; 2 MW residual)', () => {
    const c = localLimitCase({ hours: 24, systemGapMW: at(24, { 19: 9 }), customers: [
      { id: 'stacked', class: 'industry', peakMW: 10, measures: { demandResponse: { maxMW: 2, pricePerMWh: 500 }, avoidPeak: { maxMW: 3, windows: ['18-22'] }, limit: { capMW: 3 } } },
    ] });
    const { report } = c.plan('cost');
    expect(report.verification.violations).toEqual([]);
    expect(releasedAt(report, 19)).toEqual({ stacked: 7 });
    expect(r3(report.system.residualMW[19])).toBe(2);
    const csv = c.plan('cost').csv().split('\n');
    const head = csv[0].split(','), row = csv[1].split(',');
    expect(row[head.indexOf('measures')]).toBe('demand-response avoid-peak limit');
  });

  it('the verifier flags releases that take a limited customer below its cap', () => {
    const c = localLimitCase({ hours: 24, systemGapMW: at(24, { 19: 9 }), customers: [
      { id: 'stacked', class: 'industry', peakMW: 10, measures: { demandResponse: { maxMW: 2, pricePerMWh: 500 }, avoidPeak: { maxMW: 3, windows: ['18-22'] }, limit: { capMW: 3 } } },
    ] });
    const { problem: p, solved } = c.plan('cost');
    const bent = structuredClone(solved);
    const H = p.hours;
    // Demand response 2, 避峰 3 and 4 from the cap: 9 MW, load at 1 MW, below its 3 MW cap (but
    // above its floor of 0).
    [2, 3, 4].forEach((mw, u) => { bent.x[u * H + 19] = mw; });
    bent.coveredMW[0][19] = 9; bent.residualMW[0][19] = 0;
    expect(verifyPlan(p, bent).counts.floor).toBeGreaterThan(0);
  });
});

describe('every strategy covers what the least-cost plan covers', () => {
  // Two 限电 customers in the same tier; the cheap one may be curtailed 1 h a day, the dear one
  // only has room at 18:00. Gaps of 5 MW at 18:00 and 19:00: the dear one at 18:00 and the cheap
  // one at 19:00 cover everything; giving the cheap one 18:00 leaves 5 MW at 19:00.
  const only18 = Array.from({ length: 24 }, (_, h) => (h === 18 ? 1 : 0.5));
  const twoHours = () => localLimitCase({ hours: 24, profiles: [{ id: 'only-18', name: 'peak at 18:00', weekday: only18, weekend: only18, holiday: only18 }], systemGapMW: at(24, { 18: 5, 19: 5 }), customers: [
    { id: 'cheap-1h', class: 'industry', peakMW: 10, maxHoursPerDay: 1, measures: limitOnly(5), costPerMWh: 100 },
    { id: 'dear-18', class: 'industry', peakMW: 10, profile: 'only-18', measures: limitOnly(5), costPerMWh: 900 },
  ] });

  it('daily hours are assigned exactly, not greedily: the dear customer takes 18:00, the one-hour customer 19:00', () => {
    for (const strategy of STRATEGIES) {
      const { report } = twoHours().plan(strategy);
      expect(report.verification.violations, strategy).toEqual([]);
      expect(report.residual.totalMWh, strategy).toBe(0);
      expect(releasedAt(report, 18), strategy).toEqual({ 'dear-18': 5 });
      expect(releasedAt(report, 19), strategy).toEqual({ 'cheap-1h': 5 });
    }
  });

  it('a customer is kept on one more hour when its own snap-back would otherwise be left uncovered', () => {
    // 4 MW at 18:00–19:00 from the only customer; its snap-back (50 %) at 20:00 has nobody else to
    // cover it, so it stays on at 20:00 and its load comes back at 21:00, into 10 MW of room.
    const c = localLimitCase({ hours: 24, snapBackShare: 0.5, systemGapMW: at(24, { 18: 4, 19: 4, 21: -10, 22: -10 }), customers: [
      { id: 'only', class: 'industry', peakMW: 10, measures: limitOnly(0) },
    ] });
    for (const strategy of STRATEGIES) {
      const { report } = c.plan(strategy);
      expect(report.verification.violations, strategy).toEqual([]);
      expect(report.residual.totalMWh, strategy).toBe(0);
      expect(report.customers[0].mw[20], strategy).toBeGreaterThan(0);
    }
  });
});

describe('the cause of a residual is what would have covered it', () => {
  it('a feeder that only notice keeps shut leaves a residual caused by notice', () => {
    // The factory's cap gives 2 MW, its clean feeder 6 MW: a 5 MW gap is covered by neither, as
    // the order would come 10 h ahead and the factory needs 24 h. More notice covers all of it.
    const c = localLimitCase({
      hours: 1, issuedAt: '2024-07-28T14:00+08:00', systemGapMW: [5],
      feeders: [{ id: 'F9001', substation: 'S01', ratingMW: 10, servesProtected: false, residentialShare: 0 }],
      customers: [{ id: 'late', class: 'industry', feeder: 'F9001', peakMW: 6, noticeHours: 24, measures: limitOnly(4) }],
    });
    const { report } = c.plan('cost');
    expect(report.verification.violations).toEqual([]);
    expect(report.system.causesMWh).toEqual({ 'notice too short': 5 });
    expect(report.system.cause).toBe('notice too short');
  });

  it('a residual left by a security floor is caused by the floor, not by protected load', () => {
    const c = localLimitCase({ hours: 1, systemGapMW: [8], customers: [
      { id: 'mine', class: 'security-critical', peakMW: 10, securityFloorMW: 4, measures: limitOnly(4) },
    ] });
    const { report } = c.plan('cost');
    expect(report.verification.violations).toEqual([]);
    expect(report.system.causesMWh).toEqual({ 'security floor': 2 });
  });
});

describe('the emergency order relieves the area that is short', () => {
  it('behind S03, where no feeder may be opened, it says so instead of listing feeders elsewhere', () => {
    // The town's own customers; S03 short by 40 MW over three hours, the system not short.
    const c = localLimitCase({ hours: 24, keepCustomers: true, customers: [], local: [{ area: 'S03', gapMW: at(24, { 18: 40, 19: 40, 20: 40 }) }] });
    const { report } = c.plan('cost');
    const s03 = report.emergencyOrder.areas!.find((a) => a.area === 'S03')!;
    expect(s03.residualMWh).toBeGreaterThan(0);
    expect(s03.steps).toEqual([]);
    expect(s03.coversResidual).toBe(false);
    expect(s03.statement).toMatch(/no feeder behind S03 may be opened/);
    expect(s03.statement).toMatch(/cannot relieve/);
  });

  it('lists the feeders behind the short area with the MW they release in its residual hours', () => {
    const c = localLimitCase({
      hours: 24, keepCustomers: true, local: [{ area: 'S03', gapMW: at(24, { 18: 40, 19: 40 }) }],
      feeders: [{ id: 'F9003', substation: 'S03', ratingMW: 20, servesProtected: false, residentialShare: 0 }],
      // On a clean feeder, with more notice than the plan has (so only dispatch can open it).
      customers: [{ id: 'behind', class: 'industry', feeder: 'F9003', peakMW: 12, noticeHours: 96 }],
    });
    const { report } = c.plan('cost');
    const s03 = report.emergencyOrder.areas!.find((a) => a.area === 'S03')!;
    expect(s03.steps.map((s) => s.feeder)).toEqual(['F9003']);
    expect(s03.releasableMW.map(r3)).toEqual([12, 12]);
    expect(s03.hours).toEqual([18, 19]);
  });
});

describe('the exported LP is the model the plan solved', () => {
  const lpMatches = (c: ReturnType<typeof localLimitCase>, strategy: Strategy) => {
    const { problem, solved, report } = c.plan(strategy);
    const r = highs.solve(planLp(problem, solved).text, { presolve: 'off', output_flag: false });
    expect(r.Status).toBe('Optimal');
    const ours = lpObjective(problem, solved).value;
    expect(ours).toBeCloseTo(report.objective.lpValue, 6);
    expect(Math.abs(r.ObjectiveValue - ours), `${strategy}: HiGHS ${r.ObjectiveValue}, ours ${ours}`).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(ours)));
    return { r, problem, solved };
  };

  it('with a feeder opened, HiGHS finds the plan\'s own value', () => {
    // 2 MW from the factory's cap, then its feeder opens (6 MW): the measure goes with the feeder.
    const c = localLimitCase({
      hours: 1, systemGapMW: [5],
      feeders: [{ id: 'F9001', substation: 'S01', ratingMW: 10, servesProtected: false, residentialShare: 0 }],
      customers: [
        { id: 'on-clean', class: 'industry', feeder: 'F9001', peakMW: 6, measures: limitOnly(4) },
        { id: 'small', class: 'industry', peakMW: 2, measures: limitOnly(1) },
      ],
    });
    for (const strategy of STRATEGIES) {
      const { solved, problem } = lpMatches(c, strategy);
      expect(solved.feederOpen[problem.feeders.id.indexOf('F9001')], strategy).toBe(1);
    }
  });

  it('a fair plan whose snap-back goes past the hour\'s share still matches HiGHS', () => {
    const c = localLimitCase({ hours: 24, snapBackShare: 0.5, systemGapMW: at(24, { 17: 6, 18: 2 }), customers: [
      { id: 'a', class: 'industry', peakMW: 10, measures: limitOnly(0), costPerMWh: 100 },
      { id: 'b', class: 'industry', peakMW: 10, maxHoursPerDay: 1, measures: limitOnly(0), costPerMWh: 200 },
      { id: 'c', class: 'commerce', peakMW: 4, measures: limitOnly(0), costPerMWh: 300 },
    ] });
    lpMatches(c, 'fair');
  });

  it('the fewest-customers model states its own objective: HiGHS takes the large customer, as the plan does', () => {
    const c = localLimitCase({ hours: 1, systemGapMW: [5], customers: [
      { id: 'small-cheap', class: 'industry', peakMW: 3, measures: limitOnly(0), costPerMWh: 100 },
      { id: 'large-dear', class: 'industry', peakMW: 6, measures: limitOnly(0), costPerMWh: 500 },
    ] });
    const { r, problem } = lpMatches(c, 'fewest');
    const large = problem.customers.id.indexOf('large-dear');
    const u = Array.from(problem.units.customer).indexOf(large);
    expect((r.Columns[`x${u}_0`] as { Primal?: number } | undefined)?.Primal).toBeCloseTo(5, 6);
  });
});

describe('a solver status alone never makes a plan valid, nor a verifier alone an optimum', () => {
  it('a plan javascript-lp-solver beats on the model it states is reported as failing, not VERIFIED', () => {
    // The fair plan shares 3 MW out between a cheap and a dear factory (1 and 2 MW at 10 %); bent,
    // the dear one gives more than its share and the cheap one less: within the rules the
    // verifier checks for fairness (same band), but above the model's optimum.
    const c = localLimitCase({ hours: 1, systemGapMW: [3], customers: [
      { id: 'cheap', class: 'commerce', peakMW: 10, measures: limitOnly(0), costPerMWh: 100 },
      { id: 'dear', class: 'industry', peakMW: 20, measures: limitOnly(0), costPerMWh: 5000 },
    ] });
    const { problem: p, solved, report } = c.plan('fair');
    expect(report.verification.ok).toBe(true);
    expect(report.optimumCheck!.worseHours).toEqual([]);
    const bent = structuredClone(solved);
    bent.x[0] -= 0.5; bent.x[1] += 0.5; bent.fairBound![0] = 1; bent.fairBound![1] = 2;
    const v = verifyPlan(p, bent);
    expect(v.ok).toBe(true);
    const optimum = checkOptimum(p, bent);
    expect(optimum.worseHours).toEqual([0]);
    const merged = withOptimumCheck(v, optimum);
    expect(merged.ok).toBe(false);
    expect(merged.violations.map((x) => x.message)).toContainEqual(expect.stringMatching(/javascript-lp-solver finds a better plan/));
  });
});
