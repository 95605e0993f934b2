/**
 * Checks that need more than one field: references between tables, the area tree, the protected
 * set, windows, series coverage and units, events against the study window. Runs on a file whose
 * structure was checked; records with structural problems are skipped (`skip`), so one typo does
 * not produce a cascade of follow-on messages.
 */
import type { ProblemList } from '../problems.ts';
import { HOUR_MS, parseDate, parseTimestamp, formatDate } from '../time/timestamp.ts';
import { formatInZone, resolveZone, type Zone } from '../time/zone.ts';
import { AREA_KINDS, MEASURES, isProtectedClass } from './classes.ts';
import { nearest } from './nearest.ts';
import type {
  AreaFile, CustomerFile, FeederFile, ProfileFile, ScenarioFile, StationFile, UnitFile,
} from './schema.ts';
import { parseWindow, windowHours, type HourWindow } from './window.ts';
import { checkSufficiency } from './sufficiency.ts';

type SeriesFile = { start: string; unit: string; values: (number | null)[] };

interface Context {
  file: ScenarioFile;
  out: ProblemList;
  skip: (key: string) => boolean;
  zone: Zone | null;
  studyStart: number | null;
  studyEnd: number | null; // exclusive
}

export function checkSemantics(file: ScenarioFile, out: ProblemList, skip: (key: string) => boolean): void {
  const zone = typeof file.timeZone === 'string' ? resolveZone(file.timeZone) : null;
  if (typeof file.timeZone === 'string' && !zone) {
    out.addExpected('timeZone', 'an IANA time zone such as Asia/Shanghai, or a fixed offset such as +08:00', JSON.stringify(file.timeZone));
  }
  const ctx: Context = { file, out, skip, zone, studyStart: null, studyEnd: null };
  checkStudy(ctx);
  const areas = checkAreas(ctx);
  const stations = idSet(ctx, 'weather.stations', file.weather?.stations);
  checkAreaStations(ctx, stations);
  const feeders = checkFeeders(ctx, areas);
  const profiles = checkProfiles(ctx);
  const customers = checkCustomers(ctx, feeders, profiles);
  checkFeederProtection(ctx);
  checkWeather(ctx);
  checkHistory(ctx, areas, feeders, customers);
  checkSufficiency(ctx);
  const supply = checkSupply(ctx, areas);
  checkPolicy(ctx);
  checkEvents(ctx, supply, stations, areas);
}

// ---------------------------------------------------------------- helpers

function items<T>(ctx: Context, section: string, list: T[] | undefined): Array<[T, number, string]> {
  if (!Array.isArray(list)) return [];
  const result: Array<[T, number, string]> = [];
  for (let i = 0; i < list.length; i++) {
    const key = `${section}[${i}]`;
    if (!ctx.skip(key)) result.push([list[i], i, key]);
  }
  return result;
}

/** Map of id → index, reporting duplicates. */
function idSet(ctx: Context, section: string, list: Array<{ id: string }> | undefined): Map<string, number> {
  const ids = new Map<string, number>();
  if (!Array.isArray(list)) return ids;
  // Records with other structural problems still lend their id, so one bad field does not make
  // every reference to the record "unknown".
  for (let i = 0; i < list.length; i++) {
    const item = list[i], key = `${section}[${i}]`;
    if (typeof item !== 'object' || item === null || typeof item.id !== 'string') continue;
    const first = ids.get(item.id);
    if (first !== undefined) {
      ctx.out.addExpected(`${key}.id`, `a unique id among ${section}`, `"${item.id}", already used by ${section}[${first}]`);
    } else ids.set(item.id, i);
  }
  return ids;
}

function unknownRef(ctx: Context, path: string, kind: string, id: string, known: Map<string, number> | Set<string>): void {
  const hint = known.size <= 50_000 ? nearest(id, [...known.keys()]) : null;
  ctx.out.add({ path, message: `unknown ${kind} "${id}"${hint ? ` (did you mean "${hint}"?)` : ''}` });
}

