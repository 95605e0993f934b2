/**
 * What the meters saw (实际负荷), read from CSV: per customer, per feeder or per area, hourly or
 * every 15 minutes (96 points a day), in one of two layouts —
 *  - one reading per row: `time, customer, load_MW` (or `feeder`, `area`, or `of, id` for a mix;
 *    `load_kW` in kW; `load` with the unit given apart). Times carry their UTC offset, or are
 *    local times of the scenario's zone; a 15-minute stamp marks the start of its quarter.
 *  - one day per row: `date, customer, P1 … P96` (or P1 … P24 for hourly points), P1 starting at
 *    local midnight.
 * Each hour is the mean of its points (MWh in the hour). Refused with the row and column: an id
 * the scenario does not have, a time that is not a time or lies outside the plan and the 30 days
 * before it (kept for baselines), a time off the grid, a value that is not a number or below zero
 * or beyond three times what the customer or feeder can draw (kW read as MW), a reading given twice;
 * and, per meter, a gap between its first and last reading, or a first or last hour not whole.
 */
import { describeNonNumber, parseNumber } from '../history/number.ts';
import { parseDateCell, parseTimeCell } from '../history/time-cell.ts';
import { readCsv } from '../history/csv.ts';
import { wallClockResolver } from '../history/wall-clock-resolver.ts';
import { describeValue, ProblemList, type Problem } from '../problems.ts';
import type { Scenario } from '../scenario/model.ts';
import { HOUR_MS } from '../time/timestamp.ts';
import { formatInZone } from '../time/zone.ts';
import type { HourAxis } from './local-days.ts';
import { localMidnight } from './local-days.ts';

export const METER_KINDS = ['customer', 'feeder', 'area'] as const;
export type MeterKind = (typeof METER_KINDS)[number];
export type MeterUnit = 'MW' | 'kW' | 'GW';
const TO_MW: Record<MeterUnit, number> = { MW: 1, kW: 1e-3, GW: 1e3 };

export interface MeterSeries {
  of: MeterKind;
  id: string;
  /** Axis hour of mw[0]. */
  first: number;
  /** Hourly MW (the mean of the hour's points). */
  mw: Float64Array;
}

export interface Meters {
  intervalMinutes: 15 | 60;
  layout: 'per-reading' | 'per-day';
  readings: number;
  series: MeterSeries[];
  /** `of:id` → index into series. */
  index: Map<string, number>;
}

export type MeterImport = { ok: true; meters: Meters } | { ok: false; problems: Problem[]; total: number };

export interface MeterOptions {
  /** The unit of a column named just `load`. */
  unit?: MeterUnit;
  /** Problems kept (the count stays whole). */
  limit?: number;
}

/** The MW a meter of this kind and id can plausibly read (three times its peak or rating), or null for an unknown id. */
function capacities(s: Scenario): Record<MeterKind, Map<string, number>> {
  const area = new Map<string, number>();
  for (const a of s.areas) area.set(a.id, a.historicalMaxMW ? 3 * a.historicalMaxMW : 1e7);
  return {
    customer: new Map(s.customers.map((c) => [c.id, 3 * c.peakMW])),
    feeder: new Map(s.feeders.map((f) => [f.id, 3 * f.ratingMW])),
    area,
  };
}

const key = (of: MeterKind, id: string) => `${of}:${id}`;
const simple = (h: string) => h.trim().toLowerCase().replace(/[\s_()（）]/g, '');
const UNIT_COLUMNS: Record<string, MeterUnit> = { loadmw: 'MW', mw: 'MW', loadkw: 'kW', kw: 'kW', loadgw: 'GW', gw: 'GW' };

