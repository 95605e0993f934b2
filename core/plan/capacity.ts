/**
 * What a unit (one customer's one measure) can release in an hour, before the rules that depend on
 * the rest of the plan (notice, daily hours, room for shifted energy to come back).
 *
 * Two rules shape every figure here:
 *  - one budget per customer: all its measures together release at most baseline − max(cap,
 *    security floor), the cap being its 限电 cap where it has one (a customer held to its cap may
 *    not be taken below it by stacking demand response or 避峰 on top);
 *  - whole kW: the planner orders in whole kW (requirements rounded up to the kW, room rounded
 *    down), so no order is smaller than 1 kW and no remainder of a few watts is handed to a customer
 *    nobody would call for it.
 */
import { AVOID_PEAK, DEMAND_RESPONSE, LIMIT, SHIFT, type PlanProblem } from './problem.ts';

/** The smallest order, MW (1 kW). */
export const KW = 0.001;

/** Round up to the kW (a few milliwatts of floating-point noise do not round up). */
export function ceilKW(mw: number): number {
  return mw <= 0 ? 0 : Math.ceil(mw * 1000 - 1e-6) / 1000;
}

/** Round down to the kW. */
export function floorKW(mw: number): number {
  return mw <= 0 ? 0 : Math.floor(mw * 1000 + 1e-6) / 1000;
}

/** Per customer, the load its measures may not go below: max(security floor, its 限电 cap). */
export function budgetFloors(p: PlanProblem): Float64Array {
  const out = Float64Array.from(p.customers.floorMW);
  for (let u = 0; u < p.units.customer.length; u++) {
    if (p.units.measure[u] === LIMIT) { const c = p.units.customer[u]; out[c] = Math.max(out[c], p.units.paramMW[u]); }
  }
  return out;
}

/** The customer's budget in hour h: all its measures together release at most this, MW (whole kW). */
export function headroomMW(p: PlanProblem, c: number, h: number, floors: Float64Array = budgetFloors(p)): number {
  return floorKW(p.customers.baseline[c * p.hours + h] - floors[c]);
}

export function unitCapacityMW(p: PlanProblem, u: number, h: number, floors: Float64Array = budgetFloors(p)): number {
  const c = p.units.customer[u];
  const room = headroomMW(p, c, h, floors);
  const bit = 1 << p.localHour[h];
  switch (p.units.measure[u]) {
    case DEMAND_RESPONSE:
      return Math.min(floorKW(p.units.paramMW[u]), room);
    case SHIFT:
      // Load cannot be shifted out of an hour it would come back into.
      return p.units.windowMask[u] & bit ? 0 : Math.min(floorKW(p.units.paramMW[u]), room);
    case AVOID_PEAK:
      return p.units.windowMask[u] & bit ? Math.min(floorKW(p.units.paramMW[u]), room) : 0;
    case LIMIT:
      return room;
    default:
      return 0;
  }
}

/** unitCapacityMW for every unit and hour, unit-major (the same rules, in loops a compiler keeps tight). */
export function capacityTable(p: PlanProblem, floors: Float64Array = budgetFloors(p)): Float64Array {
  const U = p.units.customer.length, H = p.hours;
  const out = new Float64Array(U * H);
  const base = p.customers.baseline, UC = p.units.customer, UM = p.units.measure;
  const param = p.units.paramMW, mask = p.units.windowMask, local = p.localHour;
  for (let u = 0; u < U; u++) {
    const c = UC[u], m = UM[u], mw = floorKW(param[u]), w = mask[u], f = floors[c], row = c * H, at = u * H;
    for (let h = 0; h < H; h++) {
      const b = base[row + h] - f;
      // floorKW inlined: the budget in whole kW.
      const room = b > 0 ? Math.floor(b * 1000 + 1e-6) / 1000 : 0;
      const inside = (w >>> local[h]) & 1;
      let v = 0;
      if (m === DEMAND_RESPONSE) v = mw < room ? mw : room;
      else if (m === SHIFT) v = inside ? 0 : mw < room ? mw : room;
      else if (m === AVOID_PEAK) v = inside ? (mw < room ? mw : room) : 0;
      else if (m === LIMIT) v = room;
      out[at + h] = v;
    }
  }
  return out;
}

/** First hour each customer can be ordered for, given its notice and the issue time. */
export function orderableFrom(p: PlanProblem): Int32Array {
  const C = p.customers.id.length;
  const out = new Int32Array(C);
  for (let c = 0; c < C; c++) {
    // Hour h is orderable when its start lies at least `notice` hours after the issue time.
    const first = Math.ceil((p.issuedAtMs + p.customers.noticeHours[c] * 3_600_000 - p.startMs) / 3_600_000 - 1e-9);
    out[c] = Math.max(0, first);
  }
  return out;
}
