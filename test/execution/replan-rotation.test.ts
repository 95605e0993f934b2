/**
 * Re-planning an energy rotation during the day, worked by hand: three customers, each alone on
 * its feeder (so each is a block of its own), 5 MW of demand response for at most 4 hours a day
 * (20 MWh a day each), no gap in any hour, snap-back 0; two energy-short days of 40 MWh. Hours
 * from 2024-07-10 00:00 +08:00. The plan in force rotates: day 1 blocks 1 (P) and 2 (Q), hours
 * 0–3; day 2 from the block after the last one hit, 3 (R), then 1 (P), hours 24–27.
 */
import { describe, expect, it } from 'vitest';
import { replan } from '../../core/execution/replan.ts';
import type { PlanProblem } from '../../core/plan/problem.ts';
import { solvePlan } from '../../core/plan/solve.ts';
import { verifyPlan } from '../../core/plan/verify.ts';
import { handProblem } from '../support/hand-problem.ts';

const HOUR = 3_600_000;
const START = Date.parse('2024-07-09T16:00:00Z');
const AT = START + 13 * HOUR; // day 1, 13:00

function problem(day2MWh: number, qNotice = 2): PlanProblem {
  return handProblem({
    hours: 48, leadHours: 48, systemGap: new Array(48).fill(0), snapBackShare: 0,
    feeders: ['F1', 'F2', 'F3'].map((id) => ({ id, area: 'A' })),
    customers: [
      { id: 'P', feeder: 'F1', baseMW: 10, noticeHours: 2, maxHoursPerDay: 4, measures: [{ measure: 'demand-response', mw: 5, costPerMWh: 500 }] },
      { id: 'Q', feeder: 'F2', baseMW: 10, noticeHours: qNotice, maxHoursPerDay: 4, measures: [{ measure: 'demand-response', mw: 5, costPerMWh: 600 }] },
      { id: 'R', feeder: 'F3', baseMW: 10, noticeHours: 2, maxHoursPerDay: 4, measures: [{ measure: 'demand-response', mw: 5, costPerMWh: 700 }] },
    ],
    energyDays: [{ date: '2024-07-10', gapMWh: 40 }, { date: '2024-07-11', gapMWh: day2MWh }],
  });
}
/** Hours customer `id` is ordered in, with MW (its one unit). */
const ordered = (p: PlanProblem, x: Float64Array, id: string) => {
  const u = p.customers.id.indexOf(id), out: string[] = [];
  for (let h = 0; h < p.hours; h++) if (x[u * p.hours + h] > 0) out.push(`${h}:${Math.round(x[u * p.hours + h] * 1000) / 1000}`);
  return out.join(' ');
};
const everyoneNotified = (p: PlanProblem) => new Uint8Array(p.customers.id.length * 2).fill(1);

