/**
 * A history CSV dropped on the page while a scenario is open: the page reads its header, asks
 * which columns hold the time and the load, the unit and the area it meters, and the engine
 * attaches it to the scenario (the same import as `orderly import --csv … --into`), validates the
 * result and opens it. Problems are shown in place; the open scenario stays until a valid one
 * replaces it.
 */
import type { Problem } from '../core/problems.ts';
import type { ImportOutcome } from '../worker/api.ts';
import type { EnginePool } from '../worker/pool.ts';
import { word, type Lang } from './i18n.ts';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export interface CsvDeps {
  pool: EnginePool;
  lang: () => Lang;
  /** The open scenario (name, bytes, zone and the areas it has). */
  scenario: () => { name: string; blob: Blob; timeZone: string; areas: { id: string; name: string; kind: string }[] } | null;
  open: (name: string, blob: Blob) => Promise<void>;
  problems: (name: string, problems: Problem[], total: number) => void;
  status: (text: string, kind?: 'busy' | 'ok' | 'error') => void;
}

let pending: { name: string; bytes: Uint8Array } | null = null;

const option = (value: string, label = value) => { const o = document.createElement('option'); o.value = value; o.textContent = label; return o; };

export function initCsvAttach(deps: CsvDeps): void {
  $('csv-cancel').addEventListener('click', () => { pending = null; $('csv-panel').hidden = true; });
  $('csv-attach').addEventListener('click', () => void attach(deps));
}

/** A CSV was dropped or chosen: read its header and ask how to attach it. */
export function offerCsv(deps: CsvDeps, name: string, bytes: Uint8Array): void {
  const s = deps.scenario();
  const lang = deps.lang();
  if (!s) { deps.status(`${name}: ${word('csvNeedsScenario', lang)}`, 'error'); return; }
  const head = new TextDecoder().decode(bytes.subarray(0, Math.min(bytes.length, 4096))).replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
  const columns = head.split(',').map((c) => c.trim().replace(/^"|"$/g, '')).filter(Boolean);
  pending = { name, bytes };
  const pick = (id: string, guess: RegExp) => {
    const sel = $(id) as HTMLSelectElement;
    sel.replaceChildren(...columns.map((c) => option(c)));
    const found = columns.find((c) => guess.test(c));
    if (found) sel.value = found;
  };
  pick('csv-time', /time|date|时间/i);
  pick('csv-load', /load|mw|kw|负荷/i);
  ($('csv-unit') as HTMLSelectElement).value = /kw/i.test(($('csv-load') as HTMLSelectElement).value) ? 'kW' : 'MW';
  ($('csv-area') as HTMLSelectElement).replaceChildren(...s.areas.map((a) => option(a.id, `${a.id} — ${a.name} (${a.kind})`)));
  $('csv-file').textContent = `${name} → ${s.name} (${s.timeZone})`;
  $('csv-panel').hidden = false;
}

async function attach(deps: CsvDeps): Promise<void> {
  const s = deps.scenario();
  if (!pending || !s) return;
  const lang = deps.lang();
  const csv = pending;
  const time = ($('csv-time') as HTMLSelectElement).value, load = ($('csv-load') as HTMLSelectElement).value;
  const unit = ($('csv-unit') as HTMLSelectElement).value as 'MW' | 'kW', area = ($('csv-area') as HTMLSelectElement).value;
  deps.status(`${csv.name}: ${word('csvAttaching', lang)}`, 'busy');
  const result = await deps.pool.run<ImportOutcome>((api) => api.importCsv({
    csv, options: { tz: s.timeZone, time, columns: [{ name: load, as: 'load', unit }] },
    scenario: { name: s.name, bytes: s.blob }, target: { of: 'area', id: area, loadKey: 'load' },
  }));
  if (!result.ok || !result.bytes) {
    deps.problems(csv.name, result.problems, result.total);
    deps.status(`${csv.name}: ${result.total} ${word('problems', lang)}`, 'error');
    return;
  }
  pending = null;
  $('csv-panel').hidden = true;
  await deps.open(s.name.replace(/(\.json)?$/, `+${area}.json`), new Blob([result.bytes as Uint8Array<ArrayBuffer>]));
}
