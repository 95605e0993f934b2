/**
 * What the meters saw, for a story: a meter file (`orderly execution meters`) for a plan's day of
 * execution and the 20 days before it (for baselines), made from the scenario's own profiles and
 * weather, seeded. On the day, most customers deliver their order (terminal-controlled ones all
 * of it, manual ones 90–100 %), a few fall short (50–70 %), one starts an hour late, and one feeder
 * serving residents loses 35 % of its load for two hours of the plan (a fault, ordered by no one).
 * Days of the plan before the day carry their orders delivered in full. Metered: every customer
 * ordered on the day (or every customer, with everyCustomer), every feeder serving protected load
 * or residents, and the system (its root area, the sum of every customer). Pure: a scenario and a
 * plan in, CSV text out.
 */
import { dayKindIndex } from '../../core/calendar/day-kind.ts';
import { localDay } from '../../core/execution/local-days.ts';
import { executionContext } from '../../core/execution/context.ts';
import type { PlanReport } from '../../core/plan/report.ts';
import { createRng } from '../../core/random/rng.ts';
import type { Scenario } from '../../core/scenario/model.ts';
import { profileShare } from '../../core/scenario/profile-share.ts';
import { HOUR_MS } from '../../core/time/timestamp.ts';

export interface MeterStoryOptions {
  seed: number;
  /** The day of execution (default: the plan's day with the most MWh ordered). */
  date?: string;
  /** 15: a day per row of 96 points (kW); 60: one hourly reading per row (MW). */
  interval?: 15 | 60;
  /** Days metered before the day (default 20; 0: the day alone, for the hour-before baseline). */
  daysBefore?: number;
  /** Every customer metered, not only those ordered on the day (a province's whole metering export). */
  everyCustomer?: boolean;
}

export interface MeterStory {
  csv: string;
  date: string;
  short: string[];
  late: string | null;
  dippedFeeder: string | null;
  dipHours: string[];
  meters: number;
}

