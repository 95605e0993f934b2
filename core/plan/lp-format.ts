/**
 * The plan's optimisation model in CPLEX LP format, so any solver can check the optimum a
 * regulator is shown. It is the model the planner solves exactly hour by hour, with the decisions
 * taken by rule held fixed and stated: which customer-hours are available (notice, the daily hours
 * as the plan assigned them, the hour after a curtailment ends), the shifted MW (their room to come
 * back is shared), the energy rotation, holds (a customer kept on one more hour so that its
 * snap-back moves on), the feeders opened (whole, in the emergency order's ranking: each a variable
 * fixed at 1 carrying the value of the load it sheds), and for the fair strategy the share each
 * unit of a band shared out may give (its bound); snap-back and returning energy are in the
 * requirements.
 *
 *   minimise  Σ (band·B + w[u]) x[u,h] + Σ W[f,h] o[f,h] + P Σ r[k,h]
 *   subject to, for every constraint k and hour h:  Σ_{u inside k} x[u,h] + r[k,h] ≥ R[k,h] − fixed[k,h]
 *              for every customer c and hour h:    Σ_{u of c} x[u,h] ≤ budget[c,h] − fixed[c,h]
 *              0 ≤ x[u,h] ≤ capacity[u,h] (0 where unavailable; fair: ≤ its share), o = 1, r ≥ 0
 * w is the strategy's own weight inside a band: the cost per MWh (cost, fair), or (B − 1) × the
 * smallest customer size / the customer's size (fewest: the LP relaxation of counting customers,
 * larger customers weigh less per MW). B exceeds every w, so the ladder's bands come first; P
 * exceeds every band, so the residual comes before all. R is in whole kW (rounded up), as the plan
 * orders in whole kW; budget is baseline − max(security floor, 限电 cap), in whole kW.
 */
import { budgetFloors, floorKW } from './capacity.ts';
import { withinBandWeights } from './order.ts';
import type { PlanProblem } from './problem.ts';
import { bandOf, constraintChains, SHIFT } from './problem.ts';
import { feederWeight, objectiveScales } from './objective.ts';
import type { SolvedPlan } from './solve.ts';

