/**
 * The plan's optimisation model in CPLEX LP format, so any solver can check the optimum a
 * regulator is shown. It is the model the planner solves exactly hour by hour, with the decisions
 * taken by rule held fixed and stated in the header: which customer-hours are available (notice
 * and daily limits as the plan used them), the shifted MW (their room to come back is shared),
 * the feeders opened (whole, in the emergency order's ranking), the energy rotation, and the
 * snap-back and returning energy added to each requirement.
 *
 *   minimise  Σ (band·B + cost) x[u,h] + P Σ r[k,h]
 *   subject to, for every constraint k and hour h:  Σ_{u inside k} x[u,h] + r[k,h] ≥ R[k,h]
 *              for every customer c and hour h:    Σ_{u of c} x[u,h] ≤ room[c,h]
 *              0 ≤ x[u,h] ≤ capacity[u,h] (0 where unavailable), r ≥ 0
 * B exceeds every cost difference, so the ladder's bands come first; P exceeds every band.
 */
import type { PlanProblem } from './problem.ts';
import { bandOf, constraintChains, SHIFT } from './problem.ts';
import { objectiveScales } from './report.ts';
import type { SolvedPlan } from './solve.ts';

export interface LpModel {
  text: string;
  variables: number;
  rows: number;
}

const num = (v: number) => {
  if (Object.is(v, -0) || Math.abs(v) < 1e-12) return '0';
  return Number.isInteger(v) ? String(v) : v.toPrecision(15).replace(/\.?0+$/, '').replace(/\.?0+e/, 'e');
};

