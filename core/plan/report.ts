/**
 * The plan as people read it: per hour what was needed, covered and left; per customer the MW by
 * hour, the measures and when the notice must go out; the feeders opened; the residual by area
 * with its cause; the figures a regulator asks for (user-times, peak MW, energy).
 */
import { gapFingerprint, largestGap } from './gap-fingerprint.ts';
import { MEASURES, type Measure } from '../scenario/classes.ts';
import { formatInZone, resolveZone } from '../time/zone.ts';
import { budgetFloors } from './capacity.ts';
import { feederRanking, type EmergencyOrder } from './emergency-order.ts';
import { STRATEGY_OBJECTIVES, type Strategy } from './order.ts';
import { LIMIT, SHIFT, TIER_COUNT, TIER_RANKS, bandOf, feederBand, type PlanProblem } from './problem.ts';
import type { RotationResult } from './rotation.ts';
import type { SolvedPlan } from './solve.ts';
import type { Verification } from './verify.ts';
import type { OptimumCheck } from './lp-check.ts';
import type { DataNote } from '../notes.ts';
import type { DailyHoursReport } from './daily-hours.ts';
import { lpObjective } from './objective.ts';
import type { RevisionBlock } from './revision.ts';

export type ResidualCause = 'protected load too large' | 'import limit' | 'notice too short' | 'daily hours' | 'security floor' | 'energy budget';

export interface PlanObjective {
  /** What the strategy minimises, in words. */
  declared: string;
  /** Economic loss of the plan (curtailed MWh × each unit's cost), in the scenario's currency. */
  economicLoss: number;
  /** The value of the LP model `--export-lp` writes (ladder bands, cost and residual penalty in one sum). */
  lpValue: number;
  /** MWh by rung and tier (the ladder's lexicographic part). */
  bandMWh: { measure: Measure; tier: string; mwh: number }[];
  customersAffected: number;
  /** Lower bound on customersAffected (fewest strategy): no plan can use fewer. */
  customersLowerBound?: number;
  /** 户次: customer-days with any curtailment. */
  userTimes: number;
  peakCurtailedMW: number;
  curtailedMWh: number;
}

export interface AreaOutcome {
  area: string;
  name: string;
  scope: 'system' | 'local';
  requiredMW: number[];
  coveredMW: number[];
  residualMW: number[];
  peakResidualMW: number;
  residualMWh: number;
  /** The main cause of the residual, if any, and MWh by cause. */
  cause: ResidualCause | null;
  causesMWh: Partial<Record<ResidualCause, number>>;
}

export interface CustomerOrder {
  id: string;
  name: string;
  class: string;
  feeder: string;
  area: string;
  measures: Measure[];
  /** Latest time the notice must go out (first curtailed hour less the customer's notice). */
  noticeBy: string;
  noticeHours: number;
  firstHour: string;
  hours: number;
  peakMW: number;
  energyMWh: number;
  /** MW per horizon hour (measures and the customer's share of an opened feeder). */
  mw: number[];
  /** Main measure per horizon hour ('' where none). */
  measureByHour: (Measure | '')[];
  /** Tier inside a rung: restricted-first, ordinary, last (whitelisted key enterprises and security-load holders). */
  tier?: 'restricted-first' | 'ordinary' | 'last';
  keyEnterprise?: boolean;
  control?: 'terminal' | 'manual';
  responseMinutes?: number;
  /** Its 限电 cap, where it has one, MW. */
  limitCapMW?: number;
  /**
   * Where its 限电 is in force, per horizon hour: the MW its load must stay under (baseline less
   * everything it releases); null in the other hours. Only for customers with a 限电 order.
   */
  limitToMW?: (number | null)[];
  /** Where it shifts load: the hours its energy comes back (windows as in the scenario, e.g. "22-06"). */
  shiftReturn?: string;
  /** Per local day it is curtailed: the latest time that day's notice must go out, and its first hour. */
  noticeByDay?: { date: string; noticeBy: string; firstHour: string }[];
}

