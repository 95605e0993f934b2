/**
 * NaN and Infinity never leave core/: each stage checks what it hands on. A non-finite number is
 * always a defect (of the data or of the code) and never an answer, so it stops the stage with the
 * place it was found, instead of turning into "no warning" or "residual 0" further down.
 */
import { DataError } from './data-error.ts';

/** Throws a DataError naming the first non-finite value of an array (and how many there are). */
export function assertFiniteArray(stage: string, path: string, values: ArrayLike<number>, describe?: (index: number) => string): void {
  let bad = -1, count = 0;
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      if (bad < 0) bad = i;
      count++;
    }
  }
  if (bad < 0) return;
  throw new DataError([{
    path: `${stage}: ${path}[${bad}]`,
    message: `expected a finite number, found ${String(values[bad])}${describe ? ` at ${describe(bad)}` : ''}${count > 1 ? ` (and ${count - 1} more)` : ''}`,
  }]);
}

/** The path of the first non-finite number anywhere in a plain value (arrays, typed arrays, objects), or null. */
export function firstNonFinite(value: unknown, path = ''): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : `${path || '(value)'} = ${String(value)}`;
  if (value === null || typeof value !== 'object') return null;
  if (ArrayBuffer.isView(value)) {
    const a = value as unknown as ArrayLike<number>;
    if (typeof a.length !== 'number') return null;
    for (let i = 0; i < a.length; i++) if (typeof a[i] === 'number' && !Number.isFinite(a[i])) return `${path}[${i}] = ${String(a[i])}`;
    return null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v = value[i];
      if (typeof v === 'number') {
        if (!Number.isFinite(v)) return `${path}[${i}] = ${String(v)}`;
      } else if (v !== null && typeof v === 'object') {
        const found = firstNonFinite(v, `${path}[${i}]`);
        if (found) return found;
      }
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    const found = firstNonFinite((value as Record<string, unknown>)[key], path ? `${path}.${key}` : key);
    if (found) return found;
  }
  return null;
}

/** Throws a DataError if any number in a result is not finite. */
export function assertFiniteDeep(stage: string, value: unknown): void {
  const found = firstNonFinite(value);
  if (found) throw new DataError([{ path: stage, message: `expected finite numbers throughout, found ${found}` }]);
}
