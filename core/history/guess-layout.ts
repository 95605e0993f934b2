/**
 * A first guess at how a dropped history CSV is laid out, from its header alone, for the page's
 * form to show (the user confirms or changes every field; nothing is read on a guess): one time
 * column, a date and an hour column, or one row per day with the day's 24, 48 or 96 points in
 * columns (the layout Chinese metering exports use: T0015 … T2400, P1 … P96, 00:15 … 24:00); the
 * load column and its unit; the temperature, hourly or as the day's maximum/minimum/mean.
 */
import { dayLayout, parseDayPattern } from './day-columns.ts';

export type CsvLayout = 'time' | 'date-hour' | 'day-rows';

export interface CsvGuess {
  layout: CsvLayout;
  time?: string;
  date?: string;
  hour?: string;
  /** Day rows: the pattern of the point columns, and whether they end at 24:00 (interval-ending). */
  pattern?: string;
  hourEnding: boolean;
  load?: string;
  unit: 'MW' | 'kW';
  temperature: { kind: 'none' } | { kind: 'hourly'; column: string } | { kind: 'daily'; max?: string; min?: string; mean?: string };
}

/** Point-column patterns tried, most specific first. */
const DAY_PATTERNS = ['T{HH}{MM}', '{HH}:{MM}', '{H}:{MM}', 'P{N}', 'p{N}', '{HH}{MM}'];

const find = (columns: string[], re: RegExp, except: string[] = []) => columns.find((c) => re.test(c) && !except.includes(c));

export function guessCsvLayout(columns: string[]): CsvGuess {
  const header = columns.map((c) => c.trim());
  const temp = /temp|温度|气温/i;
  const tMax = find(header, /(max|最高)/i), tMin = find(header, /(min|最低)/i);
  const tMean = find(header, /(mean|avg|平均)/i, [tMax ?? '', tMin ?? '']);
  const hourlyTemp = find(header, temp, [tMax ?? '', tMin ?? '', tMean ?? '']);
  const temperature: CsvGuess['temperature'] = tMax && tMin ? { kind: 'daily', max: tMax, min: tMin, ...(tMean ? { mean: tMean } : {}) }
    : hourlyTemp ? { kind: 'hourly', column: hourlyTemp } : { kind: 'none' };
  const unitOf = (name: string | undefined): 'MW' | 'kW' => (/kw|千瓦/i.test(name ?? '') ? 'kW' : 'MW');
  const date = find(header, /^(date|day|日期|数据日期)$|date|日期/i);
  // One row per day: a set of point columns that makes a whole day.
  for (const text of DAY_PATTERNS) {
    const parsed = parseDayPattern(text, 'guess');
    if (!parsed.ok) continue;
    for (const hourEnding of [false, true]) {
      const laid = dayLayout(header, parsed.pattern, { hourEnding, file: 'guess' });
      if (laid.ok && date) return { layout: 'day-rows', date, pattern: text, hourEnding: endsAt24(header, text) || hourEnding, unit: unitOf(header.join(' ')), temperature };
    }
  }
  const hour = find(header, /^(hour|hr|he|小时|时段|时刻|时)$/i);
  const load = find(header, /load|mw|kw|负荷|功率/i, [tMax ?? '', tMin ?? '', tMean ?? '', hourlyTemp ?? '']);
  if (date && hour) return { layout: 'date-hour', date, hour, hourEnding: false, ...(load ? { load } : {}), unit: unitOf(load ?? header[0]), temperature };
  const time = find(header, /time|timestamp|datetime|时间/i) ?? date;
  return { layout: 'time', ...(time ? { time } : {}), hourEnding: false, ...(load ? { load } : {}), unit: unitOf(load ?? header[0]), temperature };
}

/** Whether the point columns run to 24:00 (each point ends its interval), as the header writes them. */
function endsAt24(header: string[], pattern: string): boolean {
  if (pattern.startsWith('T')) return header.includes('T2400');
  if (pattern.includes(':')) return header.includes('24:00');
  if (pattern === '{HH}{MM}') return header.includes('2400');
  return false;
}