export interface PlanReport {
  format: 'orderly-plan/1';
  /** The scenario the plan was made for: its id and name, and its file's content hash (SHA-256), which a plan read back must match. */
  scenario: { id: string; name: string; sha256?: string };
  strategy: Strategy;
  level: string | null;
  /**
   * Largest gap the plan is made for, MW: of the system, or of an area short of import capacity
   * where that is larger (a town whose one substation cannot import its evening load has no
   * system gap at all). `targetArea` says which.
   */
  targetMW: number;
  targetArea?: { id: string; name: string; scope: 'system' | 'local' };
  issuedAt: string;
  start: string;
  hours: number;
  timeZone: string;
  currency: string;
  times: string[];
  objective: PlanObjective;
  system: AreaOutcome & {
    snapBackMW: number[]; paybackMW: number[]; byMeasureMW: Record<Measure, number[]>; fairShare?: number[];
    /** MW per hour by customer class, classes with any curtailment, largest energy first. */
    byClassMW?: Record<string, number[]>;
  };
  local: AreaOutcome[];
  residual: {
    totalMWh: number; peakMW: number; areas: string[];
  };
  /**
   * Where the fair or fewest strategy's own plan left more residual than the least-cost plan, the
   * least-cost plan is used (the residual comes first): the strategy asked for, and by how much
   * its own plan was short, MWh. `strategy` stays the one asked for.
   */
  fellBackToLeastCost?: { strategy: Strategy; residualAboveMWh: number };
  /** How the daily hours were assigned where they couple hours (absent where they never did). */
  dailyHours?: DailyHoursReport;
  customers: CustomerOrder[];
  /** Where the plan is a revision made during the day (core/execution/replan.ts): what it revises and was made on. */
  revision?: RevisionBlock;
  /** The gap the plan was made on (gap-fingerprint.ts), for a read-back to tell a forecast that has moved since. Older plans lack it. */
  madeOn?: { gapSha256: string };
  /**
   * The plan's decisions as the play-out reads them: MW per horizon hour of every unit ordered
   * (shifts with the MW coming back; the parts decided by rule — the energy rotation's, and holds
   * that keep a customer on one more hour — where there are any).
   */
  orders: { customer: string; measure: Measure; mw: number[]; paybackMW?: number[]; energyMW?: number[]; heldMW?: number[] }[];
  feedersOpened: { feeder: string; area: string; hours: number; peakMW: number; energyMWh: number; open: number[] }[];
  emergencyOrder: EmergencyOrder;
  planScale: { capacityMW: number; requiredMW: number; historicalMaxMW: number; share: number; requiredShare: number; ok: boolean };
  rotation: Omit<RotationResult, 'blockOf' | 'next'> | null;
  verification: Verification;
  /** The network as a tree for the page: areas, and per feeder its rating, protection and what the plan takes from it. */
  network?: {
    areas: { id: string; name: string; parent: string | null }[];
    /**
     * Feeders as columns, one entry per feeder (`area` indexes `areas`; `protected` 1 or 0): a
     * province has 40,000, and as objects they took ~70 ms to pass from a worker to the page.
     */
    feeders: { id: string[]; area: number[]; ratingMW: number[]; protected: number[]; curtailedMWh: number[]; openedHours: number[] };
  };
  /** What the forecast behind the plan could only do in a degraded form (forecast/sufficiency.ts). */
  notes?: DataNote[];
  /** How the plan was made (what the play-out needs to rebuild its tables). */
  settings?: { snapBackShare: number; noticeHours?: number; confidence: number; samples: number; seed: number };
  /** The optimum checked hour by hour by javascript-lp-solver, where the hour's model is small enough. */
  optimumCheck?: OptimumCheck;
  timings: { solveMs: number; verifyMs: number };
}

