/**
 * The independent verifier (DESIGN §3.2). Written apart from the solver on purpose: it reads the
 * problem's raw facts (classes, baselines, floors, measure terms, notice, daily hours, gaps) and
 * the plan's numbers, recomputes what each unit may release, the snap-back and the shifted energy
 * coming back, and checks every rule. It never asks how the plan was made, and a solver's status
 * plays no part. The capacity formulas are restated here rather than imported for that reason.
 */
import { isProtectedClass } from '../scenario/classes.ts';
import type { PlanProblem } from './problem.ts';

export type Check =
  | 'finite' | 'protected' | 'feeder' | 'bounds' | 'floor' | 'notice' | 'daily-hours' | 'shift' | 'coverage' | 'residual'
  | 'ladder' | 'objective';

export interface Violation {
  check: Check;
  message: string;
}

export interface Verification {
  ok: boolean;
  /** Violations by check (all counted; the first few of each kept with their message). */
  counts: Partial<Record<Check, number>>;
  violations: Violation[];
  checked: Check[];
  /** Hours in which coverage exceeds the requirement by more than tolerance (not a fault). */
  overCoveredHours: number;
  verifyMs: number;
}

export interface PlanToVerify {
  strategy: 'cost' | 'fair' | 'fewest';
  x: Float64Array;
  xEnergy: Float64Array | null;
  payback: Float64Array;
  feederOpen: Uint8Array;
  feederMW: Float64Array;
  requiredMW: Float64Array[];
  coveredMW: Float64Array[];
  residualMW: Float64Array[];
  fairShare: Float64Array | null;
}

const MEASURE_DR = 0, MEASURE_SHIFT = 1, MEASURE_AVOID = 2, MEASURE_LIMIT = 3;

