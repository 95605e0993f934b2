/**
 * Re-planning during the day, worked by hand on a few customers with flat 10 MW baselines, all
 * on demand response (one band: the ladder plays no part, the revision's preferences do), snap-back
 * 0, on a feeder serving a protected customer (never opened). Hours from 2024-07-10 00:00 +08:00;
 * the plan in force was issued 48 h ahead, least cost:
 *   D 2 MW @500 (notice 1 h), A 5 MW @1000, B 3 MW @1100, E 6 MW @1200 (notice 2 h each),
 *   L 8 MW @5000 (notice 24 h).
 */
import { describe, expect, it } from 'vitest';
import { replan, type Revision } from '../../core/execution/replan.ts';
import type { PlanProblem } from '../../core/plan/problem.ts';
import { solvePlan, type SolvedPlan } from '../../core/plan/solve.ts';
import { verifyPlan } from '../../core/plan/verify.ts';
import { revisionToVerify, type RevisionBlock } from '../../core/plan/revision.ts';
import { handProblem } from '../support/hand-problem.ts';

const HOUR = 3_600_000;
const START = Date.parse('2024-07-09T16:00:00Z');

function problem(hours: number, gap: number[]): PlanProblem {
  return handProblem({
    hours, leadHours: 48, systemGap: gap, snapBackShare: 0,
    feeders: [{ id: 'F', area: 'A', servesProtected: true, protectedCustomers: 1 }],
    customers: [
      { id: 'D', feeder: 'F', baseMW: 10, noticeHours: 1, measures: [{ measure: 'demand-response', mw: 2, costPerMWh: 500 }] },
      { id: 'A', feeder: 'F', baseMW: 10, noticeHours: 2, measures: [{ measure: 'demand-response', mw: 5, costPerMWh: 1000 }] },
      { id: 'B', feeder: 'F', baseMW: 10, noticeHours: 2, measures: [{ measure: 'demand-response', mw: 3, costPerMWh: 1100 }] },
      { id: 'E', feeder: 'F', baseMW: 10, noticeHours: 2, measures: [{ measure: 'demand-response', mw: 6, costPerMWh: 1200 }] },
      { id: 'L', feeder: 'F', baseMW: 10, noticeHours: 24, measures: [{ measure: 'demand-response', mw: 8, costPerMWh: 5000 }] },
    ],
  });
}
/** The same tables with a new gap (the re-plan's forecast). */
const withGap = (p: PlanProblem, gap: number[]): PlanProblem => ({ ...p, constraints: [{ ...p.constraints[0], gapMW: Float64Array.from(gap) }] });
const notifiedOf = (p: PlanProblem, ids: string[]) => Uint8Array.from(p.customers.id, (id) => (ids.includes(id) ? 1 : 0));
/** MW of a customer's one unit (each has one) by hour. */
const mwOf = (p: PlanProblem, x: Float64Array, id: string) => {
  const u = p.customers.id.indexOf(id);
  return Array.from(x.subarray(u * p.hours, (u + 1) * p.hours), (v) => Math.round(v * 1000) / 1000);
};
const verifyRevision = (p: PlanProblem, r: Pick<Revision, 'x' | 'xEnergy' | 'xHold' | 'payback' | 'feederOpen' | 'feederMW' | 'requiredMW' | 'coveredMW' | 'residualMW'>, inForce: SolvedPlan, atMs: number, notified: Uint8Array) =>
  verifyPlan(p, { strategy: 'cost', ...r, fairShare: null, revision: { atMs, inForceX: inForce.x, inForceFeederOpen: inForce.feederOpen, notified } });