const round = (v: number, d = 3) => Math.round(v * 10 ** d) / 10 ** d;

/** The customer-days a daily-hours assignment restricts, with the local hours each may be curtailed in. */
function assignedHours(p: PlanProblem, allowed: Uint32Array, times: string[]): { customer: string; date: string; hours: number[] }[] {
  const H = p.hours, days = H ? p.dayIndex[H - 1] + 1 : 0, out: { customer: string; date: string; hours: number[] }[] = [];
  const dateOf = new Array<string>(days);
  for (let h = H - 1; h >= 0; h--) dateOf[p.dayIndex[h]] = times[h].slice(0, 10);
  for (let c = 0; c < p.customers.id.length; c++) for (let d = 0; d < days; d++) {
    const m = allowed[c * days + d];
    if ((m & 0xffffff) === 0xffffff) continue;
    const hours: number[] = [];
    for (let h = 0; h < 24; h++) if ((m >>> h) & 1) hours.push(h);
    out.push({ customer: p.customers.id[c], date: dateOf[d], hours });
  }
  return out;
}

/** Local hours (bit h) as windows, "HH-HH" (the scenario's notation), e.g. bits 22, 23, 0 … 5 → "22-06". */
export function windowsText(mask: number): string {
  const on = (h: number) => ((mask >>> ((h + 24) % 24)) & 1) === 1;
  if (mask >>> 0 === 0xffffff || (mask & 0xffffff) === 0xffffff) return '00-24';
  const out: string[] = [];
  for (let h = 0; h < 24; h++) {
    if (!on(h) || on(h - 1)) continue;
    let e = h;
    while (on(e + 1) && e + 1 < h + 24) e++;
    out.push(`${String(h).padStart(2, '0')}-${String((e + 1) % 24).padStart(2, '0')}`);
  }
  return out.join(' ');
}
const arr = (a: ArrayLike<number>) => Array.from(a, (v) => round(v));
/**
 * The figures a plan read back is verified on (what each area needs, gets and is left with; the
 * fair share), written to 1 W as its orders are: rounded to 1 kW, a province's sum of thousands of
 * orders would differ from them by more than any tolerance the verifier can keep.
 */
const fine = (a: ArrayLike<number>) => Array.from(a, (v) => Math.round(v * 1e6) / 1e6);

