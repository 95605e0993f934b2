/**
 * Time zones: IANA names ("Asia/Shanghai", "America/New_York") through the platform's Intl data,
 * or fixed offsets ("UTC", "+08:00", "UTC-05:00"). Pure: Intl is computation, not I/O, and is
 * present in Node and every browser Orderly supports.
 */
import { DAY_MS, HOUR_MS, daysInMonth, formatOffset, formatTimestamp, parseOffset } from './timestamp.ts';

export interface Zone {
  /** As written by the user, e.g. "Asia/Shanghai" or "+08:00". */
  readonly name: string;
  /** Offset in minutes east of UTC in force at the instant. */
  offsetAt(ms: number): number;
}

const FIXED = /^(?:UTC|GMT)?([+-]\d{2}(?::?\d{2})?)$/;

const zoneCache = new Map<string, Zone | null>();

/** Resolves a zone name; null when it is neither a known IANA zone nor a fixed offset. */
export function resolveZone(name: string): Zone | null {
  if (zoneCache.has(name)) return zoneCache.get(name)!;
  const zone = makeZone(name);
  zoneCache.set(name, zone);
  return zone;
}

function makeZone(name: string): Zone | null {
  if (name === 'UTC' || name === 'Z' || name === 'GMT') return fixedZone(name, 0);
  const fixed = FIXED.exec(name);
  if (fixed) {
    const off = parseOffset(fixed[1]);
    return off === null ? null : fixedZone(name, off);
  }
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', { timeZone: name, timeZoneName: 'longOffset' });
  } catch {
    return null;
  }
  // Offsets change at most a few times a year, and asking Intl costs ~10–25 µs: a decade of hourly
  // history asked hour by hour spent seconds in it. So a UTC day whose start and the next day's
  // start have the same offset is taken to have it throughout (no zone changes its offset and back
  // within 24 hours), and only a day whose offset changes is asked hour by hour. The last day found
  // answers the next call without a lookup (hours are mostly asked in order).
  const at = (ms: number): number => {
    const part = format.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName');
    return part ? parseGmtOffset(part.value) : 0;
  };
  const exact = (bucket: number): number => at(bucket * HOUR_MS);
  const byDay = new Map<number, number>(); // NaN: the offset changes that day
  const byHour = new Map<number, number>();
  let from = 1, until = 0, current = 0; // hour buckets [from, until) known to have offset `current`
  return {
    name,
    offsetAt(ms: number): number {
      const bucket = Math.floor(ms / HOUR_MS);
      if (bucket >= from && bucket < until) return current;
      const day = Math.floor(bucket / 24);
      let off = byDay.get(day);
      if (off === undefined) {
        const start = exact(day * 24);
        off = start === exact(day * 24 + 24) ? start : NaN;
        if (byDay.size > 100_000) byDay.clear();
        byDay.set(day, off);
      }
      if (!Number.isNaN(off)) {
        from = day * 24; until = from + 24; current = off;
        return off;
      }
      // In a day whose offset changes: by the hour, and in the hour it changes (at :30, say) by the instant.
      let hour = byHour.get(bucket);
      if (hour === undefined) {
        const start = exact(bucket);
        hour = start === exact(bucket + 1) ? start : NaN;
        if (byHour.size > 100_000) byHour.clear();
        byHour.set(bucket, hour);
      }
      return Number.isNaN(hour) ? at(ms) : hour;
    },
  };
}

function fixedZone(name: string, offset: number): Zone {
  return { name, offsetAt: () => offset };
}

/** "GMT+08:00" → 480, "GMT" → 0, "GMT-04:30" → -270. */
function parseGmtOffset(text: string): number {
  if (text === 'GMT' || text === 'UTC') return 0;
  const off = parseOffset(text.replace(/^(GMT|UTC)/, ''));
  return off ?? 0;
}

/** Formats an instant in a zone: "2024-07-01T02:00+08:00". */
export function formatInZone(ms: number, zone: Zone): string {
  return formatTimestamp(ms, zone.offsetAt(ms));
}

export interface LocalTime {
  year: number;
  month: number; // 1..12
  day: number;
  hour: number;
  minute: number;
}

/** Local wall-clock fields of an instant in a zone. */
export function localTime(ms: number, zone: Zone): LocalTime {
  const d = new Date(ms + zone.offsetAt(ms) * 60_000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  };
}

export type LocalResolution =
  | { kind: 'unique'; ms: number }
  /** Clocks jumped over this wall time (spring forward): it never happened. */
  | { kind: 'nonexistent'; before: string; after: string }
  /** Clocks went back over this wall time (fall back): it happened twice. */
  | { kind: 'ambiguous'; earlier: number; later: number };

/** Finds the instant(s) at which a zone's clocks showed a wall time. */
export function resolveLocal(t: LocalTime, zone: Zone): LocalResolution {
  const naive = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute);
  const offsets = new Set<number>([
    zone.offsetAt(naive - DAY_MS),
    zone.offsetAt(naive),
    zone.offsetAt(naive + DAY_MS),
  ]);
  const hits: number[] = [];
  for (const off of offsets) {
    const ms = naive - off * 60_000;
    if (zone.offsetAt(ms) === off) hits.push(ms);
  }
  hits.sort((a, b) => a - b);
  if (hits.length === 1) return { kind: 'unique', ms: hits[0] };
  if (hits.length >= 2) return { kind: 'ambiguous', earlier: hits[0], later: hits[hits.length - 1] };
  const early = zone.offsetAt(naive - DAY_MS);
  const late = zone.offsetAt(naive + DAY_MS);
  return { kind: 'nonexistent', before: formatOffset(early), after: formatOffset(late) };
}

/** True when the wall-clock fields name a real calendar date and time. */
export function isRealLocalTime(t: LocalTime): boolean {
  return (
    t.month >= 1 && t.month <= 12 && t.day >= 1 && t.day <= daysInMonth(t.year, t.month) &&
    t.hour >= 0 && t.hour <= 23 && t.minute >= 0 && t.minute <= 59
  );
}
