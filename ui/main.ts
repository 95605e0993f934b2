/**
 * The page: one store of its state (state.ts), views drawn from it (draw.ts, views/), and here the
 * wiring — what the user does becomes a transition or a controller's work on the engine
 * (controllers/). Every bit of compute goes through the engine pool of Web Workers.
 */
import type { PlanLevel } from '../core/plan/build-problem.ts';
import type { Strategy } from '../core/plan/order.ts';
import { browserEnginePool } from '../worker/browser/spawn.ts';
import defaultScenarioUrl from '../scenarios/heat-wave.json?url';
import { createCsv, type CsvChoice } from './controllers/csv.ts';
import { showCsvFields } from './views/csv-panel.ts';
import { createDispatch } from './controllers/dispatch.ts';
import { createExecution } from './controllers/execution.ts';
import { createBulletins } from './controllers/bulletins.ts';
import { createFiles } from './controllers/files.ts';
import { pageOf } from './controllers/page.ts';
import { createWhatIf } from './controllers/what-if.ts';
import { createWork } from './controllers/work.ts';
import { followWidth } from './controllers/width.ts';
import { download } from './download.ts';
import { drawPage } from './draw.ts';
import type { Lang } from './i18n.ts';
import { createDrawQueue } from './later.ts';
import { loadFile, loadLastFile } from './plan-store.ts';
import {
  csvDismissed, executionUpdated, hourScrubbed, localAreaChosen, initialState, languageChanged, networkFocused, planByChosen, planSelected, retryTaken, whatIfReset, type Retry,
} from './state.ts';
import { createStore } from './store.ts';
import { dayChosen, noticeDayChosen, noticesFiltered, paged, type NoticeFilter } from './execution-state.ts';
import type { BaselinePolicy } from '../core/execution/baselines.ts';
import type { MeterUnit } from '../core/execution/meters.ts';
import { STORIES } from './stories.ts';
import { $ } from './views/dom.ts';
import { bulletinText } from './views/outlook.ts';

/** The bundled default (scenarios/bundled.ts); the built asset's name carries a hash. */
const DEFAULT_NAME = 'heat-wave.json';

const store = createStore(initialState((localStorage.getItem('orderly.lang') as Lang) ?? 'en'));
const draws = createDrawQueue();
const page = pageOf(store, browserEnginePool(), draws, () => browserEnginePool(1));
const work = createWork(page);
const dispatch = createDispatch(page, work);
const execution = createExecution(page);
const bulletins = createBulletins(page);
// Once an opening is assessed with its plans, the plan that was being executed comes back with its notices.
const files = createFiles(page, async (opened, provisional) => {
  await dispatch.assess(opened, provisional);
  if (!provisional) await Promise.all([bulletins.read(), execution.resume()]);
});
const csv = createCsv(page, files.open);
const whatIf = createWhatIf(page);

const value = (id: string) => $<HTMLInputElement | HTMLSelectElement>(id).value;
const level = () => (value('plan-level') || undefined) as PlanLevel | undefined;
const futures = () => Number(value('futures')) || 300;

drawPage(store, draws, {
  select: (id) => store.update((s) => planSelected(s, id)),
  exportCsv: (id) => void dispatch.exportCsv(id),
  focusNetwork: (area) => store.update((s) => networkFocused(s, area)),
  record: (steps) => execution.record(steps, value('dispatcher-name')),
  page: (list, p, pages) => changeExecution((x) => paged(x, list, p, pages)),
});

/** A change to the execution shown (none when there is none). */
function changeExecution(change: Parameters<typeof executionUpdated>[2]): void {
  const x = store.get().execution;
  if (x) store.update((s) => executionUpdated(s, x, change));
}

async function openDefault(): Promise<void> {
  const response = await fetch(defaultScenarioUrl);
  await files.open(DEFAULT_NAME, await response.blob());
}

async function openFile(file: File): Promise<void> {
  // A history CSV goes into the open scenario; anything else is read as a scenario (the File is
  // the Blob the workers read).
  if (/\.csv$/i.test(file.name)) csv.offer(file.name, new Uint8Array(await file.arrayBuffer()));
  else await files.open(file.name, file);
}

