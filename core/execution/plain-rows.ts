/**
 * A meter file's rows found without a string per cell: a province day is 200,000 rows of 99
 * cells, and the general CSV reader (core/history/csv.ts) makes 20 million strings of them before
 * a reading is parsed. Here the rows are only located — where each starts and on which line — and
 * the importer slices the few cells it names (meter, date, time) and parses the readings straight
 * from the text.
 *
 * Only plain files are read so: no quote anywhere, no carriage return, and every non-blank row with
 * as many fields as the header. Anything else returns null and the general reader takes the file
 * whole, with its problems by row — so a file is either read here exactly as the general reader
 * would read it (same header, same rows, same lines, blank lines skipped), or not at all.
 */

const LF = 10, COMMA = 44, BOM = 0xfeff;

export interface PlainRows {
  header: string[];
  /** Data rows: the offset of each row's first character in the text, and its 1-based line. */
  count: number;
  start: Int32Array;
  line: Int32Array;
}

export function plainRows(text: string): PlainRows | null {
  if (text.indexOf('"') >= 0 || text.indexOf('\r') >= 0) return null;
  const n = text.length;
  let i = text.charCodeAt(0) === BOM ? 1 : 0;
  let line = 1, columns = 0, count = 0;
  let header: string[] | null = null;
  let start = new Int32Array(1024), lines = new Int32Array(1024);
  while (i < n) {
    let end = text.indexOf('\n', i);
    if (end < 0) end = n;
    let commas = 0;
    for (let k = i; k < end; k++) if (text.charCodeAt(k) === COMMA) commas++;
    if (commas === 0 && text.slice(i, end).trim() === '') { i = end + 1; line++; continue; } // a blank line
    if (header === null) {
      header = text.slice(i, end).split(',');
      columns = header.length;
      if (columns < 2) return null;
    } else {
      if (commas + 1 !== columns) return null;
      if (count === start.length) {
        const s2 = new Int32Array(2 * count), l2 = new Int32Array(2 * count);
        s2.set(start); l2.set(lines); start = s2; lines = l2;
      }
      start[count] = i; lines[count] = line; count++;
    }
    i = end + 1;
    line++;
  }
  if (header === null) return null;
  return { header, count, start: start.subarray(0, count), line: lines.subarray(0, count) };
}

/** The end (exclusive) of the field starting at `from` in a plain row: the next comma, else the line's end. */
export function fieldEnd(text: string, from: number, last: boolean): number {
  if (!last) return text.indexOf(',', from);
  const e = text.indexOf('\n', from);
  return e < 0 ? text.length : e;
}

export const PLAIN_LF = LF;
export const PLAIN_COMMA = COMMA;
