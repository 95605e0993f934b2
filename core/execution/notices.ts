/**
 * Notices as work (通知清单): from a plan, one notice per customer and local day it is ordered on,
 * with the latest time the notice may go out (its first ordered hour that day less the customer's
 * lead time), whom to call (the scenario's optional contact), the measures and the MW by hour.
 */
import type { PlanReport } from '../plan/report.ts';
import type { Measure } from '../scenario/classes.ts';
import type { Scenario } from '../scenario/model.ts';
import { HOUR_MS } from '../time/timestamp.ts';
import { formatInZone } from '../time/zone.ts';
import type { HourAxis } from './local-days.ts';
import type { PlanDay } from './plan-days.ts';

export interface Notice {
  /** `customer@date`: one notice per customer and day. */
  id: string;
  customer: string;
  name: string;
  contactName: string | null;
  contactPhone: string | null;
  class: string;
  feeder: string;
  area: string;
  date: string;
  measures: Measure[];
  /** Latest time the notice must go out (the first ordered hour less the customer's notice). */
  deadline: string;
  deadlineMs: number;
  noticeHours: number;
  firstHour: string;
  /** Hours ordered that day. */
  hours: number;
  peakMW: number;
  energyMWh: number;
  /** MW ordered in each local hour 0..23 of the day. */
  mw: number[];
}

const round = (v: number) => Math.round(v * 1000) / 1000;

export function noticesFromPlan(plan: PlanReport, s: Scenario, days: PlanDay[], axis: HourAxis): Notice[] {
  const byId = new Map(s.customers.map((c) => [c.id, c]));
  const out: Notice[] = [];
  for (const d of days) {
    for (const cd of d.customers) {
      const row = plan.customers[cd.row];
      const c = byId.get(row.id);
      const firstMs = axis.startMs + d.axisHour[cd.hours[0]] * HOUR_MS;
      const deadlineMs = firstMs - row.noticeHours * HOUR_MS;
      let peak = 0, energy = 0;
      for (const lh of cd.hours) { peak = Math.max(peak, cd.ordered[lh]); energy += cd.ordered[lh]; }
      out.push({
        id: `${row.id}@${d.date}`, customer: row.id, name: row.name,
        contactName: c?.contact?.name ?? null, contactPhone: c?.contact?.phone ?? null,
        class: row.class, feeder: row.feeder, area: row.area, date: d.date,
        measures: (Object.keys(cd.byMeasure) as Measure[]),
        deadline: formatInZone(deadlineMs, axis.zone), deadlineMs, noticeHours: row.noticeHours,
        firstHour: formatInZone(firstMs, axis.zone), hours: cd.hours.length,
        peakMW: round(peak), energyMWh: round(energy), mw: Array.from(cd.ordered, round),
      });
    }
  }
  // The order a dispatcher works in: earliest deadline first.
  return out.sort((a, b) => a.deadlineMs - b.deadlineMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
