/**
 * Long work on the engine (assessing, planning, playing out): one at a time — new work cancels
 * what runs — with its progress on the status line and a Cancel button. When the engine worker
 * doing it dies or stops answering (the pool replaces it), the status says so and offers Try again.
 */
import { CancelledError, EngineFailedError } from '../../worker/pool.ts';
import { workEnded, workStarted, type Retry } from '../state.ts';
import type { Page } from './page.ts';

export interface Work {
  /** Runs `task`; null when it was cancelled or failed (the status line says which). */
  run<T>(label: string, task: (signal: AbortSignal, progress: (fraction: number) => void) => Promise<T>, retry?: Retry): Promise<T | null>;
  cancel(): void;
}

export function createWork(page: Page): Work {
  const { store, say } = page;
  /** The work running now; its handle stays here, the state knows only that something runs. */
  let running: AbortController | null = null;
  return {
    async run(label, task, retry) {
      running?.abort();
      const controller = new AbortController();
      running = controller;
      store.update(workStarted);
      say(`${label}…`, 'busy');
      try {
        return await task(controller.signal, (f) => say(`${label}… ${Math.round(f * 100)} %`, 'busy'));
      } catch (error) {
        if (error instanceof CancelledError) { say(`${label}: ${page.word('cancelled')}`, 'ok'); return null; }
        say(`${label}: ${(error as Error).message}`, 'error', error instanceof EngineFailedError ? retry ?? null : null);
        return null;
      } finally {
        if (running === controller) { running = null; store.update(workEnded); }
      }
    },
    cancel: () => running?.abort(),
  };
}
