/**
 * The residents' guarantee, checked on the meters (严禁对居民客户实施拉闸限电): every metered
 * residential or otherwise protected customer, and every metered feeder that serves one or carries
 * residents, whose load fell materially below its baseline in the plan's hours of the day is
 * flagged with the hours and MW — beyond what the orders of the curtailable customers on that
 * feeder explain. Each flag is traced against the plan (did it open the feeder?) and the emergency
 * order (is the feeder in it?): a protected drop that neither ordered is a fault or an unordered
 * cut, and is the evidence a regulator asks for.
 */
import { isProtectedClass } from '../scenario/classes.ts';
import { baselineFor, type BaselinePolicy } from './baselines.ts';
import type { ExecutionContext } from './context.ts';
import { meterAt, meterIn, meterKey, type Meters } from './meters.ts';
import type { PlanDay } from './plan-days.ts';

export interface GuaranteeOptions {
  policy: BaselinePolicy;
  /** A drop beyond this share of the baseline is material (default 0.1). */
  materiality?: number;
  /** …and beyond this many MW (default 0.05: a few households' worth is noise). */
  minMW?: number;
}

export interface ProtectedDropHour {
  time: string;
  baselineMW: number;
  actualMW: number;
  /** What the orders of curtailable customers on the feeder account for. */
  orderedMW: number;
  /** Baseline − actual − ordered. */
  dropMW: number;
}

export interface ProtectedDrop {
  of: 'customer' | 'feeder';
  id: string;
  name: string;
  /** The protected class, or for a feeder what it serves. */
  serves: string;
  feeder: string;
  hours: ProtectedDropHour[];
  peakDropMW: number;
  dropMWh: number;
  /** Whether the plan opened the feeder in one of those hours, and where the feeder stands in the emergency order. */
  openedByPlan: boolean;
  emergencyStep: number | null;
  verdict: 'ordered-by-plan' | 'in-emergency-order' | 'not-ordered';
}

export interface GuaranteeCheck {
  date: string;
  /** Meters checked: protected customers and feeders serving protected load. */
  checked: number;
  /** Protected meters that could not be checked, with why. */
  unchecked: { of: 'customer' | 'feeder'; id: string; why: string }[];
  drops: ProtectedDrop[];
}

const NO_DAYS: ReadonlySet<number> = new Set();

export function checkGuarantee(ctx: ExecutionContext, d: PlanDay, meters: Meters, options: GuaranteeOptions): GuaranteeCheck {
  const materiality = options.materiality ?? 0.1, minMW = options.minMW ?? 0.05;
  const s = ctx.scenario, plan = ctx.plan;
  // MW ordered from curtailable customers per feeder and local hour.
  const orderedOnFeeder = new Map<string, Float64Array>();
  for (const cd of d.customers) {
    const f = ctx.customerById.get(cd.customer)!.feeder;
    let v = orderedOnFeeder.get(f);
    if (!v) orderedOnFeeder.set(f, (v = new Float64Array(24)));
    for (const h of cd.hours) v[h] += cd.ordered[h];
  }
  const opened = new Map(plan.feedersOpened.map((f) => [f.feeder, new Set(f.open)]));
  const emergency = new Map<string, number>();
  [...plan.emergencyOrder.steps, ...(plan.emergencyOrder.areas ?? []).flatMap((a) => a.steps)].forEach((st, i) => { if (!emergency.has(st.feeder)) emergency.set(st.feeder, i + 1); });
  const firstHour = d.hours[0];

  const candidates: { of: 'customer' | 'feeder'; id: string; name: string; serves: string; feeder: string }[] = [];
  for (const c of s.customers) if (isProtectedClass(c.class)) candidates.push({ of: 'customer', id: c.id, name: c.name, serves: c.class, feeder: c.feeder });
  for (const f of s.feeders) {
    if (!f.servesProtected && f.residentialShare <= 0) continue;
    candidates.push({ of: 'feeder', id: f.id, name: f.name ?? f.id, serves: f.residentialShare > 0 ? `residents (${Math.round(f.residentialShare * 100)} %)` : 'protected customers', feeder: f.id });
  }
  let checked = 0;
  const unchecked: GuaranteeCheck['unchecked'] = [];
  const drops: ProtectedDrop[] = [];
  if (firstHour === undefined) return { date: d.date, checked: 0, unchecked, drops };
  for (const cand of candidates) {
    const m = meterIn(meters, cand.of, cand.id);
    if (m === undefined) continue; // not metered: nothing to see, and the report counts what was checked
    const series = meters.series[m];
    const b = baselineFor(options.policy, series, d.day, { axis: ctx.axis, calendar: ctx.calendar, eventDays: options.policy === 'hour-before' ? NO_DAYS : ctx.eventDays.get(meterKey(cand.of, cand.id)) ?? NO_DAYS, firstOrderedHour: firstHour, ...(options.policy === 'similar-days' ? { peakTemperature: ctx.peakTemperature(cand.of, cand.id) } : {}) });
    if (!b.ok) { unchecked.push({ of: cand.of, id: cand.id, why: `no baseline: ${b.why}` }); continue; }
    const missing = d.hours.find((h) => !Number.isFinite(meterAt(series, d.axisHour[h])));
    if (missing !== undefined) { unchecked.push({ of: cand.of, id: cand.id, why: `no reading at ${ctx.axis.time(d.axisHour[missing])}, a plan hour` }); continue; }
    checked++;
    const ordered = cand.of === 'feeder' ? orderedOnFeeder.get(cand.id) : undefined;
    const hours: ProtectedDropHour[] = [];
    let openedByPlan = false;
    for (const h of d.hours) {
      const actual = meterAt(series, d.axisHour[h]);
      const o = ordered?.[h] ?? 0;
      const drop = b.mw[h] - actual - o;
      if (drop > materiality * b.mw[h] && drop > minMW) {
        hours.push({ time: ctx.axis.time(d.axisHour[h]), baselineMW: b.mw[h], actualMW: actual, orderedMW: o, dropMW: drop });
        if (opened.get(cand.feeder)?.has(d.planHour[h])) openedByPlan = true;
      }
    }
    if (!hours.length) continue;
    const step = emergency.get(cand.feeder) ?? null;
    drops.push({
      ...cand, hours, peakDropMW: Math.max(...hours.map((x) => x.dropMW)), dropMWh: hours.reduce((a, x) => a + x.dropMW, 0),
      openedByPlan, emergencyStep: step, verdict: openedByPlan ? 'ordered-by-plan' : step !== null ? 'in-emergency-order' : 'not-ordered',
    });
  }
  drops.sort((a, b) => b.dropMWh - a.dropMWh || (a.id < b.id ? -1 : 1));
  return { date: d.date, checked, unchecked, drops };
}