export function verifyPlan(p: PlanProblem, plan: PlanToVerify, tolerance = 1e-6): Verification {
  const started = Date.now();
  const H = p.hours, U = p.units.customer.length, C = p.customers.id.length, F = p.feeders.id.length, K = p.constraints.length;
  const cu = p.customers, un = p.units;
  // Hot loops read typed arrays from locals (property chains in loops keep V8 from optimising).
  const X = plan.x, UC = un.customer, UM = un.measure, BASE = cu.baseline, PAY = plan.payback, FO = plan.feederOpen;
  const counts: Partial<Record<Check, number>> = {};
  const violations: Violation[] = [];
  const flag = (check: Check, message: string) => {
    counts[check] = (counts[check] ?? 0) + 1;
    if (counts[check]! <= 20) violations.push({ check, message });
  };
  const tol = (v: number) => tolerance * Math.max(1, Math.abs(v));
  const hourName = (h: number) => `hour ${h} (day ${p.dayIndex[h]}, ${String(p.localHour[h]).padStart(2, '0')}:00)`;
  const room = (c: number, h: number) => Math.max(0, BASE[c * H + h] - cu.floorMW[c]);

  // What a unit may release, restated from the measure's terms.
  const allowed = (u: number, h: number): number => {
    const c = UC[u];
    const inWindow = (un.windowMask[u] >>> p.localHour[h]) & 1;
    switch (UM[u]) {
      case MEASURE_DR: return Math.min(un.paramMW[u], room(c, h));
      case MEASURE_SHIFT: return inWindow ? 0 : Math.min(un.paramMW[u], room(c, h));
      case MEASURE_AVOID: return inWindow ? Math.min(un.paramMW[u], room(c, h)) : 0;
      case MEASURE_LIMIT: return Math.max(0, BASE[c * H + h] - Math.max(un.paramMW[u], cu.floorMW[c]));
      default: return 0;
    }
  };
  const lead = (h: number) => (p.startMs + h * 3_600_000 - p.issuedAtMs) / 3_600_000;

  // 0. Every number of the plan (and every gap it was made for) is a finite number: a NaN passes
  // every comparison below unnoticed, so it is caught here first, by name and place.
  const unitName = (u: number) => `${cu.id[UC[u]]} (${['demand-response', 'shift', 'avoid-peak', 'limit'][UM[u]] ?? `measure ${UM[u]}`})`;
  const finite = (what: string, a: ArrayLike<number> | null | undefined, place: (i: number) => string) => {
    if (!a) return;
    for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) flag('finite', `${place(i)}: ${what} ${a[i]} is not a finite number`);
  };
  finite('the release (MW)', X, (i) => `${unitName(Math.floor(i / H))} ${hourName(i % H)}`);
  finite('the energy rotation\'s part (MW)', plan.xEnergy, (i) => `${unitName(Math.floor(i / H))} ${hourName(i % H)}`);
  finite('the shifted energy coming back (MW)', PAY, (i) => `${unitName(Math.floor(i / H))} ${hourName(i % H)}`);
  finite('the MW the feeder releases', plan.feederMW, (i) => `feeder ${p.feeders.id[Math.floor(i / H)]} ${hourName(i % H)}`);
  finite('the fair share', plan.fairShare, (i) => hourName(i));
  for (let k = 0; k < K; k++) {
    const name = p.constraints[k].name;
    finite('the gap (MW)', p.constraints[k].gapMW, (h) => `${name} ${hourName(h)}`);
    finite('the requirement (MW)', plan.requiredMW[k], (h) => `${name} ${hourName(h)}`);
    finite('the MW covered', plan.coveredMW[k], (h) => `${name} ${hourName(h)}`);
    finite('the residual (MW)', plan.residualMW[k], (h) => `${name} ${hourName(h)}`);
  }

  // Per customer and hour: MW released by measures, and whether its feeder is open.
  const { released, nonShiftT } = customerTotals(UC, UM, X, C, H);
  const feederOfOpen = new Uint8Array(C * H);
  for (let f = 0; f < F; f++) for (let h = 0; h < H; h++) if (FO[f * H + h]) for (const c of p.feeders.customers[f]) feederOfOpen[c * H + h] = 1;
  const curtailedT = new Uint8Array(C * H);
  for (let i = 0; i < C * H; i++) curtailedT[i] = released[i] > tolerance || feederOfOpen[i] === 1 ? 1 : 0;
  const curtailed = (c: number, h: number) => curtailedT[c * H + h] === 1;


  // 1. Nobody protected, no feeder that may not be opened.
  const touched = new Uint8Array(C);
  for (let c = 0; c < C; c++) for (let h = 0; h < H; h++) if (curtailed(c, h)) touched[c] = 1;
  for (let c = 0; c < C; c++) if (touched[c] && isProtectedClass(cu.cls[c])) flag('protected', `customer ${cu.id[c]} (${cu.cls[c]}) is protected but curtailed`);
  for (let f = 0; f < F; f++) {
    let open = false;
    for (let h = 0; h < H && !open; h++) open = FO[f * H + h] === 1;
    if (!open) continue;
    const fd = p.feeders;
    const why = fd.servesProtected[f] || fd.protectedCustomers[f] > 0 ? 'serves a protected customer'
      : fd.residentialShare[f] > 0 ? 'serves residents'
        : fd.otherCustomers[f] > 0 ? 'carries load the plan does not know'
          : fd.uflsRound[f] > 0 ? 'is armed for under-frequency shedding'
            : fd.customers[f].some((c) => cu.floorMW[c] > 0 || isProtectedClass(cu.cls[c])) ? 'carries a security floor or a protected customer' : null;
    if (why) flag('feeder', `feeder ${fd.id[f]} is opened but ${why}`);
    for (let h = 0; h < H; h++) {
      if (!FO[f * H + h]) continue;
      let left = 0;
      for (const c of fd.customers[f]) left += BASE[c * H + h] - released[c * H + h];
      if (Math.abs(plan.feederMW[f * H + h] - left) > tol(left)) flag('feeder', `feeder ${fd.id[f]} at ${hourName(h)} releases ${plan.feederMW[f * H + h]} MW, its remaining load is ${left}`);
    }
  }

  // 2. Bounds; 3. floors; 4. notice. (With 6: the energy each unit shifts and gets back.)
  const XE = plan.xEnergy;
  const shiftedOut = new Float64Array(U), cameBack = new Float64Array(U);
  for (let u = 0; u < U; u++) {
    const c = UC[u];
    let out = 0, back = 0;
    for (let h = 0; h < H; h++) {
      const v = X[u * H + h];
      out += v;
      back += PAY[u * H + h];
      if (v === 0) continue;
      if (!(v >= -tolerance)) flag('bounds', `${cu.id[c]} ${hourName(h)}: ${v} MW is not a release`);
      if (v > allowed(u, h) + tol(v)) flag('bounds', `${cu.id[c]} ${hourName(h)}: ${v} MW by measure ${UM[u]} exceeds its ${allowed(u, h)} MW`);
      if (XE && (XE[u * H + h] < -tolerance || XE[u * H + h] > v + tol(v))) flag('bounds', `${cu.id[c]} ${hourName(h)}: energy part outside the release`);
    }
    shiftedOut[u] = out;
    cameBack[u] = back;
  }
  for (let c = 0; c < C; c++) {
    const f = cu.floorMW[c], notice = cu.noticeHours[c] - 1e-9, row = c * H;
    for (let h = 0; h < H; h++) {
      const r = released[row + h];
      if (r > 0) {
        const above = Math.max(0, BASE[row + h] - f);
        if (r > above + tolerance * Math.max(1, above)) flag('floor', `${cu.id[c]} ${hourName(h)}: releases ${r} MW, only ${above} MW lie above its floor`);
      }
      if (curtailedT[row + h] && lead(h) < notice) flag('notice', `${cu.id[c]} ${hourName(h)}: ordered ${lead(h)} h ahead, needs ${cu.noticeHours[c]} h`);
    }
  }

  // 5. Daily hours.
  const days = H ? p.dayIndex[H - 1] + 1 : 0;
  const used = new Uint8Array(C * Math.max(1, days));
  for (let c = 0; c < C; c++) for (let h = 0; h < H; h++) if (curtailed(c, h)) used[c * days + p.dayIndex[h]]++;
  for (let c = 0; c < C; c++) for (let d = 0; d < days; d++) if (used[c * days + d] > cu.maxHoursPerDay[c]) flag('daily-hours', `${cu.id[c]} day ${d}: curtailed ${used[c * days + d]} h, allowed ${cu.maxHoursPerDay[c]}`);

  // 6. Shifted energy comes back in full, in the return windows, not beyond the shiftable MW.
  for (let u = 0; u < U; u++) {
    const out = shiftedOut[u], back = cameBack[u];
    if (back === 0 && (UM[u] !== MEASURE_SHIFT || out === 0)) continue;
    for (let h = 0; h < H; h++) {
      const b = PAY[u * H + h];
      if (b > tolerance) {
        if (UM[u] !== MEASURE_SHIFT) flag('shift', `${cu.id[UC[u]]}: energy comes back through a measure that is not a shift`);
        else if (!((un.windowMask[u] >>> p.localHour[h]) & 1)) flag('shift', `${cu.id[UC[u]]} ${hourName(h)}: shifted energy comes back outside its return windows`);
        else if (b > un.paramMW[u] + tol(b)) flag('shift', `${cu.id[UC[u]]} ${hourName(h)}: ${b} MW comes back, more than the ${un.paramMW[u]} MW shiftable`);
      }
    }
    if (UM[u] === MEASURE_SHIFT && Math.abs(back - un.payback[u] * out) > tol(out)) flag('shift', `${cu.id[UC[u]]}: ${out} MWh shifted, ${back} MWh comes back, ${un.payback[u] * out} expected`);
  }

  // 7. Coverage: requirement = gap + snap-back + payback, recomputed; covered + residual = requirement.
  const chainOf = constraintsContaining(p);
  const required = p.constraints.map((k) => Float64Array.from(k.gapMW));
  const sigma = p.snapBackShare;
  for (let u = 0; u < U; u++) {
    if (UM[u] !== MEASURE_SHIFT) continue;
    for (let h = 0; h < H; h++) {
      const b = PAY[u * H + h];
      if (b > 0) for (const k of chainOf[p.customers.area[UC[u]]]) required[k][h] += b;
    }
  }
  if (sigma > 0) {
    for (let c = 0; c < C; c++) {
      const chain = chainOf[cu.area[c]], row = c * H;
      for (let h = 1; h < H; h++) {
        const before = nonShiftT[row + h - 1];
        if (before > 0 && released[row + h] <= 0) for (const k of chain) required[k][h] += sigma * before;
      }
    }
  }
  for (let h = 0; h < H; h++) {
    if (h > 0 && sigma > 0) {
      for (let f = 0; f < F; f++) {
        if (FO[f * H + h - 1] && !FO[f * H + h]) for (const k of chainOf[p.feeders.area[f]]) required[k][h] += sigma * plan.feederMW[f * H + h - 1];
      }
    }
  }
  const covered = p.constraints.map(() => new Float64Array(H));
  for (let c = 0; c < C; c++) for (let h = 0; h < H; h++) { const v = released[c * H + h]; if (v > 0) for (const k of chainOf[cu.area[c]]) covered[k][h] += v; }
  const byFeeders = p.constraints.map(() => new Float64Array(H));
  for (let f = 0; f < F; f++) for (let h = 0; h < H; h++) if (FO[f * H + h]) for (const k of chainOf[p.feeders.area[f]]) { covered[k][h] += plan.feederMW[f * H + h]; byFeeders[k][h] += plan.feederMW[f * H + h]; }
  let overCoveredHours = 0;
  for (let k = 0; k < K; k++) {
    for (let h = 0; h < H; h++) {
      const need = Math.max(0, required[k][h]);
      const got = covered[k][h];
      const residual = Math.max(0, need - got);
      const name = `${p.constraints[k].name} ${hourName(h)}`;
      if (Math.abs(plan.requiredMW[k][h] - need) > tol(need)) flag('coverage', `${name}: reports ${plan.requiredMW[k][h]} MW to cover, the gap with snap-back and returning energy is ${need}`);
      if (Math.abs(plan.residualMW[k][h] - residual) > tol(need)) flag('coverage', `${name}: reports a residual of ${plan.residualMW[k][h]} MW, ${need} − ${got} leaves ${residual}`);
      if (Math.abs(plan.coveredMW[k][h] + plan.residualMW[k][h] - plan.requiredMW[k][h]) > tol(need)) flag('coverage', `${name}: covered + residual ≠ required`);
      if (got > need + tol(need) && need > 0 && k === 0) overCoveredHours++;
    }
  }

  // 8. A residual only where nothing inside the area could still be ordered (shifts aside: their
  // room to come back is shared, so their spare capacity is not claimed).
  // A customer whose curtailment ended at the start of h (its load snapping back) is not ordered
  // again in h: the plan's declared rule, so such a customer is not spare either.
  const endedAt = (c: number, h: number): boolean =>
    h > 0 && !curtailedT[c * H + h] && (feederOfOpen[c * H + h - 1] === 1 || nonShiftT[c * H + h - 1] > 0);
  // Customer-hours that cannot be ordered more: notice, feeder open, just ended, daily hours used.
  const blocked = new Uint8Array(C * H);
  for (let c = 0; c < C; c++) {
    const notice = cu.noticeHours[c] - 1e-9, max = cu.maxHoursPerDay[c], row = c * H;
    for (let h = 0; h < H; h++) {
      const i = row + h;
      blocked[i] = lead(h) < notice || feederOfOpen[i] === 1 || endedAt(c, h) || (!curtailedT[i] && used[c * days + p.dayIndex[h]] >= max) ? 1 : 0;
    }
  }
  const spare = (u: number, h: number, cap: number) => {
    const c = UC[u], i = c * H + h;
    if (blocked[i]) return 0;
    const own = allowed(u, h) - X[u * H + h];
    if (own <= 0) return 0;
    return Math.min(own, Math.min(Math.max(0, BASE[i] - cu.floorMW[c]), cap * BASE[i]) - released[i]);
  };
  const openable = (f: number, h: number) => {
    const fd = p.feeders;
    if (fd.servesProtected[f] || fd.protectedCustomers[f] > 0 || fd.residentialShare[f] > 0 || fd.otherCustomers[f] > 0 || fd.uflsRound[f] > 0) return false;
    if (!fd.customers[f].length || FO[f * H + h]) return false;
    let load = 0;
    for (const c of fd.customers[f]) load += BASE[c * H + h] - released[c * H + h];
    if (load <= tolerance) return false;
    return fd.customers[f].every((c) => cu.floorMW[c] <= 0 && !isProtectedClass(cu.cls[c]) && lead(h) >= cu.noticeHours[c] - 1e-9 && !endedAt(c, h) &&
      (curtailed(c, h) || used[c * days + p.dayIndex[h]] < cu.maxHoursPerDay[c]));
  };
  const band = new Int32Array(U);
  for (let u = 0; u < U; u++) band[u] = p.ladder.indexOf((['demand-response', 'shift', 'avoid-peak', 'limit'] as const)[UM[u]]) * 3 + cu.tier[UC[u]];
  const feederRung = p.ladder.indexOf('feeder-open') * 3 + 2;
  const busy = new Uint8Array(H);
  for (let u = 0; u < U; u++) for (let h = 0; h < H; h++) if (X[u * H + h] > 0) busy[h] = 1;
  for (let f = 0; f < F; f++) for (let h = 0; h < H; h++) if (FO[f * H + h]) busy[h] = 1;
  for (let k = 0; k < K; k++) for (let h = 0; h < H; h++) if (plan.residualMW[k][h] > 0) busy[h] = 1;
  const capOf = (h: number) => (plan.fairShare ? plan.fairShare[h] : 1);
  // The best spare unit (band, then cost) inside each constraint and hour, and the MW spare:
  // units in the outer loop, hours inside, so the tables are read in order.
  const minBand = new Float64Array(K * H).fill(Infinity), minCost = new Float64Array(K * H).fill(Infinity), spareMW = new Float64Array(K * H);
  for (let u = 0; u < U; u++) {
    if (UM[u] === MEASURE_SHIFT) continue;
    const c = UC[u], chain = chainOf[cu.area[c]], b = band[u], cost = un.costPerMWh[u];
    for (let h = 0; h < H; h++) {
      if (!busy[h]) continue;
      const s = spare(u, h, capOf(h));
      if (!(s > tolerance)) continue;
      for (const k of chain) {
        const i = k * H + h;
        spareMW[i] += s;
        if (b < minBand[i] || (b === minBand[i] && cost < minCost[i])) { minBand[i] = b; minCost[i] = cost; }
      }
    }
  }
  const feederSpare = new Uint8Array(K * H);
  for (let f = 0; f < F; f++) for (let h = 0; h < H; h++) if (busy[h] && capOf(h) >= 1 && openable(f, h)) for (const k of chainOf[p.feeders.area[f]]) feederSpare[k * H + h] = 1;
  for (let k = 0; k < K; k++) {
    for (let h = 0; h < H; h++) {
      if (plan.residualMW[k][h] <= tol(plan.requiredMW[k][h])) continue;
      const i = k * H + h;
      if (spareMW[i] > tol(spareMW[i])) flag('residual', `${p.constraints[k].name} ${hourName(h)}: ${plan.residualMW[k][h]} MW left uncovered while ${spareMW[i]} MW could still be ordered inside it`);
      else if (feederSpare[i]) flag('residual', `${p.constraints[k].name} ${hourName(h)}: residual left while a feeder inside it could still be opened`);
    }
  }
  // 9. Ladder (and, for the least-cost strategy, cost): no unit used while a unit earlier in the
  // order has room and could take its place without uncovering any constraint. Slack that could
  // absorb a swap: a feeder opens whole, so its overshoot is not slack the measures before it
  // could have used (with a feeder open inside, the measures must have been exhausted there,
  // checked below), and only the measures' own excess counts.
  const slack = new Float64Array(K * H);
  for (let k = 0; k < K; k++) for (let h = 0; h < H; h++) slack[k * H + h] = covered[k][h] - byFeeders[k][h] - Math.max(0, required[k][h]);
  for (let u = 0; u < U; u++) {
    const c = UC[u], chain = chainOf[cu.area[c]], b = band[u], cost = un.costPerMWh[u];
    for (let h = 0; h < H; h++) {
      const v = X[u * H + h] - (XE ? XE[u * H + h] : 0);
      if (v <= tolerance) continue;
      let j = 0;
      while (j < chain.length && slack[chain[j] * H + h] > tol(required[chain[j]][h])) j++;
      if (j === chain.length) continue; // over-covered everywhere: reducible, not out of order
      const k = chain[j], i = k * H + h;
      if (minBand[i] < b) flag('ladder', `${cu.id[c]} ${hourName(h)}: ${v} MW at rung ${Math.floor(b / 3)} tier ${b % 3} while rung ${Math.floor(minBand[i] / 3)} tier ${minBand[i] % 3} has room in ${p.constraints[k].name}`);
      else if (plan.strategy === 'cost' && minBand[i] === b && minCost[i] < cost - 1e-9) flag('objective', `${cu.id[c]} ${hourName(h)}: ${v} MW at ${cost}/MWh while ${minCost[i]}/MWh has room in ${p.constraints[k].name}`);
    }
  }
  for (let f = 0; f < F; f++) {
    for (let h = 0; h < H; h++) {
      if (!FO[f * H + h]) continue;
      const chain = chainOf[p.feeders.area[f]];
      if (chain.every((k) => minBand[k * H + h] < feederRung)) flag('ladder', `feeder ${p.feeders.id[f]} opened at ${hourName(h)} while every area it serves still has measures with room`);
    }
  }

  const checked: Check[] = ['finite', 'protected', 'feeder', 'bounds', 'floor', 'notice', 'daily-hours', 'shift', 'coverage', 'residual', 'ladder', ...(plan.strategy === 'cost' ? ['objective' as const] : [])];
  return { ok: violations.length === 0, counts, violations, checked, overCoveredHours, verifyMs: Date.now() - started };
}

/** MW each customer releases per hour, in all and by measures other than shifts (what snaps back). */
function customerTotals(UC: Int32Array, UM: Uint8Array, X: Float64Array, C: number, H: number): { released: Float64Array; nonShiftT: Float64Array } {
  const released = new Float64Array(C * H), nonShiftT = new Float64Array(C * H);
  const U = UC.length;
  for (let u = 0; u < U; u++) {
    const row = UC[u] * H, at = u * H, shift = UM[u] === MEASURE_SHIFT;
    for (let h = 0; h < H; h++) {
      const v = X[at + h];
      if (v === 0) continue;
      released[row + h] += v;
      if (!shift) nonShiftT[row + h] += v;
    }
  }
  return { released, nonShiftT };
}

/** Constraints containing each area (any order), from the parent links. */
function constraintsContaining(p: PlanProblem): number[][] {
  const byArea = new Map<number, number>();
  p.constraints.forEach((k, i) => byArea.set(k.area, i));
  return p.areaIds.map((_, a) => {
    const out: number[] = [];
    for (let x = a; x >= 0; x = p.areaParent[x]) if (byArea.has(x)) out.push(byArea.get(x)!);
    return out;
  });
}
