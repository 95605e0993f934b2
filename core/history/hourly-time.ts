/**
 * Reading which instant a row of a history stands for: its time cell (or date and hour cells) and
 * the zone's clock changes. Kept apart from the value columns so that each rule about time reads on
 * its own.
 *
 * Conventions:
 * - The instant returned is the stamp's. Whether the stamp starts or ends its interval, and how
 *   long the interval is (15, 30 or 60 minutes), is applied by the caller once the interval is known
 *   (with `hourEnding`, "01:00" holds 00:00–01:00 in hourly data, "00:15" holds 00:00–00:15 in
 *   quarter-hourly data; "24:00" ends the day's last interval).
 * - A time that carries an offset is taken as written; one without is read in the file's zone.
 * - A wall time that clocks skipped (spring forward) is a problem. A wall time that occurred twice
 *   (fall back) is taken in file order: the first row is the earlier instant, the second the later.
 */
import type { Problem } from '../problems.ts';
import type { Zone } from '../time/zone.ts';
import { formatWallClock, normaliseMidnight, parseDateCell, parseHourCell, parseTimeCell, type WallClock } from './time-cell.ts';
import type { TimeSource } from './hourly-options.ts';
import { wallClockResolver } from './wall-clock-resolver.ts';

/** A row's stamp, with its wall-clock minute and second (for the interval's grid). */
export type RowTime = { ok: true; ms: number; minute: number; second: number } | { ok: false; problem: Problem };

/** A fall-back wall time and the rows that gave it. */
export interface FallBackHour {
  wall: string;
  /** The stamp instants of the first and second occurrence. */
  earlierMs: number;
  laterMs: number;
  lines: number[];
}

export interface RowTimeReader {
  read(fields: readonly string[], line: number): RowTime;
  /** Fall-back wall times met so far, by the earlier instant. */
  readonly fallBacks: Map<number, FallBackHour>;
  /** Rows whose written offset differs from the zone's offset at that instant. */
  readonly foreignOffsets: { count: number; firstLine: number; firstOffset: string };
}

const EXAMPLE_TIME = 'a time like "2024-07-01 13:00" or "2024-07-01T13:00+08:00"';

export function rowTimeReader(
  source: Exclude<TimeSource, { kind: 'day' }>,
  columnIndex: ReadonlyMap<string, number>,
  zone: Zone,
  hourEnding: boolean,
  file: string,
): RowTimeReader {
  const resolve = wallClockResolver(zone);
  const fallBacks = new Map<number, FallBackHour>();
  const foreignOffsets = { count: 0, firstLine: 0, firstOffset: '' };
  const at = (line: number, column?: string): string =>
    column === undefined ? `${file}:row ${line}` : `${file}:row ${line}, column ${column}`;
  const fail = (path: string, message: string): RowTime => ({ ok: false, problem: { path, message } });

  /** Reads the cells into a wall time (and a written offset), or says what is wrong with them. */
  function readWall(fields: readonly string[], line: number): { wall: WallClock; offset: string | null; offsetMinutes: number | null } | RowTime {
    if (source.kind === 'time') {
      const text = fields[columnIndex.get(source.column)!];
      const cell = parseTimeCell(text);
      const path = at(line, source.column);
      if (!cell.ok) return fail(path, `expected ${EXAMPLE_TIME}, found ${JSON.stringify(text)}${cell.why ? ` (${cell.why})` : ''}`);
      const w = cell.wall;
      if (w.hour === 24 && !hourEnding) {
        return fail(path, `expected an hour from 00:00 to 23:00, found ${JSON.stringify(text)} (24:00 is read only in hour-ending data)`);
      }
      return { wall: w, offset: cell.offsetText, offsetMinutes: cell.offsetMinutes };
    }
    const dateText = fields[columnIndex.get(source.date)!];
    const hourText = fields[columnIndex.get(source.hour)!];
    const date = parseDateCell(dateText);
    const hour = parseHourCell(hourText);
    const range = hourEnding ? 'from 1 to 24 (hour-ending)' : 'from 0 to 23';
    if (!date.ok) {
      return fail(at(line, source.date), `expected a date like "2024-07-01", found ${JSON.stringify(dateText)}${date.why ? ` (${date.why})` : ''}`);
    }
    if (!hour) return fail(at(line, source.hour), `expected an hour ${range}, found ${JSON.stringify(hourText)}`);
    // Minutes of the day: 0 … 23:59 for interval-start stamps, after 0 up to 24:00 for interval-ending ones.
    const minutes = hour.hour * 60 + hour.minute + hour.second / 60;
    if (hourEnding ? minutes <= 0 || minutes > 1440 : minutes >= 1440 || hour.minute > 59 || hour.second > 59) {
      const what = hourText.includes(':') ? `a time of day ${hourEnding ? 'after 00:00, up to 24:00 (interval-ending)' : 'from 00:00 to 23:59'}` : `an hour ${range}`;
      return fail(at(line, source.hour), `expected ${what}, found ${JSON.stringify(hourText)}`);
    }
    return { wall: { ...date.date, hour: hour.hour, minute: hour.minute, second: hour.second }, offset: null, offsetMinutes: null };
  }

  function read(fields: readonly string[], line: number): RowTime {
    const got = readWall(fields, line);
    if ('ok' in got) return got;
    const { wall, offset, offsetMinutes } = got;
    const w = normaliseMidnight(wall);

    const minute = wall.minute, second = wall.second;
    if (offsetMinutes !== null) {
      const ms = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) - offsetMinutes * 60_000;
      if (zone.offsetAt(ms) !== offsetMinutes && foreignOffsets.count++ === 0) {
        foreignOffsets.firstLine = line;
        foreignOffsets.firstOffset = offset!;
      }
      return { ok: true, ms, minute, second };
    }

    const r = resolve(w);
    if (r.kind === 'unique') return { ok: true, ms: r.ms, minute, second };
    if (r.kind === 'nonexistent') {
      return fail(at(line), `${formatWallClock(wall)} does not exist in ${zone.name}: clocks jump from ${r.before} to ${r.after}`);
    }
    // Fall back: first row seen is the earlier hour, the next the later; a third is a duplicate of
    // the later one and is reported as such by the caller.
    const key = r.earlier;
    let seen = fallBacks.get(key);
    if (!seen) {
      seen = { wall: formatWallClock(wall), earlierMs: key, laterMs: r.later, lines: [] };
      fallBacks.set(key, seen);
    }
    seen.lines.push(line);
    return { ok: true, ms: seen.lines.length === 1 ? seen.earlierMs : seen.laterMs, minute, second };
  }

  return { read, fallBacks, foreignOffsets };
}
