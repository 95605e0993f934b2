/**
 * Weather as it comes: daily max/min/mean (in the load's own day rows or in a file of its own),
 * hourly weather in a second file, joined onto the load's hourly axis.
 */
import { describe, expect, it } from 'vitest';
import { readDailyWeather } from '../../core/history/daily-weather.ts';
import { readHistory, type HistoryOptions } from '../../core/history/history.ts';
import type { HourlyCsvResult } from '../../core/history/hourly-csv.ts';
import { HOUR_MS } from '../../core/time/timestamp.ts';
import { formatInZone, resolveZone } from '../../core/time/zone.ts';

const SH = 'Asia/Shanghai';
const lines = (...rows: string[]) => rows.join('\n') + '\n';
function tableOf(result: HourlyCsvResult) {
  if (!result.ok) throw new Error(`expected a table, got problems:\n${result.problems.map((p) => `${p.path}: ${p.message}`).join('\n')}`);
  return result.table;
}
function problemsOf(result: { ok: boolean; problems?: Array<{ path: string; message: string }> }) {
  if (result.ok) throw new Error('expected problems');
  return result.problems!;
}

/** Quarter-hour load rows over `days` days from 2024-07-01 in Shanghai. */
function quarterLoad(days: number, from = '2024-07-01'): string {
  const start = Date.parse(`${from}T00:00+08:00`);
  const rows = ['time,load'];
  for (let k = 0; k < days * 96; k++) rows.push(`${formatInZone(start + k * 15 * 60_000, resolveZone(SH)!).slice(0, 16).replace('T', ' ')},${1000 + k}`);
  return lines(...rows);
}

const weatherDaily = lines('日期,最高温度℃,最低温度℃,平均温度℃', '2024-06-30,33,25,28', '2024-07-01,35,26,29.5', '2024-07-02,36,27,30.2', '2024-07-03,30,24,26');
const loadOptions: HistoryOptions = { time: 'time', tz: SH, columns: [{ name: 'load', as: 'load', unit: 'MW' }], missing: 'leave' };
const daily = { as: 'temp', date: '日期', max: '最高温度℃', min: '最低温度℃', mean: '平均温度℃', unit: '℃' as const };

