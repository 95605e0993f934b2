/**
 * The structured planner. Every strategy has one objective, lexicographic: the smallest residual
 * any plan under the rules leaves, then the ladder (rung, then tier), then the strategy's own
 * criterion inside a band (cost, equal shares, fewest customers; order.ts).
 *
 * Hours separate except through four couplings, each handled by rule:
 *  - a customer's daily hour limit: within a day the hours with the largest gap are planned first;
 *    where that leaves a residual a limited customer could have covered elsewhere, the day's hours
 *    are assigned exactly (daily-hours.ts: a small MILP per such day) and the plan is made again;
 *  - shifted energy (错峰) comes back in the customer's return windows, placed only where it leaves
 *    room (it may not create a new gap), which caps how much can be shifted;
 *  - snap-back: part of a curtailment returns in the hour after it ends; a second, chronological
 *    pass adds it to that hour's requirement and covers it — where nobody else can, by keeping the
 *    customer on one more hour (a hold), so the plan's own snap-back is never left uncovered while
 *    the customer could still be curtailed;
 *  - the energy rotation (rotation.ts).
 * Inside an hour, with the customer-hours available fixed, the cover is exact: the areas form a
 * tree, so each area's requirement is covered bottom-up by the first units (in the strategy's
 * order) inside it, then the system's by the first remaining units anywhere (SOLVERS.md; the same
 * optimum as an LP solver on the model `lp-format.ts` writes). The fair strategy, inside the band
 * it draws on, raises every customer to the same share of its baseline instead (water-filling).
 * Feeders are opened whole, in the emergency order's ranking, only once every measure inside the
 * area is exhausted; the measures of customers on an opened feeder go with it, and the hour's
 * measures are then planned again with the feeders held open (so none is ordered for nothing).
 * Everything is ordered in whole kW (capacity.ts).
 */
import { budgetFloors, capacityTable, ceilKW, floorKW, KW, orderableFrom } from './capacity.ts';
import { exactDailyHours, type DailyHoursReport } from './daily-hours.ts';
import { feederRanking } from './emergency-order.ts';
import { unitOrder, type Strategy } from './order.ts';
import { finishRotation, rotateEnergy, startRotation, type RotationResult, type RotationState } from './rotation.ts';
import { bandOf, constraintChains, SHIFT, type PlanProblem } from './problem.ts';

const EPS = 1e-9;

export interface PlanOptions {
  strategy?: Strategy;
  /**
   * Hours each customer may be curtailed in, per local day: bit h of allowed[c × days + d] for local
   * hour h (absent: every hour). The exact daily-hours assignment sets it; tests may too.
   */
  allowed?: Uint32Array | null;
}

export interface ResidualCauses {
  /** MW of the residual that customers (or feeders) could have released with more notice. */
  notice: Float64Array;
  /** MW customers could have released had their daily hours not run out. */
  dailyHours: Float64Array;
  /** MW that lower security floors would have freed (curtailable load under a floor, feeders kept shut by one). */
  floor: Float64Array;
  /** The rest: the curtailable pool is exhausted (system: the remaining load is protected; local: the import limit). */
  structural: Float64Array;
}

export interface SolvedPlan {
  strategy: Strategy;
  hours: number;
  /** MW released per unit and hour, unit-major (power and energy plan together). */
  x: Float64Array;
  /** The part of x ordered by the energy rotation (0 where none). */
  xEnergy: Float64Array | null;
  /**
   * The part of x that keeps a customer on one more hour so that its snap-back moves to an hour
   * with room (a hold: decided by rule, fixed in the LP model like the energy rotation); null when
   * there is none.
   */
  xHold: Float64Array | null;
  /** Energy-limited days: the rotation among blocks of customers. */
  rotation: RotationResult | null;
  /** Shifted energy coming back, MW per unit and hour (shift units only). */
  payback: Float64Array;
  /** Feeders opened, feeder-major (1 = open in that hour), and the MW each opening releases (whole kW). */
  feederOpen: Uint8Array;
  feederMW: Float64Array;
  /** Per constraint: snap-back added, requirement (gap + snap-back + payback, rounded up to the kW, not below 0), covered, residual. */
  snapBackMW: Float64Array[];
  requiredMW: Float64Array[];
  coveredMW: Float64Array[];
  residualMW: Float64Array[];
  causes: ResidualCauses[];
  /** Fair strategy: the largest share of its baseline any customer gives in the band drawn on, per hour (0 where no band was shared out). */
  fairShare: Float64Array | null;
  /**
   * Fair strategy: the bound the shares put on each unit-hour, MW (the unit's share of the level
   * its band was raised to, in whole kW), or −1 where none (bands exhausted or untouched).
   */
  fairBound: Float64Array | null;
  /** Capacity per unit and hour before notice and daily limits (for reports and the LP model). */
  capacity: Float64Array;
  orderableFrom: Int32Array;
  /** The daily-hours assignment the plan was made with (see PlanOptions.allowed), or null. */
  allowed: Uint32Array | null;
  /** How the daily hours were assigned where they couple hours (null where they never did). */
  dailyHours: DailyHoursReport | null;
  /**
   * Where the fair or fewest strategy's own plan left more residual than the least-cost plan (by
   * this many MWh, after planning it again with the least-cost plan's daily hours and shifts), the
   * least-cost plan is used instead and the strategy asked for is kept here.
   */
  fellBackFrom?: Strategy;
  residualAboveLeastCostMWh?: number;
  solveMs: number;
}

export function solvePlan(p: PlanProblem, options: PlanOptions = {}): SolvedPlan {
  const started = Date.now();
  const strategy = options.strategy ?? 'cost';
  let plan = solveWithRotation(p, strategy, options.allowed ?? null, started);
  // Daily hours: where the greedy left a residual that a limited customer could have covered in
  // another hour, assign the day's hours exactly and plan again.
  const exact = exactDailyHours(p, plan);
  if (exact?.allowed) {
    const again = solveWithRotation(p, strategy, exact.allowed, started);
    exact.report.residualAfterMWh = totalResidual(again);
    if (totalResidual(again) < totalResidual(plan) - 1e-6) plan = { ...again, dailyHours: exact.report };
    else plan = { ...plan, dailyHours: { ...exact.report, kept: false } };
  } else if (exact) plan = { ...plan, dailyHours: { ...exact.report, kept: false } };
  // Every strategy covers what the least-cost plan covers: where it does not, plan it again with
  // the least-cost plan's daily hours (the customer-hours it found for limited customers).
  if (strategy !== 'cost' && totalResidual(plan) > 1e-6) {
    const cost = leastCostOf(p, options);
    const above = totalResidual(plan) - totalResidual(cost);
    if (above > 1e-6) {
      // First the least-cost plan's daily hours; then its shifts too (their room to come back is
      // shared across hours, and which hour gets it is where strategies part).
      for (const shifts of [null, { x: cost.x, payback: cost.payback }]) {
        if (totalResidual(plan) - totalResidual(cost) <= 1e-6) break;
        const again = solveWithRotation(p, strategy, hoursOf(p, cost), started, shifts);
        if (totalResidual(again) < totalResidual(plan) - 1e-6) plan = { ...again, dailyHours: plan.dailyHours };
      }
      // Still more: the residual comes first, so the strategy's own criterion gives way to the
      // least-cost plan (its sharing out moved snap-back or shifted energy into hours that could
      // not take it). The report says so.
      const still = totalResidual(plan) - totalResidual(cost);
      if (still > 1e-3) plan = { ...cost, fellBackFrom: strategy, residualAboveLeastCostMWh: still };
    }
  }
  plan.solveMs = Date.now() - started;
  if (strategy === 'cost' && !options.allowed && !leastCostPlans.has(p)) leastCostPlans.set(p, plan);
  return plan;
}

