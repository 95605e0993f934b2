/**
 * A plan as the play-out reads it: MW ordered per unit and hour, feeders opened, shifted energy
 * coming back, on the planning problem's tables. From a solved plan in memory, or from a saved
 * plan (its `orders`), matched to the tables by customer and measure — with a clear error when
 * the plan was made for something else.
 */
import type { PlanReport } from '../plan/report.ts';
import type { PlanProblem } from '../plan/problem.ts';
import { unitLookup } from '../plan/unit-lookup.ts';
import type { Problem } from '../problems.ts';
import type { SolvedPlan } from '../plan/solve.ts';
import { formatInZone, resolveZone } from '../time/zone.ts';

export interface PlanOrders {
  name: string;
  x: Float64Array;
  payback: Float64Array;
  feederOpen: Uint8Array;
}

export function ordersFromSolved(name: string, plan: Pick<SolvedPlan, 'x' | 'payback' | 'feederOpen'>): PlanOrders {
  return { name, x: plan.x, payback: plan.payback, feederOpen: plan.feederOpen };
}

export function ordersFromReport(name: string, p: PlanProblem, r: PlanReport): { ok: true; orders: PlanOrders } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  const H = p.hours;
  const zone = resolveZone(p.timeZone)!;
  const start = formatInZone(p.startMs, zone);
  if (r.format !== 'orderly-plan/1') return { ok: false, problems: [{ path: name, message: `expected a plan saved by \`orderly plan --out\` (format orderly-plan/1), found ${JSON.stringify(r.format ?? null)}` }] };
  if (r.start !== start || r.hours !== H) {
    return { ok: false, problems: [{ path: `${name}: start, hours`, message: `expected a plan for ${H} h from ${start} (the scenario's horizon), found ${r.hours} h from ${r.start}` }] };
  }
  const unitOf = unitLookup(p);
  const x = new Float64Array(p.units.customer.length * H), payback = new Float64Array(p.units.customer.length * H);
  (r.orders ?? []).forEach((o, i) => {
    const u = unitOf(o.customer, o.measure);
    if (u === undefined) { problems.push({ path: `${name}: orders[${i}]`, message: `expected a customer and measure of the scenario's plan tables, found ${o.customer} ${o.measure}` }); return; }
    if (o.mw.length !== H) { problems.push({ path: `${name}: orders[${i}].mw`, message: `expected ${H} hourly values, found ${o.mw.length}` }); return; }
    o.mw.forEach((v, h) => (x[u * H + h] = v));
    o.paybackMW?.forEach((v, h) => (payback[u * H + h] = v));
  });
  const feederIndex = new Map(p.feeders.id.map((f, i) => [f, i]));
  const feederOpen = new Uint8Array(p.feeders.id.length * H);
  r.feedersOpened.forEach((f, i) => {
    const k = feederIndex.get(f.feeder);
    if (k === undefined) { problems.push({ path: `${name}: feedersOpened[${i}]`, message: `expected a feeder of the scenario, found ${f.feeder}` }); return; }
    for (const h of f.open ?? []) feederOpen[k * H + h] = 1;
  });
  if (problems.length) return { ok: false, problems };
  return { ok: true, orders: { name, x, payback, feederOpen } };
}
