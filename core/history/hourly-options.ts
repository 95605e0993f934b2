/**
 * The options of `readHourlyCsv`, and their check. Options usually come from a form or a saved
 * import profile, so a wrong one is a user's input like any other and gets a problem, not a throw.
 */
import type { Problem } from '../problems.ts';
import { resolveZone, type Zone } from '../time/zone.ts';
import { parseDayPattern, type DayPattern } from './day-columns.ts';
import { INTERVALS, type Interval } from './interval.ts';
import { HISTORY_UNITS, isHistoryUnit, storedUnit, type HistoryUnit } from './units.ts';

export interface HourlyColumn {
  /** The column's name in the CSV header. */
  name: string;
  /** The key of the series in the result. */
  as: string;
  /** The unit the file writes; the result is in MW (loads) or °C (temperatures). */
  unit: HistoryUnit;
}

export { INTERVALS, type Interval } from './interval.ts';

export interface HourlyCsvOptions {
  /** The file's name, used only in messages ("load.csv:row 12, column load"). */
  file: string;
  /** A column holding date and time ("2024-07-01 13:00", "2024-07-01T13:00+08:00"); or use date + hour. */
  time?: string;
  /** A column holding the date ("2024-07-01", "2024/7/1", "20240701"), with `hour`, or with `dayColumns`. */
  date?: string;
  /** A column holding the hour of the day: 0–23, or 1–24 when `hourEnding` (or a time of day, "13:15"). */
  hour?: string;
  /** The zone of wall-clock times without an offset: an IANA name or a fixed offset ("+08:00"). */
  tz: string;
  /**
   * Each stamp marks the end of its interval, as many utilities publish: hour-ending "01:00" … "24:00"
   * for hourly rows, "00:15" … "24:00" for quarter-hours (the first quarter of the day is 00:00–00:15).
   */
  hourEnding?: boolean;
  /**
   * Minutes between rows: 15, 30 or 60. Default: detected from the times (the most common step
   * between consecutive times); rows off that grid are reported by line. Sub-hourly points are
   * aggregated to hours (see hourly-csv.ts).
   */
  interval?: Interval;
  /**
   * Values that are not there — hours no row gives, empty cells: 'error' (default) reports each run
   * as a problem, naming the hours; 'leave' keeps them as NaN and says so in the notes, for uses that
   * can skip unknown hours (a backtest, never a scenario, whose history must be whole).
   */
  missing?: 'error' | 'leave';
  columns: HourlyColumn[];
  /**
   * One row per day (with `date`), the day's points in columns named by a pattern: "T{HH}{MM}"
   * (T0000 … T2345), "{HH}:{MM}" (00:15 … 24:00), "P{N}" (P1 … P96, point N covering the N-th
   * interval of the day). {HH}/{H} is the hour, {MM} the minute, {N} the point's number. The number
   * of matching columns gives the interval (96: 15 min, 48: 30 min, 24: 60 min); a set ending at
   * 24:00 is interval-ending. Read into one series, `as`, in `unit`; `columns` must then be empty
   * (the other columns of such a file hold one value per day: read them as daily temperature).
   */
  dayColumns?: { pattern: string; as: string; unit: HistoryUnit };
}

/** How rows say which hour they are. */
export type TimeSource =
  | { kind: 'time'; column: string }
  | { kind: 'date-hour'; date: string; hour: string }
  | { kind: 'day'; date: string };

export interface CheckedOptions {
  zone: Zone;
  timeSource: TimeSource;
  /** The day columns' pattern, read (with `dayColumns`). */
  dayPattern?: DayPattern;
}

export function checkHourlyOptions(o: HourlyCsvOptions): { ok: true; checked: CheckedOptions } | { ok: false; problems: Problem[] } {
  const path = o.file;
  const problems: Problem[] = [];

  const zone = typeof o.tz === 'string' ? resolveZone(o.tz) : null;
  if (!zone) {
    problems.push({
      path,
      message: `expected a time zone (an IANA name such as America/New_York, or an offset such as +08:00), found ${JSON.stringify(o.tz ?? null)}`,
    });
  }

  let timeSource: TimeSource | null = null;
  let dayPattern: DayPattern | undefined;
  const hasDate = o.date !== undefined, hasHour = o.hour !== undefined;
  if (o.interval !== undefined && !INTERVALS.includes(o.interval)) {
    problems.push({ path, message: `expected an interval of 15, 30 or 60 minutes, found ${JSON.stringify(o.interval)}` });
  }
  if (o.dayColumns !== undefined) {
    if (o.time !== undefined || hasHour || !hasDate) {
      problems.push({ path, message: 'day columns (one row per day) need a date column and no time or hour column' });
    } else {
      timeSource = { kind: 'day', date: o.date! };
    }
    if (Array.isArray(o.columns) && o.columns.length > 0) {
      problems.push({
        path,
        message: `in a file with one row per day, other columns hold one value per day: read ${o.columns.map((c) => `"${c.name}"`).join(', ')} as daily temperature, not as hourly columns`,
      });
    }
    const pattern = parseDayPattern(o.dayColumns.pattern, path);
    if (pattern.ok) dayPattern = pattern.pattern;
    else problems.push(pattern.problem);
    if (!isHistoryUnit(o.dayColumns.unit)) {
      problems.push({ path, message: `expected a unit (${HISTORY_UNITS.join(', ')}) for the columns "${o.dayColumns.pattern}", found ${JSON.stringify(o.dayColumns.unit ?? null)}` });
    }
  } else if (o.time !== undefined && (hasDate || hasHour)) {
    problems.push({ path, message: 'give either a time column or date and hour columns, not both' });
  } else if (o.time !== undefined) {
    timeSource = { kind: 'time', column: o.time };
  } else if (hasDate && hasHour) {
    timeSource = { kind: 'date-hour', date: o.date!, hour: o.hour! };
  } else if (hasDate || hasHour) {
    problems.push({ path, message: `a date column needs an hour column and the reverse; only ${hasDate ? 'date' : 'hour'} is given` });
  } else {
    problems.push({ path, message: 'no time column given: name a time column, or date and hour columns' });
  }

  if (o.dayColumns !== undefined) {
    // Checked above.
  } else if (!Array.isArray(o.columns) || o.columns.length === 0) {
    problems.push({ path, message: 'no value columns requested: name at least one column to read' });
  } else {
    const seen = new Set<string>();
    // Sub-hourly loads add the hour's maximum beside the mean, as "<key>Max".
    const maxima = new Set(o.columns.filter((c) => isHistoryUnit(c.unit) && storedUnit(c.unit) === 'MW').map((c) => `${c.as}Max`));
    for (const c of o.columns) {
      if (maxima.has(c.as)) problems.push({ path, message: `the series "${c.as}" would hold both column "${c.name}" and the hour's maximum of another load column` });
      if (!isHistoryUnit(c.unit)) {
        problems.push({
          path,
          message: `expected a unit (${HISTORY_UNITS.join(', ')}) for column "${c.name}", found ${JSON.stringify(c.unit ?? null)}`,
        });
      }
      if (seen.has(c.as)) problems.push({ path, message: `two columns are read into the same series "${c.as}"` });
      seen.add(c.as);
    }
  }

  if (problems.length > 0 || !zone || !timeSource) return { ok: false, problems };
  return { ok: true, checked: { zone, timeSource, ...(dayPattern ? { dayPattern } : {}) } };
}