export function meterStory(s: Scenario, plan: PlanReport, options: MeterStoryOptions): MeterStory {
  const ctx = executionContext(s, plan);
  const { axis } = ctx;
  const rng = createRng(`meters:${options.seed}`);
  const interval = options.interval ?? 15;
  const energy = (d: (typeof ctx.days)[number]) => d.customers.reduce((a, c) => a + c.hours.reduce((x, h) => x + c.ordered[h], 0), 0);
  const day = options.date ? ctx.days.find((d) => d.date === options.date) : [...ctx.days].sort((a, b) => energy(b) - energy(a))[0];
  if (!day) throw new Error(`meterStory: ${options.date} is not a day of the plan (${ctx.days.map((d) => d.date).join(', ')})`);
  const firstDay = Math.max(localDay(axis.startMs, axis.zone), day.day - (options.daysBefore ?? 20));
  const calendar = dayKindIndex(s.policy.holidays);

  // Temperatures by instant, per station: history, then forecast.
  const temp = new Map<string, (ms: number) => number>();
  for (const st of s.weather.stations) {
    temp.set(st.id, (ms) => {
      for (const series of [st.history, st.forecast]) {
        if (!series) continue;
        const k = Math.round((ms - series.startMs) / HOUR_MS);
        if (k >= 0 && k < series.values.length && Number.isFinite(series.values[k])) return series.values[k];
      }
      return Number.NaN;
    });
  }
  const areaById = new Map(s.areas.map((a) => [a.id, a]));
  const stationOf = (area: string): string | undefined => { for (let a = areaById.get(area); a; a = a.parent ? areaById.get(a.parent) : undefined) if (a.weatherStation) return a.weatherStation; return s.weather.stations[0]?.id; };
  const feederById = new Map(s.feeders.map((f) => [f.id, f]));
  const profiles = new Map(s.profiles.map((p) => [p.id, p]));

  // The day's script: who falls short, who is late, which feeder dips.
  const ordered = [...day.customers].sort((a, b) => (a.customer < b.customer ? -1 : 1));
  const share = new Map<string, number>();
  const manual = new Set(s.customers.filter((c) => c.control === 'manual').map((c) => c.id));
  for (const c of ordered) share.set(c.customer, manual.has(c.customer) ? rng.uniform(0.9, 1) : 1);
  const short: string[] = [];
  const pool = ordered.filter((c) => c.hours.length >= 2);
  const shortCount = Math.max(1, Math.round(pool.length * 0.05));
  for (let i = 0; i < shortCount && pool.length; i++) {
    const c = pool.splice(rng.int(pool.length), 1)[0];
    share.set(c.customer, rng.uniform(0.5, 0.7));
    short.push(c.customer);
  }
  const lateOne = pool.length ? pool.splice(rng.int(pool.length), 1)[0] : null;
  const feederOf = new Map(s.customers.map((c) => [c.id, c.feeder]));
  const orderedFeeders = new Set(ordered.map((c) => feederOf.get(c.customer)));
  const residential = s.feeders.filter((f) => f.residentialShare > 0.5 && !orderedFeeders.has(f.id));
  const dipped = residential.length ? residential[rng.int(residential.length)] : null;
  const middle = day.hours.length ? day.hours[Math.floor(day.hours.length / 2)] : -1;
  const dipLocal = dipped && middle >= 0 ? [middle, Math.min(23, middle + 1)] : [];

  // Orders in force by customer and axis hour (full on other plan days; the script on the day).
  const byDay = new Map(ctx.days.map((d) => [d.day, { d, of: new Map(d.customers.map((c) => [c.customer, c])) }]));
  const release = (customer: string, axisHour: number, natural: number): number => {
    const at = byDay.get(axis.day[axisHour]);
    const cd = at?.of.get(customer);
    if (!at || !cd) return 0;
    const d = at.d;
    const lh = axis.hour[axisHour];
    const o = cd.ordered[lh];
    if (!(o > 0)) return 0;
    if (d !== day) return Math.min(o, natural);
    if (lateOne && customer === lateOne.customer && lh === lateOne.hours[0]) return 0;
    return Math.min(natural, o * share.get(customer)!);
  };

  const metered = new Set(ordered.map((c) => c.customer));
  const feederMeters = s.feeders.filter((f) => f.servesProtected || f.residentialShare > 0).map((f) => f.id);
  const feederIndex = new Map(feederMeters.map((id, i) => [id, i]));
  const hoursFrom = axis.hoursOfDay(firstDay)![0], hoursTo = axis.hoursOfDay(day.day)![23];
  const H = hoursTo - hoursFrom + 1;
  const customerMW = new Map<string, Float64Array>();
  const feederMW = feederMeters.map(() => new Float64Array(H));
  const systemMW = new Float64Array(H);
  const noise = createRng(`meters:${options.seed}:noise`);
  for (const c of s.customers) {
    const profile = profiles.get(c.profile)!;
    const station = stationOf(feederById.get(c.feeder)!.substation);
    const t = station ? temp.get(station)! : () => Number.NaN;
    const v = new Float64Array(H);
    for (let k = 0; k < H; k++) {
      const ah = hoursFrom + k;
      const ms = axis.startMs + ah * HOUR_MS;
      const kind = calendar.isWorking(axis.day[ah]) ? 'working' : calendar.kind(axis.day[ah]) === 'holiday' ? 'holiday' : 'weekend';
      const natural = c.peakMW * profileShare(profile, kind, axis.hour[ah], t(ms)) * (1 + 0.02 * noise.normal());
      v[k] = Math.max(0, natural - (c.measures ? release(c.id, ah, natural) : 0));
    }
    if (options.everyCustomer || metered.has(c.id)) customerMW.set(c.id, v);
    const f = feederIndex.get(c.feeder);
    for (let k = 0; k < H; k++) { systemMW[k] += v[k]; if (f !== undefined) feederMW[f][k] += v[k]; }
  }
  const dipHours: string[] = [];
  if (dipped) {
    const f = feederIndex.get(dipped.id)!;
    for (const lh of dipLocal) {
      const k = day.axisHour[lh] - hoursFrom;
      const lost = 0.35 * feederMW[f][k];
      feederMW[f][k] -= lost;
      systemMW[k] -= lost;
      dipHours.push(axis.time(day.axisHour[lh]));
    }
  }

  const root = s.areas.find((a) => a.parent === null)!;
  const series: { of: string; id: string; mw: Float64Array }[] = [
    ...[...customerMW].map(([id, mw]) => ({ of: 'customer', id, mw })),
    ...feederMeters.map((id, i) => ({ of: 'feeder', id, mw: feederMW[i] })),
    { of: 'area', id: root.id, mw: systemMW },
  ];
  const lines: string[] = [];
  if (interval === 15) {
    // 96 points a day in kW, each quarter the hour's load with a little movement inside it.
    lines.push(`date,of,id,${Array.from({ length: 96 }, (_, k) => `P${k + 1}`).join(',')}`);
    const wiggle = [0.99, 1.01, 1.005, 0.995];
    for (const x of series) {
      for (let d = firstDay; d <= day.day; d++) {
        const hours = axis.hoursOfDay(d)!;
        const points: string[] = [];
        for (let lh = 0; lh < 24; lh++) for (let q = 0; q < 4; q++) points.push((x.mw[hours[lh] - hoursFrom] * 1000 * wiggle[q]).toFixed(1));
        lines.push(`${axis.time(hours[0]).slice(0, 10)},${x.of},${x.id},${points.join(',')}`);
      }
    }
  } else {
    lines.push('time,of,id,load_MW');
    for (const x of series) for (let k = 0; k < H; k++) lines.push(`${axis.time(hoursFrom + k)},${x.of},${x.id},${x.mw[k].toFixed(4)}`);
  }
  return { csv: lines.join('\n') + '\n', date: day.date, short: short.sort(), late: lateOne?.customer ?? null, dippedFeeder: dipped?.id ?? null, dipHours, meters: series.length };
}
