/**
 * GEFCom2012 load track, real files (Hong, Pinson & Fan, IJF 2014), read from the shared data folder;
 * skipped with a message when it is absent. The expected figures are those of the data's README.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  GEFCOM_START_MS,
  fillGefcomBlanks,
  gefcomHourIndex,
  gefcomSystem,
  parseGefcomBenchmark,
  parseGefcomHolidays,
  parseGefcomLoad,
  parseGefcomSolution,
  parseGefcomTemperature,
  parseGefcomTemperatureSolution,
  type GefcomSeriesTable,
  type GefcomSolution,
} from '../../core/history/gefcom2012.ts';
import type { Problem } from '../../core/problems.ts';
import { dataFolder } from '../support/data-dir.ts';

const dir = dataFolder('gefcom2012_load');
const text = (file: string) => readFileSync(join(dir!, file), 'utf8');

function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(JSON.stringify((result as unknown as { problems: Problem[] }).problems.slice(0, 10), null, 1));
  return result as Extract<T, { ok: true }>;
}

const HOUR_MS = 3_600_000;
const DAY_HOURS = 24;

function finite(values: Float64Array): number[] {
  return [...values].filter((v) => !Number.isNaN(v));
}

/** Least, greatest and mean (a loop: spreading 400,000 values into Math.min overflows the stack). */
function summary(values: number[]): { min: number; max: number; mean: number } {
  let min = Infinity, max = -Infinity, sum = 0;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
  }
  return { min, max, mean: sum / values.length };
}

