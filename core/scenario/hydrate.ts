/**
 * File form ⇄ memory form. `hydrate` runs only on a file that passed validation, and converts in
 * place (a province file holds millions of hourly values: copying them twice would cost seconds).
 */
import { parseTimestamp } from '../time/timestamp.ts';
import { isSeriesFile, type Scenario } from './model.ts';
import type { ScenarioFile } from './schema.ts';

/** Converts a validated file, in place, into the in-memory scenario. */
export function hydrate(file: ScenarioFile): Scenario {
  visit(file);
  return file as unknown as Scenario;
}

function visit(node: unknown): void {
  if (Array.isArray(node)) {
    // Arrays of numbers (profile shapes, hourly values handled below) need no visit.
    if (node.length && typeof node[0] !== 'object') return;
    for (const item of node) visit(item);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const record = node as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const child = record[key];
    if (isSeriesFile(child)) convertInPlace(child as unknown as Record<string, unknown>);
    else if (typeof child === 'object' && child !== null) visit(child);
  }
  // A load-history record is itself a series with extra fields (of, id).
  if (isSeriesFile(record)) convertInPlace(record);
}

function convertInPlace(record: Record<string, unknown>): void {
  const start = record.start as string;
  const values = record.values as (number | null)[];
  const parsed = parseTimestamp(start);
  const typed = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) typed[i] = values[i] ?? Number.NaN;
  // Keep the key order of the file: …, startMs where start was, unit, values.
  const entries = Object.entries(record).map(([k, v]): [string, unknown] =>
    k === 'start' ? ['startMs', parsed ? parsed.ms : Number.NaN] : k === 'values' ? ['values', typed] : [k, v],
  );
  for (const key of Object.keys(record)) delete record[key];
  for (const [k, v] of entries) record[k] = v;
}
