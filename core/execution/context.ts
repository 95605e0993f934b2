/**
 * What every execution figure of a plan is judged with: the scenario's zone and calendar, the
 * hourly axis from the 30 days kept for baselines to the plan's end, the plan by day, and which
 * days each meter was under an order (those are not normal days for its baseline).
 */
import { dayKindIndex, type DayKindIndex } from '../calendar/day-kind.ts';
import type { PlanReport } from '../plan/report.ts';
import type { Scenario } from '../scenario/model.ts';
import { resolveZone } from '../time/zone.ts';
import { LOOKBACK_DAYS } from './baselines.ts';
import { dayOfDate, hourAxis, type HourAxis } from './local-days.ts';
import { meterKey } from './meters.ts';
import { planDays, type PlanDay } from './plan-days.ts';

export interface ExecutionContext {
  scenario: Scenario;
  plan: PlanReport;
  axis: HourAxis;
  calendar: DayKindIndex;
  days: PlanDay[];
  /** meterKey → local days it was under an order (a customer's own orders; a feeder's customers'). */
  eventDays: Map<string, Set<number>>;
  /** Area id → its city (地市) and county or district (区县), '' where the tree has none. */
  regions: Map<string, { city: string; county: string }>;
}

export function executionContext(s: Scenario, plan: PlanReport): ExecutionContext {
  const zone = resolveZone(s.timeZone)!;
  const first = dayOfDate(plan.times[0].slice(0, 10))!;
  const last = dayOfDate(plan.times[plan.times.length - 1].slice(0, 10))!;
  const axis = hourAxis(zone, first - LOOKBACK_DAYS, last);
  const days = planDays(plan, axis);
  const feederOf = new Map(s.customers.map((c) => [c.id, c.feeder]));
  const eventDays = new Map<string, Set<number>>();
  const mark = (k: string, day: number) => { let set = eventDays.get(k); if (!set) eventDays.set(k, (set = new Set())); set.add(day); };
  for (const d of days) for (const c of d.customers) { mark(meterKey('customer', c.customer), d.day); mark(meterKey('feeder', feederOf.get(c.customer)!), d.day); }
  const byId = new Map(s.areas.map((a) => [a.id, a]));
  const regions = new Map<string, { city: string; county: string }>();
  for (const a of s.areas) {
    let city = '', county = '';
    for (let at: typeof a | undefined = a; at; at = at.parent ? byId.get(at.parent) : undefined) {
      if (!city && at.kind === 'city') city = at.id;
      if (!county && (at.kind === 'county' || at.kind === 'district')) county = at.id;
    }
    regions.set(a.id, { city, county });
  }
  return { scenario: s, plan, axis, calendar: dayKindIndex(s.policy.holidays), days, eventDays, regions };
}
