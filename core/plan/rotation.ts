/**
 * Energy-limited shortages (a dry reservoir, a coal pile): what must be saved is MWh per day, not
 * MW at the peak, and it lasts for days. Customers are grouped into blocks by feeder (定线路), the
 * blocks balanced by the energy they can release; each day the blocks take turns from the one after
 * the last block hit the day before (PG&E's rule: the position carries across days, so the burden
 * goes round), each curtailed customer in its peak hours within its daily limit, until the day's
 * energy is saved. When the need approaches the whole pool, every block is hit every day and the
 * rotation collapses into sustained curtailment; that is reported, not hidden.
 */
import { parseDate } from '../time/timestamp.ts';
import { ceilKW, floorKW } from './capacity.ts';
import { SHIFT, type PlanProblem } from './problem.ts';

export interface RotationState {
  x: Float64Array;
  xEnergy: Float64Array;
  feederOpen: Uint8Array;
  feederMW: Float64Array;
  hoursUsed: Uint8Array;
  days: number;
  cap: Float64Array;
  /** Per customer, the load its measures may not go below (max of floor and 限电 cap). */
  floors: Float64Array;
  orderable: Int32Array;
  /** Hours each customer may be curtailed in per day (bit per local hour), or null for all. */
  allowed?: Uint32Array | null;
  order: Int32Array;
  snapBackMW: Float64Array[];
  /** Energy to save beyond the gap per day, MWh: what snap-back took back from an earlier plan. */
  extraMWh?: Float64Array | null;
}

export interface RotationDay {
  date: string;
  gapMWh: number;
  /** Net energy the plan saves that day (measures and feeders, less snap-back). */
  savedMWh: number;
  rotationMWh: number;
  residualMWh: number;
  /** Blocks on duty that day (1-based). */
  blocks: number[];
}

export interface RotationBlock {
  id: number;
  customers: number;
  feeders: number;
  /** Energy the block can release in a day, MWh (an average over the horizon). */
  dailyCapacityMWh: number;
  daysOnDuty: number;
  energyMWh: number;
}

export interface RotationResult {
  blocks: RotationBlock[];
  days: RotationDay[];
  /** Largest share of the whole pool any day needs: near 1, rotation has collapsed. */
  peakPoolShare: number;
  collapsed: boolean;
  /** Block of each customer (−1: not in the rotation). */
  blockOf: Int32Array;
  /** Block to start from next (after the last one hit). */
  next: number;
}

export const DEFAULT_BLOCKS = 7;

/** Units that save energy: everything but shifts (shifted energy comes back). */
function energyUnits(p: PlanProblem, order: Int32Array): Int32Array[] {
  const byCustomer: number[][] = p.customers.id.map(() => []);
  for (const u of order) if (p.units.measure[u] !== SHIFT) byCustomer[p.units.customer[u]].push(u);
  return byCustomer.map((l) => Int32Array.from(l));
}

/**
 * What the rotation derives from a strategy's order of units and the tables alone, made once per
 * order (the solver keeps one order per strategy and tables: a week's plan runs the rotation two
 * to four times per solve, and the plans of a what-if's slider on the same tables again): each
 * customer's energy units and all its units, its rank in the order, and the daily energy it can
 * release (startRotation's blocks are balanced on it). The entry is used only while the tables it
 * was made from are the ones passed in; anything else makes it again.
 */
interface OrderDerived {
  cap: Float64Array; floors: Float64Array; customers: PlanProblem['customers']; units: PlanProblem['units']; days: number;
  energyUnits: Int32Array[]; allUnits: Int32Array[]; rank: Int32Array;
  /** Daily energy per customer (startRotation), made at the first rotation. */
  energy: Float64Array | null;
}
const byOrder = new WeakMap<Int32Array, OrderDerived>();
function derivedOf(p: PlanProblem, s: RotationState): OrderDerived {
  const kept = byOrder.get(s.order);
  if (kept && kept.cap === s.cap && kept.floors === s.floors && kept.customers === p.customers && kept.units === p.units && kept.days === s.days) return kept;
  const C = p.customers.id.length;
  const all: number[][] = p.customers.id.map(() => []);
  for (let u = 0; u < p.units.customer.length; u++) all[p.units.customer[u]].push(u);
  const rank = new Int32Array(C).fill(-1);
  s.order.forEach((u, i) => { const c = p.units.customer[u]; if (rank[c] < 0) rank[c] = i; });
  const made: OrderDerived = {
    cap: s.cap, floors: s.floors, customers: p.customers, units: p.units, days: s.days,
    energyUnits: energyUnits(p, s.order), allUnits: all.map((l) => Int32Array.from(l)), rank, energy: null,
  };
  byOrder.set(s.order, made);
  return made;
}

