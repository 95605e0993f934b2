/**
 * GEFCom2012 load track (Hong, Pinson & Fan, "Global Energy Forecasting Competition 2012",
 * Int. J. Forecasting 30(2), 2014): readers for its files, all onto one hourly axis that starts at
 * 2004-01-01T00:00-05:00 (see gefcom-axis.ts for why a fixed offset and what that costs), in MW and
 * °C. Pure: each takes the file's text and returns series or the full list of problems.
 */
import type { Problem } from '../problems.ts';
import { formatDate } from '../time/timestamp.ts';
import { GEFCOM_OFFSET, GEFCOM_START_MS } from './gefcom-axis.ts';
import { fillBlanks, findBlankSpans, type BlankSpan, type GefcomSeries } from './gefcom-blanks.ts';
import { readGefcomHolidays, type GefcomHoliday } from './gefcom-holidays.ts';
import { readGefcomTemperatureSolution } from './gefcom-temperature-solution.ts';
import { readGefcomWide, type GefcomWideSpec } from './gefcom-wide.ts';

export type { BlankSpan, GefcomSeries } from './gefcom-blanks.ts';
export type { GefcomHoliday } from './gefcom-holidays.ts';
export { GEFCOM_FIRST_DAY, GEFCOM_OFFSET, GEFCOM_START_MS, gefcomHourIndex, gefcomSpanLabel } from './gefcom-axis.ts';

/** Zones 1–20 (zone 21 of the solution files is their sum, the system). */
export const GEFCOM_ZONES = 20;
export const GEFCOM_SYSTEM_ZONE = 21;
export const GEFCOM_STATIONS = 11;

export interface GefcomSeriesTable {
  /** 2004-01-01T00:00-05:00: hour i starts at startMs + i h. */
  startMs: number;
  /** Through the end of the file's last day. */
  hours: number;
  offset: typeof GEFCOM_OFFSET;
  unit: 'MW' | '°C';
  /** Zone 1..20 or station 1..11 → hourly values, NaN where blank. */
  series: Map<number, Float64Array>;
  /** The blank hours, as spans (the competition's backcast and forecast weeks; not errors). */
  blanks: BlankSpan[];
  notes: string[];
}

export interface GefcomCell {
  /** The file's `id` column (Kaggle's row id). */
  id: number;
  zone: number;
  /** "2005-03-06". */
  date: string;
  /** Day number (days since 1970-01-01). */
  day: number;
  /** Kaggle scoring weight (zonal backcast 1, system backcast 20, zonal forecast 8, system forecast 160); null in the benchmark file. */
  weight: number | null;
}

/** `Load_solution.csv` or `Load_benchmark.csv`: zones 1–21 on the GEFCom axis, NaN outside the 9 weeks. */
export interface GefcomSolution extends GefcomSeries {
  offset: typeof GEFCOM_OFFSET;
  unit: 'MW';
  series: Map<number, Float64Array>;
  cells: GefcomCell[];
}

type Result<K extends string, T> = ({ ok: true } & { [key in K]: T }) | { ok: false; problems: Problem[] };

const AXIS_NOTE = 'h1..h24 are hour-ending (h1 = 00:00–01:00) and placed on a fixed -05:00 axis: every day has 24 hours, DST is not represented';

/** `Load_history.csv`: 20 zones, kW with thousands separators, read into MW. */
export function parseGefcomLoad(text: string, file = 'Load_history.csv'): Result<'table', GefcomSeriesTable> {
  return readHistory(text, {
    file, idColumn: 'zone_id', idWord: 'zone', idCount: GEFCOM_ZONES, unit: 'kW', everyDay: true, extraColumns: [],
  });
}

/** `temperature_history.csv`: 11 stations, °F, read into °C. */
export function parseGefcomTemperature(text: string, file = 'temperature_history.csv'): Result<'table', GefcomSeriesTable> {
  return readHistory(text, {
    file, idColumn: 'station_id', idWord: 'station', idCount: GEFCOM_STATIONS, unit: '°F', everyDay: true, extraColumns: [],
  });
}

