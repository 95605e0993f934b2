/**
 * A history as it comes: load and temperature in one file, or the load in one file and the weather
 * in another (load every 15 minutes, weather once a day, say), joined onto the load's hourly axis.
 * Used by `orderly backtest --csv` and `orderly import --csv`. Pure: texts in, table or problems out.
 *
 * - The main file is read by readHourlyCsv (hourly or sub-hourly rows, or one row per day).
 * - Hourly temperature columns of a weather file are read the same way, with its own time columns
 *   (by default those of the main file), and joined hour by hour on the instant.
 * - Daily temperature columns (max/min/mean) are read from the weather file, or from the main file
 *   when it has one row per day, and expanded to hours by the diurnal shape, joined on the local
 *   date. A main file of daily weather alone gives an axis of whole local days.
 * - Weather that does not cover every hour of the load is refused, saying which dates it lacks.
 */
import type { Problem } from '../problems.ts';
import { DAY_MS, HOUR_MS } from '../time/timestamp.ts';
import { formatInZone, resolveLocal, resolveZone, type Zone } from '../time/zone.ts';
import { dailyToHourly, readDailyWeather } from './daily-weather.ts';
import { readHourlyCsv, type HourlyColumn, type HourlyCsvOptions, type HourlyCsvResult, type HourlyTable } from './hourly-csv.ts';
import type { Interval } from './interval.ts';
import type { HistoryUnit } from './units.ts';

export interface HistoryFile {
  /** The file's name, for messages. */
  name: string;
  text: string;
}

export interface DailyTemperatureColumns {
  /** The series key of the hourly temperature made from them. */
  as: string;
  /** The date column (default: the main options' `date`). */
  date?: string;
  max?: string;
  min?: string;
  mean?: string;
  unit?: HistoryUnit;
}

export interface WeatherFileOptions {
  file: HistoryFile;
  /** Its time columns for hourly columns (default: the main file's). */
  time?: string;
  date?: string;
  hour?: string;
  hourEnding?: boolean;
  interval?: Interval;
  /** Hourly temperature columns (empty when the weather is daily). */
  columns: HourlyColumn[];
}

export interface HistoryOptions extends Omit<HourlyCsvOptions, 'file'> {
  /** Daily temperature columns: in the weather file when one is given, else in the main file (one row per day). */
  dailyTemperature?: DailyTemperatureColumns;
  /** Temperature from a second file. */
  weather?: WeatherFileOptions;
}

