/**
 * Bytes → JSON value, with a clear message for each way a file can fail to be a scenario before its
 * content is even looked at: too large, empty, binary, not UTF-8, not JSON (with line and column).
 */
import { escapeControls, type Problem } from '../problems.ts';

/** Largest scenario accepted. A province with two years of substation history is ~100 MB. */
export const MAX_SCENARIO_BYTES = 512 * 1024 * 1024;

export type JsonResult = { ok: true; value: unknown } | { ok: false; problem: Problem };

export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} kB`;
  return `${n} bytes`;
}

/**
 * The size check alone, so callers can refuse a file before reading it. `more`: the bytes are a
 * count read so far, past the limit, of something whose size is not known (a pipe).
 */
export function checkSize(file: string, bytes: number, maxBytes = MAX_SCENARIO_BYTES, more = false): Problem | null {
  if (bytes > maxBytes) {
    return {
      path: file,
      message: `expected a scenario file of at most ${formatBytes(maxBytes)}, found ${more ? `more than ${formatBytes(maxBytes)}` : formatBytes(bytes)}; ` +
        'keep long histories in CSV files and import only what the study needs',
    };
  }
  return null;
}

export function parseJsonBytes(file: string, bytes: Uint8Array, maxBytes = MAX_SCENARIO_BYTES): JsonResult {
  const tooBig = checkSize(file, bytes.byteLength, maxBytes);
  if (tooBig) return { ok: false, problem: tooBig };
  if (bytes.byteLength === 0) return { ok: false, problem: { path: file, message: 'expected a JSON scenario, found an empty file' } };
  const probe = bytes.subarray(0, Math.min(bytes.byteLength, 4096));
  if (probe.includes(0)) {
    return { ok: false, problem: { path: file, message: `expected a JSON scenario (text), found binary data${sniff(probe)}` } };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    // V8's strings end at 2^29 − 24 characters, just short of the 512 MB limit: not a UTF-8 fault.
    if (error instanceof RangeError) {
      return { ok: false, problem: { path: file, message: `expected a scenario file small enough to hold as text (at most about 536 million characters), found ${formatBytes(bytes.byteLength)} that do not fit; keep long histories in CSV files and import only what the study needs` } };
    }
    return { ok: false, problem: { path: file, message: 'expected UTF-8 text, found bytes that are not valid UTF-8 (save the file as UTF-8)' } };
  }
  return parseJsonText(file, text);
}

export function parseJsonText(file: string, text: string): JsonResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, problem: { path: file, message: 'expected a JSON scenario, found an empty file' } };
  const first = body.trimStart()[0];
  if (first !== '{') {
    const looksCsv = /^[^\n{}\[\]]*,[^\n]*\n/.test(body);
    return {
      ok: false,
      problem: {
        path: file,
        message: `expected a JSON object starting with "{", found ${
          looksCsv ? 'what looks like CSV (import history with `orderly import`)' : JSON.stringify(body.trimStart().slice(0, 20))
        }`,
      },
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    const pos = position(body, error);
    const where = pos === null ? '' : lineColumn(body, pos);
    const what = pos !== null && pos >= body.trimEnd().length ? 'the text ends in the middle (the file may be cut short)' : reason(error);
    return { ok: false, problem: { path: file + where, message: `expected valid JSON, found ${what}` } };
  }
  // JSON.parse keeps the last of two equal keys without a word: a file could show a reader one
  // peak load and give the planner another. The text is valid JSON here, which the scan relies on.
  const tooDeep = { at: -1 };
  const repeats = findDuplicateKeys(body, 1000, tooDeep);
  if (tooDeep.at >= 0) {
    return { ok: false, problem: { path: file + lineColumn(body, tooDeep.at), message: `expected at most ${MAX_NESTING} levels of objects and lists inside each other (a scenario or a plan needs fewer than ten), found more` } };
  }
  if (repeats.length) return { ok: false, problem: duplicatesProblem(body, repeats) };
  return { ok: true, value };
}

/** Deepest nesting of objects and lists accepted. */
export const MAX_NESTING = 64;

/** A key given more than once in one object: `at` is where it is repeated first, `first` where it was given first. */
export interface DuplicateKey {
  at: number;
  first: number;
  count: number;
}

const QUOTE = 34, BACKSLASH = 92, COLON = 58, COMMA = 44;
const OPEN_OBJECT = 123, CLOSE_OBJECT = 125, OPEN_ARRAY = 91, CLOSE_ARRAY = 93;
/** Keys kept per object before a Set takes over (scenario objects have a dozen). */
const LINEAR_KEYS = 32;

interface ObjectKeys {
  object: boolean;
  count: number;
  starts: number[];
  ends: number[];
  escaped: boolean[];
  set: Map<string, number> | null;
}

/**
 * The keys each object of a valid JSON text gives more than once (at most `limit`), in text order.
 * One pass over the character codes that follows only objects and their keys: strings are skipped
 * with indexOf to their closing quote, numbers pass through the loop's few comparisons, and keys
 * are compared in place, without building a string, unless they hold escapes. On the generated
 * province (112 MB) it takes about a third of JSON.parse's time. (Jumping over arrays of numbers
 * with indexOf looked faster but is not: when V8 optimizes the loop before those calls have run,
 * each becomes a slow generic call and the scan turns 50 times slower.)
 */
export function findDuplicateKeys(text: string, limit = 1000, tooDeep?: { at: number }): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  const byFirst = new Map<number, DuplicateKey>();
  const frames: ObjectKeys[] = [];
  let depth = -1;
  const n = text.length;
  // The next backslash (the text's length when there is none), found again only once passed.
  let nextBackslash = -1;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      const frame = depth >= 0 ? frames[depth] : undefined;
      if (frame?.object) {
        let k = end + 1, d = text.charCodeAt(k);
        while (d === 32 || d === 10 || d === 13 || d === 9) d = text.charCodeAt(++k);
        if (d === COLON) {
          if (nextBackslash < i) nextBackslash = orEnd(text.indexOf('\\', i), n);
          const first = addKey(text, frame, i, end, nextBackslash < end);
          if (first >= 0) {
            const seen = byFirst.get(first);
            if (seen) seen.count++;
            else {
              const d: DuplicateKey = { at: i, first, count: 2 };
              byFirst.set(first, d);
              found.push(d);
              if (found.length >= limit) return found;
            }
          }
          i = k;
          continue;
        }
      }
      i = end;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      // Nesting no file of ours needs: every walker after this one may recurse, so it stops here.
      if (depth + 1 >= MAX_NESTING && tooDeep) { tooDeep.at = i; return found; }
      const frame = frames[++depth] ?? (frames[depth] = { object: true, count: 0, starts: [], ends: [], escaped: [], set: null });
      frame.object = c === OPEN_OBJECT;
      frame.count = 0;
      frame.set = null;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      depth--;
    }
  }
  return found;
}

const orEnd = (k: number, n: number) => (k < 0 ? n : k);

/** The closing quote of the string that opens at `open`. */
function stringEnd(text: string, open: number): number {
  let j = text.indexOf('"', open + 1);
  while (text.charCodeAt(j - 1) === BACKSLASH) {
    let k = j - 1;
    while (text.charCodeAt(k) === BACKSLASH) k--;
    if ((j - 1 - k) % 2 === 0) break; // an even run of backslashes escapes itself, not the quote
    j = text.indexOf('"', j + 1);
  }
  return j;
}

/** The key as JSON.parse reads it (from its opening to its closing quote). */
function keyText(text: string, start: number, end: number, escaped: boolean): string {
  return escaped ? (JSON.parse(text.slice(start, end + 1)) as string) : text.slice(start + 1, end);
}

/** Adds a key to its object; returns where the object gave it first, or -1. */
function addKey(text: string, frame: ObjectKeys, start: number, end: number, escaped: boolean): number {
  if (frame.set) {
    const key = escaped ? (JSON.parse(text.slice(start, end + 1)) as string) : text.substring(start + 1, end);
    const first = frame.set.get(key);
    if (first !== undefined) return first;
    frame.set.set(key, start);
    return -1;
  }
  const length = end - start;
  for (let m = 0; m < frame.count; m++) {
    const s = frame.starts[m];
    if (!escaped && !frame.escaped[m]) {
      if (frame.ends[m] - s !== length) continue;
      let same = true;
      for (let q = 1; q < length; q++) {
        if (text.charCodeAt(s + q) !== text.charCodeAt(start + q)) {
          same = false;
          break;
        }
      }
      if (same) return s;
    } else if (keyText(text, s, frame.ends[m], frame.escaped[m]) === keyText(text, start, end, escaped)) {
      return s;
    }
  }
  if (frame.count === LINEAR_KEYS) {
    frame.set = new Map();
    for (let m = 0; m < frame.count; m++) frame.set.set(keyText(text, frame.starts[m], frame.ends[m], frame.escaped[m]), frame.starts[m]);
    frame.set.set(keyText(text, start, end, escaped), start);
    return -1;
  }
  frame.starts[frame.count] = start;
  frame.ends[frame.count] = end;
  frame.escaped[frame.count] = escaped;
  frame.count++;
  return -1;
}

/**
 * The paths (`customers[12].peakMW`) of keys at the given text positions (sorted): a second,
 * slower scan that also counts array elements, run only when there is something to report.
 */
function keyPaths(text: string, positions: number[]): string[] {
  const paths: string[] = [];
  const frames: Array<{ object: boolean; key: string; index: number }> = [];
  let p = 0;
  for (let i = 0; i < text.length && p < positions.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      const top = frames[frames.length - 1];
      if (top?.object) {
        let k = end + 1, d = text.charCodeAt(k);
        while (d === 32 || d === 10 || d === 13 || d === 9) d = text.charCodeAt(++k);
        if (d === COLON) {
          top.key = keyText(text, i, end, text.slice(i, end).includes('\\'));
          if (i === positions[p]) {
            let path = '';
            for (const f of frames) path = f.object ? (path ? `${path}.${escapeControls(f.key)}` : escapeControls(f.key)) : `${path}[${f.index}]`;
            paths.push(path);
            p++;
          }
        }
      }
      i = end;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      frames.push({ object: c === OPEN_OBJECT, key: '', index: 0 });
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      frames.pop();
    } else if (c === COMMA) {
      const top = frames[frames.length - 1];
      if (top && !top.object) top.index++;
    }
  }
  return paths;
}

/** How many fields to name in the problem besides the first. */
const NAMED_REPEATS = 3;

function duplicatesProblem(text: string, repeats: DuplicateKey[]): Problem {
  const shown = repeats.slice(0, 1 + NAMED_REPEATS);
  const paths = keyPaths(text, shown.map((d) => d.at));
  const where = (d: DuplicateKey) => lineColumn(text, d.at).slice(1);
  const [first, ...others] = shown;
  let message = `expected each field once, found it ${first.count === 2 ? 'twice' : `${first.count} times`} (${where(first)})`;
  if (repeats.length > 1) {
    const more = repeats.length - 1;
    message += `; ${more} more field${more === 1 ? ' is' : 's are'} given more than once: ${others.map((d, k) => `${paths[k + 1]} (${where(d)})`).join(', ')}${more > others.length ? ', …' : ''}`;
  }
  return { path: paths[0], message };
}

function sniff(probe: Uint8Array): string {
  if (probe[0] === 0x1f && probe[1] === 0x8b) return ' (a gzip archive: unpack it first)';
  if (probe[0] === 0x50 && probe[1] === 0x4b) return ' (a zip archive: unpack it first)';
  return '';
}

/** The character position V8 reports for a JSON syntax error, when it does. */
function position(text: string, error: unknown): number | null {
  const message = String((error as Error)?.message ?? '');
  const m = /position (\d+)/.exec(message);
  if (m) return Number(m[1]);
  if (/Unexpected end of JSON input/.test(message)) return text.length;
  return null;
}

/** ":line L, column C" of a character position. */
function lineColumn(text: string, pos: number): string {
  let line = 1, col = 1;
  for (let i = 0; i < pos && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      col = 1;
    } else col++;
  }
  return `:line ${line}, column ${col}`;
}

function reason(error: unknown): string {
  const message = String((error as Error)?.message ?? error);
  if (/Unexpected end of JSON input/.test(message)) return 'the text ends in the middle (the file may be cut short)';
  const token = /Unexpected token '?(.)'?/.exec(message) ?? /Unexpected token (\S)/.exec(message);
  if (/Bad control character/.test(message)) return 'a control character inside a string';
  if (/Unexpected non-whitespace character after JSON/.test(message)) return 'more text after the end of the scenario object';
  if (/Expected property name|Expected double-quoted property name/.test(message)) return 'a property name that is not in double quotes (or a trailing comma)';
  if (/Expected ',' or '}'/.test(message)) return 'a missing comma or closing brace';
  if (/Expected ',' or ']'/.test(message)) return 'a missing comma or closing bracket';
  if (/No number after minus sign|Unterminated fractional number|Exponent part is missing/.test(message)) return 'a malformed number';
  if (/Unterminated string/.test(message)) return 'a string that is never closed';
  if (token) return `an unexpected ${JSON.stringify(token[1])}${token[1] === 'N' ? ' (NaN is not JSON: write null for a missing hour)' : ''}`;
  return message.replace(/^SyntaxError: /, '');
}
