import { describe, expect, it } from 'vitest';
import { readHourlyCsv, type HourlyCsvOptions, type HourlyCsvResult } from '../../core/history/hourly-csv.ts';
import { HOUR_MS } from '../../core/time/timestamp.ts';

const NY = 'America/New_York';
const loadOnly: HourlyCsvOptions = { file: 'load.csv', time: 'time', tz: NY, columns: [{ name: 'load', as: 'load', unit: 'MW' }] };

function read(text: string, options: Partial<HourlyCsvOptions> = {}): HourlyCsvResult {
  return readHourlyCsv(text, { ...loadOnly, ...options });
}

function tableOf(result: HourlyCsvResult) {
  if (!result.ok) throw new Error(`expected a table, got problems:\n${result.problems.map((p) => `${p.path}: ${p.message}`).join('\n')}`);
  return result.table;
}

function problemsOf(result: HourlyCsvResult) {
  if (result.ok) throw new Error('expected problems, got a table');
  return result.problems;
}

const lines = (...rows: string[]) => rows.join('\n') + '\n';

describe('readHourlyCsv: reading good files', () => {
  it('reads loads and temperatures into MW and °C on one hourly axis', () => {
    const text = lines('time,load_kw,temp_f', '2024-01-01 00:00,"16,853",32', '2024-01-01 01:00,"17,000",50', '2024-01-01 02:00,18000,212');
    const table = tableOf(
      readHourlyCsv(text, {
        file: 'load.csv', time: 'time', tz: NY,
        columns: [{ name: 'load_kw', as: 'load', unit: 'kW' }, { name: 'temp_f', as: 'temperature', unit: '°F' }],
      }),
    );
    expect(table.startMs).toBe(Date.UTC(2024, 0, 1, 5)); // midnight in New York is 05:00 UTC in winter
    expect(table.hours).toBe(3);
    expect(table.zone).toBe(NY);
    expect([...table.series.load]).toEqual([16.853, 17, 18]);
    expect([...table.series.temperature]).toEqual([0, 10, 100]);
    expect(table.units).toEqual({ load: 'MW', temperature: '°C' });
    expect(table.notes).toContain('column "load_kw": kW converted to MW');
    expect(table.notes).toContain('column "temp_f": °F converted to °C');
  });

  it('converts GW to MW and kelvin to °C', () => {
    const table = tableOf(
      readHourlyCsv(lines('t,gw,k', '2024-01-01 00:00,1.5,273.15', '2024-01-01 01:00,2,300'), {
        file: 'x.csv', time: 't', tz: 'UTC', columns: [{ name: 'gw', as: 'load', unit: 'GW' }, { name: 'k', as: 'temp', unit: 'K' }],
      }),
    );
    expect([...table.series.load]).toEqual([1500, 2000]);
    expect(table.series.temp[0]).toBeCloseTo(0, 10);
    expect(table.series.temp[1]).toBeCloseTo(26.85, 10);
  });

  it('accepts ISO times with T and seconds, slash dates and single-digit months', () => {
    const table = tableOf(read(lines('time,load', '2024-01-01T00:00:00,1', '2024/01/01 01:00,2', '2024/1/1 2:00,3', '2024-01-01 03:00:00.000,4')));
    expect([...table.series.load]).toEqual([1, 2, 3, 4]);
  });

  it('sorts rows given out of order and says so', () => {
    const table = tableOf(read(lines('time,load', '2024-01-01 02:00,3', '2024-01-01 00:00,1', '2024-01-01 01:00,2')));
    expect([...table.series.load]).toEqual([1, 2, 3]);
    expect(table.notes).toContain('the rows were not in time order; they were sorted by time');
  });

  it('takes a timestamp that carries its own offset as written', () => {
    const table = tableOf(
      read(lines('time,load', '2024-07-01T00:00+08:00,1', '2024-06-30T17:00Z,2', '2024-07-01 02:00,3'), { tz: 'Asia/Shanghai' }),
    );
    expect(table.startMs).toBe(Date.UTC(2024, 5, 30, 16));
    expect([...table.series.load]).toEqual([1, 2, 3]);
    expect(table.notes).toContain("1 row carries an offset other than Asia/Shanghai's (first: row 3, Z); they were taken as written");
  });

  it('reads wall times in a fixed-offset zone', () => {
    const table = tableOf(read(lines('time,load', '2024-07-01 00:00,1', '2024-07-01 01:00,2'), { tz: 'UTC-05:00' }));
    expect(table.startMs).toBe(Date.UTC(2024, 6, 1, 5));
  });

  it('reads date and hour columns with hours 0 to 23', () => {
    const table = tableOf(
      read(lines('date,hour,load', '2024-01-01,22,1', '2024-01-01,23,2', '2024-01-02,0,3', '2024-01-02,01:00,4'), {
        time: undefined, date: 'date', hour: 'hour', tz: '+08:00',
      }),
    );
    expect(table.startMs).toBe(Date.UTC(2024, 0, 1, 14));
    expect([...table.series.load]).toEqual([1, 2, 3, 4]);
  });

  it('places hour-ending values in the hour that ends at their stamp, hour 24 included', () => {
    const table = tableOf(
      read(lines('date,hour,load', '2024-01-01,1,10', '2024-01-01,2,20', '2024-01-01,24,240', ...hourEndingRows(3, 23)), {
        time: undefined, date: 'date', hour: 'hour', tz: 'UTC', hourEnding: true,
      }),
    );
    expect(table.startMs).toBe(Date.UTC(2024, 0, 1, 0)); // hour ending 01:00 starts at 00:00
    expect(table.hours).toBe(24);
    expect(table.series.load[0]).toBe(10);
    expect(table.series.load[23]).toBe(240);
    expect(table.notes).toContain('hour-ending stamps: each value is placed in the hour that ends at its stamp');
  });

  it('reads "24:00" in a time column of hour-ending data as the end of the day', () => {
    const table = tableOf(read(lines('time,load', '2024-01-01 23:00,1', '2024-01-01 24:00,2', '2024-01-02 01:00,3'), { tz: 'UTC', hourEnding: true }));
    expect(table.startMs).toBe(Date.UTC(2024, 0, 1, 22));
    expect([...table.series.load]).toEqual([1, 2, 3]);
  });

  it('gives a spring-forward day 23 hours in hour-ending data', () => {
    // 2024-03-10 in New York: 02:00 never happens, so hour-ending stamps run 1, 3, 4, …, 24.
    const hoursOfDay = [1, ...Array.from({ length: 22 }, (_, k) => k + 3)];
    const text = lines('date,hour,load', ...hoursOfDay.map((h) => `2024-03-10,${h},${h}`));
    const table = tableOf(read(text, { time: undefined, date: 'date', hour: 'hour', hourEnding: true }));
    expect(table.hours).toBe(23);
    expect(table.startMs).toBe(Date.UTC(2024, 2, 10, 5));
  });

  it('takes the two rows of a fall-back hour in file order, the first as the earlier instant', () => {
    const text = lines('time,load', '2024-11-03 00:00,0', '2024-11-03 01:00,1', '2024-11-03 01:00,2', '2024-11-03 02:00,3');
    const table = tableOf(read(text));
    expect(table.startMs).toBe(Date.UTC(2024, 10, 3, 4)); // 00:00 EDT
    expect(table.hours).toBe(4);
    expect([...table.series.load]).toEqual([0, 1, 2, 3]);
    expect(table.notes).toContain(
      '2024-11-03 01:00 occurs twice in America/New_York (clocks fall back); rows 3 and 4 were taken in file order as the earlier and the later hour',
    );
  });

  it('gives a fall-back day 25 hours in hour-ending data when the repeated stamp comes twice', () => {
    // 2024-11-03 in New York: hour-ending 1 comes twice (00–01 EDT, then 01 EDT–01 EST), then 2 … 24.
    const hoursOfDay = [1, 1, ...Array.from({ length: 23 }, (_, k) => k + 2)];
    const text = lines('date,hour,load', ...hoursOfDay.map((h, k) => `2024-11-03,${h},${k}`));
    const table = tableOf(read(text, { time: undefined, date: 'date', hour: 'hour', hourEnding: true }));
    expect(table.hours).toBe(25);
    expect(table.startMs).toBe(Date.UTC(2024, 10, 3, 4)); // 00:00 EDT
    expect([...table.series.load]).toEqual(Array.from({ length: 25 }, (_, k) => k));
  });

  it('needs no fall-back guess when the rows carry their offsets', () => {
    const text = lines('time,load', '2024-11-03T01:00-05:00,2', '2024-11-03T01:00-04:00,1', '2024-11-03T02:00-05:00,3');
    const table = tableOf(read(text));
    expect([...table.series.load]).toEqual([1, 2, 3]);
  });

  it('reads a 10 MB, 24-year New York history back hour for hour across every clock change', () => {
    const start = Date.UTC(2000, 0, 1, 5);
    const hours = 215_000; // to mid-2024
    const rows = ['time,load,temperature,wind,price'];
    const wall = wallClockFormatter(NY);
    for (let i = 0; i < hours; i++) {
      const load = `${Math.floor(10 + (i % 90))},${String(i % 1000).padStart(3, '0')}.5`;
      rows.push(`${wall(start + i * HOUR_MS)},"${load}",${(i % 40) - 5}.75,${i % 13}.25,${i % 97}.1250`);
    }
    const text = rows.join('\r\n');
    expect(text.length).toBeGreaterThan(10_000_000);
    const table = tableOf(
      readHourlyCsv(text, {
        file: 'big.csv', time: 'time', tz: NY,
        columns: [
          { name: 'load', as: 'load', unit: 'MW' }, { name: 'temperature', as: 'temp', unit: '°C' },
          { name: 'wind', as: 'wind', unit: 'MW' }, { name: 'price', as: 'price', unit: 'MW' },
        ],
      }),
    );
    expect(table.startMs).toBe(start);
    expect(table.hours).toBe(hours);
    const last = hours - 1;
    expect(table.series.load[last]).toBe(Math.floor(10 + (last % 90)) * 1000 + (last % 1000) + 0.5);
    expect(table.series.temp[last]).toBe((last % 40) - 5 + 0.75);
    expect(table.notes.filter((n) => n.includes('occurs twice'))).toHaveLength(24); // one fall-back a year, 2000–2023

  });
});

