/**
 * Hourly rows stored sparse, as runs: a row is the hours where it differs from a base (zero, or a
 * value the reader derives itself), each stretch of equal values one run (first hour, length,
 * value). A customer curtailed eight hours a day at its agreed MW is seven runs a week instead
 * of 168 numbers. This version writes them packed in one string (packRuns, `orderly-lists/3`);
 * the first columns' form (`orderly-lists/2`, read by checkRuns) was plain JSON arrays: `at` (where
 * each row's runs start, one more than the rows; empty when no row has any), `hour`, `length`,
 * `value` — in whole kW (integers, `kW: true`) where every value was a whole number of kW.
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

/**
 * Runs packed into one string (`orderly-lists/3`): every row in turn, its number of runs, then
 * per run the hours since the previous run ended (from hour 0 for the first), its length less one,
 * and its value less the previous run's value in the row (the first from 0) — a customer's
 * order is most often the same MW day after day, or an hour's more or less of it. Values are
 * whole numbers of 1/`scale` MW (scale 1000: kW; 10⁶: W), exactly; where no such scale holds
 * them all the values are a JSON array (`value`) and the string holds the hours alone.
 *
 * Each number is a variable-length integer in RFC 4648's URL-safe base64 alphabet (A–Z a–z 0–9
 * - _, no character JSON escapes): five bits per character, lowest first, 32 added to every
 * character but a number's last; signed numbers (the value differences) zigzag-coded first
 * (0, −1, 1, −2 … as 0, 1, 2, 3 …). An hour gap or length under 32 is one character where a JSON
 * array spends two to four. No runs in any row: an empty string.
 */
export interface PackedRuns {
  runs: string;
  /** Values written as whole numbers of 1/scale MW (1 for codes). */
  scale?: number;
  /** The values, where no scale holds them exactly (then `runs` holds no values). */
  value?: number[];
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DIGIT = (() => { const t = new Int8Array(128).fill(-1); for (let i = 0; i < 64; i++) t[ALPHABET.charCodeAt(i)] = i; return t; })();
const CODE = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0));
/** Longest number read, characters (11 × 5 bits: every safe integer). */
const MAX_DIGITS = 11;

class Writer {
  buf = new Uint8Array(1 << 16);
  n = 0;
  uint(v: number): void {
    if (!Number.isSafeInteger(v) || v < 0) throw new Error(`runs to pack: expected a whole number ≥ 0 (an hour, a length, a value in whole units), found ${v}`);
    if (this.n + MAX_DIGITS > this.buf.length) { const b = new Uint8Array(this.buf.length * 2); b.set(this.buf); this.buf = b; }
    while (v >= 32) { const d = v % 32; this.buf[this.n++] = CODE[d + 32]; v = (v - d) / 32; }
    this.buf[this.n++] = CODE[v];
  }
  int(v: number): void { this.uint(v < 0 ? -2 * v - 1 : 2 * v); }
  text(): string {
    let s = '';
    for (let i = 0; i < this.n; i += 8192) s += String.fromCharCode.apply(null, this.buf.subarray(i, Math.min(this.n, i + 8192)) as unknown as number[]);
    return s;
  }
}

/** The scale (1, 1000 or 10⁶) at which every value is a whole number that reads back as itself, or 0. */
function scaleOf(values: ArrayLike<number>): number {
  for (const s of [1, 1000, 1e6]) {
    let ok = true;
    for (let i = 0; i < values.length && ok; i++) { const k = Math.round(values[i] * s); ok = Number.isSafeInteger(k) && k / s === values[i]; }
    if (ok) return s;
  }
  return 0;
}

/** Runs (as encodeRuns makes them) packed into one string. */
export function packRuns(runs: RunColumns<number>, rows: number): PackedRuns {
  const n = runs.hour.length;
  if (!n) return { runs: '' };
  const scale = scaleOf(runs.value);
  const w = new Writer();
  for (let r = 0; r < rows; r++) {
    const a = runs.at[r], b = runs.at[r + 1];
    w.uint(b - a);
    let end = 0, last = 0;
    for (let i = a; i < b; i++) {
      w.uint(runs.hour[i] - end); w.uint(runs.length[i] - 1);
      end = runs.hour[i] + runs.length[i];
      if (scale) { const k = Math.round(runs.value[i] * scale); w.int(k - last); last = k; }
    }
  }
  return scale ? { runs: w.text(), scale } : { runs: w.text(), value: runs.value.slice() };
}

