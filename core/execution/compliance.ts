/**
 * Compliance (执行情况) of one day, from the meters: for every customer ordered that day and every
 * ordered hour, the release is baseline − actual; an hour delivers its release up to the order
 * (over-delivery in one hour does not make up for a late start in another). Per customer:
 *  - 完成率 completion = Σ delivered / Σ ordered over its ordered hours;
 *  - 执行率 execution rate = the share of its ordered hours whose release reached the threshold
 *    share of the order; 是否执行 executed = completion ≥ the threshold;
 *  - late: its first ordered hours fell short while a later one reached the threshold.
 * By city (地市), county (区县) and class: completion over the group's MWh, and the execution rate
 * as the share of its metered customers that executed. Deviation alarms: every customer-hour whose
 * release fell short of its order by more than the deviation threshold. A customer without a
 * meter reading or a baseline on the day is listed as unmetered with why, never judged.
 */
import type { Measure } from '../scenario/classes.ts';
import { baselineFor, dayRatio, type BaselinePolicy } from './baselines.ts';
import type { ExecutionContext } from './context.ts';
import { meterAt, meterIn, meterKey, type Meters } from './meters.ts';
import type { PlanDay } from './plan-days.ts';

export interface ComplianceOptions {
  policy: BaselinePolicy;
  /** Share of an order that counts as executed (default 0.8). */
  threshold?: number;
  /** Shortfall below an order, as a share of it, that raises an alarm (default 0.2). */
  deviation?: number;
}

export interface CustomerCompliance {
  customer: string;
  name: string;
  contact: string;
  class: string;
  feeder: string;
  area: string;
  city: string;
  county: string;
  measures: Measure[];
  /** Local hours ordered. */
  hours: number[];
  /** Null when the customer could not be judged (no readings or no baseline on the day). */
  unmetered: string | null;
  baselineDays: string[];
  /** By local hour 0..23 (null where not known: NaN never leaves core/). */
  orderedMW: number[];
  baselineMW: (number | null)[];
  actualMW: (number | null)[];
  releasedMW: (number | null)[];
  orderedMWh: number;
  deliveredMWh: number;
  /** Baseline − actual over the ordered hours, negative hours included. */
  releasedMWh: number;
  /** Null for a customer not judged. */
  completion: number | null;
  executionRate: number | null;
  executed: boolean;
  lateHours: number;
  /** Means over the ordered hours (the 未执行到位 list's columns); null for a customer not judged. */
  mean: { baselineMW: number; orderedMW: number; actualMW: number; releasedMW: number } | null;
}

export interface ComplianceGroup {
  key: string;
  customers: number;
  metered: number;
  executed: number;
  orderedMWh: number;
  deliveredMWh: number;
  /** Null where the group has nothing metered to judge. */
  completion: number | null;
  executionRate: number | null;
}

export interface DeviationAlarm {
  customer: string;
  time: string;
  orderedMW: number;
  releasedMW: number;
  /** Shortfall as a share of the order. */
  shortfall: number;
}

export interface DayCompliance {
  date: string;
  policy: BaselinePolicy;
  threshold: number;
  deviation: number;
  customers: CustomerCompliance[];
  byCity: ComplianceGroup[];
  byCounty: ComplianceGroup[];
  byClass: ComplianceGroup[];
  total: ComplianceGroup;
  alarms: DeviationAlarm[];
  /**
   * How far the day ran from its baselines before the orders: customers whose load in the hours
   * before their order was over 10 % above (or below) their baseline. Many above: a hotter day
   * than the baseline days, whose releases the baseline understates (--baseline day-adjusted).
   */
  baselineDrift: { above: number; below: number; compared: number };
  /** Per local hour: MW ordered, and MW released by the metered customers (floored at 0 per customer). */
  orderedByHour: number[];
  releasedByHour: number[];
}

