/**
 * The first page: open the default scenario (or the user's own file), check it in a worker, and
 * show the grid and its load. Every bit of compute goes through the engine pool; this file only
 * draws. (The full dispatcher interface is its own issue.)
 */
import { browserEnginePool } from '../worker/browser/spawn.ts';
import { forecastScenarioInPool } from '../worker/engine/forecast-pool.ts';
import type { ScenarioView } from '../worker/api.ts';
import { HeldScenario, withScenario } from '../worker/held-scenario.ts';
import { EngineFailedError } from '../worker/pool.ts';
import type { ScenarioForecast } from '../core/forecast/scenario-forecast.ts';
import { formatProblem } from '../core/problems.ts';
import { formatInZone, resolveZone } from '../core/time/zone.ts';
import { parseTimestamp } from '../core/time/timestamp.ts';
import defaultScenarioUrl from '../scenarios/heat-wave.json?url';

/** The bundled default (scenarios/bundled.ts); the built asset's name carries a hash. */
const DEFAULT_NAME = 'heat-wave.json';
import { classesChart } from './charts/classes-chart.ts';
import { dailyPeakChart, loadChart } from './charts/load-chart.ts';
import { areaKind, className, formatMW, localeOf, word, type Lang, type WordKey } from './i18n.ts';
import { initDispatch, openDispatch, redrawDispatch } from './dispatch.ts';
import { loadFile, loadLastFile, recentFiles, rememberFile } from './plan-store.ts';
import { initCsvAttach, offerCsv, type CsvDeps } from './csv-attach.ts';

const pool = browserEnginePool();
let lang: Lang = (localStorage.getItem('orderly.lang') as Lang) ?? 'en';
let current: { name: string; sha256: string; view: ScenarioView; forecast?: LoadForecast; data: HeldScenario; areas?: { id: string; name: string; kind: string }[] } | null = null;
type LoadForecast = { startMs: number; point: Float64Array; p10: Float64Array; p90: Float64Array };
/**
 * Files are numbered in the order the user chose them; the newest valid one is shown. (Checks
 * finish in any order: a later file's can come back first.) An invalid file supersedes nothing.
 */
let chosen = 0, shown = 0;
/** The work of the file being opened (forecasts in the workers), cancelled when a newer file supersedes it. */
let loading: AbortController | null = null;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function applyLanguage(): void {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.querySelectorAll<HTMLElement>('[data-i18n]').forEach((el) => {
    el.textContent = word(el.dataset.i18n as WordKey, lang);
  });
  $('lang-button').textContent = lang === 'zh' ? 'English' : '中文';
  void showRecent().catch(() => {});
  if (current) render(current.name, current.view);
  redrawDispatch();
}

/** The status line; with `retry`, a button beside it that does again what failed. */
function status(text: string, kind: 'busy' | 'ok' | 'error' = 'ok', retry?: () => void): void {
  const el = $('status');
  el.textContent = text;
  el.dataset.kind = kind;
  const button = $<HTMLButtonElement>('retry-button');
  button.hidden = !retry;
  button.onclick = retry ? () => { button.hidden = true; retry(); } : null;
}

/**
 * Longest a file's check may take before its worker is taken to be stuck: generous (a province
 * file of 110 MB is read and checked in ~10 s on a slow machine), so only a worker that will not
 * answer is given up.
 */
const checkTimeoutMs = (bytes: number) => 60_000 + (bytes / 2 ** 20) * 2_000;

/**
 * Opens a scenario file. It is held as a Blob that each engine worker reads for itself, off this
 * thread: a province file is ~110 MB, and posting its bytes with every call froze the page.
 */
