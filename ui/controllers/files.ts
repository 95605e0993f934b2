/**
 * Opening scenario files. Files are numbered in the order the user chose them and the newest valid
 * one is shown: checks finish in any order (a later file's can come back first), and an invalid
 * file supersedes nothing. Each file is held as a Blob that every engine worker reads for itself,
 * off this thread: a province file is ~110 MB, and posting its bytes with every call froze the page.
 */
import type { ScenarioForecast } from '../../core/forecast/scenario-forecast.ts';
import { formatProblem } from '../../core/problems.ts';
import { forecastScenarioInPool } from '../../worker/engine/forecast-pool.ts';
import { HeldScenario, withScenario } from '../../worker/held-scenario.ts';
import { EngineFailedError } from '../../worker/pool.ts';
import { mark, markMore } from '../marks.ts';
import { recentFiles, rememberFile } from '../plan-store.ts';
import { fileChosen, fileShown, forecastReady, problemsShown, recentListed, superseded, type Opened } from '../state.ts';
import { problemCount } from '../i18n.ts';
import type { Page } from './page.ts';

export interface Files {
  open(name: string, blob: Blob): Promise<void>;
  /** Reads the kept files again into the recent list. */
  listRecent(): Promise<void>;
}

/**
 * Longest a file's check may take before its worker is taken to be stuck: generous (a province
 * file of 110 MB is read and checked in ~10 s on a slow machine), so only a worker that will not
 * answer is given up.
 */
const checkTimeoutMs = (bytes: number) => 60_000 + (bytes / 2 ** 20) * 2_000;

export function createFiles(page: Page, assess: (opened: Opened, provisional?: boolean) => Promise<void>): Files {
  const { store, pool, say } = page;
  /** The work of the file shown (forecasts in the workers), cancelled when a newer file supersedes it. */
  let loading: AbortController | null = null;

  const listRecent = async () => { const files = await recentFiles(); store.update((s) => recentListed(s, files)); };

  async function open(name: string, blob: Blob): Promise<void> {
    say((word) => word('loading'), 'busy');
    const started = performance.now();
    const data = new HeldScenario(name, blob);
    const controller = new AbortController(), signal = controller.signal;
    store.update(fileChosen);
    const ticket = store.get().chosen;
    const isShown = () => store.get().shown === ticket;
    try {
      // The forecast starts at once, beside the check (it reads the file in another worker); an
      // invalid file's forecast is simply dropped. A quick forecast of the system alone comes
      // first (its outlook is drawn while every area is forecast), and the check goes ahead of
      // the area forecasts in the queue.
      const quick = pool.run<{ ok: true; forecast: ScenarioForecast } | { ok: false }>((api) => withScenario(api, data, (b) => api.forecastSystem(name, b)), { urgent: true, signal });
      quick.catch(() => {});
      const forecasting = forecastScenarioInPool(pool, name, data, { signal });
      forecasting.catch(() => {});
      const view = await pool.run((api) => withScenario(api, data, (b) => api.view(name, b)), { urgent: true, signal, timeoutMs: checkTimeoutMs(blob.size) });
      const ms = Math.round(performance.now() - started);
      if (superseded(store.get(), ticket)) { controller.abort(); return; } // a newer file is already shown
      if (!view.ok) {
        store.update((s) => problemsShown(s, { name, problems: view.problems, total: view.total }));
        say((_, lang) => `${name}: ${problemCount(view.total, lang)}`, 'error');
        return;
      }
      const sha256 = view.sha256!;
      store.update((s) => fileShown(s, { ticket, name, sha256, view, data }));
      mark('ready', true);
      // This file supersedes any still loading: stop that one's forecasts (they would hold the
      // workers, and a province's take seconds).
      loading?.abort();
      loading = controller;
      say((word) => `${name} — ${word('checked')} ${ms} ms; ${word('forecasting')}`, 'busy');
      // The load forecast follows in the workers; the page stays usable meanwhile.
      const forecastStarted = performance.now();
      const first = await quick.catch(() => null);
      if (!isShown()) return;
      if (first?.ok) {
        await assess({ name, sha256, data, forecast: first.forecast }, true);
        mark('firstOutlookMs', Math.round(performance.now() - started));
        if (!isShown()) return;
      }
      const forecast = await forecasting;
      if (!isShown()) return; // a newer file is shown
      // Phase timings for the end-to-end timing report (view, forecast, outlook), ms.
      mark('timings', `view ${ms}, forecast ${Math.round(performance.now() - forecastStarted)}`);
      if (forecast.ok) {
        store.update((s) => forecastReady(s, ticket, forecast.forecast, forecast.areas));
        mark('forecast', true);
        say((word) => `${name} — ${word('checked')} ${ms} ms; ${word('forecastDone')} ${Math.round(performance.now() - started - ms)} ms`, 'ok');
        // Kept for the next visit, with the last few others (IndexedDB keeps a Blob without
        // copying it on this thread).
        void rememberFile(name, blob).then(listRecent).catch(() => {});
        // Warnings, then the plans kept for this scenario.
        const outlookStarted = performance.now();
        await assess({ name, sha256, data, forecast: forecast.forecast });
        markMore('timings', `, outlook ${Math.round(performance.now() - outlookStarted)}`);
      } else {
        // Data that cannot carry a forecast: its problems in place, as a file's are.
        store.update((s) => problemsShown(s, { name, problems: forecast.problems, total: forecast.total }));
        say((word) => `${name} — ${word('checked')} ${ms} ms; ${forecast.problems[0] ? formatProblem(forecast.problems[0]) : ''}`, 'error');
      }
    } catch (error) {
      if (signal.aborted) return; // superseded by a newer file
      // A worker that died or stopped answering has been replaced: the same file can be tried again.
      say((word) => `${word('failed')}: ${(error as Error).message}`, 'error', error instanceof EngineFailedError ? { do: 'open', name, blob } : null);
    } finally {
      if (loading === controller) loading = null;
    }
  }

  return { open, listRecent };
}
