/**
 * `temperature_solution.csv`: the actual temperatures of 2008-06-30 h7 .. 2008-07-07 h24, one row
 * per station and hour (`station_id,datetime,date,year,month,day,hour,T0_p1`, °F, hour-ending
 * 1..24 like the h-columns of the history). The `datetime` text ("30Jun2008:7:00:00") repeats the
 * year/month/day/hour columns and is not read.
 */
import type { Problem } from '../problems.ts';
import { formatDate } from '../time/timestamp.ts';
import { readCsv } from './csv.ts';
import { GEFCOM_FIRST_DAY, gefcomHourIndex } from './gefcom-axis.ts';
import { readKey } from './gefcom-cells.ts';
import { findColumns } from './header.ts';
import { describeNonNumber, parseNumber } from './number.ts';
import { toStoredUnit } from './units.ts';

const STATIONS = 11;

export function readGefcomTemperatureSolution(
  text: string,
  file: string,
): { ok: true; hours: number; series: Map<number, Float64Array> } | { ok: false; problems: Problem[] } {
  const csv = readCsv(text, file);
  if (csv.header === null) return { ok: false, problems: csv.problems };
  if (csv.rows.length === 0 && csv.problems.length === 0) {
    return { ok: false, problems: [{ path: file, message: 'the file has a header but no data rows' }] };
  }
  const lookup = findColumns(csv.header, ['station_id', 'year', 'month', 'day', 'hour', 'T0_p1'], file);
  const problems: Problem[] = [...lookup.problems, ...csv.problems];
  if (lookup.problems.length > 0) return { ok: false, problems };
  const col = (name: string) => lookup.index.get(name)!;
  const keyColumns = { id: col('station_id'), year: col('year'), month: col('month'), day: col('day') };
  const spec = { file, idColumn: 'station_id', idWord: 'station', idCount: STATIONS };

  const cells: Array<{ line: number; id: number; index: number; value: number }> = [];
  let lastIndex = -1;
  for (const { fields, line } of csv.rows) {
    const key = readKey(fields, line, keyColumns, spec, problems);
    const hourText = fields[col('hour')];
    const hour = /^\s*\d{1,2}\s*$/.test(hourText) ? +hourText : Number.NaN;
    if (!(hour >= 1 && hour <= 24)) {
      problems.push({ path: `${file}:row ${line}, column hour`, message: `expected an hour from 1 to 24 (hour-ending), found ${JSON.stringify(hourText)}` });
    }
    const valueText = fields[col('T0_p1')];
    const value = parseNumber(valueText);
    if (value === null) {
      problems.push({ path: `${file}:row ${line}, column T0_p1`, message: `expected a number, found ${describeNonNumber(valueText)}` });
    }
    if (!key || !(hour >= 1 && hour <= 24) || value === null) continue;
    const index = gefcomHourIndex(key.day, hour);
    cells.push({ line, id: key.id, index, value: toStoredUnit(value, '°F') });
    if (index > lastIndex) lastIndex = index;
  }

  // Through the end of the last day, like the other GEFCom series.
  const hours = (Math.floor(lastIndex / 24) + 1) * 24;
  const series = new Map<number, Float64Array>();
  const lineAt = new Map<number, Int32Array>();
  for (let id = 1; id <= STATIONS; id++) {
    series.set(id, new Float64Array(Math.max(hours, 0)).fill(Number.NaN));
    lineAt.set(id, new Int32Array(Math.max(hours, 0)));
  }
  for (const c of cells) {
    const lines = lineAt.get(c.id)!;
    if (lines[c.index] !== 0) {
      const date = formatDate(GEFCOM_FIRST_DAY + Math.floor(c.index / 24));
      problems.push({ path: `${file}:row ${c.line}`, message: `station ${c.id} on ${date} hour ${(c.index % 24) + 1} already given at row ${lines[c.index]}` });
      continue;
    }
    lines[c.index] = c.line;
    series.get(c.id)![c.index] = c.value;
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, hours, series };
}
