/**
 * A plan (already read back and re-verified) seen day by day, as execution judges it: for every
 * local day of the plan, the customers ordered that day with the MW ordered in each local hour,
 * split by measure (a customer on demand response and 避峰 at once is counted on both), and the
 * plan hours of that day. Orders are taken from the plan's customer list (which the read-back
 * checked against the orders and the feeders opened), their split from the orders themselves.
 */
import type { PlanReport } from '../plan/report.ts';
import type { Measure } from '../scenario/classes.ts';
import { parseTimestamp, HOUR_MS } from '../time/timestamp.ts';
import type { HourAxis } from './local-days.ts';
import { dayOfDate } from './local-days.ts';

/** Below this an hour's order is nothing (the planner orders whole kW). */
export const ORDER_EPSILON_MW = 1e-6;

export interface CustomerDay {
  customer: string;
  /** Index into plan.customers. */
  row: number;
  /** MW ordered by local hour (0..23), measures and an opened feeder together. */
  ordered: Float64Array;
  /** MW ordered by measure and local hour; 'feeder-open' holds what the open feeder takes beyond the measures. */
  byMeasure: Partial<Record<Measure, Float64Array>>;
  /** Local hours with an order, ascending. */
  hours: number[];
}

export interface PlanDay {
  date: string;
  day: number;
  /** Plan hour index of each local hour of the day (−1 where the plan does not reach it). */
  planHour: Int32Array;
  /** Axis hour of each local hour (−1 where the axis lacks it). */
  axisHour: Int32Array;
  customers: CustomerDay[];
  /** Local hours with any order. */
  hours: number[];
  /** MW to cover (the gap dispatch set: the system's, or the local gaps where larger) by local hour. */
  requiredMW: Float64Array;
}

export function planDays(plan: PlanReport, axis: HourAxis): PlanDay[] {
  const startMs = parseTimestamp(plan.start)!.ms;
  const offset = Math.round((startMs - axis.startMs) / HOUR_MS);
  const dates = [...new Set(plan.times.map((t) => t.slice(0, 10)))];
  const ordersOf = new Map<string, PlanReport['orders']>();
  for (const o of plan.orders) { const l = ordersOf.get(o.customer); if (l) l.push(o); else ordersOf.set(o.customer, [o]); }
  return dates.map((date) => {
    const day = dayOfDate(date)!;
    const axisHour = axis.hoursOfDay(day) ?? new Int32Array(24).fill(-1);
    const planHour = new Int32Array(24).fill(-1);
    for (let lh = 0; lh < 24; lh++) {
      const p = axisHour[lh] < 0 ? -1 : axisHour[lh] - offset;
      planHour[lh] = p >= 0 && p < plan.hours ? p : -1;
    }
    const requiredMW = new Float64Array(24);
    // The system's gap, or where an import limit binds without one, the local gaps it sets.
    for (let lh = 0; lh < 24; lh++) {
      const p = planHour[lh];
      if (p < 0) continue;
      const local = plan.local.reduce((a, o) => a + Math.max(0, o.requiredMW[p]), 0);
      requiredMW[lh] = Math.max(0, plan.system.requiredMW[p], local);
    }
    const customers: CustomerDay[] = [];
    const any = new Uint8Array(24);
    plan.customers.forEach((row, r) => {
      // Most of a province's customers have no order on a given day: nothing is made for them.
      let some = false;
      for (let lh = 0; lh < 24 && !some; lh++) { const p = planHour[lh]; if (p >= 0 && row.mw[p] > ORDER_EPSILON_MW) some = true; }
      if (!some) return;
      const ordered = new Float64Array(24);
      const hours: number[] = [];
      for (let lh = 0; lh < 24; lh++) {
        const p = planHour[lh];
        if (p < 0) continue;
        const mw = row.mw[p];
        if (mw > ORDER_EPSILON_MW) { ordered[lh] = mw; hours.push(lh); any[lh] = 1; }
      }
      if (!hours.length) return;
      const byMeasure: CustomerDay['byMeasure'] = {};
      const measured = new Float64Array(24);
      for (const o of ordersOf.get(row.id) ?? []) {
        const v = new Float64Array(24);
        let some = false;
        for (const lh of hours) { const x = o.mw[planHour[lh]]; if (x > ORDER_EPSILON_MW) { v[lh] = x; measured[lh] += x; some = true; } }
        if (some) byMeasure[o.measure] = v;
      }
      // What the list gives beyond the measures is the share of an opened feeder.
      const open = new Float64Array(24);
      let opened = false;
      for (const lh of hours) { const rest = ordered[lh] - measured[lh]; if (rest > 1e-6) { open[lh] = rest; opened = true; } }
      if (opened) byMeasure['feeder-open'] = open;
      customers.push({ customer: row.id, row: r, ordered, byMeasure, hours });
    });
    const hours: number[] = [];
    for (let lh = 0; lh < 24; lh++) if (any[lh]) hours.push(lh);
    return { date, day, planHour, axisHour, customers, hours, requiredMW };
  });
}
