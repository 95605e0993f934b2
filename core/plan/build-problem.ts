/**
 * From a scenario, its customer baselines and its gap assessment to the planning problem's tables.
 * Protected customers never enter them; feeders all do, with the facts that decide whether one may
 * be opened.
 */
import { customerBaselines } from '../forecast/baseline.ts';
import { classInfo, isProtectedClass, type Measure } from '../scenario/classes.ts';
import type { Customer, Scenario } from '../scenario/model.ts';
import { parseWindow, windowHours } from '../scenario/window.ts';
import { formatDate } from '../time/timestamp.ts';
import { resolveZone } from '../time/zone.ts';
import type { Assessment } from '../warning/assess.ts';
import { AVOID_PEAK, DEMAND_RESPONSE, LIMIT, SHIFT, type PlanConstraint, type PlanProblem } from './problem.ts';

export type PlanLevel = 'IV' | 'III' | 'II' | 'I';
export const PLAN_LEVELS: PlanLevel[] = ['IV', 'III', 'II', 'I'];

export interface BuildOptions {
  /** Plan for a warning level's gap instead of the forecast gap (see levelGap). */
  level?: PlanLevel;
  /** Share of a curtailment that snaps back in the hour after it ends (default 0.2). */
  snapBackShare?: number;
  /** Notice override for every customer, hours (what-if). */
  noticeHours?: number;
}

const maskOf = (windows: string[]): number => {
  let m = 0;
  for (const w of windows) {
    const parsed = parseWindow(w);
    if (parsed) for (const h of windowHours(parsed)) m |= 1 << h;
  }
  return m;
};

/**
 * The system gap a level's plan is made for: supply falls to (1 − u) of each day's maximum demand,
 * u being the level's upper threshold (IV 5 %, III 10 %, II 20 % by default) and, for level I, the
 * plan-scale share (30 %), so the level-I plan is the full-scale one the rules require.
 */
export function levelGap(a: Assessment, level: PlanLevel, planScaleShare: number): { gapMW: Float64Array; targetMW: number; share: number } {
  const t = a.policy.thresholdsPct;
  const share = level === 'IV' ? t[0] / 100 : level === 'III' ? t[1] / 100 : level === 'II' ? t[2] / 100 : Math.max(planScaleShare, t[2] / 100);
  const demand = a.system.demandMW;
  const zone = resolveZone(a.timeZone)!;
  const dayOf = (h: number) => { const ms = a.startMs + h * 3_600_000; return Math.floor((ms + zone.offsetAt(ms) * 60_000) / 86_400_000); };
  const dayMax = new Map<number, number>();
  for (let h = 0; h < a.hours; h++) dayMax.set(dayOf(h), Math.max(dayMax.get(dayOf(h)) ?? 0, demand[h]));
  const gap = Float64Array.from(demand, (d, h) => d - (1 - share) * dayMax.get(dayOf(h))!);
  return { gapMW: gap, targetMW: share * Math.max(...dayMax.values()), share };
}

/** The gaps a plan covers: the system's (or a level's) and every area whose import limit binds, at the assessment's confidence. */
export function buildGaps(s: Scenario, a: Assessment, level?: PlanLevel): { constraints: PlanConstraint[]; energyDays: PlanProblem['energyDays'] } {
  const areaIndex = new Map(s.areas.map((x, i) => [x.id, i]));
  const root = s.areas.findIndex((x) => x.parent === null);
  const systemGap = level ? levelGap(a, level, s.policy.planScaleShare).gapMW : Float64Array.from(a.system.gapAtConfidence);
  const constraints: PlanConstraint[] = [{ area: root, name: a.system.name, scope: 'system', gapMW: systemGap }];
  for (const g of a.local) constraints.push({ area: areaIndex.get(g.area)!, name: g.name, scope: 'local', gapMW: Float64Array.from(g.gapAtConfidence) });
  const energyDays = level ? [] : a.energy.filter((d) => d.gapAtConfidenceMWh > 0).map((d) => ({ date: d.date, gapMWh: d.gapAtConfidenceMWh }));
  return { constraints, energyDays };
}