describe.skipIf(!dir)('GEFCom2012 real files', () => {
  let load: GefcomSeriesTable;
  let solution: GefcomSolution;

  beforeAll(() => {
    load = ok(parseGefcomLoad(text('Load_history.csv'))).table;
    solution = ok(parseGefcomSolution(text('Load_solution.csv'))).solution;
  });

  it('reads 20 zones over 1,650 days, 2004-01-01 to 2008-07-07', () => {
    expect(load.series.size).toBe(20);
    expect(load.startMs).toBe(GEFCOM_START_MS);
    expect(load.hours).toBe(1_650 * DAY_HOURS);
    for (const values of load.series.values()) expect(values.length).toBe(load.hours);
    expect(load.series.get(1)![0]).toBe(16.853); // "16,853" kW, h1 of 2004-01-01
  });

  it('holds identical series in zone 3 and zone 7', () => {
    const z3 = load.series.get(3)!, z7 = load.series.get(7)!;
    expect(z3.every((v, i) => Object.is(v, z7[i]))).toBe(true);
  });

  it('finds the eight backcast weeks exactly as the README lists them, and the forecast week', () => {
    expect(load.blanks.map((b) => b.label)).toEqual([
      '2005-03-06..2005-03-12',
      '2005-06-20..2005-06-26',
      '2005-09-10..2005-09-16',
      '2005-12-25..2005-12-31',
      '2006-02-13..2006-02-19',
      '2006-05-25..2006-05-31',
      '2006-08-02..2006-08-08',
      '2006-11-22..2006-11-28',
      // The README's forecast week 2008-07-01..07; the file also leaves 2008-06-30 blank after h6
      // (where the temperature history stops), so the last blank run starts there.
      '2008-06-30 h7..2008-07-07 h24',
    ]);
    for (const b of load.blanks) expect(b.ids).toEqual(Array.from({ length: 20 }, (_, k) => k + 1));
    expect(load.blanks.slice(0, 8).every((b) => b.hours === 7 * DAY_HOURS)).toBe(true);
    expect(load.blanks[8].hours).toBe(18 + 7 * DAY_HOURS);
  });

  it('gives a system load of about 1.65 GW on average with a peak of about 3.28 GW', () => {
    const system = summary(finite(gefcomSystem(load.series)));
    expect(system.mean).toBeGreaterThan(1_640);
    expect(system.mean).toBeLessThan(1_655);
    expect(system.max).toBeCloseTo(3_280.423, 3);
  });

  it('shows the documented zone quirks: zone 4 tiny, zone 9 with two zero hours', () => {
    expect(summary(finite(load.series.get(4)!)).mean).toBeCloseTo(0.499, 3);
    expect(finite(load.series.get(9)!).filter((v) => v === 0)).toHaveLength(2);
  });

  it('reads the solution for 21 zones over 63 days, its zone 21 being the sum of zones 1–20', () => {
    expect(solution.cells).toHaveLength(21 * 63);
    const system = gefcomSystem(solution.series);
    const zone21 = solution.series.get(21)!;
    let compared = 0;
    zone21.forEach((v, i) => {
      if (Number.isNaN(v)) return;
      expect(Math.abs(v - system[i])).toBeLessThan(1e-6);
      compared++;
    });
    expect(compared).toBe(63 * DAY_HOURS);
  });

  it('fills every blank hour from the solution except 2008-06-30 h7..h24, which no file gives', () => {
    const filled = fillGefcomBlanks(load, solution);
    expect(filled.hours).toBe(load.hours);
    const firstLeft = gefcomHourIndex(Date.UTC(2008, 5, 30) / 86_400_000, 7);
    for (const values of filled.series.values()) {
      expect(values.subarray(0, firstLeft).every((v) => !Number.isNaN(v))).toBe(true);
      expect(values.subarray(firstLeft + 18).every((v) => !Number.isNaN(v))).toBe(true); // 2008-07-01 .. 07
    }
    expect(filled.blanks.map((b) => [b.label, b.ids.length])).toEqual([['2008-06-30 h7..2008-06-30 h24', 20]]);
    expect(filled.blanks[0].startMs).toBe(GEFCOM_START_MS + firstLeft * HOUR_MS);
  });

  it('reproduces the README scores of the benchmark against the solution, so every cell sits on its hour', () => {
    const benchmark = ok(parseGefcomBenchmark(text('Load_benchmark.csv'))).solution;
    let weighted = 0, weights = 0;
    const ape = { systemBackcast: [0, 0], zonalBackcast: [0, 0] };
    for (const cell of solution.cells) {
      const first = gefcomHourIndex(cell.day, 1);
      const backcast = cell.date < '2008-07-01';
      for (let h = 0; h < DAY_HOURS; h++) {
        const actual = solution.series.get(cell.zone)![first + h] * 1000; // kW, as Kaggle scored
        const forecast = benchmark.series.get(cell.zone)![first + h] * 1000;
        weighted += cell.weight! * (forecast - actual) ** 2;
        weights += cell.weight!;
        if (backcast && actual !== 0) {
          const bucket = cell.zone === 21 ? ape.systemBackcast : ape.zonalBackcast;
          bucket[0] += Math.abs(forecast - actual) / actual;
          bucket[1]++;
        }
      }
    }
    expect(Math.sqrt(weighted / weights)).toBeCloseTo(100_385, -1);
    expect((100 * ape.systemBackcast[0]) / ape.systemBackcast[1]).toBeCloseTo(4.41, 2);
    expect((100 * ape.zonalBackcast[0]) / ape.zonalBackcast[1]).toBeCloseTo(8.59, 2);
  });

  it('reads 11 temperature stations in a plausible range of °C, ending after 2008-06-30 h6', () => {
    const temperature = ok(parseGefcomTemperature(text('temperature_history.csv'))).table;
    expect(temperature.series.size).toBe(11);
    expect(temperature.hours).toBe(1_643 * DAY_HOURS);
    const all = summary([...temperature.series.values()].flatMap(finite));
    expect(all.min).toBeCloseTo(-17.78, 2); // 0 °F
    expect(all.max).toBe(40); // 104 °F
    expect(all.mean).toBeGreaterThan(10);
    expect(all.mean).toBeLessThan(20);
    expect(temperature.blanks.map((b) => [b.label, b.ids.length])).toEqual([['2008-06-30 h7..2008-06-30 h24', 11]]);

    const rest = ok(parseGefcomTemperatureSolution(text('temperature_solution.csv'))).solution;
    const filled = fillGefcomBlanks(temperature, rest);
    expect(filled.hours).toBe(load.hours);
    expect(filled.blanks).toEqual([]);
  });

  it('reads the 45 listed US federal holidays with their observed dates', () => {
    const holidays = ok(parseGefcomHolidays(text('Holiday_List.csv'))).holidays;
    expect(holidays).toHaveLength(45); // 10 a year, the list stops after Independence Day 2008
    expect(holidays[0]).toMatchObject({ name: "New Year's Day", date: '2004-01-01' });
    expect(holidays.find((h) => h.listedUnder === 2005 && h.name === "New Year's Day")!.date).toBe('2004-12-31');
    expect(holidays.find((h) => h.listedUnder === 2004 && h.name === 'Independence Day')!.date).toBe('2004-07-05');
    expect(holidays.at(-1)).toMatchObject({ name: 'Independence Day', date: '2008-07-04' });
  });
});
