/**
 * Daily hour limits couple a day's hours: a customer allowed two hours a day that the planner gives
 * to 18:00 and 19:00 is not there at 20:00. The planner first plans each day's hours from the
 * largest gap down (solve.ts); where that leaves a residual that a limited customer could have
 * covered, had its hours gone elsewhere, the day's hours are assigned exactly and the plan is made
 * again with that assignment.
 *
 * The exact assignment is a small mixed-integer programme per such day (choosing which hours a
 * limited customer is curtailed in is a covering problem with whole hours: not a flow — with two
 * hours to cover and one-hour customers of different sizes it is a partition problem — so no
 * flow or LP relaxation is exact in general):
 *
 *   minimise   Σ r[k,h] + ε Σ y[c,h]
 *   subject to Σ_{c inside k} x[c,h] + Σ_{groups g inside k} g[g,h] + r[k,h] ≥ R[k,h] − fixed[k,h]
 *              x[c,h] ≤ a[c,h] · y[c,h],   Σ_h y[c,h] ≤ hours left to c that day,   y binary
 *              0 ≤ g[g,h] ≤ G[g,h]
 * over the day's hours with a requirement, binaries only for the customers whose limit can bind
 * (fewer hours allowed than hours in which they could help); every other customer's room is summed
 * per group of customers inside the same areas (G). R is the plan's requirement (gap, snap-back,
 * payback), fixed what shifts, the energy rotation and opened feeders give. It is solved by
 * javascript-lp-solver's branch and bound, and its answer is checked here (integral, every row
 * holds) before it is used; a day with more binaries than it handles well (SOLVERS.md: about 50)
 * is left as the greedy planned it, and the report says so.
 */
import solver, { type SolveResult } from 'javascript-lp-solver';
import { budgetFloors, floorKW } from './capacity.ts';
import { constraintChains, SHIFT, type PlanProblem } from './problem.ts';

/** Most binaries in one day's model (javascript-lp-solver's branch and bound stays quick below this). */
export const MAX_DAILY_BINARIES = 60;

export interface DailyHoursDay {
  day: number;
  /** Customers whose limit binds, and the binaries of the model. */
  customers: number;
  binaries: number;
  status: 'solved' | 'too large' | 'not proven';
  /** The day's residual as the greedy left it, and as the exact assignment leaves it (model figures), MWh. */
  residualBeforeMWh: number;
  residualExactMWh?: number;
}

export interface DailyHoursReport {
  method: string;
  days: DailyHoursDay[];
  /** Whether the plan made with the exact assignment was kept (it leaves less residual). */
  kept: boolean;
  /** Residual of the plan made with the assignment, MWh (all days). */
  residualAfterMWh?: number;
  /**
   * The assignment the plan was made with: the local hours each limited customer may be curtailed
   * in, per day it was assigned (a rule-made decision the verifier takes as given).
   */
  assigned?: { customer: string; date: string; hours: number[] }[];
}

export const DAILY_HOURS_METHOD = 'mixed-integer programme per day where a daily limit left a residual (javascript-lp-solver branch and bound, answer checked)';

interface PlanFigures {
  x: Float64Array;
  xEnergy: Float64Array | null;
  feederOpen: Uint8Array;
  feederMW: Float64Array;
  requiredMW: Float64Array[];
  residualMW: Float64Array[];
  causes: { dailyHours: Float64Array }[];
  capacity: Float64Array;
  orderableFrom: Int32Array;
  allowed: Uint32Array | null;
}

/**
 * The exact assignment for the days where daily hours left a residual (allowed: null where it
 * changes nothing), or null where daily hours left none.
 */
