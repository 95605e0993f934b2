/**
 * Re-planning during the day: the plan in force, revised for the hours from T on, on tables
 * rebuilt with the new gap. A structured pass on top of the plan in force, hour by hour in time
 * order (snap-back and shifted energy coming back run forward in time), not a solve from nothing:
 *
 *  - hours before T are past (measured): copied, never changed;
 *  - in an hour from T on, a customer whose notice no longer fits between T and the hour's start
 *    may be ordered at most what it was notified of (its notice for that day issued by T) — so an
 *    order is kept or reduced, never added or raised there; a customer whose notice still fits
 *    may be ordered anything the planner could order;
 *  - a short hour is covered bottom-up on the area tree (deepest constraint first) in the
 *    ladder's order (rung, then tier, as the planner), and inside a band: the customers already
 *    ordered in the hour first, then those notified for the day or already in the revision that
 *    day, then new ones, the largest first (the fewest customers added). Shifts are not added
 *    (their room to come back is shared across hours). Last, as the planner, whole feeders in the
 *    emergency order's ranking, where every customer on one has its notice fit from T;
 *  - an over-covered hour gives back in the reverse order: opened feeders first, then the latest
 *    band first; inside a band, customers not yet notified before notified ones, the largest
 *    order first (partly, so the fewest are cancelled); never below a band that a kept shift
 *    sits in (the ladder would then be broken; the surplus is left, said as over-coverage);
 *  - no flapping: once a customer's order is cut to 0 inside a run of hours the plan in force
 *    ordered it for, it stays at 0 for the rest of that run;
 *  - daily hours couple the hours (a cut frees its customer's hour for another): a last pass
 *    moves MW from later rungs to earlier ones that gained room, so the ladder holds.
 *
 * Whatever cannot be covered within the lead times is the residual, by hour and constraint, with
 * the MW that more notice would have freed; never hidden. The result is checked by the
 * independent verifier (core/plan/verify.ts, with the revision's own lead-time rule) by the caller.
 */
import { budgetFloors, capacityTable, ceilKW, floorKW, KW } from '../plan/capacity.ts';
import { feederRanking } from '../plan/emergency-order.ts';
import { argsortNonNegative } from '../plan/order.ts';
import { unitsByCustomer } from '../plan/units-by-customer.ts';
import { bandOf, constraintChains, feederBand, SHIFT, type PlanProblem } from '../plan/problem.ts';
import { dayOf, finishRotation, savedInHours, startRotation, type RotationResult, type RotationState } from '../plan/rotation.ts';
import { HOUR_MS } from '../time/timestamp.ts';
import { changesAgainst, type ChangeKind, type CustomerChange } from './replan-changes.ts';

const EPS = 1e-9;

export interface PlanInForce {
  /** MW per unit and hour, unit-major (the plan's orders). */
  x: Float64Array;
  payback: Float64Array;
  feederOpen: Uint8Array;
  xHold?: Float64Array | null;
  xEnergy?: Float64Array | null;
  /** The daily-hours assignment the plan in force was made with, if any (as the verifier takes it). */
  allowed?: Uint32Array | null;
}

export interface ReplanOptions {
  /** T: the time of re-planning. Hours starting before it are past. */
  atMs: number;
  /** 1 where customer c's notice for local day d was issued by T: notified[c × days + d]. */
  notified: Uint8Array;
  /**
   * capacityTable(p), where the caller has it already (a province's is 8.7 million figures): the
   * table depends on the customers, units and hours alone, not on the gaps a re-plan changes.
   */
  capacity?: Float64Array;
  /**
   * The plan in force rotates energy among blocks of customers (an energy-limited shortage): its
   * rotation's parts stay unless a rule forbids them (the hourly pass does not give them back as
   * over-coverage), and each remaining day's energy is saved again, short days topped up by the
   * blocks on duty that day first, then the next in turn, where notice fits.
   */
  rotation?: boolean;
}

export type { ChangeKind, CustomerChange } from './replan-changes.ts';

export interface Revision {
  /** First hour re-planned (index): the first whose start is at or after T. */
  fromHour: number;
  x: Float64Array;
  payback: Float64Array;
  feederOpen: Uint8Array;
  feederMW: Float64Array;
  xHold: Float64Array | null;
  xEnergy: Float64Array | null;
  snapBackMW: Float64Array[];
  requiredMW: Float64Array[];
  coveredMW: Float64Array[];
  residualMW: Float64Array[];
  /** Per constraint and hour: MW of the residual that customers could have given had their lead time fitted. */
  leadTimeMW: Float64Array[];
  /** The revised energy rotation (blocks, each day's energy saved and left), where the plan in force had one. */
  rotation: RotationResult | null;
  changes: CustomerChange[];
  counts: Record<ChangeKind, number>;
  /** MWh covered beyond the requirement, from T (left where giving back would break the ladder). */
  overCoveredMWh: number;
  residualMWh: number;
  peakResidualMW: number;
  replanMs: number;
}

/** First hour (index) whose start is at or after T. */
export function firstHourFrom(p: PlanProblem, atMs: number): number {
  return Math.max(0, Math.min(p.hours, Math.ceil((atMs - p.startMs) / HOUR_MS - 1e-9)));
}

