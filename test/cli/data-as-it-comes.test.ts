/**
 * `orderly backtest --csv` and `orderly import --csv` on data as it comes from Chinese grids: 96
 * points a day (one row per day, columns T0000 … T2345), daily weather (最高/最低/平均温度) in a file
 * of its own, empty cells; and the messages when it is wrong, naming file, row and column.
 */
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { gefcomLike } from '../support/gefcom-like.ts';
import { tinyScenario } from '../support/tiny-scenario.ts';

const dir = mkdtempSync(join(tmpdir(), 'orderly-data-'));
const path = (name: string) => join(dir, name);
const pad = (n: number) => String(n).padStart(2, '0');
const QUARTERS = Array.from({ length: 96 }, (_, k) => `T${pad(Math.floor(k / 4))}${pad((k % 4) * 15)}`);

/**
 * Three years of a GEFCom-like series as a Chinese utility would export it: the load as one row
 * per day of 96 quarter-hours (the hour's value, plus a little intra-hour swing), the weather as
 * one row per day of maximum, minimum and mean temperature, dated from 2016-01-01.
 */
function chineseFiles(days = 3 * 365): { load: string; weather: string } {
  const s = gefcomLike('chinese-export', 3.1);
  const date = (d: number) => new Date(Date.UTC(2016, 0, 1 + d)).toISOString().slice(0, 10).replaceAll('-', '');
  const load = [['YMD', ...QUARTERS].join(',')];
  const weather = ['日期,最高温度℃,最低温度℃,平均温度℃'];
  for (let d = 0; d < days; d++) {
    const cells = QUARTERS.map((_, k) => {
      const h = d * 24 + Math.floor(k / 4);
      return (s.load[h] * (1 + 0.01 * ((k % 4) - 1.5))).toFixed(1);
    });
    load.push([date(d), ...cells].join(','));
    const t = Array.from(s.temperature.subarray(d * 24, d * 24 + 24));
    weather.push([date(d), Math.max(...t).toFixed(1), Math.min(...t).toFixed(1), (t.reduce((a, b) => a + b, 0) / 24).toFixed(1)].join(','));
  }
  return { load: load.join('\n') + '\n', weather: weather.join('\n') + '\n' };
}

const files = chineseFiles();
writeFileSync(path('Area1_Load.csv'), files.load);
writeFileSync(path('Area1_Weather.csv'), files.weather);
const backtestArgs = (load = 'Area1_Load.csv', weather = 'Area1_Weather.csv') => [
  'backtest', '--csv', path(load), '--date', 'YMD', '--load-columns', 'T{HH}{MM}', '--tz', 'Asia/Shanghai',
  '--weather', path(weather), '--weather-date', '日期', '--temp-max', '最高温度℃', '--temp-min', '最低温度℃', '--temp-mean', '平均温度℃',
  '--train-from', '2016-01-01', '--train-until', '2017-12-31', '--test-from', '2018-01-01', '--test-until', '2018-03-31',
];

describe('orderly backtest --csv on data as it comes', () => {
  it('reads a 96-point day file with daily weather in another file, scores both models on the same hours, and says what it did', async () => {
    const r = await runCli(...backtestArgs());
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/test 2018-01-01\.\.2018-03-31 \(2,160 h\)/);
    expect(r.stdout).toMatch(/MAPE \(%\)\s+\d+\.\d+\s+\d+\.\d+/);
    expect(r.stdout).toMatch(/note: columns "T\{HH\}\{MM\}": quarter-hour points aggregated to hours/);
    expect(r.stdout).toMatch(/note: .*Area1_Weather\.csv: hourly temperature derived from daily values, "最高温度℃" \(max\), "最低温度℃" \(min\), "平均温度℃" \(mean\), by a two-part cosine/);
    expect(r.stdout).toMatch(/note: the forecasts are of hourly means; in the test window the hour's highest point \(loadMax\) stands 1\.\d\d % above/);
    const mape = /MAPE \(%\)\s+(\d+\.\d+)\s+(\d+\.\d+)/.exec(r.stdout)!;
    expect(Number(mape[1])).toBeLessThan(3); // 1.5 % measured over all of 2018, as with the hourly temperature itself
  }, 120_000);

  it('names the file, row and column of a bad cell in the weather file, and refuses weather that ends before the load', async () => {
    const lines = files.weather.split('\n');
    lines[2] = lines[2].replace(/^(\d+),[^,]+,/, '$1,abc,');
    writeFileSync(path('bad-weather.csv'), lines.join('\n'));
    const bad = await runCli(...backtestArgs('Area1_Load.csv', 'bad-weather.csv'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bad-weather\.csv:row 3, column 最高温度℃: expected a number, found "abc"/);
    writeFileSync(path('short-weather.csv'), files.weather.split('\n').slice(0, 1000).join('\n'));
    const short = await runCli(...backtestArgs('Area1_Load.csv', 'short-weather.csv'));
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/short-weather\.csv: expected a row for every date of the load, 2016-01-01 to 2018-12-30, found dates 2016-01-01 to 2018-09-25: 2018-09-26 to 2018-12-30 not covered/);
  }, 120_000);

  it('prints its options with --help', async () => {
    const r = await runCli('backtest', '--help');
    expect(r.code).toBe(0);
    for (const flag of ['--interval 15|30|60', '--load-columns PATTERN', '--temp-max COL', '--weather FILE', '--hour-ending', 'Empty cells are missing values']) expect(r.stdout).toContain(flag);
  });

  it('refuses an interval that is not 15, 30 or 60 minutes', async () => {
    const r = await runCli(...backtestArgs(), '--interval', '10');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--interval: expected 15, 30 or 60 \(minutes between rows\), found "10"/);
  });
});

