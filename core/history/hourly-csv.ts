/**
 * Reads a history (load, temperature) from CSV text into series on one hourly axis, in MW and °C.
 * Pure: text in, table or problems out.
 *
 * Two layouts: one row per time stamp (a time column, or date and hour columns), or one row per
 * day with the day's points in columns named by a pattern (`dayColumns`: "T{HH}{MM}", 96 columns).
 *
 * Sub-hourly points (15 or 30 minutes; the interval is given, or detected from the times as the
 * most common step, and a row off its grid is reported by line) are aggregated to hours:
 *  - each series gets the hour's mean (for a load in MW, the energy of the hour in MWh);
 *  - each load also gets the hour's highest point, as a second series "<key>Max" (warnings are
 *    measured against the period's maximum demand, which an hourly mean understates);
 *  - an hour with at least half of its points (2 of 4, 1 of 2) is the mean of those it has, and the
 *    notes count such hours; an hour with fewer is missing.
 *
 * Missing values — hours no row gives, empty cells — are one thing: with `missing: 'leave'` they are
 * NaN on the axis and listed in the notes as runs, per column; with `missing: 'error'` (a scenario's
 * history, which must be whole) each run is a problem naming its hours. A cell that holds something
 * other than a number ("abc", "1,5") is always a problem.
 *
 * Every problem is reported, not just the first (invariant 4): a user fixing an export wants the
 * whole list at once. Problems come in the order: header and CSV structure (unknown columns, rows
 * with the wrong number of fields), then the cells of rows by line, then the hours no row gives (a
 * run of consecutive missing hours is one problem). Bad options are reported alone, before the
 * file is read, since the file cannot be judged without them.
 */
import type { Problem } from '../problems.ts';
import { HOUR_MS } from '../time/timestamp.ts';
import { formatInZone, localTime, resolveLocal, type Zone } from '../time/zone.ts';
import { readCsv, type CsvContent } from './csv.ts';
import { dayLayout, type DayPattern } from './day-columns.ts';
import { findColumns } from './header.ts';
import { checkHourlyOptions, INTERVALS, type HourlyColumn, type HourlyCsvOptions, type Interval, type TimeSource } from './hourly-options.ts';
import { rowTimeReader, type FallBackHour } from './hourly-time.ts';
import { runsOf } from './runs.ts';
import { describeNonNumber, parseNumber } from './number.ts';
import { formatWallClock, parseDateCell } from './time-cell.ts';
import { ABSOLUTE_ZERO_C, storedUnit, toStoredUnit, type StoredUnit } from './units.ts';
import { MAX_MW } from '../scenario/limits.ts';

export type { HourlyColumn, HourlyCsvOptions, Interval } from './hourly-options.ts';

export interface HourlyTable {
  /** Start of the first hour (ms since the epoch, UTC). */
  startMs: number;
  hours: number;
  /** The zone the file was read in, as given in the options. */
  zone: string;
  /**
   * One series per requested column, by its `as` key: hour i starts at startMs + i h. From
   * sub-hourly points, each load also has "<key>Max", the hour's highest point.
   */
  series: Record<string, Float64Array>;
  /** The unit of each series: MW for loads, °C for temperatures. */
  units: Record<string, StoredUnit>;
  /** Minutes between the file's points: 60, or 15 and 30 for points aggregated to hours. */
  interval: Interval;
  /** What was done to the data on the way in (unit conversions, aggregation, sorting, missing values). */
  notes: string[];
}

export type HourlyCsvResult = { ok: true; table: HourlyTable } | { ok: false; problems: Problem[] };

/** Longest history accepted (about 114 years): beyond it a mistyped year is the likely cause. */
export const MAX_HISTORY_HOURS = 1_000_000;

const MINUTE_MS = 60_000;
const POINT_NAMES: Record<Interval, { one: string; many: string; span: string }> = {
  15: { one: 'quarter-hour point', many: 'quarter-hour points', span: '15 minutes' },
  30: { one: 'half-hour point', many: 'half-hour points', span: '30 minutes' },
  60: { one: 'hourly point', many: 'hourly points', span: 'hour' },
};

/** A series being read: where its values come from, and what it is. */
interface SeriesSpec {
  as: string;
  unit: HourlyColumn['unit'];
  /** Column name, or the day columns' pattern. */
  name: string;
  isTemperature: boolean;
}

