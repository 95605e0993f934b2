/**
 * What every execution figure of a plan is judged with: the scenario's zone and calendar, the
 * hourly axis from the 30 days kept for baselines to the plan's end, the plan by day, and which
 * days each meter was under an order (those are not normal days for its baseline).
 */
import { dayKindIndex, type DayKindIndex } from '../calendar/day-kind.ts';
import type { PlanReport } from '../plan/report.ts';
import type { Customer, Scenario } from '../scenario/model.ts';
import { resolveZone } from '../time/zone.ts';
import { HOUR_MS } from '../time/timestamp.ts';
import { LOOKBACK_DAYS } from './baselines.ts';
import { dayOfDate, hourAxis, type HourAxis } from './local-days.ts';
import { meterKey } from './meters.ts';
import { planDays, type PlanDay } from './plan-days.ts';

export interface ExecutionContext {
  scenario: Scenario;
  plan: PlanReport;
  /** The scenario's customers by id (built once: a province has 200,000). */
  customerById: Map<string, Customer>;
  axis: HourAxis;
  calendar: DayKindIndex;
  days: PlanDay[];
  /** meterKey → local days it was under an order (a customer's own orders; a feeder's customers'). */
  eventDays: Map<string, Set<number>>;
  /** Area id → its city (地市) and county or district (区县), '' where the tree has none. */
  regions: Map<string, { city: string; county: string }>;
  /** A meter's daily peak temperature (°C) at its area's weather station: history, else forecast; null where under 18 hours are known. */
  peakTemperature(of: 'customer' | 'feeder' | 'area', id: string): (day: number) => number | null;
}

export function executionContext(s: Scenario, plan: PlanReport): ExecutionContext {
  const zone = resolveZone(s.timeZone)!;
  const first = dayOfDate(plan.times[0].slice(0, 10))!;
  const last = dayOfDate(plan.times[plan.times.length - 1].slice(0, 10))!;
  const axis = hourAxis(zone, first - LOOKBACK_DAYS, last);
  const days = planDays(plan, axis);
  const customerById = new Map<string, Customer>();
  for (const c of s.customers) customerById.set(c.id, c);
  const eventDays = new Map<string, Set<number>>();
  const mark = (k: string, day: number) => { let set = eventDays.get(k); if (!set) eventDays.set(k, (set = new Set())); set.add(day); };
  for (const d of days) for (const c of d.customers) { mark(meterKey('customer', c.customer), d.day); mark(meterKey('feeder', customerById.get(c.customer)!.feeder), d.day); }
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
  // Daily peak temperatures per station over the axis, from its history and then its forecast.
  const peaks = new Map<string, Map<number, number | null>>();
  const peaksOf = (station: string) => {
    let m = peaks.get(station);
    if (m) return m;
    peaks.set(station, (m = new Map()));
    const st = s.weather.stations.find((x) => x.id === station);
    const at = (ms: number) => {
      for (const series of [st?.history, st?.forecast]) {
        if (!series) continue;
        const k = Math.round((ms - series.startMs) / HOUR_MS);
        if (k >= 0 && k < series.values.length && Number.isFinite(series.values[k])) return series.values[k];
      }
      return Number.NaN;
    };
    for (let d = axis.day[0]; d <= axis.day[axis.hours - 1]; d++) {
      const hours = axis.hoursOfDay(d);
      let max = -Infinity, known = 0;
      for (let lh = 0; lh < 24; lh++) { const t = hours && hours[lh] >= 0 ? at(axis.startMs + hours[lh] * HOUR_MS) : Number.NaN; if (Number.isFinite(t)) { known++; max = Math.max(max, t); } }
      m.set(d, known >= 18 ? max : null);
    }
    return m;
  };
  const feederArea = new Map(s.feeders.map((f) => [f.id, f.substation]));
  const stationOf = (area: string | undefined): string | undefined => {
    for (let a = area ? byId.get(area) : undefined; a; a = a.parent ? byId.get(a.parent) : undefined) if (a.weatherStation) return a.weatherStation;
    return s.weather.stations[0]?.id;
  };
  const peakTemperature = (of: 'customer' | 'feeder' | 'area', id: string) => {
    const station = stationOf(of === 'customer' ? feederArea.get(customerById.get(id)?.feeder ?? '') : of === 'feeder' ? feederArea.get(id) : id);
    if (!station) return () => null;
    const m = peaksOf(station);
    return (day: number) => m.get(day) ?? null;
  };
  return { scenario: s, plan, customerById, axis, calendar: dayKindIndex(s.policy.holidays), days, eventDays, regions, peakTemperature };
}
