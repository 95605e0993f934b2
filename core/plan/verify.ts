/**
 * The independent verifier (DESIGN §3.2). Written apart from the solver on purpose: it reads the
 * problem's raw facts (classes, baselines, floors, measure terms, notice, daily hours, gaps) and
 * the plan's numbers, recomputes what each unit may release, the snap-back and the shifted energy
 * coming back, and checks every rule. It never asks how the plan was made, and a solver's status
 * plays no part. The capacity formulas are restated here rather than imported for that reason.
 *
 * The rules it restates: nobody protected, no feeder that may not be opened, and no measure on a
 * customer whose feeder is open (its whole load goes with it); each measure within its terms; one
 * budget per customer (all its measures release at most baseline − max(security floor, 限电 cap));
 * no order below 1 kW; notice; daily hours; shifted energy coming back; coverage (requirement =
 * gap + snap-back + returning energy, rounded up to the kW); no residual while anything inside the
 * area could still be ordered (a customer whose curtailment just ended included: it can be kept
 * on); the ladder and the tiers for every strategy, from the customers' real room (never from the
 * shares a plan reports); a feeder opened only where the measures and the other feeders could not
 * cover without it; and, for least cost and fewest customers, the strategy's own order inside a band.
 * Where the shortage is of energy (MWh per day), the plan's day-by-day account — each day's need,
 * the energy its decisions save, what is left, the blocks on duty — is restated from the decisions
 * too: a plan that says a day is met while its orders leave it short is as wrong as a wrong hour.
 */
import { apart } from './apart.ts';
import { unitsByCustomer } from './units-by-customer.ts';
import { isProtectedClass } from '../scenario/classes.ts';
import { parseDate } from '../time/timestamp.ts';
import type { PlanProblem } from './problem.ts';

export type Check =
  | 'finite' | 'protected' | 'feeder' | 'bounds' | 'floor' | 'notice' | 'daily-hours' | 'shift' | 'coverage' | 'residual'
  | 'ladder' | 'objective' | 'revision' | 'energy';

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
  /** The part of x that keeps a customer on one more hour so its snap-back moves on (fixed by rule), if any. */
  xHold?: Float64Array | null;
  /**
   * The daily-hours assignment the plan was made with, if any: bit h of allowed[c × days + d] set
   * where customer c may be curtailed at local hour h of day d (a rule-made decision, as reported).
   */
  allowed?: Uint32Array | null;
  payback: Float64Array;
  feederOpen: Uint8Array;
  feederMW: Float64Array;
  requiredMW: Float64Array[];
  coveredMW: Float64Array[];
  residualMW: Float64Array[];
  fairShare: Float64Array | null;
  /**
   * A revision made during the day (core/execution/replan.ts), judged against what it revises: T,
   * the plan in force (its orders, unit-major, and its feeders opened) and which customers had their
   * notice for which local day issued by T (notified[c × days + d]). With it, hours starting
   * before T must be the plan in force unchanged (they are past); in an hour from T on, a
   * customer whose notice does not fit between T and the hour's start may be curtailed only as
   * it was notified (no order, measure or MW beyond the plan in force's, no feeder it did not
   * open); the residual and ladder checks count that as its room, and judge only the hours from
   * T on (the past can no longer be changed); the strategy's own order
   * inside a band gives way to the revision's (least change), so 'objective' is not checked; and
   * an order cut to 0 inside a run of hours the plan in force ordered is not switched on again
   * later in that run (no flapping).
   */
  revision?: { atMs: number; inForceX: Float64Array; inForceFeederOpen: Uint8Array; notified: Uint8Array } | null;
  /**
   * The energy rotation's account, as the plan reports it (rotation.ts's RotationResult, or the
   * plan file's `rotation` block): required wherever the problem has energy-short days, checked
   * against the decisions.
   */
  rotation?: EnergyAccount | null;
}

/** What a plan says of its energy-short days and the rotation's blocks. */
export interface EnergyAccount {
  blocks: readonly { id: number; dailyCapacityMWh: number; daysOnDuty: number }[];
  days: readonly { date: string; gapMWh: number; savedMWh: number; rotationMWh: number; residualMWh: number; blocks: readonly number[] }[];
  peakPoolShare: number;
  collapsed: boolean;
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
  const leadH = new Float64Array(H);
  const REV = plan.revision ?? null;
  // A revision's first hour: the first whose start is not before T (the ones before are past).
  const revFrom = REV ? Math.max(0, Math.min(H, Math.ceil((REV.atMs - p.startMs) / 3_600_000 - 1e-9))) : H;
  for (let h = 0; h < H; h++) leadH[h] = (p.startMs + h * 3_600_000 - (h >= revFrom ? REV!.atMs : p.issuedAtMs)) / 3_600_000;
  const lead = (h: number) => leadH[h];
  const daysN = H ? p.dayIndex[H - 1] + 1 : 0;
  /** Within its lead time from T, a customer notified for the day may keep what it was notified of. */
  const keepsNotice = (c: number, h: number) => REV !== null && h >= revFrom && REV.notified[c * daysN + p.dayIndex[h]] === 1;
  /** The most unit u may release in hour h, in whole kW: its terms, and within a revision's lead time what was notified. */
  const ceilingOf = (u: number, h: number) => {
    const own = Math.floor(allowed(u, h) * 1000 + 1e-6) / 1000;
    if (!REV || h < revFrom || lead(h) >= cu.noticeHours[UC[u]] - 1e-9) return own;
    return keepsNotice(UC[u], h) ? Math.min(own, REV.inForceX[u * H + h]) : 0;
  };