function readHistory(text: string, spec: GefcomWideSpec): Result<'table', GefcomSeriesTable> {
  const read = readGefcomWide(text, spec);
  if (!read.ok) return read;
  const { hours, series } = read.wide;
  const blanks = findBlankSpans(series);
  const unit = spec.unit === 'kW' ? 'MW' : '°C';
  const notes = [
    `${spec.unit} converted to ${unit}`,
    AXIS_NOTE,
    blanks.length === 0 ? 'no blank hours' : `blank (NaN, not errors): ${blanks.map((b) => b.label).join(', ')}`,
  ];
  return { ok: true, table: { startMs: GEFCOM_START_MS, hours, offset: GEFCOM_OFFSET, unit, series, blanks, notes } };
}

/** `Load_solution.csv`: the actual load of the 9 blank weeks, zones 1–20 and the system (21), with weights. */
export function parseGefcomSolution(text: string, file = 'Load_solution.csv'): Result<'solution', GefcomSolution> {
  return readCells(text, file, true);
}

/** `Load_benchmark.csv`: the organisers' benchmark forecast for the same cells (no weights). */
export function parseGefcomBenchmark(text: string, file = 'Load_benchmark.csv'): Result<'solution', GefcomSolution> {
  return readCells(text, file, false);
}

function readCells(text: string, file: string, weighted: boolean): Result<'solution', GefcomSolution> {
  const read = readGefcomWide(text, {
    file, idColumn: 'zone_id', idWord: 'zone', idCount: GEFCOM_SYSTEM_ZONE, unit: 'kW', everyDay: false,
    extraColumns: weighted ? ['id', 'weight'] : ['id'],
  });
  if (!read.ok) return read;
  const cells = read.wide.rows.map((r): GefcomCell => ({
    id: r.extras[0], zone: r.id, date: formatDate(r.day), day: r.day, weight: weighted ? r.extras[1] : null,
  }));
  return {
    ok: true,
    solution: { startMs: GEFCOM_START_MS, hours: read.wide.hours, offset: GEFCOM_OFFSET, unit: 'MW', series: read.wide.series, cells },
  };
}

/** `temperature_solution.csv`: stations 1–11 for 2008-06-30 h7 .. 2008-07-07 h24, in °C, NaN elsewhere. */
export function parseGefcomTemperatureSolution(text: string, file = 'temperature_solution.csv'): Result<'solution', GefcomSeries & { offset: typeof GEFCOM_OFFSET; unit: '°C' }> {
  const read = readGefcomTemperatureSolution(text, file);
  if (!read.ok) return read;
  return { ok: true, solution: { startMs: GEFCOM_START_MS, hours: read.hours, offset: GEFCOM_OFFSET, unit: '°C', series: read.series } };
}

/** `Holiday_List.csv`: the observed US federal holidays, sorted by date. */
export function parseGefcomHolidays(text: string, file = 'Holiday_List.csv'): Result<'holidays', GefcomHoliday[]> {
  return readGefcomHolidays(text, file);
}

/**
 * Fills the blank hours of a history from a solution file (load from `Load_solution.csv`,
 * temperature from `temperature_solution.csv`), returning a new table whose blanks are what is left.
 * For load that is 2008-06-30 h7..h24: the history stops after h6 and the solution starts on 07-01.
 */
export function fillGefcomBlanks(table: GefcomSeriesTable, solution: GefcomSeries): GefcomSeriesTable {
  const { series, hours, filled } = fillBlanks(table, solution);
  const blanks = findBlankSpans(series);
  const left = blanks.length === 0 ? 'none left' : `left: ${blanks.map((b) => b.label).join(', ')}`;
  return { ...table, hours, series, blanks, notes: [...table.notes, `${filled} blank values filled from the solution; ${left}`] };
}

/**
 * The system load: the sum of zones 1–20, hour by hour (NaN where any zone is blank). This is how
 * the competition defined zone 21. Zones must be as `parseGefcomLoad` returns them.
 */
export function gefcomSystem(zones: ReadonlyMap<number, Float64Array>): Float64Array {
  const first = zones.get(1);
  if (!first) throw new RangeError('gefcomSystem: zone 1 is missing');
  const system = new Float64Array(first.length);
  for (let zone = 1; zone <= GEFCOM_ZONES; zone++) {
    const values = zones.get(zone);
    // A missing zone would make a "system" that silently is not one; parseGefcomLoad never returns that.
    if (!values || values.length !== system.length) throw new RangeError(`gefcomSystem: zone ${zone} is missing or of another length`);
    for (let i = 0; i < system.length; i++) system[i] += values[i];
  }
  return system;
}