describe('readHourlyCsv: malformed input', () => {
  it('reports an unknown column and lists the header', () => {
    expect(problemsOf(read(lines('time,Load,temperature', '2024-01-01 00:00,1,2'), { columns: [{ name: 'lod', as: 'load', unit: 'MW' }] }))).toEqual([
      { path: 'load.csv', message: 'no column "lod" in the header (columns: time, Load, temperature)' },
    ]);
  });

  it('suggests the header spelling when a column differs only in case', () => {
    const [p] = problemsOf(read(lines('Time,load', '2024-01-01 00:00,1')));
    expect(p.message).toBe('no column "time" in the header (columns: Time, load); did you mean "Time"? (names are case-sensitive)');
  });

  it('reports a column that appears twice in the header', () => {
    const [p] = problemsOf(read(lines('time,load,load', '2024-01-01 00:00,1,2')));
    expect(p).toEqual({ path: 'load.csv', message: 'column "load" appears 2 times in the header (fields 2, 3); which one is meant is unclear' });
  });

  it('reports an unreadable time with the cell it found', () => {
    expect(problemsOf(read(lines('time,load', '2024-01-01 00:00,1', '01/02/2024 1am,2')))).toEqual([
      {
        path: 'load.csv:row 3, column time',
        message: 'expected a time like "2024-07-01 13:00" or "2024-07-01T13:00+08:00", found "01/02/2024 1am"',
      },
    ]);
  });

  it('reports a date that does not exist', () => {
    const [p] = problemsOf(read(lines('time,load', '2023-02-29 00:00,1')));
    expect(p.message).toMatch(/found "2023-02-29 00:00" \(no such date\)$/);
  });

  it('reports an unreadable number with its row and column', () => {
    expect(problemsOf(read(lines('time,load', '2024-01-01 00:00,1', '2024-01-01 01:00,12..3')))).toEqual([
      { path: 'load.csv:row 3, column load', message: 'expected a number, found "12..3"' },
    ]);
  });

  it('refuses an empty cell where missing values are refused, naming the hour it would leave missing', () => {
    const [p] = problemsOf(read(lines('time,load', '2024-01-01 00:00,')));
    expect(p).toEqual({ path: 'load.csv:row 2, column load', message: 'expected a number, found an empty cell: hour 2024-01-01T00:00-05:00 would be missing' });
  });

  it('reports a missing hour with its timestamp', () => {
    expect(problemsOf(read(lines('time,load', '2024-01-01 00:00,1', '2024-01-01 01:00,1', '2024-01-01 03:00,1')))).toEqual([
      { path: 'load.csv', message: 'hour 2024-01-01T02:00-05:00 missing (between rows 3 and 4)' },
    ]);
  });

  it('collapses a run of missing hours into one problem', () => {
    const problems = problemsOf(read(lines('time,load', '2024-01-01 00:00,1', '2024-01-01 04:00,1', '2024-01-01 05:00,1', '2024-01-01 07:00,1')));
    expect(problems).toEqual([
      { path: 'load.csv', message: 'hours 2024-01-01T01:00-05:00 to 2024-01-01T03:00-05:00 missing (3 hours, between rows 2 and 3)' },
      { path: 'load.csv', message: 'hour 2024-01-01T06:00-05:00 missing (between rows 4 and 5)' },
    ]);
  });

  it('names missing hours by their end stamps in hour-ending data', () => {
    const [p] = problemsOf(read(lines('time,load', '2024-01-01 01:00,1', '2024-01-01 04:00,1'), { tz: 'UTC', hourEnding: true }));
    expect(p.message).toBe('hours ending 2024-01-01T02:00+00:00 to 2024-01-01T03:00+00:00 missing (2 hours, between rows 2 and 3)');
  });

  it('reports a duplicate hour with the row that gave it first', () => {
    expect(problemsOf(read(lines('time,load', '2024-01-01 00:00,1', '2024-01-01 01:00,2', '2024-01-01 01:00,3')))).toEqual([
      { path: 'load.csv:row 4', message: 'hour 2024-01-01T01:00-05:00 already given at row 3' },
    ]);
  });

  it('reports a duplicate written once as 24:00 and once as 00:00 of the next day', () => {
    const [p] = problemsOf(read(lines('time,load', '2024-01-01 24:00,1', '2024-01-02 00:00,2'), { tz: 'UTC', hourEnding: true }));
    expect(p).toEqual({ path: 'load.csv:row 3', message: 'hour ending 2024-01-02T00:00+00:00 already given at row 2' });
  });

  it('reports a local time that does not exist because clocks sprang forward', () => {
    const text = lines('time,load', '2024-03-10 01:00,1', '2024-03-10 02:00,2', '2024-03-10 03:00,3');
    expect(problemsOf(read(text))).toEqual([
      { path: 'load.csv:row 3', message: '2024-03-10 02:00 does not exist in America/New_York: clocks jump from -05:00 to -04:00' },
    ]);
  });

  it('reports the later fall-back hour as missing when the file gives the wall time once', () => {
    const text = lines('time,load', '2024-11-03 00:00,0', '2024-11-03 01:00,1', '2024-11-03 02:00,3');
    expect(problemsOf(read(text))).toEqual([
      {
        path: 'load.csv',
        message:
          'hour 2024-11-03T01:00-05:00 missing (between rows 3 and 4; 2024-11-03 01:00 occurs twice in America/New_York as clocks fall back, and row 3 gives it once, taken as the earlier of the two)',
      },
    ]);
  });

  it('reports a third row for a fall-back hour as a duplicate', () => {
    const text = lines('time,load', '2024-11-03 01:00,1', '2024-11-03 01:00,2', '2024-11-03 01:00,3');
    expect(problemsOf(read(text))).toEqual([{ path: 'load.csv:row 4', message: 'hour 2024-11-03T01:00-05:00 already given at row 3' }]);
  });

  it('reports a time that is not on the hour when the interval is 60 minutes', () => {
    const problems = problemsOf(read(lines('time,load', '2024-01-01 00:00,1', '2024-01-01 00:30,2', '2024-01-01 01:00:15,3'), { interval: 60 }));
    expect(problems).toEqual([
      { path: 'load.csv:row 3, column time', message: 'expected a time on the hour, as the interval given is 60 minutes, found "2024-01-01 00:30"' },
      { path: 'load.csv:row 4, column time', message: 'expected a time on the hour, as the interval given is 60 minutes, found "2024-01-01 01:00:15"' },
    ]);
  });

  it('reports a row off the grid of the interval it detected, by line', () => {
    const hourly = lines('time,load', '2024-01-01 00:00,1', '2024-01-01 01:00,2', '2024-01-01 01:20,9', '2024-01-01 02:00,3', '2024-01-01 03:00,4');
    expect(problemsOf(read(hourly))).toEqual([
      { path: 'load.csv:row 4, column time', message: 'expected a time on the hour, as the file\'s times are mostly an hour apart, found "2024-01-01 01:20"' },
    ]);
    const quarters = lines('time,load', '2024-01-01 00:00,1', '2024-01-01 00:15,2', '2024-01-01 00:30,2', '2024-01-01 00:40,9', '2024-01-01 00:45,3');
    expect(problemsOf(read(quarters))[0]).toEqual({
      path: 'load.csv:row 5, column time',
      message: 'expected a time on the 15-minute grid (:00, :15, :30, :45), as the file\'s times are mostly 15 minutes apart, found "2024-01-01 00:40"',
    });
  });

  it('refuses times mostly a step apart that is not 15, 30 or 60 minutes', () => {
    const fiveMinutes = lines('time,load', ...Array.from({ length: 12 }, (_, k) => `2024-01-01 00:${String(5 * k).padStart(2, '0')},1`));
    expect(problemsOf(read(fiveMinutes))).toEqual([
      { path: 'load.csv', message: 'expected times 15, 30 or 60 minutes apart, found them mostly 5 minutes apart (rows 2 and 3, for one): give the interval if the file is one of those' },
    ]);
  });

  it('reports 24:00 in data that is not hour-ending', () => {
    const [p] = problemsOf(read(lines('time,load', '2024-01-01 24:00,1')));
    expect(p).toEqual({
      path: 'load.csv:row 2, column time',
      message: 'expected an hour from 00:00 to 23:00, found "2024-01-01 24:00" (24:00 is read only in hour-ending data)',
    });
  });

  it('reports an hour outside the convention of the hour column', () => {
    const dateHour = { time: undefined, date: 'date', hour: 'hour', tz: 'UTC' };
    const [begin] = problemsOf(read(lines('date,hour,load', '2024-01-01,24,1'), dateHour));
    expect(begin).toEqual({ path: 'load.csv:row 2, column hour', message: 'expected an hour from 0 to 23, found "24"' });
    const [ending] = problemsOf(read(lines('date,hour,load', '2024-01-01,0,1'), { ...dateHour, hourEnding: true }));
    expect(ending).toEqual({ path: 'load.csv:row 2, column hour', message: 'expected an hour from 1 to 24 (hour-ending), found "0"' });
    const [half] = problemsOf(read(lines('date,hour,load', '2024-01-01,7.5,1'), dateHour));
    expect(half.message).toBe('expected an hour from 0 to 23, found "7.5"');
  });

  it('reports an unreadable date in a date column', () => {
    const [p] = problemsOf(read(lines('date,hour,load', '1/2/2024,1,1'), { time: undefined, date: 'date', hour: 'hour' }));
    expect(p).toEqual({ path: 'load.csv:row 2, column date', message: 'expected a date like "2024-07-01", found "1/2/2024"' });
  });

  it('reports an empty file', () => {
    expect(problemsOf(read(''))).toEqual([{ path: 'load.csv', message: 'the file is empty' }]);
  });

  it('reports a file with only a header', () => {
    expect(problemsOf(read('time,load\r\n'))).toEqual([{ path: 'load.csv', message: 'the file has a header but no data rows' }]);
  });

  it('reports a time zone it does not know', () => {
    const [p] = problemsOf(read(lines('time,load', '2024-01-01 00:00,1'), { tz: 'Mars/Olympus' }));
    expect(p.message).toBe('expected a time zone (an IANA name such as America/New_York, or an offset such as +08:00), found "Mars/Olympus"');
  });

  it('reports options that do not say which columns hold the time', () => {
    const text = lines('time,load', '2024-01-01 00:00,1');
    expect(problemsOf(read(text, { time: undefined }))[0].message).toBe('no time column given: name a time column, or date and hour columns');
    expect(problemsOf(read(text, { date: 'date' }))[0].message).toBe('give either a time column or date and hour columns, not both');
    expect(problemsOf(read(text, { time: undefined, hour: 'hour' }))[0].message).toBe(
      'a date column needs an hour column and the reverse; only hour is given',
    );
  });

  it('reports a unit it does not know and two columns read into one series', () => {
    const problems = problemsOf(
      read(lines('time,a,b', '2024-01-01 00:00,1,2'), {
        columns: [{ name: 'a', as: 'x', unit: 'MWh' as never }, { name: 'b', as: 'x', unit: 'MW' }],
      }),
    );
    expect(problems.map((p) => p.message)).toEqual([
      'expected a unit (MW, kW, GW, °C, ℃, °F, K) for column "a", found "MWh"',
      'two columns are read into the same series "x"',
    ]);
  });

  it('reports a temperature below absolute zero', () => {
    const [p] = problemsOf(
      readHourlyCsv(lines('time,t', '2024-01-01 00:00,-500'), { file: 'w.csv', time: 'time', tz: 'UTC', columns: [{ name: 't', as: 't', unit: '°F' }] }),
    );
    expect(p).toEqual({ path: 'w.csv:row 2, column t', message: 'expected a temperature above absolute zero, found -500 °F' });
  });

  it('refuses a span so long that a year is surely mistyped', () => {
    const [p] = problemsOf(read(lines('time,load', '2024-01-01 00:00,1', '2204-01-01 00:00,2')));
    expect(p.message).toMatch(/^the times span 1,577,833 hours, from 2024-01-01T00:00-05:00 \(row 2\) to 2204-01-01T00:00-05:00 \(row 3\); .* is one of these rows mistyped\?$/);
  });

  it('reports a row whose offset puts it off the hourly grid', () => {
    const [p] = problemsOf(read(lines('time,load', '2024-01-01T00:00Z,1', '2024-01-01T01:00+05:30,2'), { tz: 'UTC' }));
    // The earliest instant (19:30 UTC, row 3) sets the grid, so it is row 2 that is off it.
    expect(p).toEqual({
      path: 'load.csv:row 2',
      message: '2024-01-01T00:00+00:00 is not a whole number of hours after the first hour, 2023-12-31T19:30+00:00 (row 3)',
    });
  });

  it('lists every problem in one run, rows in file order, missing hours last', () => {
    const text = lines(
      'time,load,temp',
      '2024-01-01 00:00,1,x', // bad temperature
      '2024-01-01 01:00,n/a,2', // bad load
      '2024-01-01 02:00,1', // too few fields
      'yesterday,1,2', // bad time
      '2024-01-01 05:00,1,2',
      '2024-01-01 05:00,1,2', // duplicate
    );
    const problems = problemsOf(
      readHourlyCsv(text, {
        file: 'load.csv', time: 'time', tz: NY,
        columns: [{ name: 'load', as: 'load', unit: 'MW' }, { name: 'temp', as: 'temp', unit: '°C' }],
      }),
    );
    expect(problems.map((p) => p.path)).toEqual([
      'load.csv:row 4',
      'load.csv:row 2, column temp',
      'load.csv:row 3, column load',
      'load.csv:row 5, column time',
      'load.csv:row 7',
      'load.csv',
    ]);
    expect(problems[0].message).toBe('expected 3 fields (as in the header), found 2');
    expect(problems[5].message).toBe('hours 2024-01-01T02:00-05:00 to 2024-01-01T04:00-05:00 missing (3 hours, between rows 3 and 6)');
  });
});

/** Hour-ending rows for hours `from`..`to` of 2024-01-01. */
function hourEndingRows(from: number, to: number): string[] {
  const rows: string[] = [];
  for (let h = from; h <= to; h++) rows.push(`2024-01-01,${h},${h * 10}`);
  return rows;
}

/** Formats instants as wall-clock text without an offset, as a utility export would. */
function wallClockFormatter(timeZone: string): (ms: number) => string {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  });
  return (ms) => {
    const p = Object.fromEntries(format.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
    return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
  };
}
