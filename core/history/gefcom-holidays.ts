/**
 * `Holiday_List.csv`: US federal holidays as the utility observed them, one row per holiday and one
 * column per year, each cell a date in words ("Thursday, January 1"). A cell may name another year
 * ("Friday, December 31, 2004" under 2005: New Year's Day 2005 fell on a Saturday and was observed
 * the day before). The weekday is checked against the date, since a wrong one means a mistyped date.
 * Blank cells are holidays the list does not give (it stops in mid-2008), not errors.
 */
import type { Problem } from '../problems.ts';
import { DAY_MS, daysInMonth, formatDate, isoWeekday } from '../time/timestamp.ts';
import { readCsv } from './csv.ts';

export interface GefcomHoliday {
  name: string;
  /** "2004-01-01". */
  date: string;
  /** Day number (days since 1970-01-01). */
  day: number;
  /** The year column the holiday is listed under (2005 for New Year's Day observed 2004-12-31). */
  listedUnder: number;
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DATE_IN_WORDS = /^\s*([A-Za-z]+),\s*([A-Za-z]+)\s+(\d{1,2})(?:,\s*(\d{4}))?\s*$/;

export function readGefcomHolidays(text: string, file: string): { ok: true; holidays: GefcomHoliday[] } | { ok: false; problems: Problem[] } {
  const csv = readCsv(text, file);
  if (csv.header === null) return { ok: false, problems: csv.problems };
  const problems: Problem[] = [...csv.problems];
  if (csv.rows.length === 0 && csv.problems.length === 0) problems.push({ path: file, message: 'the file has a header but no data rows' });

  // Header: a first cell (the name column, unnamed in the original), then one year per column.
  const years = csv.header.map((h, k) => {
    if (k === 0) return 0;
    const y = h.trim();
    if (/^\d{4}$/.test(y)) return +y;
    problems.push({ path: `${file}:row ${csv.headerLine}`, message: `expected a year as the heading of column ${k + 1}, found ${JSON.stringify(h)}` });
    return 0;
  });

  const holidays: GefcomHoliday[] = [];
  for (const { fields, line } of csv.rows) {
    const name = fields[0].trim();
    if (name === '') problems.push({ path: `${file}:row ${line}, column 1`, message: 'expected the name of a holiday, found an empty cell' });
    for (let k = 1; k < fields.length; k++) {
      const cell = fields[k];
      if (cell.trim() === '' || years[k] === 0) continue;
      const path = `${file}:row ${line}, column ${years[k]}`;
      const read = readDateInWords(cell, years[k]);
      if (typeof read === 'string') {
        problems.push({ path, message: read });
        continue;
      }
      holidays.push({ name, date: formatDate(read), day: read, listedUnder: years[k] });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  holidays.sort((a, b) => a.day - b.day);
  return { ok: true, holidays };
}

/** "Thursday, January 1" (in `year`) or "Friday, December 31, 2004" → day number, or why not. */
function readDateInWords(cell: string, year: number): number | string {
  const found = JSON.stringify(cell);
  const m = DATE_IN_WORDS.exec(cell);
  const month = m ? MONTHS.indexOf(m[2]) + 1 : 0;
  const weekday = m ? WEEKDAYS.indexOf(m[1]) + 1 : 0;
  if (!m || month === 0 || weekday === 0) return `expected a date like "Thursday, January 1", found ${found}`;
  const y = m[4] ? +m[4] : year;
  // An observed holiday moves by a day or two at most, so it can only fall in a neighbouring year.
  if (Math.abs(y - year) > 1) return `expected a date in or next to ${year}, found ${found}`;
  const d = +m[3];
  if (d < 1 || d > daysInMonth(y, month)) return `expected a real date, found ${found} (${m[2]} ${y} has ${daysInMonth(y, month)} days)`;
  const day = Date.UTC(y, month - 1, d) / DAY_MS;
  const actual = WEEKDAYS[isoWeekday(day) - 1];
  if (actual !== m[1]) return `expected the weekday of the date, found ${found}: ${formatDate(day)} is a ${actual}`;
  return day;
}
