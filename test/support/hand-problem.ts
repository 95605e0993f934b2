/**
 * Planning problems written by hand for tests whose answers are worked out on paper: a few areas,
 * a few customers with constant baselines, gaps per hour. Hours start at 2024-07-10 00:00 +08:00.
 */
import { measureIndex, type PlanProblem } from '../../core/plan/problem.ts';
import type { Measure } from '../../core/scenario/classes.ts';

export interface HandCustomer {
  id: string;
  area?: string;
  feeder?: string;
  cls?: string;
  tier?: 0 | 1 | 2;
  baseMW: number | number[];
  floorMW?: number;
  costPerMWh?: number;
  noticeHours?: number;
  maxHoursPerDay?: number;
  measures: { measure: Exclude<Measure, 'feeder-open'>; mw: number; costPerMWh?: number; windows?: number[]; payback?: number }[];
}

export interface HandFeeder { id: string; area: string; servesProtected?: boolean; residentialShare?: number; protectedCustomers?: number; uflsRound?: number }

export interface HandProblem {
  hours: number;
  /** Hours between the issue time and the first hour (default 48). */
  leadHours?: number;
  areas?: { id: string; parent: string | null }[];
  systemGap: number[];
  local?: { area: string; gap: number[] }[];
  customers: HandCustomer[];
  feeders?: HandFeeder[];
  snapBackShare?: number;
  energyDays?: { date: string; gapMWh: number }[];
}

const START = Date.parse('2024-07-09T16:00:00Z');

export function handProblem(d: HandProblem): PlanProblem {
  const H = d.hours;
  const areas = d.areas ?? [{ id: 'A', parent: null }];
  const areaIndex = new Map(areas.map((a, i) => [a.id, i]));
  const feeders: HandFeeder[] = d.feeders ?? areas.map((a) => ({ id: `F-${a.id}`, area: a.id }));
  const feederIndex = new Map(feeders.map((f, i) => [f.id, i]));
  const C = d.customers.length;
  const baseline = new Float32Array(C * H);
  d.customers.forEach((c, i) => {
    for (let h = 0; h < H; h++) baseline[i * H + h] = Array.isArray(c.baseMW) ? c.baseMW[h] : c.baseMW;
  });
  const feederOf = (c: HandCustomer) => feederIndex.get(c.feeder ?? `F-${c.area ?? areas[0].id}`)!;
  const units = d.customers.flatMap((c, i) => c.measures.map((m) => ({ c: i, m, cost: m.costPerMWh ?? c.costPerMWh ?? 1000 })));
  const mask = (w?: number[]) => (w ?? []).reduce((acc, h) => acc | (1 << h), 0);
  const root = areas.findIndex((a) => a.parent === null);
  return {
    hours: H, startMs: START, issuedAtMs: START - (d.leadHours ?? 48) * 3_600_000, timeZone: 'Asia/Shanghai', currency: 'CNY',
    localHour: Uint8Array.from({ length: H }, (_, h) => h % 24), dayIndex: Int32Array.from({ length: H }, (_, h) => Math.floor(h / 24)),
    firstDate: '2024-07-10',
    ladder: ['demand-response', 'shift', 'avoid-peak', 'limit', 'feeder-open'],
    areaIds: areas.map((a) => a.id), areaNames: areas.map((a) => a.id),
    areaParent: Int32Array.from(areas, (a) => (a.parent === null ? -1 : areaIndex.get(a.parent)!)),
    constraints: [
      { area: root, name: 'System', scope: 'system', gapMW: Float64Array.from(d.systemGap) },
      ...(d.local ?? []).map((l) => ({ area: areaIndex.get(l.area)!, name: l.area, scope: 'local' as const, gapMW: Float64Array.from(l.gap) })),
    ],
    customers: {
      id: d.customers.map((c) => c.id), name: d.customers.map((c) => c.id), cls: d.customers.map((c) => c.cls ?? 'industry'),
      feeder: Int32Array.from(d.customers, feederOf),
      area: Int32Array.from(d.customers, (c) => areaIndex.get(feeders[feederOf(c)].area)!),
      tier: Uint8Array.from(d.customers, (c) => c.tier ?? 1),
      costPerMWh: Float64Array.from(d.customers, (c) => c.costPerMWh ?? 1000),
      floorMW: Float64Array.from(d.customers, (c) => c.floorMW ?? 0),
      noticeHours: Float64Array.from(d.customers, (c) => c.noticeHours ?? 24),
      maxHoursPerDay: Float64Array.from(d.customers, (c) => c.maxHoursPerDay ?? Infinity),
      manual: new Uint8Array(C), responseMinutes: new Float64Array(C), baseline,
    },
    units: {
      customer: Int32Array.from(units, (u) => u.c), measure: Uint8Array.from(units, (u) => measureIndex(u.m.measure)),
      paramMW: Float64Array.from(units, (u) => u.m.mw), costPerMWh: Float64Array.from(units, (u) => u.cost),
      windowMask: Uint32Array.from(units, (u) => mask(u.m.windows)), payback: Float64Array.from(units, (u) => u.m.payback ?? 0),
    },
    feeders: {
      id: feeders.map((f) => f.id), area: Int32Array.from(feeders, (f) => areaIndex.get(f.area)!),
      servesProtected: Uint8Array.from(feeders, (f) => (f.servesProtected ? 1 : 0)),
      residentialShare: Float64Array.from(feeders, (f) => f.residentialShare ?? 0),
      uflsRound: Uint8Array.from(feeders, (f) => f.uflsRound ?? 0),
      protectedCustomers: Int32Array.from(feeders, (f) => f.protectedCustomers ?? 0),
      customers: feeders.map((_, f) => Int32Array.from(d.customers.flatMap((c, i) => (feederOf(c) === f ? [i] : [])))),
      otherCustomers: new Int32Array(feeders.length),
    },
    snapBackShare: d.snapBackShare ?? 0,
    energyDays: d.energyDays ?? [],
    historicalMaxMW: 100, planScaleShare: 0.3,
  };
}