/**
 * The file's values as points in time, before they are placed on the axis. A point is a row (one
 * row per time) or a cell (one row per day).
 */
interface Points {
  count: number;
  /** Instant of each point (NaN where its time is bad): its stamp, or (day columns) its interval's start. */
  ms: Float64Array;
  line: Int32Array;
  /** Row of each point in csv.rows, for messages that quote the time. */
  row: Int32Array;
  /** Column of each point's value (day columns), for messages. */
  column?: string[];
  /** Wall-clock minute and second of each stamp (one row per time), for the interval's grid. */
  minute?: Float64Array;
  second?: Float64Array;
  /** The series whose columns were found, and their values (NaN for an empty or bad cell). */
  specs: SeriesSpec[];
  values: Float64Array[];
  /** Points whose value cell was refused (already a problem; not reported again as missing). */
  bad: Uint8Array;
  fallBacks: Map<number, FallBackHour>;
  foreignOffsets: { count: number; firstLine: number; firstOffset: string };
  /** Set by the layout (day columns); else given or detected. */
  interval?: Interval;
  /** Day columns that mark the ends of their intervals (their instants are already starts). */
  endingColumns?: boolean;
  inOrder: boolean;
}

type Collected = { problems: Problem[]; rowProblems: Array<{ line: number; problem: Problem }> };