describe('re-planning an energy rotation during the day', () => {
  const inForce = solvePlan(problem(40));

  it('starts from the rotation worked by hand', () => {
    const p = problem(40);
    expect(ordered(p, inForce.x, 'P')).toBe('0:5 1:5 2:5 3:5 24:5 25:5 26:5 27:5');
    expect(ordered(p, inForce.x, 'Q')).toBe('0:5 1:5 2:5 3:5');
    expect(ordered(p, inForce.x, 'R')).toBe('24:5 25:5 26:5 27:5');
    expect(inForce.rotation!.days.map((d) => d.blocks.join())).toEqual(['1,2', '1,3']);
  });

  it('keeps the rotation\'s orders in hours with no gap, instead of giving them back as over-coverage', () => {
    const p = problem(40);
    const r = replan(p, inForce, { atMs: AT, notified: everyoneNotified(p), rotation: true });
    for (const id of ['P', 'Q', 'R']) expect(ordered(p, r.x, id)).toBe(ordered(p, inForce.x, id));
    expect(r.changes).toEqual([]);
    expect(r.rotation!.days.map((d) => [d.date, d.savedMWh, d.residualMWh, d.blocks.join()])).toEqual([['2024-07-10', 40, 0, '1,2'], ['2024-07-11', 40, 0, '1,3']]);
  });

  it('saves a day\'s grown energy need with the next block in turn, where its notice fits', () => {
    // Day 2 now needs 50 MWh: P and R are on duty that day already, at their 4 hours; the next
    // block, Q's, gives the 10 MWh left in the day's first hours (its 2 h notice fits from 13:00).
    const p = problem(50);
    const r = replan(p, inForce, { atMs: AT, notified: everyoneNotified(p), rotation: true });
    expect(ordered(p, r.x, 'Q')).toBe('0:5 1:5 2:5 3:5 24:5 25:5');
    expect(ordered(p, r.x, 'P')).toBe(ordered(p, inForce.x, 'P'));
    expect(ordered(p, r.x, 'R')).toBe(ordered(p, inForce.x, 'R'));
    const day2 = r.rotation!.days[1];
    expect([day2.savedMWh, day2.residualMWh, day2.blocks.join()]).toEqual([50, 0, '1,2,3']);
    expect(Array.from(r.xEnergy!).reduce((t, v) => t + v, 0)).toBe(90);
    const v = verifyPlan(p, { strategy: 'cost', ...r, fairShare: null, revision: { atMs: AT, inForceX: inForce.x, inForceFeederOpen: inForce.feederOpen, notified: everyoneNotified(p) } });
    expect(v.violations).toEqual([]);
  });

  it('gives back what a day no longer needs: customers not notified for it first, then the block last on duty, from the end of its run', () => {
    // Day 2 now needs 30 MWh: 10 MWh to give back. Everyone notified: the day's turn was R (block
    // 3), then P (block 1), so P's last two hours go.
    const p = problem(30);
    const r = replan(p, inForce, { atMs: AT, notified: everyoneNotified(p), rotation: true });
    expect(ordered(p, r.x, 'P')).toBe('0:5 1:5 2:5 3:5 24:5 25:5');
    expect(ordered(p, r.x, 'R')).toBe(ordered(p, inForce.x, 'R'));
    expect([r.rotation!.days[1].savedMWh, r.rotation!.days[1].residualMWh]).toEqual([30, 0]);
    // P told of day 2 and R not yet: R's orders go first (nobody need call it back).
    const notified = new Uint8Array(6);
    notified[p.customers.id.indexOf('P') * 2 + 1] = 1;
    const r2 = replan(p, inForce, { atMs: AT, notified, rotation: true });
    expect(ordered(p, r2.x, 'R')).toBe('24:5 25:5');
    expect(ordered(p, r2.x, 'P')).toBe(ordered(p, inForce.x, 'P'));
    // The past is never given back: day 1 before 13:00 stays as ordered.
    expect(ordered(p, r2.x, 'Q')).toBe(ordered(p, inForce.x, 'Q'));
    const v = verifyPlan(p, { strategy: 'cost', ...r2, fairShare: null, revision: { atMs: AT, inForceX: inForce.x, inForceFeederOpen: inForce.feederOpen, notified } });
    expect(v.violations).toEqual([]);
  });

  it('orders a block new to the day only from the hour its notice reaches, and says what it cannot reach', () => {
    // Q needs 24 h of notice: from 13:00 it cannot be ordered before 13:00 the next day, so its
    // 10 MWh come in hours 37–38 (13:00–15:00), not at the day's start.
    const late = problem(50, 24), given = solvePlan(problem(40, 24));
    const r = replan(late, given, { atMs: AT, notified: new Uint8Array(6), rotation: true });
    expect(ordered(late, r.x, 'Q')).toBe('0:5 1:5 2:5 3:5 37:5 38:5');
    expect(r.rotation!.days[1].residualMWh).toBe(0);
    // With 36 h it cannot be reached at all on day 2: the 10 MWh stay short, said as the day's residual.
    const never = problem(50, 36), given36 = solvePlan(problem(40, 36));
    const r36 = replan(never, given36, { atMs: AT, notified: new Uint8Array(6), rotation: true });
    expect(ordered(never, r36.x, 'Q')).toBe(ordered(never, given36.x, 'Q'));
    expect([r36.rotation!.days[1].savedMWh, r36.rotation!.days[1].residualMWh]).toEqual([40, 10]);
  });
});
