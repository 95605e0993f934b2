/**
 * The structured planner. Hours separate except through three couplings, each handled by rule:
 *  - a customer's daily hour limit: within a day the hours with the largest gap are planned first,
 *    so the limited hours go where they matter most;
 *  - shifted energy (错峰) comes back in the customer's return windows, placed only where it leaves
 *    room (it may not create a new gap), which caps how much can be shifted;
 *  - snap-back: part of a curtailment returns in the hour after it ends; a second, chronological
 *    pass adds it to that hour's gap and covers it.
 * Inside an hour, with which customer-hours are available fixed, the cover is exact: the areas
 * form a tree, so each area's gap is covered bottom-up by the first units (in the strategy's order)
 * inside it, then the system gap by the first remaining units anywhere (SOLVERS.md; the same
 * optimum as an LP solver on the model `lp-format.ts` writes). Feeders are opened whole, in the
 * emergency order's ranking, only once every measure inside the area is exhausted.
 */
import { capacityTable, headroomMW, orderableFrom } from './capacity.ts';
import { feederRanking } from './emergency-order.ts';
import { unitOrder, type Strategy } from './order.ts';
import { finishRotation, rotateEnergy, startRotation, type RotationResult, type RotationState } from './rotation.ts';
import { constraintChains, SHIFT, type PlanProblem } from './problem.ts';

const EPS = 1e-9;

export interface PlanOptions {
  strategy?: Strategy;
}

export interface ResidualCauses {
  /** MW of the residual that customers could have released with more notice. */
  notice: Float64Array;
  /** MW customers could have released had their daily hours not run out. */
  dailyHours: Float64Array;
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
  /** Energy-limited days: the rotation among blocks of customers. */
  rotation: RotationResult | null;
  /** Shifted energy coming back, MW per unit and hour (shift units only). */
  payback: Float64Array;
  /** Feeders opened, feeder-major (1 = open in that hour), and the MW each opening releases. */
  feederOpen: Uint8Array;
  feederMW: Float64Array;
  /** Per constraint: snap-back added, requirement (gap + snap-back + payback, not below 0), covered, residual. */
  snapBackMW: Float64Array[];
  requiredMW: Float64Array[];
  coveredMW: Float64Array[];
  residualMW: Float64Array[];
  causes: ResidualCauses[];
  /** Fair strategy: the cap on each customer's share of its baseline per hour (1 where fairness gave way). */
  fairShare: Float64Array | null;
  /** Fair strategy: hours where the snap-back had to be covered beyond the share, by the ladder. */
  fairExceeded: Uint8Array | null;
  /** Capacity per unit and hour before notice and daily limits (for reports and the LP model). */
  capacity: Float64Array;
  orderableFrom: Int32Array;
  solveMs: number;
}