function ts(ctx: Context, path: string, text: string): number | null {
  const parsed = parseTimestamp(text);
  if (!parsed) {
    ctx.out.addExpected(path, 'a real date and time with its offset, e.g. 2024-07-01T02:00+08:00', JSON.stringify(text));
    return null;
  }
  if (ctx.zone) {
    const zoneOffset = ctx.zone.offsetAt(parsed.ms);
    if (zoneOffset !== parsed.offsetMinutes) {
      ctx.out.addExpected(
        path,
        `the offset of the scenario's time zone ${ctx.zone.name} at that time (${formatInZone(parsed.ms, ctx.zone)})`,
        JSON.stringify(text),
      );
      return null; // the intended instant is unclear: say so once, not again in every comparison
    }
  }
  return parsed.ms;
}

function hourText(ctx: Context, ms: number): string {
  return ctx.zone ? formatInZone(ms, ctx.zone) : new Date(ms).toISOString();
}

function checkWindows(ctx: Context, path: string, windows: string[]): void {
  const parsed: Array<HourWindow | null> = windows.map((w) => parseWindow(w));
  parsed.forEach((w, i) => {
    if (w && w.from === w.to % 24) {
      ctx.out.addExpected(`${path}[${i}]`, 'a window with different start and end hours', `"${windows[i]}", which is empty or the whole day`);
    }
  });
  for (let i = 0; i < parsed.length; i++) {
    for (let j = i + 1; j < parsed.length; j++) {
      const a = parsed[i], b = parsed[j];
      if (!a || !b || a.from === a.to % 24 || b.from === b.to % 24) continue;
      const ha = new Set(windowHours(a));
      if (windowHours(b).some((h) => ha.has(h))) {
        ctx.out.addExpected(`${path}[${j}]`, `a window apart from ${path}[${i}] ("${windows[i]}")`, `"${windows[j]}", which overlaps it`);
      }
    }
  }
}

interface SeriesRules {
  /** Must cover the study window. */
  coverStudy?: boolean;
  min?: number;
  max?: number;
  /** What values out of range probably mean. */
  rangeHint?: string;
}

/** Checks an hourly series: start on the hour, missing hours (runs), ranges, study coverage. */
function checkSeries(ctx: Context, path: string, series: SeriesFile, rules: SeriesRules): { startMs: number } | null {
  const startMs = ts(ctx, `${path}.start`, series.start);
  if (startMs === null) return null;
  const parsed = parseTimestamp(series.start)!;
  if ((startMs + parsed.offsetMinutes * 60_000) % HOUR_MS !== 0) {
    ctx.out.addExpected(`${path}.start`, 'a start on the hour (hourly series)', JSON.stringify(series.start));
  }
  const values = series.values;
  let runStart = -1;
  const flushRun = (end: number) => {
    if (runStart < 0) return;
    const n = end - runStart;
    const first = hourText(ctx, startMs + runStart * HOUR_MS);
    if (n === 1) ctx.out.add({ path, message: `hour ${first} missing` });
    else ctx.out.add({ path, message: `hours ${first} to ${hourText(ctx, startMs + (end - 1) * HOUR_MS)} missing (${n} hours)` });
    runStart = -1;
  };
  let outOfRange = 0, firstBad = -1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null) {
      if (runStart < 0) runStart = i;
      continue;
    }
    flushRun(i);
    if ((rules.min !== undefined && v < rules.min) || (rules.max !== undefined && v > rules.max)) {
      if (outOfRange++ === 0) firstBad = i;
    }
  }
  flushRun(values.length);
  if (outOfRange) {
    const v = values[firstBad] as number;
    const range = rules.max === undefined ? `≥ ${rules.min} ${series.unit}` : `between ${rules.min} and ${rules.max} ${series.unit}`;
    ctx.out.addExpected(
      `${path}.values[${firstBad}]`,
      `values ${range}`,
      `${v} at ${hourText(ctx, startMs + firstBad * HOUR_MS)}${outOfRange > 1 ? ` (and ${outOfRange - 1} more hours out of range)` : ''}${rules.rangeHint ? `: ${rules.rangeHint}` : ''}`,
    );
  }
  if (rules.coverStudy && ctx.studyStart !== null && ctx.studyEnd !== null) {
    const endMs = startMs + values.length * HOUR_MS;
    if (startMs > ctx.studyStart || endMs < ctx.studyEnd) {
      ctx.out.addExpected(
        path,
        `hours covering the study window ${hourText(ctx, ctx.studyStart)} to ${hourText(ctx, ctx.studyEnd - HOUR_MS)}`,
        values.length ? `hours ${hourText(ctx, startMs)} to ${hourText(ctx, endMs - HOUR_MS)}` : 'no hours',
      );
    }
  }
  return { startMs };
}

