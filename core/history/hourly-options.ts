/**
 * The options of `readHourlyCsv`, and their check. Options usually come from a form or a saved
 * import profile, so a wrong one is a user's input like any other and gets a problem, not a throw.
 */
import type { Problem } from '../problems.ts';
import { resolveZone, type Zone } from '../time/zone.ts';
import { HISTORY_UNITS, isHistoryUnit, type HistoryUnit } from './units.ts';

export interface HourlyColumn {
  /** The column's name in the CSV header. */
  name: string;
  /** The key of the series in the result. */
  as: string;
  /** The unit the file writes; the result is in MW (loads) or °C (temperatures). */
  unit: HistoryUnit;
}

export interface HourlyCsvOptions {
  /** The file's name, used only in messages ("load.csv:row 12, column load"). */
  file: string;
  /** A column holding date and time ("2024-07-01 13:00", "2024-07-01T13:00+08:00"); or use date + hour. */
  time?: string;
  /** A column holding the date ("2024-07-01"), with `hour`. */
  date?: string;
  /** A column holding the hour of the day: 0–23, or 1–24 when `hourEnding`. */
  hour?: string;
  /** The zone of wall-clock times without an offset: an IANA name or a fixed offset ("+08:00"). */
  tz: string;
  /** Each stamp marks the end of its hour (hour 24 / "24:00" style), as many utilities publish. */
  hourEnding?: boolean;
  /**
   * Hours no row gives: 'error' (default) reports each run as a problem; 'leave' keeps them as NaN
   * and says so in the notes, for uses that can skip unknown hours (a backtest, never a scenario).
   */
  missing?: 'error' | 'leave';
  columns: HourlyColumn[];
}

/** How rows say which hour they are. */
export type TimeSource = { kind: 'time'; column: string } | { kind: 'date-hour'; date: string; hour: string };

export interface CheckedOptions {
  zone: Zone;
  timeSource: TimeSource;
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
  const hasDate = o.date !== undefined, hasHour = o.hour !== undefined;
  if (o.time !== undefined && (hasDate || hasHour)) {
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

  if (!Array.isArray(o.columns) || o.columns.length === 0) {
    problems.push({ path, message: 'no value columns requested: name at least one column to read' });
  } else {
    const seen = new Set<string>();
    for (const c of o.columns) {
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
  return { ok: true, checked: { zone, timeSource } };
}