export function exactDailyHours(p: PlanProblem, plan: PlanFigures): { allowed: Uint32Array | null; report: DailyHoursReport } | null {
  const H = p.hours, C = p.customers.id.length, U = p.units.customer.length, K = p.constraints.length;
  const days = H ? p.dayIndex[H - 1] + 1 : 0;
  const shortDays = new Set<number>();
  for (let k = 0; k < K; k++) for (let h = 0; h < H; h++) if (plan.causes[k].dailyHours[h] > 1e-6) shortDays.add(p.dayIndex[h]);
  if (!shortDays.size) return null;

  const floors = budgetFloors(p);
  const chains = constraintChains(p);
  const BASE = p.customers.baseline;
  const allowed = plan.allowed ? Uint32Array.from(plan.allowed) : new Uint32Array(C * Math.max(1, days)).fill(0xffffffff);
  const isAllowed = (c: number, h: number) => ((allowed[c * days + p.dayIndex[h]] >>> p.localHour[h]) & 1) === 1;
  const onFeeder = new Uint8Array(C * H), on = new Uint8Array(C * H);
  for (let f = 0; f < p.feeders.id.length; f++) for (let h = 0; h < H; h++) if (plan.feederOpen[f * H + h]) for (const c of p.feeders.customers[f]) { onFeeder[c * H + h] = 1; on[c * H + h] = 1; }
  for (let u = 0; u < U; u++) for (let h = 0; h < H; h++) if (plan.x[u * H + h] > 0) on[p.units.customer[u] * H + h] = 1;
  const report: DailyHoursReport = { method: DAILY_HOURS_METHOD, days: [], kept: true };
  let changed = false;

  for (const d of [...shortDays].sort((a, b) => a - b)) {
    const hours: number[] = [];
    for (let h = 0; h < H; h++) if (p.dayIndex[h] === d && plan.requiredMW.some((r) => r[h] > 0)) hours.push(h);
    let before = 0;
    for (const h of hours) for (let k = 0; k < K; k++) before += plan.residualMW[k][h];
    // What each customer's measures (shifts aside) can give in each of the day's hours.
    const a = new Float64Array(C * hours.length);
    for (let u = 0; u < U; u++) {
      if (p.units.measure[u] === SHIFT) continue;
      const c = p.units.customer[u];
      hours.forEach((h, i) => { if (h >= plan.orderableFrom[c] && isAllowed(c, h)) a[c * hours.length + i] += plan.capacity[u * H + h]; });
    }
    for (let c = 0; c < C; c++) hours.forEach((h, i) => { a[c * hours.length + i] = onFeeder[c * H + h] ? 0 : Math.min(a[c * hours.length + i], floorKW(BASE[c * H + h] - floors[c])); });
    // Limited customers whose limit can bind: fewer hours left than hours in which they could help.
    const coupled: number[] = [];
    const left = new Int32Array(C);
    // The day's other hours (no requirement), where a customer's hours may already be used.
    const outside: number[] = [];
    for (let h = 0; h < H; h++) if (p.dayIndex[h] === d && !hours.includes(h)) outside.push(h);
    for (let c = 0; c < C; c++) {
      const m = p.customers.maxHoursPerDay[c];
      if (!Number.isFinite(m)) continue;
      let useful = 0;
      hours.forEach((_, i) => { if (a[c * hours.length + i] > 1e-9) useful++; });
      let usedOutside = 0;
      for (const h of outside) if (on[c * H + h]) usedOutside++;
      left[c] = Math.max(0, m - usedOutside);
      if (useful > left[c]) coupled.push(c);
    }
    const binaries = coupled.reduce((t, c) => t + hours.filter((_, i) => a[c * hours.length + i] > 1e-9).length, 0);
    const entry: DailyHoursDay = { day: d, customers: coupled.length, binaries, status: 'solved', residualBeforeMWh: before };
    report.days.push(entry);
    if (!coupled.length) { entry.status = 'solved'; entry.residualExactMWh = before; continue; }
    if (binaries > MAX_DAILY_BINARIES) { entry.status = 'too large'; continue; }

    // Everyone else, summed per group of customers inside the same constraints.
    const isCoupled = new Uint8Array(C);
    for (const c of coupled) isCoupled[c] = 1;
    const groups = new Map<string, { chain: Int32Array; room: Float64Array }>();
    for (let c = 0; c < C; c++) {
      if (isCoupled[c]) continue;
      const chain = chains[p.customers.area[c]];
      const key = chain.join(',');
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { chain, room: new Float64Array(hours.length) }));
      hours.forEach((_, i) => { g!.room[i] += a[c * hours.length + i]; });
    }
    // What the plan's fixed decisions give: shifts, the energy rotation, opened feeders.
    const fixed = Array.from({ length: K }, () => new Float64Array(hours.length));
    for (let u = 0; u < U; u++) {
      const shift = p.units.measure[u] === SHIFT;
      const chain = chains[p.customers.area[p.units.customer[u]]];
      hours.forEach((h, i) => {
        const v = shift ? plan.x[u * H + h] : plan.xEnergy ? plan.xEnergy[u * H + h] : 0;
        if (v > 0) for (const k of chain) fixed[k][i] += v;
      });
    }
    for (let f = 0; f < p.feeders.id.length; f++) hours.forEach((h, i) => { if (plan.feederOpen[f * H + h]) for (const k of chains[p.feeders.area[f]]) fixed[k][i] += plan.feederMW[f * H + h]; });

    const constraints: Record<string, { min?: number; max?: number }> = {};
    const variables: Record<string, Record<string, number>> = {};
    const binary: Record<string, 1> = {};
    hours.forEach((h, i) => {
      for (let k = 0; k < K; k++) {
        const need = plan.requiredMW[k][h] - fixed[k][i];
        if (need <= 1e-9) continue;
        constraints[`c${k}_${i}`] = { min: need };
        variables[`r${k}_${i}`] = { cost: 1, [`c${k}_${i}`]: 1 };
      }
    });
    const covers = (chain: Int32Array, i: number) => Array.from(chain).filter((k) => constraints[`c${k}_${i}`] !== undefined);
    for (const c of coupled) {
      const chain = chains[p.customers.area[c]];
      constraints[`n${c}`] = { max: left[c] };
      hours.forEach((_, i) => {
        const cap = a[c * hours.length + i];
        if (cap <= 1e-9) return;
        const rows = covers(chain, i);
        if (!rows.length) return;
        constraints[`l${c}_${i}`] = { max: 0 };
        variables[`x${c}_${i}`] = Object.fromEntries([...rows.map((k) => [`c${k}_${i}`, 1]), [`l${c}_${i}`, 1]]);
        variables[`y${c}_${i}`] = { cost: 1e-4, [`l${c}_${i}`]: -cap, [`n${c}`]: 1 };
        binary[`y${c}_${i}`] = 1;
      });
    }
    let gi = 0;
    for (const g of groups.values()) {
      hours.forEach((_, i) => {
        if (g.room[i] <= 1e-9) return;
        const rows = covers(g.chain, i);
        if (!rows.length) return;
        constraints[`g${gi}_${i}`] = { max: g.room[i] };
        variables[`g${gi}_${i}`] = Object.fromEntries([...rows.map((k) => [`c${k}_${i}`, 1]), [`g${gi}_${i}`, 1]]);
      });
      gi++;
    }
    const answer = solver.Solve({ optimize: 'cost', opType: 'min', constraints, variables, binaries: binary, options: { tolerance: 0, timeout: 5000 } }) as SolveResult;
    // Its status is not enough: the answer must be integral and hold every row.
    const value = (name: string) => Number(answer[name] ?? 0);
    let ok = answer.feasible === true && Number.isFinite(answer.result);
    for (const y of Object.keys(binary)) { const v = value(y); if (Math.abs(v) > 1e-6 && Math.abs(v - 1) > 1e-6) ok = false; }
    const lhs = new Map<string, number>();
    for (const [name, coef] of Object.entries(variables)) {
      const v = value(name);
      if (v) for (const [row, a] of Object.entries(coef)) if (row !== 'cost') lhs.set(row, (lhs.get(row) ?? 0) + a * v);
    }
    for (const [row, b] of Object.entries(constraints)) {
      const l = lhs.get(row) ?? 0;
      if (b.min !== undefined && l < b.min - 1e-6 * Math.max(1, b.min)) ok = false;
      if (b.max !== undefined && l > b.max + 1e-6 * Math.max(1, Math.abs(b.max))) ok = false;
    }
    for (const v of Object.keys(variables)) if (value(v) < -1e-7) ok = false;
    if (!ok) { entry.status = 'not proven'; continue; }
    let exact = 0;
    for (const name of Object.keys(variables)) if (name.startsWith('r')) exact += value(name);
    entry.residualExactMWh = exact;
    if (exact >= before - 1e-6) continue;
    // The assignment: each coupled customer may be curtailed this day only in the hours chosen.
    for (const c of coupled) {
      let mask = 0;
      for (let h = 0; h < H; h++) if (p.dayIndex[h] === d && !hours.includes(h)) mask |= 1 << p.localHour[h];
      hours.forEach((h, i) => { if (value(`y${c}_${i}`) > 0.5) mask |= 1 << p.localHour[h]; });
      allowed[c * days + d] &= mask;
    }
    changed = true;
  }
  return { allowed: changed ? allowed : null, report };
}