describe('re-planning the rest of the day', () => {
  it('re-plan keeps the notices already issued and changes the fewest customers', () => {
    const p = problem(6, [0, 0, 0, 6, 6, 0]);
    const inForce = solvePlan(p);
    // Least cost for 6 MW: D 2 + A 4.
    expect(mwOf(p, inForce.x, 'D')).toEqual([0, 0, 0, 2, 2, 0]);
    expect(mwOf(p, inForce.x, 'A')).toEqual([0, 0, 0, 4, 4, 0]);
    // At 01:00 the gap at 03:00–05:00 is 11 MW. A's notice went out (its deadline, 03:00 − 2 h, is T);
    // D's (03:00 − 1 h) not yet. Every notice of 2 h still fits before 03:00.
    const p2 = withGap(p, [0, 0, 0, 11, 11, 0]);
    const atMs = START + HOUR, notified = notifiedOf(p, ['A']);
    const r = replan(p2, inForce, { atMs, notified });
    // 11 = D 2 (kept) + A 5 (the notified one raised first) + E 4 (one new customer, the largest
    // in the band: it alone covers the 4 MW left).
    expect(mwOf(p2, r.x, 'D')).toEqual([0, 0, 0, 2, 2, 0]);
    expect(mwOf(p2, r.x, 'A')).toEqual([0, 0, 0, 5, 5, 0]);
    expect(mwOf(p2, r.x, 'E')).toEqual([0, 0, 0, 4, 4, 0]);
    expect(mwOf(p2, r.x, 'B')).toEqual([0, 0, 0, 0, 0, 0]);
    expect(r.counts).toEqual({ added: 1, cancelled: 0, increased: 1, reduced: 0 });
    expect(r.changes.map((c) => [c.customer, c.kind, c.notified, c.mwhBefore, c.mwhAfter, c.largestChangeMW])).toEqual([
      ['E', 'added', false, 0, 8, 4],
      ['A', 'increased', true, 8, 10, 1],
    ]);
    expect(r.residualMWh).toBe(0);
    expect(verifyRevision(p2, r, inForce, atMs, notified).violations).toEqual([]);
    // A least-cost plan made afresh would add two customers (B 3 and E 1) for the same 11 MW.
    const fresh = solvePlan(p2);
    expect(mwOf(p2, fresh.x, 'B')[3]).toBe(3);
    expect(mwOf(p2, fresh.x, 'E')[3]).toBe(1);
  });

  it('when the gap grows, a customer whose lead time does not fit is not used and the residual is reported', () => {
    const p = problem(6, [0, 0, 0, 6, 6, 0]);
    const inForce = solvePlan(p);
    const p2 = withGap(p, [0, 0, 0, 20, 20, 0]);
    const atMs = START + HOUR, notified = notifiedOf(p, ['A']);
    const r = replan(p2, inForce, { atMs, notified });
    // D 2 + A 5 + E 6 + B 3 = 16 of 20: L (8 MW) needs 24 h of notice and 03:00 is 2 h away.
    expect(mwOf(p2, r.x, 'L')).toEqual([0, 0, 0, 0, 0, 0]);
    expect(Array.from(r.coveredMW[0])).toEqual([0, 0, 0, 16, 16, 0]);
    expect(Array.from(r.residualMW[0])).toEqual([0, 0, 0, 4, 4, 0]);
    expect(Array.from(r.leadTimeMW[0])).toEqual([0, 0, 0, 4, 4, 0]);
    expect(r.residualMWh).toBe(8);
    expect(r.peakResidualMW).toBe(4);
    expect(r.counts).toEqual({ added: 2, cancelled: 0, increased: 1, reduced: 0 });
    expect(verifyRevision(p2, r, inForce, atMs, notified).violations).toEqual([]);
  });

  it('when the gap shrinks, orders are reduced without flapping and the past is left as it was', () => {
    const gap = [0, 0, 9, 9, 9, 9, 0, 0];
    const p = problem(8, gap);
    const inForce = solvePlan(p);
    // 9 MW from 02:00 to 06:00: D 2 + A 5 + B 2.
    expect(mwOf(p, inForce.x, 'B')).toEqual([0, 0, 2, 2, 2, 2, 0, 0]);
    // At 03:00 the gap dips to 5 MW at 03:00, is 9 again at 04:00 and gone at 05:00.
    const p2 = withGap(p, [0, 0, 9, 5, 9, 0, 0, 0]);
    const atMs = START + 3 * HOUR, notified = notifiedOf(p, ['D', 'A', 'B']);
    const r = replan(p2, inForce, { atMs, notified });
    // 03:00: 4 MW too much, taken from the largest order (A 5 → 1), nobody switched off for one
    // hour; 04:00: A back to 5; 05:00: the gap is gone and the runs end, so all three are cut.
    expect(mwOf(p2, r.x, 'A')).toEqual([0, 0, 5, 1, 5, 0, 0, 0]);
    expect(mwOf(p2, r.x, 'B')).toEqual([0, 0, 2, 2, 2, 0, 0, 0]);
    expect(mwOf(p2, r.x, 'D')).toEqual([0, 0, 2, 2, 2, 0, 0, 0]);
    expect(r.counts).toEqual({ added: 0, cancelled: 0, increased: 0, reduced: 3 });
    expect(verifyRevision(p2, r, inForce, atMs, notified).violations).toEqual([]);
    // A plan made afresh for the new gap switches B off at 03:00 and on again at 04:00: the
    // verifier refuses that as a revision (flapping).
    const fresh = solvePlan(p2);
    expect(mwOf(p2, fresh.x, 'B').slice(2, 5)).toEqual([2, 0, 2]);
    const v = verifyRevision(p2, fresh, inForce, atMs, notified);
    expect(v.counts.revision).toBeGreaterThan(0);
    expect(v.violations.map((x) => x.message)).toContain('B: its order is cut to 0 at hour 3 (day 0, 03:00) and switched on again at hour 4 (day 0, 04:00), inside the same run of hours the plan in force ordered (flapping)');
  });
});

