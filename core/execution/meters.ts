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
import { readCsv, type CsvRow } from '../history/csv.ts';
import { fieldEnd, plainRows } from './plain-rows.ts';
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
  index: MeterIndex;
  /** Per kind, id → index into series (no `of:id` string made per look-up). */
  byKind: Record<MeterKind, Map<string, number>>;
}

/** Look-up of a meter by its `of:id` key. */
export interface MeterIndex { get(key: string): number | undefined; has(key: string): boolean; readonly size: number }

export type MeterImport = { ok: true; meters: Meters } | { ok: false; problems: Problem[]; total: number };

export interface MeterOptions {
  /** The unit of a column named just `load`. */
  unit?: MeterUnit;
  /** Problems kept (the count stays whole). */
  limit?: number;
}

/**
 * Per kind, the scenario's ids (id → place in its list; of an id given twice, the last) and the MW
 * a meter at each place can plausibly read (three times its peak or rating).
 */
function capacities(s: Scenario): { place: Record<MeterKind, Map<string, number>>; most: Record<MeterKind, Float64Array> } {
  const list = { customer: s.customers, feeder: s.feeders, area: s.areas };
  const mostOf = {
    customer: (i: number) => 3 * s.customers[i].peakMW,
    feeder: (i: number) => 3 * s.feeders[i].ratingMW,
    area: (i: number) => (s.areas[i].historicalMaxMW ? 3 * s.areas[i].historicalMaxMW! : 1e7),
  };
  const place = {} as Record<MeterKind, Map<string, number>>, most = {} as Record<MeterKind, Float64Array>;
  for (const k of METER_KINDS) {
    const ids = list[k], m = new Map<string, number>(), v = new Float64Array(ids.length);
    for (let i = 0; i < ids.length; i++) { m.set(ids[i].id, i); v[i] = mostOf[k](i); }
    place[k] = m; most[k] = v;
  }
  return { place, most };
}

const key = (of: MeterKind, id: string) => `${of}:${id}`;
const simple = (h: string) => h.trim().toLowerCase().replace(/[\s_()（）]/g, '');
const UNIT_COLUMNS: Record<string, MeterUnit> = { loadmw: 'MW', mw: 'MW', loadkw: 'kW', kw: 'kW', loadgw: 'GW', gw: 'GW' };