/**
 * Packed runs read and checked (every number whole and in its range, every run inside the plan's
 * hours and after the row's previous one, every value by `valueOk`, the string neither cut short
 * nor longer than its rows); null (with the problem added, naming the row and run) where not.
 */
export function unpackRuns(path: string, value: unknown, rows: number, hours: number, valueOk: (v: unknown) => v is number, expected: string, out: ProblemList): RunColumns<number> | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) { out.addExpected(path, 'runs: an object with runs (a string)', describe(value)); return null; }
  const o = value as Record<string, unknown>;
  const s = o.runs;
  if (typeof s !== 'string') { out.addExpected(`${path}.runs`, 'runs packed in a string', describe(s)); return null; }
  if (o.scale !== undefined && o.scale !== 1 && o.scale !== 1000 && o.scale !== 1e6) { out.addExpected(`${path}.scale`, '1, 1000 (kW) or 1000000 (W)', describe(o.scale)); return null; }
  if (o.value !== undefined && (!Array.isArray(o.value) || o.scale !== undefined)) { out.addExpected(`${path}.value`, 'an array of values, given only where no scale is', describe(o.value)); return null; }
  const scale = o.scale as number | undefined, given = o.value as unknown[] | undefined;
  const at = new Array<number>(rows + 1).fill(0);
  if (s.length === 0) {
    if (given?.length) { out.addExpected(`${path}.value`, 'no values (no runs)', `${given.length}`); return null; }
    return { at, hour: [], length: [], value: [] };
  }
  if (scale === undefined && !given) { out.addExpected(`${path}.scale`, 'a scale for the values (or the values)', 'neither'); return null; }
  const hour: number[] = [], length: number[] = [], val: number[] = [];
  let p = 0;
  let where = '';
  const fail = (what: string, found: string) => { out.addExpected(`${path}.runs`, `${what} ${where}`, found); return null; };
  const read = (): number => {
    let v = 0, mul = 1;
    for (let k = 0; k < MAX_DIGITS; k++) {
      if (p >= s.length) return -1;
      const c = s.charCodeAt(p++), d = c < 128 ? DIGIT[c] : -1;
      if (d < 0) return -2;
      if (d < 32) return v + d * mul;
      v += (d - 32) * mul; mul *= 32;
    }
    return -3;
  };
  const bad = (v: number, what: string) => fail(what, v === -1 ? `the runs cut short (at character ${p})` : v === -2 ? `${JSON.stringify(s[p - 1])} (character ${p - 1}), not of the alphabet A–Z a–z 0–9 - _` : `a number longer than ${MAX_DIGITS} characters (at character ${p})`);
  for (let r = 0; r < rows; r++) {
    where = `(row ${r})`;
    const count = read();
    if (count < 0) return bad(count, 'the number of runs');
    if (count > hours) return fail(`at most ${hours} runs`, `${count}`);
    let end = 0, last = 0;
    for (let i = 0; i < count; i++) {
      where = `(row ${r}, run ${i})`;
      const gap = read();
      if (gap < 0) return bad(gap, 'the hours before the run');
      const len = read();
      if (len < 0) return bad(len, 'the run\'s length');
      const h = end + gap;
      if (h >= hours) return fail(`a run starting inside the plan's ${hours} hours`, `hour ${h}`);
      if (h + len + 1 > hours) return fail(`a run inside the plan's ${hours} hours`, `${len + 1} hours from hour ${h}`);
      let v: number;
      if (scale !== undefined) {
        const z = read();
        if (z < 0) return bad(z, 'the run\'s value');
        last += z % 2 ? -(z + 1) / 2 : z / 2;
        v = last / scale;
      } else {
        const k = hour.length;
        if (k >= given!.length) { out.addExpected(`${path}.value`, `a value for each run (more than ${given!.length})`, `${given!.length}`); return null; }
        v = given![k] as number;
      }
      if (!valueOk(v)) { out.addExpected(`${path}.runs`, `${expected} ${where}`, describe(v)); return null; }
      hour.push(h); length.push(len + 1); val.push(v);
      end = h + len + 1;
    }
    at[r + 1] = hour.length;
  }
  if (p !== s.length) { where = `(after row ${rows - 1}, the last)`; return fail('the end of the runs', `${s.length - p} characters more`); }
  if (given && given.length !== hour.length) { out.addExpected(`${path}.value`, `${hour.length} values (one per run)`, `${given.length}`); return null; }
  return { at, hour, length, value: val };
}