export function dayCompliance(ctx: ExecutionContext, d: PlanDay, meters: Meters, options: ComplianceOptions): DayCompliance {
  const threshold = options.threshold ?? 0.8, deviation = options.deviation ?? 0.2;
  const s = ctx.scenario, plan = ctx.plan;
  const byId = ctx.customerById;
  const customers: CustomerCompliance[] = [];
  const alarms: DeviationAlarm[] = [];
  const orderedByHour = new Float64Array(24), releasedByHour = new Float64Array(24);
  const baselineDrift = { above: 0, below: 0, compared: 0 };
  for (const cd of d.customers) {
    const row = plan.customers[cd.row];
    const c = byId.get(row.id);
    const region = ctx.regions.get(row.area) ?? { city: '', county: '' };
    const contact = [c?.contact?.name, c?.contact?.phone].filter(Boolean).join(' ');
    const measures = Object.keys(cd.byMeasure) as Measure[], orderedMW = plain(cd.ordered);
    // Written out field by field in one order (no spread of a shared part: a province judges 30,000 a day).
    const unjudged = (why: string): CustomerCompliance => ({
      customer: row.id, name: row.name, contact, class: row.class, feeder: row.feeder, area: row.area, city: region.city, county: region.county,
      measures, hours: cd.hours, orderedMW,
      unmetered: why, baselineDays: [], baselineMW: nulls(), actualMW: nulls(), releasedMW: nulls(),
      orderedMWh: cd.hours.reduce((a, h) => a + cd.ordered[h], 0), deliveredMWh: 0, releasedMWh: 0,
      completion: null, executionRate: null, executed: false, lateHours: 0, mean: null,
    });
    for (const h of cd.hours) orderedByHour[h] += cd.ordered[h];
    const k = meterKey('customer', row.id);
    const m = meterIn(meters, 'customer', row.id);
    if (m === undefined) { customers.push(unjudged('no meter readings for the customer')); continue; }
    const series = meters.series[m];
    const actual = nan();
    let missing = -1;
    for (const h of cd.hours) { actual[h] = meterAt(series, d.axisHour[h]); if (!Number.isFinite(actual[h]) && missing < 0) missing = h; }
    if (missing >= 0) { customers.push(unjudged(`no reading at ${ctx.axis.time(d.axisHour[missing])}, an ordered hour`)); continue; }
    for (let h = 0; h < 24; h++) if (!Number.isFinite(actual[h])) actual[h] = meterAt(series, d.axisHour[h]);
    const b = baselineFor(options.policy, series, d.day, { axis: ctx.axis, calendar: ctx.calendar, eventDays: ctx.eventDays.get(k) ?? NO_DAYS, firstOrderedHour: cd.hours[0], ...(options.policy === 'similar-days' ? { peakTemperature: ctx.peakTemperature('customer', row.id) } : {}) });
    if (!b.ok) { customers.push(unjudged(`no baseline: ${b.why}`)); continue; }
    const drift = options.policy === 'hour-before' ? null : dayRatio(series, ctx.axis, d.day, cd.hours[0], b.adjustment ? b.mw.map((v) => v / b.adjustment!) : b.mw);
    if (typeof drift === 'number') { baselineDrift.compared++; if (drift > 1.1) baselineDrift.above++; else if (drift < 0.9) baselineDrift.below++; }
    const released = nan();
    let ordered = 0, delivered = 0, releasedSum = 0, met = 0, lateHours = 0, seenMet = false, leadingShort = 0;
    const mean = { baselineMW: 0, orderedMW: 0, actualMW: 0, releasedMW: 0 };
    for (let h = 0; h < 24; h++) if (Number.isFinite(actual[h])) released[h] = b.mw[h] - actual[h];
    for (const h of cd.hours) {
      const o = cd.ordered[h], r = released[h];
      ordered += o;
      delivered += Math.min(Math.max(r, 0), o);
      releasedSum += r;
      releasedByHour[h] += Math.max(r, 0);
      const ok = r >= threshold * o - 1e-9;
      if (ok) { met++; if (!seenMet) { seenMet = true; lateHours = leadingShort; } } else if (!seenMet) leadingShort++;
      const short = (o - r) / o;
      if (short > deviation + 1e-9) alarms.push({ customer: row.id, time: ctx.axis.time(d.axisHour[h]), orderedMW: o, releasedMW: r, shortfall: short });
      mean.baselineMW += b.mw[h]; mean.orderedMW += o; mean.actualMW += actual[h]; mean.releasedMW += r;
    }
    const n = cd.hours.length;
    for (const key of Object.keys(mean) as (keyof typeof mean)[]) mean[key] /= n;
    const completion = ordered > 0 ? delivered / ordered : 1;
    customers.push({
      customer: row.id, name: row.name, contact, class: row.class, feeder: row.feeder, area: row.area, city: region.city, county: region.county,
      measures, hours: cd.hours, orderedMW,
      unmetered: null, baselineDays: b.days, baselineMW: known(b.mw), actualMW: known(actual), releasedMW: known(released),
      orderedMWh: ordered, deliveredMWh: delivered, releasedMWh: releasedSum,
      completion, executionRate: met / n, executed: completion >= threshold - 1e-9, lateHours, mean,
    });
  }
  alarms.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : a.customer < b.customer ? -1 : 1));
  return {
    date: d.date, policy: options.policy, threshold, deviation, customers,
    byCity: groups(customers, (c) => c.city), byCounty: groups(customers, (c) => c.county), byClass: groups(customers, (c) => c.class),
    total: groups(customers, () => 'total')[0] ?? group('total', []),
    alarms, baselineDrift, orderedByHour: plain(orderedByHour), releasedByHour: plain(releasedByHour),
  };
}

