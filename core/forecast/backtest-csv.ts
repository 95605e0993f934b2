/**
 * `orderly backtest --csv`: read an hourly CSV, place the train and test dates on its axis, run
 * the backtest. Dates are local dates in the file's zone; "until" dates are inclusive.
 */
import type { HolidayCalendar } from '../calendar/day-kind.ts';
import { chinaCalendar, chinaCoverage } from '../calendar/day-kind.ts';
import { usFederalHolidays } from '../calendar/us-federal.ts';
import { readHistory } from '../history/history.ts';
import type { Interval } from '../history/interval.ts';
import type { HistoryUnit } from '../history/units.ts';
import type { Problem } from '../problems.ts';
import { DAY_MS, HOUR_MS, parseDate } from '../time/timestamp.ts';
import { resolveLocal, resolveZone, type Zone } from '../time/zone.ts';
import { backtestSeries, type BacktestReport } from './backtest.ts';
import { calendarFor, type ModelName } from './forecast.ts';
import { rollingBacktest, type RollingReport } from './rolling-backtest.ts';
import type { RollingOptions } from './rolling.ts';

export interface CsvBacktestOptions {
  file: string;
  time?: string;
  date?: string;
  hour?: string;
  hourEnding?: boolean;
  /** Minutes between the load's points (15, 30, 60); detected when absent. */
  interval?: Interval;
  tz: string;
  /** The load column; or `loadColumns`, a pattern naming a day row's columns ("T{HH}{MM}"). */
  load?: string;
  loadColumns?: string;
  loadUnit?: HistoryUnit;
  /** An hourly temperature column; or daily columns (`tempMax` and `tempMin`, and/or `tempMean`). */
  temp?: string;
  tempMax?: string;
  tempMin?: string;
  tempMean?: string;
  tempUnit?: HistoryUnit;
  tempForecast?: string;
  /** The temperature columns' file, when not the load's, with its own time columns (default: the load's). */
  weather?: { file: string; text: string; time?: string; date?: string; hour?: string; hourEnding?: boolean };
  trainFrom: string;
  trainUntil: string;
  testFrom: string;
  testUntil: string;
  model?: ModelName;
  /** The rolling day-ahead backtest too: issued daily at the issue hour, 1–7 days ahead. */
  rolling?: RollingOptions;
  /** Holiday calendar: CN (statutory from 2004 with 调休, from chinese-days; later years estimated, with a note), US (federal, by rule) or none. */
  holidays?: 'CN' | 'US' | 'none';
}

export type CsvBacktestResult = { ok: true; report: BacktestReport; rolling?: RollingReport; first: number; zone: string; notes: string[] } | { ok: false; problems: Problem[] };

function localMidnight(date: string, zone: Zone): number | null {
  const day = parseDate(date);
  if (day === null) return null;
  const d = new Date(day * DAY_MS);
  const r = resolveLocal({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: 0, minute: 0 }, zone);
  return r.kind === 'unique' ? r.ms : r.kind === 'ambiguous' ? r.earlier : null;
}

