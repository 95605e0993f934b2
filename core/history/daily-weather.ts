/**
 * Daily weather: one row per date with the day's maximum, minimum and/or mean temperature, and its
 * expansion to the hours of a history's axis by the diurnal shape (diurnal.ts), joined on the local
 * date in the history's zone. Pure: text in, days or problems out.
 *
 * Give the maximum and the minimum (and the mean, which the hours then keep), or the mean alone
 * (every hour is then the day's mean: no shape can be known). Empty cells and dates no row gives
 * are missing values, as in hourly files: left unknown and listed with `missing: 'leave'`, refused
 * by name otherwise. A maximum below the minimum, or a mean outside them, is refused by row.
 */
import type { Problem } from '../problems.ts';
import { DAY_MS, formatDate, HOUR_MS } from '../time/timestamp.ts';
import { localTime, type Zone } from '../time/zone.ts';
import { readCsv } from './csv.ts';
import { DIURNAL_SHAPE, diurnalCurve, MEAN_TOLERANCE_C } from './diurnal.ts';
import { findColumns } from './header.ts';
import { runsOf } from './runs.ts';
import { describeNonNumber, parseNumber } from './number.ts';
import { parseDateCell } from './time-cell.ts';
import { ABSOLUTE_ZERO_C, isHistoryUnit, storedUnit, toStoredUnit, type HistoryUnit } from './units.ts';

export interface DailyWeatherOptions {
  /** The file's name, for messages. */
  file: string;
  /** The date column ("2024-07-01", "2024/7/1", "20240701"). */
  date: string;
  max?: string;
  min?: string;
  mean?: string;
  /** The unit of the temperature columns: °C (default), °F or K. */
  unit?: HistoryUnit;
  missing?: 'error' | 'leave';
}

export interface DailyWeather {
  /** Day number (days since 1970-01-01) of the first date. */
  firstDay: number;
  days: number;
  /** Per day, °C; NaN where unknown. */
  max: Float64Array;
  min: Float64Array;
  mean: Float64Array;
  /** The columns read, for notes. */
  columns: { max?: string; min?: string; mean?: string };
  notes: string[];
}

export type DailyWeatherResult = { ok: true; weather: DailyWeather } | { ok: false; problems: Problem[] };

