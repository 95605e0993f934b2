/**
 * The common hourly axis of every GEFCom2012 series (Hong, Pinson & Fan, IJF 2014).
 *
 * GEFCom2012 gives 24 hour-ending values per day (h1 = 00:00–01:00) in the utility's local time,
 * and every day has exactly 24 of them: DST is not represented (no 23-hour spring day, no 25-hour
 * autumn day). The zone is not published either (a US utility). So the axis is a fixed offset of
 * -05:00, which makes the local hour of day and the calendar day of every value exactly those of the
 * file; the price is that summer instants are an hour off the true UTC instants if the utility kept
 * daylight time. No DST repair is attempted: it would invent or drop hours the data does not have.
 */
import { DAY_MS, formatDate } from '../time/timestamp.ts';

export const GEFCOM_OFFSET = '-05:00';
export const GEFCOM_OFFSET_MINUTES = -300;

/** Day number (days since 1970-01-01) of 2004-01-01, the first day of the GEFCom2012 history. */
export const GEFCOM_FIRST_DAY = Date.UTC(2004, 0, 1) / DAY_MS;

/** Start of hour 0 of the axis: 2004-01-01T00:00-05:00. */
export const GEFCOM_START_MS = GEFCOM_FIRST_DAY * DAY_MS - GEFCOM_OFFSET_MINUTES * 60_000;

/** The years the competition's files span. */
export const GEFCOM_FIRST_YEAR = 2004;
export const GEFCOM_LAST_YEAR = 2008;

/** Axis index of hour-ending hour h (1..24) of a day (day number). */
export function gefcomHourIndex(day: number, hourEnding: number): number {
  return (day - GEFCOM_FIRST_DAY) * 24 + hourEnding - 1;
}

/** The date ("2005-03-06") of an axis index. */
export function gefcomDateOf(index: number): string {
  return formatDate(GEFCOM_FIRST_DAY + Math.floor(index / 24));
}

/**
 * A span of the axis in the files' own terms: whole days as "2005-03-06..2005-03-12", otherwise
 * with GEFCom hour numbers, "2008-06-30 h7..2008-07-07 h24".
 */
export function gefcomSpanLabel(startIndex: number, hours: number): string {
  const endIndex = startIndex + hours - 1;
  if (startIndex % 24 === 0 && hours % 24 === 0) {
    return `${gefcomDateOf(startIndex)}..${gefcomDateOf(endIndex)}`;
  }
  return `${gefcomDateOf(startIndex)} h${(startIndex % 24) + 1}..${gefcomDateOf(endIndex)} h${(endIndex % 24) + 1}`;
}
