/**
 * The options of `orderly backtest --csv` and `orderly import --csv` that say how a history file is
 * read: its time columns and interval, the load (a column, or a day row's columns), the temperature
 * (an hourly column, or the day's max/min/mean) and the weather's own file.
 */
import type { ParseArgsConfig } from 'node:util';
import type { Interval } from '../../core/history/interval.ts';
import { UsageError } from './usage.ts';

export const HISTORY_FLAGS = {
  csv: { type: 'string' }, time: { type: 'string' }, date: { type: 'string' }, hour: { type: 'string' }, 'hour-ending': { type: 'boolean' },
  interval: { type: 'string' }, tz: { type: 'string' },
  load: { type: 'string' }, 'load-columns': { type: 'string' }, 'load-unit': { type: 'string' },
  temp: { type: 'string' }, 'temp-max': { type: 'string' }, 'temp-min': { type: 'string' }, 'temp-mean': { type: 'string' }, 'temp-unit': { type: 'string' },
  weather: { type: 'string' }, 'weather-time': { type: 'string' }, 'weather-date': { type: 'string' }, 'weather-hour': { type: 'string' },
  'weather-hour-ending': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

/** The --help lines of the reading options, shared by backtest and import. */
export const HISTORY_HELP = `Reading the file (--csv FILE):
  --tz ZONE                 zone of times written without an offset (Asia/Shanghai, +08:00, America/New_York)
  --time COL                a date-and-time column ("2024-07-01 13:15", "2024-07-01T13:15+08:00"), or
  --date COL --hour COL     a date column ("2024-07-01", "2024/7/1", "20240701") and an hour or time-of-day column, or
  --date COL --load-columns PATTERN
                            one row per day, the day's points in columns named by PATTERN:
                            "T{HH}{MM}" (T0000 … T2345), "{HH}:{MM}" (00:15 … 24:00), "P{N}" (P1 … P96);
                            96 columns are quarter-hours, 48 half-hours, 24 hours; a set ending at 24:00 ends its intervals
  --interval 15|30|60       minutes between rows (default: detected from the times; a row off the grid is reported)
  --hour-ending             each stamp ends its interval: 01:00 … 24:00 for hours, 00:15 … 24:00 for quarter-hours
  --load COL [--load-unit MW|kW|GW]
                            the load; 15- and 30-minute points become hourly means (MWh in the hour), with the
                            hour's highest point kept beside them as loadMax
  --temp COL | --temp-max COL --temp-min COL [--temp-mean COL] | --temp-mean COL  [--temp-unit °C|℃|°F|K]
                            hourly temperature, or the day's maximum and minimum (and mean), made hourly by a
                            two-part cosine: minimum at 05:00, maximum at 15:00, the day's mean kept
  --weather FILE            the temperature columns are in FILE, joined on the local date (daily) or the hour;
                            its time columns are the load file's unless given:
    --weather-time COL | --weather-date COL [--weather-hour COL]  [--weather-hour-ending]
  Empty cells are missing values.`;

type Values = { [K in keyof typeof HISTORY_FLAGS]?: (typeof HISTORY_FLAGS)[K]['type'] extends 'boolean' ? boolean : string };

export function intervalOf(text: string | undefined): Interval | undefined {
  if (text === undefined) return undefined;
  if (text === '15' || text === '30' || text === '60') return Number(text) as Interval;
  throw new UsageError(`--interval: expected 15, 30 or 60 (minutes between rows), found "${text}"`);
}

/** Says which reading options are missing: a time source, and (when asked) a load and a temperature. */
export function missingReadingOptions(values: Values, need: { load: boolean; temp: boolean }): string[] {
  const missing: string[] = [];
  if (!values.tz) missing.push('tz ZONE');
  if (!values.time && !(values.date && (values.hour || values['load-columns'])) && !(values.date && !values.load && !values.temp && !values['load-columns'])) {
    missing.push('time COL (or --date COL and --hour COL, or --date COL and --load-columns PATTERN)');
  }
  if (need.load && !values.load && !values['load-columns']) missing.push('load COL (or --load-columns PATTERN)');
  if (need.temp && !values.temp && !values['temp-max'] && !values['temp-min'] && !values['temp-mean']) missing.push('temp COL (or --temp-max COL --temp-min COL, and/or --temp-mean COL)');
  if (values.load && values['load-columns']) throw new UsageError('give --load COL or --load-columns PATTERN, not both');
  if (values.temp && (values['temp-max'] || values['temp-min'] || values['temp-mean'])) throw new UsageError('give --temp COL (hourly) or --temp-max/--temp-min/--temp-mean (daily), not both');
  return missing;
}

/** The weather file's own time columns, when given. */
export function weatherTimes(values: Values): { time?: string; date?: string; hour?: string; hourEnding?: boolean } {
  return {
    ...(values['weather-time'] ? { time: values['weather-time'] } : {}),
    ...(values['weather-date'] ? { date: values['weather-date'] } : {}),
    ...(values['weather-hour'] ? { hour: values['weather-hour'] } : {}),
    ...(values['weather-hour-ending'] !== undefined ? { hourEnding: values['weather-hour-ending'] } : {}),
  };
}
