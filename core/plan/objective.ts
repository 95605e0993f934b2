/**
 * The plan's objective as one number, the way the LP model `lp-format.ts` writes it: the ladder's
 * bands outweigh any cost difference, feeders opened count at the feeder band, and residual at a
 * penalty above every band. Shared by the report (lpValue), the LP export and the optimum check,
 * so that none of them leans on another for it.
 */
import { withinBandWeights } from './order.ts';
import { SHIFT, bandOf, feederBand, type PlanProblem } from './problem.ts';
import type { SolvedPlan } from './solve.ts';

export function lpObjective(p: PlanProblem, plan: SolvedPlan, hours?: number[]): { value: number; bandScale: number; residualPenalty: number } {
  const { bandScale, residualPenalty } = objectiveScales(p);
  const H = p.hours;
  const keep = new Uint8Array(H).fill(hours ? 0 : 1);
  // The objective of the hours asked for only (as `planLp(p, plan, { hours })` writes them).
  if (hours) for (const h of hours) keep[h] = 1;
  const weights = withinBandWeights(p, plan.strategy, plan.capacity, bandScale);
  let v = 0;
  // The exported model's objective: shifts, the energy rotation and holds are held fixed there.
  for (let u = 0; u < p.units.customer.length; u++) {
    if (p.units.measure[u] === SHIFT) continue;
    const w = bandOf(p, u) * bandScale + weights[u];
    for (let h = 0; h < H; h++) {
      if (!keep[h]) continue;
      const x = plan.x[u * H + h] - (plan.xEnergy ? plan.xEnergy[u * H + h] : 0) - (plan.xHold ? plan.xHold[u * H + h] : 0);
      if (x) v += w * x;
    }
  }
  // Opened feeders, at the value of the load they shed (fixed variables in the model).
  for (let f = 0; f < p.feeders.id.length; f++) for (let h = 0; h < H; h++) if (keep[h] && plan.feederOpen[f * H + h]) v += feederWeight(p, f, h, plan.feederMW[f * H + h], bandScale);
  for (const r of plan.residualMW) for (let h = 0; h < H; h++) if (keep[h]) v += residualPenalty * r[h];
  return { value: v, bandScale, residualPenalty };
}

/** Weights that make one objective of the ladder's order: a band outweighs any cost difference. */
export function objectiveScales(p: PlanProblem): { bandScale: number; residualPenalty: number } {
  let maxCost = 0;
  for (const c of p.units.costPerMWh) maxCost = Math.max(maxCost, c);
  const bandScale = Math.ceil(maxCost + 1);
  return { bandScale, residualPenalty: (feederBand(p) + 2) * bandScale };
}

/** The model's value of a feeder opened in hour h: its MW at the feeder band, plus the cost of the load it sheds. */
export function feederWeight(p: PlanProblem, f: number, h: number, mw: number, bandScale: number): number {
  const H = p.hours;
  let load = 0, cost = 0;
  for (const c of p.feeders.customers[f]) { const b = p.customers.baseline[c * H + h]; load += b; cost += b * p.customers.costPerMWh[c]; }
  return mw * (feederBand(p) * bandScale + (load > 0 ? cost / load : 0));
}
