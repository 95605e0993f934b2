/**
 * Reads an hourly history (load, temperature) from CSV text into series on one hourly axis, in MW
 * and °C. Pure: text in, table or problems out.
 *
 * Every problem is reported, not just the first (invariant 4): a user fixing an export wants the
 * whole list at once. Problems come in the order: header and CSV structure (unknown columns, rows
 * with the wrong number of fields), then the cells of rows by line, then the hours no row gives (a
 * run of consecutive missing hours is one problem). Bad options are reported alone, before the
 * file is read, since the file cannot be judged without them.
 */
import type { Problem } from '../problems.ts';
import { HOUR_MS } from '../time/timestamp.ts';
import { formatInZone, type Zone } from '../time/zone.ts';
import { readCsv } from './csv.ts';
import { findColumns } from './header.ts';
import { checkHourlyOptions, type HourlyCsvOptions } from './hourly-options.ts';
import { rowTimeReader, type FallBackHour } from './hourly-time.ts';
import { describeNonNumber, parseNumber } from './number.ts';
import { ABSOLUTE_ZERO_C, storedUnit, toStoredUnit, type StoredUnit } from './units.ts';
import { MAX_MW } from '../scenario/limits.ts';

export type { HourlyColumn, HourlyCsvOptions } from './hourly-options.ts';

export interface HourlyTable {
  /** Start of the first hour (ms since the epoch, UTC). */
  startMs: number;
  hours: number;
  /** The zone the file was read in, as given in the options. */
  zone: string;
  /** One series per requested column, by its `as` key: hour i starts at startMs + i h. */
  series: Record<string, Float64Array>;
  /** The unit of each series: MW for loads, °C for temperatures. */
  units: Record<string, StoredUnit>;
  /** What was done to the data on the way in (unit conversions, sorting, fall-back hours). */
  notes: string[];
}

export type HourlyCsvResult = { ok: true; table: HourlyTable } | { ok: false; problems: Problem[] };

/** Longest history accepted (about 114 years): beyond it a mistyped year is the likely cause. */
export const MAX_HISTORY_HOURS = 1_000_000;

