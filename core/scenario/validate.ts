/**
 * Scenario validation: structure (schema), then meaning (references, tree, protected set, series),
 * then conversion to the in-memory form. Every problem is reported, up to a limit that keeps a
 * hopeless file from flooding the screen; the total is always counted.
 */
import { ProblemList, type Problem } from '../problems.ts';
import { hydrate } from './hydrate.ts';
import type { Scenario } from './model.ts';
import { parseJsonBytes, parseJsonText } from './parse-json.ts';
import { ScenarioSchema, type ScenarioFile } from './schema.ts';
import { checkSemantics } from './semantic.ts';
import { checkStructure } from './structure.ts';

export interface ValidationReport {
  ok: boolean;
  /** The problems kept (at most `limit`). */
  problems: Problem[];
  /** How many problems there were in all. */
  total: number;
}

export interface LoadResult extends ValidationReport {
  /** Present when ok. */
  scenario?: Scenario;
}

export interface ValidateOptions {
  /** Most problems to keep (default 1,000). */
  limit?: number;
}

/** Record keys ("customers[12]", "supply.units[3]") a problem path lies under, plus its top section. */
function brokenKeys(path: string, keys: Set<string>): void {
  const top = /^[^.[]+/.exec(path)?.[0];
  if (top && !path.includes('[')) keys.add(top);
  for (let i = path.indexOf(']'); i >= 0; i = path.indexOf(']', i + 1)) keys.add(path.slice(0, i + 1));
}

/** Validates a parsed JSON value. Does not modify it. */
export function validateScenarioValue(value: unknown, options: ValidateOptions = {}): ValidationReport {
  const broken = new Set<string>();
  const out = new ProblemList(options.limit ?? 1000, (p) => brokenKeys(p.path, broken));
  checkStructure(ScenarioSchema, value, out);
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    checkSemantics(value as ScenarioFile, out, (key) => broken.has(key));
  }
  return { ok: out.ok, problems: out.items, total: out.total };
}

/** Validates a parsed JSON value and, when valid, converts it (in place) to the in-memory scenario. */
export function loadScenarioValue(value: unknown, options: ValidateOptions = {}): LoadResult {
  const report = validateScenarioValue(value, options);
  if (!report.ok) return report;
  return { ...report, scenario: hydrate(value as ScenarioFile) };
}

export function loadScenarioBytes(file: string, bytes: Uint8Array, options: ValidateOptions & { maxBytes?: number } = {}): LoadResult {
  const json = parseJsonBytes(file, bytes, options.maxBytes);
  if (!json.ok) return { ok: false, problems: [json.problem], total: 1 };
  return loadScenarioValue(json.value, options);
}

export function loadScenarioText(file: string, text: string, options: ValidateOptions = {}): LoadResult {
  const json = parseJsonText(file, text);
  if (!json.ok) return { ok: false, problems: [json.problem], total: 1 };
  return loadScenarioValue(json.value, options);
}