// ---------------------------------------------------------------- sections

function checkStudy(ctx: Context): void {
  const study = ctx.file.study;
  if (ctx.skip('study') || typeof study !== 'object' || study === null) return;
  const start = ts(ctx, 'study.start', study.start);
  const issued = ts(ctx, 'study.issuedAt', study.issuedAt);
  if (start !== null) {
    const parsed = parseTimestamp(study.start)!;
    if ((start + parsed.offsetMinutes * 60_000) % HOUR_MS !== 0) {
      ctx.out.addExpected('study.start', 'a start on the hour', JSON.stringify(study.start));
    }
    ctx.studyStart = start;
    ctx.studyEnd = start + study.hours * HOUR_MS;
  }
  if (start !== null && issued !== null && issued >= start + study.hours * HOUR_MS) {
    ctx.out.addExpected('study.issuedAt', 'a time before the end of the study window', study.issuedAt);
  }
}

function checkAreas(ctx: Context): Map<string, number> {
  const areas = ctx.file.areas;
  const ids = idSet(ctx, 'areas', areas);
  const valid = items<AreaFile>(ctx, 'areas', areas);
  const roots = valid.filter(([a]) => a.parent === null);
  if (Array.isArray(areas) && areas.length && valid.length === areas.length && roots.length !== 1) {
    ctx.out.addExpected('areas', 'exactly one root area (parent null)', roots.length ? `${roots.length}: ${roots.map(([a]) => a.id).join(', ')}` : 'none');
  }
  const rank = (kind: string) => AREA_KINDS.indexOf(kind as (typeof AREA_KINDS)[number]);
  for (const [area, , key] of valid) {
    if (area.parent === null) continue;
    const p = ids.get(area.parent);
    if (p === undefined) {
      unknownRef(ctx, `${key}.parent`, 'area', area.parent, ids);
      continue;
    }
    const parent = areas[p];
    if (parent.kind === 'substation') {
      ctx.out.addExpected(`${key}.parent`, 'a parent that is not a substation (substations are the leaves of the area tree)', `substation "${parent.id}"`);
    } else if (rank(area.kind) <= rank(parent.kind) && !(area.kind === 'district' && parent.kind === 'county')) {
      ctx.out.addExpected(`${key}.kind`, `a kind below its parent's (${parent.kind})`, `"${area.kind}"`);
    }
    if (area.importLimitMW !== undefined && area.importLimit !== undefined) {
      ctx.out.addExpected(key, 'either importLimitMW (constant) or importLimit (hourly), not both', 'both');
    }
  }
  // Cycles: follow parents from every area; a walk longer than the table is a loop.
  for (const [area, , key] of valid) {
    let current: AreaFile | undefined = area;
    let steps = 0;
    while (current && current.parent !== null && steps <= areas.length) {
      const p = ids.get(current.parent);
      current = p === undefined ? undefined : areas[p];
      steps++;
    }
    if (steps > areas.length) {
      ctx.out.addExpected(`${key}.parent`, 'a parent chain that reaches the root', `a loop through "${area.id}"`);
      break;
    }
  }
  for (const [area, , key] of valid) {
    if (area.importLimit) checkSeries(ctx, `${key}.importLimit`, area.importLimit, { coverStudy: true, min: 0 });
  }
  return ids;
}

