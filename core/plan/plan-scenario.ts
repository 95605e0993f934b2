/**
 * The whole planning step for a scenario: tables from the scenario and its assessment, the solve,
 * the independent checks (on the tables and again against the scenario itself), the emergency
 * order, and the report. Plans per warning level reuse the tables with the level's system gap.
 */
import { isProtectedClass } from '../scenario/classes.ts';
import type { Scenario } from '../scenario/model.ts';
import type { Assessment } from '../warning/assess.ts';
import { budgetFloors } from './capacity.ts';
import { buildPlanProblem, levelGap, PLAN_LEVELS, type BuildOptions, type PlanLevel } from './build-problem.ts';
import { emergencyOrder, feederRanking } from './emergency-order.ts';
import { checkOptimum, type OptimumCheck } from './lp-check.ts';
import type { Strategy } from './order.ts';
import type { PlanProblem } from './problem.ts';
import { planReport, type PlanReport } from './report.ts';
import { solvePlan, type SolvedPlan } from './solve.ts';
import { verifyPlan, type Verification } from './verify.ts';

export interface ScenarioPlanOptions extends BuildOptions {
  strategy?: Strategy;
}

export interface LevelPlanSummary {
  level: PlanLevel;
  /** Gap the level's plan is made for: this share of each day's maximum demand. */
  share: number;
  targetMW: number;
  coveredMW: number;
  residualMW: number;
  customers: number;
  economicLoss: number;
  verified: boolean;
}

/** Lower bound on the customers any plan needs: the most needed in any one hour and area. */
export function customersLowerBound(p: PlanProblem, plan: SolvedPlan): number {
  const H = p.hours, C = p.customers.id.length;
  let best = 0;
  const chains = p.constraints.map((k) => k.area);
  const inside = (c: number, area: number) => { for (let a = p.customers.area[c]; a >= 0; a = p.areaParent[a]) if (a === area) return true; return false; };
  // A customer on a feeder that may be opened can give its whole load.
  const whole = new Uint8Array(C);
  for (const f of feederRanking(p).openable) for (const c of p.feeders.customers[f]) whole[c] = 1;
  const floors = budgetFloors(p);
  for (let h = 0; h < H; h++) {
    const capOf = new Float64Array(C);
    for (let u = 0; u < p.units.customer.length; u++) capOf[p.units.customer[u]] += plan.capacity[u * H + h];
    for (let c = 0; c < C; c++) if (whole[c]) capOf[c] = Infinity;
    for (let k = 0; k < p.constraints.length; k++) {
      const need = plan.coveredMW[k][h];
      if (need <= 1e-9) continue;
      const caps: number[] = [];
      for (let c = 0; c < C; c++) {
        if (!inside(c, chains[k])) continue;
        const base = p.customers.baseline[c * H + h];
        caps.push(whole[c] ? base : Math.min(capOf[c], Math.max(0, base - floors[c])));
      }
      caps.sort((a, b) => b - a);
      let s = 0, n = 0;
      // Opened feeders may take customers whole; their baselines bound what one customer gives.
      while (s < need - 1e-6 && n < caps.length) s += caps[n++];
      best = Math.max(best, s >= need - 1e-6 ? n : best);
    }
  }
  return best;
}

/** Checks the plan against the scenario itself, not the tables: a second line for invariant 1. */
export function verifyAgainstScenario(s: Scenario, p: PlanProblem, plan: SolvedPlan, v: Verification): Verification {
  const H = p.hours;
  const byId = new Map(s.customers.map((c) => [c.id, c]));
  const feeders = new Map(s.feeders.map((f) => [f.id, f]));
  const protectedOn = new Set(s.customers.filter((c) => isProtectedClass(c.class)).map((c) => c.feeder));
  const extra: { check: 'protected' | 'feeder'; message: string }[] = [];
  for (let u = 0; u < p.units.customer.length; u++) {
    let any = false;
    for (let h = 0; h < H && !any; h++) any = plan.x[u * H + h] > 0;
    if (!any) continue;
    const id = p.customers.id[p.units.customer[u]];
    const c = byId.get(id);
    if (!c || isProtectedClass(c.class)) extra.push({ check: 'protected', message: `scenario customer ${id} is ${c ? c.class : 'unknown'} and may not be curtailed` });
  }
  for (let f = 0; f < p.feeders.id.length; f++) {
    let open = false;
    for (let h = 0; h < H && !open; h++) open = plan.feederOpen[f * H + h] === 1;
    if (!open) continue;
    const fd = feeders.get(p.feeders.id[f]);
    if (!fd || fd.servesProtected || fd.residentialShare > 0 || protectedOn.has(fd.id)) extra.push({ check: 'feeder', message: `scenario feeder ${p.feeders.id[f]} serves protected load and may not be opened` });
  }
  if (!extra.length) return v;
  const counts = { ...v.counts };
  for (const e of extra) counts[e.check] = (counts[e.check] ?? 0) + 1;
  return { ...v, ok: false, counts, violations: [...v.violations, ...extra.slice(0, 20)] };
}