export function readDailyWeather(text: string, o: DailyWeatherOptions): DailyWeatherResult {
  const { file } = o;
  const unit = o.unit ?? '°C';
  const optionProblems: Problem[] = [];
  if (!isHistoryUnit(unit) || storedUnit(unit) !== '°C') {
    optionProblems.push({ path: file, message: `expected a temperature unit (°C, ℃, °F or K) for the daily temperature columns, found ${JSON.stringify(unit)}` });
  }
  const hasMax = o.max !== undefined, hasMin = o.min !== undefined, hasMean = o.mean !== undefined;
  if (hasMax !== hasMin) {
    optionProblems.push({ path: file, message: `expected the day's maximum and minimum together (and its mean, if given), or its mean alone; only the ${hasMax ? 'maximum' : 'minimum'} is given` });
  } else if (!hasMax && !hasMean) {
    optionProblems.push({ path: file, message: 'no daily temperature columns requested: name the maximum and minimum, or the mean' });
  }
  if (optionProblems.length) return { ok: false, problems: optionProblems };

  const csv = readCsv(text, file);
  if (csv.header === null) return { ok: false, problems: csv.problems };
  const wanted = (['max', 'min', 'mean'] as const).filter((k) => o[k] !== undefined);
  const lookup = findColumns(csv.header, [o.date, ...wanted.map((k) => o[k]!)], file);
  const problems: Problem[] = [...lookup.problems, ...csv.problems];
  if (problems.length) return { ok: false, problems };
  if (csv.rows.length === 0) return { ok: false, problems: [{ path: file, message: 'the file has a header but no data rows' }] };

  type Row = { day: number; line: number; values: Record<'max' | 'min' | 'mean', number> };
  const rows: Row[] = [];
  const lineOfDay = new Map<number, number>();
  const empties: Record<string, Array<{ day: number; line: number }>> = { max: [], min: [], mean: [] };
  for (const { fields, line } of csv.rows) {
    const dateText = fields[lookup.index.get(o.date)!];
    const date = parseDateCell(dateText);
    let day = Number.NaN;
    if (!date.ok) {
      problems.push({ path: `${file}:row ${line}, column ${o.date}`, message: `expected a date like "2024-07-01" or "20240701", found ${JSON.stringify(dateText)}${date.why ? ` (${date.why})` : ''}` });
    } else {
      day = Date.UTC(date.date.year, date.date.month - 1, date.date.day) / DAY_MS;
      const earlier = lineOfDay.get(day);
      if (earlier !== undefined) {
        problems.push({ path: `${file}:row ${line}`, message: `the date ${dateText.trim()} is already given at row ${earlier}` });
        day = Number.NaN;
      } else lineOfDay.set(day, line);
    }
    const values = { max: Number.NaN, min: Number.NaN, mean: Number.NaN };
    let cellsOk = true;
    for (const k of wanted) {
      const column = o[k]!;
      const cell = fields[lookup.index.get(column)!];
      const path = `${file}:row ${line}, column ${column}`;
      if (cell.trim() === '') {
        if (!Number.isNaN(day)) empties[k].push({ day, line });
        continue;
      }
      const v = parseNumber(cell);
      if (v === null) {
        problems.push({ path, message: `expected a number, found ${describeNonNumber(cell)}` });
        cellsOk = false;
        continue;
      }
      const c = toStoredUnit(v, unit);
      if (c < ABSOLUTE_ZERO_C) {
        problems.push({ path, message: `expected a temperature above absolute zero, found ${cell.trim()} ${unit}` });
        cellsOk = false;
        continue;
      }
      values[k] = c;
    }
    if (cellsOk) {
      const f = (x: number) => `${Number(x.toFixed(2))} °C`;
      if (values.max < values.min) {
        problems.push({ path: `${file}:row ${line}`, message: `expected the day's maximum (${o.max}) at least its minimum (${o.min}), found ${f(values.max)} below ${f(values.min)}` });
      } else if (values.mean < values.min - MEAN_TOLERANCE_C || values.mean > values.max + MEAN_TOLERANCE_C) {
        problems.push({ path: `${file}:row ${line}`, message: `expected the day's mean (${o.mean}) between its minimum and maximum, ${f(values.min)} to ${f(values.max)}, found ${f(values.mean)}` });
      }
    }
    if (!Number.isNaN(day)) rows.push({ day, line, values });
  }
  if (!rows.length) return { ok: false, problems };

  const firstDay = Math.min(...rows.map((r) => r.day)), lastDay = Math.max(...rows.map((r) => r.day));
  const days = lastDay - firstDay + 1;
  const weather: DailyWeather = {
    firstDay, days,
    max: new Float64Array(days).fill(Number.NaN), min: new Float64Array(days).fill(Number.NaN), mean: new Float64Array(days).fill(Number.NaN),
    columns: { ...(o.max ? { max: o.max } : {}), ...(o.min ? { min: o.min } : {}), ...(o.mean ? { mean: o.mean } : {}) },
    notes: [],
  };
  const lineAt = new Int32Array(days);
  for (const r of rows) {
    const i = r.day - firstDay;
    lineAt[i] = r.line;
    weather.max[i] = r.values.max;
    weather.min[i] = r.values.min;
    weather.mean[i] = r.values.mean;
  }

  // Dates no row gives, and empty cells: missing values.
  const leave = o.missing === 'leave';
  const absent: number[] = [];
  for (let i = 0; i < days; i++) if (lineAt[i] === 0) absent.push(i);
  const dateRuns = runsOf(absent).map(([a, b]) => (a === b ? formatDate(firstDay + a) : `${formatDate(firstDay + a)} to ${formatDate(firstDay + b)} (${b - a + 1} days)`));
  if (absent.length) {
    if (leave) weather.notes.push(`${absent.length} date${absent.length === 1 ? '' : 's'} without a row, left unknown (NaN): ${dateRuns.join('; ')}`);
    else for (const run of dateRuns) problems.push({ path: file, message: `no row for ${run.includes(' to ') ? 'the dates' : 'the date'} ${run}` });
  }
  for (const k of wanted) {
    const list = empties[k];
    if (!list.length) continue;
    const column = o[k]!;
    if (leave) {
      weather.notes.push(`column "${column}": ${list.length} empty cell${list.length === 1 ? '' : 's'} (${list.length === 1 ? `row ${list[0].line}` : `rows ${list[0].line} … ${list[list.length - 1].line}`}), left unknown`);
    } else {
      for (const e of list) problems.push({ path: `${file}:row ${e.line}, column ${column}`, message: `expected a number, found an empty cell: ${formatDate(e.day)} would have no ${WHAT[k]}` });
    }
  }
  if (problems.length) return { ok: false, problems };
  if (unit !== '°C' && unit !== '℃') weather.notes.push(`daily temperature columns: ${unit} converted to °C`);
  return { ok: true, weather };
}

