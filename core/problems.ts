/**
 * A problem found in input: where (a path into the scenario such as `feeders[812].substation`, or a
 * file and row such as `load.csv:row 12, column load`) and what was wrong, in words a dispatcher can
 * act on. Invariant 4: every bad input gets one of these, never a stack trace.
 */
export interface Problem {
  path: string;
  message: string;
}

/** A problem in the house form "path: expected …, found …". */
export function expected(path: string, what: string, found: string): Problem {
  return { path, message: `expected ${what}, found ${found}` };
}

export function formatProblem(p: Problem): string {
  return `${p.path}: ${p.message}`;
}

/**
 * Characters a name or text from a file may not hold, and that are never printed as they are: C0
 * controls (escape sequences start with ESC), DEL, C1 controls (U+009B is a one-byte CSI), the
 * Unicode line and paragraph separators, and the bidirectional embeddings, overrides and isolates
 * (which can make a text read differently from what it holds). As a character class body, for
 * the schema's pattern and for the escapes below.
 */
export const CONTROL_CHARACTERS = '\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069';

const CONTROL = new RegExp(`[${CONTROL_CHARACTERS}]`, 'g');
/** The same less \t (U+0009) and \n (U+000A); \r stays in (it can overwrite a line). */
const CONTROL_BUT_LINES = new RegExp(`(?![\\t\\n])[${CONTROL_CHARACTERS}]`, 'g');
const hex = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** The text with every control character written as \uXXXX (ESC as \u001b), so that it shows and does nothing. */
export function escapeControls(text: string): string {
  return text.replace(CONTROL, hex);
}

/**
 * For a line of the program's own output that may quote a file: every control character escaped
 * except the newlines and tabs the program writes itself.
 */
export function escapeForTerminal(text: string): string {
  return text.replace(CONTROL_BUT_LINES, hex);
}

/** Describes a value briefly for "found …": strings quoted (control characters escaped), long things shortened. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    const s = value.length > 60 ? `${value.slice(0, 57)}…` : value;
    // JSON.stringify escapes C0 (\n, \u001b), not DEL, C1 or the bidirectional controls.
    return escapeControls(JSON.stringify(s));
  }
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (ArrayBuffer.isView(value)) return `a typed array of ${(value as unknown as ArrayLike<number>).length}`;
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

/** Collects problems, keeping the count honest when only the first ones are stored. */
export class ProblemList {
  readonly items: Problem[] = [];
  total = 0;
  constructor(
    readonly limit = Number.POSITIVE_INFINITY,
    /** Sees every problem, stored or not (e.g. to note which records are broken). */
    private readonly onAdd?: (p: Problem) => void,
  ) {}
  add(p: Problem): void {
    this.total++;
    this.onAdd?.(p);
    if (this.items.length < this.limit) this.items.push(p);
  }
  addExpected(path: string, what: string, found: string): void {
    this.add(expected(path, what, found));
  }
  get ok(): boolean {
    return this.total === 0;
  }
}