export function importMeters(file: string, text: string, s: Scenario, axis: HourAxis, options: MeterOptions = {}): MeterImport {
  const out = new ProblemList(options.limit ?? 50);
  const done = (): MeterImport => ({ ok: false, problems: out.items, total: out.total });
  const csv = readCsv(text, file);
  for (const p of csv.problems) out.add(p);
  if (!csv.header) { if (out.ok) out.addExpected(file, 'a header and meter readings', 'an empty file'); return done(); }
  const header = csv.header.map(simple);
  const col = (...names: string[]) => { const i = header.findIndex((h) => names.includes(h)); return i; };
  const listing = csv.header.map((h) => h.trim()).join(', ');

  // Which meters: a kind column or an `of, id` pair.
  const ofCol = col('of'), idCol = col('id');
  const kindCols = METER_KINDS.map((k) => col(k, k === 'customer' ? '户号' : k));
  const kinds = METER_KINDS.filter((_, k) => kindCols[k] >= 0);
  let fixedKind: MeterKind | null = null, meterCol = -1;
  if (ofCol >= 0 && idCol >= 0) meterCol = idCol;
  else if (kinds.length === 1) { fixedKind = kinds[0]; meterCol = kindCols[METER_KINDS.indexOf(kinds[0])]; }
  else out.addExpected(file, 'one column naming the meter: customer, feeder or area (or the pair of, id)', kinds.length ? `${kinds.join(' and ')} together (columns: ${listing})` : `none (columns: ${listing})`);

  // Which layout: points in columns P1 … P96 / P1 … P24, or one value column.
  const pointCols: number[] = [];
  for (let k = 1; k <= 96; k++) { const i = header.indexOf(`p${k}`); if (i < 0) break; pointCols.push(i); }
  const perDay = pointCols.length > 0;
  let interval: 15 | 60 = 60, dateCol = -1, timeCol = -1, valueCol = -1, unit: MeterUnit | null = null;
  if (perDay) {
    if (pointCols.length !== 96 && pointCols.length !== 24) out.addExpected(file, 'the points of a whole day: P1 … P96 (15 min) or P1 … P24 (hourly)', `P1 … P${pointCols.length}`);
    interval = pointCols.length === 96 ? 15 : 60;
    dateCol = col('date', '日期');
    if (dateCol < 0) out.addExpected(file, 'a date column (date) beside the points P1 …', `none (columns: ${listing})`);
    const u = header.findIndex((h) => h === 'unit' || h === '单位');
    unit = u >= 0 ? null : options.unit ?? null;
    if (u >= 0) out.addExpected(`${file}: column ${csv.header[u].trim()}`, 'the unit given once for the file (--unit MW|kW)', 'a unit column');
    else if (!unit) out.addExpected(file, 'the unit of the points P1 … given with --unit MW|kW (a column of points carries none)', 'none');
  } else {
    timeCol = col('time', '时间');
    if (timeCol < 0) out.addExpected(file, 'a time column (time), or a day per row with date and P1 … P96', `none (columns: ${listing})`);
    const valued = header.map((h, i) => ({ h, i })).filter(({ h }) => h in UNIT_COLUMNS || h === 'load' || h === '负荷');
    if (valued.length !== 1) out.addExpected(file, 'one load column with its unit: load_MW or load_kW (or load, with --unit)', valued.length ? `${valued.length} (${valued.map((v) => csv.header![v.i].trim()).join(', ')})` : `none (columns: ${listing})`);
    else {
      valueCol = valued[0].i;
      unit = UNIT_COLUMNS[valued[0].h] ?? options.unit ?? null;
      if (!unit) out.addExpected(`${file}: column ${csv.header[valueCol].trim()}`, 'a unit: name the column load_MW or load_kW, or give --unit MW|kW', 'a load column without one');
      else if (UNIT_COLUMNS[valued[0].h] && options.unit && options.unit !== UNIT_COLUMNS[valued[0].h]) {
        out.addExpected(`${file}: column ${csv.header[valueCol].trim()}`, `the unit --unit gives (${options.unit})`, `a column in ${UNIT_COLUMNS[valued[0].h]}`);
      }
    }
  }
  if (!out.ok) return done();

  if (!perDay) {
    // The interval: 15 minutes as soon as one stamp is off the hour.
    for (const { fields } of csv.rows) { const t = parseTimeCell(fields[timeCol]); if (t.ok && t.wall.minute !== 0) { interval = 15; break; } }
  }
  const cap = capacities(s);
  const toMW = TO_MW[unit!];
  const resolve = wallClockResolver(axis.zone);
  const endMs = axis.startMs + axis.hours * HOUR_MS;
  const slotMs = interval * 60_000;
  const window = `${axis.time(0)} to ${axis.time(axis.hours - 1)}`;
  const metersSeen = new Map<string, number>();
  const metersOf: { of: MeterKind; id: string }[] = [];
  const capOf: number[] = [];

  const meterOf = (fields: string[], line: number): number => {
    const of = fixedKind ?? (fields[ofCol].trim() as MeterKind);
    if (!fixedKind && !(METER_KINDS as readonly string[]).includes(of)) {
      out.addExpected(`${file}:row ${line}, column ${csv.header![ofCol].trim()}`, 'customer, feeder or area', describeValue(fields[ofCol]));
      return -1;
    }
    const id = fields[meterCol].trim();
    if (!cap[of].has(id)) {
      out.addExpected(`${file}:row ${line}, column ${csv.header![meterCol].trim()}`, `a ${of} of the scenario`, describeValue(fields[meterCol]));
      return -1;
    }
    const k = key(of, id);
    let m = metersSeen.get(k);
    if (m === undefined) { metersSeen.set(k, (m = metersOf.length)); metersOf.push({ of, id }); capOf.push(cap[of].get(id)!); }
    return m;
  };
  // The place of a cell is written only for a problem (a province file has millions of cells).
  const value = (cell: string, line: number, column: number, m: number): number | null => {
    const v = parseNumber(cell);
    const mw = v === null ? Number.NaN : v * toMW;
    const most = capOf[m];
    if (mw >= 0 && mw <= most) return mw;
    const where = `${file}:row ${line}, column ${csv.header![column].trim()}`;
    if (cell.trim() === '') { out.addExpected(where, 'a reading', 'an empty cell'); return null; }
    if (v === null) { out.addExpected(where, `a load in ${unit}`, describeNonNumber(cell)); return null; }
    if (mw < 0) { out.addExpected(where, 'a load of 0 or more', `${cell.trim()} ${unit}`); return null; }
    const { of, id } = metersOf[m];
    {
      out.addExpected(where, `at most ${Math.round(most * 1000) / 1000} MW (three times the ${of === 'feeder' ? 'rating' : 'peak'} of ${of} ${id})`, `${cell.trim()} ${unit}${unit === 'MW' ? ' — is this kW rather than MW?' : ''}`);
      return null;
    }
    return mw;
  };
  const place = (ms: number, where: string): number | null => {
    if (ms < axis.startMs || ms >= endMs) { out.addExpected(where, `a time inside the plan or the 30 days before it kept for baselines (${window})`, formatInZone(ms, axis.zone)); return null; }
    if ((ms - axis.startMs) % slotMs !== 0) { out.addExpected(where, `a time on the ${interval}-minute grid (${interval === 15 ? ':00, :15, :30, :45' : 'whole hours'})`, formatInZone(ms, axis.zone)); return null; }
    return (ms - axis.startMs) / slotMs;
  };

  // Pass 1, per row: which meter, and the slot of its (first) reading; -1 where the row is refused.
  // The readings themselves are parsed in pass 2 straight into each meter's slots: a province
  // day has 19 million of them, and no list of readings is kept beside the rows.
  const R = csv.rows.length;
  const rowMeter = new Int32Array(R).fill(-1), rowSlot = new Int32Array(R);
  const points = perDay ? pointCols.length : 1;
  for (let i = 0; i < R; i++) {
    const { fields, line } = csv.rows[i];
    const m = meterOf(fields, line);
    if (m < 0) continue;
    let slot: number | null;
    if (perDay) {
      const d = parseDateCell(fields[dateCol]);
      const where = `${file}:row ${line}, column ${csv.header[dateCol].trim()}`;
      if (!d.ok) { out.addExpected(where, 'a date YYYY-MM-DD', describeValue(fields[dateCol])); continue; }
      slot = place(localMidnight(Date.UTC(d.date.year, d.date.month - 1, d.date.day) / 86_400_000, axis.zone), where);
    } else {
      const where = `${file}:row ${line}, column ${csv.header[timeCol].trim()}`;
      const t = parseTimeCell(fields[timeCol]);
      if (!t.ok) { out.addExpected(where, 'a time such as 2024-07-22T15:00+08:00 or 2024-07-22 15:00', `${describeValue(fields[timeCol])}${t.why ? ` (${t.why})` : ''}`); continue; }
      const w = t.wall;
      if (w.second !== 0 || w.hour === 24) { out.addExpected(where, `a time on the ${interval}-minute grid, starting its interval`, describeValue(fields[timeCol])); continue; }
      let ms: number;
      if (t.offsetMinutes !== null) ms = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) - t.offsetMinutes * 60_000;
      else {
        const r = resolve({ year: w.year, month: w.month, day: w.day, hour: w.hour, minute: w.minute });
        if (r.kind !== 'unique') { out.addExpected(where, `a local time that happened once in ${axis.zone.name} (write it with its UTC offset)`, `${describeValue(fields[timeCol])} (${r.kind === 'ambiguous' ? 'clocks went back over it' : 'clocks jumped over it'})`); continue; }
        ms = r.ms;
      }
      slot = place(ms, where);
    }
    if (slot === null) continue;
    rowMeter[i] = m; rowSlot[i] = slot;
  }

  // Each meter's slots from its first reading to its last, every one read once.
  const M = metersOf.length;
  const lo = new Int32Array(M).fill(2 ** 30), hi = new Int32Array(M).fill(-1);
  for (let i = 0; i < R; i++) {
    const m = rowMeter[i];
    if (m < 0) continue;
    if (rowSlot[i] < lo[m]) lo[m] = rowSlot[i];
    if (rowSlot[i] + points - 1 > hi[m]) hi[m] = rowSlot[i] + points - 1;
  }
  const slots: Float64Array[] = [], lines: Int32Array[] = [];
  for (let m = 0; m < M; m++) { const n = Math.max(0, hi[m] - lo[m] + 1); slots.push(new Float64Array(n).fill(Number.NaN)); lines.push(new Int32Array(n)); }
  const perHour = 60 / interval;
  const time = (m: number, k: number) => formatInZone(axis.startMs + (lo[m] + k) * slotMs, axis.zone);
  // Pass 2: the readings, into their slots.
  let readings = 0;
  for (let i = 0; i < R; i++) {
    const m = rowMeter[i];
    if (m < 0) continue;
    const { fields, line } = csv.rows[i];
    for (let k = 0; k < points; k++) {
      const c = perDay ? pointCols[k] : valueCol;
      const v = value(fields[c], line, c, m);
      if (v === null) continue;
      const at = rowSlot[i] + k - lo[m];
      if (!Number.isNaN(slots[m][at])) {
        out.addExpected(`${file}:row ${line}`, `one reading of ${metersOf[m].of} ${metersOf[m].id} at ${time(m, at)}`, `a second one (also row ${lines[m][at]})`);
        continue;
      }
      slots[m][at] = v; lines[m][at] = line;
      readings++;
    }
  }
  if (!out.ok) return done();
  if (!readings) { out.addExpected(file, 'at least one reading', 'none'); return done(); }
  const series: MeterSeries[] = [];
  for (let m = 0; m < M; m++) {
    const v = slots[m], { of, id } = metersOf[m];
    const at = `${file}: ${of} ${id}`;
    let gaps = 0;
    for (let k = 0; k < v.length; k++) {
      if (!Number.isNaN(v[k])) continue;
      let e = k;
      while (e + 1 < v.length && Number.isNaN(v[e + 1])) e++;
      if (gaps++ < 3) out.addExpected(at, `a reading every ${interval} min from its first (${time(m, 0)}) to its last (${time(m, v.length - 1)})`, `none from ${time(m, k)} to ${time(m, e)} (${e - k + 1} reading${e > k ? 's' : ''})`);
      k = e;
    }
    if (gaps > 3) out.add({ path: at, message: `… and ${gaps - 3} more gaps` });
    if (lo[m] % perHour !== 0 || (hi[m] + 1) % perHour !== 0) {
      out.addExpected(at, `whole hours (${perHour} readings each)`, `readings from ${time(m, 0)} to ${time(m, v.length - 1)}`);
    }
    if (gaps || lo[m] % perHour !== 0 || (hi[m] + 1) % perHour !== 0) continue;
    const hours = v.length / perHour;
    const mw = new Float64Array(hours);
    for (let h = 0; h < hours; h++) { let sum = 0; for (let q = 0; q < perHour; q++) sum += v[h * perHour + q]; mw[h] = sum / perHour; }
    series.push({ of, id, first: lo[m] / perHour, mw });
  }
  if (!out.ok) return done();
  return { ok: true, meters: { intervalMinutes: interval, layout: perDay ? 'per-day' : 'per-reading', readings, series, index: new Map(series.map((x, i) => [key(x.of, x.id), i])) } };
}

/** A meter's hourly MW at an axis hour, NaN where it has no reading. */
export function meterAt(series: MeterSeries, axisHour: number): number {
  const k = axisHour - series.first;
  return k >= 0 && k < series.mw.length ? series.mw[k] : Number.NaN;
}

export const meterKey = key;
