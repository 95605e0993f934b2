import { describe, expect, it } from 'vitest';
import { readCsv } from '../../core/history/csv.ts';

describe('readCsv', () => {
  it('reads a header and rows with their line numbers', () => {
    const csv = readCsv('a,b\n1,2\n3,4\n', 'f.csv');
    expect(csv.problems).toEqual([]);
    expect(csv.header).toEqual(['a', 'b']);
    expect(csv.headerLine).toBe(1);
    expect(csv.rows).toEqual([
      { line: 2, fields: ['1', '2'] },
      { line: 3, fields: ['3', '4'] },
    ]);
  });

  it('reads a quoted field holding commas and doubled quotes', () => {
    const csv = readCsv('name,value\n"Smith, ""Jr.""","16,853"\n', 'f.csv');
    expect(csv.rows[0].fields).toEqual(['Smith, "Jr."', '16,853']);
  });

  it('reads CRLF line ends, a byte-order mark and blank trailing lines', () => {
    const csv = readCsv('\uFEFFa,b\r\n1,2\r\n3,4\r\n\r\n\r\n', 'f.csv');
    expect(csv.problems).toEqual([]);
    expect(csv.header).toEqual(['a', 'b']);
    expect(csv.rows.map((r) => r.fields)).toEqual([['1', '2'], ['3', '4']]);
  });

  it('reads a last row without a line end and a lone CR as a line end', () => {
    expect(readCsv('a,b\n1,2', 'f.csv').rows).toEqual([{ line: 2, fields: ['1', '2'] }]);
    expect(readCsv('a,b\r1,2\r3,4', 'f.csv').rows.map((r) => r.line)).toEqual([2, 3]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(readCsv('a,b,c\n1,,\n', 'f.csv').rows[0].fields).toEqual(['1', '', '']);
  });

  it('counts a line break inside quotes so later rows keep their true line numbers', () => {
    const csv = readCsv('a,b\n"two\nlines",1\n"x",2\n', 'f.csv');
    expect(csv.rows).toEqual([
      { line: 2, fields: ['two\nlines', '1'] },
      { line: 4, fields: ['x', '2'] },
    ]);
  });

  it('skips blank lines in the middle without shifting line numbers', () => {
    const csv = readCsv('a,b\n1,2\n\n3,4\n', 'f.csv');
    expect(csv.rows.map((r) => r.line)).toEqual([2, 4]);
  });

  it('reports a row with too few fields by its line', () => {
    const csv = readCsv('a,b,c\n1,2,3\n4,5\n6,7,8\n', 'load.csv');
    expect(csv.problems).toEqual([{ path: 'load.csv:row 3', message: 'expected 3 fields (as in the header), found 2' }]);
    expect(csv.rows.map((r) => r.line)).toEqual([2, 4]);
  });

  it('reports every row with too many fields, not just the first', () => {
    const csv = readCsv('a,b\n1,2,3\n4,5\n6,7,8,9\n', 'load.csv');
    expect(csv.problems.map((p) => p.path)).toEqual(['load.csv:row 2', 'load.csv:row 4']);
    expect(csv.problems[1].message).toBe('expected 2 fields (as in the header), found 4');
  });

  it('reports a quote that is never closed at the row where it opens', () => {
    const csv = readCsv('a,b\n1,2\n3,"4\n5,6\n', 'load.csv');
    expect(csv.problems).toEqual([
      { path: 'load.csv:row 3', message: 'a quoted field starting in field 2 is never closed (the file ends inside quotes)' },
    ]);
    expect(csv.rows).toHaveLength(1);
  });

  it('reports text after a closing quote', () => {
    const csv = readCsv('a,b\n"1"x,2\n3,4\n', 'load.csv');
    expect(csv.problems).toHaveLength(1);
    expect(csv.problems[0].path).toBe('load.csv:row 2');
    expect(csv.problems[0].message).toMatch(/after the closing quote of field 1, found "x,2/);
    expect(csv.rows.map((r) => r.line)).toEqual([3]);
  });

  it('reports an empty file, also when it holds only a byte-order mark and blank lines', () => {
    for (const text of ['', '\uFEFF', '\n\n', '\r\n  \r\n']) {
      const csv = readCsv(text, 'empty.csv');
      expect(csv.header).toBeNull();
      expect(csv.problems).toEqual([{ path: 'empty.csv', message: 'the file is empty' }]);
    }
  });

  it('reads a 10 MB file in one pass with correct rows', () => {
    const parts = ['time,load,note'];
    const rows = 270_000;
    for (let i = 0; i < rows; i++) parts.push(`2024-01-01 00:00,"${(i % 900) + 100},${String(i % 1000).padStart(3, '0')}","a, ""b"""`);
    const text = parts.join('\r\n');
    expect(text.length).toBeGreaterThan(10_000_000);
    const csv = readCsv(text, 'big.csv');
    expect(csv.problems).toEqual([]);
    expect(csv.rows).toHaveLength(rows);
    expect(csv.rows[rows - 1]).toEqual({ line: rows + 1, fields: ['2024-01-01 00:00', '999,999', 'a, "b"'] });
  });
});