function checkAreaStations(ctx: Context, stations: Map<string, number>): void {
  for (const [area, , key] of items<AreaFile>(ctx, 'areas', ctx.file.areas)) {
    if (area.weatherStation !== undefined && !stations.has(area.weatherStation)) {
      unknownRef(ctx, `${key}.weatherStation`, 'weather station', area.weatherStation, stations);
    }
  }
}

function checkFeeders(ctx: Context, areas: Map<string, number>): Map<string, number> {
  const ids = idSet(ctx, 'feeders', ctx.file.feeders);
  for (const [feeder, , key] of items<FeederFile>(ctx, 'feeders', ctx.file.feeders)) {
    const a = areas.get(feeder.substation);
    if (a === undefined) unknownRef(ctx, `${key}.substation`, 'area', feeder.substation, areas);
    else if (ctx.file.areas[a].kind !== 'substation') {
      ctx.out.addExpected(`${key}.substation`, 'an area of kind substation', `"${feeder.substation}", a ${ctx.file.areas[a].kind}`);
    }
    if (feeder.residentialShare > 0 && !feeder.servesProtected) {
      ctx.out.addExpected(`${key}.servesProtected`, `true: the feeder has a residential share of ${feeder.residentialShare}`, 'false');
    }
  }
  return ids;
}

function checkProfiles(ctx: Context): Map<string, number> {
  const ids = idSet(ctx, 'profiles', ctx.file.profiles);
  for (const [profile, , key] of items<ProfileFile>(ctx, 'profiles', ctx.file.profiles)) {
    for (const part of ['weekday', 'weekend', 'holiday'] as const) {
      const shape = profile[part];
      if (!shape) continue;
      const max = Math.max(...shape);
      if (max > 1.5) {
        ctx.out.addExpected(`${key}.${part}`, 'shares of the customer peak (0 to about 1)', `a maximum of ${max}: are these MW rather than shares?`);
      } else if (part === 'weekday' && max === 0) {
        ctx.out.addExpected(`${key}.${part}`, 'a shape with some load', 'all zeros');
      }
    }
  }
  return ids;
}

function checkCustomers(ctx: Context, feeders: Map<string, number>, profiles: Map<string, number>): Map<string, number> {
  const ids = idSet(ctx, 'customers', ctx.file.customers);
  for (const [c, , key] of items<CustomerFile>(ctx, 'customers', ctx.file.customers)) {
    if (!feeders.has(c.feeder)) unknownRef(ctx, `${key}.feeder`, 'feeder', c.feeder, feeders);
    if (!profiles.has(c.profile)) unknownRef(ctx, `${key}.profile`, 'profile', c.profile, profiles);
    if (c.securityFloorMW > c.peakMW) {
      ctx.out.addExpected(`${key}.securityFloorMW`, `a floor no larger than the peak (${c.peakMW} MW)`, `${c.securityFloorMW} MW`);
    }
    const m = c.measures;
    const measureNames = m ? Object.keys(m) : [];
    if (isProtectedClass(c.class)) {
      if (measureNames.length) {
        ctx.out.addExpected(`${key}.measures`, `no curtailment measures: class "${c.class}" is protected and is never curtailed`, measureNames.join(', '));
      }
      if (c.keyEnterprise) ctx.out.addExpected(`${key}.keyEnterprise`, 'no whitelist flag on a protected customer (it is never curtailed anyway)', 'true');
      continue;
    }
    if (c.class === 'security-critical' && c.securityFloorMW <= 0) {
      ctx.out.addExpected(`${key}.securityFloorMW`, 'a security load floor above 0 MW for a security-load holder (hazardous process, mine)', `${c.securityFloorMW}`);
    }
    if (!m) continue;
    const room = c.peakMW - c.securityFloorMW;
    const roomText = `${round(room)} MW (peak ${c.peakMW} MW less the ${c.securityFloorMW} MW security floor)`;
    for (const name of ['demandResponse', 'shift', 'avoidPeak'] as const) {
      const measure = m[name];
      if (measure && measure.maxMW > room + 1e-9) {
        ctx.out.addExpected(`${key}.measures.${name}.maxMW`, `at most ${roomText}`, `${measure.maxMW} MW`);
      }
    }
    if (m.limit) {
      if (m.limit.capMW < c.securityFloorMW - 1e-9) {
        ctx.out.addExpected(`${key}.measures.limit.capMW`, `a cap at or above the security floor (${c.securityFloorMW} MW)`, `${m.limit.capMW} MW`);
      } else if (m.limit.capMW >= c.peakMW) {
        ctx.out.addExpected(`${key}.measures.limit.capMW`, `a cap below the peak (${c.peakMW} MW), or no limit measure`, `${m.limit.capMW} MW`);
      }
    }
    if (m.shift) checkWindows(ctx, `${key}.measures.shift.returnWindows`, m.shift.returnWindows);
    if (m.avoidPeak) checkWindows(ctx, `${key}.measures.avoidPeak.windows`, m.avoidPeak.windows);
  }
  return ids;
}