/**
 * The daily weather on the hours of an axis (hour i starts at startMs + i h), by the diurnal shape,
 * each hour joined on its local date and clock hour in the zone; a problem when the days do not
 * cover every date of the axis.
 */
export function dailyToHourly(
  weather: DailyWeather,
  axis: { startMs: number; hours: number },
  zone: Zone,
  file: string,
): { ok: true; values: Float64Array; notes: string[] } | { ok: false; problems: Problem[] } {
  const localDay = (ms: number) => {
    const t = localTime(ms, zone);
    return { day: Date.UTC(t.year, t.month - 1, t.day) / DAY_MS, hour: t.hour + t.minute / 60 };
  };
  const first = localDay(axis.startMs).day, last = localDay(axis.startMs + (axis.hours - 1) * HOUR_MS).day;
  const lastGiven = weather.firstDay + weather.days - 1;
  if (first < weather.firstDay || last > lastGiven) {
    const span = (a: number, b: number) => (a === b ? formatDate(a) : `${formatDate(a)} to ${formatDate(b)}`);
    const uncovered = [
      ...(first < weather.firstDay ? [span(first, Math.min(last, weather.firstDay - 1))] : []),
      ...(last > lastGiven ? [span(Math.max(first, lastGiven + 1), last)] : []),
    ];
    return {
      ok: false,
      problems: [{
        path: file,
        message: `expected a row for every date of the load, ${formatDate(first)} to ${formatDate(last)}, found dates ${formatDate(weather.firstDay)} to ${formatDate(lastGiven)}: ${uncovered.join(' and ')} not covered`,
      }],
    };
  }
  const curve = diurnalCurve(weather);
  const values = new Float64Array(axis.hours);
  for (let i = 0; i < axis.hours; i++) {
    const { day, hour } = localDay(axis.startMs + i * HOUR_MS);
    values[i] = curve.at(day - weather.firstDay, hour);
  }
  const c = weather.columns;
  const named = [c.max && `"${c.max}" (max)`, c.min && `"${c.min}" (min)`, c.mean && `"${c.mean}" (mean)`].filter(Boolean).join(', ');
  const notes = [
    ...weather.notes,
    c.max
      ? `hourly temperature derived from daily values, ${named}, by a two-part cosine: the minimum at ${pad(DIURNAL_SHAPE.minHour)}:00, the maximum at ${pad(DIURNAL_SHAPE.maxHour)}:00${c.mean ? `, each day's mean kept within ${MEAN_TOLERANCE_C} °C` : ''}`
      : `hourly temperature is each day's mean, ${named}, in every hour (no maximum and minimum: no daily shape)`,
  ];
  if (c.max && curve.flat) notes.push(`${curve.flat} day${curve.flat === 1 ? '' : 's'} with only a mean: that mean in every hour`);
  if (curve.meanMissed.length) {
    const shown = curve.meanMissed.slice(0, 5).map((d) => formatDate(weather.firstDay + d)).join(', ');
    notes.push(`${curve.meanMissed.length} day${curve.meanMissed.length === 1 ? '' : 's'} whose mean the shape cannot reach within ${MEAN_TOLERANCE_C} °C (a mean almost at the maximum or minimum, or a next day's minimum above the day's maximum): ${shown}${curve.meanMissed.length > 5 ? ', …' : ''}`);
  }
  return { ok: true, values, notes };
}

const WHAT = { max: 'maximum', min: 'minimum', mean: 'mean' } as const;
const pad = (h: number) => String(h).padStart(2, '0');