export function readHourlyCsv(text: string, options: HourlyCsvOptions): HourlyCsvResult {
  const checked = checkHourlyOptions(options);
  if (!checked.ok) return checked;
  const { zone, timeSource, dayPattern } = checked.checked;
  const { file } = options;
  const hourEnding = options.hourEnding === true;
  const leave = options.missing === 'leave';

  const csv = readCsv(text, file);
  if (csv.header === null) return { ok: false, problems: csv.problems };
  if (csv.rows.length === 0 && csv.problems.length === 0) {
    return { ok: false, problems: [{ path: file, message: 'the file has a header but no data rows' }] };
  }

  const specs: SeriesSpec[] = options.dayColumns
    ? [{ as: options.dayColumns.as, unit: options.dayColumns.unit, name: options.dayColumns.pattern, isTemperature: storedUnit(options.dayColumns.unit) === '°C' }]
    : options.columns.map((c) => ({ as: c.as, unit: c.unit, name: c.name, isTemperature: storedUnit(c.unit) === '°C' }));
  const collected: Collected = { problems: [], rowProblems: [] };
  const points = timeSource.kind === 'day'
    ? dayPoints(csv, timeSource.date, dayPattern!, specs, zone, options, collected)
    : rowPoints(csv, timeSource, specs, zone, options, collected);
  const fileProblems = collected.problems;
  const rowProblems = collected.rowProblems;
  const finish = (gapProblems: Problem[] = []): HourlyCsvResult => ({
    ok: false,
    problems: [...fileProblems, ...rowProblems.sort((a, b) => a.line - b.line).map((p) => p.problem), ...gapProblems],
  });
  if (!points) return finish();
  const readable = points.specs;

  // The interval: from the day columns, as given, or detected from the times.
  const detected = points.interval === undefined && options.interval === undefined;
  let interval: Interval = points.interval ?? options.interval ?? 60;
  if (detected) {
    const step = commonStep(points);
    if (step.ok) interval = step.interval;
    else {
      fileProblems.push({ path: file, message: step.message });
      return finish();
    }
  }
  const slotMs = interval * MINUTE_MS;
  const perHour = 60 / interval;
  const words = POINT_NAMES[interval];

  // Rows on the interval's grid; stamps that end their interval moved to its start.
  if (points.minute && points.second) {
    const timeColumn = timeSource.kind === 'time' ? timeSource.column : timeSource.kind === 'date-hour' ? timeSource.hour : '';
    const timeIndex = csv.header.findIndex((h) => h.trim() === timeColumn);
    const shift = hourEnding ? slotMs : 0;
    for (let p = 0; p < points.count; p++) {
      if (Number.isNaN(points.ms[p])) continue;
      if (points.second[p] !== 0 || points.minute[p] % interval !== 0) {
        const cell = csv.rows[points.row[p]].fields[timeIndex];
        const grid = interval === 60 ? 'on the hour' : `on the ${interval}-minute grid (${interval === 15 ? ':00, :15, :30, :45' : ':00, :30'})`;
        const why = detected ? `as the file's times are mostly ${words.span === 'hour' ? 'an hour' : words.span} apart` : `as the interval given is ${interval} minutes`;
        rowProblems.push({ line: points.line[p], problem: { path: `${file}:row ${points.line[p]}, column ${timeColumn}`, message: `expected a time ${grid}, ${why}, found ${JSON.stringify(cell)}` } });
        points.ms[p] = Number.NaN;
        continue;
      }
      points.ms[p] -= shift;
    }
    if (shift) {
      for (const fb of points.fallBacks.values()) {
        fb.earlierMs -= shift;
        fb.laterMs -= shift;
      }
    }
  }

  let firstMs = Infinity, lastMs = -Infinity, firstLine = 0, lastLine = 0;
  for (let p = 0; p < points.count; p++) {
    const ms = points.ms[p];
    if (Number.isNaN(ms)) continue;
    if (ms < firstMs) (firstMs = ms), (firstLine = points.line[p]);
    if (ms > lastMs) (lastMs = ms), (lastLine = points.line[p]);
  }
  if (firstMs === Infinity) return finish();

  const label = (ms: number) => formatInZone(ms, zone);
  // The axis starts at the hour of the first point: at the first row itself for hourly rows (which
  // may carry any offset), at the local clock's hour for sub-hourly points.
  const startMs = perHour === 1 ? firstMs : firstMs - (localTime(firstMs, zone).minute % 60) * MINUTE_MS;
  const hours = Math.floor((lastMs - startMs) / HOUR_MS) + 1;
  if (hours > MAX_HISTORY_HOURS) {
    fileProblems.push({
      path: file,
      message:
        `the times span ${Math.round((lastMs - firstMs) / HOUR_MS + 1).toLocaleString('en-US')} hours, from ${label(firstMs)} (row ${firstLine}) ` +
        `to ${label(lastMs)} (row ${lastLine}); a history longer than ${MAX_HISTORY_HOURS.toLocaleString('en-US')} hours ` +
        'is refused: is one of these rows mistyped?',
    });
    return finish();
  }

  // Place each point in its slot; the first point for a slot wins.
  const slots = hours * perHour;
  const describeSlot = slotDescriber(startMs, zone, hourEnding && !points.endingColumns ? slotMs : 0, interval);
  const lineAt = new Int32Array(slots); // 0 = no point for this slot
  const slotValues = readable.map(() => new Float64Array(slots).fill(Number.NaN));
  const duplicateRows = new Set<number>();
  const badHours = new Set<number>(); // hours with a refused cell: reported already
  for (let p = 0; p < points.count; p++) {
    const ms: number = points.ms[p];
    if (Number.isNaN(ms)) continue;
    const line = points.line[p];
    const slot = (ms - startMs) / slotMs;
    if (!Number.isInteger(slot)) {
      const what = perHour === 1 ? 'hours' : `${interval}-minute intervals`;
      rowProblems.push({
        line,
        problem: { path: `${file}:row ${line}`, message: `${label(ms)} is not a whole number of ${what} after the first ${perHour === 1 ? 'hour' : 'point'}, ${label(firstMs)} (row ${firstLine})` },
      });
      continue;
    }
    if (lineAt[slot] !== 0) {
      if (!duplicateRows.has(line)) {
        duplicateRows.add(line);
        rowProblems.push({ line, problem: { path: `${file}:row ${line}`, message: `${describeSlot(slot)} already given at row ${lineAt[slot]}` } });
      }
      continue;
    }
    lineAt[slot] = line;
    for (let c = 0; c < readable.length; c++) slotValues[c][slot] = points.values[c][p];
    if (points.bad[p]) badHours.add(Math.floor(slot / perHour));
  }

  // Hours without enough points (no row at all, for hourly rows).
  const given = new Uint8Array(hours);
  for (let s = 0; s < slots; s++) if (lineAt[s] !== 0) given[Math.floor(s / perHour)]++;
  const hourMissing = (h: number) => given[h] * 2 < perHour;
  const gaps = findGaps(hours, hourMissing, lineAt, perHour, startMs, zone, hourEnding && !points.endingColumns, points.fallBacks, file, interval);
  const gapProblems = leave ? [] : gaps;

  // Aggregate each series to hours; count partial hours and hours left empty by empty cells.
  const table: HourlyTable = { startMs, hours, zone: zone.name, series: {}, units: {}, interval, notes: [] };
  const describeHour = hourDescriber(startMs, zone, hourEnding && !points.endingColumns);
  const perSeriesNotes: string[] = [];
  readable.forEach((spec, c) => {
    const values = slotValues[c];
    const mean = new Float64Array(hours).fill(Number.NaN);
    const max = perHour > 1 && !spec.isTemperature ? new Float64Array(hours).fill(Number.NaN) : null;
    let partial = 0;
    const empty: number[] = [];
    for (let h = 0; h < hours; h++) {
      let sum = 0, count = 0, highest = -Infinity;
      for (let s = h * perHour; s < (h + 1) * perHour; s++) {
        const v = values[s];
        if (!Number.isFinite(v)) continue;
        sum += v;
        count++;
        if (v > highest) highest = v;
      }
      if (count * 2 >= perHour) {
        mean[h] = sum / count;
        if (max) max[h] = highest;
        if (count < perHour) partial++;
      } else if (!hourMissing(h) && !badHours.has(h)) {
        empty.push(h);
      }
    }
    table.series[spec.as] = mean;
    table.units[spec.as] = storedUnit(spec.unit);
    if (max) {
      table.series[`${spec.as}Max`] = max;
      table.units[`${spec.as}Max`] = 'MW';
    }
    const column = options.dayColumns ? `columns "${spec.name}"` : `column "${spec.name}"`;
    if (storedUnit(spec.unit) !== spec.unit && spec.unit !== '℃') perSeriesNotes.push(`${column}: ${spec.unit} converted to ${storedUnit(spec.unit)}`);
    if (perHour > 1) {
      perSeriesNotes.push(max
        ? `${column}: ${words.many} aggregated to hours: "${spec.as}" is the hourly mean (MW, i.e. the hour's MWh), "${spec.as}Max" the hour's highest point`
        : `${column}: ${words.many} averaged to hours`);
      if (partial) {
        perSeriesNotes.push(`${column}: ${partial.toLocaleString('en-US')} hour${partial === 1 ? ' has' : 's have'} fewer than ${perHour} ${words.many} (at least ${perHour / 2}): each is the mean of those it has`);
      }
    }
    const runs = runsOf(empty);
    if (!runs.length) return;
    // The rows of the run's empty cells.
    const cellsOf = (h: number) => {
      const out: number[] = [];
      for (let k = h * perHour; k < (h + 1) * perHour; k++) if (lineAt[k] !== 0 && Number.isNaN(values[k])) out.push(lineAt[k]);
      return out;
    };
    const fewer = perHour > 1 ? ` (fewer than ${perHour / 2} of its ${perHour} ${words.many} have a value)` : '';
    if (leave) {
      const count = empty.length;
      perSeriesNotes.push(`${column}: ${count.toLocaleString('en-US')} hour${count === 1 ? '' : 's'} with empty cells${fewer ? ' (fewer than half of the hour\'s points with a value)' : ''}, left unknown (NaN): ${runs.map(([a, b]) => describeHour.run(a, b)).join('; ')}`);
      return;
    }
    for (const [a, b] of runs) {
      const from = Math.min(...cellsOf(a)), to = Math.max(...cellsOf(b));
      const path = `${file}:${from === to ? `row ${from}` : `rows ${from}–${to}`}, column ${spec.name}`;
      const message = a === b && perHour === 1
        ? `expected a number, found an empty cell: ${describeHour.one(a)} would be missing`
        : `expected numbers, found empty cells: ${describeHour.run(a, b)}${a === b ? fewer : ''} would be missing`;
      rowProblems.push({ line: from, problem: { path, message } });
    }
  });

  if (fileProblems.length > 0 || rowProblems.length > 0 || gapProblems.length > 0) return finish(gapProblems);

  table.notes.push(...perSeriesNotes);
  if (detected && perHour > 1) table.notes.push(`the rows are ${interval} minutes apart (detected from the times: the step between most consecutive rows)`);
  if (points.endingColumns) {
    table.notes.push(`the day's columns run to 24:00: each value is placed in the ${words.span} that end${interval === 60 ? 's' : ''} at its column's time`);
  } else if (hourEnding && perHour === 1) {
    table.notes.push('hour-ending stamps: each value is placed in the hour that ends at its stamp');
  } else if (hourEnding) {
    table.notes.push(`interval-ending stamps: each value is placed in the ${words.span} that end at its stamp ("00:${String(interval).padStart(2, '0')}" holds the first ${words.span} of the day)`);
  }
  if (leave && gaps.length) {
    const missing = given.reduce((a, g) => a + (g * 2 < perHour ? 1 : 0), 0);
    const runs = gaps.length;
    table.notes.push(
      `${missing.toLocaleString('en-US')} hour${missing === 1 ? '' : 's'} missing in ${runs} run${runs === 1 ? '' : 's'}, left unknown (NaN): ` +
      gaps.map((g) => g.message.replace(/ missing \(.*$/, '')).join('; '),
    );
  }
  if (!points.inOrder) table.notes.push('the rows were not in time order; they were sorted by time');
  table.notes.push(...fallBackNotes(points.fallBacks, zone, perHour));
  const foreign = points.foreignOffsets;
  if (foreign.count > 0) {
    table.notes.push(
      `${foreign.count === 1 ? '1 row carries' : `${foreign.count} rows carry`} an offset other than ${zone.name}'s (first: row ${foreign.firstLine}, ${foreign.firstOffset}); they were taken as written`,
    );
  }
  return { ok: true, table };
}

/** Reads one value cell: a number in the stored unit, NaN for an empty cell, or a problem. */
function readValue(cell: string, spec: SeriesSpec, path: string): number | Problem {
  if (cell.trim() === '') return Number.NaN;
  const value = parseNumber(cell);
  if (value === null) return { path, message: `expected a number, found ${describeNonNumber(cell)}` };
  const stored = toStoredUnit(value, spec.unit);
  if (spec.isTemperature && stored < ABSOLUTE_ZERO_C) {
    return { path, message: `expected a temperature above absolute zero, found ${cell.trim()} ${spec.unit}` };
  }
  if (!spec.isTemperature && !(Math.abs(stored) <= MAX_MW)) {
    return { path, message: `expected a load of at most 10,000,000 MW (10 TW, larger than any grid), found ${cell.trim()} ${spec.unit}: is the unit right?` };
  }
  return stored;
}

/** One row per time: each row's stamp and values, in file order. */
function rowPoints(
  csv: CsvContent,
  timeSource: Exclude<TimeSource, { kind: 'day' }>,
  specs: SeriesSpec[],
  zone: Zone,
  options: HourlyCsvOptions,
  out: Collected,
): Points | null {
  const { file } = options;
  const header = csv.header!;
  const timeColumns = timeSource.kind === 'time' ? [timeSource.column] : [timeSource.date, timeSource.hour];
  const lookup = findColumns(header, [...timeColumns, ...specs.map((c) => c.name)], file);
  out.problems.push(...lookup.problems, ...csv.problems);
  if (!timeColumns.every((c) => lookup.index.has(c))) return null;

  const rows = csv.rows;
  const times = rowTimeReader(timeSource, lookup.index, zone, options.hourEnding === true, file);
  // Values are checked even in rows whose time is bad, so that one pass shows every bad cell.
  const readable = specs.filter((c) => lookup.index.has(c.name));
  const readableIndex = readable.map((c) => lookup.index.get(c.name)!);
  const n = rows.length;
  const points: Points = {
    count: n, ms: new Float64Array(n).fill(Number.NaN), line: new Int32Array(n), row: Int32Array.from({ length: n }, (_, r) => r),
    minute: new Float64Array(n), second: new Float64Array(n), specs: readable, values: readable.map(() => new Float64Array(n).fill(Number.NaN)), bad: new Uint8Array(n),
    fallBacks: times.fallBacks, foreignOffsets: times.foreignOffsets, inOrder: true,
  };
  let previousMs = -Infinity;
  for (let r = 0; r < n; r++) {
    const { fields, line } = rows[r];
    points.line[r] = line;
    const t = times.read(fields, line);
    if (t.ok) {
      points.ms[r] = t.ms;
      points.minute![r] = t.minute;
      points.second![r] = t.second;
      if (t.ms < previousMs) points.inOrder = false;
      previousMs = t.ms;
    } else {
      out.rowProblems.push({ line, problem: t.problem });
    }
    for (let c = 0; c < readable.length; c++) {
      const v = readValue(fields[readableIndex[c]], readable[c], `${file}:row ${line}, column ${readable[c].name}`);
      if (typeof v === 'number') points.values[c][r] = v;
      else (out.rowProblems.push({ line, problem: v }), (points.bad[r] = 1));
    }
  }
  return points;
}

/** One row per day, the day's points in columns: a point per cell, placed at its interval's start. */
function dayPoints(csv: CsvContent, dateColumn: string, pattern: DayPattern, specs: SeriesSpec[], zone: Zone, options: HourlyCsvOptions, out: Collected): Points | null {
  const { file } = options;
  const header = csv.header!;
  const lookup = findColumns(header, [dateColumn], file);
  const layout = dayLayout(header, pattern, { hourEnding: options.hourEnding === true, ...(options.interval ? { interval: options.interval } : {}), file });
  out.problems.push(...lookup.problems, ...(layout.ok ? [] : layout.problems), ...csv.problems);
  if (!lookup.index.has(dateColumn) || !layout.ok) return null;
  const { interval, ending, columns } = layout.layout;
  const dateIndex = lookup.index.get(dateColumn)!;
  const spec = specs[0];
  const rows = csv.rows;
  const n = rows.length * columns.length;
  const points: Points = {
    count: n, ms: new Float64Array(n).fill(Number.NaN), line: new Int32Array(n), row: new Int32Array(n), column: new Array<string>(n),
    specs: [spec], values: [new Float64Array(n).fill(Number.NaN)], bad: new Uint8Array(n), fallBacks: new Map(), foreignOffsets: { count: 0, firstLine: 0, firstOffset: '' },
    interval, endingColumns: ending, inOrder: true,
  };
  const dateLine = new Map<string, number>();
  let previousDay = -Infinity;
  for (let r = 0; r < rows.length; r++) {
    const { fields, line } = rows[r];
    const dateText = fields[dateIndex];
    const date = parseDateCell(dateText);
    const cellPath = (name: string) => `${file}:row ${line}, column ${name}`;
    let dayOk = date.ok;
    if (!date.ok) {
      out.rowProblems.push({ line, problem: { path: cellPath(dateColumn), message: `expected a date like "2024-07-01" or "20240701", found ${JSON.stringify(dateText)}${date.why ? ` (${date.why})` : ''}` } });
    } else {
      const key = `${date.date.year}-${date.date.month}-${date.date.day}`;
      const earlier = dateLine.get(key);
      if (earlier !== undefined) {
        out.rowProblems.push({ line, problem: { path: `${file}:row ${line}`, message: `the date ${dateText.trim()} is already given at row ${earlier}` } });
        dayOk = false;
      } else dateLine.set(key, line);
      const dayNumber = Date.UTC(date.date.year, date.date.month - 1, date.date.day);
      if (dayNumber < previousDay) points.inOrder = false;
      previousDay = dayNumber;
    }
    for (let k = 0; k < columns.length; k++) {
      const p = r * columns.length + k;
      const col = columns[k];
      points.line[p] = line;
      points.row[p] = r;
      points.column![p] = col.name;
      const cell = fields[col.index];
      const v = readValue(cell, spec, cellPath(col.name));
      if (typeof v !== 'number') {
        out.rowProblems.push({ line, problem: v });
        points.bad[p] = 1;
        continue;
      }
      points.values[0][p] = v;
      if (!dayOk || !date.ok) continue;
      const wall = { ...date.date, hour: Math.floor(col.startMinute / 60), minute: col.startMinute % 60 };
      const at = resolveLocal(wall, zone);
      if (at.kind === 'unique') points.ms[p] = at.ms;
      else if (at.kind === 'ambiguous') {
        // Clocks fall back: a day row has one cell for a wall time that came twice; the earlier.
        points.ms[p] = at.earlier;
        points.fallBacks.set(at.earlier, { wall: formatWallClock({ ...wall, second: 0 }), earlierMs: at.earlier, laterMs: at.later, lines: [line] });
      } else if (!Number.isNaN(v)) {
        const w = formatWallClock({ ...wall, second: 0 });
        out.rowProblems.push({ line, problem: { path: cellPath(col.name), message: `expected an empty cell: ${w} does not exist in ${zone.name} (clocks jump from ${at.before} to ${at.after}), found ${cell.trim()}` } });
      }
    }
  }
  return points;
}

/** The most common step between consecutive times, if it is 15, 30 or 60 minutes. */
function commonStep(points: Points): { ok: true; interval: Interval } | { ok: false; message: string } {
  const order: number[] = [];
  for (let p = 0; p < points.count; p++) if (!Number.isNaN(points.ms[p])) order.push(p);
  order.sort((a, b) => points.ms[a] - points.ms[b]);
  const counts = new Map<number, { count: number; a: number; b: number }>();
  for (let k = 1; k < order.length; k++) {
    const step = points.ms[order[k]] - points.ms[order[k - 1]];
    if (step <= 0) continue;
    const seen = counts.get(step);
    if (seen) seen.count++;
    else counts.set(step, { count: 1, a: points.line[order[k - 1]], b: points.line[order[k]] });
  }
  let best = HOUR_MS, bestCount = 0, example = { a: 0, b: 0 };
  for (const [step, c] of counts) {
    if (c.count > bestCount || (c.count === bestCount && step < best)) (best = step), (bestCount = c.count), (example = c);
  }
  const minutes = best / MINUTE_MS;
  if (INTERVALS.includes(minutes as Interval)) return { ok: true, interval: minutes as Interval };
  // Steps longer than an hour (a short or sparse file): hourly, and the gaps are gaps.
  if (bestCount === 0 || minutes > 60) return { ok: true, interval: 60 };
  const shown = minutes >= 1 ? `${Number(minutes.toFixed(2))} minutes` : `${best / 1000} seconds`;
  return { ok: false, message: `expected times 15, 30 or 60 minutes apart, found them mostly ${shown} apart (rows ${example.a} and ${example.b}, for one): give the interval if the file is one of those` };
}

/** Names hours as the file does: "hour 2024-01-01T05:00-05:00", or "hour ending …" for hour-ending files. */
function hourDescriber(startMs: number, zone: Zone, hourEnding: boolean): { one: (h: number) => string; run: (a: number, b: number) => string } {
  const stamp = (h: number) => formatInZone(startMs + (hourEnding ? h + 1 : h) * HOUR_MS, zone);
  return {
    one: (h) => `${hourEnding ? 'hour ending' : 'hour'} ${stamp(h)}`,
    run: (a, b) => (a === b ? `${hourEnding ? 'hour ending' : 'hour'} ${stamp(a)}` : `${hourEnding ? 'hours ending' : 'hours'} ${stamp(a)} to ${stamp(b)} (${b - a + 1} hours)`),
  };
}

/** "hour 2024-01-01T05:00-05:00", "the 15 minutes from 2024-01-01T05:15-05:00", with the stamp convention. */
function slotDescriber(startMs: number, zone: Zone, endShift: number, interval: Interval): (slot: number) => string {
  const slotMs = interval * MINUTE_MS;
  return (slot) => {
    const ms = startMs + slot * slotMs;
    if (interval === 60) return endShift ? `hour ending ${formatInZone(ms + HOUR_MS, zone)}` : `hour ${formatInZone(ms, zone)}`;
    return endShift ? `the ${interval} minutes ending ${formatInZone(ms + slotMs, zone)}` : `the ${interval} minutes from ${formatInZone(ms, zone)}`;
  };
}


/** One problem per run of hours without enough points, naming the rows on either side. */
function findGaps(
  hours: number,
  missing: (h: number) => boolean,
  lineAt: Int32Array,
  perHour: number,
  startMs: number,
  zone: Zone,
  hourEnding: boolean,
  fallBacks: ReadonlyMap<number, FallBackHour>,
  file: string,
  interval: Interval,
): Problem[] {
  const problems: Problem[] = [];
  // Later fall-back hours that no row could claim because the wall time appeared only once.
  const halfGivenFallBack = new Map<number, FallBackHour>();
  for (const fb of fallBacks.values()) if (fb.lines.length === 1) halfGivenFallBack.set(fb.laterMs, fb);

  const stamp = (index: number) => formatInZone(startMs + (hourEnding ? index + 1 : index) * HOUR_MS, zone);
  const hoursWord = hourEnding ? 'hours ending' : 'hours';
  const hourWord = hourEnding ? 'hour ending' : 'hour';
  const lastBefore = (slot: number) => { for (let s = slot - 1; s >= 0; s--) if (lineAt[s]) return lineAt[s]; return 0; };
  const firstAfter = (slot: number) => { for (let s = slot; s < lineAt.length; s++) if (lineAt[s]) return lineAt[s]; return 0; };
  for (let i = 0; i < hours; i++) {
    if (!missing(i)) continue;
    let j = i;
    while (j + 1 < hours && missing(j + 1)) j++;
    const count = j - i + 1;
    const what = count === 1 ? `${hourWord} ${stamp(i)} missing` : `${hoursWord} ${stamp(i)} to ${stamp(j)} missing`;
    // A gap is always inside the span (its first and last hours have points), except after a last
    // point that was off the grid and so placed nowhere.
    const before = lastBefore(i * perHour), after = firstAfter((j + 1) * perHour);
    const between = after && before ? `between rows ${before} and ${after}` : after ? `before row ${after}` : `after row ${before}`;
    const details = [count === 1 ? between : `${count} hours, ${between}`];
    if (perHour > 1) {
      const inside: number[] = [];
      for (let s = i * perHour; s < (j + 1) * perHour; s++) if (lineAt[s]) inside.push(lineAt[s]);
      const rows = inside.length === 1 ? `row ${inside[0]}` : `rows ${Math.min(...inside)}–${Math.max(...inside)}`;
      const whose = count === 1 ? 'its' : 'their';
      details.push(inside.length
        ? `${inside.length} of ${whose} ${count * perHour} ${POINT_NAMES[interval].many} given (${rows}), fewer than ${perHour / 2} in ${count === 1 ? 'the' : 'each'} hour`
        : `none of ${whose} ${count * perHour} ${POINT_NAMES[interval].many} given`);
    }
    for (let k = i; k <= j; k++) {
      for (let s = 0; s < perHour; s++) {
        const fb = halfGivenFallBack.get(startMs + k * HOUR_MS + s * interval * MINUTE_MS);
        if (!fb) continue;
        details.push(
          `${fb.wall} occurs twice in ${zone.name} as clocks fall back, and row ${fb.lines[0]} gives it once, taken as the earlier of the two`,
        );
        break;
      }
    }
    problems.push({ path: file, message: `${what} (${details.join('; ')})` });
    i = j;
  }
  return problems;
}

/** The wall times given twice as clocks fell back, taken in file order; one note per hour. */
function fallBackNotes(fallBacks: ReadonlyMap<number, FallBackHour>, zone: Zone, perHour: number): string[] {
  const slotMs = (60 / perHour) * MINUTE_MS;
  const twice = [...fallBacks.values()].filter((fb) => fb.lines.length === 2).sort((a, b) => a.earlierMs - b.earlierMs);
  if (perHour === 1) {
    return twice.map((fb) =>
      `${fb.wall} occurs twice in ${zone.name} (clocks fall back); rows ${fb.lines[0]} and ${fb.lines[1]} were taken in file order as the earlier and the later hour`);
  }
  // One note per run of consecutive wall times (the four quarters of 01:00–02:00, say).
  const runs: FallBackHour[][] = [];
  for (const fb of twice) {
    const run = runs.at(-1);
    if (run && fb.earlierMs - run[run.length - 1].earlierMs === slotMs) run.push(fb);
    else runs.push([fb]);
  }
  return runs.map((group) => {
    const first = group[0], last = group[group.length - 1];
    if (group.length === 1) {
      return `${first.wall} occurs twice in ${zone.name} (clocks fall back); rows ${first.lines[0]} and ${first.lines[1]} were taken in file order as the earlier and the later point`;
    }
    return `${first.wall} to ${last.wall.slice(11)} occur twice in ${zone.name} (clocks fall back); rows ${first.lines[0]}–${last.lines[0]} and ` +
      `${first.lines[1]}–${last.lines[1]} were taken in file order as the earlier and the later hour`;
  });
}
