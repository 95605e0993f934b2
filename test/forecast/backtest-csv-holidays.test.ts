/**
 * `backtest --csv --holidays CN` on Chinese data of any year the calendar covers: local dates in
 * the file's own zone (not UTC days), 2004 to 2026 from the notices, later years estimated with a
 * note, earlier years refused with the covered years named.
 */
import { describe, expect, it } from 'vitest';
import { backtestCsv, type CsvBacktestOptions } from '../../core/forecast/backtest-csv.ts';
import { chineseSeries } from '../support/chinese-series.ts';
import { formatInZone, resolveZone } from '../../core/time/zone.ts';

const shanghai = resolveZone('Asia/Shanghai')!;
const options = (o: Partial<CsvBacktestOptions>): CsvBacktestOptions => ({
  file: 'cn.csv', time: 'time', load: 'load_mw', temp: 'temp_c', tz: 'Asia/Shanghai', holidays: 'CN', model: 'vanilla',
  trainFrom: '', trainUntil: '', testFrom: '', testUntil: '', ...o,
});
/** A plain hourly CSV from a local midnight (+08:00) for `days` days: enough for the calendar checks. */
function plainCsv(first: string, days: number): string {
  const start = Date.parse(`${first}T00:00:00+08:00`);
  const lines = ['time,load_mw,temp_c'];
  for (let i = 0; i < days * 24; i++) {
    const h = i % 24;
    lines.push(`${formatInZone(start + i * 3_600_000, shanghai)},${(1000 + 200 * Math.sin((Math.PI * (h - 6)) / 12) + (i % 7)).toFixed(1)},${(15 + 5 * Math.sin((2 * Math.PI * i) / 8766)).toFixed(1)}`);
  }
  return lines.join('\n');
}

describe('backtest --csv --holidays CN', () => {
  it('accepts data from 2009 to 2014 (years the old table refused)', () => {
    const text = chineseSeries({ seed: 11, startYear: 2009, years: 6 }).csv();
    const r = backtestCsv(text, options({ trainFrom: '2009-01-01', trainUntil: '2013-12-31', testFrom: '2014-01-01', testUntil: '2014-12-31' }));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.report.hours.test).toBe(365 * 24);
    expect(r.notes).toEqual([]);
  });

  it('accepts a file starting at local midnight 2015-01-01 +08:00 (still 31 December in UTC)', () => {
    const r = backtestCsv(plainCsv('2015-01-01', 120), options({ trainFrom: '2015-01-01', trainUntil: '2015-03-31', testFrom: '2015-04-01', testUntil: '2015-04-30' }));
    expect(r.ok ? [] : r.problems).toEqual([]);
  });

  it('accepts a file starting at local midnight 2004-01-01 +08:00: the day before, in 2003, is not asked for', () => {
    const r = backtestCsv(plainCsv('2004-01-01', 120), options({ trainFrom: '2004-01-01', trainUntil: '2004-03-31', testFrom: '2004-04-01', testUntil: '2004-04-29' }));
    expect(r.ok ? [] : r.problems).toEqual([]);
  });

  it('refuses 2003 data, naming the years the calendar covers', () => {
    const r = backtestCsv(plainCsv('2003-10-01', 120), options({ trainFrom: '2003-10-01', trainUntil: '2003-12-15', testFrom: '2003-12-16', testUntil: '2004-01-28' }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([{
      path: '--holidays',
      message: 'expected years the Chinese statutory calendar covers (2004–2026 from the State Council notices in chinese-days 1.5.7, later years up to 2099 estimated by rule), found 2003',
    }]);
  });

  it('accepts data reaching into 2027 and says in a note that 2027’s holidays are estimated', () => {
    const r = backtestCsv(plainCsv('2026-09-01', 180), options({ trainFrom: '2026-09-01', trainUntil: '2026-12-31', testFrom: '2027-01-01', testUntil: '2027-02-27' }));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.notes.filter((n) => n.startsWith('2027: no State Council notice'))).toHaveLength(1);
  });
});
