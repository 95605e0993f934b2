/**
 * Whether a scenario's data can carry a result, beyond form and references: a file whose numbers
 * are all present can still be one no answer should be drawn from, and a calm answer from it would
 * be wrong without a sign (DESIGN: never silently wrong). Refused here, by path:
 *  - weather the forecast needs: every station a metered area may use has a temperature (history
 *    or forecast) in each hour from RECENCY_HOURS before the study start to the study's end, as
 *    the load model reads the last two days' temperatures for every hour it forecasts;
 *  - magnitudes: no MW value beyond MAX_MW (no grid on earth is that large); an area's load history
 *    neither far above what its customers and feeders could draw (kW read as MW) nor zero
 *    throughout or a hundredth of its customers' peak (a meter never read, GW read as MW); a
 *    customer's above three times its peak, a feeder's above three times its rating.
 * Too little history is not refused: it is flagged where the forecast is made (forecast/sufficiency.ts).
 */
import type { ProblemList } from '../problems.ts';
import { MAX_MW } from './limits.ts';
import { HOUR_MS, parseTimestamp } from '../time/timestamp.ts';
import { formatInZone, type Zone } from '../time/zone.ts';
import type { AreaFile, CustomerFile, FeederFile, ScenarioFile, StationFile } from './schema.ts';

/** Hours before each forecast hour whose temperature the load model reads (two past days). */
export const RECENCY_HOURS = 48;
/** Longest gap in the temperatures the forecast reads that it fills (from the day before) rather than refuses. */
export const FILLABLE_WEATHER_HOURS = 24;
/** A load history above this multiple of what is connected is in the wrong unit. */
const ABOVE_CONNECTED = 3;
/** An area's load history whose maximum is below this share of its customers' peaks is in the wrong unit. */
const BELOW_CONNECTED = 0.01;

type SeriesFile = { start: string; unit: string; values: (number | null)[] };

export interface SufficiencyContext {
  file: ScenarioFile;
  out: ProblemList;
  skip: (key: string) => boolean;
  zone: Zone | null;
  studyStart: number | null;
  studyEnd: number | null;
}

export function checkSufficiency(ctx: SufficiencyContext): void {
  checkMagnitudes(ctx);
  checkWeatherReach(ctx);
  checkLoadMagnitudes(ctx);
}

const fmt = (x: number) => (Math.abs(x) >= 1e6 ? x.toExponential(3) : String(Math.round(x * 1000) / 1000));

function hourText(ctx: SufficiencyContext, ms: number): string {
  return ctx.zone ? formatInZone(ms, ctx.zone) : new Date(ms).toISOString();
}

function startOf(series: SeriesFile | undefined): number | null {
  if (!series || typeof series.start !== 'string' || !Array.isArray(series.values)) return null;
  return parseTimestamp(series.start)?.ms ?? null;
}

function seriesMax(values: (number | null)[]): number {
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === 'number' && v > max) max = v;
  }
  return max;
}

/**
 * Every MW value (hourly series in MW, and every field whose name ends in MW or MWh): none beyond
 * MAX_MW. A walk over the whole file, skipping arrays of numbers (hourly values, shapes), which are
 * checked as series below.
 */
function checkMagnitudes(ctx: SufficiencyContext): void {
  const visit = (node: unknown, path: string): void => {
    if (Array.isArray(node)) {
      if (node.length && typeof node[0] !== 'object') return;
      for (let i = 0; i < node.length; i++) visit(node[i], `${path}[${i}]`);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (typeof record.start === 'string' && Array.isArray(record.values) && record.unit === 'MW') seriesMagnitude(ctx, path, record.values as (number | null)[]);
    for (const key of Object.keys(record)) {
      const v = record[key];
      if (typeof v === 'number') {
        if (/MWh?$/.test(key) && Math.abs(v) > (key.endsWith('MWh') ? MAX_MW * 24 * 366 : MAX_MW)) {
          ctx.out.addExpected(path ? `${path}.${key}` : key, `at most ${key.endsWith('MWh') ? 'a year of 10 TW' : '10,000,000 MW (10 TW, larger than any grid)'}`, `${fmt(v)}: is the unit right?`);
        }
      } else if (typeof v === 'object' && v !== null) visit(v, path ? `${path}.${key}` : key);
    }
  };
  visit(ctx.file, '');
}

function seriesMagnitude(ctx: SufficiencyContext, path: string, values: (number | null)[]): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === 'number' && Math.abs(v) > MAX_MW) {
      ctx.out.addExpected(`${path}.values[${i}]`, 'a value of at most 10,000,000 MW (10 TW, larger than any grid)', `${fmt(v)} MW: is the unit right?`);
      return;
    }
  }
}