/** A feeder that carries a protected customer must say so: it is then never opened. */
function checkFeederProtection(ctx: Context): void {
  const feeders = ctx.file.feeders;
  if (!Array.isArray(feeders)) return;
  const byId = new Map<string, FeederFile>();
  for (const [f] of items<FeederFile>(ctx, 'feeders', feeders)) byId.set(f.id, f);
  const reported = new Set<string>();
  for (const [c, , key] of items<CustomerFile>(ctx, 'customers', ctx.file.customers)) {
    const f = byId.get(c.feeder);
    if (!f) continue;
    if (isProtectedClass(c.class) && !f.servesProtected && !reported.has(f.id)) {
      reported.add(f.id);
      const fi = feeders.indexOf(f);
      ctx.out.addExpected(`feeders[${fi}].servesProtected`, `true: it serves protected customer ${key} ("${c.id}", ${c.class})`, 'false');
    }
    if (c.class === 'residential' && f.residentialShare === 0) {
      ctx.out.addExpected(`${key}.feeder`, `a feeder with a residential share above 0 for a residential customer`, `"${f.id}" with residentialShare 0`);
    }
  }
}

function checkWeather(ctx: Context): void {
  for (const [station, , key] of items<StationFile>(ctx, 'weather.stations', ctx.file.weather?.stations)) {
    const rules = { min: -70, max: 60, rangeHint: 'temperatures must be in °C (is this °F?)' };
    if (station.history) checkSeries(ctx, `${key}.history`, station.history, rules);
    if (station.forecast) checkSeries(ctx, `${key}.forecast`, station.forecast, { ...rules, coverStudy: true });
  }
}

function checkHistory(ctx: Context, areas: Map<string, number>, feeders: Map<string, number>, customers: Map<string, number>): void {
  const spans = new Map<string, Array<[number, number, string]>>();
  for (const [series, , key] of items(ctx, 'history.load', ctx.file.history?.load)) {
    const table = series.of === 'area' ? areas : series.of === 'feeder' ? feeders : customers;
    if (!table.has(series.id)) unknownRef(ctx, `${key}.id`, series.of, series.id, table);
    const checked = checkSeries(ctx, key, series, { min: 0, rangeHint: 'loads cannot be negative' });
    if (!checked) continue;
    if (series.maxValues) checkHourlyMaxima(ctx, key, series.values, series.maxValues);
    const entity = `${series.of} ${series.id}`;
    const span: [number, number, string] = [checked.startMs, checked.startMs + series.values.length * HOUR_MS, key];
    const list = spans.get(entity) ?? [];
    for (const [s, e, otherKey] of list) {
      if (span[0] < e && s < span[1]) {
        ctx.out.addExpected(key, `one series per hour of ${entity}`, `hours that ${otherKey} already gives`);
      }
    }
    list.push(span);
    spans.set(entity, list);
  }
}

/**
 * An hour's highest reading beside its mean: as many as the means, each unknown or a number not
 * below its hour's mean (a maximum under the mean is a swapped column or another unit), first
 * wrong one named.
 */