  // 0. Every number of the plan (and every gap it was made for) is a finite number: a NaN passes
  // every comparison below unnoticed, so it is caught here first, by name and place.
  const unitName = (u: number) => `${cu.id[UC[u]]} (${['demand-response', 'shift', 'avoid-peak', 'limit'][UM[u]] ?? `measure ${UM[u]}`})`;
  const finite = (what: string, a: ArrayLike<number> | null | undefined, place: (i: number) => string) => {
    if (!a) return;
    for (let i = nonFiniteFrom(a, 0); i >= 0; i = nonFiniteFrom(a, i + 1)) flag('finite', `${place(i)}: ${what} ${a[i]} is not a finite number`);
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
  // (and the hours in which anything is ordered, for checks 8 and 9 below)
  const busy = new Uint8Array(H);
  const { released, nonShiftT } = customerTotals(UC, UM, X, C, H, busy);
  const feederOfOpen = new Uint8Array(C * H);
  apart(() => {
    for (let f = 0; f < F; f++) for (let h = 0; h < H; h++) if (FO[f * H + h]) for (const c of p.feeders.customers[f]) feederOfOpen[c * H + h] = 1;
  });
  // Whether each customer is curtailed in each hour; with it, which customers are touched at all
  // and how many hours of each day they are curtailed (check 5).
  const days = H ? p.dayIndex[H - 1] + 1 : 0;
  const curtailedT = new Uint8Array(C * H), touched = new Uint8Array(C), used = new Uint8Array(C * Math.max(1, days));
  const DAY = p.dayIndex;
  markCurtailed(released, feederOfOpen, DAY, C, H, days, tolerance, curtailedT, touched, used);
  const curtailed = (c: number, h: number) => curtailedT[c * H + h] === 1;


  // The budget: all of a customer's measures together leave at least max(floor, 限电 cap).
  const budgetFloor = Float64Array.from(cu.floorMW);
  for (let u = 0; u < U; u++) if (UM[u] === MEASURE_LIMIT) budgetFloor[UC[u]] = Math.max(budgetFloor[UC[u]], un.paramMW[u]);
  const budget = (c: number, h: number) => Math.max(0, BASE[c * H + h] - budgetFloor[c]);
  // Room is counted in whole kW (what could still be ordered).
  const kwDown = (v: number) => (v <= 0 ? 0 : Math.floor(v * 1000 + 1e-6) / 1000);
  const kwUp = (v: number) => (v <= 0 ? 0 : Math.ceil(v * 1000 - 1e-6) / 1000);
  const XE = plan.xEnergy, XH = plan.xHold ?? null;
  const fixedOf = (u: number, h: number) => (XE ? XE[u * H + h] : 0) + (XH ? XH[u * H + h] : 0);

  // 1. Nobody protected, no feeder that may not be opened, no measure under an opened feeder.
  for (let c = 0; c < C; c++) if (touched[c] && isProtectedClass(cu.cls[c])) flag('protected', `customer ${cu.id[c]} (${cu.cls[c]}) is protected but curtailed`);
  apart(() => {
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
        for (const c of fd.customers[f]) {
          left += BASE[c * H + h] - released[c * H + h];
          if (released[c * H + h] > tolerance) flag('feeder', `${cu.id[c]} ${hourName(h)}: ${released[c * H + h]} MW ordered by measures while its feeder ${fd.id[f]} is open (its whole load goes with the feeder)`);
        }
        // The MW a feeder releases: its remaining load, counted in whole kW (rounded down).
        const mw = plan.feederMW[f * H + h];
        if (mw > left + tol(left) || mw < kwDown(left) - tol(left)) flag('feeder', `feeder ${fd.id[f]} at ${hourName(h)} releases ${mw} MW, its remaining load is ${left}`);
      }
    }
  });

  // A revision's hour inside the customer's lead time from T: curtailed exactly within what it was
  // notified of (each measure at most its order in force; its feeder open only where it was).
  // Each customer's units: UL[US[c]] … UL[US[c + 1] − 1].
  const { start: US, unit: UL } = unitsByCustomer(UC, C);
  // Where the plan in force a revision revises curtails each customer (checks 8 and 11 ask it of every customer-hour).
  const inForceOnT = REV ? curtailedInForce(REV.inForceX, REV.inForceFeederOpen, UC, cu.feeder, p.feeders.customers, C, H, tolerance) : null;
  const inForceOrdered = (c: number, h: number): boolean => inForceOnT![c * H + h] === 1;
  const notifiedAsIs = (c: number, h: number): boolean => {
    if (!keepsNotice(c, h)) return false;
    for (let ui = US[c], ue = US[c + 1]; ui < ue; ui++) { const u = UL[ui]; if (X[u * H + h] > REV!.inForceX[u * H + h] + tol(X[u * H + h])) return false; }
    if (feederOfOpen[c * H + h]) {
      const f = cu.feeder[c];
      if (!REV!.inForceFeederOpen[f * H + h]) return false;
    }
    return true;
  };

  // 2. Bounds; 3. floors and budgets; 4. notice. (With 6: the energy each unit shifts and gets back.)
  const shiftedOut = new Float64Array(U), cameBack = new Float64Array(U);
  apart(() => {
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
        if (XH && (XH[u * H + h] < -tolerance || fixedOf(u, h) > v + tol(v))) flag('bounds', `${cu.id[c]} ${hourName(h)}: held part outside the release`);
      }
      shiftedOut[u] = out;
      cameBack[u] = back;
    }
  });
  apart(() => {
    for (let c = 0; c < C; c++) {
      const f = cu.floorMW[c], notice = cu.noticeHours[c] - 1e-9, row = c * H;
      for (let h = 0; h < H; h++) {
        const r = released[row + h];
        if (r > 0) {
          const above = Math.max(0, BASE[row + h] - f);
          if (r > above + tolerance * Math.max(1, above)) flag('floor', `${cu.id[c]} ${hourName(h)}: releases ${r} MW, only ${above} MW lie above its floor`);
          else if (r > budget(c, h) + tolerance * Math.max(1, above)) flag('floor', `${cu.id[c]} ${hourName(h)}: its measures release ${r} MW together, taking its load below its 限电 cap of ${budgetFloor[c]} MW (at most ${budget(c, h)} MW)`);
          if (r > tolerance && r < 0.001 - tolerance) flag('bounds', `${cu.id[c]} ${hourName(h)}: an order of ${r} MW, below the smallest order (1 kW)`);
        }
        if (curtailedT[row + h] && lead(h) < notice && !notifiedAsIs(c, h)) flag('notice', `${cu.id[c]} ${hourName(h)}: ordered ${lead(h)} h ahead${h >= revFrom ? ' of the revision' : ''}, needs ${cu.noticeHours[c]} h${h >= revFrom ? (keepsNotice(c, h) ? ' (more than it was notified of)' : ' (and was not notified for the day)') : ''}`);
      }
    }
  });

  // 5. Daily hours.
  for (let c = 0; c < C; c++) for (let d = 0; d < days; d++) if (used[c * days + d] > cu.maxHoursPerDay[c]) flag('daily-hours', `${cu.id[c]} day ${d}: curtailed ${used[c * days + d]} h, allowed ${cu.maxHoursPerDay[c]}`);

  // 6. Shifted energy comes back in full, in the return windows, not beyond the shiftable MW.
  apart(() => {
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
  });

  // 7. Coverage: requirement = gap + snap-back + payback, recomputed (in whole kW, rounded up);
  // covered + residual = requirement.
  const chainOf = constraintsContaining(p);
  const required = p.constraints.map((k) => Float64Array.from(k.gapMW));
  const sigma = p.snapBackShare;
  apart(() => {
    for (let u = 0; u < U; u++) {
      if (UM[u] !== MEASURE_SHIFT) continue;
      for (let h = 0; h < H; h++) {
        const b = PAY[u * H + h];
        if (b > 0) for (const k of chainOf[p.customers.area[UC[u]]]) required[k][h] += b;
      }
    }
  });
  // The snap-back of the whole system per hour (every customer's), for the energy account (12).
  const snapAll = new Float64Array(H);
  apart(() => {
    if (sigma > 0) {
      // A customer curtailed in h − 1 (by measures other than shifts, or by its opened feeder: its
      // whole load) and in neither way in h snaps back a share of what it released.
      for (let c = 0; c < C; c++) {
        const chain = chainOf[cu.area[c]], row = c * H;
        for (let h = 1; h < H; h++) {
          if (curtailedT[row + h]) continue;
          const before = feederOfOpen[row + h - 1] ? BASE[row + h - 1] : nonShiftT[row + h - 1];
          if (before > 0) { for (const k of chain) required[k][h] += sigma * before; snapAll[h] += sigma * before; }
        }
      }
    }
  });
  const covered = p.constraints.map(() => new Float64Array(H));
  apart(() => {
    for (let c = 0; c < C; c++) for (let h = 0; h < H; h++) { const v = released[c * H + h]; if (v > 0) for (const k of chainOf[cu.area[c]]) covered[k][h] += v; }
  });
  apart(() => {
    for (let f = 0; f < F; f++) for (let h = 0; h < H; h++) if (FO[f * H + h]) for (const k of chainOf[p.feeders.area[f]]) covered[k][h] += plan.feederMW[f * H + h];
  });
  let overCoveredHours = 0;
  apart(() => {
    for (let k = 0; k < K; k++) {
      for (let h = 0; h < H; h++) {
        const raw = Math.max(0, required[k][h]);
        // The plan states its requirement in whole kW, rounded up (an older plan unrounded: accepted).
        const reported = plan.requiredMW[k][h];
        const need = Math.abs(reported - raw) <= tol(raw) ? raw : kwUp(raw);
        required[k][h] = need;
        const got = covered[k][h];
        const residual = Math.max(0, need - got);
        const name = `${p.constraints[k].name} ${hourName(h)}`;
        if (Math.abs(reported - need) > tol(need)) flag('coverage', `${name}: reports ${reported} MW to cover, the gap with snap-back and returning energy is ${raw} (${need} in whole kW)`);
        if (Math.abs(plan.residualMW[k][h] - residual) > tol(need)) flag('coverage', `${name}: reports a residual of ${plan.residualMW[k][h]} MW, ${need} − ${got} leaves ${residual}`);
        if (Math.abs(plan.coveredMW[k][h] + plan.residualMW[k][h] - reported) > tol(need)) flag('coverage', `${name}: covered + residual ≠ required`);
        if (got > need + tol(need) && need > 0 && k === 0) overCoveredHours++;
      }
    }
  });

  // A revision's past (hours before T) can no longer be changed: checks 8 to 10, which ask whether
  // something else could have been ordered, judge only the hours from T on (the past was judged
  // when it was planned; check 11 holds it unchanged).
  const pastUntil = REV ? revFrom : 0;
  // 8. A residual only where nothing inside the area could still be ordered (shifts aside: their
  // room to come back is shared, so their spare capacity is not claimed). A customer whose
  // curtailment just ended counts: where the hour is short it can be kept on one more hour.
  const endedAt = (c: number, h: number): boolean =>
    h > 0 && !curtailedT[c * H + h] && (feederOfOpen[c * H + h - 1] === 1 || nonShiftT[c * H + h - 1] > 0);
  // A revision's customer cut to 0 inside a run of hours the plan in force ordered it for, after
  // being on in it, may not be switched on again in that run (no flapping): no room there.
  const flapLock = new Uint8Array(REV ? C * H : 0);
  apart(() => {
    if (REV) {
      for (let c = 0; c < C; c++) {
        let seenOn = false, cut = false;
        for (let h = 0; h < H; h++) {
          if (!inForceOrdered(c, h)) { seenOn = false; cut = false; continue; } // a run ends
          const i = c * H + h;
          if (curtailedT[i]) seenOn = true;
          else if (seenOn && h >= revFrom) { if (cut) flapLock[i] = 1; else cut = true; }
        }
      }
    }
  });
  // Customer-hours that cannot be ordered more: notice, feeder open, daily hours used.
  const blocked = new Uint8Array(C * H), AL = plan.allowed ?? null;
  apart(() => {
    for (let c = 0; c < C; c++) {
      const notice = cu.noticeHours[c] - 1e-9, max = cu.maxHoursPerDay[c], row = c * H;
      for (let h = 0; h < H; h++) {
        const i = row + h;
        const assigned = !AL || ((AL[c * days + p.dayIndex[h]] >>> p.localHour[h]) & 1) === 1 || curtailedT[i] === 1;
        blocked[i] = (lead(h) < notice && !keepsNotice(c, h)) || feederOfOpen[i] === 1 || flapLock[i] === 1 || !assigned || (!curtailedT[i] && used[c * days + p.dayIndex[h]] >= max) ? 1 : 0;
      }
    }
  });
  /** What unit u could still give in hour h, in whole kW: within its terms and its customer's budget. */
  const spare = (u: number, h: number) => {
    const c = UC[u], i = c * H + h;
    if (blocked[i]) return 0;
    const own = ceilingOf(u, h) - X[u * H + h];
    if (own <= 0) return 0;
    return Math.min(own, kwDown(budget(c, h)) - released[i]);
  };
  const openable = (f: number, h: number) => {
    const fd = p.feeders;
    if (fd.servesProtected[f] || fd.protectedCustomers[f] > 0 || fd.residentialShare[f] > 0 || fd.otherCustomers[f] > 0 || fd.uflsRound[f] > 0) return false;
    if (!fd.customers[f].length || FO[f * H + h]) return false;
    // What opening it would add: its whole load (in whole kW, rounded down) beyond what is released.
    let load = 0, rel = 0;
    for (const c of fd.customers[f]) { load += BASE[c * H + h]; rel += released[c * H + h]; }
    if (kwDown(load) - rel <= tolerance) return false;
    return fd.customers[f].every((c) => cu.floorMW[c] <= 0 && !isProtectedClass(cu.cls[c]) && lead(h) >= cu.noticeHours[c] - 1e-9 && !endedAt(c, h) && !blocked[c * H + h] &&
      (curtailed(c, h) || used[c * days + p.dayIndex[h]] < cu.maxHoursPerDay[c]));
  };
  const band = new Int32Array(U);
  for (let u = 0; u < U; u++) band[u] = p.ladder.indexOf((['demand-response', 'shift', 'avoid-peak', 'limit'] as const)[UM[u]]) * 3 + cu.tier[UC[u]];
  for (let f = 0; f < F; f++) for (let h = 0; h < H; h++) if (FO[f * H + h]) busy[h] = 1;
  for (let k = 0; k < K; k++) for (let h = 0; h < H; h++) if (plan.residualMW[k][h] > 0) busy[h] = 1;
  // The fewest strategy's own key: what each customer can release over the horizon.
  const size = new Float64Array(C);
  if (plan.strategy === 'fewest') for (let u = 0; u < U; u++) for (let h = 0; h < H; h++) size[UC[u]] += Math.min(kwDown(allowed(u, h)), kwDown(budget(UC[u], h)));
  // Per constraint and hour, from the customers' real room: spare MW in all (for the residual),
  // and the best spare unit that is not just ending (for the ladder): its band, then the least
  // cost and the largest size in that band.
  const minBand = new Float64Array(K * H).fill(Infinity), minCost = new Float64Array(K * H).fill(Infinity), maxSize = new Float64Array(K * H).fill(-Infinity);
  const bestOf = new Int32Array(K * H).fill(-1); // the customer with the least cost (or largest size) there
  const spareMW = new Float64Array(K * H);
  apart(() => {
    for (let u = 0; u < U; u++) {
      if (UM[u] === MEASURE_SHIFT) continue;
      const c = UC[u], chain = chainOf[cu.area[c]], b = band[u], cost = un.costPerMWh[u];
      for (let h = 0; h < H; h++) {
        if (!busy[h]) continue;
        const s = spare(u, h);
        if (!(s > tolerance)) continue;
        const ending = endedAt(c, h);
        for (const k of chain) {
          const i = k * H + h;
          spareMW[i] += s;
          if (ending) continue; // not ordered again in the hour its curtailment ends, unless the hour is short
          const better = plan.strategy === 'fewest' ? size[c] > maxSize[i] : cost < minCost[i];
          if (b < minBand[i]) { minBand[i] = b; minCost[i] = cost; maxSize[i] = size[c]; bestOf[i] = c; }
          else if (b === minBand[i]) { if (better) bestOf[i] = c; if (cost < minCost[i]) minCost[i] = cost; if (size[c] > maxSize[i]) maxSize[i] = size[c]; }
        }
      }
    }
  });
  const feederSpare = new Uint8Array(K * H);
  apart(() => {
    for (let f = 0; f < F; f++) for (let h = 0; h < H; h++) if (busy[h] && openable(f, h)) for (const k of chainOf[p.feeders.area[f]]) feederSpare[k * H + h] = 1;
  });
  apart(() => {
    for (let k = 0; k < K; k++) {
      for (let h = 0; h < H; h++) {
        if (plan.residualMW[k][h] <= tol(plan.requiredMW[k][h]) || h < pastUntil) continue;
        const i = k * H + h;
        if (spareMW[i] > tol(spareMW[i])) flag('residual', `${p.constraints[k].name} ${hourName(h)}: ${plan.residualMW[k][h]} MW left uncovered while ${spareMW[i]} MW could still be ordered inside it`);
        else if (feederSpare[i]) flag('residual', `${p.constraints[k].name} ${hourName(h)}: residual left while a feeder inside it could still be opened`);
      }
    }
  });
  // 9. Ladder and tiers, for every strategy (and for least cost its cost, for fewest customers
  // its sizes): no unit used while a unit earlier in the order has room and could take its place
  // without uncovering any constraint. Parts decided by rule (the energy rotation, holds) aside.
  const slack = new Float64Array(K * H);
  for (let k = 0; k < K; k++) for (let h = 0; h < H; h++) slack[k * H + h] = covered[k][h] - Math.max(0, required[k][h]);
  apart(() => {
    for (let u = 0; u < U; u++) {
      const c = UC[u], chain = chainOf[cu.area[c]], b = band[u], cost = un.costPerMWh[u];
      for (let h = pastUntil; h < H; h++) {
        const v = X[u * H + h] - fixedOf(u, h);
        if (v <= tolerance) continue;
        // The customer's own earlier rung: what u releases frees the budget it would need.
        for (let ui = US[c], ue = US[c + 1]; ui < ue; ui++) { const w = UL[ui];
          if (w === u || band[w] >= b || UM[w] === MEASURE_SHIFT || blocked[c * H + h]) continue;
          const room = Math.min(ceilingOf(w, h) - X[w * H + h], kwDown(budget(c, h)) - released[c * H + h] + v);
          if (room > tolerance) { flag('ladder', `${cu.id[c]} ${hourName(h)}: ${v} MW at rung ${Math.floor(b / 3)} while its own rung ${Math.floor(band[w] / 3)} has ${room} MW of room`); break; }
        }
        let j = 0;
        while (j < chain.length && slack[chain[j] * H + h] > tol(required[chain[j]][h])) j++;
        if (j === chain.length) continue; // over-covered everywhere: reducible, not out of order
        const k = chain[j], i = k * H + h;
        if (minBand[i] < b) flag('ladder', `${cu.id[c]} ${hourName(h)}: ${v} MW at rung ${Math.floor(b / 3)} tier ${b % 3} while rung ${Math.floor(minBand[i] / 3)} tier ${minBand[i] % 3} has room in ${p.constraints[k].name}`);
        else if (REV) continue; // a revision's order inside a band is least change, not the strategy's
        else if (minBand[i] === b && plan.strategy === 'cost' && minCost[i] < cost - 1e-9) flag('objective', `${cu.id[c]} ${hourName(h)}: ${v} MW at ${cost}/MWh while ${minCost[i]}/MWh (${cu.id[bestOf[i]]}) has room in ${p.constraints[k].name}`);
        else if (minBand[i] === b && plan.strategy === 'fewest' && maxSize[i] > size[c] * (1 + 1e-9) + 1e-9) flag('objective', `${cu.id[c]} ${hourName(h)}: ${v} MW from a customer able to release ${size[c]} MWh while ${cu.id[bestOf[i]]}, able to release ${maxSize[i]} MWh, has room in ${p.constraints[k].name}`);
      }
    }
  });
  // 10. A feeder opened only where it was needed: without it, the measures inside (every unit of
  // every customer that may be ordered, shifts as they stand, within budgets) and the other
  // feeders opened could not cover some area it serves — counting, where it was open the hour
  // before, the snap-back its closing would bring.
  apart(() => {
    for (let f = 0; f < F; f++) {
      for (let h = pastUntil; h < H; h++) {
        if (!FO[f * H + h]) continue;
        const mine = new Set(p.feeders.customers[f]);
        let snap = 0;
        if (h > 0 && FO[f * H + h - 1] && sigma > 0) for (const c of mine) snap += sigma * BASE[c * H + h - 1];
        let needed = false;
        for (const k of chainOf[p.feeders.area[f]]) {
          const need = Math.max(0, required[k][h]) + snap;
          if (need <= tolerance) continue;
          let capacity = 0;
          const byCustomer = new Map<number, number>(), shifted = new Map<number, number>();
          for (let u = 0; u < U; u++) {
            const c = UC[u];
            if (!chainOf[cu.area[c]].includes(k)) continue;
            if (UM[u] === MEASURE_SHIFT) { capacity += X[u * H + h]; shifted.set(c, (shifted.get(c) ?? 0) + X[u * H + h]); continue; }
            const own = mine.has(c);
            if (!own && (feederOfOpen[c * H + h] || (blocked[c * H + h] && !curtailedT[c * H + h]))) continue;
            if (own && lead(h) < cu.noticeHours[c] - 1e-9) continue;
            byCustomer.set(c, (byCustomer.get(c) ?? 0) + ceilingOf(u, h));
          }
          for (const [c, v] of byCustomer) capacity += Math.max(0, Math.min(v, kwDown(budget(c, h)) - (shifted.get(c) ?? 0)));
          for (let g = 0; g < F; g++) if (g !== f && FO[g * H + h] && chainOf[p.feeders.area[g]].includes(k)) capacity += plan.feederMW[g * H + h];
          if (capacity < need - tol(need)) { needed = true; break; }
        }
        if (!needed) flag('ladder', `feeder ${p.feeders.id[f]} opened at ${hourName(h)} although the measures inside every area it serves, with the other feeders opened, could cover without it`);
      }
    }
  });

  // 11. A revision: the past as the plan in force had it, and no order switched back on inside a
  // run of hours the plan in force ordered once it was cut to 0 there.
  apart(() => {
    if (REV) {
      for (let u = 0; u < U; u++) for (let h = 0; h < revFrom; h++) {
        const a = X[u * H + h], b = REV.inForceX[u * H + h];
        if (Math.abs(a - b) > tol(b)) flag('revision', `${unitName(u)} ${hourName(h)}: ${a} MW in an hour before the revision's time, the plan in force had ${b} (the past is not re-planned)`);
      }
      for (let f = 0; f < F; f++) for (let h = 0; h < revFrom; h++) if (FO[f * H + h] !== REV.inForceFeederOpen[f * H + h]) flag('revision', `feeder ${p.feeders.id[f]} ${hourName(h)}: opened or closed in an hour before the revision's time`);
      const wasOn = inForceOrdered;
      for (let c = 0; c < C; c++) {
        let h = 0;
        while (h < H) {
          if (!wasOn(c, h)) { h++; continue; }
          let e = h;
          while (e < H && wasOn(c, e)) e++;
          // Inside the run [h, e): on, then cut to 0 from T on, then on again.
          let seenOn = false, cutAt = -1;
          for (let j = h; j < e; j++) {
            const on = curtailedT[c * H + j] === 1;
            if (on && cutAt >= 0) { flag('revision', `${cu.id[c]}: its order is cut to 0 at ${hourName(cutAt)} and switched on again at ${hourName(j)}, inside the same run of hours the plan in force ordered (flapping)`); break; }
            if (on) seenOn = true;
            else if (seenOn && j >= revFrom && cutAt < 0) cutAt = j;
          }
          h = e;
        }
      }
    }
  });

  // 12. The energy-short days: the plan's account of each restated from its decisions.
  const energyChecked = checkEnergy(p, plan, snapAll, tolerance, flag);

  const checked: Check[] = ['finite', 'protected', 'feeder', 'bounds', 'floor', 'notice', 'daily-hours', 'shift', 'coverage', 'residual', 'ladder', ...(plan.strategy !== 'fair' && !REV ? ['objective' as const] : []), ...(REV ? ['revision' as const] : []), ...(energyChecked ? ['energy' as const] : [])];
  return { ok: violations.length === 0, counts, violations, checked, overCoveredHours, verifyMs: Date.now() - started };
}

