/**
 * What every future of a play-out shares: the planning tables, the gap sampler (the same futures
 * the warnings are drawn from), the scenario's scripted events as MW added to each constraint's
 * gap hour by hour, and the orders in which dispatch reaches for more (the plan's unused rungs in
 * the least-cost order, then the emergency order's feeders).
 */
import { capacityTable, orderableFrom } from '../plan/capacity.ts';
import { feederRanking } from '../plan/emergency-order.ts';
import { unitOrder } from '../plan/order.ts';
import { constraintChains, type PlanProblem } from '../plan/problem.ts';
import type { Scenario } from '../scenario/model.ts';
import { parseTimestamp } from '../time/timestamp.ts';
import type { GapSampler } from '../warning/assess.ts';
import { subtrees } from '../warning/supply.ts';

/** Load rises this share per °C of a heat wave above the forecast (a summer peak's typical sensitivity). */
export const HEAT_SENSITIVITY_PER_C = 0.03;

export interface PlayoutContext {
  p: PlanProblem;
  sampler: GapSampler;
  /** eventMW[k][h]: MW the scripted events add to constraint k's gap in hour h. */
  eventMW: Float64Array[];
  /** Event ids in effect, for reports. */
  events: string[];
  cap: Float64Array;
  orderable: Int32Array;
  custChain: Int32Array[];
  feederChain: Int32Array[];
  /** Units per constraint in the least-cost order (the system's: all). */
  inside: Int32Array[];
  /** Openable feeders per constraint, in the emergency order's ranking. */
  feedersInside: Int32Array[];
  /** Constraints deepest first. */
  kOrder: number[];
}

export function playoutContext(s: Scenario, p: PlanProblem, sampler: GapSampler): PlayoutContext {
  const H = p.hours, K = p.constraints.length;
  if (sampler.targets.length !== K || sampler.hours !== H || sampler.fromMs !== p.startMs) throw new Error('play-out: the gap sampler and the plan tables describe different horizons');
  const cap = capacityTable(p);
  const orderable = orderableFrom(p);
  const chains = constraintChains(p);
  const custChain = Array.from({ length: p.customers.id.length }, (_, c) => chains[p.customers.area[c]]);
  const feederChain = Array.from({ length: p.feeders.id.length }, (_, f) => chains[p.feeders.area[f]]);
  const order = unitOrder(p, 'cost', cap);
  const inside = p.constraints.map((_, k) => (k === 0 ? order : Int32Array.from(Array.from(order).filter((u) => custChain[p.units.customer[u]].includes(k)))));
  const ranking = feederRanking(p).openable;
  const feedersInside = p.constraints.map((_, k) => Int32Array.from(ranking.filter((f) => feederChain[f].includes(k))));
  const depth = (a: number) => { let d = 0; for (let x = a; x >= 0; x = p.areaParent[x]) d++; return d; };
  const kOrder = p.constraints.map((_, i) => i).sort((a, b) => depth(p.constraints[b].area) - depth(p.constraints[a].area) || a - b);

  // Scripted events: MW lost (or demand added) per constraint and hour.
  const eventMW = p.constraints.map(() => new Float64Array(H));
  const events: string[] = [];
  const tree = subtrees(s.areas);
  const areaIndex = new Map(p.areaIds.map((id, i) => [id, i]));
  const constraintsOfArea = (area: string) => chains[areaIndex.get(area) ?? -1] ?? new Int32Array(0);
  const hourOf = (text: string) => Math.floor((parseTimestamp(text)!.ms - p.startMs) / 3_600_000);
  const within = (from: number, to: number, add: (h: number) => void) => { for (let h = Math.max(0, from); h < Math.min(H, to); h++) add(h); };
  const t = sampler.table;
  const median = sampler.levels.indexOf(0.5);
  for (const e of s.events) {
    if (e.kind === 'unit-trip') {
      const u = t.unitIds.indexOf(e.unit);
      if (u < 0) continue;
      const from = hourOf(e.at);
      within(from, from + Math.ceil(e.durationHours), (h) => { for (const k of constraintsOfArea(t.unitAreas[u])) eventMW[k][h] += t.units[u][h]; });
      events.push(e.id);
    } else if (e.kind === 'renewable-drop') {
      const inside = e.area ? tree.get(e.area) : null;
      t.unitTypes.forEach((type, u) => {
        if (type !== e.type || (inside && !inside.has(t.unitAreas[u]))) return;
        within(hourOf(e.from), hourOf(e.to), (h) => { for (const k of constraintsOfArea(t.unitAreas[u])) eventMW[k][h] += (1 - e.remainingShare) * t.units[u][h]; });
      });
      events.push(e.id);
    } else if (e.kind === 'import-loss') {
      const i = t.importIds.indexOf(e.import);
      if (i < 0) continue;
      within(hourOf(e.from), hourOf(e.to), (h) => { for (const k of constraintsOfArea(t.importAreas[i])) eventMW[k][h] += Math.min(e.lostMW, t.imports[i][h]); });
      events.push(e.id);
    } else if (e.kind === 'heat-wave') {
      within(hourOf(e.from), hourOf(e.to), (h) => {
        sampler.targets.forEach((target, k) => { eventMW[k][h] += HEAT_SENSITIVITY_PER_C * e.deltaC * target.quantiles[median][h]; });
      });
      events.push(e.id);
    }
  }
  return { p, sampler, eventMW, events, cap, orderable, custChain, feederChain, inside, feedersInside, kOrder };
}
