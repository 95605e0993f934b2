import { describe, expect, it } from 'vitest';
import {
  GEFCOM_START_MS,
  fillGefcomBlanks,
  gefcomSystem,
  parseGefcomHolidays,
  parseGefcomLoad,
  parseGefcomSolution,
  parseGefcomTemperature,
  parseGefcomTemperatureSolution,
} from '../../core/history/gefcom2012.ts';
import type { Problem } from '../../core/problems.ts';

const HEADER = (id: string) => `${id},year,month,day,${Array.from({ length: 24 }, (_, k) => `h${k + 1}`).join(',')}`;

/** A day as the files write it: 2004-01-01 plus `offset` days → "2004,1,1". */
function dayCells(offset: number): string {
  const d = new Date(Date.UTC(2004, 0, 1 + offset));
  return `${d.getUTCFullYear()},${d.getUTCMonth() + 1},${d.getUTCDate()}`;
}

interface WideFixture {
  days: number;
  ids?: number;
  idColumn?: string;
  /** The cell text for (id, day offset, hour 1..24); default a quoted kW figure with a separator. */
  cell?: (id: number, day: number, hour: number) => string;
}

/** Wide-format text, rows by id then day like the real files: row of (id, day) is on line 2 + (id − 1) · days + day. */
function wideText({ days, ids = 20, idColumn = 'zone_id', cell = (id, d, h) => `"${id},${String(d * 24 + h).padStart(3, '0')}"` }: WideFixture): string {
  const rows = [HEADER(idColumn)];
  for (let id = 1; id <= ids; id++) {
    for (let d = 0; d < days; d++) {
      const hours = Array.from({ length: 24 }, (_, k) => cell(id, d, k + 1));
      rows.push(`${id},${dayCells(d)},${hours.join(',')}`);
    }
  }
  return rows.join('\r\n') + '\r\n';
}

const lineOf = (id: number, day: number, days: number) => 2 + (id - 1) * days + day;

function problemsOf(result: { ok: true } | { ok: false; problems: Problem[] }): Problem[] {
  if (result.ok) throw new Error('expected problems, got a result');
  return result.problems;
}

function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`expected a result, got problems:\n${JSON.stringify((result as unknown as { problems: Problem[] }).problems, null, 1)}`);
  return result as Extract<T, { ok: true }>;
}

describe('parseGefcomLoad on small files', () => {
  it('reads 20 zones from kW with thousands separators into MW on the 2004-01-01T00:00-05:00 axis', () => {
    const { table } = ok(parseGefcomLoad(wideText({ days: 2 })));
    expect(table.startMs).toBe(Date.UTC(2004, 0, 1, 5));
    expect(table.startMs).toBe(GEFCOM_START_MS);
    expect(table.offset).toBe('-05:00');
    expect(table.unit).toBe('MW');
    expect(table.hours).toBe(48);
    expect([...table.series.keys()]).toEqual(Array.from({ length: 20 }, (_, k) => k + 1));
    const zone3 = table.series.get(3)!;
    expect(zone3[0]).toBe(3.001); // h1 of 2004-01-01: "3,001" kW
    expect(zone3[47]).toBe(3.048); // h24 of 2004-01-02
    expect(table.blanks).toEqual([]);
    expect(table.notes).toContain('kW converted to MW');
  });

  it('keeps blank cells as NaN and lists them as spans, not problems', () => {
    const days = 3;
    const blank = (id: number, d: number, h: number) => d === 1 || (d === 2 && h >= 7) || (id === 4 && d === 0 && h === 5);
    const { table } = ok(parseGefcomLoad(wideText({ days, cell: (id, d, h) => (blank(id, d, h) ? '' : '"1,000"') })));
    expect(table.series.get(1)![24]).toBeNaN();
    expect(table.series.get(1)![23]).toBe(1);
    expect(table.blanks.map((b) => ({ label: b.label, hours: b.hours, ids: b.ids.length }))).toEqual([
      { label: '2004-01-01 h5..2004-01-01 h5', hours: 1, ids: 1 },
      { label: '2004-01-02..2004-01-02', hours: 24, ids: 20 },
      { label: '2004-01-03 h7..2004-01-03 h24', hours: 18, ids: 20 },
    ]);
    expect(table.blanks[0].ids).toEqual([4]);
    expect(table.blanks[1].startMs).toBe(GEFCOM_START_MS + 24 * 3_600_000);
  });

  it('sums zones 1 to 20 into the system load, NaN where any zone is blank', () => {
    const { table } = ok(parseGefcomLoad(wideText({ days: 1, cell: (id, _d, h) => (id === 7 && h === 2 ? '' : String(id * 1000)) })));
    const system = gefcomSystem(table.series);
    expect(system[0]).toBe(210); // (1 + … + 20) MW
    expect(system[1]).toBeNaN();
  });

  it('refuses to build a system load from an incomplete set of zones', () => {
    const zones = new Map([[1, new Float64Array(24)]]);
    expect(() => gefcomSystem(zones)).toThrow('gefcomSystem: zone 2 is missing or of another length');
  });
});