export function planLp(p: PlanProblem, plan: SolvedPlan, options: { hours?: number[] } = {}): LpModel {
  const H = p.hours, U = p.units.customer.length, C = p.customers.id.length, K = p.constraints.length, F = p.feeders.id.length;
  const { bandScale, residualPenalty } = objectiveScales(p);
  const chains = constraintChains(p);
  const days = H ? p.dayIndex[H - 1] + 1 : 0;

  // What the plan fixed: customer-hours curtailed, daily hours used, feeders opened, energy part.
  const released = new Float64Array(C * H);
  for (let u = 0; u < U; u++) for (let h = 0; h < H; h++) released[p.units.customer[u] * H + h] += plan.x[u * H + h];
  const open = new Uint8Array(C * H);
  for (let f = 0; f < F; f++) for (let h = 0; h < H; h++) if (plan.feederOpen[f * H + h]) for (const c of p.feeders.customers[f]) open[c * H + h] = 1;
  const used = new Uint8Array(C * Math.max(1, days));
  for (let c = 0; c < C; c++) for (let h = 0; h < H; h++) if (released[c * H + h] > 1e-9 || open[c * H + h]) used[c * days + p.dayIndex[h]]++;
  // Curtailments ending at the start of h (snapping back) are not ordered again in h.
  const ended = new Uint8Array(C * H);
  for (let u = 0; u < U; u++) if (p.units.measure[u] !== SHIFT) for (let h = 1; h < H; h++) if (plan.x[u * H + h - 1] > 0) ended[p.units.customer[u] * H + h] = 1;
  for (let c = 0; c < C; c++) for (let h = 1; h < H; h++) if (open[c * H + h - 1]) ended[c * H + h] = 1;
  const available = (c: number, h: number) =>
    h >= plan.orderableFrom[c] && !open[c * H + h] && (released[c * H + h] > 1e-9 || !ended[c * H + h]) &&
    (released[c * H + h] > 1e-9 || used[c * days + p.dayIndex[h]] < p.customers.maxHoursPerDay[c]);
  const energy = (u: number, h: number) => (plan.xEnergy ? plan.xEnergy[u * H + h] : 0);

  // Requirement rows net of what the fixed decisions already give.
  const rhs = p.constraints.map((_, k) => Float64Array.from(plan.requiredMW[k]));
  for (let f = 0; f < F; f++) for (let h = 0; h < H; h++) if (plan.feederOpen[f * H + h]) for (const k of chains[p.feeders.area[f]]) rhs[k][h] -= plan.feederMW[f * H + h];
  for (let u = 0; u < U; u++) {
    const fixedShift = p.units.measure[u] === SHIFT;
    for (let h = 0; h < H; h++) {
      // On an opened feeder the customer's whole load goes: its measures are fixed with it.
      const whole = open[p.units.customer[u] * H + h] === 1;
      const fixed = whole || fixedShift ? plan.x[u * H + h] : energy(u, h);
      if (fixed) for (const k of chains[p.customers.area[p.units.customer[u]]]) rhs[k][h] -= fixed;
    }
  }
  // Hours with something to cover (or the hours asked for: the model separates by hour once the
  // rule-made decisions are fixed, so any subset is a model of its own).
  const hourUsed = new Uint8Array(H);
  for (let h = 0; h < H; h++) for (let k = 0; k < K; k++) if (plan.requiredMW[k][h] > 0) hourUsed[h] = 1;
  if (options.hours) {
    const keep = new Set(options.hours);
    for (let h = 0; h < H; h++) if (!keep.has(h)) hourUsed[h] = 0;
  }

  const obj: string[] = [], rows: string[] = [], bounds: string[] = [];
  const unitsOf: number[][] = p.customers.id.map(() => []);
  for (let u = 0; u < U; u++) unitsOf[p.units.customer[u]].push(u);
  const perCustomer = new Map<number, string[]>();
  let variables = 0;
  for (let h = 0; h < H; h++) {
    if (!hourUsed[h]) continue;
    const terms: string[][] = p.constraints.map(() => []);
    perCustomer.clear();
    for (let u = 0; u < U; u++) {
      const c = p.units.customer[u];
      const name = `x${u}_${h}`;
      let ub = available(c, h) ? plan.capacity[u * H + h] : 0;
      if (p.units.measure[u] === SHIFT) continue; // fixed at the plan's value (in the constants above)
      ub = Math.max(0, ub - energy(u, h));
      if (ub <= 0) continue;
      variables++;
      obj.push(`${num(bandOf(p, u) * bandScale + p.units.costPerMWh[u])} ${name}`);
      bounds.push(` 0 <= ${name} <= ${num(ub)}`);
      for (const k of chains[p.customers.area[c]]) terms[k].push(name);
      if (!perCustomer.has(c)) perCustomer.set(c, []);
      perCustomer.get(c)!.push(name);
    }
    for (let k = 0; k < K; k++) {
      if (plan.requiredMW[k][h] <= 0) continue;
      const r = `r${k}_${h}`;
      variables++;
      obj.push(`${num(residualPenalty)} ${r}`);
      rows.push(wrap(`cover_${k}_${h}: `, [...terms[k], r], ` >= ${num(rhs[k][h])}`));
    }
    for (const [c, names] of perCustomer) {
      // Room above the floor (fair: under the hour's share), less what the fixed decisions take.
      let fixed = 0, sumUb = 0;
      for (const u of unitsOf[c]) {
        if (p.units.measure[u] === SHIFT) fixed += plan.x[u * H + h];
        else { fixed += energy(u, h); sumUb += Math.max(0, plan.capacity[u * H + h] - energy(u, h)); }
      }
      const base = p.customers.baseline[c * H + h];
      let cap = Math.max(0, base - p.customers.floorMW[c]) - fixed;
      if (plan.fairShare && !plan.fairExceeded?.[h]) cap = Math.min(cap, plan.fairShare[h] * base - fixed);
      if (sumUb > cap + 1e-12) rows.push(wrap(`room_${c}_${h}: `, names, ` <= ${num(Math.max(0, cap))}`));
    }
  }
  const header = [
    `\\ Orderly plan model (${plan.strategy}), ${H} hours from ${new Date(p.startMs).toISOString()}`,
    `\\ band scale B = ${bandScale}, residual penalty P = ${residualPenalty}`,
    '\\ Held fixed as the plan decided them: customer-hours available (notice, daily hours),',
    '\\ shifted MW, feeders opened, energy rotation; snap-back and returning energy are in the right-hand sides.',
  ];
  const text = [...header, 'Minimize', wrap(' obj: ', obj.length ? obj : ['0 zero'], ''), 'Subject To', ...rows, ...(rows.length ? [] : [' none: zero >= 0']), 'Bounds', ...bounds, ...(obj.length ? [] : [' zero = 0']), 'End', ''].join('\n');
  return { text, variables, rows: rows.length };
}

/** A row written over several lines (LP readers limit line length). */
function wrap(head: string, terms: string[], tail: string): string {
  const lines: string[] = [];
  for (let i = 0; i < terms.length; i += 8) lines.push(terms.slice(i, i + 8).join(' + '));
  return head + lines.join('\n + ') + tail;
}