export function replan(p: PlanProblem, inForce: PlanInForce, options: ReplanOptions): Revision {
  const started = Date.now();
  const H = p.hours, U = p.units.customer.length, C = p.customers.id.length, F = p.feeders.id.length, K = p.constraints.length;
  const UC = p.units.customer, UM = p.units.measure, BASE = p.customers.baseline, sigma = p.snapBackShare;
  const days = H ? p.dayIndex[H - 1] + 1 : 0;
  const t = firstHourFrom(p, options.atMs);
  const floors = budgetFloors(p);
  if (options.capacity && options.capacity.length !== U * H) throw new Error(`replan: expected a capacity table of ${U * H} figures (units × hours), found ${options.capacity.length}`);
  const cap = options.capacity ?? capacityTable(p, floors);
  const chains = constraintChains(p);
  // Plain loops: Array.from with a map function is slow in V8 (a province has 360,000 units).
  const custChain: Int32Array[] = new Array(C), feederChain: Int32Array[] = new Array(F);
  for (let c = 0; c < C; c++) custChain[c] = chains[p.customers.area[c]];
  for (let f = 0; f < F; f++) feederChain[f] = chains[p.feeders.area[f]];
  const band = new Int32Array(U);
  for (let u = 0; u < U; u++) band[u] = bandOf(p, u);
  const shiftUnits: number[] = [];
  for (let u = 0; u < U; u++) if (UM[u] === SHIFT) shiftUnits.push(u);
  // Each customer's units: UL[US[c]] … UL[US[c + 1] − 1].
  const { start: US, unit: UL } = unitsByCustomer(UC, C);
  const notified = (c: number, h: number) => options.notified[c * days + p.dayIndex[h]] === 1;
  // The lead-time rule relative to T: a new or larger order needs the hour's start ≥ T + notice.
  const leadFits = (c: number, h: number) => h >= firstFit[c];
  // The first hour each customer's notice fits before (a new or larger order needs its start ≥ T + notice).
  const firstFit = new Int32Array(C);
  for (let c = 0; c < C; c++) {
    const h = Math.ceil((options.atMs + p.customers.noticeHours[c] * HOUR_MS - 1e-3 - p.startMs) / HOUR_MS - 1e-9);
    firstFit[c] = Math.max(t, h);
  }
  const allowedBits = inForce.allowed ?? null;
  const assigned = (c: number, h: number) => !allowedBits || ((allowedBits[c * days + p.dayIndex[h]] >>> p.localHour[h]) & 1) === 1;
  /** The most unit u may be ordered in hour h from T: its capacity, or within the lead time what was notified. */
  const NOTIFIED = options.notified, X0 = inForce.x, DAY = p.dayIndex;
  const limitOf = (u: number, h: number) => {
    const c = UC[u], at = u * H + h;
    if (h >= firstFit[c]) return cap[at];
    return NOTIFIED[c * days + DAY[h]] === 1 && X0[at] < cap[at] ? X0[at] : NOTIFIED[c * days + DAY[h]] === 1 ? cap[at] : 0;
  };

  const x = inForce.x.slice(), payback = inForce.payback.slice(), feederOpen = inForce.feederOpen.slice();
  const rotating = options.rotation === true && p.energyDays.length > 0;
  const xHold = inForce.xHold ? inForce.xHold.slice() : null;
  const xEnergy = inForce.xEnergy ? inForce.xEnergy.slice() : rotating ? new Float64Array(U * H) : null;
  /** MW of unit u's order in hour h that the hourly pass keeps (a rotation's part: energy, not the hour's gap, decides it). */
  const keptByRotation = (u: number, h: number) => (rotating ? xEnergy![u * H + h] : 0);
  const feederMW = new Float64Array(F * H);
  const required = p.constraints.map(() => new Float64Array(H)), covered = p.constraints.map(() => new Float64Array(H));
  const residual = p.constraints.map(() => new Float64Array(H)), snapBack = p.constraints.map(() => new Float64Array(H)), leadTime = p.constraints.map(() => new Float64Array(H));

  // Released per customer and hour (all measures; all but shifts), and where its feeder is open.
  const rel = new Float64Array(C * H), relNS = new Float64Array(C * H);
  const onFeeder = new Int32Array(C).fill(-1);
  for (let f = 0; f < F; f++) for (const c of p.feeders.customers[f]) onFeeder[c] = f;
  const feederOpenFor = (c: number, h: number) => onFeeder[c] >= 0 && feederOpen[onFeeder[c] * H + h] === 1;
  const recount = (c: number, h: number) => {
    let a = 0, b = 0;
    for (let ui = US[c], ue = US[c + 1]; ui < ue; ui++) { const u = UL[ui]; const v = x[u * H + h]; a += v; if (UM[u] !== SHIFT) b += v; }
    rel[c * H + h] = a; relNS[c * H + h] = b;
  };
  for (let u = 0; u < U; u++) {
    const row = UC[u] * H, at = u * H, shift = UM[u] === SHIFT;
    for (let h = 0; h < H; h++) { const v = x[at + h]; if (v !== 0) { rel[row + h] += v; if (!shift) relNS[row + h] += v; } }
  }
  const onAt = (c: number, h: number) => h >= 0 && (rel[c * H + h] > EPS || feederOpenFor(c, h));
  // Where the plan in force orders each customer (its measures or its opened feeder).
  const inForceOn = new Uint8Array(C * H);
  for (let i = 0; i < C * H; i++) if (rel[i] > EPS) inForceOn[i] = 1;
  for (let f = 0; f < F; f++) for (let h = 0; h < H; h++) if (inForce.feederOpen[f * H + h]) for (const c of p.feeders.customers[f]) inForceOn[c * H + h] = 1;
  const wasOn = (c: number, h: number) => h >= 0 && inForceOn[c * H + h] === 1;
  // Hours used per customer and day (daily limits), and the no-flapping state.
  const used = new Int32Array(C * Math.max(1, days));
  for (let c = 0; c < C; c++) for (let h = 0; h < H; h++) if (inForceOn[c * H + h]) used[c * days + DAY[h]]++;
  const usedInForce = Int32Array.from(used);
  // Per hour, the customers ordered in it or in the hour before (the only ones whose release or
  // snap-back the hour's figures hold): the plan in force's, and every one the revision orders.
  const activeAt: number[][] = Array.from({ length: H }, () => []);
  const activeMark = new Uint8Array(C * H);
  const activate = (c: number, h: number) => {
    for (const j of [h, h + 1]) if (j < H && !activeMark[c * H + j]) { activeMark[c * H + j] = 1; activeAt[j].push(c); }
  };
  for (let c = 0; c < C; c++) for (let h = 0; h < H; h++) if (inForceOn[c * H + h]) activate(c, h);
  /**
   * Where a customer's order was cut to 0 inside a run of hours the plan in force ordered it for,
   * having been on in that run: the end (exclusive) of that run — it is not switched on again
   * before (no flapping); −1 where none.
   */
  const stoppedUntil = new Int32Array(C).fill(-1);
  const stopped = (c: number, h: number) => h < stoppedUntil[c];
  const inRevisionDay = new Uint8Array(C * Math.max(1, days));
  const mark = (c: number, h: number) => { inRevisionDay[c * days + p.dayIndex[h]] = 1; };
  for (let c = 0; c < C; c++) for (let h = 0; h < t; h++) if (onAt(c, h)) mark(c, h);

  /**
   * Take back `amount` of shift unit u's order in hour h: the energy it would have returned goes
   * too, from the first hours after h (a shift's energy comes back in its next return window).
   */
  const takeBackPayback = (u: number, h: number, amount: number) => {
    let left = amount * p.units.payback[u];
    for (let j = h + 1; j < H && left > EPS; j++) {
      const v = Math.min(payback[u * H + j], left);
      if (v <= 0) continue;
      payback[u * H + j] -= v;
      for (const k of custChain[UC[u]]) paybackIn[j * K + k] -= v;
      left -= v;
    }
  };
  // Shifted energy coming back, MW per hour and constraint (part of the requirement).
  const paybackIn = new Float64Array(H * K);
  for (const u of shiftUnits) for (let h = 0; h < H; h++) { const b = payback[u * H + h]; if (b > 0) for (const k of custChain[UC[u]]) paybackIn[h * K + k] += b; }
  const setX = (u: number, h: number, v: number) => {
    const old = x[u * H + h];
    if (UM[u] === SHIFT && v < old) takeBackPayback(u, h, old - v);
    x[u * H + h] = v;
    if (xHold && xHold[u * H + h] > v) xHold[u * H + h] = v;
    if (xEnergy && xEnergy[u * H + h] > v) xEnergy[u * H + h] = v;
  };

  // Candidates in the ladder's order: by band, then inside a band the largest customers first
  // (what each can release over the horizon), then the cheapest; shifts left out.
  const size = new Float64Array(C);
  for (let u = 0; u < U; u++) for (let h = t; h < H; h++) size[UC[u]] += cap[u * H + h];
  // One key per unit, band-major (a power of two above every size), then the largest first; ties
  // by unit index. Radix-sorted (a comparison sort of a province's 360,000 units is slow).
  let maxSize = 0;
  for (let c = 0; c < C; c++) if (size[c] > maxSize) maxSize = size[c];
  const scale = 2 ** Math.ceil(Math.log2(maxSize + 2));
  const key = new Float64Array(U);
  for (let u = 0; u < U; u++) key[u] = band[u] * scale + (maxSize - size[UC[u]]);
  const order = argsortNonNegative(key).filter((u) => UM[u] !== SHIFT);
  const position = new Int32Array(U);
  order.forEach((u, i) => { position[u] = i; });
  // Customers whose notice fits at some hour from T: the only ones a new or larger order can go to
  // (beside those notified, which the hour's active list holds).
  const fitting = order.filter((u) => firstFit[UC[u]] < H);
  // The units whose lead time does not fit from T in some hour, in the ladder's order (the only ones blockedByLead counts).
  const leadOrder = order.filter((u) => firstFit[UC[u]] > t);
  const seenAt = new Int32Array(U);
  let coverStamp = 0;
  const depthOrder = p.constraints.map((_, k) => k).sort((a, b) => depth(p.constraints[b].area) - depth(p.constraints[a].area) || a - b);
  const fBand = feederBand(p);
  const ranking = feederRanking(p).openable;

  let overCovered = 0;
  /** MW of the energy rotation's parts in each hour (known once the rotation is revised; 0 before). */
  const rotationAt = new Float64Array(H);
  const need = new Float64Array(K), cov = new Float64Array(K), snap = new Float64Array(K), base = new Float64Array(K);
  const gapOf = (k: number, h: number) => p.constraints[k].gapMW[h];
  for (let h = 0; h < H; h++) {
    if (h >= t) {
      // Orders kept where the rules still allow them: within the lead time at most what was notified.
      for (const c of activeAt[h]) {
        const stop = stopped(c, h);
        const on = onAt(c, h);
        let changed = false;
        for (let ui = US[c], ue = US[c + 1]; ui < ue; ui++) { const u = UL[ui];
          const v = x[u * H + h];
          if (v <= 0) continue;
          const most = stop ? 0 : limitOf(u, h);
          if (v > most + EPS) { setX(u, h, floorKW(most)); changed = true; }
        }
        if (changed) { recount(c, h); if (on && !onAt(c, h)) used[c * days + p.dayIndex[h]]--; }
      }
      for (let f = 0; f < F; f++) {
        if (!feederOpen[f * H + h]) continue;
        const keep = p.feeders.customers[f].every((c) => leadFits(c, h) || notified(c, h));
        if (!keep) feederOpen[f * H + h] = 0;
      }
    }
    loadHour(h);
    if (h < t) record(h); // the past: its figures as they stay
    if (h >= t) {
      coverShort(h);
      openFeeders(h);
      giveBack(h);
      loadHour(h);
    }
    if (h >= t) for (const c of activeAt[h]) if (onAt(c, h)) mark(c, h);
    // No flapping: a customer cut to 0 in this hour inside a run it was ordered for (and on in
    // the hour before) is not switched on again in that run.
    if (h >= t) for (const c of activeAt[h]) {
      if (!(wasOn(c, h) && !onAt(c, h) && onAt(c, h - 1) && wasOn(c, h - 1))) continue;
      let e = h;
      while (e < H && wasOn(c, e)) e++;
      stoppedUntil[c] = e;
    }
  }
  // Daily hours couple the hours: an order cut in one hour frees its customer's hour for another,
  // where an earlier rung may now have room while a later one is on. The ladder is repaired there
  // (a few sweeps: each move can free or use hours again), then every hour's figures recounted.
  for (let sweep = 0; sweep < 3; sweep++) {
    // Only customers that gained room can break the ladder: those whose daily hours the plan in
    // force had used up and the revision freed, those whose opened feeder it closed, and those
    // whose orders it changed (a customer no longer just ending its curtailment counts again).
    const freed: Set<number>[] = Array.from({ length: Math.max(1, days) }, () => new Set());
    for (let c = 0; c < C; c++) {
      const max = p.customers.maxHoursPerDay[c];
      if (!(max < 24)) continue;
      for (let d = 0; d < days; d++) if (usedInForce[c * days + d] >= max && used[c * days + d] < max) freed[d].add(c);
    }
    for (let f = 0; f < F; f++) for (let h = t; h < H; h++) {
      if (inForce.feederOpen[f * H + h] && !feederOpen[f * H + h]) for (const c of p.feeders.customers[f]) freed[p.dayIndex[h]].add(c);
    }
    for (let u = 0; u < U; u++) for (let h = t; h < H; h++) {
      if (x[u * H + h] === inForce.x[u * H + h]) continue;
      freed[p.dayIndex[h]].add(UC[u]);
      if (h + 1 < H) freed[p.dayIndex[h + 1]].add(UC[u]);
    }
    let moved = false;
    for (let h = t; h < H; h++) {
      const list = freed[p.dayIndex[h]];
      if (!list.size) continue;
      loadHour(h);
      if (repairLadder(h, list)) moved = true;
    }
    if (!moved) break;
  }
  for (let h = t; h < H; h++) { loadHour(h); record(h); }
  let rotation: RotationResult | null = null;
  // The blocks as the planner made them (by feeder, balanced on the customers' capacity: the same
  // tables give the same blocks); the state's other fields are the planner's own rounds', unused here.
  if (rotating) {
    const rotationState: RotationState = { x, xEnergy: xEnergy!, feederOpen, feederMW, hoursUsed: new Uint8Array(0), days, cap, floors, orderable: new Int32Array(C), order: Int32Array.from({ length: U }, (_, u) => u), snapBackMW: snapBack };
    rotation = startRotation(p, rotationState);
    saveEnergyAgain(rotation);
    // Recounted with the rotation's MW known: what it saves is energy the days need, not an
    // hour's over-coverage.
    for (let u = 0; u < U; u++) for (let h = t; h < H; h++) rotationAt[h] += xEnergy![u * H + h];
    overCovered = 0;
    for (let h = t; h < H; h++) { loadHour(h); record(h); }
    rotationAccount(rotation, rotationState);
  }

  /**
   * Each energy-short day with hours from T: its energy saved again on the revision's orders
   * (measures, shifts net of what comes back, opened feeders, less snap-back, as the planner
   * counts it); a short day topped up in its hours from T with the largest gap first, by the
   * blocks on duty that day first, then the next blocks in turn, each customer within what it may
   * be ordered from T (its notice, or what it was notified of), its budget and its daily hours.
   * A day saving more than it needs gives the surplus back (releaseEnergy). Whether anything changed.
   */
  function saveEnergyAgain(r: RotationResult): boolean {
    const n = r.blocks.length;
    const members: number[][] = r.blocks.map(() => []);
    const rank = new Int32Array(C).fill(U);
    for (let i = 0; i < order.length; i++) { const c = UC[order[i]]; if (rank[c] === U) rank[c] = i; }
    for (let c = 0; c < C; c++) if (r.blockOf[c] >= 0) members[r.blockOf[c]].push(c);
    for (const m of members) m.sort((a, b) => rank[a] - rank[b] || a - b);
    const energyDays = [...p.energyDays].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    let next = 0, any = false;
    const duty = dutyByDay(r);
    for (const e of energyDays) {
      const d = dayOf(p, e.date);
      if (d < 0 || d >= days) continue;
      const hours: number[] = [];
      for (let h = 0; h < H; h++) if (DAY[h] === d) hours.push(h);
      const onDuty = new Set<number>();
      for (let b = 0; b < n; b++) if (duty[d * n + b]) onDuty.add(b);
      if (hours.some((h) => h >= t)) {
        let need = e.gapMWh - savedInHours(p, { x, feederMW, snapBackMW: snapBack }, hours);
        const sequence: number[] = [];
        for (let i = 0; i < n; i++) if (onDuty.has((next + i) % n)) sequence.push((next + i) % n);
        const onDutyInTurn = sequence.slice();
        for (let i = 0; i < n; i++) if (!onDuty.has((next + i) % n)) sequence.push((next + i) % n);
        if (need < -KW) {
          if (releaseEnergy(d, hours.filter((h) => h >= t), -need, onDutyInTurn.flatMap((b) => members[b]))) any = true;
        } else if (need > 1e-6) {
          const gap = p.constraints[0].gapMW;
          const from = hours.filter((h) => h >= t).sort((a, b) => gap[b] - gap[a] || a - b);
          for (const b of sequence) {
            if (need <= 1e-6) break;
            for (const c of members[b]) {
              if (need <= 1e-6) break;
              for (const h of from) {
                if (need <= 1e-6) break;
                if (!available(c, h)) continue;
                loadHour(h);
                let room = floorKW(BASE[c * H + h] - floors[c]) - rel[c * H + h];
                for (let ui = US[c], ue = US[c + 1]; ui < ue; ui++) { const u = UL[ui];
                  if (UM[u] === SHIFT || room < KW - EPS || need <= 1e-6) continue;
                  const v = floorKW(Math.min(limitOf(u, h) - x[u * H + h], room, ceilKW(need)));
                  if (v < KW - EPS) continue;
                  take(u, h, v);
                  xEnergy![u * H + h] += v;
                  mark(c, h);
                  room -= v;
                  need -= v;
                  any = true;
                  onDuty.add(b);
                }
              }
            }
          }
        }
      }
      // The day's figures again (its feeders' MW, its snap-back), and the next day's first hour,
      // where an order ending this day brings its snap-back: the next day is counted on them.
      if (hours.some((h) => h >= t)) for (let h = Math.max(t, hours[0]); h <= Math.min(H - 1, hours[hours.length - 1] + 1); h++) { loadHour(h); record(h); }
      // The next day's turn starts after the last block on duty this day, in turn from where this day's started.
      let last = -1;
      for (let i = 0; i < n; i++) if (onDuty.has((next + i) % n)) last = (next + i) % n;
      if (last >= 0) next = (last + 1) % n;
    }
    return any;
  }

  /**
   * Give back `over` MWh of day d's rotation orders in its hours from T: customers not notified
   * for the day first, then the block last on duty first (the reverse of the day's turn); each
   * customer's orders from the end of its run back (a run shortened, never holed: no flapping),
   * an hour whole only where its constraints keep the slack for the order and the snap-back its
   * end brings, else in part, then that customer stops. Whether anything was given back.
   */
  function releaseEnergy(d: number, from: number[], over: number, inTurn: number[]): boolean {
    const customers = inTurn.slice().reverse();
    const told = (c: number) => NOTIFIED[c * days + d] === 1;
    customers.sort((a, b) => Number(told(a)) - Number(told(b))); // stable: the reverse turn inside each
    const late = from.slice().sort((a, b) => b - a);
    let any = false;
    for (const c of customers) {
      if (over < KW - EPS) break;
      for (const h of late) {
        if (over < KW - EPS) break;
        let part = 0;
        for (let ui = US[c], ue = US[c + 1]; ui < ue; ui++) { const u = UL[ui]; part += UM[u] === SHIFT ? 0 : xEnergy![u * H + h]; }
        if (part <= EPS) continue;
        loadHour(h);
        let whole = true;
        // On again in the next hour (an hour's own order): off here would hole its run.
        const nextOn = h + 1 < H && DAY[h + 1] === d && rel[c * H + h + 1] > EPS;
        for (let ui = US[c], ue = US[c + 1]; ui < ue; ui++) { const u = UL[ui];
          const xe = UM[u] === SHIFT ? 0 : xEnergy![u * H + h];
          if (xe <= EPS) continue;
          const slack = slackOf(custChain[c]);
          let amount = floorKW(Math.min(xe, over, slack));
          const before = h > 0 ? (feederOpenFor(c, h - 1) ? BASE[c * H + h - 1] : relNS[c * H + h - 1]) : 0;
          const off = amount >= x[u * H + h] - EPS && rel[c * H + h] - x[u * H + h] <= EPS;
          // Off in this hour brings its snap-back: the hour must have room for it and the day's
          // surplus must pay for it too (its energy is saved no more), else 1 kW stays.
          if (off && (nextOn || slack + EPS < amount + sigma * before || over + EPS < amount + sigma * before)) amount = floorKW(Math.min(amount, x[u * H + h] - KW));
          if (amount < KW - EPS) { whole = false; continue; }
          xEnergy![u * H + h] = Math.max(0, Math.round((xe - amount) * 1e6) / 1e6);
          cut(u, h, amount);
          over -= amount;
          any = true;
          if (rel[c * H + h] <= EPS) {
            over -= sigma * before;
            used[c * days + d]--;
            for (const k of custChain[c]) { snap[k] += sigma * before; need[k] = ceilKW(base[k] + snap[k]); }
          }
          if (xEnergy![u * H + h] > EPS) whole = false;
        }
        if (!whole) break; // the rest of its run stays whole
      }
    }
    return any;
  }

  /** 1 where block b has a rotation order on local day d: [d × blocks + b]. One sweep of the orders. */
  function dutyByDay(r: RotationResult): Uint8Array {
    const n = r.blocks.length, duty = new Uint8Array(Math.max(1, days) * n);
    for (let u = 0; u < U; u++) {
      const b = r.blockOf[UC[u]];
      if (b < 0) continue;
      for (let h = 0; h < H; h++) if (xEnergy![u * H + h] > EPS) duty[DAY[h] * n + b] = 1;
    }
    return duty;
  }

  /** The revised rotation's account: blocks on duty each day, their energy, the days' energy saved and left. */
  function rotationAccount(r: RotationResult, state: RotationState) {
    const n = r.blocks.length, duty = dutyByDay(r);
    for (const e of p.energyDays) {
      const d = dayOf(p, e.date);
      if (d < 0 || d >= days) continue;
      const blocks: number[] = [];
      for (let b = 0; b < n; b++) if (duty[d * n + b]) blocks.push(b + 1);
      r.days.push({ date: e.date, gapMWh: e.gapMWh, savedMWh: 0, rotationMWh: 0, residualMWh: 0, blocks });
    }
    for (const b of r.blocks) { b.daysOnDuty = r.days.filter((day) => day.blocks.includes(b.id)).length; b.energyMWh = 0; }
    for (let u = 0; u < U; u++) {
      const b = r.blockOf[UC[u]];
      if (b >= 0) for (let h = 0; h < H; h++) r.blocks[b].energyMWh += xEnergy![u * H + h];
    }
    finishRotation(p, state, r);
  }

  /** The figures of hour h into base (gap and energy coming back), snap, cov and need. */
  function loadHour(h: number) {
    for (let k = 0; k < K; k++) base[k] = gapOf(k, h) + paybackIn[h * K + k];
    cov.fill(0); snap.fill(0);
    for (const c of activeAt[h]) {
      const v = rel[c * H + h];
      if (v > 0) for (const k of custChain[c]) cov[k] += v;
      if (sigma > 0 && h > 0 && !onAt(c, h)) {
        const before = feederOpenFor(c, h - 1) ? BASE[c * H + h - 1] : relNS[c * H + h - 1];
        if (before > 0) for (const k of custChain[c]) snap[k] += sigma * before;
      }
    }
    for (let f = 0; f < F; f++) if (feederOpen[f * H + h]) { const mw = feederMWOf(f, h); for (const k of feederChain[f]) cov[k] += mw; }
    for (let k = 0; k < K; k++) need[k] = ceilKW(base[k] + snap[k]);
  }

  /** An opened feeder's MW: its customers' load beyond their measures, whole kW. */
  function feederMWOf(f: number, h: number): number {
    let left = 0;
    for (const c of p.feeders.customers[f]) left += BASE[c * H + h] - rel[c * H + h];
    return floorKW(left);
  }

  /** Hour h's figures as the plan reports them (loadHour first). */
  function record(h: number) {
    for (let f = 0; f < F; f++) feederMW[f * H + h] = feederOpen[f * H + h] ? feederMWOf(f, h) : 0;
    for (let k = 0; k < K; k++) {
      snapBack[k][h] = snap[k];
      // Reported as the planner reports it: covered up to the requirement (more is over-coverage).
      required[k][h] = Math.max(0, need[k]);
      residual[k][h] = Math.max(0, need[k] - cov[k]);
      if (residual[k][h] < KW / 2) residual[k][h] = 0;
      covered[k][h] = required[k][h] - residual[k][h];
      if (k === 0 && h >= t) overCovered += Math.max(0, cov[k] - required[k][h] - rotationAt[h]);
    }
    if (h >= t && residual.some((r) => r[h] > 0)) {
      const blocked = blockedByLead(h);
      for (let k = 0; k < K; k++) if (residual[k][h] > 0) leadTime[k][h] = Math.min(residual[k][h], floorKW(blocked[k]));
    }
  }

  /** The part of an order decided by rule (the energy rotation's, a hold): not moved by the ladder's repair. */
  function fixedOf(u: number, h: number): number {
    return (xHold ? xHold[u * H + h] : 0) + (xEnergy ? xEnergy[u * H + h] : 0);
  }

  /**
   * In hour h, move MW from orders on later rungs to units on earlier rungs that have room (the
   * ladder), within every constraint's slack; an order is cut to 0 only where that neither flaps
   * nor leaves its snap-back uncovered (else 1 kW stays). Whether anything moved.
   */
  function repairLadder(h: number, freed: Set<number>): boolean {
    const on: number[] = [], spare: number[] = [];
    for (const c of freed) {
      const ending = h > 0 && onAt(c, h - 1) && !onAt(c, h);
      if (ending || !available(c, h)) continue;
      for (let ui = US[c], ue = US[c + 1]; ui < ue; ui++) { const u = UL[ui]; if (UM[u] !== SHIFT && limitOf(u, h) - x[u * H + h] >= KW - EPS) spare.push(u); }
    }
    if (!spare.length) return false;
    spare.sort((a, b) => band[a] - band[b] || size[UC[b]] - size[UC[a]] || a - b);
    for (const c of activeAt[h]) for (let ui = US[c], ue = US[c + 1]; ui < ue; ui++) { const u = UL[ui]; if (UM[u] !== SHIFT && band[u] > band[spare[0]] && x[u * H + h] - fixedOf(u, h) > EPS) on.push(u); }
    if (!on.length) return false;
    on.sort((a, b) => band[a] - band[b] || size[UC[b]] - size[UC[a]] || a - b);
    let moved = false;
    for (let i = on.length - 1; i >= 0; i--) {
      const u = on[i], cu = UC[u];
      for (const w of spare) {
        if (band[w] >= band[u]) break;
        const give = x[u * H + h] - fixedOf(u, h);
        if (give <= EPS) break;
        const cw = UC[w];
        if (!available(cw, h)) continue;
        const budget = floorKW(BASE[cw * H + h] - floors[cw]) - rel[cw * H + h] + (cw === cu ? give : 0);
        const room = floorKW(Math.min(limitOf(w, h) - x[w * H + h], budget));
        if (room < KW - EPS) continue;
        let bound = Infinity;
        for (const k of custChain[cu]) if (!custChain[cw].includes(k)) bound = Math.min(bound, cov[k] - need[k]);
        let d = floorKW(Math.min(give, room, bound));
        if (d < KW - EPS) continue;
        const whole = d >= x[u * H + h] - EPS && rel[cu * H + h] - x[u * H + h] <= EPS && cw !== cu;
        let snapUp = 0;
        if (whole) {
          let before = false, after = false;
          for (let j = h - 1; j >= 0 && wasOn(cu, j) && wasOn(cu, h); j--) if (onAt(cu, j)) { before = true; break; }
          for (let j = h + 1; j < H && wasOn(cu, j) && wasOn(cu, h); j++) if (onAt(cu, j)) { after = true; break; }
          snapUp = h > 0 ? sigma * (feederOpenFor(cu, h - 1) ? BASE[cu * H + h - 1] : relNS[cu * H + h - 1]) : 0;
          let fits = true;
          for (const k of custChain[cu]) if (cov[k] - (custChain[cw].includes(k) ? 0 : d) - need[k] < snapUp - EPS) fits = false;
          if ((before && after) || !fits) { d = floorKW(x[u * H + h] - KW); snapUp = 0; }
        }
        if (d < KW - EPS) continue;
        const wOff = rel[cw * H + h] <= EPS;
        setX(u, h, Math.max(0, Math.round((x[u * H + h] - d) * 1e6) / 1e6));
        recount(cu, h);
        x[w * H + h] += d;
        recount(cw, h);
        for (const k of custChain[cu]) cov[k] -= d;
        for (const k of custChain[cw]) cov[k] += d;
        if (wOff) used[cw * days + p.dayIndex[h]]++;
        activate(cw, h);
        if (rel[cu * H + h] <= EPS) {
          used[cu * days + p.dayIndex[h]]--;
          for (const k of custChain[cu]) { snap[k] += snapUp; need[k] = ceilKW(base[k] + snap[k]); }
        }
        moved = true;
      }
    }
    return moved;
  }

  /** Customer c may be given a (larger) order in hour h: not under an open feeder, within its daily hours and assignment, not stopped that day. */
  function available(c: number, h: number): boolean {
    if (feederOpenFor(c, h) || stopped(c, h)) return false;
    if (rel[c * H + h] > EPS) return true;
    return used[c * days + p.dayIndex[h]] < p.customers.maxHoursPerDay[c] && assigned(c, h);
  }

  /** What unit u can still be given in hour h. */
  function roomOf(u: number, h: number): number {
    const c = UC[u];
    const own = limitOf(u, h) - x[u * H + h];
    const budget = floorKW(BASE[c * H + h] - floors[c]) - rel[c * H + h];
    return floorKW(Math.min(own, budget));
  }

  function take(u: number, h: number, amount: number) {
    const c = UC[u], i = c * H + h;
    const wasOff = rel[i] <= EPS;
    activate(c, h);
    x[u * H + h] += amount;
    recount(c, h);
    for (const k of custChain[c]) cov[k] += amount;
    if (wasOff) {
      used[c * days + p.dayIndex[h]]++;
      // Its snap-back in this hour goes: it stays on.
      if (sigma > 0 && h > 0) {
        const before = feederOpenFor(c, h - 1) ? BASE[(c * H) + h - 1] : relNS[c * H + h - 1];
        if (before > 0) for (const k of custChain[c]) { snap[k] -= sigma * before; need[k] = ceilKW(base[k] + snap[k]); }
      }
    }
  }

  /** Cover each short constraint, deepest first, in the ladder's order and the revision's preference inside a band. */
  function coverShort(h: number) {
    let short = false;
    for (let k = 0; k < K; k++) if (need[k] - cov[k] > EPS) short = true;
    if (!short) return;
    // The units that can give anything in this hour, in the ladder's order: of customers whose
    // notice fits, and of customers ordered (notified) in this hour or the one before.
    const at: number[] = [];
    coverStamp++;
    const consider = (u: number) => {
      if (seenAt[u] === coverStamp || UM[u] === SHIFT) return;
      seenAt[u] = coverStamp;
      if (limitOf(u, h) - x[u * H + h] >= KW - EPS && available(UC[u], h)) at.push(position[u]);
    };
    for (let i = 0; i < fitting.length; i++) {
      const u = fitting[i], c = UC[u];
      if (h < firstFit[c]) continue;
      seenAt[u] = coverStamp;
      if (cap[u * H + h] - x[u * H + h] >= KW - EPS && available(c, h)) at.push(position[u]);
    }
    for (const c of activeAt[h]) for (let ui = US[c], ue = US[c + 1]; ui < ue; ui++) { const u = UL[ui]; consider(u); }
    const live = Int32Array.from(at).sort();
    for (let i = 0; i < live.length; i++) live[i] = order[live[i]];
    for (const k of depthOrder) {
      if (need[k] - cov[k] <= EPS) continue;
      let s = 0;
      while (s < live.length && need[k] - cov[k] > EPS) {
        let e = s;
        while (e < live.length && band[live[e]] === band[live[s]]) e++;
        // Inside the band: 0, already ordered this hour; 1, notified or already in the revision that day; 2, new.
        for (let pass = 0; pass < 3 && need[k] - cov[k] > EPS; pass++) {
          for (let i = s; i < e && need[k] - cov[k] > EPS; i++) {
            const u = live[i], c = UC[u];
            if (k !== 0 && !custChain[c].includes(k)) continue;
            const cls = rel[c * H + h] > EPS ? 0 : notified(c, h) || inRevisionDay[c * days + p.dayIndex[h]] ? 1 : 2;
            if (cls !== pass || !available(c, h)) continue;
            // Every constraint it sits in may need it; the deepest short one sets the amount.
            const amount = Math.min(roomOf(u, h), floorKW(need[k] - cov[k] + 1e-9));
            if (amount < KW - EPS) continue;
            take(u, h, amount);
          }
        }
        s = e;
      }
    }
  }

  /**
   * Where a constraint is still short: open whole feeders inside it, in the emergency order's
   * ranking, whose every customer may be curtailed from T in this hour (notice fits, no security
   * floor, within its daily hours, not just ended, not stopped); its customers' measures go with it.
   */
  function openFeeders(h: number) {
    for (const k of depthOrder) {
      for (const f of ranking) {
        if (need[k] - cov[k] <= EPS) break;
        if (feederOpen[f * H + h] || !feederChain[f].includes(k)) continue;
        const list = p.feeders.customers[f];
        if (!list.length) continue;
        let load = 0, released = 0, ok = true;
        for (const c of list) {
          const ended = h > 0 && onAt(c, h - 1) && !onAt(c, h);
          if (p.customers.floorMW[c] > 0 || !leadFits(c, h) || ended || !available(c, h)) { ok = false; break; }
          load += BASE[c * H + h]; released += rel[c * H + h];
        }
        const gain = floorKW(load) - released;
        if (!ok || gain <= KW - EPS) continue;
        for (const c of list) {
          if (rel[c * H + h] <= EPS) used[c * days + p.dayIndex[h]]++;
          for (let ui = US[c], ue = US[c + 1]; ui < ue; ui++) { const u = UL[ui]; if (x[u * H + h] > 0) setX(u, h, 0); }
          recount(c, h);
        }
        feederOpen[f * H + h] = 1;
        for (const c of list) activate(c, h);
        for (const q of feederChain[f]) cov[q] += gain;
      }
    }
  }

  /** Slack of every constraint containing an area (the least of them), MW. */
  function slackOf(chain: Int32Array): number {
    let s = Infinity;
    for (const k of chain) s = Math.min(s, cov[k] - need[k]);
    return s;
  }

  /** Give back what the hour does not need: feeders first, then the latest band first. */
  function giveBack(h: number) {
    let any = false;
    for (let k = 0; k < K; k++) if (cov[k] - need[k] >= KW - EPS) any = true;
    if (!any) return;
    for (let f = 0; f < F; f++) {
      if (!feederOpen[f * H + h]) continue;
      let mw = 0, snapIfClosed = 0;
      for (const c of p.feeders.customers[f]) { mw += BASE[c * H + h] - rel[c * H + h]; if (h > 0 && feederOpenFor(c, h - 1)) snapIfClosed += sigma * BASE[c * H + h - 1]; }
      mw = floorKW(mw);
      if (slackOf(feederChain[f]) + EPS >= mw + snapIfClosed) {
        feederOpen[f * H + h] = 0;
        for (const k of feederChain[f]) { cov[k] -= mw; snap[k] += snapIfClosed; need[k] = ceilKW(base[k] + snap[k]); }
      }
    }
    // Never give back below a band a kept shift sits in (the shift cannot be reduced alone).
    let floorBand = -1;
    for (const u of shiftUnits) if (x[u * H + h] > EPS) floorBand = Math.max(floorBand, band[u]);
    const candidates: number[] = [];
    for (const c of activeAt[h]) for (let ui = US[c], ue = US[c + 1]; ui < ue; ui++) { const u = UL[ui]; if (UM[u] !== SHIFT && x[u * H + h] - keptByRotation(u, h) > EPS && band[u] >= floorBand && band[u] < fBand + 1) candidates.push(u); }
    candidates.sort((a, b) => band[b] - band[a]
      || Number(notified(UC[a], h)) - Number(notified(UC[b], h))
      || x[b * H + h] - x[a * H + h] || b - a);
    // Band by band: a lower band gives back only once every order of the bands above it is at 0
    // (else the ladder would break: a later rung on while an earlier one has room); what is left
    // is over-coverage.
    for (let i = 0; i < candidates.length;) {
      let e = i;
      while (e < candidates.length && band[candidates[e]] === band[candidates[i]]) e++;
      for (let j = i; j < e; j++) giveBackUnit(candidates[j], h);
      let left = false;
      for (let j = i; j < e && !left; j++) left = x[candidates[j] * H + h] - keptByRotation(candidates[j], h) > EPS;
      if (left) break;
      i = e;
    }
  }

  /** What unit u gives back in hour h: all of it where the rules allow a whole cut, else part. */
  function giveBackUnit(u: number, h: number) {
    const c = UC[u], chain = custChain[c];
    const slack = slackOf(chain);
    if (slack < KW - EPS) return;
    const kept = keptByRotation(u, h);
    if (kept > EPS) {
      // A rotation's part stays: only what the hour added on top of it may go.
      const part = floorKW(Math.min(slack, x[u * H + h] - kept));
      if (part >= KW - EPS) cut(u, h, part);
      return;
    }
    const v = x[u * H + h];
    const others = rel[c * H + h] - v;
    // A whole cut inside a run of hours the plan in force ordered stops the customer for the
    // rest of the day (no flapping): made only where the run ends here or the gap does not
    // rise again next hour; for a dip the order is reduced instead.
    const next = h + 1 < H && p.dayIndex[h + 1] === p.dayIndex[h] ? h + 1 : -1;
    const runGoesOn = next >= 0 && wasOn(c, next);
    const rises = runGoesOn && chain.some((k) => gapOf(k, next) > gapOf(k, h) + KW);
    if (slack + EPS >= v && others <= EPS && !rises) {
      // Cut to 0: the customer's snap-back comes into this hour, which must have room for it too.
      const before = h > 0 ? (feederOpenFor(c, h - 1) ? BASE[c * H + h - 1] : relNS[c * H + h - 1]) : 0;
      if (slack + EPS >= v + sigma * before) {
        cut(u, h, v);
        for (const k of chain) { snap[k] += sigma * before; need[k] = ceilKW(base[k] + snap[k]); }
        used[c * days + p.dayIndex[h]]--;
        return;
      }
    }
    // Partly: leave at least 1 kW where the whole order cannot go.
    const part = floorKW(Math.min(slack, v - KW));
    if (part >= KW - EPS) cut(u, h, part);
  }

  function cut(u: number, h: number, amount: number) {
    const c = UC[u];
    setX(u, h, Math.max(0, Math.round((x[u * H + h] - amount) * 1e6) / 1e6));
    recount(c, h);
    for (const k of custChain[c]) cov[k] -= amount;
  }

  /** MW that units inside each constraint could have given in hour h had their lead time fitted (the residual's cause). */
  function blockedByLead(h: number): Float64Array {
    const mw = new Float64Array(K), d = DAY[h];
    for (let i = 0; i < leadOrder.length; i++) {
      const u = leadOrder[i], c = UC[u];
      if (h >= firstFit[c]) continue;
      const at = u * H + h, whole = cap[at];
      if (whole <= 0 || (onFeeder[c] >= 0 && feederOpen[onFeeder[c] * H + h] === 1)) continue;
      // Within the lead time a notified customer may keep what it was notified of: the rest is blocked.
      const v = NOTIFIED[c * days + d] === 1 ? whole - Math.min(whole, X0[at]) : whole;
      if (v > 0) { const chain = custChain[c]; for (let j = 0; j < chain.length; j++) mw[chain[j]] += v; }
    }
    return mw;
  }

  function depth(a: number): number {
    let d = 0;
    for (let q = a; q >= 0; q = p.areaParent[q]) d++;
    return d;
  }

  const { changes, counts } = changesAgainst(p, inForce, { x, feederOpen }, t, options);
  const overCoveredMWh = overCovered;
  let residualMWh = 0, peakResidualMW = 0;
  for (let h = t; h < H; h++) {
    for (let k = 0; k < K; k++) { residualMWh += residual[k][h]; peakResidualMW = Math.max(peakResidualMW, residual[k][h]); }
  }
  const nonZero = (a: Float64Array | null) => (a && a.some((v) => v > 0) ? a : null);
  return {
    fromHour: t, x, payback, feederOpen, feederMW, xHold: nonZero(xHold), xEnergy: nonZero(xEnergy),
    snapBackMW: snapBack, requiredMW: required, coveredMW: covered, residualMW: residual, leadTimeMW: leadTime, rotation,
    changes, counts, overCoveredMWh: round(overCoveredMWh), residualMWh: round(residualMWh), peakResidualMW: round(peakResidualMW),
    replanMs: Date.now() - started,
  };
}

const round = (v: number) => Math.round(v * 1000) / 1000;