describe('parseGefcomLoad on malformed files', () => {
  it('reports a header without the 24 hour columns and lists what it has', () => {
    const text = 'zone_id,year,month,day,h1,h2\n1,2004,1,1,1,2\n';
    expect(problemsOf(parseGefcomLoad(text))).toContainEqual({
      path: 'Load_history.csv',
      message: 'no column "h3" in the header (columns: zone_id, year, month, day, h1, h2)',
    });
  });

  it('reports a zone number outside 1 to 20', () => {
    const text = wideText({ days: 1 }).replace('\r\n20,2004', '\r\n21,2004');
    expect(problemsOf(parseGefcomLoad(text))).toEqual([
      { path: 'Load_history.csv:row 21, column zone_id', message: 'expected a zone number from 1 to 20, found "21"' },
      { path: 'Load_history.csv', message: 'zone 20 has no rows' },
    ]);
  });

  it('reports an unreadable load cell by row and hour column, with a hint for a decimal comma', () => {
    const text = wideText({ days: 2, cell: (id, d, h) => (id === 2 && d === 1 && h === 5 ? '"16,85"' : '1') });
    const [p] = problemsOf(parseGefcomLoad(text));
    expect(p.path).toBe(`Load_history.csv:row ${lineOf(2, 1, 2)}, column h5`);
    expect(p.message).toMatch(/^expected a number or a blank, found "16,85" \(a comma is read only as a thousands separator/);
  });

  it('reports a day given twice for one zone', () => {
    const days = 2;
    const text = wideText({ days }).replace('\r\n3,2004,1,2,', '\r\n3,2004,1,1,');
    expect(problemsOf(parseGefcomLoad(text))).toEqual([
      { path: `Load_history.csv:row ${lineOf(3, 1, days)}`, message: 'zone 3 on 2004-01-01 already given at row 6' },
      { path: 'Load_history.csv', message: 'zone 3: day 2004-01-02 missing' },
    ]);
  });

  it('collapses a run of missing days into one problem per zone', () => {
    const text = wideText({ days: 4 }).split('\r\n').filter((row) => !/^5,2004,1,[23],/.test(row)).join('\r\n');
    expect(problemsOf(parseGefcomLoad(text))).toEqual([
      { path: 'Load_history.csv', message: 'zone 5: days 2004-01-02 to 2004-01-03 missing (2 days)' },
    ]);
  });

  it('reports a date that does not exist and a year outside the competition', () => {
    const text = wideText({ days: 1 }).replace('\r\n1,2004,1,1,', '\r\n1,2004,2,30,').replace('\r\n2,2004,1,1,', '\r\n2,2080,1,1,');
    const problems = problemsOf(parseGefcomLoad(text));
    expect(problems.slice(0, 2)).toEqual([
      { path: 'Load_history.csv:row 2, column day', message: 'expected a day of 2004-02 from 1 to 29, found "30"' },
      { path: 'Load_history.csv:row 3, column year', message: 'expected a year from 2004 to 2008 (the GEFCom2012 span), found "2080"' },
    ]);
  });

  it('reports an empty file and a file with only a header', () => {
    expect(problemsOf(parseGefcomLoad(''))).toEqual([{ path: 'Load_history.csv', message: 'the file is empty' }]);
    expect(problemsOf(parseGefcomLoad(HEADER('zone_id')))).toEqual([{ path: 'Load_history.csv', message: 'the file has a header but no data rows' }]);
  });

  it('reports a row cut short by its line', () => {
    const text = wideText({ days: 1, cell: () => '1' }).replace('\r\n7,2004,1,1,1,', '\r\n7,2004,1,1,');
    expect(problemsOf(parseGefcomLoad(text))).toEqual([
      { path: 'Load_history.csv:row 8', message: 'expected 28 fields (as in the header), found 27' },
      { path: 'Load_history.csv', message: 'zone 7 has no rows' },
    ]);
  });
});

describe('parseGefcomTemperature', () => {
  it('reads 11 stations from °F into °C', () => {
    const { table } = ok(parseGefcomTemperature(wideText({ days: 1, ids: 11, idColumn: 'station_id', cell: (id) => String(32 + id * 9) })));
    expect(table.unit).toBe('°C');
    expect(table.series.size).toBe(11);
    expect(table.series.get(1)![0]).toBe(5);
    expect(table.series.get(10)![23]).toBe(50);
  });

  it('reports a temperature below absolute zero', () => {
    const text = wideText({ days: 1, ids: 11, idColumn: 'station_id', cell: (id, _d, h) => (id === 2 && h === 3 ? '-500' : '40') });
    expect(problemsOf(parseGefcomTemperature(text))).toEqual([
      { path: 'temperature_history.csv:row 3, column h3', message: 'expected a temperature above absolute zero, found -500 °F' },
    ]);
  });

  it('fills the end of the history from the temperature solution, extending the axis', () => {
    const history = wideText({ days: 1, ids: 11, idColumn: 'station_id', cell: (_id, _d, h) => (h > 22 ? '' : '50') });
    const rows = ['station_id,datetime,date,year,month,day,hour,T0_p1'];
    for (let s = 1; s <= 11; s++) for (const h of [23, 24, 1, 2]) rows.push(`${s},x,x,2004,1,${h > 2 ? 1 : 2},${h},68`);
    const { table } = ok(parseGefcomTemperature(history));
    const { solution } = ok(parseGefcomTemperatureSolution(rows.join('\n')));
    const filled = fillGefcomBlanks(table, solution);
    expect(filled.hours).toBe(48);
    expect([...filled.series.get(11)!.subarray(21, 26)]).toEqual([10, 20, 20, 20, 20]);
    expect(filled.blanks.map((b) => b.label)).toEqual(['2004-01-02 h3..2004-01-02 h24']);
    expect(table.series.get(11)![22]).toBeNaN(); // the input is not changed
  });

  it('reports an hour outside 1 to 24 in the temperature solution', () => {
    const text = 'station_id,datetime,date,year,month,day,hour,T0_p1\n1,x,x,2008,6,30,25,70\n';
    expect(problemsOf(parseGefcomTemperatureSolution(text))).toEqual([
      { path: 'temperature_solution.csv:row 2, column hour', message: 'expected an hour from 1 to 24 (hour-ending), found "25"' },
    ]);
  });
});

describe('parseGefcomSolution and filling the blanks', () => {
  const solutionText = (weight: (zone: number) => string) => {
    const rows = [`id,${HEADER('zone_id')},weight`];
    for (let z = 1; z <= 21; z++) rows.push(`${z},${z},${dayCells(1)},${Array(24).fill(z === 21 ? 210_000 : z * 1000).join(',')},${weight(z)}`);
    return rows.join('\r\n');
  };

  it('reads zones 1 to 21 with their weights and fills the blank day of the history', () => {
    const { solution } = ok(parseGefcomSolution(solutionText((z) => (z === 21 ? '20' : '1'))));
    expect(solution.cells).toHaveLength(21);
    expect(solution.cells[20]).toEqual({ id: 21, zone: 21, date: '2004-01-02', day: Date.UTC(2004, 0, 2) / 86_400_000, weight: 20 });
    expect(solution.series.get(21)![24]).toBe(210);
    expect(solution.series.get(21)![0]).toBeNaN();

    const { table } = ok(parseGefcomLoad(wideText({ days: 3, cell: (_id, d) => (d === 1 ? '' : '500') })));
    expect(table.blanks.map((b) => b.label)).toEqual(['2004-01-02..2004-01-02']);
    const filled = fillGefcomBlanks(table, solution);
    expect(filled.blanks).toEqual([]);
    expect(filled.series.get(4)![30]).toBe(4);
    expect(gefcomSystem(filled.series)[30]).toBe(solution.series.get(21)![30]);
    expect(filled.notes.at(-1)).toBe('480 blank values filled from the solution; none left');
  });

  it('reports a weight that is not a number', () => {
    expect(problemsOf(parseGefcomSolution(solutionText((z) => (z === 9 ? 'heavy' : '1'))))).toEqual([
      { path: 'Load_solution.csv:row 10, column weight', message: 'expected a number, found "heavy"' },
    ]);
  });
});

describe('parseGefcomHolidays', () => {
  const header = ',2004,2005';

  it('reads dates in words, including an observed date in the year before, and skips blank cells', () => {
    const text = [header, 'New Year\'s Day,"Thursday, January 1","Friday, December 31, 2004"', 'Labor Day,"Monday, September 6",'].join('\r\n');
    const { holidays } = ok(parseGefcomHolidays(text));
    expect(holidays.map((h) => [h.name, h.date, h.listedUnder])).toEqual([
      ["New Year's Day", '2004-01-01', 2004],
      ['Labor Day', '2004-09-06', 2004],
      ["New Year's Day", '2004-12-31', 2005],
    ]);
  });

  it('reports a weekday that does not match the date', () => {
    expect(problemsOf(parseGefcomHolidays([header, 'New Year\'s Day,"Friday, January 1",'].join('\n')))).toEqual([
      { path: 'Holiday_List.csv:row 2, column 2004', message: 'expected the weekday of the date, found "Friday, January 1": 2004-01-01 is a Thursday' },
    ]);
  });

  it('reports a date it cannot read and a column heading that is not a year', () => {
    const problems = problemsOf(parseGefcomHolidays([',2004,next', 'Christmas,"25 Dec",x'].join('\n')));
    expect(problems).toEqual([
      { path: 'Holiday_List.csv:row 1', message: 'expected a year as the heading of column 3, found "next"' },
      { path: 'Holiday_List.csv:row 2, column 2004', message: 'expected a date like "Thursday, January 1", found "25 Dec"' },
    ]);
  });
});