/**
 * The least-cost plan of a problem, which the fair and fewest strategies are held to: solved once
 * per problem object (plans of every strategy on the same tables, as the tests and the plans per
 * level make them, share it). The tables are treated as read-only once planned.
 */
const leastCostPlans = new WeakMap<PlanProblem, SolvedPlan>();
function leastCostOf(p: PlanProblem, options: PlanOptions): SolvedPlan {
  if (options.allowed) return solvePlan(p, { ...options, strategy: 'cost' });
  let plan = leastCostPlans.get(p);
  if (!plan) leastCostPlans.set(p, (plan = solvePlan(p, { strategy: 'cost' })));
  return plan;
}

/** MWh of residual over every constraint and hour, plus energy days left short. */
export function totalResidual(plan: Pick<SolvedPlan, 'residualMW' | 'rotation'>): number {
  let t = 0;
  for (const r of plan.residualMW) for (const v of r) t += v;
  if (plan.rotation) for (const d of plan.rotation.days) t += d.residualMWh;
  return t;
}

/** The hours each limited customer is curtailed in, per day, as an assignment for another plan. */
function hoursOf(p: PlanProblem, plan: SolvedPlan): Uint32Array {
  const H = p.hours, C = p.customers.id.length, days = H ? p.dayIndex[H - 1] + 1 : 0;
  const out = new Uint32Array(C * Math.max(1, days)).fill(0xffffffff);
  const on = new Uint8Array(C * H);
  for (let u = 0; u < p.units.customer.length; u++) for (let h = 0; h < H; h++) if (plan.x[u * H + h] > 0) on[p.units.customer[u] * H + h] = 1;
  for (let f = 0; f < p.feeders.id.length; f++) for (let h = 0; h < H; h++) if (plan.feederOpen[f * H + h]) for (const c of p.feeders.customers[f]) on[c * H + h] = 1;
  for (let c = 0; c < C; c++) {
    if (!(p.customers.maxHoursPerDay[c] < 24)) continue; // a limit that cannot bind
    for (let d = 0; d < days; d++) out[c * days + d] = 0;
    for (let h = 0; h < H; h++) if (on[c * H + h]) out[c * days + p.dayIndex[h]] |= 1 << p.localHour[h];
  }
  return out;
}

/** Shifts decided beforehand (the least-cost plan's, for a strategy that fell short of it): x and payback of the shift units. */
interface PresetShifts { x: Float64Array; payback: Float64Array }

function solveWithRotation(p: PlanProblem, strategy: Strategy, allowed: Uint32Array | null, started: number, shifts: PresetShifts | null = null): SolvedPlan {
  let plan = solveOnce(p, strategy, allowed, null, started, shifts);
  // Energy days topped up after the hourly plan would duplicate what it covers: plan again with
  // each energy day saving up front what the snap-back took back, so it is planned once.
  const short = plan.rotation ? shortfallByDay(p, plan) : null;
  if (short) {
    const next = solveOnce(p, strategy, allowed, short, started, shifts);
    if (totalShort(next) <= totalShort(plan) + 1e-9) plan = next;
  }
  return plan;
}

/** Energy the snap-back took from each day's rotation (MWh), or null where nothing is short. */
function shortfallByDay(p: PlanProblem, plan: SolvedPlan): Float64Array | null {
  const days = p.hours ? p.dayIndex[p.hours - 1] + 1 : 0;
  const out = new Float64Array(days);
  let any = false;
  // The snap-back that lowered each day's savings, counted in full (the top-up may have hidden it).
  for (let h = 0; h < p.hours; h++) out[p.dayIndex[h]] += plan.snapBackMW[0][h];
  for (let d = 0; d < days; d++) if (out[d] > 1e-6) any = true;
  return any ? out : null;
}

function totalShort(plan: SolvedPlan): number {
  return plan.rotation ? plan.rotation.days.reduce((t, d) => t + d.residualMWh, 0) : 0;
}

/**
 * What a solve reads that depends only on the scenario's tables (customers, units, hours, ladder),
 * not on the gaps: kept per units table, so that what-ifs on the same tables (a slider's positions,
 * each a problem of its own with only the gaps changed) build them once. Hour-major copies of what
 * the cover reads unit after unit within an hour (the tables are unit- and customer-major: reading
 * them across units strided a whole row per read, and those cache misses were most of the cover's
 * and the trim's time): roomT, each customer's budget in whole kW; capT, each unit's capacity.
 * Read-only once made (the capacity and orderable hours go out with the plans).
 */
interface PlanTables {
  customers: PlanProblem['customers']; hours: number; localHour: PlanProblem['localHour']; ladder: PlanProblem['ladder'];
  issuedAtMs: number; startMs: number;
  /** The capacity table's sum when made: a change to it (by a caller holding a plan) is seen. */
  capSum: number;
  floors: Float64Array; cap: Float64Array; orderable: Int32Array; band: Int32Array; roomT: Float64Array; capT: Float64Array;
  /** Hour-major: each customer's baseline, and what all its measures could give at most (Σ capacity over its units). */
  baseT: Float64Array; measureCapT: Float64Array;
  orders: Map<Strategy, { order: Int32Array; position: Int32Array; unitsOf: number[][]; customerOrder: Int32Array }>;
}
const planTables = new WeakMap<PlanProblem['units'], PlanTables>();
function tablesOf(p: PlanProblem): PlanTables {
  const kept = planTables.get(p.units);
  // Kept tables go out with the plans (capacity, orderable hours): one whose buffer was moved to
  // another thread (detached, length 0) or that a caller changed is made again, never read.
  if (kept && kept.customers === p.customers && kept.hours === p.hours && kept.localHour === p.localHour && kept.ladder === p.ladder && kept.issuedAtMs === p.issuedAtMs && kept.startMs === p.startMs
    && kept.cap.length === p.units.customer.length * p.hours && kept.orderable.length === p.customers.id.length && kept.capSum === sumOf(kept.cap)) return kept;
  const H = p.hours, U = p.units.customer.length, C = p.customers.id.length, BASE = p.customers.baseline;
  const floors = budgetFloors(p);
  const cap = capacityTable(p, floors);
  const band = new Int32Array(U);
  for (let u = 0; u < U; u++) band[u] = bandOf(p, u);
  const roomT = new Float64Array(H * C), capT = new Float64Array(H * U), baseT = new Float64Array(H * C), measureCapT = new Float64Array(H * C);
  for (let c = 0; c < C; c++) { const f = floors[c], row = c * H; for (let h = 0; h < H; h++) { roomT[h * C + c] = floorKW(BASE[row + h] - f); baseT[h * C + c] = BASE[row + h]; } }
  for (let u = 0; u < U; u++) {
    const row = u * H, c = p.units.customer[u];
    for (let h = 0; h < H; h++) { const v = cap[row + h]; capT[h * U + u] = v; if (v > 0) measureCapT[h * C + c] += v; }
  }
  const made: PlanTables = { capSum: sumOf(cap),
    customers: p.customers, hours: H, localHour: p.localHour, ladder: p.ladder, issuedAtMs: p.issuedAtMs, startMs: p.startMs,
    floors, cap, orderable: orderableFrom(p), band, roomT, capT, baseT, measureCapT, orders: new Map(),
  };
  planTables.set(p.units, made);
  return made;
}
function sumOf(a: Float64Array): number {
  let t = 0;
  for (let i = 0; i < a.length; i++) t += a[i];
  return t;
}
function orderOf(p: PlanProblem, t: PlanTables, strategy: Strategy): { order: Int32Array; position: Int32Array; unitsOf: number[][]; customerOrder: Int32Array } {
  let o = t.orders.get(strategy);
  if (o) return o;
  const U = p.units.customer.length;
  const order = unitOrder(p, strategy, t.cap);
  const position = new Int32Array(U);
  for (let i = 0; i < U; i++) position[order[i]] = i;
  const unitsOf: number[][] = p.customers.id.map(() => []);
  for (const u of order) unitsOf[p.units.customer[u]].push(u); // each customer's units in the strategy's order
  // The customers in the order of their first unit.
  const seen = new Uint8Array(p.customers.id.length), customerOrder: number[] = [];
  for (const u of order) { const c = p.units.customer[u]; if (!seen[c]) { seen[c] = 1; customerOrder.push(c); } }
  t.orders.set(strategy, (o = { order, position, unitsOf, customerOrder: Int32Array.from(customerOrder) }));
  return o;
}