async function open(name: string, blob: Blob): Promise<void> {
  status(word('loading', lang), 'busy');
  const started = performance.now();
  const data = new HeldScenario(name, blob);
  const controller = new AbortController(), signal = controller.signal;
  const ticket = ++chosen;
  try {
    // The forecast starts at once, beside the check (it reads the file in another worker); an
    // invalid file's forecast is simply dropped.
    // A quick forecast of the system alone comes first (its outlook is drawn while every area is
    // forecast), and the check goes ahead of the area forecasts in the queue.
    const quick = pool.run<{ ok: true; forecast: ScenarioForecast } | { ok: false }>((api) => withScenario(api, data, (b) => api.forecastSystem(name, b)), { urgent: true, signal });
    quick.catch(() => {});
    const forecasting = forecastScenarioInPool(pool, name, data, { signal });
    forecasting.catch(() => {});
    const view = await pool.run((api) => withScenario(api, data, (b) => api.view(name, b)), { urgent: true, signal, timeoutMs: checkTimeoutMs(blob.size) });
    const ms = Math.round(performance.now() - started);
    if (ticket < shown) { controller.abort(); return; } // a newer file is already shown
    if (!view.ok) {
      showProblems(name, view);
      status(`${name}: ${view.total} ${word('problems', lang)}`, 'error');
      return;
    }
    shown = ticket;
    // This file supersedes any still loading: stop that one's forecasts (they would hold the
    // workers, and a province's take seconds).
    loading?.abort();
    loading = controller;
    current = { name, sha256: view.sha256!, view, data };
    $('problems').hidden = true;
    render(name, view);
    status(`${name} — ${word('checked', lang)} ${ms} ms; ${word('forecasting', lang)}`, 'busy');
    // The load forecast follows in the workers; the page stays usable meanwhile.
    const forecastStarted = performance.now();
    const first = await quick.catch(() => null);
    if (ticket !== shown) return;
    if (first?.ok) {
      await openDispatch({ name, sha256: view.sha256!, data, forecast: first.forecast }, true);
      document.body.dataset.firstOutlookMs = String(Math.round(performance.now() - started));
      if (ticket !== shown) return;
    }
    const forecast = await forecasting;
    if (ticket !== shown) return; // a newer file is shown
    // Phase timings for the end-to-end timing report (view, forecast, outlook), ms.
    document.body.dataset.timings = `view ${ms}, forecast ${Math.round(performance.now() - forecastStarted)}`;
    if (forecast.ok) {
      current.areas = forecast.areas.map((a) => ({ id: a.id, name: a.name, kind: a.kind }));
      const sys = forecast.forecast.system, levels = forecast.forecast.levels;
      current.forecast = { startMs: forecast.forecast.startMs, point: sys.point, p10: sys.quantiles[levels.indexOf(0.1)], p90: sys.quantiles[levels.indexOf(0.9)] };
      render(name, view);
      document.body.dataset.forecast = 'true';
      status(`${name} — ${word('checked', lang)} ${ms} ms; ${word('forecastDone', lang)} ${Math.round(performance.now() - started - ms)} ms`, 'ok');
      // Kept for the next visit, with the last few others (IndexedDB keeps a Blob without copying
      // it on this thread).
      void rememberFile(name, blob).then(showRecent).catch(() => {});
      // Warnings, then the plans kept for this scenario.
      const outlookStarted = performance.now();
      await openDispatch({ name, sha256: view.sha256!, data, forecast: forecast.forecast });
      document.body.dataset.timings += `, outlook ${Math.round(performance.now() - outlookStarted)}`;
    } else {
      // Data that cannot carry a forecast: its problems in place, as a file's are.
      showProblems(name, { ok: false, problems: forecast.problems, total: forecast.total } as ScenarioView);
      status(`${name} — ${word('checked', lang)} ${ms} ms; ${forecast.problems[0] ? formatProblem(forecast.problems[0]) : ''}`, 'error');
    }
  } catch (error) {
    if (signal.aborted) return; // superseded by a newer file
    // A worker that died or stopped answering has been replaced: the same file can be tried again.
    status(`${word('failed', lang)}: ${(error as Error).message}`, 'error', error instanceof EngineFailedError ? () => void open(name, blob) : undefined);
  } finally {
    if (loading === controller) loading = null;
  }
}

function showProblems(name: string, view: ScenarioView): void {
  $('problems').hidden = false;
  $('problems-count').textContent = `${name}: ${view.total} ${word('problems', lang)}`;
  const list = $('problems-list');
  list.replaceChildren(...view.problems.map((p) => {
    const li = document.createElement('li');
    li.textContent = formatProblem(p);
    return li;
  }));
  if (view.total > view.problems.length) {
    const li = document.createElement('li');
    li.textContent = `… ${view.total - view.problems.length} ${word('more', lang)}`;
    list.append(li);
  }
  // Nothing already open is lost: the last valid scenario stays on screen, and says so.
  $('problems-kept').textContent = current ? `${word('stillShowing', lang)}: ${current.view.summary!.name}` : '';
}

function fact(label: string, value: string): HTMLElement[] {
  const dt = document.createElement('dt');
  dt.textContent = label;
  const dd = document.createElement('dd');
  dd.textContent = value;
  return [dt, dd];
}