/** The model as data: variables (with cost and bounds) and rows, by hour. */
export interface PlanModel {
  strategy: string;
  startMs: number;
  hours: number;
  bandScale: number;
  residualPenalty: number;
  vars: { name: string; cost: number; lb: number; ub: number; hour: number }[];
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

/** The part of a unit's release decided by rule (held fixed): shifts whole, the energy rotation's and holds. */
export function fixedPartMW(p: PlanProblem, plan: Pick<SolvedPlan, 'x' | 'xEnergy' | 'xHold'>, u: number, h: number): number {
  const i = u * p.hours + h;
  if (p.units.measure[u] === SHIFT) return plan.x[i];
  return (plan.xEnergy ? plan.xEnergy[i] : 0) + (plan.xHold ? plan.xHold[i] : 0);
}

export function planModel(p: PlanProblem, plan: SolvedPlan, options: { hours?: number[]; sizes?: Int32Array } = {}): PlanModel {
  // With `sizes` (one per hour), the variables of each hour are only counted there (the optimum
  // check asks which hours are small enough before writing any of them).
  const sizes = options.sizes ?? null;
  const H = p.hours, U = p.units.customer.length, C = p.customers.id.length, K = p.constraints.length, F = p.feeders.id.length;
  const { bandScale, residualPenalty } = objectiveScales(p);
  const weights = withinBandWeights(p, plan.strategy, plan.capacity, bandScale);
  const floors = budgetFloors(p);
  const chains = constraintChains(p);
  const days = H ? p.dayIndex[H - 1] + 1 : 0;

  // What the plan fixed: customer-hours curtailed, daily hours used, feeders opened.
  const released = new Float64Array(C * H), nonShift = new Float64Array(C * H);
  for (let u = 0; u < U; u++) for (let h = 0; h < H; h++) {
    const v = plan.x[u * H + h];
    if (v <= 0) continue;
    released[p.units.customer[u] * H + h] += v;
    if (p.units.measure[u] !== SHIFT) nonShift[p.units.customer[u] * H + h] += v;
  }
  const open = new Uint8Array(C * H);
  for (let f = 0; f < F; f++) for (let h = 0; h < H; h++) if (plan.feederOpen[f * H + h]) for (const c of p.feeders.customers[f]) open[c * H + h] = 1;
  const used = new Uint8Array(C * Math.max(1, days));
  for (let c = 0; c < C; c++) for (let h = 0; h < H; h++) if (released[c * H + h] > 1e-9 || open[c * H + h]) used[c * days + p.dayIndex[h]]++;
  // Curtailments ending at the start of h (snapping back) are not ordered again in h.
  const ended = (c: number, h: number) => h > 0 && (nonShift[c * H + h - 1] > 0 || open[c * H + h - 1] === 1);
  const allowed = (c: number, h: number) => !plan.allowed || ((plan.allowed[c * days + p.dayIndex[h]] >>> p.localHour[h]) & 1) === 1;
  const available = (c: number, h: number) =>
    h >= plan.orderableFrom[c] && allowed(c, h) && !open[c * H + h] && (released[c * H + h] > 1e-9 || !ended(c, h)) &&
    (released[c * H + h] > 1e-9 || used[c * days + p.dayIndex[h]] < p.customers.maxHoursPerDay[c]);

  // Requirement rows net of what the fixed decisions already give.
  const rhs = p.constraints.map((_, k) => Float64Array.from(plan.requiredMW[k]));
  for (let f = 0; f < F; f++) for (let h = 0; h < H; h++) if (plan.feederOpen[f * H + h]) for (const k of chains[p.feeders.area[f]]) rhs[k][h] -= plan.feederMW[f * H + h];
  for (let u = 0; u < U; u++) {
    for (let h = 0; h < H; h++) {
      const fixed = fixedPartMW(p, plan, u, h);
      if (fixed) for (const k of chains[p.customers.area[p.units.customer[u]]]) rhs[k][h] -= fixed;
    }
  }
  // Hours with something to cover (or the hours asked for: the model separates by hour once the
  // rule-made decisions are fixed, so any subset is a model of its own).
  const hourUsed = new Uint8Array(H);
  for (let h = 0; h < H; h++) for (let k = 0; k < K; k++) if (plan.requiredMW[k][h] > 0) hourUsed[h] = 1;
  // An hour with a feeder held open (its pickup moved on) may need nothing else: its feeder is in the model all the same.
  for (let f = 0; f < F; f++) for (let h = 0; h < H; h++) if (plan.feederOpen[f * H + h]) hourUsed[h] = 1;
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
      const bound = plan.fairBound && plan.fairBound[u * H + h] >= 0 ? Math.min(plan.capacity[u * H + h], plan.fairBound[u * H + h]) : plan.capacity[u * H + h];
      const ub = Math.max(0, (available(c, h) ? bound : 0) - fixedPartMW(p, plan, u, h));
      if (ub <= 0) continue;
      if (sizes) { sizes[h]++; continue; }
      const name = `x${u}_${h}`;
      vars.push({ name, cost: bandOf(p, u) * bandScale + weights[u], lb: 0, ub, hour: h });
      for (const k of chains[p.customers.area[c]]) terms[k].push(name);
      if (!perCustomer.has(c)) perCustomer.set(c, []);
      perCustomer.get(c)!.push(name);
    }
    for (let f = 0; f < F; f++) {
      if (!plan.feederOpen[f * H + h]) continue;
      if (sizes) { sizes[h]++; continue; }
      vars.push({ name: `o${f}_${h}`, cost: feederWeight(p, f, h, plan.feederMW[f * H + h], bandScale), lb: 1, ub: 1, hour: h });
    }
    for (let k = 0; k < K; k++) {
      if (plan.requiredMW[k][h] <= 0) continue;
      if (sizes) { sizes[h]++; continue; }
      const r = `r${k}_${h}`;
      vars.push({ name: r, cost: residualPenalty, lb: 0, ub: Infinity, hour: h });
      rows.push({ name: `cover_${k}_${h}`, vars: [...terms[k], r], sense: '>=', rhs: rhs[k][h], hour: h });
    }
    for (const [c, names] of perCustomer) {
      // The customer's budget, less what the fixed decisions take.
      let fixed = 0, sumUb = 0;
      for (const u of unitsOf[c]) {
        fixed += fixedPartMW(p, plan, u, h);
        if (p.units.measure[u] !== SHIFT) sumUb += Math.max(0, plan.capacity[u * H + h] - fixedPartMW(p, plan, u, h));
      }
      const cap = floorKW(p.customers.baseline[c * H + h] - floors[c]) - fixed;
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
    `\\ band scale B = ${m.bandScale}, residual penalty P = ${m.residualPenalty}; within a band: ${m.strategy === 'fewest' ? '(B - 1) x smallest size / customer size' : 'cost per MWh'}`,
    '\\ Held fixed as the plan decided them: customer-hours available (notice, daily hours), shifted MW,',
    '\\ the energy rotation and holds (in the right-hand sides), feeders opened (o = 1, with the value of their load)',
    `\\ ${m.strategy === 'fair' ? 'and the fair shares (bounds on the units of a band shared out); ' : ''}snap-back and returning energy are in the right-hand sides (whole kW).`,
  ];
  const obj = m.vars.map((v) => `${num(v.cost)} ${v.name}`);
  const rows = m.rows.map((r) => wrap(`${r.name}: `, r.vars, ` ${r.sense} ${num(r.rhs)}`));
  const bounds = m.vars.filter((v) => Number.isFinite(v.ub)).map((v) => (v.lb === v.ub ? ` ${v.name} = ${num(v.ub)}` : ` ${num(v.lb)} <= ${v.name} <= ${num(v.ub)}`));
  const text = [...header, 'Minimize', wrap(' obj: ', obj.length ? obj : ['0 zero'], ''), 'Subject To', ...rows, ...(rows.length ? [] : [' none: zero >= 0']), 'Bounds', ...bounds, ...(obj.length ? [] : [' zero = 0']), 'End', ''].join('\n');
  return { text, variables: m.vars.length, rows: m.rows.length };
}

/** A row written over several lines (LP readers limit line length). */
function wrap(head: string, terms: string[], tail: string): string {
  const lines: string[] = [];
  for (let i = 0; i < terms.length; i += 8) lines.push(terms.slice(i, i + 8).join(' + '));
  return head + lines.join('\n + ') + tail;
}
