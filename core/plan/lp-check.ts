/**
 * A second opinion on the optimum, inside the product (HiGHS is only a development oracle): the
 * plan's model, hour by hour (it separates by hour once the rule-made decisions are fixed), given
 * to javascript-lp-solver where its dense tableau serves (up to about a thousand variables an
 * hour, SOLVERS.md). Its answer is not trusted either: its solution is checked against the rows
 * and bounds before its objective is compared with the plan's. Costs are scaled by the band scale
 * so coefficients stay near 1 (badly scaled rows made it answer "infeasible", SOLVERS.md).
 */
import solver, { type SolveResult } from 'javascript-lp-solver';
import { planModel, type PlanModel } from './lp-format.ts';
import type { PlanProblem } from './problem.ts';
import { lpObjective } from './objective.ts';
import type { SolvedPlan } from './solve.ts';

export interface OptimumCheck {
  solver: 'javascript-lp-solver';
  /** Hours whose model was solved and compared. */
  checkedHours: number;
  /** Hours left out: too large for the dense solver, or beyond the hours asked for. */
  skippedHours: number;
  /** Hours where the solver's answer failed our own feasibility check (its answer discarded). */
  rejectedHours: number;
  /** Largest relative difference between the plan's objective and the solver's, over checked hours. */
  maxRelativeDifference: number;
  /** True when every checked hour agrees within the tolerance and at least one hour was checked. */
  agrees: boolean;
  /** Hours (index) where the plan was found above the solver's optimum. */
  worseHours: number[];
}

export interface OptimumCheckOptions {
  /** Largest model per hour given to the dense solver (default 1,000 variables). */
  maxVariables?: number;
  /** Hours checked at most, the largest requirements first (default 24). */
  maxHours?: number;
  tolerance?: number;
}

export function checkOptimum(p: PlanProblem, plan: SolvedPlan, options: OptimumCheckOptions = {}): OptimumCheck {
  const maxVariables = options.maxVariables ?? 1000, maxHours = options.maxHours ?? 24, tolerance = options.tolerance ?? 1e-6;
  const hours = Array.from({ length: p.hours }, (_, h) => h).filter((h) => plan.requiredMW.some((r) => r[h] > 0));
  // A model an hour can hold at most every unit: far beyond the dense solver's range, skip at once.
  if (p.units.customer.length > 20 * maxVariables) {
    return { solver: 'javascript-lp-solver', checkedHours: 0, skippedHours: hours.length, rejectedHours: 0, maxRelativeDifference: 0, agrees: false, worseHours: [] };
  }
  hours.sort((a, b) => plan.requiredMW[0][b] - plan.requiredMW[0][a] || a - b);
  let checked = 0, skipped = 0, rejected = 0, worst = 0;
  const worse: number[] = [];
  // The model separates by hour: its variables counted per hour first, then written once for the
  // hours small enough and split by hour (each hour's part is the model of that hour alone).
  // Writing it hour by hour repeated the work on every unit-hour of the horizon for each hour,
  // ~0.3 s a city day, only to skip them all as too large.
  const sizes = new Int32Array(p.hours);
  planModel(p, plan, { hours, sizes });
  const small = hours.filter((h) => sizes[h] <= maxVariables);
  const whole: PlanModel = small.length ? planModel(p, plan, { hours: small }) : { strategy: plan.strategy, startMs: p.startMs, hours: p.hours, bandScale: 1, residualPenalty: 1, vars: [], rows: [] };
  const varsOf = new Map<number, PlanModel['vars']>(), rowsOf = new Map<number, PlanModel['rows']>();
  for (const v of whole.vars) { let l = varsOf.get(v.hour); if (!l) varsOf.set(v.hour, (l = [])); l.push(v); }
  for (const r of whole.rows) { let l = rowsOf.get(r.hour); if (!l) rowsOf.set(r.hour, (l = [])); l.push(r); }
  for (const h of hours) {
    // Opened feeders are in the model as variables fixed at 1 (the rule decided them), so hours
    // with a feeder open are checked like the others.
    if (checked >= maxHours) { skipped++; continue; }
    if (sizes[h] > maxVariables) { skipped++; continue; }
    const model: PlanModel = { ...whole, vars: varsOf.get(h) ?? [], rows: rowsOf.get(h) ?? [] };
    const theirs = solveHour(model);
    if (theirs === null) { rejected++; continue; }
    const ours = lpObjective(p, plan, [h]).value;
    const diff = Math.abs(theirs - ours) / Math.max(1, Math.abs(ours));
    checked++;
    worst = Math.max(worst, diff);
    if (ours > theirs && diff > tolerance) worse.push(h);
  }
  return { solver: 'javascript-lp-solver', checkedHours: checked, skippedHours: skipped, rejectedHours: rejected, maxRelativeDifference: worst, agrees: checked > 0 && worst <= tolerance, worseHours: worse };
}

/** The solver's objective for one hour's model, or null when its answer does not hold up. */
function solveHour(m: PlanModel): number | null {
  const scale = m.bandScale;
  const constraints: Record<string, { min?: number; max?: number }> = {};
  const variables: Record<string, Record<string, number>> = {};
  for (const v of m.vars) {
    variables[v.name] = { cost: v.cost / scale };
    if (Number.isFinite(v.ub)) {
      // A bound is a row of its own for this solver (named after the variable).
      constraints[`ub_${v.name}`] = v.lb > 0 ? { min: v.lb, max: v.ub } : { max: v.ub };
      variables[v.name][`ub_${v.name}`] = 1;
    }
  }
  for (const r of m.rows) {
    constraints[r.name] = r.sense === '>=' ? { min: r.rhs } : { max: r.rhs };
    for (const name of r.vars) variables[name][r.name] = 1;
  }
  const answer = solver.Solve({ optimize: 'cost', opType: 'min', constraints, variables, options: { tolerance: 0 } }) as SolveResult;
  if (!answer.feasible || !Number.isFinite(answer.result)) return null;
  // Its status is not enough: read its solution back and check every bound and row ourselves.
  const value = (name: string) => Number(answer[name] ?? 0);
  let objective = 0;
  for (const v of m.vars) {
    const x = value(v.name);
    if (!(x >= v.lb - 1e-7) || x > v.ub + 1e-7 * Math.max(1, v.ub)) return null;
    objective += v.cost * x;
  }
  for (const r of m.rows) {
    let lhs = 0;
    for (const name of r.vars) lhs += value(name);
    const slack = r.sense === '>=' ? lhs - r.rhs : r.rhs - lhs;
    if (slack < -1e-6 * Math.max(1, Math.abs(r.rhs))) return null;
  }
  return objective;
}