/** Try again: the work that failed, as it would be asked for now (the level and futures chosen now). */
function again(retry: Retry): void {
  if (retry.do === 'open') void files.open(retry.name, retry.blob);
  else if (retry.do === 'assess') void dispatch.assess(retry.opened, retry.provisional);
  else if (retry.do === 'plan') void dispatch.plan(retry.strategy, level());
  else void dispatch.playOut(futures());
}

// ---- The scenario file ----
$('file-input').addEventListener('change', (e) => {
  const file = (e.target as HTMLInputElement).files?.[0];
  if (file) void openFile(file);
  (e.target as HTMLInputElement).value = '';
});
$('default-button').addEventListener('click', () => void openDefault());
// A button, not a label: in the tab order, and Enter or Space opens the file chooser.
$('open-button').addEventListener('click', () => $<HTMLInputElement>('file-input').click());
$('story-select').addEventListener('change', (e) => {
  const select = e.target as HTMLSelectElement;
  const story = STORIES.find((s) => s.file === select.value);
  select.value = '';
  if (story) void fetch(story.url).then((r) => r.blob()).then((blob) => files.open(story.file, blob));
});
$('recent-select').addEventListener('change', (e) => {
  const select = e.target as HTMLSelectElement;
  const name = select.value;
  select.value = '';
  if (name) void loadFile(name).then((f) => f && files.open(f.name, f.blob));
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
$('csv-cancel').addEventListener('click', () => store.update(csvDismissed));
$('csv-layout').addEventListener('change', showCsvFields);
$('csv-temp-kind').addEventListener('change', showCsvFields);
$('csv-attach').addEventListener('click', () => {
  const kind = value('csv-temp-kind'), tempUnit = value('csv-temp-unit') as '°C' | '°F';
  void csv.attach({
    layout: value('csv-layout') as CsvChoice['layout'], time: value('csv-time'), date: value('csv-date'), hour: value('csv-hour'), pattern: value('csv-pattern'),
    load: value('csv-load'), unit: value('csv-unit') as 'MW' | 'kW', interval: value('csv-interval') as CsvChoice['interval'], hourEnding: $<HTMLInputElement>('csv-ending').checked,
    temperature: kind === 'hourly' ? { kind, column: value('csv-temp'), unit: tempUnit }
      : kind === 'daily' ? { kind, max: value('csv-temp-max'), min: value('csv-temp-min'), mean: value('csv-temp-mean'), unit: tempUnit } : { kind: 'none' },
    area: value('csv-area'),
  });
});

// ---- The status line and the language ----
$('retry-button').addEventListener('click', () => {
  const retry = store.get().status?.retry;
  store.update(retryTaken);
  if (retry) again(retry);
});
$('cancel-button').addEventListener('click', () => work.cancel());
$('lang-button').addEventListener('click', () => {
  const lang = store.get().lang === 'zh' ? 'en' : 'zh';
  localStorage.setItem('orderly.lang', lang);
  store.update((s) => languageChanged(s, lang));
});

// ---- The outlook and the what-if sliders ----
for (const id of ['whatif-lost', 'whatif-temp', 'whatif-notice']) $(id).addEventListener('input', () => {
  const notice = Number(value('whatif-notice'));
  whatIf.ask({ lostMW: Number(value('whatif-lost')), tempOffsetC: Number(value('whatif-temp')), noticeHours: notice < 0 ? null : notice });
});
$('area-select').addEventListener('change', (e) => store.update((st) => localAreaChosen(st, (e.target as HTMLSelectElement).value || null)));
$('whatif-reset').addEventListener('click', () => store.update(whatIfReset));
$('copy-bulletin').addEventListener('click', () => void navigator.clipboard?.writeText(bulletinText(store.get().dispatch?.bulletin, store.get().lang)));
$('log-bulletin').addEventListener('click', () => void bulletins.issue(value('dispatcher-name')));
$('download-bulletin').addEventListener('click', () => {
  const d = store.get().dispatch, b = d?.bulletin;
  if (d && b) download(`${d.opened.name.replace(/\.json$/, '')}-bulletin.txt`, new Blob([`${b.text.zh}\n\n${b.text.en}\n`], { type: 'text/plain;charset=utf-8' }));
});

// ---- Plans ----
document.querySelectorAll<HTMLButtonElement>('[data-strategy]').forEach((b) => b.addEventListener('click', () => void dispatch.plan(b.dataset.strategy as Strategy, level())));
$('playout-button').addEventListener('click', () => void dispatch.playOut(futures()));
$('print-button').addEventListener('click', () => void dispatch.print());
document.querySelectorAll<HTMLButtonElement>('[data-by]').forEach((b) => b.addEventListener('click', () => store.update((s) => planByChosen(s, b.dataset.by as 'measure' | 'class'))));
$('scrubber').addEventListener('input', (e) => store.update((s) => hourScrubbed(s, Number((e.target as HTMLInputElement).value))));

// ---- Execution: notices, meters, compliance ----
$('execution-start').addEventListener('click', () => { const id = store.get().dispatch?.selected; if (id) void execution.start(id); });
document.querySelectorAll<HTMLButtonElement>('[data-clock]').forEach((b) => b.addEventListener('click', () => execution.moveClock(Number(b.dataset.clock))));
$('clock-reset').addEventListener('click', () => execution.moveClock(null));
$<HTMLInputElement>('dispatcher-name').value = localStorage.getItem('orderly.dispatcher') ?? '';
$('dispatcher-name').addEventListener('change', () => localStorage.setItem('orderly.dispatcher', value('dispatcher-name').trim()));
document.querySelectorAll<HTMLButtonElement>('[data-notice-filter]').forEach((b) => b.addEventListener('click', () => changeExecution((x) => noticesFiltered(x, b.dataset.noticeFilter as NoticeFilter))));
$('notice-day').addEventListener('change', () => changeExecution((x) => noticeDayChosen(x, value('notice-day') || null)));
$('download-notices').addEventListener('click', () => execution.downloadNotices());
$('download-log').addEventListener('click', () => execution.downloadLog());
$('story-button').addEventListener('click', () => void execution.loadStory());
$('replan-button').addEventListener('click', () => void execution.replanRest());
$('meters-clear').addEventListener('click', () => void execution.clearMeters());
$('meters-button').addEventListener('click', () => $<HTMLInputElement>('meters-input').click());
const meterUnit = () => (value('meters-unit') || undefined) as MeterUnit | undefined;
const readMeters = async (file: File) => execution.loadMeters(file.name, new Uint8Array(await file.arrayBuffer()), meterUnit());
$('meters-input').addEventListener('change', (e) => {
  const file = (e.target as HTMLInputElement).files?.[0];
  if (file) void readMeters(file);
  (e.target as HTMLInputElement).value = '';
});
// A meter file dropped on its box is read as meters (anywhere else, a CSV is a load history for the scenario).
$('meters-box').addEventListener('dragover', (e) => { e.preventDefault(); e.stopPropagation(); $('meters-box').classList.add('dropping'); });
$('meters-box').addEventListener('dragleave', () => $('meters-box').classList.remove('dropping'));
$('meters-box').addEventListener('drop', (e) => {
  e.preventDefault();
  e.stopPropagation();
  $('meters-box').classList.remove('dropping');
  $('drop-hint').hidden = true;
  const file = e.dataTransfer?.files?.[0];
  if (file) void readMeters(file);
});
$('baseline-select').addEventListener('change', () => void execution.choosePolicy(value('baseline-select') as BaselinePolicy));
$('day-select').addEventListener('change', () => changeExecution((x) => dayChosen(x, value('day-select'))));
$('download-daily').addEventListener('click', () => execution.downloadReports('daily'));
$('download-short').addEventListener('click', () => execution.downloadReports('shortfall'));
$('download-evaluation').addEventListener('click', () => execution.downloadReports('evaluation'));
$('print-execution').addEventListener('click', () => execution.printReport());

followWidth(store);

void files.listRecent().catch(() => {});
// The user's last scenario comes back after a reload; a first visit opens the default.
void loadLastFile().then((last) => (last ? files.open(last.name, last.blob) : openDefault()), () => openDefault());
