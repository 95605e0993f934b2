/**
 * The planning problem as typed tables (pandapower style), kept apart from how it is solved
 * (PowerModels style): which customers can release load, by which measure, how much per hour, and
 * which gaps (the system's and each import-limited area's) must be covered hour by hour.
 *
 * Protected customers are not in these tables at all (DESIGN §3.1: absent from the decision, not
 * penalised). Feeders are all listed, with the raw facts a verifier needs to judge for itself
 * whether one may be opened.
 */
import type { Measure } from '../scenario/classes.ts';

/** Rank of a customer's tier inside a rung: restricted-first classes go before ordinary ones. */
export const TIER_RANKS = ['restricted-first', 'ordinary', 'last'] as const;
export const TIER_COUNT = TIER_RANKS.length;

export interface PlanConstraint {
  /** Index into `areaIds`. */
  area: number;
  name: string;
  scope: 'system' | 'local';
  /** Signed gap per hour, MW: above zero it must be covered; below zero it is room (surplus). */
  gapMW: Float64Array;
}

export interface PlanCustomers {
  id: string[];
  name: string[];
  cls: string[];
  feeder: Int32Array;
  /** Area (the feeder's substation) index. */
  area: Int32Array;
  /** Index into TIER_RANKS. */
  tier: Uint8Array;
  costPerMWh: Float64Array;
  floorMW: Float64Array;
  noticeHours: Float64Array;
  /** Infinity where the customer has no daily limit. */
  maxHoursPerDay: Float64Array;
  /** 1 where the customer is switched by hand (manual), 0 by terminal. */
  manual: Uint8Array;
  /** Minutes from an order to the load being off. */
  responseMinutes: Float64Array;
  /** 1 where the customer is a whitelisted key enterprise (tier "last" with the security-load holders). */
  keyEnterprise?: Uint8Array;
  /** Baseline MW, customer-major: baseline[c * hours + h]. */
  baseline: Float32Array;
}

export interface PlanUnits {
  customer: Int32Array;
  /** Index into MEASURES (never feeder-open: feeders are their own table). */
  measure: Uint8Array;
  /** Demand response, shift, avoid-peak: the agreed MW. Limit: the cap the load is held to. */
  paramMW: Float64Array;
  /** Cost per MWh released, in the scenario's currency (demand response: its price). */
  costPerMWh: Float64Array;
  /** Local hours (bit h) a measure applies in: avoid-peak windows; for shifts, the return windows. */
  windowMask: Uint32Array;
  /** Shift: share of the shifted energy that comes back. */
  payback: Float64Array;
}

export interface PlanFeeders {
  id: string[];
  area: Int32Array;
  servesProtected: Uint8Array;
  residentialShare: Float64Array;
  uflsRound: Uint8Array;
  /** Protected customers on the feeder (counted from the scenario by the builder). */
  protectedCustomers: Int32Array;
  /** Customers of the problem on the feeder (indices into customers). */
  customers: Int32Array[];
  /** Customers on the feeder that the problem does not hold (protected or without a baseline). */
  otherCustomers: Int32Array;
}

export interface PlanProblem {
  hours: number;
  startMs: number;
  issuedAtMs: number;
  timeZone: string;
  currency: string;
  /** Local hour (0..23) and local day (0-based from the first hour) of every hour. */
  localHour: Uint8Array;
  dayIndex: Int32Array;
  /** First local date (YYYY-MM-DD) of the horizon. */
  firstDate: string;
  /** The policy's ladder; feeder-open is always its last rung. */
  ladder: Measure[];
  areaIds: string[];
  areaNames: string[];
  /** Parent index, −1 for the root. */
  areaParent: Int32Array;
  /** constraints[0] is the system (the root area). */
  constraints: PlanConstraint[];
  customers: PlanCustomers;
  units: PlanUnits;
  feeders: PlanFeeders;
  /** Share of a curtailment that comes back in the hour after it ends (cold-load pickup, restarted lines). */
  snapBackShare: number;
  /** Energy still to be curtailed per local day, MWh (energy-limited shortages), or empty. */
  energyDays: { date: string; gapMWh: number }[];
  /** Historical maximum load of the system, MW (for the plan-scale check). */
  historicalMaxMW: number;
  planScaleShare: number;
}

/** The band of a unit: rung position × tiers + tier rank. Lower bands are used first. */
export function bandOf(p: PlanProblem, unit: number): number {
  const rung = p.ladder.indexOf(measureName(p.units.measure[unit]));
  return rung * TIER_COUNT + p.customers.tier[p.units.customer[unit]];
}

export const MEASURE_LIST: readonly Measure[] = ['demand-response', 'shift', 'avoid-peak', 'limit', 'feeder-open'];
export function measureName(index: number): Measure {
  return MEASURE_LIST[index];
}
export function measureIndex(m: Measure): number {
  return MEASURE_LIST.indexOf(m);
}
export const SHIFT = 1;
export const AVOID_PEAK = 2;
export const LIMIT = 3;
export const DEMAND_RESPONSE = 0;

/** Band of opening a feeder: after every measure of every tier. */
export function feederBand(p: PlanProblem): number {
  return p.ladder.indexOf('feeder-open') * TIER_COUNT + TIER_COUNT - 1;
}

/** Ancestor chain (self first) of every area. */
export function areaChains(p: PlanProblem): Int32Array[] {
  return p.areaIds.map((_, a) => {
    const chain: number[] = [];
    for (let x = a; x >= 0; x = p.areaParent[x]) chain.push(x);
    return Int32Array.from(chain);
  });
}

/**
 * Which constraints contain each area, deepest first (the system constraint always last).
 * The areas of a tree nest, so these are laminar sets.
 */
export function constraintChains(p: PlanProblem): Int32Array[] {
  const byArea = new Map<number, number>();
  p.constraints.forEach((k, i) => byArea.set(k.area, i));
  return areaChains(p).map((chain) => Int32Array.from([...chain].flatMap((a) => (byArea.has(a) ? [byArea.get(a)!] : []))));
}
