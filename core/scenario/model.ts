/**
 * The scenario in memory: the file's records as they are, except that every hourly series becomes
 * `{ startMs, unit, values: Float64Array }` (DESIGN §2: per-hour data travels as typed arrays, not
 * arrays of objects). Timestamps elsewhere stay as written, with their offset.
 */
import type { ScenarioFile } from './schema.ts';

export interface HourlySeries {
  /** Instant of the first value, ms since the epoch. */
  startMs: number;
  unit: string;
  values: Float64Array;
}

type SeriesFile = { start: string; unit: string; values: (number | null)[] };

/** Replaces every hourly series of a file type by its in-memory form. */
export type Hydrated<T> = T extends SeriesFile
  ? Omit<T, 'start' | 'values'> & { startMs: number; values: Float64Array }
  : T extends readonly (infer U)[]
    ? Hydrated<U>[]
    : T extends object
      ? { [K in keyof T]: Hydrated<T[K]> }
      : T;

export type Scenario = Hydrated<ScenarioFile>;
export type Area = Scenario['areas'][number];
export type Feeder = Scenario['feeders'][number];
export type Customer = Scenario['customers'][number];
export type Profile = Scenario['profiles'][number];
export type Station = Scenario['weather']['stations'][number];
export type LoadHistory = Scenario['history']['load'][number];
export type GeneratingUnit = Scenario['supply']['units'][number];
export type Import = Scenario['supply']['imports'][number];
export type ScenarioEvent = Scenario['events'][number];
export type Policy = Scenario['policy'];

export function isSeriesFile(value: unknown): value is SeriesFile {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) &&
    typeof (value as SeriesFile).start === 'string' && Array.isArray((value as SeriesFile).values)
  );
}

export function isHourlySeries(value: unknown): value is HourlySeries {
  return (
    typeof value === 'object' && value !== null &&
    typeof (value as HourlySeries).startMs === 'number' && (value as HourlySeries).values instanceof Float64Array
  );
}
