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

/**
 * The order where one area is short: the feeders behind it (inside it, in the order's ranking)
 * with what they can release in each of its residual hours. Dispatch falls back on the emergency
 * order when the plan is not enough (Liaoning, September 2021); an order that lists feeders
 * elsewhere relieves nothing behind an import limit, so each short area gets its own, and the
 * plain statement of whether it covers the residual there.
 */
export interface AreaEmergencyOrder {
  area: string;
  name: string;
  scope: 'system' | 'local';
  /** Hours (index) with a residual in the area, and the residual in each, MW. */
  hours: number[];
  residualMW: number[];
  residualMWh: number;
  /** Feeders behind the area, ranked, with the MW each releases at the area's largest residual hour. */
  steps: EmergencyStep[];
  /** MW the feeders behind the area can release in each residual hour (beyond what the plan releases there). */
  releasableMW: number[];
  /** MWh of the residual they can relieve (hour by hour, at most the residual). */
  coverableMWh: number;
  coversResidual: boolean;
  /** Feeders behind the area that may never be opened, by reason. */
  excluded: Record<FeederExclusion, number>;
  statement: string;
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
  /** The order for the system and for every area with a residual (the system first). */
  areas?: AreaEmergencyOrder[];
}

const zeroCounts = (): Record<FeederExclusion, number> => ({ 'protected customer': 0, residents: 0, 'security floor': 0, 'UFLS armed': 0, 'no load': 0, 'unknown load': 0 });

export function emergencyOrder(
  p: PlanProblem,
  plan: { x: Float64Array; feederOpen: Uint8Array; residualMW: Float64Array[]; requiredMW: Float64Array[] },
  feederLoadMW?: (f: number, h: number) => number,
): EmergencyOrder {
  const H = p.hours, C = p.customers.id.length, U = p.units.customer.length;
  const { openable, excluded } = feederRanking(p);
  // Released by the plan per customer and hour.
  const released = new Float64Array(C * H);
  for (let u = 0; u < U; u++) for (let h = 0; h < H; h++) { const v = plan.x[u * H + h]; if (v > 0) released[p.units.customer[u] * H + h] += v; }
  /** What feeder f still carries in hour h beyond the plan (0 where the plan opened it), and its restricted-first part. */
  const left = (f: number, h: number): { mw: number; restricted: number } => {
    if (plan.feederOpen[f * H + h]) return { mw: 0, restricted: 0 };
    let mw = 0, restricted = 0;
    for (const c of p.feeders.customers[f]) {
      const v = Math.max(0, p.customers.baseline[c * H + h] - released[c * H + h]);
      mw += v;
      if (p.customers.tier[c] === 0) restricted += v;
    }
    return { mw, restricted };
  };
  const stepsAt = (feeders: number[], ref: number): { steps: EmergencyStep[]; total: number } => {
    const steps: EmergencyStep[] = [];
    let total = 0;
    for (const f of feeders) {
      const { mw, restricted } = left(f, ref);
      if (mw <= 1e-9) continue;
      total += mw;
      steps.push({
        rank: steps.length + 1, feeder: p.feeders.id[f], area: p.areaIds[p.feeders.area[f]], releasesMW: mw, cumulativeMW: total,
        customers: p.feeders.customers[f].length, restrictedFirstShare: restricted / mw,
      });
    }
    return { steps, total };
  };

  let ref = 0, best = -Infinity;
  const sys = plan.residualMW[0];
  const anyResidual = sys.some((v) => v > 1e-6);
  for (let h = 0; h < H; h++) {
    const v = anyResidual ? sys[h] : plan.requiredMW[0][h];
    if (v > best) { best = v; ref = h; }
  }
  const { steps, total } = stepsAt(openable, ref);
  const count = zeroCounts(), mw = zeroCounts();
  for (const e of excluded) {
    count[e.reason]++;
    if (feederLoadMW) mw[e.reason] += feederLoadMW(e.feeder, ref);
  }
  const residual = anyResidual ? sys[ref] : 0;

  // Per area: the system, then every import-limited area with a residual.
  const inside = (f: number, area: number) => { for (let a = p.feeders.area[f]; a >= 0; a = p.areaParent[a]) if (a === area) return true; return false; };
  const areas: AreaEmergencyOrder[] = [];
  p.constraints.forEach((k, i) => {
    const r = plan.residualMW[i];
    const hours: number[] = [];
    for (let h = 0; h < H; h++) if (r[h] > 1e-6) hours.push(h);
    if (i > 0 && !hours.length) return;
    const mine = openable.filter((f) => inside(f, k.area));
    const why = zeroCounts();
    for (const e of excluded) if (inside(e.feeder, k.area)) why[e.reason]++;
    let peak = hours.length ? hours[0] : ref;
    for (const h of hours) if (r[h] > r[peak]) peak = h;
    const releasable = hours.map((h) => mine.reduce((t, f) => t + left(f, h).mw, 0));
    let residualMWh = 0, coverable = 0;
    hours.forEach((h, j) => { residualMWh += r[h]; coverable += Math.min(r[h], releasable[j]); });
    const covers = hours.every((h, j) => releasable[j] >= r[h] - 1e-9);
    const listed = stepsAt(mine, peak).steps;
    const n = listed.length;
    const where = i === 0 ? `in ${p.areaIds[k.area]}` : `behind ${p.areaIds[k.area]}`;
    const phrase: Record<FeederExclusion, [string, string]> = {
      'protected customer': ['serves protected customers', 'serve protected customers'], residents: ['serves residents', 'serve residents'],
      'security floor': ['carries a security floor', 'carry a security floor'], 'UFLS armed': ['is armed for UFLS', 'are armed for UFLS'],
      'no load': ['carries no load', 'carry no load'], 'unknown load': ['carries load the plan does not know', 'carry load the plan does not know'],
    };
    const reasons = (Object.entries(why) as [FeederExclusion, number][]).filter(([, n]) => n > 0).map(([reason, n]) => `${n} ${phrase[reason][n === 1 ? 0 : 1]}`).join(', ');
    const fmt = (v: number) => (Math.round(v * 10) / 10).toLocaleString('en-US');
    let statement: string;
    if (!hours.length) statement = `${k.name}: no residual ${where}: the emergency order is held in reserve (${n} feeders may be opened)`;
    else if (!n) statement = `${k.name}: no feeder ${where} may be opened${reasons ? ` (${reasons})` : ''}: the emergency order cannot relieve its residual of ${fmt(r[peak])} MW (${fmt(residualMWh)} MWh in ${hours.length} h) — that load would have to come from protected customers`;
    else if (covers) statement = `${k.name}: ${n} feeders ${where} may be opened; in each of its ${hours.length} residual hours they release at least the residual (${fmt(residualMWh)} MWh): the emergency order covers it`;
    else statement = `${k.name}: ${n} feeders ${where} may be opened; they relieve ${fmt(coverable)} of its ${fmt(residualMWh)} MWh residual: the emergency order cannot relieve ${fmt(residualMWh - coverable)} MWh of it`;
    areas.push({
      area: p.areaIds[k.area], name: k.name, scope: k.scope, hours, residualMW: hours.map((h) => r[h]), residualMWh,
      steps: listed, releasableMW: releasable, coverableMWh: coverable, coversResidual: hours.length > 0 && covers, excluded: why, statement,
    });
  });
  return { referenceHour: ref, steps, totalMW: total, residualMW: residual, coversResidual: total >= residual - 1e-9, excluded: count, excludedMW: mw, areas };
}