export function backtestCsv(text: string, o: CsvBacktestOptions): CsvBacktestResult {
  const tempUnit = o.tempUnit ?? '°C';
  const temperatures = [
    ...(o.temp ? [{ name: o.temp, as: 'temp', unit: tempUnit }] : []),
    ...(o.tempForecast ? [{ name: o.tempForecast, as: 'tempForecast', unit: tempUnit }] : []),
  ];
  const daily = o.tempMax !== undefined || o.tempMin !== undefined || o.tempMean !== undefined;
  const loadUnit = o.loadUnit ?? 'MW';
  const read = readHistory({ name: o.file, text }, {
    tz: o.tz, hourEnding: o.hourEnding ?? false,
    // Missing values are left out of training and scoring (and listed in the report's notes).
    missing: 'leave',
    ...(o.time ? { time: o.time } : {}), ...(o.date ? { date: o.date } : {}), ...(o.hour ? { hour: o.hour } : {}),
    ...(o.interval ? { interval: o.interval } : {}),
    columns: [...(o.load ? [{ name: o.load, as: 'load', unit: loadUnit }] : []), ...(o.weather ? [] : temperatures)],
    ...(o.loadColumns ? { dayColumns: { pattern: o.loadColumns, as: 'load', unit: loadUnit } } : {}),
    ...(daily ? { dailyTemperature: { as: 'temp', unit: tempUnit, ...(o.tempMax ? { max: o.tempMax } : {}), ...(o.tempMin ? { min: o.tempMin } : {}), ...(o.tempMean ? { mean: o.tempMean } : {}) } } : {}),
    ...(o.weather ? {
      weather: {
        file: { name: o.weather.file, text: o.weather.text }, columns: temperatures,
        ...(o.weather.time ? { time: o.weather.time } : {}), ...(o.weather.date ? { date: o.weather.date } : {}), ...(o.weather.hour ? { hour: o.weather.hour } : {}),
        ...(o.weather.hourEnding !== undefined ? { hourEnding: o.weather.hourEnding } : {}),
      },
    } : {}),
  });
  if (!read.ok) return read;
  const table = read.table;
  const zone = resolveZone(table.zone)!;
  const problems: Problem[] = [];
  const at = (flag: string, date: string, nextDay: boolean): number => {
    const ms = localMidnight(date, zone);
    if (ms === null) {
      problems.push({ path: flag, message: `expected a date YYYY-MM-DD, found "${date}"` });
      return 0;
    }
    const index = Math.round((ms - table.startMs) / HOUR_MS) + (nextDay ? 24 : 0);
    return Math.max(0, Math.min(table.hours, index));
  };
  const train = { from: at('--train-from', o.trainFrom, false), to: at('--train-until', o.trainUntil, true) };
  const test = { from: at('--test-from', o.testFrom, false), to: at('--test-until', o.testUntil, true) };
  if (!problems.length) {
    if (train.to - train.from < 24 * 60) problems.push({ path: '--train-from', message: `expected at least 60 days of training inside the file (${o.file} covers its own dates), found ${Math.max(0, Math.round((train.to - train.from) / 24))}` });
    if (test.to <= test.from) problems.push({ path: '--test-from', message: `expected test dates inside the file, found none of ${o.testFrom}..${o.testUntil} in it` });
    if (test.from < train.to && test.to > train.from) problems.push({ path: '--test-from', message: 'expected a test window apart from the training window, found them overlapping' });
  }
  if (!table.series.load) problems.push({ path: '--load', message: 'expected a load column (--load COL, or --load-columns PATTERN for day rows), found none' });
  if (!table.series.temp) problems.push({ path: '--temp', message: 'expected a temperature column (--temp COL, or --temp-max and --temp-min and/or --temp-mean), found none' });
  if (problems.length) return { ok: false, problems };
  // The file's first and last local dates (its own zone, not UTC): a file starting at local
  // midnight 2015-01-01 +08:00 starts on 1 January, not on 31 December 2014.
  const localDay = (ms: number) => Math.floor((ms + zone.offsetAt(ms) * 60_000) / DAY_MS);
  const firstDay = localDay(table.startMs), lastDay = localDay(table.startMs + (table.hours - 1) * HOUR_MS);
  const yearOfDay = (d: number) => new Date(d * DAY_MS).getUTCFullYear();
  const notes = [...table.notes];
  let holidays: HolidayCalendar | null = null;
  if (o.holidays === 'US') holidays = usFederalHolidays(yearOfDay(firstDay) - 1, yearOfDay(lastDay) + 1);
  else if (o.holidays === 'CN') {
    // The day before and after are asked for too (the working day after a break is a feature),
    // but only when their year is published: a file starting 2004-01-01 needs no 2003.
    const { firstYear, lastYear } = chinaCoverage();
    const before = yearOfDay(firstDay - 1) >= firstYear ? firstDay - 1 : firstDay;
    const after = yearOfDay(lastDay + 1) <= Math.max(lastYear, yearOfDay(lastDay)) ? lastDay + 1 : lastDay;
    const cn = chinaCalendar(before, after);
    if (!cn.ok) return { ok: false, problems: [{ path: '--holidays', message: cn.message }] };
    holidays = cn.calendar;
    notes.push(...cn.notes);
  }
  const report = backtestSeries({
    startMs: table.startMs, n: table.hours, load: table.series.load, temperature: table.series.temp,
    ...(table.series.tempForecast ? { temperatureForecast: table.series.tempForecast } : {}),
    zone, holidays, train, test, ...(o.model ? { model: o.model } : {}),
  });
  if (report.hours.test === 0) {
    // Scores over no hour would be NaN: refuse instead (never silently wrong).
    return { ok: false, problems: [{ path: '--test-from', message: `expected test hours with a known load that both models can forecast (a known temperature), found none in ${o.testFrom}..${o.testUntil}` }] };
  }
  let rolling: RollingReport | undefined;
  if (o.rolling) {
    const cal = calendarFor({ startMs: table.startMs, n: table.hours, load: table.series.load, stations: [], zone, holidays });
    const onAxis = (p: Float64Array) => { const a = new Float64Array(table.hours).fill(Number.NaN); a.set(p, test.from); return a; };
    const mine = report.forecasts.model;
    rolling = rollingBacktest({
      cal, actual: table.series.load, model: onAxis(mine.point), vanilla: onAxis(report.forecasts.vanilla.point),
      heldOut: mine.heldOut ?? new Float64Array(table.hours).fill(Number.NaN), errors: mine.errors!, test,
      // The temperature the model forecast with: measured before the test window, the forecast column inside it where given (ex ante).
      ...(table.series.temp ? { temperature: withForecast(table.series.temp, table.series.tempForecast, test) } : {}),
    }, o.rolling);
  }
  const peak = table.series.loadMax ? [peakNote(table.series.load, table.series.loadMax, test)] : [];
  return { ok: true, report, ...(rolling ? { rolling } : {}), first: table.startMs, zone: table.zone, notes: [...notes, ...report.notes, ...peak] };
}

/**
 * How far the hour's highest point stands above its mean in the test window: warnings are a share of
 * the period's maximum demand, which a forecast of hourly means understates by about this much.
 */
function peakNote(load: Float64Array, loadMax: Float64Array, test: { from: number; to: number }): string {
  let sum = 0, n = 0, most = 0;
  for (let i = test.from; i < test.to; i++) {
    if (!(load[i] > 0) || !Number.isFinite(loadMax[i])) continue;
    const r = loadMax[i] / load[i] - 1;
    sum += r;
    n++;
    if (r > most) most = r;
  }
  const pct = (x: number) => `${(100 * x).toFixed(2)} %`;
  return `the forecasts are of hourly means; in the test window the hour's highest point (loadMax) stands ${n ? pct(sum / n) : 'n/a'} above its hour's mean on average, ` +
    `${n ? pct(most) : 'n/a'} at most: measure warnings against the maximum`;
}

/** The measured temperature, with the forecast column over the test window where one is given. */
function withForecast(measured: Float64Array, forecast: Float64Array | undefined, test: { from: number; to: number }): Float64Array {
  if (!forecast) return measured;
  const t = measured.slice();
  for (let i = test.from; i < Math.min(test.to, t.length); i++) t[i] = forecast[i];
  return t;
}
