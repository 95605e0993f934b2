/**
 * The GEFCom2012 "wide" layout: one row per id and day, 24 hour-ending columns h1..h24
 * (`zone_id,year,month,day,h1..h24` for load in kW, `station_id,…` for temperature in °F;
 * `Load_solution.csv` adds `id` and `weight` around the same columns).
 *
 * A blank cell is not an error here: the competition blanked the weeks to be backcast and forecast,
 * and the temperature history ends part-way through its last day. Blank cells become NaN and the
 * caller lists them as spans. A missing row, a duplicate row or an unreadable cell is an error.
 */
import type { Problem } from '../problems.ts';
import { formatDate } from '../time/timestamp.ts';
import { readCsv } from './csv.ts';
import { GEFCOM_FIRST_DAY } from './gefcom-axis.ts';
import { readKey } from './gefcom-cells.ts';
import { findColumns } from './header.ts';
import { describeNonNumber, parseNumber } from './number.ts';
import { ABSOLUTE_ZERO_C, storedUnit, toStoredUnit } from './units.ts';

export interface GefcomWideSpec {
  file: string;
  idColumn: 'zone_id' | 'station_id';
  idWord: 'zone' | 'station';
  /** Ids must be exactly 1..idCount. */
  idCount: number;
  unit: 'kW' | '°F';
  /** History files hold a row for every id and every day up to their last; solution files only some. */
  everyDay: boolean;
  /** Further numeric columns to read per row (e.g. "weight"). */
  extraColumns: string[];
}

export interface GefcomWideRow {
  line: number;
  id: number;
  /** Day number (days since 1970-01-01). */
  day: number;
  /** Values of the extra columns, in the order asked. */
  extras: number[];
}

export interface GefcomWide {
  /** Hours on the GEFCom axis from 2004-01-01 through the file's last day. */
  hours: number;
  /** Series by id, in MW or °C, NaN where blank or where no row gives the day. */
  series: Map<number, Float64Array>;
  rows: GefcomWideRow[];
}

export const HOUR_COLUMNS = Array.from({ length: 24 }, (_, k) => `h${k + 1}`);

export function readGefcomWide(text: string, spec: GefcomWideSpec): { ok: true; wide: GefcomWide } | { ok: false; problems: Problem[] } {
  const { file } = spec;
  const csv = readCsv(text, file);
  if (csv.header === null) return { ok: false, problems: csv.problems };
  if (csv.rows.length === 0 && csv.problems.length === 0) {
    return { ok: false, problems: [{ path: file, message: 'the file has a header but no data rows' }] };
  }
  const names = [spec.idColumn, 'year', 'month', 'day', ...HOUR_COLUMNS, ...spec.extraColumns];
  const lookup = findColumns(csv.header, names, file);
  const problems: Problem[] = [...lookup.problems, ...csv.problems];
  if (lookup.problems.length > 0) return { ok: false, problems };

  const col = (name: string) => lookup.index.get(name)!;
  const keyColumns = { id: col(spec.idColumn), year: col('year'), month: col('month'), day: col('day') };
  const hourColumns = HOUR_COLUMNS.map(col);
  const extraColumns = spec.extraColumns.map(col);
  const temperature = storedUnit(spec.unit) === '°C';

  // Pass 1: keys and values of every row, with every bad cell reported. Values are stored at the
  // position of the row among rows with a readable key.
  const rows: GefcomWideRow[] = [];
  const values = new Float64Array(csv.rows.length * 24);
  let lastDay = -Infinity;
  for (const { fields, line } of csv.rows) {
    const key = readKey(fields, line, keyColumns, spec, problems);
    const base = rows.length * 24;
    for (let h = 0; h < 24; h++) {
      const cell = fields[hourColumns[h]];
      values[base + h] = Number.NaN; // stays NaN when blank or unreadable
      if (cell.trim() === '') continue;
      const v = parseNumber(cell);
      if (v === null) {
        problems.push({ path: cellPath(file, line, HOUR_COLUMNS[h]), message: `expected a number or a blank, found ${describeNonNumber(cell)}` });
        continue;
      }
      const stored = toStoredUnit(v, spec.unit);
      if (temperature && stored < ABSOLUTE_ZERO_C) {
        problems.push({ path: cellPath(file, line, HOUR_COLUMNS[h]), message: `expected a temperature above absolute zero, found ${cell.trim()} ${spec.unit}` });
        continue;
      }
      values[base + h] = stored;
    }
    const extras: number[] = [];
    spec.extraColumns.forEach((name, k) => {
      const cell = fields[extraColumns[k]];
      const v = parseNumber(cell);
      if (v === null) {
        problems.push({ path: `${file}:row ${line}, column ${name}`, message: `expected a number, found ${describeNonNumber(cell)}` });
      }
      extras.push(v ?? Number.NaN);
    });
    // A row whose key is readable is placed even when a value is not, so that duplicate and
    // missing days are still found in the same run.
    if (key) {
      rows.push({ line, id: key.id, day: key.day, extras });
      if (key.day > lastDay) lastDay = key.day;
    }
  }
  if (rows.length === 0) return { ok: false, problems };

  // Pass 2: place the rows; a second row for the same id and day is refused.
  const days = lastDay - GEFCOM_FIRST_DAY + 1;
  const lineAt = new Map<number, Int32Array>();
  const series = new Map<number, Float64Array>();
  for (let id = 1; id <= spec.idCount; id++) {
    lineAt.set(id, new Int32Array(days));
    series.set(id, new Float64Array(days * 24).fill(Number.NaN));
  }
  rows.forEach((row, r) => {
    const d = row.day - GEFCOM_FIRST_DAY;
    const lines = lineAt.get(row.id)!;
    if (lines[d] !== 0) {
      problems.push({ path: `${file}:row ${row.line}`, message: `${spec.idWord} ${row.id} on ${formatDate(row.day)} already given at row ${lines[d]}` });
      return;
    }
    lines[d] = row.line;
    series.get(row.id)!.set(values.subarray(r * 24, r * 24 + 24), d * 24);
  });

  for (let id = 1; id <= spec.idCount; id++) {
    const lines = lineAt.get(id)!;
    if (lines.every((l) => l === 0)) {
      problems.push({ path: file, message: `${spec.idWord} ${id} has no rows` });
    } else if (spec.everyDay) {
      problems.push(...missingDays(lines, `${spec.idWord} ${id}`, file));
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, wide: { hours: days * 24, series, rows } };
}

const cellPath = (file: string, line: number, column: string) => `${file}:row ${line}, column ${column}`;

/** One problem per run of days without a row. */
function missingDays(lines: Int32Array, who: string, file: string): Problem[] {
  const problems: Problem[] = [];
  for (let d = 0; d < lines.length; d++) {
    if (lines[d] !== 0) continue;
    let e = d;
    while (e + 1 < lines.length && lines[e + 1] === 0) e++;
    const from = formatDate(GEFCOM_FIRST_DAY + d), to = formatDate(GEFCOM_FIRST_DAY + e);
    problems.push({
      path: file,
      message: d === e ? `${who}: day ${from} missing` : `${who}: days ${from} to ${to} missing (${e - d + 1} days)`,
    });
    d = e;
  }
  return problems;
}