export function planReport(
  p: PlanProblem, plan: SolvedPlan, verification: Verification, emergency: EmergencyOrder,
  meta: { scenario: { id: string; name: string }; level: string | null; customersLowerBound?: number },
): PlanReport {
  const H = p.hours, U = p.units.customer.length, C = p.customers.id.length;
  const zone = resolveZone(p.timeZone)!;
  const time = (h: number) => formatInZone(p.startMs + h * 3_600_000, zone);
  const times = Array.from({ length: H }, (_, h) => time(h));
  const measureOf = (u: number) => MEASURES[p.units.measure[u]];

  // Per customer and hour: MW by measures (and which measure is largest), plus opened feeders.
  // Only customers the plan touches get a row: a province week (200,000 customers × 168 h) would
  // otherwise allocate and scan three tables of 34 million cells.
  const row = new Int32Array(C).fill(-1);
  let rows = 0;
  for (let u = 0; u < U; u++) {
    const c = p.units.customer[u];
    if (row[c] >= 0) continue;
    for (let h = 0; h < H; h++) if (plan.x[u * H + h] > 0) { row[c] = rows++; break; }
  }
  const feederOpened = (f: number) => { for (let h = 0; h < H; h++) if (plan.feederOpen[f * H + h]) return true; return false; };
  for (let f = 0; f < p.feeders.id.length; f++) if (feederOpened(f)) for (const c of p.feeders.customers[f]) if (row[c] < 0) row[c] = rows++;
  const mw = new Float64Array(rows * H), main = new Int8Array(rows * H).fill(-1), mainMW = new Float64Array(rows * H);
  // Every measure each listed customer is on (not only the largest of each hour), and whether it holds a 限电 order.
  const onMeasures = new Uint8Array(rows), limited = new Uint8Array(rows);
  const byMeasure = Object.fromEntries(MEASURES.map((m) => [m, new Float64Array(H)])) as Record<Measure, Float64Array>;
  const bandMWh = new Float64Array((feederBand(p) + 1));
  let economicLoss = 0;
  for (let u = 0; u < U; u++) {
    const r = row[p.units.customer[u]];
    if (r < 0) continue;
    const measure = p.units.measure[u], into = byMeasure[measureOf(u)], band = bandOf(p, u), cost = p.units.costPerMWh[u];
    for (let h = 0; h < H; h++) {
      const v = plan.x[u * H + h];
      if (v <= 0) continue;
      const i = r * H + h;
      mw[i] += v;
      into[h] += v;
      bandMWh[band] += v;
      economicLoss += v * cost;
      onMeasures[r] |= 1 << measure;
      if (measure === LIMIT) limited[r] = 1;
      if (v > mainMW[i]) { mainMW[i] = v; main[i] = measure; }
    }
  }
  const feedersOpened: PlanReport['feedersOpened'] = [];
  for (let f = 0; f < p.feeders.id.length; f++) {
    let hours = 0, peak = 0, mwh = 0;
    for (let h = 0; h < H; h++) {
      if (!plan.feederOpen[f * H + h]) continue;
      const total = plan.feederMW[f * H + h];
      hours++; peak = Math.max(peak, total); mwh += total;
      byMeasure['feeder-open'][h] += total;
      bandMWh[feederBand(p)] += total;
      // The feeder's load goes in proportion to what each customer still drew.
      let left = 0;
      for (const c of p.feeders.customers[f]) left += Math.max(0, p.customers.baseline[c * H + h] - mw[row[c] * H + h]);
      for (const c of p.feeders.customers[f]) {
        const i = row[c] * H + h;
        const share = left > 0 ? Math.max(0, p.customers.baseline[c * H + h] - mw[i]) / left : 0;
        mw[i] += share * total;
        economicLoss += share * total * p.customers.costPerMWh[c];
        main[i] = 4;
        onMeasures[row[c]] |= 1 << 4;
      }
    }
    if (hours) {
      const open: number[] = [];
      for (let h = 0; h < H; h++) if (plan.feederOpen[f * H + h]) open.push(h);
      feedersOpened.push({ feeder: p.feeders.id[f], area: p.areaIds[p.feeders.area[f]], hours, peakMW: round(peak), energyMWh: round(mwh), open });
    }
  }

  // Per customer: its 限电 cap and shift return windows (from its units), and where its 限电 is in force.
  const limitCap = new Float64Array(C).fill(-1), shiftMask = new Uint32Array(C);
  const limitOn = new Uint8Array(rows * H);
  for (let u = 0; u < U; u++) {
    const c = p.units.customer[u];
    if (p.units.measure[u] === LIMIT) {
      limitCap[c] = p.units.paramMW[u];
      const r = row[c];
      if (r >= 0) for (let h = 0; h < H; h++) if (plan.x[u * H + h] > 0) limitOn[r * H + h] = 1;
    } else if (p.units.measure[u] === SHIFT) shiftMask[c] |= p.units.windowMask[u];
  }
  const customers: CustomerOrder[] = [];
  // MW per hour by customer class (what the plan asks of industry, commerce, …).
  const byClass = new Map<string, Float64Array>();
  let userTimes = 0;
  for (let c = 0; c < C; c++) {
    const r = row[c];
    if (r < 0) continue;
    let first = -1, hours = 0, peak = 0, mwh = 0;
    // 户次 counts customer-days: hours run in order, so a new day is a day index not seen last.
    let days = 0, lastDay = -1;
    let classMW: Float64Array | undefined;
    const noticeByDay: NonNullable<CustomerOrder['noticeByDay']> = [];
    for (let h = 0; h < H; h++) {
      const v = mw[r * H + h];
      if (v <= 1e-9) continue;
      if (!classMW) {
        classMW = byClass.get(p.customers.cls[c]);
        if (!classMW) byClass.set(p.customers.cls[c], (classMW = new Float64Array(H)));
      }
      classMW[h] += v;
      if (first < 0) first = h;
      hours++; peak = Math.max(peak, v); mwh += v;
      if (p.dayIndex[h] !== lastDay) {
        days++; lastDay = p.dayIndex[h];
        noticeByDay.push({ date: times[h].slice(0, 10), noticeBy: formatInZone(Math.max(p.issuedAtMs, p.startMs + (h - p.customers.noticeHours[c]) * 3_600_000), zone), firstHour: times[h] });
      }
    }
    if (first < 0) continue;
    userTimes += days;
    const notice = p.customers.noticeHours[c];
    const measures = onMeasures[r];
    const hourly = new Array<number>(H), measureByHour = new Array<Measure | ''>(H);
    for (let h = 0; h < H; h++) {
      const v = mw[r * H + h], m = main[r * H + h];
      hourly[h] = round(v);
      measureByHour[h] = m >= 0 && v > 1e-9 ? MEASURES[m] : '';
    }
    customers.push({
      id: p.customers.id[c], name: p.customers.name[c], class: p.customers.cls[c], feeder: p.feeders.id[p.customers.feeder[c]],
      area: p.areaIds[p.customers.area[c]], measures: MEASURES.filter((_, i) => measures & (1 << i)),
      noticeBy: formatInZone(Math.max(p.issuedAtMs, p.startMs + first * 3_600_000 - notice * 3_600_000), zone), noticeHours: notice,
      firstHour: times[first], hours, peakMW: round(peak), energyMWh: round(mwh), mw: hourly, measureByHour,
      tier: (['restricted-first', 'ordinary', 'last'] as const)[p.customers.tier[c]], keyEnterprise: p.customers.keyEnterprise?.[c] === 1,
      control: p.customers.manual[c] ? 'manual' : 'terminal', responseMinutes: p.customers.responseMinutes[c],
      ...(limitCap[c] >= 0 ? { limitCapMW: limitCap[c] } : {}),
      ...(limited[r] ? { limitToMW: Array.from({ length: H }, (_, h) => (limitOn[r * H + h] ? round(Math.max(0, p.customers.baseline[c * H + h] - mw[r * H + h])) : null)) } : {}),
      ...(shiftMask[c] ? { shiftReturn: windowsText(shiftMask[c]) } : {}),
      noticeByDay,
    });
  }
  customers.sort((a, b) => b.energyMWh - a.energyMWh || (a.id < b.id ? -1 : 1));
  const fineRow = (a: Float64Array, from: number, n: number) => {
    const out = new Array<number>(n);
    for (let h = 0; h < n; h++) out[h] = Math.round(a[from + h] * 1e6) / 1e6;
    return out;
  };
  const orders: PlanReport['orders'] = [];
  for (let u = 0; u < U; u++) {
    let any = false;
    for (let h = 0; h < H && !any; h++) any = plan.x[u * H + h] > 0;
    if (!any) continue;
    const isShift = p.units.measure[u] === SHIFT;
    const some = (a: Float64Array | null) => { if (!a) return false; for (let h = 0; h < H; h++) if (a[u * H + h] > 0) return true; return false; };
    orders.push({
      customer: p.customers.id[p.units.customer[u]], measure: measureOf(u),
      mw: fineRow(plan.x, u * H, H),
      ...(isShift ? { paybackMW: fineRow(plan.payback, u * H, H) } : {}),
      ...(some(plan.xEnergy) ? { energyMW: fineRow(plan.xEnergy!, u * H, H) } : {}),
      ...(some(plan.xHold) ? { heldMW: fineRow(plan.xHold!, u * H, H) } : {}),
    });
  }

  const outcome = (k: number): AreaOutcome => {
    const con = p.constraints[k];
    const causes = plan.causes[k];
    let notice = 0, daily = 0, floor = 0, structural = 0, peak = 0, mwh = 0;
    for (let h = 0; h < H; h++) {
      notice += causes.notice[h]; daily += causes.dailyHours[h]; floor += causes.floor[h]; structural += causes.structural[h];
      peak = Math.max(peak, plan.residualMW[k][h]); mwh += plan.residualMW[k][h];
    }
    const structuralName: ResidualCause = con.scope === 'local' ? 'import limit' : 'protected load too large';
    const causesMWh: Partial<Record<ResidualCause, number>> = {};
    if (notice > 1e-6) causesMWh['notice too short'] = round(notice);
    if (daily > 1e-6) causesMWh['daily hours'] = round(daily);
    if (floor > 1e-6) causesMWh['security floor'] = round(floor);
    if (structural > 1e-6) causesMWh[structuralName] = round(structural);
    const top = Object.entries(causesMWh).sort((a, b) => b[1] - a[1])[0];
    return {
      area: p.areaIds[con.area], name: con.name, scope: con.scope,
      requiredMW: fine(plan.requiredMW[k]), coveredMW: fine(plan.coveredMW[k]), residualMW: fine(plan.residualMW[k]),
      peakResidualMW: round(peak), residualMWh: round(mwh), cause: mwh > 1e-6 && top ? (top[0] as ResidualCause) : null, causesMWh,
    };
  };
  const system = outcome(0);
  const local = p.constraints.slice(1).map((_, i) => outcome(i + 1));
  const payback = new Float64Array(H);
  for (let u = 0; u < U; u++) for (let h = 0; h < H; h++) payback[h] += plan.payback[u * H + h];

  let peakCurtailed = 0, curtailedMWh = 0;
  for (let h = 0; h < H; h++) {
    let t = 0;
    for (const m of MEASURES) t += byMeasure[m][h];
    peakCurtailed = Math.max(peakCurtailed, t);
    curtailedMWh += t;
  }
  // Energy days left short are a residual of their own, caused by the energy budget.
  if (plan.rotation) {
    const short = plan.rotation.days.reduce((t, d) => t + d.residualMWh, 0);
    if (short > 1e-6) {
      system.causesMWh['energy budget'] = round(short);
      if (!system.cause) system.cause = 'energy budget';
    }
  }

  // Plan scale: what the plan's customers and openable feeders could release at the hour of the
  // largest requirement, against the required share of the historical maximum load.
  let ref = 0;
  for (let h = 1; h < H; h++) if (p.constraints[0].gapMW[h] > p.constraints[0].gapMW[ref]) ref = h;
  const capOf = new Float64Array(C);
  for (let u = 0; u < U; u++) capOf[p.units.customer[u]] += plan.capacity[u * H + ref];
  const wholeLoad = new Uint8Array(C);
  for (const f of feederRanking(p).openable) for (const c of p.feeders.customers[f]) wholeLoad[c] = 1;
  let capacityMW = 0;
  const floors = budgetFloors(p);
  for (let c = 0; c < C; c++) {
    const base = p.customers.baseline[c * H + ref];
    capacityMW += wholeLoad[c] ? base : Math.min(capOf[c], Math.max(0, base - floors[c]));
  }
  const requiredMW = p.planScaleShare * p.historicalMaxMW;

  const lp = lpObjective(p, plan);
  const bands = Array.from(bandMWh, (mwh, b) => ({
    measure: p.ladder[Math.floor(b / TIER_COUNT)], tier: TIER_RANKS[b % TIER_COUNT], mwh: round(mwh),
  })).filter((b) => b.mwh > 0);
  return {
    format: 'orderly-plan/1',
    scenario: meta.scenario, strategy: plan.fellBackFrom ?? plan.strategy, level: meta.level,
    ...(plan.fellBackFrom ? { fellBackToLeastCost: { strategy: plan.fellBackFrom, residualAboveMWh: round(plan.residualAboveLeastCostMWh ?? 0) } } : {}),
    ...largestTarget(p),
    issuedAt: formatInZone(p.issuedAtMs, zone), start: time(0), hours: H, timeZone: p.timeZone, currency: p.currency, times,
    objective: {
      declared: plan.fellBackFrom ? `${STRATEGY_OBJECTIVES[plan.strategy]} — used for "${plan.fellBackFrom}", whose own plan left ${round(plan.residualAboveLeastCostMWh ?? 0)} MWh more residual` : STRATEGY_OBJECTIVES[plan.strategy], economicLoss: round(economicLoss, 0), lpValue: lp.value, bandMWh: bands,
      customersAffected: customers.length, ...(meta.customersLowerBound !== undefined ? { customersLowerBound: meta.customersLowerBound } : {}),
      userTimes, peakCurtailedMW: round(peakCurtailed), curtailedMWh: round(curtailedMWh),
    },
    system: {
      ...system, snapBackMW: arr(plan.snapBackMW[0]), paybackMW: arr(payback),
      byMeasureMW: Object.fromEntries(MEASURES.map((m) => [m, arr(byMeasure[m])])) as Record<Measure, number[]>,
      byClassMW: Object.fromEntries([...byClass].map(([k, v]) => [k, v, v.reduce((a, b) => a + b, 0)] as const).sort((a, b) => b[2] - a[2] || (a[0] < b[0] ? -1 : 1)).map(([k, v]) => [k, arr(v)])),
      ...(plan.fairShare ? { fairShare: fine(plan.fairShare) } : {}),
    },
    local,
    residual: {
      totalMWh: round(system.residualMWh + local.reduce((t, l) => t + l.residualMWh, 0)),
      peakMW: round(Math.max(system.peakResidualMW, ...local.map((l) => l.peakResidualMW))),
      areas: [system, ...local].filter((o) => o.residualMWh > 1e-6).map((o) => o.area),

    },
    // The assignment is reported whenever the plan was made with one — the exact method's, or the
    // least-cost plan's daily hours a fair or fewest plan was held to — so a plan read back can be
    // verified on the hours it was made with.
    ...(plan.dailyHours || plan.allowed ? {
      dailyHours: {
        ...(plan.dailyHours ?? { method: "the least-cost plan's daily hours (the strategy covers what least cost covers)", days: [], kept: true }),
        ...(plan.allowed ? { assigned: assignedHours(p, plan.allowed, times) } : {}),
      },
    } : {}),
    customers, orders, feedersOpened, emergencyOrder: emergency,
    planScale: {
      capacityMW: round(capacityMW), requiredMW: round(requiredMW), historicalMaxMW: round(p.historicalMaxMW),
      share: round(capacityMW / p.historicalMaxMW, 4), requiredShare: p.planScaleShare, ok: capacityMW >= requiredMW,
    },
    rotation: plan.rotation ? { blocks: plan.rotation.blocks, days: plan.rotation.days, peakPoolShare: plan.rotation.peakPoolShare, collapsed: plan.rotation.collapsed } : null,
    madeOn: { gapSha256: gapFingerprint(p) },
    verification, timings: { solveMs: plan.solveMs, verifyMs: verification.verifyMs },
  };
}

/** The largest gap over the constraints the plan covers (the system first on a tie), and its area. */
function largestTarget(p: PlanProblem): Pick<PlanReport, 'targetMW' | 'targetArea'> {
  const { mw, k } = largestGap(p);
  const con = p.constraints[k];
  return { targetMW: round(mw), targetArea: { id: p.areaIds[con.area], name: con.name, scope: con.scope } };
}