/** Stations each metered area's forecast may read: its own or an ancestor's, else every station. */
function stationsInUse(file: ScenarioFile): Set<string> {
  const areas = Array.isArray(file.areas) ? file.areas : [];
  const byId = new Map<string, AreaFile>();
  for (const a of areas) if (a && typeof a.id === 'string') byId.set(a.id, a);
  const stations = (file.weather?.stations ?? []).filter((s) => s && typeof s.id === 'string').map((s) => s.id);
  const used = new Set<string>();
  for (const h of file.history?.load ?? []) {
    if (!h || h.of !== 'area') continue;
    let named: string | undefined;
    let a = byId.get(h.id);
    for (let steps = 0; a && steps <= areas.length; steps++) {
      if (a.weatherStation !== undefined) { named = a.weatherStation; break; }
      a = a.parent === null ? undefined : byId.get(a.parent);
    }
    if (named !== undefined) used.add(named);
    else for (const s of stations) used.add(s);
  }
  return used;
}

/**
 * The temperatures the forecast reads reach from RECENCY_HOURS before the study to its end. A
 * short gap (at most FILLABLE_WEATHER_HOURS, the same hours of the day before known) is accepted:
 * the forecast fills it from the day before and says so; a longer one is refused.
 */
function checkWeatherReach(ctx: SufficiencyContext): void {
  if (ctx.studyStart === null || ctx.studyEnd === null) return;
  const studyStart = ctx.studyStart;
  const from = studyStart - RECENCY_HOURS * HOUR_MS, to = ctx.studyEnd;
  const used = stationsInUse(ctx.file);
  (ctx.file.weather?.stations ?? []).forEach((station: StationFile, i) => {
    const key = `weather.stations[${i}]`;
    if (!station || !used.has(station.id) || ctx.skip(key)) return;
    // Hours known, as spans [start, end) of the history and the forecast.
    const spans: Array<[number, number]> = [];
    for (const s of [station.history, station.forecast]) {
      const start = startOf(s);
      if (start !== null) spans.push([start, start + s!.values.length * HOUR_MS]);
    }
    const known = (t: number) => spans.some(([a, b]) => a <= t && t < b);
    for (let t = from; t < to; t += HOUR_MS) {
      if (known(t)) continue;
      let end = t + HOUR_MS;
      while (end < to && !known(end)) end += HOUR_MS;
      // The gap as the dispatcher sees it: from the last known hour before it.
      let gapStart = t;
      if (t === from) {
        let last = -Infinity;
        for (const [, b] of spans) if (b <= t && b > last) last = b;
        if (last > -Infinity) gapStart = last;
      }
      const hours = Math.round((end - gapStart) / HOUR_MS);
      let fillable = hours <= FILLABLE_WEATHER_HOURS;
      for (let u = t; fillable && u < end; u += HOUR_MS) fillable = known(u - 24 * HOUR_MS);
      if (!fillable) {
        ctx.out.addExpected(
          t < studyStart ? `${key}.history` : `${key}.forecast`,
          `temperatures in every hour from ${hourText(ctx, from)} (${RECENCY_HOURS} h before the study start: the load forecast reads the last two days' temperatures) ` +
            `to ${hourText(ctx, to - HOUR_MS)}, or gaps of at most ${FILLABLE_WEATHER_HOURS} h (filled from the day before)`,
          `none from ${hourText(ctx, gapStart)} to ${hourText(ctx, end - HOUR_MS)} (${hours} h)`,
        );
        return;
      }
      t = end - HOUR_MS;
    }
  });
}