/**
 * Check 12: where the problem has energy-short days, the plan accounts for each one, and every
 * figure of the account is what its decisions give: the day's need is the problem's; the energy
 * saved is what the orders release that day (a shift only the share that does not come back),
 * the feeders opened release, less the snap-back; what is left is the need less that; the
 * rotation's part is the orders' energy parts that day. The blocks on duty name blocks of the
 * account, each block's days on duty are counted from them, and the rotation is said to collapse
 * exactly where its own rule says (a day needs over 80 % of the pool, or every block is on duty
 * some day). True when there was an account to check.
 */
function checkEnergy(p: PlanProblem, plan: PlanToVerify, snapAll: Float64Array, tolerance: number, flag: (check: Check, message: string) => void): boolean {
  const H = p.hours, U = p.units.customer.length, F = p.feeders.id.length;
  const days = H ? p.dayIndex[H - 1] + 1 : 0;
  const first = parseDate(p.firstDate) ?? 0;
  const dayOfDate = (date: string) => { const d = parseDate(date); return d === null ? -1 : d - first; };
  const needed = p.energyDays.filter((e) => { const d = dayOfDate(e.date); return d >= 0 && d < days; });
  const account = plan.rotation ?? null;
  if (!account) {
    if (needed.length) flag('energy', `the scenario is short of energy on ${needed.length} day(s) (${needed.map((e) => e.date).join(', ')}), but the plan gives no account of them (no energy rotation)`);
    return needed.length > 0;
  }
  const saved = new Float64Array(days), rotation = new Float64Array(days), terms = new Float64Array(days);
  const X = plan.x, XE = plan.xEnergy, UM = p.units.measure, DAY = p.dayIndex;
  apart(() => {
    for (let u = 0; u < U; u++) {
      const keep = UM[u] === MEASURE_SHIFT ? 1 - p.units.payback[u] : 1;
      for (let h = 0; h < H; h++) {
        const v = X[u * H + h];
        if (v === 0) continue;
        saved[DAY[h]] += keep * v; terms[DAY[h]]++;
        if (XE) rotation[DAY[h]] += XE[u * H + h];
      }
    }
  });
  for (let f = 0; f < F; f++) for (let h = 0; h < H; h++) { const v = plan.feederMW[f * H + h]; if (v !== 0) { saved[DAY[h]] += v; terms[DAY[h]]++; } }
  for (let h = 0; h < H; h++) { saved[DAY[h]] -= snapAll[h]; terms[DAY[h]]++; }
  // Each term was written to 1 W: the sum may differ by that much per term, besides the relative tolerance.
  const tolOf = (d: number, v: number) => tolerance * Math.max(1, Math.abs(v)) + 1e-6 * terms[d];
  const mwh = (v: number) => Math.round(v * 1000) / 1000;

  const byDate = new Map<string, EnergyAccount['days'][number]>();
  for (const day of account.days) {
    if (byDate.has(day.date)) { flag('energy', `the energy account gives ${day.date} twice`); continue; }
    byDate.set(day.date, day);
    if (!needed.some((e) => e.date === day.date)) flag('energy', `the energy account gives ${day.date}, which is not a day the scenario is short of energy in this plan's hours`);
  }
  let pool = 0;
  for (const b of account.blocks) pool += b.dailyCapacityMWh;
  let share = 0, everyBlock = false;
  for (const e of needed) {
    const d = dayOfDate(e.date), day = byDate.get(e.date);
    if (!day) { flag('energy', `${e.date}: the scenario is short of ${mwh(e.gapMWh)} MWh that day, but the plan's energy account does not give it`); continue; }
    if (Math.abs(day.gapMWh - e.gapMWh) > tolOf(d, e.gapMWh)) flag('energy', `${e.date}: the account says the day needs ${mwh(day.gapMWh)} MWh saved, the scenario's shortage is ${mwh(e.gapMWh)} MWh`);
    if (Math.abs(day.savedMWh - saved[d]) > tolOf(d, saved[d])) flag('energy', `${e.date}: the account says ${mwh(day.savedMWh)} MWh are saved, the plan's orders and feeders save ${mwh(saved[d])} MWh (snap-back deducted)`);
    const left = Math.max(0, e.gapMWh - saved[d]);
    if (Math.abs(day.residualMWh - left) > tolOf(d, e.gapMWh)) flag('energy', `${e.date}: the account leaves ${mwh(day.residualMWh)} MWh short, the need of ${mwh(e.gapMWh)} less the ${mwh(saved[d])} MWh saved leaves ${mwh(left)}`);
    if (Math.abs(day.rotationMWh - rotation[d]) > tolOf(d, rotation[d])) flag('energy', `${e.date}: the account gives the rotation ${mwh(day.rotationMWh)} MWh, the orders' rotation parts are ${mwh(rotation[d])} MWh`);
    share = Math.max(share, pool > 0 ? e.gapMWh / pool : 1);
    if (new Set(day.blocks).size === account.blocks.length && account.blocks.length > 1) everyBlock = true;
  }
  // The blocks: each named once, 1 … n; each day's blocks among them; days on duty counted from the days.
  const n = account.blocks.length;
  account.blocks.forEach((b, i) => { if (b.id !== i + 1) flag('energy', `the rotation's block ${i + 1} is numbered ${b.id}`); });
  const onDuty = new Array<number>(n).fill(0);
  for (const day of account.days) {
    const seen = new Set<number>();
    for (const b of day.blocks) {
      if (!Number.isInteger(b) || b < 1 || b > n || seen.has(b)) { flag('energy', `${day.date}: block ${b} on duty is not one of the rotation's ${n} blocks, or is given twice`); continue; }
      seen.add(b); onDuty[b - 1]++;
    }
  }
  account.blocks.forEach((b, i) => { if (b.daysOnDuty !== onDuty[i]) flag('energy', `the rotation's block ${b.id} is said to be on duty ${b.daysOnDuty} day(s), the days name it on ${onDuty[i]}`); });
  if (Math.abs(account.peakPoolShare - share) > tolerance * Math.max(1, share)) flag('energy', `the account says the largest day needs ${mwh(100 * account.peakPoolShare)} % of the rotation's pool, its days and blocks give ${mwh(100 * share)} %`);
  const collapsed = share > 0.8 || everyBlock;
  if (account.collapsed !== collapsed) flag('energy', collapsed ? `the rotation collapses (${everyBlock ? 'every block is on duty on some day' : `a day needs ${mwh(100 * share)} % of the pool`}), but the plan says it does not` : 'the plan says the rotation collapses, but no day needs over 80 % of the pool nor puts every block on duty');
  return true;
}

