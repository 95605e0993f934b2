/**
 * Data that cannot carry a result, found deep inside a computation (a forecast with nothing to fit,
 * a number that is not finite at a stage's boundary). Thrown as this error and turned by the engine
 * into the same `path: expected …, found …` problems validation gives, never a stack trace.
 */
import type { Problem } from './problems.ts';

export class DataError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
    this.name = 'DataError';
  }
}

export function isDataError(error: unknown): error is DataError {
  return error instanceof DataError || (typeof error === 'object' && error !== null && (error as { name?: string }).name === 'DataError' && Array.isArray((error as DataError).problems));
}