export function readHistory(main: HistoryFile, options: HistoryOptions): HourlyCsvResult {
  const { dailyTemperature: daily, weather, ...hourly } = options;
  const missing = options.missing ?? 'error';
  const zone = resolveZone(options.tz);
  const fail = (problems: Problem[]): HourlyCsvResult => ({ ok: false, problems });

  if (daily && weather?.columns.length) {
    return fail([{ path: weather.file.name, message: 'give the weather file\'s temperature as hourly columns or as daily ones, not both' }]);
  }
  const dailyOnly = daily && !weather && !options.dayColumns && options.columns.length === 0;
  if (daily && !weather && !options.dayColumns && !dailyOnly) {
    return fail([{
      path: main.name,
      message: 'daily temperature columns need one row per day: give them in a weather file, or read the load from day columns (one row per day)',
    }]);
  }

  if (dailyOnly) {
    // Daily weather alone: whole local days from the first date to the last.
    if (!zone) return readHourlyCsv(main.text, { ...hourly, file: main.name }); // reports the zone
    const date = daily.date ?? options.date;
    if (!date) return fail([{ path: main.name, message: 'daily temperature columns need a date column' }]);
    const read = readDailyWeather(main.text, { file: main.name, date, ...pickDaily(daily), missing });
    if (!read.ok) return read;
    const w = read.weather;
    const startMs = localMidnight(w.firstDay, zone), endMs = localMidnight(w.firstDay + w.days, zone);
    const axis = { startMs, hours: Math.round((endMs - startMs) / HOUR_MS) };
    const hours = dailyToHourly(w, axis, zone, main.name);
    if (!hours.ok) return hours;
    return { ok: true, table: { ...axis, zone: zone.name, series: { [daily.as]: hours.values }, units: { [daily.as]: '°C' }, interval: 60, notes: hours.notes } };
  }

  const read = readHourlyCsv(main.text, { ...hourly, file: main.name });
  if (!read.ok || (!daily && !weather)) return read;
  const table = read.table;
  const z = zone!;

  if (daily) {
    const source = weather ? weather.file : main;
    const date = daily.date ?? (weather ? weather.date ?? options.date : options.date);
    if (!date) return fail([{ path: source.name, message: 'daily temperature columns need a date column' }]);
    const days = readDailyWeather(source.text, { file: source.name, date, ...pickDaily(daily), missing });
    if (!days.ok) return days;
    const hours = dailyToHourly(days.weather, table, z, source.name);
    if (!hours.ok) return hours;
    const prefix = weather ? `${weather.file.name}: ` : '';
    return joined(table, { [daily.as]: hours.values }, { [daily.as]: '°C' }, hours.notes.map((n) => prefix + n));
  }

  // Hourly weather in its own file, joined on the instant.
  const w = weather!;
  const timeOptions = w.time !== undefined || w.date !== undefined || w.hour !== undefined
    ? { ...(w.time !== undefined ? { time: w.time } : {}), ...(w.date !== undefined ? { date: w.date } : {}), ...(w.hour !== undefined ? { hour: w.hour } : {}) }
    : { ...(options.time !== undefined ? { time: options.time } : {}), ...(options.date !== undefined && !options.dayColumns ? { date: options.date } : {}), ...(options.hour !== undefined ? { hour: options.hour } : {}) };
  const other = readHourlyCsv(w.file.text, {
    file: w.file.name, tz: options.tz, columns: w.columns, missing, ...timeOptions,
    ...(w.hourEnding !== undefined ? { hourEnding: w.hourEnding } : options.hourEnding !== undefined ? { hourEnding: options.hourEnding } : {}),
    ...(w.interval !== undefined ? { interval: w.interval } : {}),
  });
  if (!other.ok) return other;
  const t = other.table;
  const offset = (table.startMs - t.startMs) / HOUR_MS;
  const label = (ms: number) => formatInZone(ms, z);
  if (!Number.isInteger(offset)) {
    return fail([{ path: w.file.name, message: `expected hours on the load's hourly grid, found its first hour at ${label(t.startMs)} and the load's at ${label(table.startMs)}` }]);
  }
  const lastLoad = table.startMs + (table.hours - 1) * HOUR_MS, lastWeather = t.startMs + (t.hours - 1) * HOUR_MS;
  if (offset < 0 || lastWeather < lastLoad) {
    const gaps = [
      ...(offset < 0 ? [`${label(table.startMs)} to ${label(Math.min(lastLoad, t.startMs - HOUR_MS))}`] : []),
      ...(lastWeather < lastLoad ? [`${label(Math.max(table.startMs, lastWeather + HOUR_MS))} to ${label(lastLoad)}`] : []),
    ];
    return fail([{
      path: w.file.name,
      message: `expected weather for every hour of the load, ${label(table.startMs)} to ${label(lastLoad)}, found ${label(t.startMs)} to ${label(lastWeather)}: the hours ${gaps.join(' and ')} not covered`,
    }]);
  }
  const series: Record<string, Float64Array> = {};
  for (const [key, values] of Object.entries(t.series)) series[key] = values.slice(offset, offset + table.hours);
  return joined(table, series, t.units, t.notes.map((n) => `${w.file.name}: ${n}`));
}

function pickDaily(d: DailyTemperatureColumns) {
  return { ...(d.max !== undefined ? { max: d.max } : {}), ...(d.min !== undefined ? { min: d.min } : {}), ...(d.mean !== undefined ? { mean: d.mean } : {}), ...(d.unit !== undefined ? { unit: d.unit } : {}) };
}

function joined(table: HourlyTable, series: Record<string, Float64Array>, units: HourlyTable['units'], notes: string[]): HourlyCsvResult {
  for (const key of Object.keys(series)) {
    if (key in table.series) return { ok: false, problems: [{ path: 'options', message: `two sources are read into the same series "${key}"` }] };
  }
  return { ok: true, table: { ...table, series: { ...table.series, ...series }, units: { ...table.units, ...units }, notes: [...table.notes, ...notes] } };
}

/** The instant of a local midnight (the earlier one when clocks repeat it, 01:00 when they skip it). */
function localMidnight(dayNumber: number, zone: Zone): number {
  const d = new Date(dayNumber * DAY_MS);
  const t = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: 0, minute: 0 };
  const r = resolveLocal(t, zone);
  if (r.kind === 'unique') return r.ms;
  if (r.kind === 'ambiguous') return r.earlier;
  const one = resolveLocal({ ...t, hour: 1 }, zone);
  return one.kind === 'unique' ? one.ms : dayNumber * DAY_MS;
}