/**
 * 1 where the plan in force curtails customer c in hour h: a measure of it above the tolerance, or
 * its own feeder open (a customer is on the feeder that lists it).
 */
function curtailedInForce(inForceX: Float64Array, inForceFeederOpen: Uint8Array, UC: Int32Array, feederOf: Int32Array, feederCustomers: readonly Int32Array[], C: number, H: number, tolerance: number): Uint8Array {
  const on = new Uint8Array(C * H);
  for (let u = 0; u < UC.length; u++) {
    const row = UC[u] * H, at = u * H;
    for (let h = 0; h < H; h++) if (inForceX[at + h] > tolerance) on[row + h] = 1;
  }
  for (let f = 0; f < feederCustomers.length; f++) {
    for (let h = 0; h < H; h++) {
      if (inForceFeederOpen[f * H + h] !== 1) continue;
      for (const c of feederCustomers[f]) if (feederOf[c] === f) on[c * H + h] = 1;
    }
  }
  return on;
}

/** Whether each customer is curtailed in each hour (by measures or its opened feeder), which are touched at all, and their hours per day. */
function markCurtailed(released: Float64Array, feederOfOpen: Uint8Array, DAY: ArrayLike<number>, C: number, H: number, days: number, tolerance: number, curtailedT: Uint8Array, touched: Uint8Array, used: Uint8Array): void {
  for (let c = 0; c < C; c++) {
    const row = c * H, dayRow = c * days;
    for (let h = 0; h < H; h++) {
      const i = row + h;
      if (released[i] > tolerance || feederOfOpen[i] === 1) { curtailedT[i] = 1; touched[c] = 1; used[dayRow + DAY[h]]++; }
    }
  }
}