function render(name: string, view: ScenarioView): void {
  const s = view.summary!;
  $('view').hidden = false;
  $('scenario-name').textContent = lang === 'zh' && s.nameZh ? s.nameZh : s.name;
  $('scenario-name').title = s.description ?? name;
  const zone = resolveZone(s.timeZone)!;
  const n = (x: number) => x.toLocaleString(localeOf(lang));
  const kinds = Object.entries(s.areas.byKind).map(([k, c]) => `${n(c)} ${areaKind(k, c, lang)}`).join(', ');
  const supply = s.supply.units
    ? `${n(s.supply.units)} ${word('units', lang)}, ${formatMW(s.supply.capacityMW, lang)}; ${s.supply.imports} ${word('imports', lang)}${s.supply.reserveMW !== null ? `; ${word('reserve', lang)} ${formatMW(s.supply.reserveMW, lang)}` : ''}`
    : word('none', lang);
  $('summary').replaceChildren(
    ...fact(word('areas', lang), kinds),
    ...fact(word('feeders', lang), `${n(s.feeders.total)}: ${n(s.feeders.servingProtected)} ${word('servingProtected', lang)}, ${n(s.feeders.openable)} ${word('openable', lang)}`),
    ...fact(word('customers', lang), `${n(s.customers.total)}: ${n(s.customers.curtailable)} ${word('curtailable', lang)}, ${n(s.customers.protected)} ${word('protectedWord', lang)}`),
    ...fact(word('protectedShare', lang), `${(s.protectedPeakShare * 100).toFixed(1)} %`),
    ...fact(word('historyPeak', lang), s.historyPeak ? `${formatMW(s.historyPeak.mw, lang)} (${formatInZone(s.historyPeak.at, zone)})` : word('none', lang)),
    ...fact(word('supply', lang), supply),
    ...fact(word('study', lang), `${s.study.hours} h, ${s.study.start} (${word('issued', lang)} ${s.study.issuedAt})`),
    ...fact(word('events', lang), s.events.length ? s.events.map((e) => e.kind).join(', ') : word('none', lang)),
  );
  $('classes-chart').replaceChildren(classesChart(s.customers.byClass.map((c) => ({
    label: className(c.class, lang), tier: c.tier, peakMW: c.peakMW, count: c.count,
  }))));
  const studyStart = parseTimestamp(s.study.start)!.ms;
  if (view.systemLoad) {
    $('load-chart').replaceChildren(loadChart({
      load: view.systemLoad,
      ...(view.temperature ? { temperature: view.temperature } : {}),
      study: { startMs: studyStart, hours: s.study.hours },
      timeZone: s.timeZone,
      ...(current?.view === view && current.forecast ? { loadForecast: current.forecast } : {}),
      labels: {
        load: `${word('load', lang)} (MW)`, temperature: `${word('temperature', lang)} (°C)`, forecast: `${word('forecast', lang)} (°C)`,
        study: word('study', lang), loadForecast: `${word('loadForecast', lang)} P10–P90`,
      },
    }));
    $('overview-chart').replaceChildren(dailyPeakChart({ load: view.systemLoad, timeZone: s.timeZone }));
  } else {
    $('load-chart').replaceChildren();
    $('overview-chart').replaceChildren();
  }
  document.body.dataset.ready = 'true';
}

async function openDefault(): Promise<void> {
  const response = await fetch(defaultScenarioUrl);
  await open(DEFAULT_NAME, await response.blob());
}

async function openFile(file: File): Promise<void> {
  // A history CSV goes into the open scenario; anything else is read as a scenario (the File is
  // the Blob the workers read).
  if (/\.csv$/i.test(file.name)) offerCsv(csvDeps, file.name, new Uint8Array(await file.arrayBuffer()));
  else await open(file.name, file);
}

const csvDeps: CsvDeps = {
  pool, lang: () => lang, status, open,
  scenario: () => (current?.areas ? { name: current.name, blob: current.data.blob, timeZone: current.view.summary!.timeZone, areas: current.areas } : null),
  problems: (name, problems, total) => showProblems(name, { ok: false, problems, total } as ScenarioView),
};

$('file-input').addEventListener('change', (e) => {
  const file = (e.target as HTMLInputElement).files?.[0];
  if (file) void openFile(file);
  (e.target as HTMLInputElement).value = '';
});
$('default-button').addEventListener('click', () => void openDefault());

/** The scenario files kept in the browser, to open again (their plans come back with them). */
async function showRecent(): Promise<void> {
  const files = await recentFiles();
  const select = $<HTMLSelectElement>('recent-select');
  const head = document.createElement('option');
  head.value = '';
  head.textContent = word('recent', lang);
  select.replaceChildren(head, ...files.map((f) => {
    const o = document.createElement('option');
    o.value = f.name;
    o.textContent = `${f.name} (${f.size >= 2 ** 20 ? `${(f.size / 2 ** 20).toFixed(0)} MB` : `${Math.ceil(f.size / 1024)} kB`})`;
    return o;
  }));
  select.hidden = files.length === 0;
}
$('recent-select').addEventListener('change', (e) => {
  const select = e.target as HTMLSelectElement;
  const name = select.value;
  select.value = '';
  if (name) void loadFile(name).then((f) => f && open(f.name, f.blob));
});
$('lang-button').addEventListener('click', () => {
  lang = lang === 'zh' ? 'en' : 'zh';
  localStorage.setItem('orderly.lang', lang);
  applyLanguage();
});
window.addEventListener('dragover', (e) => {
  e.preventDefault();
  $('drop-hint').hidden = false;
});
window.addEventListener('dragleave', () => ($('drop-hint').hidden = true));
window.addEventListener('drop', (e) => {
  e.preventDefault();
  $('drop-hint').hidden = true;
  const file = e.dataTransfer?.files?.[0];
  if (file) void openFile(file);
});

initDispatch({ pool, lang: () => lang, status });
initCsvAttach(csvDeps);
applyLanguage();
// The user's last scenario comes back after a reload; a first visit opens the default.
void loadLastFile().then((last) => (last ? open(last.name, last.blob) : openDefault()), () => openDefault());