describe('re-planning the rest of the day with a feeder that may be opened', () => {
  it('when the measures run out, a whole feeder whose customers\' notice fits from T is opened, last, as the planner would', () => {
    const p = handProblem({
      hours: 6, leadHours: 48, systemGap: [0, 0, 0, 6, 6, 0], snapBackShare: 0,
      feeders: [{ id: 'F', area: 'A', servesProtected: true, protectedCustomers: 1 }, { id: 'G', area: 'A' }],
      customers: [
        { id: 'D', feeder: 'F', baseMW: 10, noticeHours: 1, measures: [{ measure: 'demand-response', mw: 2, costPerMWh: 500 }] },
        { id: 'A', feeder: 'F', baseMW: 10, noticeHours: 2, measures: [{ measure: 'demand-response', mw: 5, costPerMWh: 1000 }] },
        { id: 'B', feeder: 'F', baseMW: 10, noticeHours: 2, measures: [{ measure: 'demand-response', mw: 3, costPerMWh: 1100 }] },
        { id: 'E', feeder: 'F', baseMW: 10, noticeHours: 2, measures: [{ measure: 'demand-response', mw: 6, costPerMWh: 1200 }] },
        { id: 'W', feeder: 'G', baseMW: 5, noticeHours: 1, measures: [{ measure: 'demand-response', mw: 1, costPerMWh: 3000 }] },
      ],
    });
    const inForce = solvePlan(p);
    expect(inForce.feederOpen.every((v) => v === 0)).toBe(true);
    const p2 = withGap(p, [0, 0, 0, 20, 20, 0]);
    const atMs = START + HOUR, notified = notifiedOf(p, ['A']);
    const r = replan(p2, inForce, { atMs, notified });
    // Measures give 2 + 5 + 3 + 6 + 1 = 17 of 20; feeder G opened takes W whole (5 MW, its 1 MW
    // of demand response going with it): 21; the 1 MW too much given back by the largest order
    // of a customer not yet notified (E 6 → 5).
    const G = 1;
    expect(Array.from(r.feederOpen.subarray(G * 6, G * 6 + 6))).toEqual([0, 0, 0, 1, 1, 0]);
    expect(Array.from(r.feederMW.subarray(G * 6, G * 6 + 6))).toEqual([0, 0, 0, 5, 5, 0]);
    expect(mwOf(p2, r.x, 'W')).toEqual([0, 0, 0, 0, 0, 0]);
    expect(mwOf(p2, r.x, 'E')).toEqual([0, 0, 0, 5, 5, 0]);
    expect(Array.from(r.residualMW[0])).toEqual([0, 0, 0, 0, 0, 0]);
    expect(r.changes.find((c) => c.customer === 'W')).toMatchObject({ kind: 'added', mwhAfter: 10 });
    expect(verifyRevision(p2, r, inForce, atMs, notified).violations).toEqual([]);
  });
});

describe('re-planning a dip across two rungs of the ladder', () => {
  it('gives back from the later rung first and leaves the surplus rather than break the ladder', () => {
    // P: demand response 3 MW (rung 1); Q: 限电 to a 6 MW cap on a 10 MW load (4 MW, rung 4).
    const p = handProblem({
      hours: 6, leadHours: 48, systemGap: [0, 0, 5, 5, 5, 0], snapBackShare: 0,
      feeders: [{ id: 'F', area: 'A', servesProtected: true, protectedCustomers: 1 }],
      customers: [
        { id: 'P', feeder: 'F', baseMW: 10, noticeHours: 2, measures: [{ measure: 'demand-response', mw: 3, costPerMWh: 2000 }] },
        { id: 'Q', feeder: 'F', baseMW: 10, noticeHours: 2, measures: [{ measure: 'limit', mw: 6, costPerMWh: 500 }] },
      ],
    });
    const inForce = solvePlan(p);
    // The ladder: P's 3 first, then Q's 2.
    expect(mwOf(p, inForce.x, 'P')).toEqual([0, 0, 3, 3, 3, 0]);
    expect(mwOf(p, inForce.x, 'Q')).toEqual([0, 0, 2, 2, 2, 0]);
    // At 03:00 the gap dips to 1.5 MW for that hour and is 5 again at 04:00.
    const p2 = withGap(p, [0, 0, 5, 1.5, 5, 0]);
    const atMs = START + 3 * HOUR, notified = notifiedOf(p, ['P', 'Q']);
    const r = replan(p2, inForce, { atMs, notified });
    // Q (the later rung) gives back all it can without being switched off inside its run (it is
    // needed again at 04:00): 2 → 0.001 MW. P, on the earlier rung, keeps its 3 MW while Q is on:
    // 3.001 MW against 1.5 needed, 1.501 MW over-covered, said so.
    expect(mwOf(p2, r.x, 'Q')).toEqual([0, 0, 2, 0.001, 2, 0]);
    expect(mwOf(p2, r.x, 'P')).toEqual([0, 0, 3, 3, 3, 0]);
    expect(r.overCoveredMWh).toBeCloseTo(1.501, 9);
    expect(r.coveredMW[0][3]).toBe(1.5);
    expect(verifyRevision(p2, r, inForce, atMs, notified).violations).toEqual([]);
    // Giving back from P as well (P 0.5 + Q 1: 1.5 exactly) is refused: a later rung on while an earlier one has room.
    const x = Float64Array.from(r.x);
    x[0 * 6 + 3] = 0.5; x[1 * 6 + 3] = 1;
    const v = verifyRevision(p2, { ...r, x }, inForce, atMs, notified);
    expect(v.counts.ladder).toBeGreaterThan(0);
  });
});