/**
 * The index of the first figure from `from` on that is not a finite number, or −1. A loop of its
 * own for the typed arrays a plan made here holds (one loop over every kind of array took 0.3–0.7 s
 * over a province's 8.6 million unit-hours; this one takes a few ms), the general one for a plan
 * read back from JSON.
 */
function nonFiniteFrom(a: ArrayLike<number>, from: number): number {
  if (a instanceof Float64Array) return nonFiniteIn(a, from);
  for (let i = from; i < a.length; i++) if (!Number.isFinite(a[i])) return i;
  return -1;
}

function nonFiniteIn(a: Float64Array, from: number): number {
  // v − v is 0 for every finite v, NaN for NaN and ±Infinity.
  for (let i = from; i < a.length; i++) { const v = a[i]; if (v - v !== 0) return i; }
  return -1;
}

/** MW each customer releases per hour, in all and by measures other than shifts (what snaps back). */
function customerTotals(UC: Int32Array, UM: Uint8Array, X: Float64Array, C: number, H: number, busy: Uint8Array): { released: Float64Array; nonShiftT: Float64Array } {
  const released = new Float64Array(C * H), nonShiftT = new Float64Array(C * H);
  const U = UC.length;
  for (let u = 0; u < U; u++) {
    const row = UC[u] * H, at = u * H, shift = UM[u] === MEASURE_SHIFT;
    for (let h = 0; h < H; h++) {
      const v = X[at + h];
      if (v === 0) continue;
      if (v > 0) busy[h] = 1;
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
