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

/** Describes a value briefly for "found …": strings quoted, long things shortened. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    const s = value.length > 60 ? `${value.slice(0, 57)}…` : value;
    return JSON.stringify(s);
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