/** Each block's customers in the strategy's order of their first unit: fixed once the blocks are. */
const membersOf = new WeakMap<RotationResult, number[][]>();
function blockMembers(p: PlanProblem, r: RotationResult, rank: Int32Array): number[][] {
  const kept = membersOf.get(r);
  if (kept) return kept;
  const members: number[][] = r.blocks.map(() => []);
  for (let c = 0; c < p.customers.id.length; c++) if (r.blockOf[c] >= 0) members[r.blockOf[c]].push(c);
  for (const m of members) m.sort((a, b) => rank[a] - rank[b]);
  membersOf.set(r, members);
  return members;
}

/** Daily energy each customer can release (capped by its daily hours), averaged over the days. */
function dailyEnergy(p: PlanProblem, s: RotationState, units: Int32Array[]): Float64Array {
  const H = p.hours, C = p.customers.id.length;
  const energy = new Float64Array(C);
  const CAP = s.cap, BASE = p.customers.baseline, FLOORS = s.floors, MAX_HOURS = p.customers.maxHoursPerDay;
  // One typed buffer sorted numerically (no comparator: a province week sorted 6,000 × 168 values
  // through a callback), summed from the largest down as before.
  const perHour = new Float64Array(H);
  for (let c = 0; c < C; c++) {
    const mine = units[c], floor = FLOORS[c], row = c * H;
    for (let h = 0; h < H; h++) {
      let v = 0;
      for (let i = 0; i < mine.length; i++) v += CAP[mine[i] * H + h];
      perHour[h] = Math.min(v, floorKW(BASE[row + h] - floor));
    }
    perHour.sort();
    const keep = Math.min(H, Math.round((Number.isFinite(MAX_HOURS[c]) ? MAX_HOURS[c] : 24) * Math.max(1, s.days)));
    for (let i = 0; i < keep; i++) energy[c] += perHour[H - 1 - i];
    energy[c] /= Math.max(1, s.days);
  }
  return energy;
}

export function startRotation(p: PlanProblem, s: RotationState, blockCount = DEFAULT_BLOCKS): RotationResult {
  const C = p.customers.id.length;
  const derived = derivedOf(p, s);
  const energy = (derived.energy ??= dailyEnergy(p, s, derived.energyUnits));
  // Group by feeder, largest groups first into the lightest block.
  const groups = new Map<number, number[]>();
  for (let c = 0; c < C; c++) if (energy[c] > 0) {
    const f = p.customers.feeder[c];
    if (!groups.has(f)) groups.set(f, []);
    groups.get(f)!.push(c);
  }
  const groupEnergy = (g: number[]) => g.reduce((t, c) => t + energy[c], 0);
  const sorted = [...groups.entries()].sort((a, b) => groupEnergy(b[1]) - groupEnergy(a[1]) || a[0] - b[0]);
  const n = Math.max(1, Math.min(blockCount, sorted.length));
  const blocks: RotationBlock[] = Array.from({ length: n }, (_, i) => ({ id: i + 1, customers: 0, feeders: 0, dailyCapacityMWh: 0, daysOnDuty: 0, energyMWh: 0 }));
  const blockOf = new Int32Array(C).fill(-1);
  for (const [, g] of sorted) {
    let b = 0;
    for (let i = 1; i < n; i++) if (blocks[i].dailyCapacityMWh < blocks[b].dailyCapacityMWh) b = i;
    blocks[b].feeders++;
    for (const c of g) { blockOf[c] = b; blocks[b].customers++; blocks[b].dailyCapacityMWh += energy[c]; }
  }
  return { blocks, days: [], peakPoolShare: 0, collapsed: false, blockOf, next: 0 };
}