/** Load histories against what their area, customer or feeder can draw. */
function checkLoadMagnitudes(ctx: SufficiencyContext): void {
  const { file } = ctx;
  const areas = Array.isArray(file.areas) ? file.areas.filter((a) => a && typeof a.id === 'string') : [];
  const feeders = Array.isArray(file.feeders) ? file.feeders.filter((f): f is FeederFile => !!f && typeof f.id === 'string') : [];
  const customers = Array.isArray(file.customers) ? file.customers.filter((c): c is CustomerFile => !!c && typeof c.id === 'string') : [];
  const parent = new Map(areas.map((a) => [a.id, a.parent]));
  // What is connected below each area: its customers' peaks and its feeders' ratings, summed up the tree.
  const peakBelow = new Map<string, number>(), ratingBelow = new Map<string, number>();
  const addUp = (map: Map<string, number>, area: string, v: number) => {
    for (let a: string | null | undefined = area, steps = 0; a != null && steps <= areas.length; a = parent.get(a), steps++) {
      map.set(a, (map.get(a) ?? 0) + v);
    }
  };
  const feederById = uniqueById(feeders);
  for (const f of feeders) if (typeof f.ratingMW === 'number') addUp(ratingBelow, f.substation, f.ratingMW);
  for (const c of customers) {
    const f = feederById.get(c.feeder);
    if (f && typeof c.peakMW === 'number') addUp(peakBelow, f.substation, c.peakMW);
  }
  const customerById = uniqueById(customers);
  (file.history?.load ?? []).forEach((h, i) => {
    const key = `history.load[${i}]`;
    if (!h || ctx.skip(key) || !Array.isArray(h.values) || h.unit !== 'MW') return;
    const max = seriesMax(h.values);
    if (!Number.isFinite(max) || max > MAX_MW) return;
    if (h.of === 'area') {
      const peaks = peakBelow.get(h.id) ?? 0, ratings = ratingBelow.get(h.id) ?? 0;
      if (max <= 0) {
        ctx.out.addExpected(key, `a load history of area ${h.id} with load in it`,
          `0 MW in all ${h.values.length} hours (a meter never read? leave the series out rather than give zeros)`);
      } else if (peaks > 0 && max < BELOW_CONNECTED * peaks) {
        ctx.out.addExpected(key, `a load history in MW of the size of area ${h.id} (its customers peak at ${fmt(peaks)} MW in all)`,
          `at most ${fmt(max)} MW: is this GW, or a share, rather than MW?`);
      } else if (peaks + ratings > 0 && max > ABOVE_CONNECTED * Math.max(peaks, ratings)) {
        ctx.out.addExpected(key, `a load history of area ${h.id} no larger than ${ABOVE_CONNECTED}× what is connected (customers' peaks ${fmt(peaks)} MW, feeder ratings ${fmt(ratings)} MW)`,
          `${fmt(max)} MW: is this kW rather than MW?`);
      }
    } else if (h.of === 'customer') {
      const c = customerById.get(h.id);
      if (c && typeof c.peakMW === 'number' && max > ABOVE_CONNECTED * c.peakMW) {
        ctx.out.addExpected(key, `a load history of customer ${h.id} no larger than ${ABOVE_CONNECTED}× its ${fmt(c.peakMW)} MW peak`, `${fmt(max)} MW: is this kW rather than MW?`);
      }
    } else if (h.of === 'feeder') {
      const f = feederById.get(h.id);
      if (f && typeof f.ratingMW === 'number' && max > ABOVE_CONNECTED * f.ratingMW) {
        ctx.out.addExpected(key, `a load history of feeder ${h.id} no larger than ${ABOVE_CONNECTED}× its ${fmt(f.ratingMW)} MW rating`, `${fmt(max)} MW: is this kW rather than MW?`);
      }
    }
  });
}

/** Records by id, leaving out ids used twice (reported elsewhere; which one a reference means is unknown). */
function uniqueById<T extends { id: string }>(list: T[]): Map<string, T> {
  const byId = new Map<string, T>(), twice = new Set<string>();
  for (const r of list) {
    if (byId.has(r.id)) twice.add(r.id);
    else byId.set(r.id, r);
  }
  for (const id of twice) byId.delete(id);
  return byId;
}
