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

/** The model as data: variables (with cost and upper bound, lower bound 0) and rows, by hour. */
export interface PlanModel {
  strategy: string;
  startMs: number;
  hours: number;
  bandScale: number;
  residualPenalty: number;
  vars: { name: string; cost: number; ub: number; hour: number }[];
  rows: { name: string; vars: string[]; sense: '>=' | '<='; rhs: number; hour: number }[];
}

export interface LpModel {
  text: string;
  variables: number;
  rows: number;
}

const num = (v: number) => {
  if (Object.is(v, -0) || Math.abs(v) < 1e-12) return '0';
  return Number.isInteger(v) ? String(v) : v.toPrecision(15).replace(/\.?0+$/, '').replace(/\.?0+e/, 'e');
};

export function planModel(p: PlanProblem, plan: SolvedPlan, options: { hours?: number[] } = {}): PlanModel {
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

  const vars: PlanModel['vars'] = [], rows: PlanModel['rows'] = [];
  const unitsOf: number[][] = p.customers.id.map(() => []);
  for (let u = 0; u < U; u++) unitsOf[p.units.customer[u]].push(u);
  const perCustomer = new Map<number, string[]>();
  for (let h = 0; h < H; h++) {
    if (!hourUsed[h]) continue;
    const terms: string[][] = p.constraints.map(() => []);
    perCustomer.clear();
    for (let u = 0; u < U; u++) {
      const c = p.units.customer[u];
      if (p.units.measure[u] === SHIFT) continue; // fixed at the plan's value (in the constants above)
      const ub = Math.max(0, (available(c, h) ? plan.capacity[u * H + h] : 0) - energy(u, h));
      if (ub <= 0) continue;
      const name = `x${u}_${h}`;
      vars.push({ name, cost: bandOf(p, u) * bandScale + p.units.costPerMWh[u], ub, hour: h });
      for (const k of chains[p.customers.area[c]]) terms[k].push(name);
      if (!perCustomer.has(c)) perCustomer.set(c, []);
      perCustomer.get(c)!.push(name);
    }
    for (let k = 0; k < K; k++) {
      if (plan.requiredMW[k][h] <= 0) continue;
      const r = `r${k}_${h}`;
      vars.push({ name: r, cost: residualPenalty, ub: Infinity, hour: h });
      rows.push({ name: `cover_${k}_${h}`, vars: [...terms[k], r], sense: '>=', rhs: rhs[k][h], hour: h });
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
      if (sumUb > cap + 1e-12) rows.push({ name: `room_${c}_${h}`, vars: names, sense: '<=', rhs: Math.max(0, cap), hour: h });
    }
  }
  return { strategy: plan.strategy, startMs: p.startMs, hours: H, bandScale, residualPenalty, vars, rows };
}

/** The model as CPLEX LP text. */
export function planLp(p: PlanProblem, plan: SolvedPlan, options: { hours?: number[] } = {}): LpModel {
  const m = planModel(p, plan, options);
  const header = [
    `\\ Orderly plan model (${m.strategy}), ${m.hours} hours from ${new Date(m.startMs).toISOString()}`,
    `\\ band scale B = ${m.bandScale}, residual penalty P = ${m.residualPenalty}`,
    '\\ Held fixed as the plan decided them: customer-hours available (notice, daily hours),',
    '\\ shifted MW, feeders opened, energy rotation; snap-back and returning energy are in the right-hand sides.',
  ];
  const obj = m.vars.map((v) => `${num(v.cost)} ${v.name}`);
  const rows = m.rows.map((r) => wrap(`${r.name}: `, r.vars, ` ${r.sense} ${num(r.rhs)}`));
  const bounds = m.vars.filter((v) => Number.isFinite(v.ub)).map((v) => ` 0 <= ${v.name} <= ${num(v.ub)}`);
  const text = [...header, 'Minimize', wrap(' obj: ', obj.length ? obj : ['0 zero'], ''), 'Subject To', ...rows, ...(rows.length ? [] : [' none: zero >= 0']), 'Bounds', ...bounds, ...(obj.length ? [] : [' zero = 0']), 'End', ''].join('\n');
  return { text, variables: m.vars.length, rows: m.rows.length };
}

/** A row written over several lines (LP readers limit line length). */
function wrap(head: string, terms: string[], tail: string): string {
  const lines: string[] = [];
  for (let i = 0; i < terms.length; i += 8) lines.push(terms.slice(i, i + 8).join(' + '));
  return head + lines.join('\n + ') + tail;
}