/** Net energy the plan saves per day (measures, shifts net of payback, feeders, less snap-back). */
export function savedPerDay(p: PlanProblem, s: Pick<RotationState, 'x' | 'feederMW' | 'snapBackMW' | 'days'>): Float64Array {
  const H = p.hours, out = new Float64Array(s.days);
  const X = s.x, DAY = p.dayIndex, FMW = s.feederMW;
  for (let u = 0; u < p.units.customer.length; u++) {
    const keep = keptShare(p, u), row = u * H;
    for (let h = 0; h < H; h++) out[DAY[h]] += keep * X[row + h];
  }
  for (let f = 0; f < p.feeders.id.length; f++) { const row = f * H; for (let h = 0; h < H; h++) out[DAY[h]] += FMW[row + h]; }
  const snap = s.snapBackMW[0];
  for (let h = 0; h < H; h++) out[DAY[h]] -= snap[h];
  return out;
}

/** The share of unit u's order that saves energy: a shift's comes back, less what its payback keeps away. */
function keptShare(p: PlanProblem, u: number): number {
  return p.units.measure[u] === SHIFT ? 1 - p.units.payback[u] : 1;
}

/** savedPerDay over the hours given alone (one day's, say), MWh: counted the same way. */
export function savedInHours(p: PlanProblem, s: Pick<RotationState, 'x' | 'feederMW' | 'snapBackMW'>, hours: readonly number[]): number {
  const H = p.hours, U = p.units.customer.length, F = p.feeders.id.length;
  let v = 0;
  for (const h of hours) {
    for (let u = 0; u < U; u++) v += keptShare(p, u) * s.x[u * H + h];
    for (let f = 0; f < F; f++) v += s.feederMW[f * H + h];
    v -= s.snapBackMW[0][h];
  }
  return v;
}

/** Local day index of a date from the problem's first day. */
export function dayOf(p: PlanProblem, date: string): number {
  return parseDate(date)! - parseDate(p.firstDate)!;
}

