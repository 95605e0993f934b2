/**
 * Finding named columns in a CSV header, with a complaint that lists what the header does hold
 * (the usual cause is a typo or a different export template, and the list shows which).
 */
import type { Problem } from '../problems.ts';

export interface ColumnLookup {
  /** Column index for each requested name that was found exactly once. */
  index: Map<string, number>;
  problems: Problem[];
}

/** Looks up each name (header cells compared after trimming spaces). */
export function findColumns(header: readonly string[], names: readonly string[], file: string): ColumnLookup {
  const trimmed = header.map((h) => h.trim());
  const index = new Map<string, number>();
  const problems: Problem[] = [];
  const listing = trimmed.map((h) => (h === '' ? '(unnamed)' : h)).join(', ');
  for (const name of new Set(names)) {
    const at: number[] = [];
    trimmed.forEach((h, k) => { if (h === name) at.push(k); });
    if (at.length === 1) {
      index.set(name, at[0]);
    } else if (at.length > 1) {
      problems.push({
        path: file,
        message: `column "${name}" appears ${at.length} times in the header (fields ${at.map((k) => k + 1).join(', ')}); which one is meant is unclear`,
      });
    } else {
      const sameLetters = trimmed.find((h) => h.toLowerCase() === name.toLowerCase());
      const hint = sameLetters !== undefined ? `; did you mean "${sameLetters}"? (names are case-sensitive)` : '';
      problems.push({ path: file, message: `no column "${name}" in the header (columns: ${listing})${hint}` });
    }
  }
  return { index, problems };
}
