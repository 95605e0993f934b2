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
import { lpObjective } from '../../core/plan/objective.ts';
import type { PlanProblem } from '../../core/plan/problem.ts';
import type { SolvedPlan } from '../../core/plan/solve.ts';
import { isProtectedClass } from '../../core/scenario/classes.ts';
import { randomCase } from '../support/random-plan-case.ts';

const RUNS = Number(process.env.PLAN_RUNS ?? 1000);

/**
 * Ladder and tier breaches, computed from the problem's raw tables only (baselines, floors, 限电
 * caps, measure terms, notice, daily hours), not from the solver's capacity table or the shares a
 * plan reports (only the daily hours it assigned bind, as it reports them): a unit of a later band used (beyond the parts decided by rule) in a constraint and
 * hour that is exactly covered, while a unit of an earlier band inside it has room, its customer
 * orderable, within its daily hours, its feeder closed and its curtailment not just ended; or an
 * earlier rung of the same customer with room.
 */
function ladderBreaches(p: PlanProblem, s: SolvedPlan): string[] {
  const H = p.hours, U = p.units.customer.length, C = p.customers.id.length, K = p.constraints.length;
  const out: string[] = [];
  const rung = (u: number) => p.ladder.indexOf((['demand-response', 'shift', 'avoid-peak', 'limit'] as const)[p.units.measure[u]]);
  const band = (u: number) => rung(u) * 3 + p.customers.tier[p.units.customer[u]];
  const kw = (v: number) => (v <= 0 ? 0 : Math.floor(v * 1000 + 1e-6) / 1000);
  const lowest = Float64Array.from(p.customers.floorMW);
  for (let u = 0; u < U; u++) if (p.units.measure[u] === 3) lowest[p.units.customer[u]] = Math.max(lowest[p.units.customer[u]], p.units.paramMW[u]);
  const terms = (u: number, h: number) => {
    const c = p.units.customer[u], base = p.customers.baseline[c * H + h], room = Math.max(0, base - lowest[c]);
    const inside = (p.units.windowMask[u] >>> p.localHour[h]) & 1;
    const m = p.units.measure[u];
    return kw(m === 3 ? room : m === 2 ? (inside ? Math.min(p.units.paramMW[u], room) : 0) : Math.min(p.units.paramMW[u], room));
  };
  const released = new Float64Array(C * H);
  for (let u = 0; u < U; u++) for (let h = 0; h < H; h++) released[p.units.customer[u] * H + h] += s.x[u * H + h];
  const open = new Uint8Array(C * H);
  for (let f = 0; f < p.feeders.id.length; f++) for (let h = 0; h < H; h++) if (s.feederOpen[f * H + h]) for (const c of p.feeders.customers[f]) open[c * H + h] = 1;
  const on = (c: number, h: number) => released[c * H + h] > 1e-9 || open[c * H + h] === 1;
  const days = p.dayIndex[H - 1] + 1, used = new Uint8Array(C * days);
  for (let c = 0; c < C; c++) for (let h = 0; h < H; h++) if (on(c, h)) used[c * days + p.dayIndex[h]]++;
  const inArea = (c: number, k: number) => { for (let a = p.customers.area[c]; a >= 0; a = p.areaParent[a]) if (a === p.constraints[k].area) return true; return false; };
  // The daily hours as the plan assigned them (a rule-made decision it reports) bind as well.
  const assigned = (c: number, h: number) => !s.allowed || ((s.allowed[c * days + p.dayIndex[h]] >>> p.localHour[h]) & 1) === 1 || on(c, h);
  const free = (c: number, h: number) => (p.startMs + h * 3_600_000 - p.issuedAtMs) / 3_600_000 >= p.customers.noticeHours[c] - 1e-9 && !open[c * H + h] && assigned(c, h) &&
    (on(c, h) || used[c * days + p.dayIndex[h]] < p.customers.maxHoursPerDay[c]) && !(h > 0 && !on(c, h) && on(c, h - 1));
  const room = (u: number, h: number) => {
    const c = p.units.customer[u];
    if (!free(c, h)) return 0;
    return Math.min(terms(u, h) - s.x[u * H + h], kw(Math.max(0, p.customers.baseline[c * H + h] - lowest[c])) - released[c * H + h]);
  };
  const covered = (k: number, h: number) => {
    let t = 0;
    for (let c = 0; c < C; c++) if (inArea(c, k)) t += released[c * H + h];
    for (let f = 0; f < p.feeders.id.length; f++) if (s.feederOpen[f * H + h] && inArea(p.feeders.customers[f][0] ?? -1, k)) t += s.feederMW[f * H + h];
    return t;
  };
  for (let h = 0; h < H; h++) {
    for (let u = 0; u < U; u++) {
      if (p.units.measure[u] === 1) continue; // shifts: their room to come back is shared
      const own = s.x[u * H + h] - (s.xEnergy?.[u * H + h] ?? 0) - (s.xHold?.[u * H + h] ?? 0);
      if (own <= 1e-6) continue;
      const c = p.units.customer[u];
      for (let w = 0; w < U; w++) {
        if (p.units.measure[w] === 1 || band(w) >= band(u)) continue;
        const d = p.units.customer[w];
        let r = room(w, h);
        if (d === c) r = Math.min(terms(w, h) - s.x[w * H + h], kw(Math.max(0, p.customers.baseline[c * H + h] - lowest[c])) - released[c * H + h] + own);
        if (r <= 1e-6) continue;
        // Could w take some of u's place without uncovering anything? Inside every constraint
        // that holds u and is exactly covered, w must be inside too.
        let ok = true;
        for (let k = 0; k < K; k++) {
          if (!inArea(c, k)) continue;
          const exact = covered(k, h) - s.requiredMW[k][h] <= 1e-6 * Math.max(1, s.requiredMW[k][h]);
          if (exact && !inArea(d, k)) { ok = false; break; }
        }
        if (ok && ([...Array(K).keys()].some((k) => inArea(c, k) && covered(k, h) - s.requiredMW[k][h] <= 1e-6 * Math.max(1, s.requiredMW[k][h])))) {
          out.push(`${p.customers.id[c]} at hour ${h}: ${own} MW in band ${band(u)} while ${p.customers.id[d]} has ${r} MW in band ${band(w)}`);
          break;
        }
      }
    }
  }
  return out;
}
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
  // The first property builds the cases (three plans each, verified and checked by an LP solver).
  it('every plan passes the independent verifier, whatever the strategy', () => {
    fc.assert(fc.property(seeds, (seed) => {
      for (const plan of at(seed).plans) expect(plan.report.verification.violations, `seed ${seed} ${plan.strategy}`).toEqual([]);
    }), options);
  }, 240_000);

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

  it('HiGHS equals lpValue for every strategy on every case, opened feeders and fair shares included (presolve off)', () => {
    let compared = 0, withFeeders = 0;
    fc.assert(fc.property(seeds, (seed) => {
      const { problem, plans } = at(seed);
      for (const plan of plans) {
        const lp = planLp(problem, plan.solved);
        const r = highs.solve(lp.text, { presolve: 'off', output_flag: false });
        expect(r.Status, `seed ${seed} ${plan.strategy}`).toBe('Optimal');
        const ours = lpObjective(problem, plan.solved).value;
        expect(ours, `seed ${seed} ${plan.strategy}`).toBe(plan.report.objective.lpValue);
        expect(Math.abs(r.ObjectiveValue - ours), `seed ${seed} ${plan.strategy}: HiGHS ${r.ObjectiveValue}, ours ${ours}`).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(ours)));
        compared++;
        if (plan.report.feedersOpened.length) withFeeders++;
      }
    }), options);
    expect(compared).toBe(RUNS * 3);
    expect(withFeeders).toBeGreaterThan(RUNS * 0.05);
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
    fc.assert(fc.property(seeds, (seed) => {
      const { problem, plans } = at(seed);
      const plan = plans.find((x) => x.strategy === 'fair')!;
      const r = highs.solve(planLp(problem, plan.solved).text, { presolve: 'on', output_flag: false });
      expect(r.Status).toBe('Optimal');
      const ours = lpObjective(problem, plan.solved).value;
      expect(Math.abs(r.ObjectiveValue - ours), `seed ${seed}`).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(ours)));
    }), { ...options, numRuns: 300 });
  });

  it('every strategy keeps the ladder and the tiers, by a check computed here from the customers\' raw room', () => {
    fc.assert(fc.property(seeds, (seed) => {
      const { problem, plans } = at(seed);
      for (const plan of plans) expect(ladderBreaches(problem, plan.solved), `seed ${seed} ${plan.strategy}`).toEqual([]);
    }), options);
  });

  it('the fair and fewest plans never leave more residual than the least-cost plan (beyond rounding)', () => {
    fc.assert(fc.property(seeds, (seed) => {
      const { plans } = at(seed);
      const residual = (s: string) => plans.find((x) => x.strategy === s)!.report.residual.totalMWh + (plans.find((x) => x.strategy === s)!.report.rotation?.days.reduce((t, d) => t + d.residualMWh, 0) ?? 0);
      for (const s of ['fair', 'fewest']) expect(residual(s), `seed ${seed} ${s} against cost`).toBeLessThanOrEqual(residual('cost') + 0.01);
    }), options);
  });

  it('no plan can use fewer customers than the lower bound the fewest-customers plan reports', () => {
    fc.assert(fc.property(seeds, (seed) => {
      const { plans } = at(seed);
      const bound = plans.find((x) => x.strategy === 'fewest')!.report.objective.customersLowerBound!;
      for (const plan of plans) expect(bound, `seed ${seed} ${plan.strategy}`).toBeLessThanOrEqual(plan.report.objective.customersAffected);
    }), options);
  });
});
