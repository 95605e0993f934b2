/**
 * Hourly rows stored sparse, as runs: a row is the hours where it differs from a base (zero, or a
 * value the reader derives itself), each stretch of equal values one run (first hour, length,
 * value). A customer curtailed eight hours a day at its agreed MW is seven runs a week instead
 * of 168 numbers. The columns are plain JSON arrays: `at` (where each row's runs start, one more
 * than the rows; empty when no row has any), `hour`, `length`, `value` — in whole kW (integers,
 * `kW: true`) where every value is a whole number of kW, as the planner's orders are.
 *
 * Reading them is reading a file: every index, length and value is checked, and a problem names
 * the column and the place (a hostile or truncated file gets an error, never a wrong row).
 */
import { describeValue as describe, type ProblemList } from '../problems.ts';

export interface RunColumns<V> {
  at: number[];
  hour: number[];
  length: number[];
  value: V[];
  /** Values written in whole kW (integers) rather than MW. */
  kW?: true;
}

/** Runs of the rows where `actual(r, h)` differs from `base(r, h)`. */
export function encodeRuns<V>(rows: number, hours: number, actual: (r: number, h: number) => V, base: (r: number, h: number) => V): RunColumns<V> {
  const out: RunColumns<V> = { at: [0], hour: [], length: [], value: [] };
  for (let r = 0; r < rows; r++) {
    for (let h = 0; h < hours; h++) {
      const v = actual(r, h);
      if (v === base(r, h)) continue;
      const last = out.hour.length - 1;
      if (last >= out.at[r] && out.hour[last] + out.length[last] === h && out.value[last] === v) out.length[last]++;
      else { out.hour.push(h); out.length.push(1); out.value.push(v); }
    }
    out.at.push(out.hour.length);
  }
  if (!out.hour.length) out.at = [];
  return out;
}

/** Number runs in whole kW where every value is one (exactly: it reads back as the same MW). */
export function inKW(runs: RunColumns<number>): RunColumns<number> {
  for (const v of runs.value) if (!(Math.abs(v) < 1e12) || Math.round(v * 1000) / 1000 !== v) return runs;
  return { ...runs, value: runs.value.map((v) => Math.round(v * 1000)), kW: true };
}

const isIndex = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/**
 * The runs checked (shape, order, hours inside the plan, each value by `valueOk`); false (with
 * problems added) where anything is wrong. `path` names the column group, e.g. "plan: lists.orders.mw".
 */
export function checkRuns<V>(path: string, value: unknown, rows: number, hours: number, valueOk: (v: unknown) => v is V, expected: string, out: ProblemList): RunColumns<V> | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) { out.addExpected(path, 'runs: an object with at, hour, length and value', describe(value)); return null; }
  const o = value as Record<string, unknown>;
  for (const key of ['at', 'hour', 'length', 'value']) if (!Array.isArray(o[key])) { out.addExpected(`${path}.${key}`, 'an array', describe(o[key])); return null; }
  let at = o.at as unknown[], val = o.value as unknown[];
  const hour = o.hour as unknown[], length = o.length as unknown[];
  const n = hour.length;
  if (length.length !== n || val.length !== n) { out.addExpected(path, `hour, length and value of one length (${n})`, `${length.length} lengths and ${val.length} values`); return null; }
  if (o.kW !== undefined) {
    if (o.kW !== true) { out.addExpected(`${path}.kW`, 'true (values in whole kW) or nothing', describe(o.kW)); return null; }
    const bad = val.findIndex((v) => !Number.isSafeInteger(v));
    if (bad >= 0) { out.addExpected(`${path}.value[${bad}]`, 'a whole number of kW', describe(val[bad])); return null; }
    val = val.map((v) => (v as number) / 1000);
  }
  // No runs in any row: the row starts may be left out.
  if (at.length === 0 && n === 0) at = new Array(rows + 1).fill(0);
  if (at.length !== rows + 1) { out.addExpected(`${path}.at`, `${rows + 1} entries (one per row, and the end)`, `${at.length}`); return null; }
  if (at[0] !== 0) { out.addExpected(`${path}.at[0]`, '0', describe(at[0])); return null; }
  if (at[rows] !== n) { out.addExpected(`${path}.at[${rows}]`, `${n} (the number of runs)`, describe(at[rows])); return null; }
  let ok = true;
  for (let r = 0; r < rows && out.total < out.limit; r++) {
    const a = at[r], b = at[r + 1];
    if (!isIndex(b) || !isIndex(a) || b < a || b > n) { out.addExpected(`${path}.at[${r + 1}]`, `a whole number from ${describe(a)} to ${n} (runs in order)`, describe(b)); return null; }
    let end = 0;
    for (let i = a; i < b; i++) {
      const h = hour[i], len = length[i];
      if (!isIndex(h) || h < end || h >= hours) { out.addExpected(`${path}.hour[${i}]`, `an hour from ${end} to ${hours - 1} (after the row's previous run)`, describe(h)); ok = false; break; }
      if (!isIndex(len) || len < 1 || h + len > hours) { out.addExpected(`${path}.length[${i}]`, `a whole number from 1 to ${hours - h} (inside the plan's ${hours} hours)`, describe(len)); ok = false; break; }
      if (!valueOk(val[i])) { out.addExpected(`${path}.value[${i}]`, expected, describe(val[i])); ok = false; }
      end = h + len;
    }
  }
  return ok ? { at: at as number[], hour: hour as number[], length: length as number[], value: val as V[] } : null;
}

/** Writes row r's runs into `into` (from offset `from`), over whatever is there (the base). */
export function applyRuns<V>(runs: RunColumns<V>, r: number, into: { [h: number]: V }, from = 0): void {
  for (let i = runs.at[r]; i < runs.at[r + 1]; i++) {
    const v = runs.value[i];
    for (let h = runs.hour[i], end = h + runs.length[i]; h < end; h++) into[from + h] = v;
  }
}