function solveOnce(p: PlanProblem, strategy: Strategy, allowed: Uint32Array | null, energyExtra: Float64Array | null, started: number, shifts: PresetShifts | null = null): SolvedPlan {
  const fair = strategy === 'fair';
  const H = p.hours, U = p.units.customer.length, C = p.customers.id.length, F = p.feeders.id.length, K = p.constraints.length;
  const unitCustomer = p.units.customer, measure = p.units.measure, BASE = p.customers.baseline;
  const tables = tablesOf(p), ordered = orderOf(p, tables, strategy);
  const { floors, cap, orderable, band, roomT, capT } = tables;
  const chains = constraintChains(p);
  const custChain = Array.from({ length: C }, (_, c) => chains[p.customers.area[c]]);
  const feederChain = Array.from({ length: F }, (_, f) => chains[p.feeders.area[f]]);
  const { order, position, unitsOf, customerOrder } = ordered;
  const days = H ? p.dayIndex[H - 1] + 1 : 0;
  const maxHours = p.customers.maxHoursPerDay;
  const sigma = p.snapBackShare;
  const isAllowed = (c: number, h: number) => !allowed || ((allowed[c * days + p.dayIndex[h]] >>> p.localHour[h]) & 1) === 1;
  // x as it stands, hour-major (written beside x wherever x is; see PlanTables).
  const xT = new Float64Array(H * U);
  const room = (c: number, h: number) => roomT[h * C + c];

  // Units of each constraint, in order (the system's: all of them).
  const insideLists: number[][] = p.constraints.map(() => []);
  for (let i = 0; i < order.length; i++) {
    const u = order[i];
    for (const k of custChain[unitCustomer[u]]) if (k !== 0) insideLists[k].push(u);
  }
  const inside: Int32Array[] = insideLists.map((l, k) => (k === 0 ? Int32Array.from({ length: U }, (_, i) => i) : Int32Array.from(l, (u) => position[u])));

  // Constraints deepest first, so that each area is covered from inside before its parents.
  const depth = (a: number) => { let d = 0; for (let x = a; x >= 0; x = p.areaParent[x]) d++; return d; };
  const kOrder = p.constraints.map((_, i) => i).sort((a, b) => depth(p.constraints[b].area) - depth(p.constraints[a].area) || a - b);

  // Feeders that may be opened (never one serving a protected customer or residents, or carrying a
  // security floor), in the emergency order's ranking, per constraint.
  const ranking = feederRanking(p).openable;
  const rankOf = new Int32Array(F).fill(-1);
  ranking.forEach((f, i) => { rankOf[f] = i; });
  const feedersInside: Int32Array[] = p.constraints.map((_, i) => Int32Array.from(ranking.filter((f) => feederChain[f].includes(i))));

  const x = new Float64Array(U * H);
  const payback = new Float64Array(U * H);
  const feederOpen = new Uint8Array(F * H);
  // feederOpen hour-major (an hour's feeders in one row), written beside it.
  const feederOpenT = new Uint8Array(H * F);
  const feederHeld = new Uint8Array(F * H);
  const feederMW = new Float64Array(F * H);
  const added = Array.from({ length: K }, () => new Float64Array(H)); // payback + snap-back load per constraint
  const snapBackMW = Array.from({ length: K }, () => new Float64Array(H));
  const hoursUsed = new Uint8Array(C * Math.max(1, days));
  // Days on which a customer at its daily limit got an hour back (after some hours were planned).
  const freedDay = new Uint8Array(Math.max(1, days));
  // The days freed since the current sweep began: a sweep passes a day's early hours before a
  // later hour of it gives a customer an hour back, so those are looked at again in the next.
  const freedSince = new Uint8Array(Math.max(1, days));
  const cursor = new Int32Array(K * H);
  // Hour-major: 1 where unit u is known full in hour h (cap − x ≤ EPS). Only undo lowers x, and it
  // clears the mark; every other write raises x, so a mark is never stale (an unmarked full unit
  // is found by the exact test).
  const fullAt = new Uint8Array(U * H);
  // Hour-major: 1 where customer c is known to have no whole kW of budget left in hour h
  // (room − released < 1 kW: none of its units can give). Only undo and a recount lower what it
  // releases, and they clear the mark.
  const atRoom = new Uint8Array(C * H);
  // Per constraint and hour, the units that can give anything at all then (capacity, notice,
  // the daily-hours assignment), in order: built the first time the hour is covered.
  const usableLists: (Int32Array | undefined)[] = new Array(K * H);
  const usable = (k: number, h: number): Int32Array => {
    let l = usableLists[k * H + h];
    if (l) return l;
    const all = inside[k];
    const out: number[] = [];
    for (let i = 0; i < all.length; i++) {
      const u = order[all[i]], c = unitCustomer[u];
      if (shifts && measure[u] === SHIFT) continue; // placed beforehand
      if (capT[h * U + u] > EPS && h >= orderable[c] && isAllowed(c, h)) out.push(u);
    }
    return (usableLists[k * H + h] = l = Int32Array.from(out));
  };
  // Totals kept as the plan grows, hour-major so an hour's slice is a view: MW each customer
  // releases (all measures, and all but shifts), and MW covered per constraint.
  const relC = new Float64Array(H * C), relNS = new Float64Array(H * C), coveredHK = new Float64Array(H * K);
  let custX = relC.subarray(0, C);
  let covered = coveredHK.subarray(0, K);
  let xEnergy: Float64Array | null = null;
  let xHold: Float64Array | null = null;
  const fairShare = fair ? new Float64Array(H) : null;
  const fairBound = fair ? new Float64Array(U * H).fill(-1) : null;
  const fixedPart = (u: number, h: number) => (xEnergy ? xEnergy[u * H + h] : 0) + (xHold ? xHold[u * H + h] : 0);

  /**
   * Recount the totals from x and the feeders, in the hours marked (all of them after the energy
   * rotation's first round; a top-up, only the hours it wrote into: an hour's totals read only
   * that hour's orders and feeders). The cursors and the customers at their budget are forgotten
   * everywhere.
   */
  const recount = (hours: Uint8Array) => {
    cursor.fill(0);
    atRoom.fill(0);
    for (let h = 0; h < H; h++) {
      if (!hours[h]) continue;
      const hu = h * U, hc = h * C;
      relC.fill(0, hc, hc + C); relNS.fill(0, hc, hc + C); coveredHK.fill(0, h * K, h * K + K);
      for (let u = 0; u < U; u++) {
        const v = x[u * H + h];
        xT[hu + u] = v;
        if (v <= 0) continue;
        const c = unitCustomer[u];
        relC[hc + c] += v;
        if (measure[u] !== SHIFT) relNS[hc + c] += v;
      }
      for (let c = 0; c < C; c++) { const v = relC[hc + c]; if (v > 0) for (const k of custChain[c]) coveredHK[h * K + k] += v; }
      for (let f = 0; f < F; f++) if (feederOpen[f * H + h]) for (const k of feederChain[f]) coveredHK[h * K + k] += feederMW[f * H + h];
    }
  };
  const rebuildTotals = () => recount(new Uint8Array(H).fill(1));

  const gapOf = p.constraints.map((k) => k.gapMW);
  const required = (k: number, h: number) => ceilKW(gapOf[k][h] + added[k][h]);
  const short = (h: number) => { for (let k = 0; k < K; k++) if (required(k, h) - covered[k] > EPS) return true; return false; };
  const anyRequired = (h: number) => { for (let k = 0; k < K; k++) if (required(k, h) > EPS) return true; return false; };
  const FD = p.customers.feeder;
  const feederOpenFor = (c: number, h: number) => feederOpenT[h * F + FD[c]] === 1;

  // Customers whose curtailment ended just before the hour being planned: their load is snapping
  // back, and ordering them again at once would only trade the snap-back for a new order — except
  // where nobody else can cover the hour (a hold, below).
  const ended = new Uint8Array(C), prevOn = new Uint8Array(C);
  // Only once every hour has its first plan (pass 2): before that, the hour after may simply not
  // be planned yet, and a customer continuing into it is the natural choice.
  let excludeEnded = false;
  /** Load the state of hour h (custX, covered) from x. */
  const enterHour = (h: number, keepEnded = false) => {
    custX = relC.subarray(h * C, h * C + C);
    covered = coveredHK.subarray(h * K, h * K + K);
    if (keepEnded) return;
    if (h === 0) { ended.fill(0); prevOn.fill(0); return; }
    // One pass over the customers (each on one feeder: its own is looked up, not every feeder's list).
    const before = relNS.subarray((h - 1) * C, h * C), was = (h - 1) * F, now = h * F;
    for (let c = 0; c < C; c++) {
      const f = FD[c];
      const on = before[c] > 0 || feederOpenT[was + f] === 1 ? 1 : 0;
      prevOn[c] = on;
      ended[c] = on && custX[c] <= 0 && feederOpenT[now + f] !== 1 ? 1 : 0;
    }
  };
  const available = (c: number, h: number): boolean =>
    !(excludeEnded && ended[c]) && !feederOpenFor(c, h) && (custX[c] > 0 || hoursUsed[c * days + p.dayIndex[h]] < maxHours[c]);

  /** Room for a shift unit's energy to come back after hour h, without creating a gap anywhere. */
  const paybackRoom = (u: number, h: number, place: number): number => {
    const c = unitCustomer[u], chain = custChain[c], mask = p.units.windowMask[u];
    let total = 0;
    for (let j = h + 1; j < H && j <= h + 24; j++) {
      if (!(mask & (1 << p.localHour[j]))) continue;
      let r = p.units.paramMW[u] - payback[u * H + j];
      for (const k of chain) r = Math.min(r, -(gapOf[k][j] + added[k][j]));
      if (r <= EPS) continue;
      if (place > 0) {
        const put = Math.min(r, place - total);
        payback[u * H + j] += put;
        for (const k of chain) added[k][j] += put;
      }
      total += r;
      if (place > 0 && total >= place - EPS) break;
    }
    return total;
  };
  /** What unit u can still give in hour h: capacity, the customer's budget, room to come back. */
  const extraOf = (u: number, h: number): number => {
    const c = unitCustomer[u];
    let e = Math.min(capT[h * U + u] - xT[h * U + u], room(c, h) - custX[c]);
    if (measure[u] === SHIFT && p.units.payback[u] > 0 && e > 0) e = Math.min(e, paybackRoom(u, h, 0) / p.units.payback[u]);
    return floorKW(e);
  };

  // Units given an order in each hour (the trim walks these, not every unit), and every order of
  // the hour as it was given (unit, MW), so that the orders given since a point can be taken back.
  const takenAt: number[][] = Array.from({ length: H }, () => []);
  const takeLog: number[][] = Array.from({ length: H }, () => []);
  const take = (u: number, h: number, amount: number) => {
    const c = unitCustomer[u];
    takenAt[h].push(u);
    takeLog[h].push(u, amount);
    if (custX[c] <= 0) hoursUsed[c * days + p.dayIndex[h]]++;
    const v = xT[h * U + u] + amount; // xT is x, hour-major: its row is in cache
    x[u * H + h] = v;
    xT[h * U + u] = v;
    custX[c] += amount;
    if (measure[u] !== SHIFT) relNS[h * C + c] += amount;
    for (const k of custChain[c]) covered[k] += amount;
    if (measure[u] === SHIFT) paybackRoom(u, h, amount * p.units.payback[u]);
  };

  function undo(u: number, h: number, amount: number) {
    for (let k = 0; k < K; k++) cursor[k * H + h] = 0;
    const c = unitCustomer[u];
    x[u * H + h] -= amount;
    if (x[u * H + h] < 1e-12) x[u * H + h] = 0;
    xT[h * U + u] = x[u * H + h];
    fullAt[h * U + u] = 0;
    if (measure[u] === SHIFT) {
      // Remove as much payback as this amount placed (the unit's totals stay exact).
      let left = amount * p.units.payback[u];
      for (let j = Math.min(H - 1, h + 24); j > h && left > 0; j--) {
        const v = Math.min(payback[u * H + j], left);
        if (v <= 0) continue;
        payback[u * H + j] -= v;
        for (const k of custChain[c]) added[k][j] -= v;
        left -= v;
      }
    }
    custX[c] -= amount;
    atRoom[h * C + c] = 0; // h is the hour entered: custX is its slice
    if (measure[u] !== SHIFT) relNS[h * C + c] = Math.max(0, relNS[h * C + c] - amount);
    for (const k of custChain[c]) covered[k] -= amount;
    if (custX[c] <= 1e-12) {
      custX[c] = 0;
      const d = p.dayIndex[h];
      if (hoursUsed[c * days + d] >= maxHours[c]) { freedDay[d] = 1; freedSince[d] = 1; }
      if (hoursUsed[c * days + d] > 0) hoursUsed[c * days + d]--;
    }
  }

  /** Least cost and fewest customers: the first units in order, each as far as it goes. */
  const orderedCover = (k: number, h: number) => {
    let need = required(k, h) - covered[k];
    if (need <= EPS) return;
    const list = usable(k, h);
    // Units before the cursor are spent: the next cover of this constraint and hour starts after
    // them. Taking back an order resets it.
    let cur = cursor[k * H + h];
    const row = h * U, row2 = h * C;
    for (let i = cur; i < list.length && need > EPS; i++) {
      const u = list[i];
      // Full units are skipped on a byte of the hour's row (cap and x are unit-major: reading them
      // here, unit after unit, was most of the cover's time on a city).
      if (fullAt[row + u] === 1) { if (i === cur) cur++; continue; }
      const c = unitCustomer[u];
      // A customer known to have no kW left gives nothing (past the cursor, where whether the
      // unit is full only moves the cursor, that is all there is to know).
      if (atRoom[row2 + c] === 1 && i !== cur) continue;
      if (capT[row + u] - xT[row + u] <= EPS) { fullAt[row + u] = 1; if (i === cur) cur++; continue; }
      if (atRoom[row2 + c] === 1) continue;
      if (floorKW(room(c, h) - custX[c]) < KW - EPS) { atRoom[row2 + c] = 1; continue; }
      if (!available(c, h)) continue;
      const amount = Math.min(extraOf(u, h), floorKW(need + 1e-9));
      if (amount < KW - EPS) continue;
      take(u, h, amount);
      need -= amount;
      if (i === cur && capT[row + u] - xT[row + u] <= EPS) cur++;
    }
    cursor[k * H + h] = cur;
  };

  /**
   * Fair: band by band in the ladder's order; a band that cannot cover what is left is exhausted,
   * the band that can is shared out — every customer in it raised to the same share z of its
   * baseline (water-filling), the smallest z that covers, in whole kW.
   */
  const fairCover = (k: number, h: number) => {
    let need = required(k, h) - covered[k];
    if (need <= EPS) return;
    const list = usable(k, h);
    for (let i = 0; i < list.length && need > EPS;) {
      const b = band[list[i]];
      let j = i;
      while (j < list.length && band[list[j]] === b) j++;
      // Rounds: a shift's room to come back is shared, so a round may take less than it planned.
      for (let round = 0; round < 4 && need > EPS; round++) {
        const units: number[] = [], extra: number[] = [];
        for (let t = i; t < j; t++) {
          const u = list[t], c = unitCustomer[u];
          if (!available(c, h)) continue;
          const e = extraOf(u, h);
          units.push(u); extra.push(e);
        }
        let total = 0;
        for (const e of extra) total += e;
        if (total <= EPS) break;
        if (total <= need + EPS) {
          // The band is exhausted here: everyone in it gives all it can (no share to keep to).
          let took = 0;
          units.forEach((u, t) => {
            const e = Math.min(extra[t], extraOf(u, h));
            if (e >= KW - EPS) { take(u, h, e); took += e; }
            fairBound![u * H + h] = -1;
          });
          need -= took;
          if (took <= EPS) break;
          continue;
        }
        // Water-filling: the level z where Σ min(extra, max(0, z·base − x)) = need.
        const target = (z: number) => {
          let s = 0;
          units.forEach((u, t) => { const c = unitCustomer[u]; s += Math.min(extra[t], Math.max(0, z * BASE[c * H + h] - x[u * H + h])); });
          return s;
        };
        let lo = 0, hi = 1;
        for (let it = 0; it < 60 && hi - lo > 1e-13; it++) { const mid = (lo + hi) / 2; if (target(mid) >= need) hi = mid; else lo = mid; }
        const z = hi;
        const give = units.map((u, t) => floorKW(Math.min(extra[t], Math.max(0, z * BASE[unitCustomer[u] * H + h] - x[u * H + h]))));
        // What flooring to the kW left over goes 1 kW at a time to the first units (cheapest) with room.
        let rest = Math.round((need - give.reduce((a, v) => a + v, 0)) * 1000);
        for (let t = 0; t < units.length && rest > 0; t++) {
          const more = Math.min(rest, Math.round((extra[t] - give[t]) * 1000));
          if (more > 0) { give[t] += more / 1000; rest -= more; }
        }
        let took = 0;
        units.forEach((u, t) => {
          const g = Math.min(give[t], extraOf(u, h));
          if (g >= KW - EPS) { take(u, h, g); took += g; }
          fairBound![u * H + h] = x[u * H + h];
        });
        need -= took;
        if (fairShare && z > fairShare[h]) fairShare[h] = z;
        if (took <= EPS) break;
      }
      i = j;
    }
  };

  const measureCover = (k: number, h: number) => (fair ? fairCover(k, h) : orderedCover(k, h));

  /** Clear customer c's releases in hour h (its feeder opens: its whole load goes with it). */
  const clearCustomer = (c: number, h: number) => {
    for (const u of unitsOf[c]) {
      const v = x[u * H + h];
      if (v <= 0) continue;
      if (xEnergy) xEnergy[u * H + h] = 0;
      if (xHold) xHold[u * H + h] = 0;
      undo(u, h, v);
      if (fairBound) fairBound[u * H + h] = -1;
    }
  };

  /** The last rung: open whole feeders inside constraint k, in the emergency order's ranking. True if any opened. */
  const openFeeders = (k: number, h: number): boolean => {
    let need = required(k, h) - covered[k];
    if (need <= EPS) return false;
    const day = p.dayIndex[h];
    let any = false;
    for (const f of feedersInside[k]) {
      if (need <= EPS) break;
      if (feederOpen[f * H + h]) continue;
      const cs = p.feeders.customers[f];
      let ok = true, load = 0, released = 0;
      for (const c of cs) {
        if (h < orderable[c] || !isAllowed(c, h) || (excludeEnded && ended[c]) || (custX[c] <= 0 && hoursUsed[c * days + day] >= maxHours[c])) { ok = false; break; }
        load += BASE[c * H + h];
        released += custX[c];
      }
      const mw = floorKW(load);
      if (!ok || mw - released <= EPS) continue;
      for (const c of cs) clearCustomer(c, h);
      feederOpen[f * H + h] = 1;
      feederOpenT[h * F + f] = 1;
      feederMW[f * H + h] = mw;
      for (const c of cs) hoursUsed[c * days + day]++;
      for (const k2 of feederChain[f]) covered[k2] += mw;
      need -= mw - released;
      any = true;
    }
    return any;
  };
  const closeFeeder = (f: number, h: number) => {
    feederOpen[f * H + h] = 0;
    feederOpenT[h * F + f] = 0;
    feederHeld[f * H + h] = 0;
    for (const k of feederChain[f]) covered[k] -= feederMW[f * H + h];
    feederMW[f * H + h] = 0;
    for (const c of p.feeders.customers[f]) { const d = c * days + p.dayIndex[h]; if (hoursUsed[d] >= maxHours[c]) { freedDay[p.dayIndex[h]] = 1; freedSince[p.dayIndex[h]] = 1; } if (hoursUsed[d] > 0) hoursUsed[d]--; }
    for (let k = 0; k < K; k++) cursor[k * H + h] = 0;
  };

  /**
   * Take back the orders given in hour h since `mark` (a point in its log), to plan them again:
   * never the energy rotation's or holds, and never orders given before (in the chronological
   * pass, those of the first pass: taking them back would end customers' curtailment and snap
   * their load back into the very hour being planned; the trim takes back what they no longer need).
   */
  const clearSince = (h: number, mark: number) => {
    const log = takeLog[h];
    for (let i = log.length - 2; i >= mark; i -= 2) {
      const u = log[i];
      if (u < 0) continue;
      const own = x[u * H + h] - fixedPart(u, h);
      const a = Math.min(log[i + 1], own);
      if (a > 1e-12) undo(u, h, a);
      // What stays was given before, under the share it had then: that is its bound again.
      if (fairBound) fairBound[u * H + h] = x[u * H + h] > 0 ? x[u * H + h] : -1;
    }
    log.length = mark;
    takenAt[h] = takenAt[h].filter((u) => x[u * H + h] > 0);
  };

  /**
   * Cover the hour: measures in every constraint, then (if allowed) feeders, then the measures
   * given since `mark` again around the feeders (an opened feeder overshoots by nature, and
   * measures that were needed to reach it may no longer be).
   */
  const coverHour = (h: number, withFeeders: boolean, mark = 0): boolean => {
    for (const k of kOrder) measureCover(k, h);
    if (!withFeeders || !short(h)) return false;
    let opened = false;
    for (const k of kOrder) if (openFeeders(k, h)) opened = true;
    if (opened) {
      clearSince(h, Math.min(mark, takeLog[h].length));
      for (const k of kOrder) measureCover(k, h);
    }
    return opened;
  };

  /**
   * Holds: the hour is short and the only load left to call is that of customers whose curtailment
   * just ended. Such a customer is kept on one more hour — its previous orders continue as they
   * were, as far as its terms allow this hour (or its feeder stays open) — so its pickup comes an
   * hour later, into room, instead of staying uncovered now. A hold is decided by rule and fixed
   * (in the LP model too). Customers are held in the strategy's order until what they bring (their
   * release and the snap-back they no longer cause) reaches the shortfall.
   */
  const holdEnded = (h: number): boolean => {
    if (h === 0) return false;
    const day = p.dayIndex[h];
    const shortK = new Float64Array(K);
    let shortfall = 0;
    for (let k = 0; k < K; k++) { shortK[k] = Math.max(0, required(k, h) - covered[k]); shortfall = Math.max(shortfall, shortK[k]); }
    const inShort = (chain: Int32Array) => { for (const k of chain) if (shortK[k] > EPS) return true; return false; };
    const eligible = (c: number) => h >= orderable[c] && isAllowed(c, h) && hoursUsed[c * days + day] < maxHours[c];
    let gained = 0, any = false;
    // Customers, in the strategy's order: their previous orders continue (a customer whose feeder
    // closed continues by its own measures, up to the load it had off) — measures before feeders.
    for (let i = 0; i < customerOrder.length; i++) {
      if (gained >= shortfall - EPS) break;
      const c = customerOrder[i];
      if (!ended[c] || !eligible(c) || !inShort(custChain[c])) continue;
      const fromFeeder = feederOpenFor(c, h - 1);
      let target = fromFeeder ? floorKW(BASE[c * H + h - 1]) : relNS[(h - 1) * C + c];
      let held = 0;
      for (const pass of [0, 1]) {
        for (const u of unitsOf[c]) {
          if (measure[u] === SHIFT || target - held < KW - EPS) continue;
          const before = x[u * H + h - 1];
          // First the units it was on the hour before, each as it was; then any other.
          if (pass === 0 ? before <= 0 : before > 0) continue;
          const a = Math.min(floorKW(pass === 0 ? before : target - held), extraOf(u, h));
          if (a < KW - EPS) continue;
          take(u, h, a);
          takeLog[h][takeLog[h].length - 2] = ~u; // a hold: fixed, never taken back with the hour's orders
          xHold ??= new Float64Array(U * H);
          xHold[u * H + h] += a;
          held += a;
        }
      }
      if (held > 0) { ended[c] = 0; gained += held + sigma * target; any = true; }
      target = 0;
    }
    // Feeders that closed: kept open one more hour where every customer on them is still ended —
    // only once no customer can be kept on by its measures (those held are covered from first).
    if (any) return true;
    for (let f = 0; f < F && gained < shortfall - EPS; f++) {
      if (!feederOpen[f * H + h - 1] || feederOpen[f * H + h] || !inShort(feederChain[f])) continue;
      const cs = p.feeders.customers[f];
      if (!cs.every((c) => ended[c] && eligible(c))) continue;
      let load = 0;
      for (const c of cs) load += BASE[c * H + h];
      const mw = floorKW(load);
      if (mw <= EPS) continue;
      feederOpen[f * H + h] = 1;
      feederOpenT[h * F + f] = 1;
      feederHeld[f * H + h] = 1;
      feederMW[f * H + h] = mw;
      for (const c of cs) { hoursUsed[c * days + day]++; ended[c] = 0; }
      for (const k of feederChain[f]) covered[k] += mw;
      gained += mw * (1 + sigma);
      any = true;
    }
    return any;
  };

  // Shifts decided beforehand: placed as they were, their energy coming back as it did.
  if (shifts) {
    for (let u = 0; u < U; u++) {
      if (measure[u] !== SHIFT) continue;
      for (let h = 0; h < H; h++) {
        const v = shifts.x[u * H + h], b = shifts.payback[u * H + h];
        if (v > 0) { x[u * H + h] = v; const c = unitCustomer[u]; const d = c * days + p.dayIndex[h]; if (relC[h * C + c] <= 0) hoursUsed[d]++; relC[h * C + c] += v; }
        if (b > 0) { payback[u * H + h] = b; for (const k of custChain[unitCustomer[u]]) added[k][h] += b; }
      }
    }
    rebuildTotals();
  }

  // Energy-limited days first: blocks of customers take turns by day until each day's energy is
  // saved; the hourly cover then builds on what they release (it covers the same gaps).
  let rotation: RotationResult | null = null;
  let rotationState: RotationState | null = null;
  if (p.energyDays.length) {
    xEnergy = new Float64Array(U * H);
    rotationState = { x, xEnergy, feederOpen, feederMW, hoursUsed, days, cap, floors, orderable, order, snapBackMW, extraMWh: energyExtra, allowed };
    rotation = startRotation(p, rotationState);
    rotateEnergy(p, rotationState, rotation);
    rebuildTotals();
  }

  // Pass 1: each day's hours from the largest gap down.
  const byDay: number[][] = Array.from({ length: days }, () => []);
  for (let h = 0; h < H; h++) byDay[p.dayIndex[h]].push(h);
  const weight = (h: number) => p.constraints.reduce((s, k, i) => s + (i === 0 ? 1e6 : 1) * Math.max(0, k.gapMW[h]), 0);
  for (const hs of byDay) {
    hs.sort((a, b) => weight(b) - weight(a) || a - b);
    for (const h of hs) {
      if (!anyRequired(h)) continue;
      enterHour(h);
      coverHour(h, true);
    }
  }

  // Pass 2, chronological: a curtailment that ends snaps part of its load back in the next hour.
  const snapInto = (h: number): boolean => {
    if (h === 0 || sigma <= 0) return false;
    // Per customer: what it released the hour before (measures other than shifts, or its whole
    // load on an opened feeder), if it is curtailed in neither way now.
    const snap = new Float64Array(K);
    const nonShift = relNS.subarray((h - 1) * C, h * C), now = relC.subarray(h * C, (h + 1) * C);
    for (let c = 0; c < C; c++) {
      if (now[c] > 0 || feederOpenFor(c, h)) continue;
      const before = feederOpenFor(c, h - 1) ? BASE[c * H + h - 1] : nonShift[c];
      if (before > 0) for (const k of custChain[c]) snap[k] += sigma * before;
    }
    let changed = false;
    for (let k = 0; k < K; k++) {
      if (Math.abs(snap[k] - snapBackMW[k][h]) > EPS) changed = true;
      added[k][h] += snap[k] - snapBackMW[k][h];
      snapBackMW[k][h] = snap[k];
    }
    return changed;
  };
  /**
   * Cover hour h with its snap-back as it stands, rounds until the snap-back no longer changes.
   * Who ended their curtailment is read once, as the hour stands when it is first settled (or as
   * the caller left it): taking the hour's orders back to plan them again does not make a
   * customer that continued into it one that ended.
   */
  const settle = (h: number, keepEnded = false) => {
    const mark = takeLog[h].length;
    // Whether the snap-back must be counted again: at first, and after holds or feeders changed
    // who is curtailed (a cover alone only adds customers that did not just end, which changes
    // nothing: taking back this settle's orders never ends a customer's curtailment either, as
    // orders given before it stay).
    let cleared = true;
    for (let round = 0; round < 12; round++) {
      if (cleared) snapInto(h);
      cleared = false;
      enterHour(h, keepEnded || round > 0);
      if (!short(h) || round === 11) break;
      coverHour(h, false);
      if (!short(h)) break;
      // Nobody else can cover it: keep on the customers whose curtailment just ended (measures
      // before the last rung), then plan the hour's orders again around them (those held are now
      // in the order like everyone else); else open feeders.
      if (holdEnded(h)) { clearSince(h, mark); cleared = true; continue; }
      const opened = coverHour(h, true, mark);
      snapInto(h);
      if (!opened) break;
      cleared = false;
    }
  };
  /**
   * An hour the passes after the first need not visit: nothing required in it, nothing ordered,
   * covered or open in it, no snap-back counted in it, and nothing curtailed the hour before (so
   * none can come into it). Settling, trimming or sweeping such an hour changes nothing; most
   * hours of a day or a week have no gap, and each visit costs passes over every customer.
   */
  const idle = (h: number): boolean => {
    if (anyRequired(h)) return false;
    for (let k = 0; k < K; k++) if (snapBackMW[k][h] !== 0 || Math.abs(coveredHK[h * K + k]) > 1e-9) return false;
    for (const u of takenAt[h]) if (x[u * H + h] > 0) return false;
    for (let f = 0; f < F; f++) if (feederOpenT[h * F + f] || (h > 0 && feederOpenT[(h - 1) * F + f])) return false;
    for (let i = h * C, end = i + C; i < end; i++) if (relC[i] !== 0) return false;
    if (h > 0) for (let i = (h - 1) * C, end = i + C; i < end; i++) if (relNS[i] !== 0) return false;
    return true;
  };
  const snapPass = () => {
    excludeEnded = true;
    for (let h = 0; h < H; h++) {
      if (idle(h)) continue;
      settle(h);
      trimHour(h);
    }
  };

  /** True when customer c is curtailed in hour h + 1 (or h is the last hour): leaving h then changes nothing after it. */
  const onNext = (c: number, h: number): boolean => {
    if (h + 1 >= H) return true;
    for (const u of unitsOf[c]) if (x[u * H + h + 1] > 0) return true;
    return feederOpenFor(c, h + 1);
  };

  /**
   * What the measures inside constraint k could give in hour h at most (all units of available
   * customers, shifts aside, within budgets), plus the feeders open there other than `except`.
   */
  // Scratch for capacityInside, per customer (typed, reset through the lists of those touched: it
  // runs for every open feeder of every trimmed hour, where Maps cost most of the trim).
  const capSeen = new Float64Array(C), capShifted = new Float64Array(C);
  const capSeenAt = new Int32Array(C).fill(-1), capShiftAt = new Int32Array(C).fill(-1);
  const capOrder = new Int32Array(C);
  let capCall = 0;
  const capacityInside = (k: number, h: number, except: number): number => {
    const call = capCall++;
    const list = usable(k, h), FD = p.customers.feeder, day = p.dayIndex[h], row = h * U;
    // The same sums in the same order as a pass per kind: shifts as they stand into s in list
    // order, the other measures per customer (customers in the order first met).
    let s = 0, n = 0;
    for (let i = 0; i < list.length; i++) {
      const u = list[i], c = unitCustomer[u];
      if (measure[u] === SHIFT) {
        if (feederOpenFor(c, h)) continue;
        if (capShiftAt[c] !== call) { capShiftAt[c] = call; capShifted[c] = 0; }
        capShifted[c] += xT[row + u];
        s += xT[row + u];
        continue;
      }
      if (FD[c] !== except && (feederOpenFor(c, h) || (custX[c] <= 0 && hoursUsed[c * days + day] >= maxHours[c]))) continue;
      if (capSeenAt[c] !== call) { capSeenAt[c] = call; capSeen[c] = 0; capOrder[n++] = c; }
      capSeen[c] += capT[row + u];
    }
    // Shifts as they stand (their room to come back is shared: not claimed beyond what they give),
    // the other measures within what the budget leaves beside them.
    for (let i = 0; i < n; i++) {
      const c = capOrder[i];
      s += Math.max(0, Math.min(capSeen[c], room(c, h) - (capShiftAt[c] === call ? capShifted[c] : 0)));
    }
    for (const f of feedersInside[k]) if (f !== except && feederOpen[f * H + h]) s += feederMW[f * H + h];
    return s;
  };

  /**
   * Whether open feeder f is needed in hour h: without it, the measures inside and the other
   * feeders could not cover some area it serves (closing a feeder open the hour before lets its
   * load snap back now: that counts too).
   */
  const feederNeeded = (f: number, h: number): boolean => {
    let snap = 0;
    if (h > 0 && feederOpen[f * H + h - 1] && sigma > 0) for (const c of p.feeders.customers[f]) snap += sigma * BASE[c * H + h - 1];
    for (const k of feederChain[f]) {
      const need = required(k, h) + snap;
      if (need > EPS && capacityInside(k, h, f) < need - EPS) return true;
    }
    return false;
  };

  /**
   * Take back what the hour no longer needs. First feeders: one is closed where the measures and
   * the other feeders could cover without it (and closing it lets no load snap back now). Then
   * measures, from the last units in the order, as the cover would have stopped earlier. A customer
   * leaves the hour only if that neither snaps its load back nor frees a daily hour another hour
   * was refused.
   */
  const trimHour = (h: number) => {
    enterHour(h);
    const open: number[] = [];
    // A feeder held open one more hour (where the hour was short when it closed) is closed too
    // once the measures can cover without it: holding it then would open the last rung for nothing.
    for (let f = 0; f < F; f++) if (feederOpenT[h * F + f]) open.push(f);
    if (open.length) {
      open.sort((a, b) => rankOf[b] - rankOf[a]);
      let closed = false;
      for (const f of open) {
        if (feederNeeded(f, h)) continue;
        closeFeeder(f, h);
        closed = true;
      }
      if (closed) {
        // The measures cover what the feeders did (its customers, now ended, can be held).
        settle(h);
        enterHour(h);
      }
    }
    const slack = (k: number) => covered[k] - required(k, h);
    if (!p.constraints.some((_, k) => slack(k) > 1e-9)) return;
    const day = p.dayIndex[h];
    const used = [...new Set(takenAt[h])].filter((u) => x[u * H + h] > 0).sort((a, b) => position[b] - position[a]);
    for (const u of used) {
      const own = x[u * H + h] - fixedPart(u, h);
      if (own <= 1e-12) continue;
      const c = unitCustomer[u];
      let r = Infinity;
      for (const k of custChain[c]) r = Math.min(r, slack(k));
      if (r <= 1e-9) continue;
      const cut = Math.min(own, floorKW(r + 1e-9));
      if (cut <= 1e-12) continue;
      // A customer that must stay on (it was on the hour before and would snap back, its daily
      // hour would go to waste, or it is off the hour after) stays as it is: its order is held,
      // decided by rule like a hold, and the trim goes on with the units before it.
      if (custX[c] - cut <= 1e-12 && (prevOn[c] || hoursUsed[c * days + day] >= maxHours[c] || !onNext(c, h))) {
        xHold ??= new Float64Array(U * H);
        xHold[u * H + h] += own;
        continue;
      }
      // No remainder below 1 kW: cut it all, or leave a whole kW.
      const left = custX[c] - cut;
      undo(u, h, left > 1e-12 && left < KW - EPS ? cut - (KW - left) : cut);
    }
  };

  /**
   * After the chronological pass, hours can be left behind by what later hours gave back: it plans
   * each hour with the daily hours the later hours hold at that moment, and trimming them can free
   * an hour for a customer at its limit. Two signs of it, per hour:
   *  - short while a customer inside could still give (it has room and hours now);
   *  - out of order: a constraint covered exactly while a unit earlier in the order (for the fair
   *    strategy, an earlier band) could still give and a later one is used (only looked for on
   *    days where a customer at its limit got an hour back).
   * Such an hour is planned again: every order of a customer not curtailed the hour before is taken
   * back (one curtailed the hour before keeps its order, held: taking it back would end its
   * curtailment and snap its load back into this hour), and the hour settled; the hour after it
   * then counts its snap-back again. Sweeps until none is found (a few at most).
   */
  const shortWithRoomAt = (h: number): boolean => {
    if (!short(h)) return false;
    const day = p.dayIndex[h];
    for (let k = 0; k < K; k++) {
      if (required(k, h) - covered[k] <= EPS) continue;
      for (const u of usable(k, h)) {
        const c = unitCustomer[u];
        if (measure[u] === SHIFT || feederOpenFor(c, h)) continue;
        if (custX[c] <= 0 && hoursUsed[c * days + day] >= maxHours[c]) continue;
        if (Math.min(capT[h * U + u] - xT[h * U + u], room(c, h) - custX[c]) >= KW - EPS) return true;
      }
      // A feeder that could now be opened (its customers' hours freed since the hour was planned).
      for (const f of feedersInside[k]) {
        if (feederOpen[f * H + h]) continue;
        let ok = true, load = 0, released = 0;
        for (const c of p.feeders.customers[f]) {
          if (h < orderable[c] || !isAllowed(c, h) || ended[c] || (custX[c] <= 0 && hoursUsed[c * days + day] >= maxHours[c])) { ok = false; break; }
          load += BASE[c * H + h]; released += custX[c];
        }
        if (ok && floorKW(load) - released > EPS) return true;
      }
    }
    return false;
  };
  const outOfOrderAt = (h: number): boolean => {
    if (!freedDay[p.dayIndex[h]]) return false;
    for (let k = 0; k < K; k++) {
      if (covered[k] - required(k, h) > KW + EPS) continue; // slack: nothing to exchange
      let first = -1;
      for (const u of usable(k, h)) {
        if (measure[u] === SHIFT || !available(unitCustomer[u], h)) continue;
        if (extraOf(u, h) >= KW - EPS) { first = u; break; }
      }
      if (first < 0) continue;
      const key = (u: number) => (fair ? band[u] : position[u]);
      for (const u of takenAt[h]) {
        if (!custChain[unitCustomer[u]].includes(k) || key(u) <= key(first)) continue;
        if (x[u * H + h] - fixedPart(u, h) > EPS) return true;
      }
    }
    // A feeder opened (or held) when the measures could not cover, that they now could: trimHour closes it.
    for (let f = 0; f < F; f++) {
      if (feederOpenT[h * F + f] && !feederNeeded(f, h)) return true;
    }
    return false;
  };
  const replanHour = (h: number) => {
    const before = h > 0 ? relNS.subarray((h - 1) * C, h * C) : null;
    for (const u of takenAt[h]) {
      const c = unitCustomer[u];
      const own = x[u * H + h] - fixedPart(u, h);
      if (own <= 1e-12) continue;
      if (before && (before[c] > 0 || feederOpenFor(c, h - 1))) {
        xHold ??= new Float64Array(U * H);
        xHold[u * H + h] += own;
        continue;
      }
      undo(u, h, own);
      if (fairBound) fairBound[u * H + h] = -1;
    }
    takenAt[h] = takenAt[h].filter((u) => x[u * H + h] > 0);
    takeLog[h].length = 0;
    settle(h);
    trimHour(h);
  };
  const sweep = (): boolean => {
    let any = false, touched = -1;
    for (let h = 0; h < H; h++) {
      if (touched === h - 1 && h > 0) {
        touched = -1;
        if (snapInto(h)) { settle(h); trimHour(h); touched = h; }
      }
      if (idle(h)) continue;
      enterHour(h);
      if (!shortWithRoomAt(h) && !outOfOrderAt(h)) continue;
      replanHour(h);
      touched = h;
      any = true;
    }
    return any;
  };
  const finishPasses = () => {
    snapPass();
    for (let again = 0; again < 4; again++) {
      freedSince.fill(0);
      const replanned = sweep();
      // The next sweep looks at the days freed during this one, earlier hours included.
      freedDay.set(freedSince);
      if (!replanned && !freedSince.includes(1)) break;
    }
    // Shifts trimmed in earlier hours take their returning energy out of later ones: trim what
    // those no longer need (in order of time; a trim never moves snap-back into the next hour).
    for (let h = 0; h < H; h++) {
      enterHour(h, true);
      for (let k = 0; k < K; k++) if (covered[k] - required(k, h) > KW + EPS) { trimHour(h); break; }
    }
  };
  finishPasses();
  if (rotation && rotationState) {
    // The snap-back eats into what the rotation saved: top the short days up, a few rounds.
    for (let round = 0; round < 3; round++) {
      const touched = new Uint8Array(H);
      if (!rotateEnergy(p, rotationState, rotation, true, touched)) break;
      recount(touched);
      finishPasses();
    }
    finishRotation(p, rotationState, rotation);
  }

  // What each constraint got, and why any residual is left.
  const insideC: Uint8Array[] = []; // per constraint, 1 for the customers inside it (made at the first residual)
  const insideOf = (k: number) => insideC[k];
  const requiredMW = p.constraints.map(() => new Float64Array(H));
  const coveredMW = p.constraints.map(() => new Float64Array(H));
  const residualMW = p.constraints.map(() => new Float64Array(H));
  const causes: ResidualCauses[] = p.constraints.map(() => ({ notice: new Float64Array(H), dailyHours: new Float64Array(H), floor: new Float64Array(H), structural: new Float64Array(H) }));
  for (let h = 0; h < H; h++) {
    let anyShort = false;
    enterHour(h, true);
    for (let k = 0; k < K; k++) {
      const r = required(k, h);
      requiredMW[k][h] = r;
      coveredMW[k][h] = Math.min(r, covered[k]);
      residualMW[k][h] = Math.max(0, r - covered[k]);
      if (residualMW[k][h] < 1e-9) residualMW[k][h] = 0;
      if (residualMW[k][h] > 1e-7) anyShort = true;
    }
    if (anyShort) residualCauses(h);
  }

  /**
   * What would have covered each residual of hour h: more notice (customers, and feeders only
   * notice keeps shut), more daily hours, lower security floors (the curtailable load under them,
   * feeders a floor keeps shut), in that order; the rest is structural.
   */
  function residualCauses(h: number) {
    if (!insideC.length) for (let k = 0; k < K; k++) insideC.push(Uint8Array.from(custChain, (chain) => (chain.includes(k) ? 1 : 0)));
    const day = p.dayIndex[h];
    const noticeBlocked = (c: number) => h < orderable[c] || !isAllowed(c, h);
    const hoursBlocked = (c: number) => custX[c] <= 0 && !feederOpenFor(c, h) && hoursUsed[c * days + day] >= maxHours[c];
    // Per customer: what its measures could still give at most.
    const measureCap = tables.measureCapT.subarray(h * C, h * C + C), baseH = tables.baseT.subarray(h * C, h * C + C);
    const give = (c: number) => Math.max(0, Math.min(measureCap[c], room(c, h)) - custX[c]);
    for (let k = 0; k < K; k++) {
      const s = residualMW[k][h];
      if (s <= 1e-7) continue;
      let n = 0, d = 0, fl = 0;
      const onFeeder = new Uint8Array(C);
      // Feeders that may be opened in principle (no protected customer, resident, UFLS relay or
      // unknown load) but are shut: what their whole load would give, by what keeps them shut.
      for (let f = 0; f < F; f++) {
        if (!feederChain[f].includes(k) || feederOpen[f * H + h]) continue;
        const fd = p.feeders;
        if (fd.servesProtected[f] || fd.protectedCustomers[f] > 0 || fd.residentialShare[f] > 0 || fd.uflsRound[f] > 0 || fd.otherCustomers[f] > 0 || !fd.customers[f].length) continue;
        const cs = fd.customers[f];
        let load = 0, floorOn = false, noticeOn = false, hoursOn = false;
        for (const c of cs) {
          load += BASE[c * H + h] - custX[c];
          if (p.customers.floorMW[c] > 0) floorOn = true;
          if (noticeBlocked(c)) noticeOn = true;
          if (hoursBlocked(c)) hoursOn = true;
        }
        if (floorOn) continue; // counted by customer below, the rest as the floor's
        for (const c of cs) onFeeder[c] = 1;
        if (noticeOn) n += load; else if (hoursOn) d += load;
      }
      const inK = insideOf(k);
      for (let c = 0; c < C; c++) {
        if (onFeeder[c] || !inK[c]) continue;
        if (noticeBlocked(c)) n += give(c);
        else if (hoursBlocked(c)) d += give(c);
        // The load a lower floor would free: under the floor, where the customer has measures.
        if (measureCap[c] > 0 || p.customers.floorMW[c] > 0) fl += Math.min(p.customers.floorMW[c], baseH[c]);
      }
      causes[k].notice[h] = Math.min(s, n);
      causes[k].dailyHours[h] = Math.min(s - causes[k].notice[h], d);
      causes[k].floor[h] = Math.min(s - causes[k].notice[h] - causes[k].dailyHours[h], fl);
      causes[k].structural[h] = s - causes[k].notice[h] - causes[k].dailyHours[h] - causes[k].floor[h];
    }
  }

  return {
    strategy, hours: H, x, xEnergy, xHold, rotation, payback, feederOpen, feederMW, snapBackMW, requiredMW, coveredMW, residualMW, causes,
    fairShare, fairBound, capacity: cap, orderableFrom: orderable, allowed, dailyHours: null, solveMs: Date.now() - started,
  };
}
