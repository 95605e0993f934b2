/**
 * What a printed plan needs from the per-customer lists: the customers releasing the most (the
 * list a province plan prints in full would run to thousands of pages; the CSV holds them all),
 * and the plan split by area and by class (调控指标分解), with each group's coincident peak.
 */
import type { CustomerOrder } from './report.ts';
import type { PlanLists } from './report-parts.ts';

export type ListedCustomer = Omit<CustomerOrder, 'mw' | 'measureByHour'>;

export interface PlanGroup {
  key: string;
  customers: number;
  /** The group's largest hourly total (not the sum of its customers' peaks). */
  peakMW: number;
  energyMWh: number;
}

export interface PlanDigest {
  customers: number;
  /** The `limit` customers with the largest peak release, largest first. */
  top: ListedCustomer[];
  /** By the area each customer is in (its substation). */
  byArea: PlanGroup[];
  /** By the areas just below the whole system (a province's cities), when asked for. */
  byRegion?: PlanGroup[];
  byClass: PlanGroup[];
}

/**
 * `regionOf` maps a customer's area to the region it is reported under (targets are split down
 * province → city → substation); without it there is no split by region.
 */
export function planDigest(lists: PlanLists, hours: number, limit = 100, regionOf?: (area: string) => string): PlanDigest {
  const ranked = [...lists.customers].sort((a, b) => b.peakMW - a.peakMW || b.energyMWh - a.energyMWh || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const top = ranked.slice(0, limit).map(({ mw: _mw, measureByHour: _m, ...rest }) => rest);
  return {
    customers: lists.customers.length, top, byArea: groups(lists.customers, hours, (c) => c.area),
    ...(regionOf ? { byRegion: groups(lists.customers, hours, (c) => regionOf(c.area)) } : {}),
    byClass: groups(lists.customers, hours, (c) => c.class),
  };
}

/** Each area's ancestor just below the root (the root itself for the root); from a parent table. */
export function regionOfArea(areas: { id: string; parent: string | null }[]): (area: string) => string {
  const parent = new Map(areas.map((a) => [a.id, a.parent]));
  return (area) => {
    let at = area;
    for (let up = parent.get(at); up !== null && up !== undefined && parent.get(up) !== null; up = parent.get(at)) at = up;
    return at;
  };
}

function groups(customers: CustomerOrder[], hours: number, keyOf: (c: CustomerOrder) => string): PlanGroup[] {
  const by = new Map<string, { customers: number; mw: Float64Array; energyMWh: number }>();
  for (const c of customers) {
    const key = keyOf(c);
    let g = by.get(key);
    if (!g) by.set(key, (g = { customers: 0, mw: new Float64Array(hours), energyMWh: 0 }));
    g.customers++;
    g.energyMWh += c.energyMWh;
    for (let h = 0; h < hours; h++) g.mw[h] += c.mw[h] ?? 0;
  }
  return [...by].map(([key, g]) => ({ key, customers: g.customers, peakMW: Math.max(0, ...g.mw), energyMWh: g.energyMWh }))
    .sort((a, b) => b.peakMW - a.peakMW || (a.key < b.key ? -1 : 1));
}
