/**
 * The emergency shedding order (事故拉闸序位表): the feeders dispatch would open without notice when
 * the orderly plan falls short, in order, with the MW each step releases. Built from feeders that
 * serve no protected customer and no resident, carry no security floor, and are not armed for
 * under-frequency shedding (that load is the automatic last defence and must stay on its relays).
 * Feeders carrying restricted-first load come first, then ordinary load, feeders carrying
 * whitelisted key enterprises last (the tiers of the ladder, by share of the feeder's energy); within
 * that, the cheapest load to lose.
 */
import type { PlanProblem } from './problem.ts';

export type FeederExclusion = 'protected customer' | 'residents' | 'security floor' | 'UFLS armed' | 'no load' | 'unknown load';

export interface FeederRanking {
  /** Feeders that may be opened, in order. */
  openable: number[];
  /** Every other feeder, with the first reason it may not be opened. */
  excluded: { feeder: number; reason: FeederExclusion }[];
}

export function feederExclusion(p: PlanProblem, f: number): FeederExclusion | null {
  const F = p.feeders;
  if (F.servesProtected[f] || F.protectedCustomers[f] > 0) return 'protected customer';
  if (F.residentialShare[f] > 0) return 'residents';
  if (F.customers[f].some((c) => p.customers.floorMW[c] > 0)) return 'security floor';
  if (F.uflsRound[f] > 0) return 'UFLS armed';
  if (F.otherCustomers[f] > 0) return 'unknown load';
  if (F.customers[f].length === 0) return 'no load';
  return null;
}

export function feederRanking(p: PlanProblem): FeederRanking {
  const H = p.hours;
  const openable: number[] = [];
  const excluded: FeederRanking['excluded'] = [];
  const F = p.feeders.id.length;
  const restricted = new Float64Array(F), last = new Float64Array(F), cost = new Float64Array(F), load = new Float64Array(F);
  p.feeders.id.forEach((_, f) => {
    const why = feederExclusion(p, f);
    if (why) { excluded.push({ feeder: f, reason: why }); return; }
    openable.push(f);
    for (const c of p.feeders.customers[f]) {
      let e = 0;
      for (let h = 0; h < H; h++) e += p.customers.baseline[c * H + h];
      load[f] += e;
      cost[f] += e * p.customers.costPerMWh[c];
      if (p.customers.tier[c] === 0) restricted[f] += e;
      else if (p.customers.tier[c] === 2) last[f] += e;
    }
  });
  const share = (f: number) => (load[f] > 0 ? restricted[f] / load[f] : 0);
  const lastShare = (f: number) => (load[f] > 0 ? last[f] / load[f] : 0);
  const unitCost = (f: number) => (load[f] > 0 ? cost[f] / load[f] : Infinity);
  openable.sort((a, b) => share(b) - share(a) || lastShare(a) - lastShare(b) || unitCost(a) - unitCost(b) || load[b] - load[a] || a - b);
  return { openable, excluded };
}

export interface EmergencyStep {
  rank: number;
  feeder: string;
  area: string;
  /** MW the feeder carries at the reference hour beyond what the plan already releases. */
  releasesMW: number;
  cumulativeMW: number;
  customers: number;
  restrictedFirstShare: number;
}

export interface EmergencyOrder {
  /** The hour (index) the MW are given for: the largest residual gap, else the largest requirement. */
  referenceHour: number;
  steps: EmergencyStep[];
  totalMW: number;
  /** The residual gap at the reference hour, and whether the whole order covers it. */
  residualMW: number;
  coversResidual: boolean;
  excluded: Record<FeederExclusion, number>;
  /** MW on feeders that may not be opened at the reference hour, by reason (what dispatch must not touch). */
  excludedMW: Record<FeederExclusion, number>;
}

export function emergencyOrder(
  p: PlanProblem,
  plan: { x: Float64Array; feederOpen: Uint8Array; residualMW: Float64Array[]; requiredMW: Float64Array[] },
  feederLoadMW?: (f: number, h: number) => number,
): EmergencyOrder {
  const H = p.hours;
  const { openable, excluded } = feederRanking(p);
  let ref = 0, best = -Infinity;
  const sys = plan.residualMW[0];
  const anyResidual = sys.some((v) => v > 1e-6);
  for (let h = 0; h < H; h++) {
    const v = anyResidual ? sys[h] : plan.requiredMW[0][h];
    if (v > best) { best = v; ref = h; }
  }
  // Released by the plan per customer at the reference hour.
  const released = new Float64Array(p.customers.id.length);
  for (let u = 0; u < p.units.customer.length; u++) released[p.units.customer[u]] += plan.x[u * H + ref];
  const steps: EmergencyStep[] = [];
  let total = 0;
  for (const f of openable) {
    if (plan.feederOpen[f * H + ref]) continue; // already opened by the plan
    let mw = 0, restricted = 0;
    for (const c of p.feeders.customers[f]) {
      const left = Math.max(0, p.customers.baseline[c * H + ref] - released[c]);
      mw += left;
      if (p.customers.tier[c] === 0) restricted += left;
    }
    if (mw <= 1e-9) continue;
    total += mw;
    steps.push({
      rank: steps.length + 1, feeder: p.feeders.id[f], area: p.areaIds[p.feeders.area[f]], releasesMW: mw, cumulativeMW: total,
      customers: p.feeders.customers[f].length, restrictedFirstShare: restricted / mw,
    });
  }
  const zero = (): Record<FeederExclusion, number> => ({ 'protected customer': 0, residents: 0, 'security floor': 0, 'UFLS armed': 0, 'no load': 0, 'unknown load': 0 });
  const count = zero(), mw = zero();
  for (const e of excluded) {
    count[e.reason]++;
    if (feederLoadMW) mw[e.reason] += feederLoadMW(e.feeder, ref);
  }
  const residual = anyResidual ? sys[ref] : 0;
  return { referenceHour: ref, steps, totalMW: total, residualMW: residual, coversResidual: total >= residual - 1e-9, excluded: count, excludedMW: mw };
}