describe('the verifier judging a revision', () => {
  it('refuses a revision that adds an order inside a customer\'s lead time from T', () => {
    const p = problem(6, [0, 0, 0, 6, 6, 0]);
    const inForce = solvePlan(p);
    const p2 = withGap(p, [0, 0, 0, 20, 20, 0]);
    const atMs = START + HOUR, notified = notifiedOf(p, ['A']);
    const r = replan(p2, inForce, { atMs, notified });
    // L given the 4 MW left at 03:00: covered then, but L needs 24 h of notice and gets 2.
    const x = Float64Array.from(r.x);
    const L = p2.customers.id.indexOf('L');
    x[L * p2.hours + 3] = 4;
    const covered = r.coveredMW.map((c) => Float64Array.from(c)), residual = r.residualMW.map((c) => Float64Array.from(c));
    covered[0][3] = 20; residual[0][3] = 0;
    const v = verifyRevision(p2, { ...r, x, coveredMW: covered, residualMW: residual }, inForce, atMs, notified);
    expect(v.ok).toBe(false);
    expect(v.counts.notice).toBe(1);
    expect(v.violations[0].message).toBe('L hour 3 (day 0, 03:00): ordered 2 h ahead of the revision, needs 24 h (and was not notified for the day)');
    // The same order judged as a plan issued 48 h ahead would pass the notice rule: it is T that refuses it.
    expect(verifyPlan(p2, { strategy: 'cost', ...r, x, coveredMW: covered, residualMW: residual, fairShare: null }).counts.notice ?? 0).toBe(0);
  });

  it('refuses a revision that changes an hour before T', () => {
    const p = problem(8, [0, 0, 9, 9, 9, 9, 0, 0]);
    const inForce = solvePlan(p);
    const atMs = START + 3 * HOUR, notified = notifiedOf(p, ['D', 'A', 'B']);
    const r = replan(p, inForce, { atMs, notified });
    expect(verifyRevision(p, r, inForce, atMs, notified).violations).toEqual([]);
    const x = Float64Array.from(r.x);
    x[p.customers.id.indexOf('B') * p.hours + 2] = 1;
    const v = verifyRevision(p, { ...r, x }, inForce, atMs, notified);
    expect(v.violations.map((m) => m.message)).toContain('B (demand-response) hour 2 (day 0, 02:00): 1 MW in an hour before the revision\'s time, the plan in force had 2 (the past is not re-planned)');
  });
});

describe('a revision read back from its file', () => {
  it('is refused by its place when its block is not what a revision writes', () => {
    const p = problem(6, [0, 0, 0, 6, 6, 0]);
    const bad = { at: 'soon', inForce: { issuedAt: '', orders: 'none', feedersOpened: [] }, notified: ['A@2024-07-10', 'Z@2024-07-10'] } as unknown as RevisionBlock;
    const r = revisionToVerify('rev.json', p, bad);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems.map((x) => x.path)).toEqual(['rev.json: revision.at', 'rev.json: revision.inForce.orders']);
    const unknown = { at: '2024-07-10T01:00+08:00', inForce: { issuedAt: '', orders: [{ customer: 'Z', measure: 'limit', mw: [0, 0, 0, 0, 0, 0] }], feedersOpened: [] }, notified: ['Z@2024-07-10'] } as unknown as RevisionBlock;
    const u = revisionToVerify('rev.json', p, unknown);
    expect(!u.ok && u.problems.map((x) => x.message)).toEqual([
      'expected a customer and measure of the scenario\'s plan tables, found "Z" "limit"',
      'expected customer@date, a curtailable customer of the scenario on a day of the plan, found "Z@2024-07-10"',
    ]);
  });
});
