/**
 * What a unit (one customer's one measure) can release in an hour, before the rules that depend on
 * the rest of the plan (notice, daily hours, room for shifted energy to come back).
 */
import { AVOID_PEAK, DEMAND_RESPONSE, LIMIT, SHIFT, type PlanProblem } from './problem.ts';

/** Baseline above the security floor: all a customer can ever release in hour h. */
export function headroomMW(p: PlanProblem, c: number, h: number): number {
  return Math.max(0, p.customers.baseline[c * p.hours + h] - p.customers.floorMW[c]);
}

export function unitCapacityMW(p: PlanProblem, u: number, h: number): number {
  const c = p.units.customer[u];
  const room = headroomMW(p, c, h);
  const bit = 1 << p.localHour[h];
  switch (p.units.measure[u]) {
    case DEMAND_RESPONSE:
      return Math.min(p.units.paramMW[u], room);
    case SHIFT:
      // Load cannot be shifted out of an hour it would come back into.
      return p.units.windowMask[u] & bit ? 0 : Math.min(p.units.paramMW[u], room);
    case AVOID_PEAK:
      return p.units.windowMask[u] & bit ? Math.min(p.units.paramMW[u], room) : 0;
    case LIMIT: {
      const base = p.customers.baseline[c * p.hours + h];
      return Math.max(0, base - Math.max(p.units.paramMW[u], p.customers.floorMW[c]));
    }
    default:
      return 0;
  }
}

/** unitCapacityMW for every unit and hour, unit-major (the same rules, in loops a compiler keeps tight). */
export function capacityTable(p: PlanProblem): Float64Array {
  const U = p.units.customer.length, H = p.hours;
  const out = new Float64Array(U * H);
  const base = p.customers.baseline, floor = p.customers.floorMW, UC = p.units.customer, UM = p.units.measure;
  const param = p.units.paramMW, mask = p.units.windowMask, local = p.localHour;
  for (let u = 0; u < U; u++) {
    const c = UC[u], m = UM[u], mw = param[u], w = mask[u], f = floor[c], row = c * H, at = u * H;
    for (let h = 0; h < H; h++) {
      const b = base[row + h];
      const room = b - f > 0 ? b - f : 0;
      const inside = (w >>> local[h]) & 1;
      let v = 0;
      if (m === DEMAND_RESPONSE) v = mw < room ? mw : room;
      else if (m === SHIFT) v = inside ? 0 : mw < room ? mw : room;
      else if (m === AVOID_PEAK) v = inside ? (mw < room ? mw : room) : 0;
      else if (m === LIMIT) v = Math.max(0, b - Math.max(mw, f));
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