export function importMeters(file: string, text: string, s: Scenario, axis: HourAxis, options: MeterOptions = {}): MeterImport {
  const out = new ProblemList(options.limit ?? 50);
  const done = (): MeterImport => ({ ok: false, problems: out.items, total: out.total });
  // A plain file's rows are located only (its cells sliced or parsed where used); any other is
  // read whole by the general reader, with its problems by row.
  const plain = plainRows(text);
  const csv: { header: string[] | null; rows: CsvRow[]; problems: Problem[] } = plain ? { header: plain.header, rows: [], problems: [] } : readCsv(text, file);
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

  // The rows, and the cells of row i that are named (meter, date, time): every cell of a row the
  // general reader read, only those of a plain one (the readings are parsed from the text).
  const R = plain ? plain.count : csv.rows.length;
  const columns = csv.header.length;
  const named = [ofCol, meterCol, dateCol, timeCol].filter((c) => c >= 0);
  const lastNamed = Math.max(...named);
  const cells: string[] = new Array<string>(columns).fill('');
  const isNamed = new Uint8Array(columns);
  for (const c of named) isNamed[c] = 1;
  const fieldsOf = (i: number): string[] => {
    if (!plain) return csv.rows[i].fields;
    let at = plain.start[i];
    for (let c = 0; c <= lastNamed; c++) {
      const e = fieldEnd(text, at, c === columns - 1);
      if (isNamed[c]) cells[c] = text.slice(at, e);
      at = e + 1;
    }
    return cells;
  };
  const lineOf = (i: number): number => (plain ? plain.line[i] : csv.rows[i].line);
  if (!perDay) {
    // The interval: 15 minutes as soon as one stamp is off the hour.
    for (let i = 0; i < R; i++) { const t = parseTimeCell(fieldsOf(i)[timeCol]); if (t.ok && t.wall.minute !== 0) { interval = 15; break; } }
  }
  const cap = capacities(s);
  const toMW = TO_MW[unit!];
  const resolve = wallClockResolver(axis.zone);
  const endMs = axis.startMs + axis.hours * HOUR_MS;
  const slotMs = interval * 60_000;
  const window = `${axis.time(0)} to ${axis.time(axis.hours - 1)}`;
  // The meter of each place of the scenario's lists, −1 until it is read.
  const meterAtPlace = { customer: new Int32Array(s.customers.length).fill(-1), feeder: new Int32Array(s.feeders.length).fill(-1), area: new Int32Array(s.areas.length).fill(-1) };
  const metersOf: { of: MeterKind; id: string }[] = [];
  const capOf: number[] = [];

  const meterOf = (fields: string[], line: number): number => {
    const of = fixedKind ?? (fields[ofCol].trim() as MeterKind);
    if (!fixedKind && !(METER_KINDS as readonly string[]).includes(of)) {
      out.addExpected(`${file}:row ${line}, column ${csv.header![ofCol].trim()}`, 'customer, feeder or area', describeValue(fields[ofCol]));
      return -1;
    }
    const id = fields[meterCol].trim();
    const at = cap.place[of].get(id);
    if (at === undefined) {
      out.addExpected(`${file}:row ${line}, column ${csv.header![meterCol].trim()}`, `a ${of} of the scenario`, describeValue(fields[meterCol]));
      return -1;
    }
    let m = meterAtPlace[of][at];
    if (m < 0) { meterAtPlace[of][at] = m = metersOf.length; metersOf.push({ of, id }); capOf.push(cap.most[of][at]); }
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
  const placedDates = new Map<string, number>();
  const rowMeter = new Int32Array(R).fill(-1), rowSlot = new Int32Array(R);
  const points = perDay ? pointCols.length : 1;
  for (let i = 0; i < R; i++) {
    const fields = fieldsOf(i), line = lineOf(i);
    const m = meterOf(fields, line);
    if (m < 0) continue;
    let slot: number | null;
    if (perDay) {
      // A date cell placed once: every row of a day carries the same one.
      const cell = fields[dateCol];
      const known = placedDates.get(cell);
      if (known !== undefined) slot = known;
      else {
        const d = parseDateCell(cell);
        const where = `${file}:row ${line}, column ${csv.header[dateCol].trim()}`;
        if (!d.ok) { out.addExpected(where, 'a date YYYY-MM-DD', describeValue(cell)); continue; }
        slot = place(localMidnight(Date.UTC(d.date.year, d.date.month - 1, d.date.day) / 86_400_000, axis.zone), where);
        if (slot !== null) placedDates.set(cell, slot);
      }
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
  // Every meter's slots in one buffer (a province has 300,000 meters): meter m's from from[m].
  const from = new Int32Array(M + 1);
  for (let m = 0; m < M; m++) from[m + 1] = from[m] + Math.max(0, hi[m] - lo[m] + 1);
  const slotsAll = new Float64Array(from[M]).fill(Number.NaN), linesAll = new Int32Array(from[M]);
  const perHour = 60 / interval;
  const time = (m: number, k: number) => formatInZone(axis.startMs + (lo[m] + k) * slotMs, axis.zone);
  // Pass 2: the readings, into their slots.
  let readings = 0;
  const put = (m: number, at: number, v: number, line: number) => {
    if (!Number.isNaN(slotsAll[from[m] + at])) {
      out.addExpected(`${file}:row ${line}`, `one reading of ${metersOf[m].of} ${metersOf[m].id} at ${time(m, at)}`, `a second one (also row ${linesAll[from[m] + at]})`);
      return;
    }
    slotsAll[from[m] + at] = v; linesAll[from[m] + at] = line;
    readings++;
  };
  // A plain file's readings are parsed in one walk along each row, in column order (so the
  // readings' columns must come in the order of their points, as every export writes them).
  const valueCols = perDay ? pointCols : [valueCol];
  let ascending = true;
  for (let k = 1; k < valueCols.length; k++) if (valueCols[k] <= valueCols[k - 1]) ascending = false;
  if (plain && ascending) {
    const pointOf = new Int32Array(columns).fill(-1);
    valueCols.forEach((c, k) => { pointOf[c] = k; });
    const lastValue = valueCols[valueCols.length - 1];
    for (let i = 0; i < R; i++) {
      const m = rowMeter[i];
      if (m < 0) continue;
      const line = plain.line[i], base = rowSlot[i] - lo[m], most = capOf[m], first = from[m] + base;
      let at = plain.start[i];
      for (let c = 0; c <= lastValue; c++) {
        const last = c === columns - 1;
        const k = pointOf[c];
        if (k < 0) { at = fieldEnd(text, at, last) + 1; continue; }
        const v = plainNumber(text, at);
        let end: number, mw: number;
        if (v === v) { end = plainEnd; mw = v * toMW; } else { end = fieldEnd(text, at, last); mw = Number.NaN; }
        if (mw >= 0 && mw <= most) {
          // put(), inlined for the 19 million readings of a province day.
          const q = first + k;
          if (Number.isNaN(slotsAll[q])) { slotsAll[q] = mw; linesAll[q] = line; readings++; } else put(m, base + k, mw, line);
        } else {
          const r = value(text.slice(at, end), line, c, m);
          if (r !== null) put(m, base + k, r, line);
        }
        at = end + 1;
      }
    }
  } else {
    for (let i = 0; i < R; i++) {
      const m = rowMeter[i];
      if (m < 0) continue;
      const line = lineOf(i);
      const fields = plain ? allFields(text, plain.start[i], columns) : csv.rows[i].fields;
      for (let k = 0; k < points; k++) {
        const c = valueCols[k];
        const v = value(fields[c], line, c, m);
        if (v !== null) put(m, rowSlot[i] + k - lo[m], v, line);
      }
    }
  }
  if (!out.ok) return done();
  if (!readings) { out.addExpected(file, 'at least one reading', 'none'); return done(); }
  const series: MeterSeries[] = [];
  // Every meter's hourly MW in one buffer too; each series a view of its part.
  const hourly = new Float64Array(Math.ceil(from[M] / perHour));
  let used = 0;
  for (let m = 0; m < M; m++) {
    const v = slotsAll.subarray(from[m], from[m + 1]), { of, id } = metersOf[m];
    let gaps = 0;
    for (let k = 0; k < v.length; k++) {
      if (!Number.isNaN(v[k])) continue;
      const at = `${file}: ${of} ${id}`;
      let e = k;
      while (e + 1 < v.length && Number.isNaN(v[e + 1])) e++;
      if (gaps++ < 3) out.addExpected(at, `a reading every ${interval} min from its first (${time(m, 0)}) to its last (${time(m, v.length - 1)})`, `none from ${time(m, k)} to ${time(m, e)} (${e - k + 1} reading${e > k ? 's' : ''})`);
      k = e;
    }
    if (gaps > 3) out.add({ path: `${file}: ${of} ${id}`, message: `… and ${gaps - 3} more gaps` });
    if (lo[m] % perHour !== 0 || (hi[m] + 1) % perHour !== 0) {
      out.addExpected(`${file}: ${of} ${id}`, `whole hours (${perHour} readings each)`, `readings from ${time(m, 0)} to ${time(m, v.length - 1)}`);
    }
    if (gaps || lo[m] % perHour !== 0 || (hi[m] + 1) % perHour !== 0) continue;
    const hours = v.length / perHour;
    const mw = hourly.subarray(used, used + hours);
    used += hours;
    for (let h = 0; h < hours; h++) { let sum = 0; for (let q = 0; q < perHour; q++) sum += v[h * perHour + q]; mw[h] = sum / perHour; }
    series.push({ of, id, first: lo[m] / perHour, mw });
  }
  if (!out.ok) return done();
  const byKind: Meters['byKind'] = { customer: new Map(), feeder: new Map(), area: new Map() };
  series.forEach((x, i) => { byKind[x.of].set(x.id, i); });
  return { ok: true, meters: { intervalMinutes: interval, layout: perDay ? 'per-day' : 'per-reading', readings, series, index: meterIndex(byKind), byKind } };
}

/** The `of:id` look-up over the per-kind maps. */
function meterIndex(byKind: Meters['byKind']): MeterIndex {
  const split = (k: string): number | undefined => {
    const i = k.indexOf(':');
    const of = k.slice(0, i) as MeterKind;
    return i > 0 && (METER_KINDS as readonly string[]).includes(of) ? byKind[of].get(k.slice(i + 1)) : undefined;
  };
  return { get: split, has: (k) => split(k) !== undefined, get size() { return byKind.customer.size + byKind.feeder.size + byKind.area.size; } };
}

/** A meter's index in the series by kind and id, or undefined. */
export const meterIn = (m: Meters, of: MeterKind, id: string): number | undefined => m.byKind[of].get(id);

/** Every cell of a plain row (core/execution/plain-rows.ts). */
function allFields(text: string, at: number, columns: number): string[] {
  const out: string[] = [];
  for (let c = 0; c < columns; c++) { const e = fieldEnd(text, at, c === columns - 1); out.push(text.slice(at, e)); at = e + 1; }
  return out;
}

/** Where the cell read by the last plainNumber that found one ends. */
let plainEnd = 0;
const POWERS_OF_TEN: number[] = [1];
for (let k = 1; k <= 15; k++) POWERS_OF_TEN.push(POWERS_OF_TEN[k - 1] * 10);

/**
 * The cell starting at `at` of a plain row read as parseNumber reads it (core/history/number.ts),
 * where it is a plain decimal: an optional sign, digits, an optional point and digits, at most 15
 * digits in all, up to the comma or the line's end. The same value bit for bit (its fast path:
 * exact digits over an exact power of ten, one rounding). NaN for any other cell (spaces, an
 * exponent, more digits, text, an empty cell): the caller then reads it as parseNumber does.
 */
function plainNumber(text: string, at: number): number {
  let j = at, ch = text.charCodeAt(j);
  const negative = ch === 45;
  if (ch === 45 || ch === 43) ch = text.charCodeAt(++j);
  let digits = 0, mantissa = 0, fraction = 0;
  while (ch >= 48 && ch <= 57) { mantissa = mantissa * 10 + (ch - 48); digits++; ch = text.charCodeAt(++j); }
  if (ch === 46) {
    ch = text.charCodeAt(++j);
    while (ch >= 48 && ch <= 57) { mantissa = mantissa * 10 + (ch - 48); digits++; fraction++; ch = text.charCodeAt(++j); }
  }
  if (digits === 0 || digits > 15 || !(ch === 44 || ch === 10 || j >= text.length)) return Number.NaN;
  plainEnd = j;
  const v = mantissa / POWERS_OF_TEN[fraction];
  return negative ? -v : v;
}

/** A meter's hourly MW at an axis hour, NaN where it has no reading. */
export function meterAt(series: MeterSeries, axisHour: number): number {
  const k = axisHour - series.first;
  return k >= 0 && k < series.mw.length ? series.mw[k] : Number.NaN;
}

export const meterKey = key;