export function readHourlyCsv(text: string, options: HourlyCsvOptions): HourlyCsvResult {
  const checked = checkHourlyOptions(options);
  if (!checked.ok) return checked;
  const { zone, timeSource } = checked.checked;
  const { file, columns } = options;
  const hourEnding = options.hourEnding === true;

  const csv = readCsv(text, file);
  if (csv.header === null) return { ok: false, problems: csv.problems };
  if (csv.rows.length === 0 && csv.problems.length === 0) {
    return { ok: false, problems: [{ path: file, message: 'the file has a header but no data rows' }] };
  }

  const timeColumns = timeSource.kind === 'time' ? [timeSource.column] : [timeSource.date, timeSource.hour];
  const lookup = findColumns(csv.header, [...timeColumns, ...columns.map((c) => c.name)], file);
  const fileProblems = [...lookup.problems, ...csv.problems];
  if (!timeColumns.every((c) => lookup.index.has(c))) return { ok: false, problems: fileProblems };

  const rowProblems: Array<{ line: number; problem: Problem }> = [];
  const rows = csv.rows;
  const times = rowTimeReader(timeSource, lookup.index, zone, hourEnding, file);

  // Pass 1, in file order: each row's instant and values (values are checked even in rows whose
  // time is bad, so that one pass over the file shows every bad cell).
  const rowMs = new Float64Array(rows.length).fill(Number.NaN);
  const readable = columns.filter((c) => lookup.index.has(c.name));
  const readableIndex = readable.map((c) => lookup.index.get(c.name)!);
  const readableIsTemperature = readable.map((c) => storedUnit(c.unit) === '°C');
  const rowValues = readable.map(() => new Float64Array(rows.length));
  let firstMs = Infinity, lastMs = -Infinity, firstRow = 0, lastRow = 0;
  let inOrder = true, previousMs = -Infinity;
  for (let r = 0; r < rows.length; r++) {
    const { fields, line } = rows[r];
    const t = times.read(fields, line);
    if (t.ok) {
      rowMs[r] = t.ms;
      if (t.ms < firstMs) { firstMs = t.ms; firstRow = line; }
      if (t.ms > lastMs) { lastMs = t.ms; lastRow = line; }
      if (t.ms < previousMs) inOrder = false;
      previousMs = t.ms;
    } else {
      rowProblems.push({ line, problem: t.problem });
    }
    for (let c = 0; c < readable.length; c++) {
      const { name, unit } = readable[c];
      const cell = fields[readableIndex[c]];
      const value = parseNumber(cell);
      if (value === null) {
        const path = `${file}:row ${line}, column ${name}`;
        rowProblems.push({ line, problem: { path, message: `expected a number, found ${describeNonNumber(cell)}` } });
        continue;
      }
      const stored = toStoredUnit(value, unit);
      if (readableIsTemperature[c] && stored < ABSOLUTE_ZERO_C) {
        const path = `${file}:row ${line}, column ${name}`;
        rowProblems.push({ line, problem: { path, message: `expected a temperature above absolute zero, found ${cell.trim()} ${unit}` } });
        continue;
      }
      if (!readableIsTemperature[c] && !(Math.abs(stored) <= MAX_MW)) {
        const path = `${file}:row ${line}, column ${name}`;
        rowProblems.push({ line, problem: { path, message: `expected a load of at most 10,000,000 MW (10 TW, larger than any grid), found ${cell.trim()} ${unit}: is the unit right?` } });
        continue;
      }
      rowValues[c][r] = stored;
    }
  }

  const finish = (gapProblems: Problem[] = []): HourlyCsvResult => ({
    ok: false,
    problems: [...fileProblems, ...rowProblems.sort((a, b) => a.line - b.line).map((p) => p.problem), ...gapProblems],
  });
  if (firstMs === Infinity) return finish();

  const label = (ms: number) => formatInZone(ms, zone);
  const hours = (lastMs - firstMs) / HOUR_MS + 1;
  if (hours > MAX_HISTORY_HOURS) {
    fileProblems.push({
      path: file,
      message:
        `the times span ${Math.round(hours).toLocaleString('en-US')} hours, from ${label(firstMs)} (row ${firstRow}) ` +
        `to ${label(lastMs)} (row ${lastRow}); a history longer than ${MAX_HISTORY_HOURS.toLocaleString('en-US')} hours ` +
        'is refused: is one of these rows mistyped?',
    });
    return finish();
  }

  // Pass 2, in file order: place each row on the axis; the first row for an hour wins.
  const describeHour = hourDescriber(firstMs, zone, hourEnding);
  const lineAt = new Int32Array(Math.ceil(hours)); // 0 = no row for this hour
  const series = readable.map(() => new Float64Array(lineAt.length).fill(Number.NaN));
  for (let r = 0; r < rows.length; r++) {
    const ms = rowMs[r];
    if (Number.isNaN(ms)) continue;
    const line = rows[r].line;
    const index = (ms - firstMs) / HOUR_MS;
    if (!Number.isInteger(index)) {
      rowProblems.push({
        line,
        problem: { path: `${file}:row ${line}`, message: `${label(ms)} is not a whole number of hours after the first hour, ${label(firstMs)} (row ${firstRow})` },
      });
      continue;
    }
    if (lineAt[index] !== 0) {
      rowProblems.push({ line, problem: { path: `${file}:row ${line}`, message: `${describeHour(index)} already given at row ${lineAt[index]}` } });
      continue;
    }
    lineAt[index] = line;
    for (let c = 0; c < readable.length; c++) series[c][index] = rowValues[c][r];
  }

  const gaps = findGaps(lineAt, firstMs, zone, hourEnding, times.fallBacks, file);
  const leaveGaps = options.missing === 'leave';
  const gapProblems = leaveGaps ? [] : gaps;
  if (fileProblems.length > 0 || rowProblems.length > 0 || gapProblems.length > 0) return finish(gapProblems);

  const table: HourlyTable = { startMs: firstMs, hours: lineAt.length, zone: zone.name, series: {}, units: {}, notes: [] };
  readable.forEach((c, k) => {
    table.series[c.as] = series[k];
    table.units[c.as] = storedUnit(c.unit);
    if (storedUnit(c.unit) !== c.unit) table.notes.push(`column "${c.name}": ${c.unit} converted to ${storedUnit(c.unit)}`);
  });
  if (hourEnding) table.notes.push('hour-ending stamps: each value is placed in the hour that ends at its stamp');
  if (leaveGaps && gaps.length) {
    const missing = lineAt.reduce((a, l) => a + (l === 0 ? 1 : 0), 0);
    table.notes.push(`${missing} hours missing in ${gaps.length} runs, left unknown (NaN): ${gaps.map((g) => g.message.replace(/ \(.*$/, '')).join('; ')}`);
  }
  if (!inOrder) table.notes.push('the rows were not in time order; they were sorted by time');
  for (const fb of times.fallBacks.values()) {
    if (fb.lines.length === 2) {
      table.notes.push(
        `${fb.wall} occurs twice in ${zone.name} (clocks fall back); rows ${fb.lines[0]} and ${fb.lines[1]} were taken in file order as the earlier and the later hour`,
      );
    }
  }
  const foreign = times.foreignOffsets;
  if (foreign.count > 0) {
    table.notes.push(
      `${foreign.count === 1 ? '1 row carries' : `${foreign.count} rows carry`} an offset other than ${zone.name}'s (first: row ${foreign.firstLine}, ${foreign.firstOffset}); they were taken as written`,
    );
  }
  return { ok: true, table };
}

