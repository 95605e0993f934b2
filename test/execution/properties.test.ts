/**
 * Invariants of execution, on random days of the hand case (seeded fast-check): the order of a
 * meter file's rows changes nothing; completion and execution rates stay within 0–1; a customer
 * that releases exactly its order in every hour is at 100 %, and one that releases nothing at 0 %;
 * delivering more than ordered in one hour never lifts another hour's shortfall.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { executePlan } from '../../core/execution/execute.ts';
import { loadScenarioValue } from '../../core/scenario/validate.ts';
import { BASELINE, dates, handPlan, handScenario, ORDER_HOURS } from './hand-case.ts';

const s = loadScenarioValue(handScenario()).scenario!;
const plan = handPlan();
const ORDERED: Record<string, number> = { I1: 2, I2: 1, M1: 0.5 };

/** Meter rows: baseline days flat, the day with each customer's release per ordered hour as given. */
function rows(release: Record<string, number[]>): string[] {
  const out: string[] = [];
  for (const date of dates('2024-06-20', '2024-07-03')) {
    for (let h = 0; h < 24; h++) {
      for (const id of ['I1', 'I2', 'M1']) {
        const k = ORDER_HOURS.indexOf(h);
        const v = date === '2024-07-03' && k >= 0 ? BASELINE[id] - release[id][k] : BASELINE[id];
        out.push(`${date}T${String(h).padStart(2, '0')}:00+08:00,${id},${Math.round(v * 1e6) / 1e6}`);
      }
    }
  }
  return out;
}
const judge = (lines: string[]) => {
  const r = executePlan(s, plan, 'm.csv', ['time,customer,load_MW', ...lines].join('\n'), {});
  if (!r.ok) throw new Error(r.problems[0].message);
  return r.result;
};
const releaseArb = fc.record(Object.fromEntries(Object.entries(ORDERED).map(([id, mw]) => [id, fc.array(fc.double({ min: -0.5, max: mw * 1.5, noNaN: true }), { minLength: 3, maxLength: 3 })])) as Record<string, fc.Arbitrary<number[]>>);

describe('execution invariants', () => {
  it('gives the same figures whatever the order of the meter file\'s rows', () => {
    fc.assert(fc.property(releaseArb, fc.integer(), (release, seed) => {
      const lines = rows(release);
      const shuffled = [...lines];
      let x = seed >>> 0;
      for (let i = shuffled.length - 1; i > 0; i--) { x = (Math.imul(x, 1664525) + 1013904223) >>> 0; const j = x % (i + 1); [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]]; }
      expect(JSON.stringify(judge(shuffled))).toBe(JSON.stringify(judge(lines)));
    }), { numRuns: 8, seed: 17 });
  });

  it('keeps completion and execution rates within 0–1, and the shortfall list exactly the customers below the threshold', () => {
    fc.assert(fc.property(releaseArb, (release) => {
      const d = judge(rows(release)).days[0].compliance;
      for (const c of d.customers) {
        expect(c.completion!).toBeGreaterThanOrEqual(0);
        expect(c.completion!).toBeLessThanOrEqual(1 + 1e-12);
        expect(c.executionRate!).toBeGreaterThanOrEqual(0);
        expect(c.executionRate!).toBeLessThanOrEqual(1);
        expect(c.executed).toBe(c.completion! >= 0.8 - 1e-9);
        // By hand: Σ min(max(release, 0), order) / Σ order.
        const order = ORDERED[c.customer];
        const expected = release[c.customer].reduce((a, r) => a + Math.min(Math.max(r, 0), order), 0) / (3 * order);
        expect(c.completion!).toBeCloseTo(expected, 5);
      }
    }), { numRuns: 25, seed: 18 });
  });

  it('puts a customer releasing exactly its order at 100 % and one releasing nothing at 0 %', () => {
    const d = judge(rows({ I1: [2, 2, 2], I2: [0, 0, 0], M1: [0.5, 0.5, 0.5] })).days[0].compliance;
    expect(d.customers.map((c) => [c.customer, c.completion, c.executionRate])).toEqual([['I1', 1, 1], ['I2', 0, 0], ['M1', 1, 1]]);
  });

  it('never lets an hour over its order make up for an hour short of it', () => {
    const d = judge(rows({ I1: [0, 3, 3], I2: [1, 1, 1], M1: [0.5, 0.5, 0.5] })).days[0].compliance;
    const i1 = d.customers.find((c) => c.customer === 'I1')!;
    expect(i1.completion).toBeCloseTo(2 / 3, 9);
    expect(i1.lateHours).toBe(1);
  });
});