/** One round: for each short day, order blocks in turn until the day is covered. True if anything was ordered (the hours written into marked in `touched`, where given). */
export function rotateEnergy(p: PlanProblem, s: RotationState, r: RotationResult, topUp = false, touched?: Uint8Array): boolean {
  const H = p.hours;
  const derived = derivedOf(p, s);
  const units = derived.energyUnits, allUnits = derived.allUnits;
  const saved = savedPerDay(p, s);
  // Inside a block, customers in the strategy's order of their first unit.
  const members = blockMembers(p, r, derived.rank);
  let any = false;
  // The hot loop below reads typed arrays from locals (property chains in loops keep V8 from optimising).
  const X = s.x, XE = s.xEnergy, CAP = s.cap, ORDERABLE = s.orderable, FEEDER_OPEN = s.feederOpen, ALLOWED = s.allowed ?? null;
  const FEEDER = p.customers.feeder, LOCAL_HOUR = p.localHour, USED = s.hoursUsed, MAX_HOURS = p.customers.maxHoursPerDay;
  const BASE = p.customers.baseline, FLOORS = s.floors, days = s.days;
  for (const e of p.energyDays) {
    const d = dayOf(p, e.date);
    if (d < 0 || d >= s.days) continue;
    let need = e.gapMWh + (topUp ? 0 : s.extraMWh?.[d] ?? 0) - saved[d];
    if (need <= 1e-6) continue;
    const hours: number[] = [];
    for (let h = 0; h < H; h++) if (p.dayIndex[h] === d) hours.push(h);
    // The day's hours with the largest gap first: energy saved there also relieves the peak. A
    // top-up (after the hourly plan) goes to the hours with the most room instead, where it does
    // not duplicate what the hourly plan already covers.
    const gap = p.constraints[0].gapMW;
    hours.sort((a, b) => (topUp ? gap[a] - gap[b] : gap[b] - gap[a]) || a - b);
    if (topUp) {
      // Only hours with no gap left anywhere: in a gap hour the hourly plan is already exact.
      const open = hours.filter((h) => p.constraints.every((k, i) => k.gapMW[h] + s.snapBackMW[i][h] <= 0));
      hours.length = 0;
      hours.push(...open);
    }
    // The day's turn starts after the block hit last; r.next moves on as blocks are used, so the
    // start is read once (reading it inside the loop skipped a block and hit the others daily).
    const first = r.next;
    for (let step = 0; step < r.blocks.length && need > 1e-6; step++) {
      const b = (first + step) % r.blocks.length;
      let used = false;
      for (const c of members[b]) {
        if (need <= 1e-6) break;
        const mine = allUnits[c], energy = units[c], orderableFrom = ORDERABLE[c], feederRow = FEEDER[c] * H;
        const dayAt = c * days + d, maxHours = MAX_HOURS[c], floor = FLOORS[c], baseRow = c * H;
        const allowedBits = ALLOWED ? ALLOWED[dayAt] : 0;
        for (const h of hours) {
          if (need <= 1e-6) break;
          if (h < orderableFrom || FEEDER_OPEN[feederRow + h]) continue;
          if (ALLOWED && !((allowedBits >>> LOCAL_HOUR[h]) & 1)) continue;
          // Everything the customer already releases in the hour, shifts included.
          let now = 0;
          for (let i = 0; i < mine.length; i++) now += X[mine[i] * H + h];
          const wasOn = now > 0;
          if (!wasOn && USED[dayAt] >= maxHours) continue;
          let room = floorKW(BASE[baseRow + h] - floor) - now;
          let took = 0;
          for (let i = 0; i < energy.length; i++) {
            if (room <= 1e-9 || need <= 1e-6) break;
            const at = energy[i] * H + h;
            // In whole kW (the last piece of a day's energy rounded up, never an order under 1 kW).
            const v = floorKW(Math.min(CAP[at] - X[at], room, ceilKW(need)));
            if (v <= 1e-9) continue;
            X[at] += v;
            XE[at] += v;
            room -= v;
            need -= v;
            took += v;
          }
          if (took > 0) {
            if (touched) touched[h] = 1;
            if (!wasOn) USED[dayAt]++;
            r.blocks[b].energyMWh += took;
            used = true;
            any = true;
          }
        }
      }
      if (used) {
        const day = r.days.find((x) => x.date === e.date) ?? (r.days.push({ date: e.date, gapMWh: e.gapMWh, savedMWh: 0, rotationMWh: 0, residualMWh: 0, blocks: [] }), r.days[r.days.length - 1]);
        if (!day.blocks.includes(b + 1)) { day.blocks.push(b + 1); r.blocks[b].daysOnDuty++; }
        r.next = (b + 1) % r.blocks.length;
      }
    }
  }
  return any;
}

/** The day-by-day account once the plan is final. */
export function finishRotation(p: PlanProblem, s: RotationState, r: RotationResult): void {
  const saved = savedPerDay(p, s);
  const H = p.hours;
  const rotationByDay = new Float64Array(s.days);
  const XE = s.xEnergy, DAY = p.dayIndex;
  for (let u = 0; u < p.units.customer.length; u++) { const row = u * H; for (let h = 0; h < H; h++) rotationByDay[DAY[h]] += XE[row + h]; }
  const pool = r.blocks.reduce((t, b) => t + b.dailyCapacityMWh, 0);
  const days: RotationDay[] = [];
  for (const e of p.energyDays) {
    const d = dayOf(p, e.date);
    if (d < 0 || d >= s.days) continue;
    const prev = r.days.find((x) => x.date === e.date);
    days.push({
      date: e.date, gapMWh: e.gapMWh, savedMWh: saved[d], rotationMWh: rotationByDay[d],
      residualMWh: Math.max(0, e.gapMWh - saved[d]), blocks: prev ? prev.blocks.sort((a, b) => a - b) : [],
    });
    // An empty pool (nobody can save energy) counts as the whole of it: the rotation has collapsed,
    // and the share stays a finite number for the plan file.
    r.peakPoolShare = Math.max(r.peakPoolShare, pool > 0 ? e.gapMWh / pool : 1);
  }
  r.days = days;
  r.collapsed = r.peakPoolShare > 0.8 || days.some((d) => d.blocks.length === r.blocks.length && r.blocks.length > 1);
}