/** "hour 2024-01-01T05:00-05:00", or "hour ending 2024-01-01T06:00-05:00" for hour-ending files. */
function hourDescriber(startMs: number, zone: Zone, hourEnding: boolean): (index: number) => string {
  return (index) => {
    const ms = startMs + index * HOUR_MS;
    return hourEnding ? `hour ending ${formatInZone(ms + HOUR_MS, zone)}` : `hour ${formatInZone(ms, zone)}`;
  };
}

/** One problem per run of hours that no row gives, naming the rows on either side. */
function findGaps(
  lineAt: Int32Array,
  startMs: number,
  zone: Zone,
  hourEnding: boolean,
  fallBacks: ReadonlyMap<number, FallBackHour>,
  file: string,
): Problem[] {
  const problems: Problem[] = [];
  // Later fall-back hours that no row could claim because the wall time appeared only once.
  const halfGivenFallBack = new Map<number, FallBackHour>();
  for (const fb of fallBacks.values()) if (fb.lines.length === 1) halfGivenFallBack.set(fb.laterMs, fb);

  const stamp = (index: number) => formatInZone(startMs + (hourEnding ? index + 1 : index) * HOUR_MS, zone);
  const hoursWord = hourEnding ? 'hours ending' : 'hours';
  const hourWord = hourEnding ? 'hour ending' : 'hour';
  for (let i = 0; i < lineAt.length; i++) {
    if (lineAt[i] !== 0) continue;
    let j = i;
    while (j + 1 < lineAt.length && lineAt[j + 1] === 0) j++;
    const count = j - i + 1;
    const what = count === 1 ? `${hourWord} ${stamp(i)} missing` : `${hoursWord} ${stamp(i)} to ${stamp(j)} missing`;
    // A gap is always inside the span (its first and last hours have rows), except after a last
    // row that was off the hourly grid and so placed nowhere.
    const between = j + 1 < lineAt.length ? `between rows ${lineAt[i - 1]} and ${lineAt[j + 1]}` : `after row ${lineAt[i - 1]}`;
    const details = [count === 1 ? between : `${count} hours, ${between}`];
    for (let k = i; k <= j; k++) {
      const fb = halfGivenFallBack.get(startMs + k * HOUR_MS);
      if (fb) {
        details.push(
          `${fb.wall} occurs twice in ${zone.name} as clocks fall back, and row ${fb.lines[0]} gives it once, taken as the earlier of the two`,
        );
      }
    }
    problems.push({ path: file, message: `${what} (${details.join('; ')})` });
    i = j;
  }
  return problems;
}
