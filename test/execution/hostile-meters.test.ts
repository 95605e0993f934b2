/**
 * Meter files as they come, and as they go wrong: every refusal names the file, the row and the
 * column (or the meter), what was expected and what was found — never a figure made from a bad
 * reading.
 */
import { describe, expect, it } from 'vitest';
import { executionContext } from '../../core/execution/context.ts';
import { importMeters, type MeterImport } from '../../core/execution/meters.ts';
import { formatProblem } from '../../core/problems.ts';
import { loadScenarioValue } from '../../core/scenario/validate.ts';
import { handPlan, handScenario } from './hand-case.ts';

const s = loadScenarioValue(handScenario()).scenario!;
const ctx = executionContext(s, handPlan());
const read = (text: string, options = {}): MeterImport => importMeters('m.csv', text, s, ctx.axis, options);
const problems = (text: string, options = {}) => { const r = read(text, options); return r.ok ? [] : r.problems.map(formatProblem); };
const day = (id = 'I1', value = (h: number) => String(2 + h / 10), date = '2024-07-03') =>
  Array.from({ length: 24 }, (_, h) => `${date}T${String(h).padStart(2, '0')}:00+08:00,${id},${value(h)}`);
const file = (...rows: string[]) => ['time,customer,load_MW', ...rows].join('\n');

describe('meter files refused with their place', () => {
  it('reads a good hourly day of one customer', () => {
    const r = read(file(...day()));
    expect(r.ok && [r.meters.series.length, r.meters.readings, r.meters.intervalMinutes, r.meters.series[0].mw[23]]).toEqual([1, 24, 60, 4.3]);
  });

  it('names the row and column of a customer the scenario does not have', () => {
    expect(problems(file(...day(), '2024-07-03T05:00+08:00,X99,1'))).toEqual(['m.csv:row 26, column customer: expected a customer of the scenario, found "X99"']);
  });

  it('names both rows of a reading given twice', () => {
    expect(problems(file(...day(), '2024-07-03T05:00+08:00,I1,2.5'))).toEqual(['m.csv:row 26: expected one reading of customer I1 at 2024-07-03T05:00+08:00, found a second one (also row 7)']);
  });

  it('names the hours of a gap', () => {
    const rows = day().filter((_, h) => h < 10 || h > 12);
    expect(problems(file(...rows))).toEqual(['m.csv: customer I1: expected a reading every 60 min from its first (2024-07-03T00:00+08:00) to its last (2024-07-03T23:00+08:00), found none from 2024-07-03T10:00+08:00 to 2024-07-03T12:00+08:00 (3 readings)']);
  });

  it('asks whether kW were read as MW when a reading is beyond three times the customer\'s peak', () => {
    expect(problems(file(...day('I1', (h) => (h === 7 ? '4500' : '4'))))).toEqual(['m.csv:row 9, column load_MW: expected at most 15 MW (three times the peak of customer I1), found 4500 MW — is this kW rather than MW?']);
  });

  it('refuses a load column without its unit, and reads it with --unit', () => {
    const text = ['time,customer,load', ...day('I1', () => '4000')].join('\n');
    expect(problems(text)).toEqual(['m.csv: column load: expected a unit: name the column load_MW or load_kW, or give --unit MW|kW, found a load column without one']);
    const r = read(text, { unit: 'kW' });
    expect(r.ok && r.meters.series[0].mw[0]).toBe(4);
  });

  it('refuses times after the plan and before the 30 days kept for baselines', () => {
    expect(problems(file('2024-07-04T00:00+08:00,I1,2', '2024-05-01T00:00+08:00,I1,2'))).toEqual([
      'm.csv:row 2, column time: expected a time inside the plan or the 30 days before it kept for baselines (2024-06-03T00:00+08:00 to 2024-07-03T23:00+08:00), found 2024-07-04T00:00+08:00',
      'm.csv:row 3, column time: expected a time inside the plan or the 30 days before it kept for baselines (2024-06-03T00:00+08:00 to 2024-07-03T23:00+08:00), found 2024-05-01T00:00+08:00',
    ]);
  });

  it('refuses a time off the 15-minute grid, a cell that is not a number, a negative load and an empty cell', () => {
    expect(problems(file('2024-07-03T18:10+08:00,I1,2', '2024-07-03T18:15+08:00,I1,abc', '2024-07-03T18:30+08:00,I1,-1', '2024-07-03T18:45+08:00,I1,'))).toEqual([
      'm.csv:row 2, column time: expected a time on the 15-minute grid (:00, :15, :30, :45), found 2024-07-03T18:10+08:00',
      'm.csv:row 3, column load_MW: expected a load in MW, found "abc"',
      'm.csv:row 4, column load_MW: expected a load of 0 or more, found -1 MW',
      'm.csv:row 5, column load_MW: expected a reading, found an empty cell',
    ]);
  });

  it('refuses an hour not whole in a 15-minute file', () => {
    const rows = ['00', '15', '30', '45', '00'].map((m, i) => `2024-07-03T${i < 4 ? '10' : '11'}:${m}+08:00,I1,2`);
    expect(problems(file(...rows))).toEqual(['m.csv: customer I1: expected whole hours (4 readings each), found readings from 2024-07-03T10:00+08:00 to 2024-07-03T11:00+08:00']);
  });

  it('says which columns it needed when the header is another export\'s', () => {
    expect(problems('when,who,kw\n2024-07-03T00:00+08:00,I1,3')).toEqual([
      'm.csv: expected one column naming the meter: customer, feeder or area (or the pair of, id), found none (columns: when, who, kw)',
      'm.csv: expected a time column (time), or a day per row with date and P1 … P96, found none (columns: when, who, kw)',
    ]);
    expect(problems('time,customer,feeder,load_MW\n')).toEqual([
      'm.csv: expected one column naming the meter: customer, feeder or area (or the pair of, id), found customer and feeder together (columns: time, customer, feeder, load_MW)',
    ]);
  });

  it('refuses an empty file, and a row with a field too many, by line', () => {
    expect(problems('')).toEqual(['m.csv: the file is empty']);
    expect(problems(file('2024-07-03T00:00+08:00,I1,3,9')).join('\n')).toMatch(/^m\.csv:row 2: /);
  });

  it('escapes control characters in the ids it quotes', () => {
    expect(problems(file('2024-07-03T00:00+08:00,I1\u001b[2J,3'))).toEqual(['m.csv:row 2, column customer: expected a customer of the scenario, found "I1\\u001b[2J"']);
  });

  it('reads a day per row of 96 points (P1 … P96) with the unit given', () => {
    const points = Array.from({ length: 96 }, (_, k) => String(1000 + 40 * Math.floor(k / 4)));
    const text = ['date,customer,' + Array.from({ length: 96 }, (_, k) => `P${k + 1}`).join(','), `2024-07-03,I1,${points.join(',')}`].join('\n');
    expect(problems(text)).toEqual(['m.csv: expected the unit of the points P1 … given with --unit MW|kW (a column of points carries none), found none']);
    const r = read(text, { unit: 'kW' });
    expect(r.ok && [r.meters.intervalMinutes, r.meters.layout, r.meters.series[0].mw[0], r.meters.series[0].mw[23]]).toEqual([15, 'per-day', 1, 1.92]);
  });

  it('reads local times without an offset in the scenario\'s zone', () => {
    const r = read(['time,customer,load_MW', ...Array.from({ length: 24 }, (_, h) => `2024-07-03 ${String(h).padStart(2, '0')}:00,I1,3`)].join('\n'));
    expect(r.ok && r.meters.series[0].first).toBe(30 * 24);
  });
});