export function solvePlan(p: PlanProblem, options: PlanOptions = {}): SolvedPlan {
  const started = Date.now();
  let plan = solveOnce(p, options, null, started);
  // Energy days topped up after the hourly plan would duplicate what it covers: plan again with
  // each energy day saving up front what the snap-back took back, so it is planned once.
  const short = plan.rotation ? shortfallByDay(p, plan) : null;
  if (short) {
    const next = solveOnce(p, options, short, started);
    if (totalShort(p, next) <= totalShort(p, plan) + 1e-9) plan = next;
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

function totalShort(p: PlanProblem, plan: SolvedPlan): number {
  return plan.rotation ? plan.rotation.days.reduce((t, d) => t + d.residualMWh, 0) : 0;
}

function solveOnce(p: PlanProblem, options: PlanOptions, energyExtra: Float64Array | null, started: number): SolvedPlan {
  const strategy = options.strategy ?? 'cost';
  const H = p.hours, U = p.units.customer.length, C = p.customers.id.length, F = p.feeders.id.length, K = p.constraints.length;
  const unitCustomer = p.units.customer;
  const cap = capacityTable(p);
  const orderable = orderableFrom(p);
  const chains = constraintChains(p);
  const custChain = Array.from({ length: C }, (_, c) => chains[p.customers.area[c]]);
  const feederChain = Array.from({ length: F }, (_, f) => chains[p.feeders.area[f]]);
  const order = unitOrder(p, strategy, cap);
  const unitsOf: number[][] = p.customers.id.map(() => []);
  for (let u = 0; u < U; u++) unitsOf[unitCustomer[u]].push(u);
  const days = H ? p.dayIndex[H - 1] + 1 : 0;

  // Units of each constraint, in order (the system's: all of them).
  const insideLists: number[][] = p.constraints.map(() => []);
  for (let i = 0; i < order.length; i++) {
    const u = order[i];
    for (const k of custChain[unitCustomer[u]]) if (k !== 0) insideLists[k].push(u);
  }
  const position = new Int32Array(U);
  for (let i = 0; i < U; i++) position[order[i]] = i;
  // Positions in the order of each constraint's units (the system's: all), ascending.
  const inside: Int32Array[] = insideLists.map((l, k) => (k === 0 ? Int32Array.from({ length: U }, (_, i) => i) : Int32Array.from(l, (u) => position[u])));

  // Constraints deepest first, so that each area is covered from inside before its parents.
  const depth = (a: number) => { let d = 0; for (let x = a; x >= 0; x = p.areaParent[x]) d++; return d; };
  const kOrder = p.constraints.map((_, i) => i).sort((a, b) => depth(p.constraints[b].area) - depth(p.constraints[a].area) || a - b);

  // Customers per constraint (the fair strategy's share check only).
  let customersInsideCache: Int32Array[] | null = null;
  const customersInside = (): Int32Array[] => {
    if (customersInsideCache) return customersInsideCache;
    const lists: number[][] = p.constraints.map(() => []);
    for (let c = 0; c < C; c++) for (const k of custChain[c]) lists[k].push(c);
    return (customersInsideCache = lists.map((l) => Int32Array.from(l)));
  };
  // Feeders that may be opened (never one serving a protected customer or residents, or carrying a
  // security floor), in the emergency order's ranking, per constraint.
  const ranking = feederRanking(p).openable;
  const feedersInside: Int32Array[] = p.constraints.map((_, i) => Int32Array.from(ranking.filter((f) => feederChain[f].includes(i))));

  const x = new Float64Array(U * H);
  const payback = new Float64Array(U * H);
  const feederOpen = new Uint8Array(F * H);
  const feederMW = new Float64Array(F * H);
  const added = Array.from({ length: K }, () => new Float64Array(H)); // payback + snap-back load per constraint
  const snapBackMW = Array.from({ length: K }, () => new Float64Array(H));
  const hoursUsed = new Uint8Array(C * Math.max(1, days));
  // Totals kept as the plan grows, hour-major so an hour's slice is a view: MW each customer
  // releases (all measures, and all but shifts), and MW covered per constraint.
  const cursor = new Int32Array(K * H);
  // Per constraint and hour, the units that can give anything at all then (capacity, notice),
  // in order: built the first time the hour is covered, so hours without a gap cost nothing.
  const usableLists: (Int32Array | undefined)[] = new Array(K * H);
  const usable = (k: number, h: number): Int32Array => {
    let l = usableLists[k * H + h];
    if (l) return l;
    const all = inside[k];
    const out: number[] = [];
    for (let i = 0; i < all.length; i++) {
      const u = order[all[i]];
      if (cap[u * H + h] > EPS && h >= orderable[unitCustomer[u]]) out.push(u);
    }
    return (usableLists[k * H + h] = l = Int32Array.from(out));
  };
  const relC = new Float64Array(H * C), relNS = new Float64Array(H * C), coveredHK = new Float64Array(H * K);
  let custX = relC.subarray(0, C); // MW released by each customer in the hour being planned
  let covered = coveredHK.subarray(0, K);
  /** Recount the totals from x and the feeders (after the energy rotation has written into x). */
  const rebuildTotals = () => {
    cursor.fill(0);
    relC.fill(0); relNS.fill(0); coveredHK.fill(0);
    for (let u = 0; u < U; u++) {
      const c = unitCustomer[u], shift = p.units.measure[u] === SHIFT;
      for (let h = 0; h < H; h++) {
        const v = x[u * H + h];
        if (v <= 0) continue;
        relC[h * C + c] += v;
        if (!shift) relNS[h * C + c] += v;
      }
    }
    for (let h = 0; h < H; h++) {
      for (let c = 0; c < C; c++) { const v = relC[h * C + c]; if (v > 0) for (const k of custChain[c]) coveredHK[h * K + k] += v; }
      for (let f = 0; f < F; f++) if (feederOpen[f * H + h]) for (const k of feederChain[f]) coveredHK[h * K + k] += feederMW[f * H + h];
    }
  };
  let currentHour = -1;
  let xEnergy: Float64Array | null = null;
  const fairShare = strategy === 'fair' ? new Float64Array(H).fill(1) : null;
  const fairExceeded = strategy === 'fair' ? new Uint8Array(H) : null;

  const maxHours = p.customers.maxHoursPerDay;
  const required = (k: number, h: number) => Math.max(0, p.constraints[k].gapMW[h] + added[k][h]);

  /** Load the state of hour h (custX, covered) from x. */
  // Customers whose curtailment ended just before the hour being planned: their load is snapping
  // back, and ordering them again at once would only trade the snap-back for a new order.
  const ended = new Uint8Array(C), prevOn = new Uint8Array(C);
  // Only once every hour has its first plan (pass 2): before that, the hour after may simply not
  // be planned yet, and a customer continuing into it is the natural choice.
  let excludeEnded = false;
  const enterHour = (h: number) => {
    currentHour = h;
    custX = relC.subarray(h * C, h * C + C);
    covered = coveredHK.subarray(h * K, h * K + K);
    ended.fill(0);
    prevOn.fill(0);
    if (h > 0) {
      const before = relNS.subarray((h - 1) * C, h * C);
      for (let c = 0; c < C; c++) if (before[c] > 0) prevOn[c] = 1;
      for (let f = 0; f < F; f++) if (feederOpen[f * H + h - 1]) for (const c of p.feeders.customers[f]) prevOn[c] = 1;
      for (let c = 0; c < C; c++) ended[c] = prevOn[c] && custX[c] <= 0 ? 1 : 0;
    }
  };

  /** Room for a shift unit's energy to come back after hour h, without creating a gap anywhere. */
  const paybackRoom = (u: number, h: number, place: number): number => {
    const c = unitCustomer[u], chain = custChain[c], mask = p.units.windowMask[u];
    let total = 0;
    for (let j = h + 1; j < H && j <= h + 24; j++) {
      if (!(mask & (1 << p.localHour[j]))) continue;
      let room = p.units.paramMW[u] - payback[u * H + j];
      for (const k of chain) room = Math.min(room, -(p.constraints[k].gapMW[j] + added[k][j]));
      if (room <= EPS) continue;
      if (place > 0) {
        const put = Math.min(room, place - total);
        payback[u * H + j] += put;
        for (const k of chain) added[k][j] += put;
      }
      total += room;
      if (place > 0 && total >= place - EPS) break;
    }
    return total;
  };

  /** Allocation log of the hour being planned, so a fair attempt can be taken back. */
  let log: number[] | null = null;

  // Units given an order in each hour (the trim walks these, not every unit).
  const takenAt: number[][] = Array.from({ length: H }, () => []);
  const take = (u: number, h: number, amount: number) => {
    const c = unitCustomer[u];
    takenAt[h].push(u);
    if (custX[c] <= 0) hoursUsed[c * days + p.dayIndex[h]]++;
    x[u * H + h] += amount;
    custX[c] += amount;
    if (p.units.measure[u] !== SHIFT) relNS[h * C + c] += amount;
    for (const k of custChain[c]) covered[k] += amount;
    if (p.units.measure[u] === SHIFT) paybackRoom(u, h, amount * p.units.payback[u]);
    log?.push(u, amount);
  };

  /** Cover what constraint k still needs at hour h from its units, then its feeders. */
  const coverConstraint = (k: number, h: number, zCap: number): void => {
    let need = required(k, h) - covered[k];
    if (need <= EPS) return;
    const list = usable(k, h);
    const day = p.dayIndex[h];
    // Units before the cursor are spent: the next cover of this constraint and hour starts after
    // them. Taking back an order resets it.
    let cur = cursor[k * H + h];
    for (let i = cur; i < list.length && need > EPS; i++) {
      const u = list[i];
      let amount = cap[u * H + h] - x[u * H + h];
      const c = unitCustomer[u];
      if (amount <= EPS) { if (i === cur) cur++; continue; }
      if (excludeEnded && ended[c]) continue;
      // Out of daily hours, out of room above the floor (or the fair share), out of room for the
      // energy to come back: none of these eases within the hour short of taking an order back.
      if (custX[c] <= 0 && hoursUsed[c * days + day] >= maxHours[c]) { if (i === cur && zCap >= 1) cur++; continue; }
      const room = Math.min(headroomMW(p, c, h), zCap * p.customers.baseline[c * H + h]) - custX[c];
      amount = Math.min(amount, room, need);
      if (p.units.measure[u] === SHIFT && p.units.payback[u] > 0) amount = Math.min(amount, paybackRoom(u, h, 0) / p.units.payback[u]);
      if (amount <= EPS) { if (i === cur && zCap >= 1 && need > EPS) cur++; continue; }
      take(u, h, amount);
      need -= amount;
      if (i === cur && cap[u * H + h] - x[u * H + h] <= EPS) cur++;
    }
    cursor[k * H + h] = cur;
    if (need <= EPS || zCap < 1) return;
    // The last rung: open whole feeders inside the area, in the emergency order's ranking.
    for (const f of feedersInside[k]) {
      if (need <= EPS) break;
      if (feederOpen[f * H + h]) continue;
      const cs = p.feeders.customers[f];
      let ok = true, mw = 0;
      for (const c of cs) {
        if (h < orderable[c] || (excludeEnded && ended[c]) || (custX[c] <= 0 && hoursUsed[c * days + day] >= maxHours[c])) { ok = false; break; }
        mw += p.customers.baseline[c * H + h] - custX[c];
      }
      if (!ok || mw <= EPS) continue;
      feederOpen[f * H + h] = 1;
      feederMW[f * H + h] = mw;
      for (const c of cs) if (custX[c] <= 0) hoursUsed[c * days + day]++;
      for (const k2 of feederChain[f]) covered[k2] += mw;
      need -= mw;
    }
  };

  const coverHour = (h: number, zCap: number) => {
    for (const k of kOrder) coverConstraint(k, h, zCap);
  };

  const fairCap = (h: number): number => {
    // The smallest share z such that every constraint can be covered with no customer releasing
    // more than z of its baseline (bisection on the exact cover check: each constraint alone).
    const avail = new Float64Array(C);
    const day = p.dayIndex[h];
    for (let u = 0; u < U; u++) {
      const c = unitCustomer[u];
      if (h < orderable[c] || hoursUsed[c * days + day] >= maxHours[c]) continue;
      avail[c] += cap[u * H + h];
    }
    let z = 0;
    for (let k = 0; k < K; k++) {
      const need = required(k, h);
      if (need <= EPS) continue;
      const members = customersInside()[k];
      const can = (share: number) => {
        let s = 0;
        for (let i = 0; i < members.length; i++) {
          const c = members[i];
          if (avail[c] <= 0) continue;
          s += Math.min(avail[c], headroomMW(p, c, h), share * p.customers.baseline[c * H + h]);
        }
        return s >= need - EPS;
      };
      if (!can(1)) return 1;
      let lo = z, hi = 1;
      if (can(lo)) continue;
      for (let it = 0; it < 50 && hi - lo > 1e-12; it++) {
        const mid = (lo + hi) / 2;
        if (can(mid)) hi = mid; else lo = mid;
      }
      z = hi;
    }
    return z;
  };

  // Energy-limited days first: blocks of customers take turns by day until each day's energy is
  // saved; the hourly cover then builds on what they release (it covers the same gaps).
  let rotation: RotationResult | null = null;
  let rotationState: RotationState | null = null;
  if (p.energyDays.length) {
    xEnergy = new Float64Array(U * H);
    rotationState = { x, xEnergy, feederOpen, feederMW, hoursUsed, days, cap, orderable, order, snapBackMW, extraMWh: energyExtra };
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
      if (!p.constraints.some((_, k) => required(k, h) > EPS)) continue;
      enterHour(h);
      if (strategy === 'fair') {
        // The share from the cover check; if the real cover falls short of it (shifted energy
        // without room to come back), the smallest share that does cover, by bisection on tries.
        const attempt = (z: number): boolean => {
          log = [];
          coverHour(h, z);
          const ok = !p.constraints.some((_, k) => required(k, h) - covered[k] > 1e-7);
          const taken = log;
          log = null;
          if (!ok) for (let i = taken.length - 2; i >= 0; i -= 2) undo(taken[i], h, taken[i + 1]);
          return ok;
        };
        let z = fairCap(h);
        if (z < 1 && !attempt(z)) {
          let lo = z, hi = 1, found = false;
          for (let it = 0; it < 14 && hi - lo > 1e-6; it++) {
            const mid = (lo + hi) / 2;
            if (attempt(mid)) {
              // Keep the best cover found so far only at the end: take this one back too.
              found = true; hi = mid;
              clearAllOf(h);
            } else lo = mid;
          }
          z = found && hi < 1 ? hi : 1;
          if (z < 1 && !attempt(z)) z = 1;
        }
        if (z < 1) { fairShare![h] = z; continue; }
      }
      coverHour(h, 1);
    }
  }

  /** Take back every measure ordered in hour h (pass 1 only: the hour had nothing before). */
  function clearAllOf(h: number) {
    for (let u = 0; u < U; u++) { const v = x[u * H + h] - (xEnergy ? xEnergy[u * H + h] : 0); if (v > 0) undo(u, h, v); }
  }

  function undo(u: number, h: number, amount: number) {
    for (let k = 0; k < K; k++) cursor[k * H + h] = 0;
    const c = unitCustomer[u];
    x[u * H + h] -= amount;
    if (x[u * H + h] < 1e-12) x[u * H + h] = 0;
    if (p.units.measure[u] === SHIFT) {
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
    if (p.units.measure[u] !== SHIFT) relNS[h * C + c] = Math.max(0, relNS[h * C + c] - amount);
    for (const k of custChain[c]) covered[k] -= amount;
    if (custX[c] <= 1e-12) {
      custX[c] = 0;
      const d = p.dayIndex[h];
      if (hoursUsed[c * days + d] > 0) hoursUsed[c * days + d]--;
    }
  }

  // Pass 2, chronological: a curtailment that ends snaps part of its load back in the next hour.
  const sigma = p.snapBackShare;
  const snapPass = () => {
    excludeEnded = true;
    for (let h = 0; h < H; h++) {
      for (let round = 0; round < 3 && h > 0 && sigma > 0; round++) {
        // Snap-back into h from what ended after h−1, recomputed from the plan as it stands.
        const snap = new Float64Array(K);
        const nonShift = relNS.subarray((h - 1) * C, h * C), now = relC.subarray(h * C, (h + 1) * C);
        for (let c = 0; c < C; c++) if (nonShift[c] > 0 && now[c] <= 0) for (const k of custChain[c]) snap[k] += sigma * nonShift[c];
        for (let f = 0; f < F; f++) {
          if (feederOpen[f * H + h - 1] && !feederOpen[f * H + h]) for (const k of feederChain[f]) snap[k] += sigma * feederMW[f * H + h - 1];
        }
        let changed = false;
        for (let k = 0; k < K; k++) {
          if (Math.abs(snap[k] - snapBackMW[k][h]) > EPS) changed = true;
          added[k][h] += snap[k] - snapBackMW[k][h];
          snapBackMW[k][h] = snap[k];
        }
        if (!changed) break;
        enterHour(h);
        if (!p.constraints.some((_, k) => required(k, h) - covered[k] > EPS)) break;
        if (fairShare && fairShare[h] < 1) {
          // First at the hour's share; what that cannot take goes by the ladder beyond it. Never
          // planned again from scratch: a raised share would free customers that other hours were
          // refused for (daily limits), and those hours are already planned.
          coverHour(h, fairShare[h]);
          if (p.constraints.some((_, k) => required(k, h) - covered[k] > 1e-7)) {
            fairExceeded![h] = 1;
            coverHour(h, 1);
          }
        } else {
          coverHour(h, 1);
        }
      }
      trimHour(h);
    }
  };

  /**
   * Take back what the hour no longer needs (the snap-back it expected did not all come), from the
   * last units in the order, as the cover would have stopped earlier. A customer leaves the hour
   * only if that neither snaps its load back nor frees a daily hour another hour was refused.
   */
  /** True when customer c is curtailed in hour h + 1 (or h is the last hour): leaving h then changes nothing after it. */
  const onNext = (c: number, h: number): boolean => {
    if (h + 1 >= H) return true;
    for (const u of unitsOf[c]) if (x[u * H + h + 1] > 0) return true;
    const f = p.customers.feeder[c];
    return feederOpen[f * H + h + 1] === 1;
  };
  const trimHour = (h: number) => {
    enterHour(h);
    const slack = (k: number) => covered[k] - required(k, h);
    if (!p.constraints.some((_, k) => slack(k) > 1e-9)) return;
    // An opened feeder overshoots by nature (it opens whole); the measures before it were needed
    // to reach it, so an hour with a feeder open is left as it is.
    for (let f = 0; f < F; f++) if (feederOpen[f * H + h]) return;
    const day = p.dayIndex[h];
    const used = [...new Set(takenAt[h])].filter((u) => x[u * H + h] > 0).sort((a, b) => position[b] - position[a]);
    for (const u of used) {
      const own = x[u * H + h] - (xEnergy ? xEnergy[u * H + h] : 0);
      if (own <= 0) continue;
      const c = unitCustomer[u];
      let room = Infinity;
      for (const k of custChain[c]) room = Math.min(room, slack(k));
      if (room <= 1e-9) continue;
      const cut = Math.min(own, room);
      // A unit that must stay ends the trim: cutting one before it would put the order out of order.
      if (custX[c] - cut <= 1e-12 && (prevOn[c] || hoursUsed[c * days + day] >= maxHours[c] || !onNext(c, h))) break;
      undo(u, h, cut);
    }
  };

  snapPass();
  if (rotation && rotationState) {
    // The snap-back eats into what the rotation saved: top the short days up, a few rounds.
    for (let round = 0; round < 3; round++) {
      if (!rotateEnergy(p, rotationState, rotation, true)) break;
      rebuildTotals();
      snapPass();
    }
    finishRotation(p, rotationState, rotation);
  }

  // What each constraint got, and why any residual is left.
  const requiredMW = p.constraints.map(() => new Float64Array(H));
  const coveredMW = p.constraints.map(() => new Float64Array(H));
  const residualMW = p.constraints.map(() => new Float64Array(H));
  const causes: ResidualCauses[] = p.constraints.map(() => ({ notice: new Float64Array(H), dailyHours: new Float64Array(H), structural: new Float64Array(H) }));
  for (let h = 0; h < H; h++) {
    let anyShort = false;
    enterHour(h);
    for (let k = 0; k < K; k++) {
      const r = required(k, h);
      requiredMW[k][h] = r;
      coveredMW[k][h] = Math.min(r, covered[k]);
      residualMW[k][h] = Math.max(0, r - covered[k]);
      if (residualMW[k][h] > 1e-7) anyShort = true;
    }
    if (!anyShort) continue;
    // Capacity held back by notice or by daily hours, per customer, counted where it is short.
    const noticeHeld = new Float64Array(C), hoursHeld = new Float64Array(C);
    for (let u = 0; u < U; u++) {
      const c = unitCustomer[u];
      const v = cap[u * H + h];
      if (v <= 0) continue;
      if (h < orderable[c]) noticeHeld[c] += v;
      else if (custX[c] <= 0 && hoursUsed[c * days + p.dayIndex[h]] >= maxHours[c]) hoursHeld[c] += v;
    }
    for (let k = 0; k < K; k++) {
      const s = residualMW[k][h];
      if (s <= 1e-7) continue;
      let n = 0, d = 0;
      for (let c = 0; c < C; c++) {
        if (!custChain[c].includes(k)) continue;
        const room = headroomMW(p, c, h);
        n += Math.min(noticeHeld[c], room);
        d += Math.min(hoursHeld[c], room);
      }
      causes[k].notice[h] = Math.min(s, n);
      causes[k].dailyHours[h] = Math.min(s - causes[k].notice[h], d);
      causes[k].structural[h] = s - causes[k].notice[h] - causes[k].dailyHours[h];
    }
  }

  return {
    strategy, hours: H, x, xEnergy, rotation, payback, feederOpen, feederMW, snapBackMW, requiredMW, coveredMW, residualMW, causes,
    fairShare, fairExceeded, capacity: cap, orderableFrom: orderable, solveMs: Date.now() - started,
  };
}
