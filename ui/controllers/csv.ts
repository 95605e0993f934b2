/**
 * A history CSV dropped on the page while a scenario is open: the engine attaches it to the area
 * the user picks (the same import as `orderly import --csv … --into`), validates the result and
 * opens it. Problems are shown in place; the open scenario stays until a valid one replaces it.
 */
import type { ImportOutcome } from '../../worker/api.ts';
import { csvDismissed, csvOffered, csvTarget, problemsShown } from '../state.ts';
import { problemCount } from '../i18n.ts';
import type { Page } from './page.ts';

/** What the user picked in the panel. */
export interface CsvChoice { time: string; load: string; unit: 'MW' | 'kW'; area: string }

export interface CsvWork {
  offer(name: string, bytes: Uint8Array): void;
  attach(choice: CsvChoice): Promise<void>;
}

export function createCsv(page: Page, open: (name: string, blob: Blob) => Promise<void>): CsvWork {
  const { store, pool, say } = page;
  return {
    offer(name, bytes) {
      if (!csvTarget(store.get())) { say((word) => `${name}: ${word('csvNeedsScenario')}`, 'error'); return; }
      store.update((s) => csvOffered(s, name, bytes));
    },
    async attach({ time, load, unit, area }) {
      // Into the scenario open now (the panel may have been filled for an earlier one).
      const s = csvTarget(store.get()), csv = store.get().csv;
      if (!csv || !s) return;
      say((word) => `${csv.name}: ${word('csvAttaching')}`, 'busy');
      const result = await pool.run<ImportOutcome>((api) => api.importCsv({
        csv: { name: csv.name, bytes: csv.bytes }, options: { tz: s.timeZone, time, columns: [{ name: load, as: 'load', unit }] },
        scenario: { name: s.name, bytes: s.blob }, target: { of: 'area', id: area, loadKey: 'load' },
      }));
      if (!result.ok || !result.bytes) {
        store.update((now) => problemsShown(now, { name: csv.name, problems: result.problems, total: result.total }));
        say((_, lang) => `${csv.name}: ${problemCount(result.total, lang)}`, 'error');
        return;
      }
      store.update(csvDismissed);
      await open(s.name.replace(/(\.json)?$/, `+${area}.json`), new Blob([result.bytes as Uint8Array<ArrayBuffer>]));
    },
  };
}
