/**
 * Data as it comes: 15- and 30-minute load (row per time stamp, or one row per day with 96
 * columns), empty cells as missing values, aggregated to the hourly axis with the hour's maximum.
 */
import { describe, expect, it } from 'vitest';
import { readHourlyCsv, type HourlyCsvOptions, type HourlyCsvResult } from '../../core/history/hourly-csv.ts';
import { HOUR_MS } from '../../core/time/timestamp.ts';

const SH = 'Asia/Shanghai', NY = 'America/New_York';
const QUARTER = 15 * 60_000;
const lines = (...rows: string[]) => rows.join('\n') + '\n';
const base: HourlyCsvOptions = { file: 'load.csv', time: 'time', tz: SH, columns: [{ name: 'load', as: 'load', unit: 'MW' }] };
const read = (text: string, options: Partial<HourlyCsvOptions> = {}) => readHourlyCsv(text, { ...base, ...options });

function tableOf(result: HourlyCsvResult) {
  if (!result.ok) throw new Error(`expected a table, got problems:\n${result.problems.map((p) => `${p.path}: ${p.message}`).join('\n')}`);
  return result.table;
}
function problemsOf(result: HourlyCsvResult) {
  if (result.ok) throw new Error('expected problems, got a table');
  return result.problems;
}

/** Wall-clock text of an instant in a zone, "2024-07-01 13:15", with 24:00 for the end of a day when asked. */
function wall(ms: number, timeZone: string, ending = false): string {
  const f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const at = (t: number) => Object.fromEntries(f.formatToParts(new Date(t)).map((x) => [x.type, x.value]));
  const p = at(ms);
  if (ending && p.hour === '00' && p.minute === '00') {
    const before = at(ms - QUARTER); // the day this stamp ends
    return `${before.year}-${before.month}-${before.day} 24:00`;
  }
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** Quarter-hour rows from `startMs`: quarter k holds the value k, stamped at its start or its end. */
function quarterRows(startMs: number, quarters: number, timeZone: string, ending: boolean): string {
  const rows = ['time,load'];
  for (let k = 0; k < quarters; k++) rows.push(`${wall(startMs + (k + (ending ? 1 : 0)) * QUARTER, timeZone, ending)},${k}`);
  return lines(...rows);
}

/** Every hour h is the mean of quarters 4h … 4h+3 (4h + 1.5), and its maximum the last (4h + 3). */
function expectQuartersInPlace(load: Float64Array, loadMax: Float64Array): void {
  for (let h = 0; h < load.length; h++) {
    expect(load[h]).toBe(4 * h + 1.5);
    expect(loadMax[h]).toBe(4 * h + 3);
  }
}

describe('readHourlyCsv: 15- and 30-minute rows', () => {
  it('aggregates 15-minute rows to the hourly mean and keeps the hour\'s maximum beside it', () => {
    const start = Date.UTC(2024, 5, 30, 16); // 2024-07-01 00:00 in Shanghai
    const table = tableOf(read(quarterRows(start, 8, SH, false)));
    expect(table.startMs).toBe(start);
    expect(table.hours).toBe(2);
    expect(table.interval).toBe(15);
    expect([...table.series.load]).toEqual([1.5, 5.5]);
    expect([...table.series.loadMax]).toEqual([3, 7]);
    expect(table.units.loadMax).toBe('MW');
    expect(table.notes).toContain('column "load": quarter-hour points aggregated to hours: "load" is the hourly mean (MW, i.e. the hour\'s MWh), "loadMax" the hour\'s highest point');
    expect(table.notes).toContain('the rows are 15 minutes apart (detected from the times: the step between most consecutive rows)');
  });

  it('reads 00:15 … 24:00 stamps that end their quarter into the day they end, 00:15 being its first quarter (Asia/Shanghai)', () => {
    const start = Date.UTC(2024, 5, 30, 16);
    const text = quarterRows(start, 96 * 2, SH, true);
    expect(text).toMatch(/^2024-07-01 00:15,0$/m);
    expect(text).toMatch(/^2024-07-01 24:00,95$/m);
    const table = tableOf(read(text, { hourEnding: true }));
    expect(table.startMs).toBe(start);
    expect(table.hours).toBe(48);
    expectQuartersInPlace(table.series.load, table.series.loadMax);
    expect(table.notes).toContain('interval-ending stamps: each value is placed in the 15 minutes that end at its stamp ("00:15" holds the first 15 minutes of the day)');
  });

  it('places quarter-hours right across New York\'s clock changes, stamps starting or ending their quarter', () => {
    for (const [startMs, label] of [[Date.UTC(2024, 2, 9, 5), 'spring'], [Date.UTC(2024, 10, 2, 4), 'fall']] as const) {
      const quarters = 4 * 72; // three days around the change, 71 or 73 local hours
      for (const ending of [false, true]) {
        const table = tableOf(read(quarterRows(startMs, quarters, NY, ending), { tz: NY, hourEnding: ending }));
        expect(table.startMs, label).toBe(startMs);
        expect(table.hours, label).toBe(72);
        expectQuartersInPlace(table.series.load, table.series.loadMax);
        if (label === 'fall') expect(table.notes.join('\n')).toMatch(/2024-11-03 01:00 to 01:45 occur twice in America\/New_York \(clocks fall back\)/);
      }
    }
  });

  it('reads 30-minute rows, the interval given or detected', () => {
    const text = lines('time,load', '2024-07-01 00:00,10', '2024-07-01 00:30,20', '2024-07-01 01:00,30', '2024-07-01 01:30,50');
    for (const interval of [undefined, 30] as const) {
      const table = tableOf(read(text, interval ? { interval } : {}));
      expect(table.interval).toBe(30);
      expect([...table.series.load]).toEqual([15, 40]);
      expect([...table.series.loadMax]).toEqual([20, 50]);
    }
  });

  it('takes an hour with at least half of its points as their mean, counts such hours, and leaves one with fewer missing', () => {
    // Hour 0 whole; hour 1 has 3 of 4 points; hour 2 has 2 of 4; hour 3 has 1 of 4; hour 4 whole.
    const stamps = ['00:00', '00:15', '00:30', '00:45', '01:00', '01:15', '01:45', '02:00', '02:30', '03:30', '04:00', '04:15', '04:30', '04:45'];
    const text = lines('time,load,temp', ...stamps.map((t, k) => `2024-07-01 ${t},${k},${20 + k}`));
    const columns = [{ name: 'load', as: 'load', unit: 'MW' as const }, { name: 'temp', as: 'temp', unit: '°C' as const }];
    const table = tableOf(read(text, { missing: 'leave', columns }));
    expect(table.hours).toBe(5);
    expect([...table.series.load]).toEqual([1.5, 5, 7.5, Number.NaN, 11.5]);
    expect([...table.series.loadMax]).toEqual([3, 6, 8, Number.NaN, 13]);
    expect([...table.series.temp]).toEqual([21.5, 25, 27.5, Number.NaN, 31.5]);
    expect(table.series.tempMax).toBeUndefined(); // a maximum only for loads
    expect(table.notes).toContain('column "load": 2 hours have fewer than 4 quarter-hour points (at least 2): each is the mean of those it has');
    expect(table.notes).toContain('1 hour missing in 1 run, left unknown (NaN): hour 2024-07-01T03:00+08:00');
    // Where missing values are refused, the hour is named, with what it had.
    expect(problemsOf(read(text, { columns }))).toEqual([
      { path: 'load.csv', message: 'hour 2024-07-01T03:00+08:00 missing (between rows 10 and 12; 1 of its 4 quarter-hour points given (row 11), fewer than 2 in the hour)' },
    ]);
  });

  it('refuses a quarter-hour given twice, naming the row that gave it first', () => {
    const text = lines('time,load', '2024-07-01 00:00,1', '2024-07-01 00:15,2', '2024-07-01 00:15,3', '2024-07-01 00:30,4', '2024-07-01 00:45,5');
    expect(problemsOf(read(text))).toEqual([{ path: 'load.csv:row 4', message: 'the 15 minutes from 2024-07-01T00:15+08:00 already given at row 3' }]);
  });

  it('refuses quarter-hourly rows where the interval given is 30 minutes, by line', () => {
    const problems = problemsOf(read(quarterRows(Date.UTC(2024, 5, 30, 16), 4, SH, false), { interval: 30 }));
    expect(problems.map((p) => p.path)).toEqual(['load.csv:row 3, column time', 'load.csv:row 5, column time']);
    expect(problems[0].message).toBe('expected a time on the 30-minute grid (:00, :30), as the interval given is 30 minutes, found "2024-07-01 00:15"');
  });
});

describe('readHourlyCsv: empty cells are missing values', () => {
  const text = lines('time,load,temp', '2024-01-01 00:00,1,5', '2024-01-01 01:00,2,', '2024-01-01 02:00,, ', '2024-01-01 03:00,4,8', '2024-01-01 04:00,5,');
  const columns = [{ name: 'load', as: 'load', unit: 'MW' as const }, { name: 'temp', as: 'temp', unit: '°C' as const }];

  it('read as NaN on the axis and listed as runs in the notes, per column, where missing values are left', () => {
    const table = tableOf(read(text, { tz: 'UTC', columns, missing: 'leave' }));
    expect([...table.series.load]).toEqual([1, 2, Number.NaN, 4, 5]);
    expect([...table.series.temp]).toEqual([5, Number.NaN, Number.NaN, 8, Number.NaN]);
    expect(table.notes).toContain('column "load": 1 hour with empty cells, left unknown (NaN): hour 2024-01-01T02:00+00:00');
    expect(table.notes).toContain(
      'column "temp": 3 hours with empty cells, left unknown (NaN): hours 2024-01-01T01:00+00:00 to 2024-01-01T02:00+00:00 (2 hours); hour 2024-01-01T04:00+00:00',
    );
  });

  it('refused in runs naming their rows and hours where missing values are refused', () => {
    expect(problemsOf(read(text, { tz: 'UTC', columns }))).toEqual([
      { path: 'load.csv:rows 3–4, column temp', message: 'expected numbers, found empty cells: hours 2024-01-01T01:00+00:00 to 2024-01-01T02:00+00:00 (2 hours) would be missing' },
      { path: 'load.csv:row 4, column load', message: 'expected a number, found an empty cell: hour 2024-01-01T02:00+00:00 would be missing' },
      { path: 'load.csv:row 6, column temp', message: 'expected a number, found an empty cell: hour 2024-01-01T04:00+00:00 would be missing' },
    ]);
  });

  it('do not excuse a cell that is not a number', () => {
    const bad = lines('time,load', '2024-01-01 00:00,abc', '2024-01-01 01:00,"1,2"', '2024-01-01 02:00,');
    expect(problemsOf(read(bad, { tz: 'UTC', missing: 'leave' }))).toEqual([
      { path: 'load.csv:row 2, column load', message: 'expected a number, found "abc"' },
      { path: 'load.csv:row 3, column load', message: 'expected a number, found "1,2" (a comma is read only as a thousands separator; write 1.5 for a decimal, 1,500 for thousands)' },
    ]);
  });
});

describe('readHourlyCsv: one row per day, the day\'s points in columns', () => {
  const times = (first: number, step: number, count: number, name: (m: number) => string) =>
    Array.from({ length: count }, (_, k) => name(first + k * step));
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}${String(m % 60).padStart(2, '0')}`;
  const colon = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  /** Day rows whose quarter k of the file (counting across days) holds the value k. */
  const dayRows = (dates: string[], header: string[], extra: (d: number) => string[] = () => []) => {
    const rows = [['YMD', ...header, ...(extra(-1).length ? ['max', 'min'] : [])].join(',')];
    dates.forEach((d, day) => rows.push([d, ...header.map((_, k) => String(day * header.length + k)), ...extra(day)].join(',')));
    return lines(...rows);
  };
  const wide = (pattern: string, options: Partial<HourlyCsvOptions> = {}): Partial<HourlyCsvOptions> => ({
    time: undefined, date: 'YMD', columns: [], dayColumns: { pattern, as: 'load', unit: 'MW' }, ...options,
  });

  it('reads 96 columns T0000 … T2345 into hours with the hour\'s maximum (Asia/Shanghai, compact dates)', () => {
    const text = dayRows(['20090101', '20090102'], times(0, 15, 96, (m) => `T${hhmm(m)}`), (d) => (d < 0 ? ['x', 'y'] : ['9', '1']));
    const table = tableOf(read(text, wide('T{HH}{MM}')));
    expect(table.startMs).toBe(Date.UTC(2008, 11, 31, 16));
    expect(table.hours).toBe(48);
    expect(table.interval).toBe(15);
    expectQuartersInPlace(table.series.load, table.series.loadMax);
    expect(table.notes).toContain('columns "T{HH}{MM}": quarter-hour points aggregated to hours: "load" is the hourly mean (MW, i.e. the hour\'s MWh), "loadMax" the hour\'s highest point');
  });

  it('reads columns 00:15 … 24:00 as ending their quarter, 24:00 being the day\'s last', () => {
    const text = dayRows(['2024-07-01', '2024-07-02'], times(15, 15, 96, colon));
    const table = tableOf(read(text, wide('{HH}:{MM}')));
    expect(table.startMs).toBe(Date.UTC(2024, 5, 30, 16));
    expectQuartersInPlace(table.series.load, table.series.loadMax);
    expect(table.notes).toContain('the day\'s columns run to 24:00: each value is placed in the 15 minutes that end at its column\'s time');
  });

  it('reads numbered points P1 … P48 as half-hours, and rows out of date order', () => {
    const text = lines('YMD,' + times(1, 1, 48, (n) => `P${n}`).join(','), `2024-07-02,${times(48, 1, 48, String).join(',')}`, `2024-07-01,${times(0, 1, 48, String).join(',')}`);
    const table = tableOf(read(text, wide('P{N}')));
    expect(table.interval).toBe(30);
    expect(table.hours).toBe(48);
    expect(table.series.load[0]).toBe(0.5);
    expect(table.series.load[47]).toBe(94.5);
    expect(table.notes).toContain('the rows were not in time order; they were sorted by time');
  });

  it('reads the empty cells of a day row as missing values', () => {
    const header = times(0, 15, 96, (m) => `T${hhmm(m)}`);
    const cells = header.map((_, k) => (k >= 8 && k < 11 ? '' : String(k)));
    const table = tableOf(read(lines(`YMD,${header.join(',')}`, `20240701,${cells.join(',')}`), wide('T{HH}{MM}', { missing: 'leave' })));
    expect(table.series.load[1]).toBe(5.5);
    expect(Number.isNaN(table.series.load[2])).toBe(true); // 1 of 4
    expect(table.notes.join('\n')).toMatch(/columns "T\{HH\}\{MM\}": 1 hour with empty cells \(fewer than half of the hour's points with a value\), left unknown \(NaN\): hour 2024-07-01T02:00\+08:00/);
  });

  it('refuses columns that are not one whole day of points, saying which are missing', () => {
    const all = times(0, 15, 96, (m) => `T${hhmm(m)}`);
    const short = all.filter((c) => c !== 'T1215');
    expect(problemsOf(read(dayRows(['20240701'], short), wide('T{HH}{MM}')))[0].message).toBe(
      'expected 96, 48 or 24 columns matching "T{HH}{MM}" (a day of quarter-hours, half-hours or hours), found 95: T0000, T0015, T0030, T0045, T0100, T0115, … (95)',
    );
    const shifted = all.map((c) => (c === 'T1215' ? 'T1216' : c));
    expect(problemsOf(read(dayRows(['20240701'], shifted), wide('T{HH}{MM}')))[0].message).toBe(
      'expected columns matching "T{HH}{MM}" every 15 minutes from 00:00 to 23:45, found 12:15 missing and T1216 instead',
    );
    expect(problemsOf(read(dayRows(['20240701'], all), wide('T{HH}{MM}', { interval: 30 })))[0].message).toBe(
      'expected 48 columns matching "T{HH}{MM}" for the 30-minute interval given, found 96 (a 15-minute day)',
    );
  });

  it('refuses a date given twice, and a value for a time the clocks skipped', () => {
    const header = times(0, 15, 96, (m) => `T${hhmm(m)}`);
    const text = dayRows(['20240310', '20240310'], header);
    const problems = problemsOf(read(text, wide('T{HH}{MM}', { tz: NY })));
    expect(problems).toContainEqual({ path: 'load.csv:row 3', message: 'the date 20240310 is already given at row 2' });
    expect(problems).toContainEqual({
      path: 'load.csv:row 2, column T0200',
      message: 'expected an empty cell: 2024-03-10 02:00 does not exist in America/New_York (clocks jump from -05:00 to -04:00), found 8',
    });
  });

  it('refuses a pattern that names no time of day, and other columns read as hourly', () => {
    const text = dayRows(['20240701'], times(0, 15, 96, (m) => `T${hhmm(m)}`));
    expect(problemsOf(read(text, wide('Tmm')))[0].message).toBe('expected a column pattern such as "T{HH}{MM}", "{HH}:{MM}" or "P{N}", found "Tmm" (no {HH}, {H} or {N} in it)');
    expect(problemsOf(read(text, wide('T{HH}{MM}', { columns: [{ name: 'max', as: 'temp', unit: '°C' }] })))[0].message).toMatch(/^in a file with one row per day, other columns hold one value per day/);
  });
});

it('keeps an hourly file hourly: no maximum series, interval 60', () => {
  const table = tableOf(read(lines('time,load', '2024-07-01 00:00,1', '2024-07-01 01:00,2')));
  expect(table.interval).toBe(60);
  expect(Object.keys(table.series)).toEqual(['load']);
  expect(table.startMs + table.hours * HOUR_MS).toBe(Date.UTC(2024, 5, 30, 18));
});
