/**
 * Bytes → JSON value, with a clear message for each way a file can fail to be a scenario before its
 * content is even looked at: too large, empty, binary, not UTF-8, not JSON (with line and column).
 */
import type { Problem } from '../problems.ts';

/** Largest scenario accepted. A province with two years of substation history is ~100 MB. */
export const MAX_SCENARIO_BYTES = 512 * 1024 * 1024;

export type JsonResult = { ok: true; value: unknown } | { ok: false; problem: Problem };

export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} kB`;
  return `${n} bytes`;
}

/** The size check alone, so callers can refuse a file before reading it. */
export function checkSize(file: string, bytes: number, maxBytes = MAX_SCENARIO_BYTES): Problem | null {
  if (bytes > maxBytes) {
    return {
      path: file,
      message: `expected a scenario file of at most ${formatBytes(maxBytes)}, found ${formatBytes(bytes)}; ` +
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
  } catch {
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
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (error) {
    const pos = position(body, error);
    const where = pos === null ? '' : lineColumn(body, pos);
    const what = pos !== null && pos >= body.trimEnd().length ? 'the text ends in the middle (the file may be cut short)' : reason(error);
    return { ok: false, problem: { path: file + where, message: `expected valid JSON, found ${what}` } };
  }
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