export function buildPlanProblem(s: Scenario, a: Assessment, options: BuildOptions = {}): PlanProblem {
  const H = a.hours;
  const zone = resolveZone(s.timeZone)!;
  const localHour = new Uint8Array(H), dayIndex = new Int32Array(H);
  const firstDay = Math.floor((a.startMs + zone.offsetAt(a.startMs) * 60_000) / 86_400_000);
  for (let h = 0; h < H; h++) {
    const ms = a.startMs + h * 3_600_000;
    const local = ms + zone.offsetAt(ms) * 60_000;
    const day = Math.floor(local / 86_400_000);
    dayIndex[h] = day - firstDay;
    localHour[h] = Math.floor((local - day * 86_400_000) / 3_600_000);
  }

  const areaIndex = new Map(s.areas.map((x, i) => [x.id, i]));
  const areaParent = Int32Array.from(s.areas, (x) => (x.parent === null ? -1 : areaIndex.get(x.parent)!));
  const root = s.areas.findIndex((x) => x.parent === null);

  // Who can be in the plan: non-protected customers with measures, and every customer of a feeder
  // that may be opened (its whole load goes when it opens).
  const feederIndex = new Map(s.feeders.map((f, i) => [f.id, i]));
  const onFeeder = s.feeders.map(() => [] as Customer[]);
  for (const c of s.customers) onFeeder[feederIndex.get(c.feeder)!]?.push(c);
  const protectedOn = Int32Array.from(onFeeder, (cs) => cs.filter((c) => isProtectedClass(c.class)).length);
  const wholeFeeder = s.feeders.map((f, i) => !f.servesProtected && f.residentialShare === 0 && protectedOn[i] === 0);
  const include = (c: Customer) => !isProtectedClass(c.class) && (c.measures !== undefined || wholeFeeder[feederIndex.get(c.feeder)!]);
  const baselines = customerBaselines(s, { startMs: a.startMs, hours: H }, { include });
  const byId = new Map(s.customers.map((c) => [c.id, c]));
  const list = baselines.customers.map((id) => byId.get(id)!);
  const C = list.length;
  const index = new Map(list.map((c, i) => [c.id, i]));

  const notice = options.noticeHours;
  const tierOf = (c: Customer) => {
    const tier = classInfo(c.class)?.tier;
    return tier === 'restricted-first' ? 0 : tier === 'ordinary' && !c.keyEnterprise ? 1 : 2;
  };
  const customers: PlanProblem['customers'] = {
    id: list.map((c) => c.id),
    name: list.map((c) => c.name),
    cls: list.map((c) => c.class),
    feeder: Int32Array.from(list, (c) => feederIndex.get(c.feeder)!),
    area: Int32Array.from(list, (c) => areaIndex.get(s.feeders[feederIndex.get(c.feeder)!].substation)!),
    tier: Uint8Array.from(list, tierOf),
    costPerMWh: Float64Array.from(list, (c) => c.costPerMWh),
    floorMW: Float64Array.from(list, (c) => c.securityFloorMW),
    noticeHours: Float64Array.from(list, (c) => notice ?? c.noticeHours ?? s.policy.defaultNoticeHours),
    maxHoursPerDay: Float64Array.from(list, (c) => c.maxHoursPerDay ?? Infinity),
    manual: Uint8Array.from(list, (c) => (c.control === 'manual' ? 1 : 0)),
    responseMinutes: Float64Array.from(list, (c) => c.responseMinutes),
    keyEnterprise: Uint8Array.from(list, (c) => (c.keyEnterprise ? 1 : 0)),
    baseline: baselines.values,
  };

  const uc: number[] = [], um: number[] = [], param: number[] = [], cost: number[] = [], mask: number[] = [], payback: number[] = [];
  list.forEach((c, i) => {
    const m = c.measures;
    if (!m) return;
    const add = (measure: number, p: number, k: number, w = 0, back = 0) => { uc.push(i); um.push(measure); param.push(p); cost.push(k); mask.push(w); payback.push(back); };
    if (m.demandResponse) add(DEMAND_RESPONSE, m.demandResponse.maxMW, m.demandResponse.pricePerMWh);
    // Shifted production is not lost: only the share that never comes back costs the customer.
    if (m.shift) add(SHIFT, m.shift.maxMW, c.costPerMWh * Math.max(0, 1 - m.shift.paybackShare), maskOf(m.shift.returnWindows), m.shift.paybackShare);
    if (m.avoidPeak) add(AVOID_PEAK, m.avoidPeak.maxMW, c.costPerMWh, maskOf(m.avoidPeak.windows));
    if (m.limit) add(LIMIT, m.limit.capMW, c.costPerMWh);
  });
  const units: PlanProblem['units'] = {
    customer: Int32Array.from(uc), measure: Uint8Array.from(um), paramMW: Float64Array.from(param),
    costPerMWh: Float64Array.from(cost), windowMask: Uint32Array.from(mask), payback: Float64Array.from(payback),
  };

  const feeders: PlanProblem['feeders'] = {
    id: s.feeders.map((f) => f.id),
    area: Int32Array.from(s.feeders, (f) => areaIndex.get(f.substation)!),
    servesProtected: Uint8Array.from(s.feeders, (f) => (f.servesProtected ? 1 : 0)),
    residentialShare: Float64Array.from(s.feeders, (f) => f.residentialShare),
    uflsRound: Uint8Array.from(s.feeders, (f) => f.uflsRound ?? 0),
    protectedCustomers: protectedOn,
    customers: onFeeder.map((cs) => {
      const mine: number[] = [];
      for (const c of cs) { const i = index.get(c.id); if (i !== undefined) mine.push(i); }
      return Int32Array.from(mine);
    }),
    otherCustomers: Int32Array.from(onFeeder, (cs) => cs.filter((c) => !index.has(c.id) && !isProtectedClass(c.class)).length),
  };

  const { constraints, energyDays } = buildGaps(s, a, options.level);

  // Historical maximum: as declared, else the root's metered history, else the forecast peak.
  let historicalMaxMW = s.areas[root].historicalMaxMW ?? 0;
  if (!historicalMaxMW) {
    for (const h of s.history.load) if (h.of === 'area' && h.id === s.areas[root].id) for (const v of h.values) if (v > historicalMaxMW) historicalMaxMW = v;
  }
  if (!historicalMaxMW) historicalMaxMW = Math.max(...a.system.demandMW);

  return {
    hours: H, startMs: a.startMs, issuedAtMs: a.issuedAtMs, timeZone: s.timeZone, currency: s.currency,
    localHour, dayIndex, firstDate: formatDate(firstDay),
    ladder: [...s.policy.ladder.filter((m) => m !== 'feeder-open'), 'feeder-open'] as Measure[],
    areaIds: s.areas.map((x) => x.id), areaNames: s.areas.map((x) => x.name), areaParent, constraints, customers, units, feeders,
    snapBackShare: options.snapBackShare ?? 0.2,
    energyDays,
    historicalMaxMW, planScaleShare: s.policy.planScaleShare,
  };
}

