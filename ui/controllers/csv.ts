/**
 * A history CSV dropped on the page while a scenario is open: the engine attaches it to the area
 * the user picks (the same import as `orderly import --csv … --into`), validates the result and
 * opens it. Problems are shown in place; the open scenario stays until a valid one replaces it.
 */
import type { CsvLayout } from '../../core/history/guess-layout.ts';
import type { ImportOutcome } from '../../worker/api.ts';
import type { scenarioEngine } from '../../worker/engine/scenario.ts';

type ImportArgs = Parameters<typeof scenarioEngine.importCsv>[0];
import { csvDismissed, csvOffered, csvTarget, problemsShown } from '../state.ts';
import { problemCount } from '../i18n.ts';
import type { Page } from './page.ts';

/** What the user picked in the panel. */
export interface CsvChoice {
  layout: CsvLayout;
  time: string;
  date: string;
  hour: string;
  pattern: string;
  load: string;
  unit: 'MW' | 'kW';
  interval: '' | '15' | '30' | '60';
  hourEnding: boolean;
  temperature: { kind: 'none' } | { kind: 'hourly'; column: string; unit: '°C' | '°F' } | { kind: 'daily'; max: string; min: string; mean: string; unit: '°C' | '°F' };
  area: string;
}

/** The import's reading options from the panel's choice (the same as `orderly import --csv …`). */
export function readingOptions(c: CsvChoice, tz: string): { options: ImportArgs['options']; temperatureKey?: string } {
  const times = c.layout === 'time' ? { time: c.time } : c.layout === 'date-hour' ? { date: c.date, hour: c.hour } : { date: c.date };
  const columns: ImportArgs['options']['columns'] = c.layout === 'day-rows' ? [] : [{ name: c.load, as: 'load', unit: c.unit }];
  const t = c.temperature;
  if (t.kind === 'hourly') columns.push({ name: t.column, as: 'temperature', unit: t.unit });
  const daily = t.kind === 'daily' ? { dailyTemperature: { as: 'temperature', ...(t.max ? { max: t.max } : {}), ...(t.min ? { min: t.min } : {}), ...(t.mean ? { mean: t.mean } : {}), unit: t.unit } } : {};
  return {
    options: {
      tz, ...times, columns, ...daily,
      ...(c.layout === 'day-rows' ? { dayColumns: { pattern: c.pattern, as: 'load', unit: c.unit } } : {}),
      ...(c.hourEnding ? { hourEnding: true } : {}), ...(c.interval ? { interval: Number(c.interval) as 15 | 30 | 60 } : {}),
    },
    ...(t.kind !== 'none' ? { temperatureKey: 'temperature' } : {}),
  };
}

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
    async attach(choice) {
      const { area } = choice;
      // Into the scenario open now (the panel may have been filled for an earlier one).
      const s = csvTarget(store.get()), csv = store.get().csv;
      if (!csv || !s) return;
      say((word) => `${csv.name}: ${word('csvAttaching')}`, 'busy');
      const { options, temperatureKey } = readingOptions(choice, s.timeZone);
      const result = await pool.run<ImportOutcome>((api) => api.importCsv({
        csv: { name: csv.name, bytes: csv.bytes }, options,
        scenario: { name: s.name, bytes: s.blob }, target: { of: 'area', id: area, loadKey: 'load', ...(temperatureKey ? { temperatureKey } : {}) },
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