describe('daily weather', () => {
  it('is expanded onto the load\'s hours, joined on the local date: the minimum at 05:00, the maximum at 15:00', () => {
    const table = tableOf(readHistory({ name: 'load.csv', text: quarterLoad(2) }, {
      ...loadOptions, dailyTemperature: daily, weather: { file: { name: 'weather.csv', text: weatherDaily }, columns: [] },
    }));
    expect(table.hours).toBe(48);
    expect(table.series.temp[5]).toBeCloseTo(26, 10); // 2024-07-01 05:00
    expect(table.series.temp[15]).toBeCloseTo(35, 10);
    expect(table.series.temp[24 + 5]).toBeCloseTo(27, 10);
    expect(table.series.temp[24 + 15]).toBeCloseTo(36, 10);
    const mean = (a: Float64Array) => a.reduce((s, v) => s + v, 0) / a.length;
    expect(mean(table.series.temp.subarray(0, 24))).toBeCloseTo(29.5, 1);
    expect(mean(table.series.temp.subarray(24, 48))).toBeCloseTo(30.2, 1);
    expect(table.units.temp).toBe('°C');
    expect(table.series.loadMax).toBeDefined();
    expect(table.notes).toContain(
      'weather.csv: hourly temperature derived from daily values, "最高温度℃" (max), "最低温度℃" (min), "平均温度℃" (mean), by a two-part cosine: the minimum at 05:00, the maximum at 15:00, each day\'s mean kept within 0.05 °C',
    );
  });

  it('is read from the daily columns of a file of day rows (96 load columns T0000 … T2345 beside max and min)', () => {
    const header = Array.from({ length: 96 }, (_, k) => `T${String(Math.floor(k / 4)).padStart(2, '0')}${String((k % 4) * 15).padStart(2, '0')}`);
    const row = (date: string, max: number, min: number) => [date, ...header.map((_, k) => String(5000 + k)), max, min].join(',');
    const text = lines(['YMD', ...header, '最高温度', '最低温度'].join(','), row('20120101', 12, 3), row('20120102', 10, 1));
    const table = tableOf(readHistory({ name: 'area1.csv', text }, {
      date: 'YMD', tz: SH, columns: [], dayColumns: { pattern: 'T{HH}{MM}', as: 'load', unit: 'MW' },
      dailyTemperature: { as: 'temp', max: '最高温度', min: '最低温度' },
    }));
    expect(table.hours).toBe(48);
    expect(table.series.load[0]).toBe(5001.5);
    expect(table.series.temp[5]).toBe(3);
    expect(table.series.temp[15]).toBe(12);
    expect(table.series.temp[24 + 5]).toBe(1);
    expect(table.notes.join('\n')).toMatch(/^hourly temperature derived from daily values, "最高温度" \(max\), "最低温度" \(min\), by a two-part cosine/m);
  });

  it('that does not cover every date of the load is refused, naming the dates it lacks', () => {
    const r = readHistory({ name: 'load.csv', text: quarterLoad(4) }, {
      ...loadOptions, dailyTemperature: daily, weather: { file: { name: 'weather.csv', text: weatherDaily }, columns: [] },
    });
    expect(problemsOf(r)).toEqual([{
      path: 'weather.csv',
      message: 'expected a row for every date of the load, 2024-07-01 to 2024-07-04, found dates 2024-06-30 to 2024-07-03: 2024-07-04 not covered',
    }]);
  });

  it('refuses a maximum below the minimum and a mean outside them, by row, and a maximum without a minimum', () => {
    const bad = lines('date,tmax,tmin,tmean', '2024-07-01,25,30,27', '2024-07-02,35,26,40');
    expect(problemsOf(readDailyWeather(bad, { file: 'w.csv', date: 'date', max: 'tmax', min: 'tmin', mean: 'tmean' }))).toEqual([
      { path: 'w.csv:row 2', message: 'expected the day\'s maximum (tmax) at least its minimum (tmin), found 25 °C below 30 °C' },
      { path: 'w.csv:row 3', message: 'expected the day\'s mean (tmean) between its minimum and maximum, 26 °C to 35 °C, found 40 °C' },
    ]);
    expect(problemsOf(readDailyWeather(bad, { file: 'w.csv', date: 'date', max: 'tmax' }))[0].message).toBe(
      'expected the day\'s maximum and minimum together (and its mean, if given), or its mean alone; only the maximum is given',
    );
  });

  it('reads empty cells and dates without a row as missing values where they are left, and refuses them otherwise', () => {
    const gappy = lines('date,tmax,tmin', '2024-07-01,35,26', '2024-07-02,,27', '2024-07-04,30,20');
    const left = readDailyWeather(gappy, { file: 'w.csv', date: 'date', max: 'tmax', min: 'tmin', missing: 'leave' });
    if (!left.ok) throw new Error('unreadable');
    expect(left.weather.days).toBe(4);
    expect([...left.weather.max]).toEqual([35, Number.NaN, Number.NaN, 30]);
    expect(left.weather.notes).toEqual(['1 date without a row, left unknown (NaN): 2024-07-03', 'column "tmax": 1 empty cell (row 3), left unknown']);
    expect(problemsOf(readDailyWeather(gappy, { file: 'w.csv', date: 'date', max: 'tmax', min: 'tmin' }))).toEqual([
      { path: 'w.csv', message: 'no row for the date 2024-07-03' },
      { path: 'w.csv:row 3, column tmax', message: 'expected a number, found an empty cell: 2024-07-02 would have no maximum' },
    ]);
  });

  it('with only a mean, gives that mean in every hour and says there is no daily shape', () => {
    const text = lines('date,tmean', '2024-07-01,28', '2024-07-02,30');
    const table = tableOf(readHistory({ name: 'w.csv', text }, { tz: SH, date: 'date', columns: [], dailyTemperature: { as: 'temp', mean: 'tmean' } }));
    // A daily file alone: whole local days.
    expect(table.startMs).toBe(Date.parse('2024-07-01T00:00+08:00'));
    expect(table.hours).toBe(48);
    expect(new Set(table.series.temp.subarray(0, 24))).toEqual(new Set([28]));
    expect(table.notes).toEqual(['hourly temperature is each day\'s mean, "tmean" (mean), in every hour (no maximum and minimum: no daily shape)']);
  });

  it('follows the local clock across a change of offset (New York, a 25-hour day)', () => {
    const text = lines('date,tmax,tmin', '2024-11-02,20,10', '2024-11-03,20,10', '2024-11-04,20,10');
    const table = tableOf(readHistory({ name: 'w.csv', text }, { tz: 'America/New_York', date: 'date', columns: [], dailyTemperature: { as: 'temp', max: 'tmax', min: 'tmin' } }));
    expect(table.hours).toBe(24 + 25 + 24);
    const ny = resolveZone('America/New_York')!;
    for (let i = 0; i < table.hours; i++) {
      const stamp = formatInZone(table.startMs + i * HOUR_MS, ny);
      if (stamp.slice(11, 16) === '05:00') expect(table.series.temp[i]).toBeCloseTo(10, 10);
      if (stamp.slice(11, 16) === '15:00') expect(table.series.temp[i]).toBeCloseTo(20, 10);
    }
  });
});

describe('hourly weather in a file of its own', () => {
  const weatherHourly = (hours: number) => lines('time,temp', ...Array.from({ length: hours }, (_, h) => `${formatInZone(Date.parse('2024-07-01T00:00+08:00') + h * HOUR_MS, resolveZone(SH)!).slice(0, 16).replace('T', ' ')},${20 + h / 10}`));

  it('is joined onto the load\'s hours on the instant', () => {
    const table = tableOf(readHistory({ name: 'load.csv', text: quarterLoad(2) }, {
      ...loadOptions, weather: { file: { name: 'weather.csv', text: weatherHourly(72) }, columns: [{ name: 'temp', as: 'temp', unit: '°C' }] },
    }));
    expect(table.hours).toBe(48);
    expect(table.series.temp[0]).toBe(20);
    expect(table.series.temp[47]).toBeCloseTo(24.7, 10);
  });

  it('that ends before the load is refused, naming the hours it lacks', () => {
    const r = readHistory({ name: 'load.csv', text: quarterLoad(2) }, {
      ...loadOptions, weather: { file: { name: 'weather.csv', text: weatherHourly(40) }, columns: [{ name: 'temp', as: 'temp', unit: '°C' }] },
    });
    expect(problemsOf(r)).toEqual([{
      path: 'weather.csv',
      message: 'expected weather for every hour of the load, 2024-07-01T00:00+08:00 to 2024-07-02T23:00+08:00, found 2024-07-01T00:00+08:00 to 2024-07-02T15:00+08:00: the hours 2024-07-02T16:00+08:00 to 2024-07-02T23:00+08:00 not covered',
    }]);
  });
});

it('refuses daily temperature columns beside rows per time stamp in one file', () => {
  const r = readHistory({ name: 'load.csv', text: quarterLoad(1) }, { ...loadOptions, dailyTemperature: daily });
  expect(problemsOf(r)[0].message).toBe('daily temperature columns need one row per day: give them in a weather file, or read the load from day columns (one row per day)');
});