function checkHourlyMaxima(ctx: Context, key: string, values: ReadonlyArray<number | null>, maxima: ReadonlyArray<number | null>): void {
  if (maxima.length !== values.length) {
    ctx.out.addExpected(`${key}.maxValues`, `one hourly maximum per hourly value (${values.length})`, `${maxima.length}`);
    return;
  }
  for (let i = 0; i < maxima.length; i++) {
    const max = maxima[i], mean = values[i];
    if (max === null) continue;
    if (typeof max !== 'number' || !Number.isFinite(max) || max < 0) {
      ctx.out.addExpected(`${key}.maxValues[${i}]`, 'a finite load in MW, ≥ 0, or null', JSON.stringify(max));
      return;
    }
    if (typeof mean === 'number' && max < mean - 1e-6 * Math.max(1, Math.abs(mean))) {
      ctx.out.addExpected(`${key}.maxValues[${i}]`, `the hour's highest reading, at least its mean (values[${i}] = ${mean} MW)`, `${max} MW`);
      return;
    }
  }
}

function checkSupply(ctx: Context, areas: Map<string, number>): { units: Map<string, number>; imports: Map<string, number> } {
  const supply = ctx.file.supply;
  const units = idSet(ctx, 'supply.units', supply?.units);
  const imports = idSet(ctx, 'supply.imports', supply?.imports);
  if (!supply || ctx.skip('supply')) return { units, imports };
  for (const [u, , key] of items<UnitFile>(ctx, 'supply.units', supply.units)) {
    if (!areas.has(u.area)) unknownRef(ctx, `${key}.area`, 'area', u.area, areas);
    if (u.available) {
      checkSeries(ctx, `${key}.available`, u.available, {
        coverStudy: true, min: 0, max: u.capacityMW, rangeHint: `available output cannot exceed the ${u.capacityMW} MW capacity`,
      });
    }
    (u.outages ?? []).forEach((o, i) => {
      const path = `${key}.outages[${i}]`;
      const from = ts(ctx, `${path}.from`, o.from), to = ts(ctx, `${path}.to`, o.to);
      if (from !== null && to !== null && to <= from) ctx.out.addExpected(`${path}.to`, `a time after ${o.from}`, o.to);
      if (o.unavailableMW > u.capacityMW) ctx.out.addExpected(`${path}.unavailableMW`, `at most the unit's ${u.capacityMW} MW`, `${o.unavailableMW}`);
    });
  }
  for (const [imp, , key] of items(ctx, 'supply.imports', supply.imports)) {
    if (!areas.has(imp.area)) unknownRef(ctx, `${key}.area`, 'area', imp.area, areas);
    checkSeries(ctx, `${key}.schedule`, imp.schedule, { coverStudy: true });
  }
  if (supply.reserveMW !== undefined && supply.reserve !== undefined) {
    ctx.out.addExpected('supply', 'either reserveMW (constant) or reserve (hourly), not both', 'both');
  }
  if (supply.reserve) checkSeries(ctx, 'supply.reserve', supply.reserve, { coverStudy: true, min: 0 });
  idSet(ctx, 'supply.energyBudgets', supply.energyBudgets);
  for (const [budget, , key] of items(ctx, 'supply.energyBudgets', supply.energyBudgets)) {
    budget.units.forEach((id, i) => {
      if (!units.has(id)) unknownRef(ctx, `${key}.units[${i}]`, 'unit', id, units);
    });
    const seen = new Map<string, number>();
    budget.daily.forEach((d, i) => {
      const day = parseDate(d.date);
      if (day === null) return ctx.out.addExpected(`${key}.daily[${i}].date`, 'a real date YYYY-MM-DD', JSON.stringify(d.date));
      if (seen.has(d.date)) ctx.out.addExpected(`${key}.daily[${i}].date`, 'one budget per day', `${d.date} again (also daily[${seen.get(d.date)}])`);
      seen.set(d.date, i);
    });
  }
  return { units, imports };
}