const nulls = (): (number | null)[] => new Array(24).fill(null);
const nan = () => new Float64Array(24).fill(Number.NaN);
const NO_DAYS: ReadonlySet<number> = new Set();
/** A day's hourly figures with null where unknown (a plain loop: Array.from with a map function is slow in V8). */
const known = (v: Float64Array): (number | null)[] => {
  const out = new Array<number | null>(v.length);
  for (let i = 0; i < v.length; i++) out[i] = Number.isFinite(v[i]) ? v[i] : null;
  return out;
};
const plain = (v: Float64Array): number[] => { const out = new Array<number>(v.length); for (let i = 0; i < v.length; i++) out[i] = v[i]; return out; };

function group(key: string, list: CustomerCompliance[]): ComplianceGroup {
  const g = { customers: 0, metered: 0, executed: 0, orderedMWh: 0, deliveredMWh: 0 };
  for (const c of list) add(g, c);
  return groupOf(key, g);
}

type Sums = { customers: number; metered: number; executed: number; orderedMWh: number; deliveredMWh: number };
/** One customer into a group's sums (in list order: the same sums as the list's filter and reduce). */
function add(g: Sums, c: CustomerCompliance): void {
  g.customers++;
  if (c.unmetered !== null) return;
  g.metered++;
  g.orderedMWh += c.orderedMWh; g.deliveredMWh += c.deliveredMWh;
  if (c.executed) g.executed++;
}
const groupOf = (key: string, g: Sums): ComplianceGroup => ({
  key, customers: g.customers, metered: g.metered, executed: g.executed, orderedMWh: g.orderedMWh, deliveredMWh: g.deliveredMWh,
  completion: g.orderedMWh > 0 ? g.deliveredMWh / g.orderedMWh : null,
  executionRate: g.metered ? g.executed / g.metered : null,
});

function groups(list: CustomerCompliance[], keyOf: (c: CustomerCompliance) => string): ComplianceGroup[] {
  const by = new Map<string, Sums>();
  for (const c of list) {
    const k = keyOf(c);
    let g = by.get(k);
    if (!g) by.set(k, (g = { customers: 0, metered: 0, executed: 0, orderedMWh: 0, deliveredMWh: 0 }));
    add(g, c);
  }
  return [...by].map(([k, g]) => groupOf(k, g)).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
