/**
 * A saved plan file (orderly-plan/2, its lists as columns) as the rows a plan holds in memory
 * (orderly-plan/1's form), read through the product's own reader: tests that edit a plan by hand
 * edit rows, and the edited file is then read by the /1 reader.
 */
import { readFileSync } from 'node:fs';
import { readPlanFile } from '../../core/plan/plan-file.ts';
import type { PlanReport } from '../../core/plan/report.ts';

export function planRows(text: string): PlanReport & Record<string, any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const read = readPlanFile('saved plan', new TextEncoder().encode(text));
  if (!read.ok) throw new Error(`saved plan does not read: ${read.problems[0]?.path}: ${read.problems[0]?.message}`);
  return read.plan as PlanReport & Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export const planRowsOf = (path: string) => planRows(readFileSync(path, 'utf8'));