function checkPolicy(ctx: Context): void {
  const policy = ctx.file.policy;
  if (!policy || ctx.skip('policy')) return;
  const t = policy.warning?.thresholdsPct;
  if (Array.isArray(t) && t.length === 3 && !(t[0] < t[1] && t[1] < t[2])) {
    ctx.out.addExpected('policy.warning.thresholdsPct', 'three increasing thresholds (IV|III < III|II < II|I), e.g. [5, 10, 20]', JSON.stringify(t));
  }
  const ladder = policy.ladder;
  if (Array.isArray(ladder)) {
    const missing = MEASURES.filter((m) => !ladder.includes(m));
    if (missing.length) ctx.out.addExpected('policy.ladder', `every measure once (${MEASURES.join(', ')})`, `${missing.join(', ')} missing`);
    else if (ladder[ladder.length - 1] !== 'feeder-open') {
      ctx.out.addExpected('policy.ladder', 'feeder-open as the last rung (拉路 only when everything else is exhausted)', `"${ladder[ladder.length - 1]}" last`);
    }
  }
  const holidays = policy.holidays;
  if (holidays && Array.isArray(holidays.days) && Array.isArray(holidays.workdays)) {
    const days = new Map<number, number>();
    holidays.days.forEach((d, i) => {
      const n = parseDate(d.date);
      if (n === null) return ctx.out.addExpected(`policy.holidays.days[${i}].date`, 'a real date YYYY-MM-DD', JSON.stringify(d.date));
      if (days.has(n)) ctx.out.addExpected(`policy.holidays.days[${i}].date`, 'each holiday date once', `${d.date} again (also days[${days.get(n)}])`);
      days.set(n, i);
    });
    holidays.workdays.forEach((w, i) => {
      const n = parseDate(w);
      if (n === null) return ctx.out.addExpected(`policy.holidays.workdays[${i}]`, 'a real date YYYY-MM-DD', JSON.stringify(w));
      if (days.has(n)) ctx.out.addExpected(`policy.holidays.workdays[${i}]`, 'a date that is not also a holiday', `${formatDate(n)}, a holiday in days[${days.get(n)}]`);
    });
  }
}

function checkEvents(
  ctx: Context,
  supply: { units: Map<string, number>; imports: Map<string, number> },
  stations: Map<string, number>,
  areas: Map<string, number>,
): void {
  idSet(ctx, 'events', ctx.file.events);
  for (const [event, , key] of items(ctx, 'events', ctx.file.events)) {
    let from: number | null = null, to: number | null = null;
    switch (event.kind) {
      case 'unit-trip':
        if (!supply.units.has(event.unit)) unknownRef(ctx, `${key}.unit`, 'unit', event.unit, supply.units);
        from = ts(ctx, `${key}.at`, event.at);
        to = from === null ? null : from + event.durationHours * HOUR_MS;
        break;
      case 'import-loss':
        if (!supply.imports.has(event.import)) unknownRef(ctx, `${key}.import`, 'import', event.import, supply.imports);
        from = ts(ctx, `${key}.from`, event.from);
        to = ts(ctx, `${key}.to`, event.to);
        break;
      case 'renewable-drop':
        if (event.area !== undefined && !areas.has(event.area)) unknownRef(ctx, `${key}.area`, 'area', event.area, areas);
        from = ts(ctx, `${key}.from`, event.from);
        to = ts(ctx, `${key}.to`, event.to);
        break;
      case 'heat-wave':
        (event.stations ?? []).forEach((s, i) => {
          if (!stations.has(s)) unknownRef(ctx, `${key}.stations[${i}]`, 'weather station', s, stations);
        });
        from = ts(ctx, `${key}.from`, event.from);
        to = ts(ctx, `${key}.to`, event.to);
        break;
    }
    if (from === null || to === null) continue;
    if (to <= from) {
      ctx.out.addExpected(key, 'an end after the start', `${hourText(ctx, from)} to ${hourText(ctx, to)}`);
    } else if (ctx.studyStart !== null && ctx.studyEnd !== null && (to <= ctx.studyStart || from >= ctx.studyEnd)) {
      ctx.out.addExpected(key, `an event inside the study window (${hourText(ctx, ctx.studyStart)} to ${hourText(ctx, ctx.studyEnd)})`,
        `${hourText(ctx, from)} to ${hourText(ctx, to)}`);
    }
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
