/**
 * Files with one row per day and the day's points in columns, as Chinese dispatch and metering
 * systems often export them: 96 quarter-hours named T0000 … T2345 (interval start) or 00:15 …
 * 24:00 (interval end), or numbered P1 … P96. A pattern names the columns: {HH} or {H} is the hour,
 * {MM} the minute, {N} the point's number (1-based); everything else is literal. The matching
 * columns must be the day's points exactly: 96 (15 min), 48 (30 min) or 24 (60 min), evenly spaced.
 */
import type { Problem } from '../problems.ts';
import type { Interval } from './interval.ts';

export interface DayPattern {
  text: string;
  regex: RegExp;
  /** The capture group of each placeholder (0: absent). */
  hour: number;
  minute: number;
  number: number;
}

export interface DayColumn {
  /** Index of the column in the header. */
  index: number;
  name: string;
  /** Start of the point's interval, minutes after local midnight (0 … 1440 − interval). */
  startMinute: number;
}

export interface DayLayout {
  interval: Interval;
  /** True when the column times mark the ends of their intervals (the set runs to 24:00). */
  ending: boolean;
  columns: DayColumn[];
}

const PLACEHOLDER = /\{(HH|H|MM|N)\}/g;

/** Reads a pattern such as "T{HH}{MM}", "{HH}:{MM}" or "P{N}"; a problem when it names no time. */
export function parseDayPattern(text: string, path: string): { ok: true; pattern: DayPattern } | { ok: false; problem: Problem } {
  let source = '^', last = 0, group = 0;
  const at = { hour: 0, minute: 0, number: 0 };
  const bad = (why: string) => ({ ok: false as const, problem: { path, message: `expected a column pattern such as "T{HH}{MM}", "{HH}:{MM}" or "P{N}", found ${JSON.stringify(text)} (${why})` } });
  for (const m of text.matchAll(PLACEHOLDER)) {
    source += escape(text.slice(last, m.index!));
    last = m.index! + m[0].length;
    group++;
    const kind = m[1];
    const slot = kind === 'MM' ? 'minute' : kind === 'N' ? 'number' : 'hour';
    if (at[slot]) return bad(`{${kind}} given twice`);
    at[slot] = group;
    source += kind === 'HH' || kind === 'MM' ? '(\\d{2})' : kind === 'H' ? '(\\d{1,2})' : '(\\d{1,3})';
  }
  source += `${escape(text.slice(last))}$`;
  if (!at.hour && !at.number) return bad('no {HH}, {H} or {N} in it');
  if (at.number && (at.hour || at.minute)) return bad('{N} numbers the points by itself: give it without {HH} or {MM}');
  return { ok: true, pattern: { text, regex: new RegExp(source), hour: at.hour, minute: at.minute, number: at.number } };
}

function escape(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The header's columns that match the pattern, as the day's points; problems when they are not
 * exactly one day of evenly spaced points (which is missing, which is extra).
 */
export function dayLayout(header: readonly string[], pattern: DayPattern, options: { hourEnding: boolean; interval?: Interval; file: string }): { ok: true; layout: DayLayout } | { ok: false; problems: Problem[] } {
  const { file } = options;
  const quoted = JSON.stringify(pattern.text);
  const found: Array<{ index: number; name: string; value: number }> = [];
  header.forEach((raw, index) => {
    const name = raw.trim();
    const m = pattern.regex.exec(name);
    if (!m) return;
    const value = pattern.number ? Number(m[pattern.number]) : Number(m[pattern.hour]) * 60 + (pattern.minute ? Number(m[pattern.minute]) : 0);
    found.push({ index, name, value });
  });
  const fail = (message: string) => ({ ok: false as const, problems: [{ path: file, message }] });
  const listing = (xs: string[]) => (xs.length > 6 ? `${xs.slice(0, 6).join(', ')}, … (${xs.length})` : xs.join(', '));
  const count = found.length;
  if (![24, 48, 96].includes(count)) {
    return fail(`expected 96, 48 or 24 columns matching ${quoted} (a day of quarter-hours, half-hours or hours), found ${count}${count ? `: ${listing(found.map((f) => f.name))}` : ` (columns: ${listing(header.map((h) => h.trim()))})`}`);
  }
  const interval = (1440 / count) as Interval;
  if (options.interval !== undefined && options.interval !== interval) {
    return fail(`expected ${1440 / options.interval} columns matching ${quoted} for the ${options.interval}-minute interval given, found ${count} (a ${interval}-minute day)`);
  }
  const seen = new Map<number, string>();
  for (const f of found) {
    const other = seen.get(f.value);
    if (other !== undefined) return fail(`columns "${other}" and "${f.name}" name the same point of the day`);
    seen.set(f.value, f.name);
  }

  if (pattern.number) {
    const missing = Array.from({ length: count }, (_, k) => k + 1).filter((k) => !seen.has(k));
    if (missing.length) return fail(`expected the points 1 to ${count} in columns matching ${quoted}, found ${listing(found.map((f) => f.name))}: ${listing(missing.map(String))} missing`);
    const columns = found.map((f) => ({ index: f.index, name: f.name, startMinute: (f.value - 1) * interval })).sort((a, b) => a.startMinute - b.startMinute);
    return { ok: true, layout: { interval, ending: false, columns } };
  }

  // Times of day: 00:00 … 24:00 − interval (interval start), or interval … 24:00 (interval end).
  const hasMidnight = seen.has(0), hasEnd = seen.has(1440);
  if (hasMidnight && hasEnd) return fail(`columns matching ${quoted} hold both 00:00 ("${seen.get(0)}") and 24:00 ("${seen.get(1440)}"): a day has one of them`);
  if (hasMidnight && options.hourEnding) {
    return fail(`expected interval-ending columns (${stamp(interval)} … 24:00) as the file is said to be hour-ending, found a 00:00 column ("${seen.get(0)}")`);
  }
  const ending = hasEnd || (!hasMidnight && options.hourEnding);
  const first = ending ? interval : 0;
  const expected = Array.from({ length: count }, (_, k) => first + k * interval);
  const missing = expected.filter((m) => !seen.has(m));
  if (missing.length) {
    const extra = found.filter((f) => !expected.includes(f.value)).map((f) => f.name);
    return fail(
      `expected columns matching ${quoted} every ${interval} minutes from ${stamp(first)} to ${stamp(first + (count - 1) * interval)}, ` +
      `found ${missing.map(stamp).length > 6 ? `${missing.length} of those times missing (first ${stamp(missing[0])})` : `${listing(missing.map(stamp))} missing`}` +
      `${extra.length ? ` and ${listing(extra)} instead` : ''}`,
    );
  }
  const columns = found.map((f) => ({ index: f.index, name: f.name, startMinute: f.value - (ending ? interval : 0) })).sort((a, b) => a.startMinute - b.startMinute);
  return { ok: true, layout: { interval, ending, columns } };
}

/** 75 → "01:15", 1440 → "24:00". */
function stamp(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
