import { describe, expect, it } from 'vitest';
import { guessCsvLayout } from '../../core/history/guess-layout.ts';

const points = (make: (i: number) => string, n = 96) => Array.from({ length: n }, (_, i) => make(i));
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}${String(minutes % 60).padStart(2, '0')}`;

describe('guessCsvLayout', () => {
  it('reads a Chinese metering export of one row per day with 96 points as day rows, ending at 24:00, with the day\'s weather', () => {
    const g = guessCsvLayout(['数据日期', ...points((i) => `T${hhmm(15 * (i + 1))}`), '最高气温', '最低气温', '平均气温']);
    expect(g).toMatchObject({ layout: 'day-rows', date: '数据日期', pattern: 'T{HH}{MM}', hourEnding: true, temperature: { kind: 'daily', max: '最高气温', min: '最低气温', mean: '平均气温' } });
  });

  it('reads P1 … P96 columns as day rows starting at midnight', () => {
    const g = guessCsvLayout(['date', ...points((i) => `P${i + 1}`)]);
    expect(g).toMatchObject({ layout: 'day-rows', date: 'date', pattern: 'P{N}', hourEnding: false, temperature: { kind: 'none' } });
  });

  it('reads a date and an hour column, the load in kW and an hourly temperature', () => {
    const g = guessCsvLayout(['date', 'hour', 'load_kw', 'temperature']);
    expect(g).toMatchObject({ layout: 'date-hour', date: 'date', hour: 'hour', load: 'load_kw', unit: 'kW', temperature: { kind: 'hourly', column: 'temperature' } });
  });

  it('reads one time column and a load in MW, and finds no temperature where there is none', () => {
    expect(guessCsvLayout(['timestamp', 'load_mw'])).toEqual({ layout: 'time', time: 'timestamp', hourEnding: false, load: 'load_mw', unit: 'MW', temperature: { kind: 'none' } });
  });

  it('does not take 95 point columns (a day short of a quarter-hour) for day rows', () => {
    expect(guessCsvLayout(['date', ...points((i) => `P${i + 1}`, 95)]).layout).not.toBe('day-rows');
  });
});
