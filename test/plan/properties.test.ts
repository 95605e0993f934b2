/**
 * Properties of the planner over a thousand random cases (seeded: the same cases every run),
 * through the real path: scenario file → loader → problem builder → solver → verifier. HiGHS
 * (pinned 1.15.3, WebAssembly) is the independent oracle for the optimum.
 */
import fc from 'fast-check';
import highsLoader from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPlanProblem } from '../../core/plan/build-problem.ts';
import { planLp } from '../../core/plan/lp-format.ts';
import { STRATEGIES } from '../../core/plan/order.ts';
import { planProblem } from '../../core/plan/plan-scenario.ts';
import { lpObjective } from '../../core/plan/report.ts';
import { isProtectedClass } from '../../core/scenario/classes.ts';
import { randomCase } from '../support/random-plan-case.ts';

const RUNS = 1000;
type Highs = Awaited<ReturnType<typeof highsLoader>>;
let highs: Highs;
beforeAll(async () => { highs = await highsLoader(); });

const cases = new Map<number, ReturnType<typeof build>>();
function build(seed: number) {
  const { scenario, assessment } = randomCase(seed);
  const problem = buildPlanProblem(scenario, assessment);
  const plans = STRATEGIES.map((strategy) => ({ strategy, ...planProblem(problem, strategy, { scenario: { id: scenario.id, name: scenario.name }, level: null }, scenario) }));
  return { scenario, problem, plans };
}
const at = (seed: number) => { if (!cases.has(seed)) cases.set(seed, build(seed)); return cases.get(seed)!; };
const seeds = fc.integer({ min: 1, max: 1_000_000 });
const options = { seed: 20261127, numRuns: RUNS };

describe('plans of a thousand random cases', () => {
  it('every plan passes the independent verifier, whatever the strategy', () => {
    fc.assert(fc.property(seeds, (seed) => {
      for (const plan of at(seed).plans) expect(plan.report.verification.violations, `seed ${seed} ${plan.strategy}`).toEqual([]);
    }), options);
  });

  it('no protected customer is curtailed and no feeder serving one is opened, checked on the scenario itself', () => {
    fc.assert(fc.property(seeds, (seed) => {
      const { scenario, problem, plans } = at(seed);
      const cls = new Map(scenario.customers.map((c) => [c.id, c.class]));
      const unsafeFeeders = new Set(scenario.customers.filter((c) => isProtectedClass(c.class)).map((c) => c.feeder));
      for (const f of scenario.feeders) if (f.residentialShare > 0) unsafeFeeders.add(f.id);
      for (const { solved } of plans) {
        const H = problem.hours;
        for (let u = 0; u < problem.units.customer.length; u++) {
          const id = problem.customers.id[problem.units.customer[u]];
          for (let h = 0; h < H; h++) if (solved.x[u * H + h] > 0) expect(isProtectedClass(cls.get(id)!), `${id} curtailed`).toBe(false);
        }
        for (let f = 0; f < problem.feeders.id.length; f++) {
          for (let h = 0; h < H; h++) if (solved.feederOpen[f * H + h]) expect(unsafeFeeders.has(problem.feeders.id[f]), `${problem.feeders.id[f]} opened`).toBe(false);
        }
      }
    }), options);
  });

  it('covered plus residual equals the requirement in every hour and area, and the requirement is never below the gap', () => {
    fc.assert(fc.property(seeds, (seed) => {
      const { problem, plans } = at(seed);
      for (const { solved } of plans) {
        problem.constraints.forEach((k, i) => {
          for (let h = 0; h < problem.hours; h++) {
            const need = solved.requiredMW[i][h];
            expect(Math.abs(solved.coveredMW[i][h] + solved.residualMW[i][h] - need)).toBeLessThanOrEqual(1e-9 * Math.max(1, need));
            expect(need).toBeGreaterThanOrEqual(Math.max(0, k.gapMW[h]) - 1e-9);
          }
        });
      }
    }), options);
  });

  it('the least-cost plan reaches HiGHS\'s optimum on every case without an opened feeder (presolve off)', () => {
    let compared = 0;
    fc.assert(fc.property(seeds, (seed) => {
      const { problem, plans } = at(seed);
      const plan = plans.find((x) => x.strategy === 'cost')!;
      if (plan.report.feedersOpened.length) return; // feeders open whole: an integer choice, not this LP's
      const lp = planLp(problem, plan.solved);
      const r = highs.solve(lp.text, { presolve: 'off', output_flag: false });
      expect(r.Status, `seed ${seed}`).toBe('Optimal');
      const ours = lpObjective(problem, plan.solved).value;
      expect(Math.abs(r.ObjectiveValue - ours), `seed ${seed}: HiGHS ${r.ObjectiveValue}, ours ${ours}`).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(ours)));
      compared++;
    }), options);
    expect(compared).toBeGreaterThan(RUNS * 0.6);
  });

  it('javascript-lp-solver, given each hour\'s model, agrees with the least-cost plan (and its answer is checked too)', () => {
    let agreed = 0;
    fc.assert(fc.property(seeds, (seed) => {
      const plan = at(seed).plans.find((x) => x.strategy === 'cost')!;
      const check = plan.report.optimumCheck!;
      expect(check.rejectedHours, `seed ${seed}`).toBe(0);
      expect(check.worseHours, `seed ${seed}`).toEqual([]);
      if (!check.checkedHours) return;
      expect(check.agrees, `seed ${seed}: ${JSON.stringify(check)}`).toBe(true);
      agreed++;
    }), { ...options, numRuns: 300 });
    expect(agreed).toBeGreaterThan(150);
  });

  it('the fair plan is least-cost under its shares, as HiGHS finds with presolve on', () => {
    let compared = 0;
    fc.assert(fc.property(seeds, (seed) => {
      const { problem, plans } = at(seed);
      const plan = plans.find((x) => x.strategy === 'fair')!;
      if (plan.report.feedersOpened.length || plan.solved.fairExceeded!.some((v) => v)) return;
      const r = highs.solve(planLp(problem, plan.solved).text, { presolve: 'on', output_flag: false });
      expect(r.Status).toBe('Optimal');
      const ours = lpObjective(problem, plan.solved).value;
      expect(Math.abs(r.ObjectiveValue - ours), `seed ${seed}`).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(ours)));
      compared++;
    }), options);
    expect(compared).toBeGreaterThan(RUNS * 0.4);
  });

  it('no plan can use fewer customers than the lower bound the fewest-customers plan reports', () => {
    fc.assert(fc.property(seeds, (seed) => {
      const { plans } = at(seed);
      const bound = plans.find((x) => x.strategy === 'fewest')!.report.objective.customersLowerBound!;
      for (const plan of plans) expect(bound, `seed ${seed} ${plan.strategy}`).toBeLessThanOrEqual(plan.report.objective.customersAffected);
    }), options);
  });
});