describe('orderly import --csv on data as it comes', () => {
  // Two days of 15-minute load for the tiny scenario's area S2 (Shanghai), the weather daily.
  const quarters = ['time,load_kw'];
  for (let k = 0; k < 2 * 96; k++) {
    const ms = Date.parse('2024-07-01T00:00+08:00') + k * 15 * 60_000;
    const local = new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
    quarters.push(`${local},${4000 + 100 * (k % 4)}`);
  }
  const weather = 'date,tmax,tmin\n2024-07-01,35,26\n2024-07-02,36,27\n';

  it('puts the hourly means and maxima of 15-minute load and the hours of daily weather into a scenario, and says what it did', async () => {
    writeFileSync(path('tiny.json'), JSON.stringify(tinyScenario()));
    writeFileSync(path('quarters.csv'), quarters.join('\n'));
    writeFileSync(path('daily.csv'), weather);
    const r = await runCli('import', '--csv', path('quarters.csv'), '--time', 'time', '--load', 'load_kw', '--load-unit', 'kW', '--tz', 'Asia/Shanghai',
      '--weather', path('daily.csv'), '--weather-date', 'date', '--temp-max', 'tmax', '--temp-min', 'tmin',
      '--into', path('tiny.json'), '--area', 'S2', '--station', 'W1', '--out', path('tiny-quarters.json'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/48 hours, 2024-07-01T00:00\+08:00 to 2024-07-02T23:00\+08:00/);
    expect(r.stdout).toMatch(/loadMax MW\s+min 4\.30/);
    expect(r.stdout).not.toMatch(/not kept/);
    expect(r.stdout).toMatch(/note: .*daily\.csv: hourly temperature derived from daily values/);
    const s = JSON.parse(readFileSync(path('tiny-quarters.json'), 'utf8'));
    const s2 = s.history.load.find((h: { id: string }) => h.id === 'S2');
    expect(s2.values[0]).toBe(4.15); // (4.0 + 4.1 + 4.2 + 4.3) / 4
    expect(s2.maxValues[0]).toBe(4.3); // the hour's highest quarter, kept beside its mean: warnings are measured against it
    expect(s2.maxValues).toHaveLength(s2.values.length);
    const temps = s.weather.stations[0].history.values;
    expect([temps[5], temps[15], temps[24 + 5], temps[24 + 15]]).toEqual([26, 35, 27, 36]);
  });

  it('refuses an empty cell, naming the hour it would leave missing, and writes nothing', async () => {
    const gappy = [...quarters];
    for (const k of [41, 42, 43]) gappy[k] = gappy[k].replace(/,\d+$/, ','); // 3 of the 4 quarters of 10:00
    writeFileSync(path('gappy.csv'), gappy.join('\n'));
    const r = await runCli('import', '--csv', path('gappy.csv'), '--time', 'time', '--load', 'load_kw', '--load-unit', 'kW', '--tz', 'Asia/Shanghai',
      '--into', path('tiny.json'), '--area', 'S2', '--out', path('tiny-gappy.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/gappy\.csv:rows 42–44, column load_kw: expected numbers, found empty cells: hour 2024-07-01T10:00\+08:00 \(fewer than 2 of its 4 quarter-hour points have a value\) would be missing/);
    expect(r.stderr).toMatch(/nothing written/);
    expect(existsSync(path('tiny-gappy.json'))).toBe(false);
  });

  it('prints its options with --help', async () => {
    const r = await runCli('import', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/A scenario's history must be whole/);
    expect(r.stdout).toContain('--load-columns PATTERN');
  });
});
