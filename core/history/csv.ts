/**
 * A small RFC 4180 CSV reader: quoted fields (with commas, line breaks and doubled quotes), CRLF, LF
 * or lone CR line ends, a UTF-8 byte-order mark, blank lines. Rows keep their 1-based line number in
 * the file, so every later complaint can say where to look ("load.csv:row 57" is line 57 in an editor;
 * the header is row 1).
 *
 * Blank lines are skipped wherever they are: a line with nothing on it carries no time and no value,
 * so there is nothing to lose, and spreadsheets often leave a few at the end.
 *
 * Speed: multi-megabyte histories are read in one pass over char codes, fields are taken with slice
 * (never built character by character), and quoted fields jump from quote to quote with indexOf.
 */
import type { Problem } from '../problems.ts';

export interface CsvRow {
  /** Line of the file on which the row starts (1-based; a quoted line break makes a row span lines). */
  line: number;
  fields: string[];
}

export interface CsvContent {
  /** The first non-blank row as written (null for an empty file). */
  header: string[] | null;
  headerLine: number;
  /** Data rows whose field count matches the header; malformed rows are left out and reported. */
  rows: CsvRow[];
  /** Structural problems: empty file, wrong field counts, unclosed or misplaced quotes. */
  problems: Problem[];
}

const QUOTE = 34, COMMA = 44, LF = 10, CR = 13, BOM = 0xfeff;

export function readCsv(text: string, file: string): CsvContent {
  const problems: Problem[] = [];
  const rows: CsvRow[] = [];
  let header: string[] | null = null;
  let headerLine = 0;

  const n = text.length;
  let i = text.charCodeAt(0) === BOM ? 1 : 0;
  let line = 1;

  while (i < n) {
    const rowLine = line;
    const fields: string[] = [];
    let broken: string | null = null; // why this row cannot be trusted, if it cannot
    let endOfFile = false;

    // One field per turn; the loop ends at the end of the row.
    for (;;) {
      let c = text.charCodeAt(i);
      if (c === QUOTE) {
        // Quoted field: jump to each quote; a doubled quote is a literal quote.
        let start = i + 1;
        let pieces: string[] | null = null;
        let close = -1;
        for (;;) {
          const q = text.indexOf('"', start);
          if (q === -1) break;
          if (text.charCodeAt(q + 1) === QUOTE) {
            (pieces ??= []).push(text.slice(start, q + 1));
            start = q + 2;
            continue;
          }
          close = q;
          break;
        }
        if (close === -1) {
          broken = `a quoted field starting in field ${fields.length + 1} is never closed (the file ends inside quotes)`;
          endOfFile = true;
          i = n;
          break;
        }
        const last = text.slice(start, close);
        fields.push(pieces ? pieces.join('') + last : last);
        line += countLineFeeds(text, i + 1, close);
        i = close + 1;
        c = text.charCodeAt(i);
        if (i < n && c !== COMMA && c !== LF && c !== CR) {
          broken ??= `expected a comma or the end of the line after the closing quote of field ${fields.length}, found ${JSON.stringify(text.slice(i, i + 10))}`;
          // Skip to the end of this field so the rest of the row stays aligned.
          while (i < n && (c = text.charCodeAt(i)) !== COMMA && c !== LF && c !== CR) i++;
        }
      } else {
        const start = i;
        while (i < n && (c = text.charCodeAt(i)) !== COMMA && c !== LF && c !== CR) i++;
        fields.push(text.slice(start, i));
      }
      if (i < n && text.charCodeAt(i) === COMMA) {
        i++;
        continue;
      }
      break;
    }

    // End of row: consume CRLF, LF or a lone CR.
    if (!endOfFile && i < n) {
      if (text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF) i += 2;
      else i += 1;
      line++;
    }

    if (fields.length === 1 && fields[0].trim() === '' && broken === null) continue; // blank line
    if (header === null) {
      header = fields;
      headerLine = rowLine;
      if (broken) problems.push({ path: `${file}:row ${rowLine}`, message: broken });
      continue;
    }
    if (broken) {
      problems.push({ path: `${file}:row ${rowLine}`, message: broken });
    } else if (fields.length !== header.length) {
      problems.push({
        path: `${file}:row ${rowLine}`,
        message: `expected ${header.length} fields (as in the header), found ${fields.length}`,
      });
    } else {
      rows.push({ line: rowLine, fields });
    }
  }

  if (header === null) problems.push({ path: file, message: 'the file is empty' });
  return { header, headerLine, rows, problems };
}

function countLineFeeds(text: string, from: number, to: number): number {
  let count = 0;
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === LF) count++;
  return count;
}