/** A verification that also fails where javascript-lp-solver beats the plan on the model it states. */
export function withOptimumCheck(v: Verification, optimum: OptimumCheck): Verification {
  if (!optimum.worseHours.length) return v;
  const message = `javascript-lp-solver finds a better plan for the model this plan states in ${optimum.worseHours.length} hour(s) (largest relative difference ${optimum.maxRelativeDifference.toExponential(1)}; first at hour ${optimum.worseHours[0]})`;
  return { ...v, ok: false, counts: { ...v.counts, objective: (v.counts.objective ?? 0) + 1 }, violations: [...v.violations, { check: 'objective', message }] };
}

export function planProblem(p: PlanProblem, strategy: Strategy, meta: { scenario: { id: string; name: string }; level: string | null }, scenario?: Scenario): { solved: SolvedPlan; report: PlanReport } {
  const solved = solvePlan(p, { strategy });
  let verification = verifyPlan(p, solved);
  if (scenario) verification = verifyAgainstScenario(scenario, p, solved, verification);
  // The optimum, checked again by an LP solver where the model is small enough for it. A plan the
  // solver beats is not optimal for the model it states: that is a failed check, not a footnote.
  const optimum = checkOptimum(p, solved);
  verification = withOptimumCheck(verification, optimum);
  const emergency = emergencyOrder(p, solved);
  const report = planReport(p, solved, verification, emergency, {
    ...meta, ...(strategy === 'fewest' ? { customersLowerBound: customersLowerBound(p, solved) } : {}),
  });
  report.optimumCheck = optimum;
  return { solved, report };
}

export function planScenario(s: Scenario, a: Assessment, options: ScenarioPlanOptions = {}): { problem: PlanProblem; solved: SolvedPlan; report: PlanReport } {
  const problem = buildPlanProblem(s, a, options);
  const { solved, report } = planProblem(problem, options.strategy ?? 'cost', { scenario: { id: s.id, name: s.name }, level: options.level ?? null }, s);
  // The network for the page's tree: every feeder with its rating and protection (from the
  // scenario itself) and the MWh the plan takes from its customers.
  const byFeeder = new Map<string, number>();
  for (const c of report.customers) byFeeder.set(c.feeder, (byFeeder.get(c.feeder) ?? 0) + c.energyMWh);
  const opened = new Map(report.feedersOpened.map((f) => [f.feeder, f.hours]));
  const protectedOn = new Set(s.customers.filter((c) => isProtectedClass(c.class)).map((c) => c.feeder));
  const areaIndex = new Map(s.areas.map((a, i) => [a.id, i]));
  report.network = {
    areas: s.areas.map((a) => ({ id: a.id, name: a.name, parent: a.parent })),
    feeders: {
      id: s.feeders.map((f) => f.id),
      area: s.feeders.map((f) => areaIndex.get(f.substation)!),
      ratingMW: s.feeders.map((f) => f.ratingMW),
      protected: s.feeders.map((f) => (f.servesProtected || f.residentialShare > 0 || protectedOn.has(f.id) ? 1 : 0)),
      curtailedMWh: s.feeders.map((f) => Math.round((byFeeder.get(f.id) ?? 0) * 1000) / 1000),
      openedHours: s.feeders.map((f) => opened.get(f.id) ?? 0),
    },
  };
  report.settings = {
    snapBackShare: problem.snapBackShare, ...(options.noticeHours !== undefined ? { noticeHours: options.noticeHours } : {}),
    confidence: a.confidence, samples: a.samples, seed: a.seed,
  };
  if (a.notes?.length) report.notes = a.notes;
  return { problem, solved, report };
}

/** The plans per warning level (IV … I) on the same tables: each level's target, and what is covered. */
export function levelPlans(s: Scenario, a: Assessment, problem: PlanProblem, strategy: Strategy): LevelPlanSummary[] {
  return PLAN_LEVELS.map((level) => {
    const { gapMW, targetMW, share } = levelGap(a, level, s.policy.planScaleShare);
    const p: PlanProblem = { ...problem, constraints: [{ ...problem.constraints[0], gapMW }, ...problem.constraints.slice(1)], energyDays: [] };
    const solved = solvePlan(p, { strategy });
    const v = verifyPlan(p, solved);
    let peak = 0, covered = 0, residual = 0;
    for (let h = 0; h < p.hours; h++) if (solved.requiredMW[0][h] > peak) { peak = solved.requiredMW[0][h]; covered = solved.coveredMW[0][h]; residual = solved.residualMW[0][h]; }
    const report = planReport(p, solved, v, emergencyOrder(p, solved), { scenario: { id: s.id, name: s.name }, level });
    return {
      level, share, targetMW: Math.round(targetMW * 10) / 10, coveredMW: Math.round(covered * 10) / 10, residualMW: Math.round(residual * 10) / 10,
      customers: report.customers.length, economicLoss: report.objective.economicLoss, verified: v.ok,
    };
  });
}
