/**
 * The page's state and its transitions. Each transition is a pure function of the state and what
 * happened: it returns a new state (or the same one, when what happened no longer concerns the
 * page — an answer for a file or a scenario since replaced), so the rules of the page can be
 * tested in plain Node. The engine calls that lead to them are in controllers/, the drawing in
 * views/.
 */
import type { ExecutionDocumentInput } from './views/execution-document.ts';
import { guessCsvLayout, type CsvGuess } from '../core/history/guess-layout.ts';
import type { ScenarioForecast } from '../core/forecast/scenario-forecast.ts';
import type { PlanDigest } from '../core/plan/digest.ts';
import type { PlanHeadline } from '../core/plan/report-parts.ts';
import type { Strategy } from '../core/plan/order.ts';
import type { PlayoutSummary } from '../core/playout/summary.ts';
import type { Problem } from '../core/problems.ts';
import type { Assessment } from '../core/warning/assess.ts';
import type { Bulletin } from '../core/warning/bulletin.ts';
import type { BulletinLogEntry } from '../core/warning/bulletin-log.ts';
import type { ScenarioView, WhatIfOutcome } from '../worker/api.ts';
import type { HeldScenario } from '../worker/held-scenario.ts';
import type { Execution } from './execution-state.ts';
import type { Lang } from './i18n.ts';
import type { StoredPlan } from './plan-store.ts';

export type StatusKind = 'busy' | 'ok' | 'error';

/** What the Try again button does again: work whose engine worker died (the pool has replaced it). */
export type Retry =
  | { do: 'open'; name: string; blob: Blob }
  | { do: 'assess'; opened: Opened; provisional: boolean }
  | { do: 'plan'; strategy: Strategy }
  | { do: 'playOut' };

export interface Status {
  text: string;
  kind: StatusKind;
  retry: Retry | null;
  /** The same in both languages, where it was said in words: the line follows a language change. */
  texts?: { en: string; zh: string };
}

export type LoadForecast = { startMs: number; point: Float64Array; p10: Float64Array; p90: Float64Array };
/** An area as the page names it: with its parent and its schematic position where the scenario gives one (the map). */
export type AreaRef = { id: string; name: string; kind: string; parent?: string | null; position?: { xKm: number; yKm: number } };

/** The valid scenario shown: the last file checked that no newer file superseded. */
export interface Scenario {
  /** Which file it was, in the order chosen (see fileChosen). */
  ticket: number;
  name: string;
  /** The file's content hash: plans are kept under it, so an edited file never shows another version's plans. */
  sha256: string;
  view: ScenarioView;
  /** The file as each engine worker reads it (the same object throughout: workers know it by it). */
  data: HeldScenario;
  /** Once every area is forecast: the system's forecast for the load chart, and the areas (a history CSV is attached to one). */
  loadForecast?: LoadForecast;
  areas?: AreaRef[];
}

/** A file's problems, shown in place (the last valid scenario stays). */
export interface Problems { name: string; problems: Problem[]; total: number }

/** A scenario forecast: what its outlook, plans and play-outs are computed from. */
export interface Opened {
  name: string;
  sha256: string;
  data: HeldScenario;
  forecast: ScenarioForecast;
}

/** The dispatcher's views of one opened forecast: its warnings, its plans, the selected one. */
export interface Dispatch {
  /** Which opening this is: answers for an earlier one are dropped. */
  session: number;
  opened: Opened;
  /** A first outlook from the system's forecast alone: plans wait for every area's forecast. */
  provisional: boolean;
  assessment?: Assessment;
  bulletin?: Bulletin;
  plans: StoredPlan[];
  /** Kept plans not shown: they were made for other content than this file's. */
  setAside: number;
  selected?: string;
  /** The hour the scrubber is at. */
  hour: number;
  /** The area the network chart draws alone (a province's substation), or none. */
  networkFocus: string | null;
  /** The area short of import capacity the outlook draws alone (chosen in its selector), or null: the warned ones small. */
  localArea?: string | null;
}

export type WhatIfResult = Extract<WhatIfOutcome, { ok: true }>;
/** A slider position's warnings (the engine's whatIfOutlook, or the warnings that came with its plan). */
export type WhatIfWarnings = Pick<WhatIfResult, 'assessment' | 'bulletin' | 'p10' | 'p90' | 'peakGapMW'>;
/** The warnings in the outlook and the position they are for (`seq` of the ask they answer). */
export type WhatIfView = WhatIfWarnings & { sliders: Sliders; seq: number };

/** Where the what-if sliders stand: supply lost, MW; temperature offset, °C; notice, h (null: each customer's own). */
export type Sliders = { lostMW: number; tempOffsetC: number; noticeHours: number | null };

/**
 * The what-if sliders, the warnings and the least-cost plan that follow them. Two lanes, each one
 * call at a time and only the latest position waiting in each: the warnings (back in tens of ms,
 * drawn in the outlook) and the plan (hundreds of ms, drawn below; while it is made for the latest
 * position, the plan drawn says it is for an earlier one).
 */
export interface WhatIf {
  sliders: Sliders;
  /** The position last asked for, when (performance.now(), ms), and its number (seq): shown beside the sliders. */
  asked: (Sliders & { at: number; seq: number }) | null;
  /** Positions asked for so far (the last one's seq). */
  seq: number;
  /** The sliders moved since the last warnings were sent for: only their latest position waits. */
  pending: boolean;
  /** Warnings are with the engine (one call at a time). */
  running: boolean;
  /** The sliders moved since the last plan was sent for: only their latest position waits. */
  planPending: boolean;
  /** A plan is with the engine (one call at a time). */
  planning: boolean;
  /** Counts set-ups and resets: an answer asked for before one is dropped. */
  round: number;
  /** The latest position's warnings answered so far (drawn in the outlook while inOutlook). */
  outlook: WhatIfView | null;
  /** The last what-if plan answered: it stays drawn below the outlook (after Reset too) until a scenario is assessed. */
  result: WhatIfResult | null;
  /** The ask `result` answers (its seq); the plan is current when that is the last ask. */
  resultSeq: number;
  /** The outlook shows the what-if's warnings (Reset puts the forecast's own outlook back). */
  inOutlook: boolean;
  /** The verifier's word on the result (null: not yet). */
  verified: boolean | null;
  /** What-if warnings drawn since the page opened. */
  answered: number;
  /** What-if plans drawn since the page opened. */
  planned: number;
}

/** A history CSV dropped on the open scenario, waiting for its columns, unit and area. */
export interface CsvOffer {
  name: string;
  bytes: Uint8Array;
  columns: string[];
  /** The columns that look like the time and the load, and the unit the load's name suggests. */
  time?: string;
  load?: string;
  unit: 'MW' | 'kW';
  /** The layout, date/hour/point columns and temperature guessed from the header (history/guess-layout.ts). */
  guess: CsvGuess;
  scenario: { name: string; blob: Blob; timeZone: string; areas: AreaRef[] };
}

/** The document last made for printing — a plan report or an execution report — in the language it was made in. */
export type Report = PlanPrint | ExecutionPrint;

export interface ExecutionPrint {
  kind: 'execution';
  document: ExecutionDocumentInput;
  lang: Lang;
}

export interface PlanPrint {
  kind: 'plan';
  plan: StoredPlan;
  digest: PlanDigest;
  scenarioName: string;
  bulletin?: Bulletin;
  printedAt: string;
  lang: Lang;
}

export interface PageState {
  lang: Lang;
  status: Status | null;
  /** Cancellable work is running (the Cancel button shows). */
  busy: boolean;
  /** Files are numbered in the order chosen; `shown` is the number of the one on screen. */
  chosen: number;
  shown: number;
  scenario: Scenario | null;
  problems: Problems | null;
  /** Scenario files kept in the browser, most recent first. */
  recent: { name: string; size: number }[];
  dispatch: Dispatch | null;
  /** Openings so far (each dispatch gets the next number). */
  sessions: number;
  whatIf: WhatIf;
  /** The selected plan's chart: stacked by measure (the ladder) or by customer class. */
  planBy: 'measure' | 'class';
  /** The window's width, px, in steps: charts are drawn at their container's width, so they are drawn again when it changes. */
  width: number;
  csv: CsvOffer | null;
  report: Report | null;
  /** The day of execution of one plan (its notices, meters and compliance), or none yet. */
  execution: Execution | null;
  /** The bulletins issued for the open scenario (kept per scenario id), once read. */
  bulletinLog: BulletinLog | null;
}

/** The log of bulletins issued for one scenario (by its id: edited versions of a scenario share it), for the dispatch `session` that read it. */
export interface BulletinLog {
  session: number;
  scenario: string;
  entries: BulletinLogEntry[];
  /** Why the last bulletin was not logged, or null. */
  refused: 'same' | 'other-area' | 'not-saved' | null;
}

const AT_REST: Sliders = { lostMW: 0, tempOffsetC: 0, noticeHours: null };

export function initialState(lang: Lang): PageState {
  return {
    lang, status: null, busy: false, chosen: 0, shown: 0, scenario: null, problems: null, recent: [], dispatch: null, sessions: 0,
    whatIf: { sliders: AT_REST, asked: null, seq: 0, pending: false, running: false, planPending: false, planning: false, round: 0, outlook: null, result: null, resultSeq: 0, inOutlook: false, verified: null, answered: 0, planned: 0 },
    planBy: 'measure', csv: null, report: null, width: 0, execution: null, bulletinLog: null,
  };
}

// ---- Language, status, work ----

export const languageChanged = (s: PageState, lang: Lang): PageState => (s.lang === lang ? s : { ...s, lang });

export const statusSaid = (s: PageState, text: string, kind: StatusKind = 'ok', retry: Retry | null = null, texts?: Status['texts']): PageState =>
  ({ ...s, status: { text, kind, retry, ...(texts ? { texts } : {}) } });

/** Try again was pressed: the button goes while the work is done again. */
export const retryTaken = (s: PageState): PageState => (s.status?.retry ? { ...s, status: { ...s.status, retry: null } } : s);

export const workStarted = (s: PageState): PageState => (s.busy ? s : { ...s, busy: true });
export const workEnded = (s: PageState): PageState => (s.busy ? { ...s, busy: false } : s);

// ---- Files ----

/** A file was chosen: it gets the next number. (Its check may come back before or after a later file's.) */
export const fileChosen = (s: PageState): PageState => ({ ...s, chosen: s.chosen + 1 });

/** A newer file than `ticket` is already shown: what comes back for `ticket` is dropped. */
export const superseded = (s: PageState, ticket: number): boolean => ticket < s.shown;

/** A file passed its check: it is shown, unless a newer one already is. Its problems, if any were shown, go. */
export function fileShown(s: PageState, file: Omit<Scenario, 'loadForecast' | 'areas'>): PageState {
  if (superseded(s, file.ticket)) return s;
  return { ...s, shown: file.ticket, scenario: { ...file }, problems: null };
}

/** Every area of the shown file is forecast (answers for another file are dropped). */
export function forecastReady(s: PageState, ticket: number, forecast: ScenarioForecast, areas: AreaRef[]): PageState {
  if (s.scenario?.ticket !== ticket) return s;
  const sys = forecast.system, levels = forecast.levels;
  const loadForecast = { startMs: forecast.startMs, point: sys.point, p10: sys.quantiles[levels.indexOf(0.1)], p90: sys.quantiles[levels.indexOf(0.9)] };
  return { ...s, scenario: { ...s.scenario, loadForecast, areas: areas.map((a) => ({ id: a.id, name: a.name, kind: a.kind, ...(a.parent !== undefined ? { parent: a.parent } : {}), ...(a.position ? { position: a.position } : {}) })) } };
}

export const problemsShown = (s: PageState, problems: Problems): PageState => ({ ...s, problems });

export const recentListed = (s: PageState, files: { name: string; size: number }[]): PageState =>
  ({ ...s, recent: files.map((f) => ({ name: f.name, size: f.size })) });

// ---- The dispatcher's views ----

/** A scenario's forecast is to be assessed: a new opening (what was drawn stays until it is assessed). */
export function dispatchOpened(s: PageState, opened: Opened, provisional: boolean): PageState {
  const session = s.sessions + 1;
  return { ...s, sessions: session, dispatch: { session, opened, provisional, plans: [], setAside: 0, hour: 0, networkFocus: null } };
}

/** The opening `session` is assessed; the plans kept for its content come with it, the newest selected, and the sliders are set up afresh. */
export function assessed(s: PageState, session: number, found: { assessment: Assessment; bulletin: Bulletin; plans: StoredPlan[]; setAside: number }): PageState {
  const d = s.dispatch;
  if (d?.session !== session) return s;
  const selected = found.plans[found.plans.length - 1]?.id;
  return {
    ...s,
    dispatch: { ...d, assessment: found.assessment, bulletin: found.bulletin, plans: found.plans, setAside: found.setAside, ...(selected ? { selected } : {}) },
    whatIf: slidersSetUp(s.whatIf),
  };
}

/** The hour a plan needs most, in any area it covers (a local plan has no system need): where the scrubber starts. */
export function peakHour(r: Pick<PlanHeadline, 'system'> & { local?: PlanHeadline['local'] }): number {
  let best = 0, most = -Infinity;
  for (const o of [r.system, ...(r.local ?? [])]) o.requiredMW.forEach((v, h) => { if (v > most) { most = v; best = h; } });
  return most > 0 ? best : 0;
}

/** A plan was made: it replaces the one of the same strategy and level, and is selected at its peak hour. */
export function planAdded(s: PageState, session: number, plan: StoredPlan): PageState {
  const d = s.dispatch;
  if (d?.session !== session) return s;
  const others = d.plans.filter((p) => !(p.report.strategy === plan.report.strategy && p.report.level === plan.report.level));
  return { ...s, dispatch: { ...d, plans: [...others, plan], selected: plan.id, hour: peakHour(plan.report) } };
}

/**
 * A revision of a plan (a re-plan during the day) joins the plans beside the plan in force it
 * revises: it replaces only an earlier answer for the same plan and T, the plan in force stays
 * (unlike planAdded, which replaces the plan of the same strategy and level), and what is
 * selected stays selected.
 */
export function revisionAdded(s: PageState, session: number, plan: StoredPlan): PageState {
  const d = s.dispatch;
  if (d?.session !== session || !plan.revises || !d.plans.some((p) => p.id === plan.revises!.planId)) return s;
  return { ...s, dispatch: { ...d, plans: [...d.plans.filter((p) => p.id !== plan.id), plan] } };
}

export function planSelected(s: PageState, id: string): PageState {
  const plan = s.dispatch?.plans.find((p) => p.id === id);
  if (!s.dispatch || !plan) return s;
  return { ...s, dispatch: { ...s.dispatch, selected: id, hour: peakHour(plan.report) } };
}

/** The plans `ids` were played out, `summaries` in the same order. */
export function playedOut(s: PageState, session: number, ids: string[], summaries: PlayoutSummary[]): PageState {
  const d = s.dispatch;
  if (d?.session !== session) return s;
  const byId = new Map(ids.map((id, i) => [id, summaries[i]]));
  return { ...s, dispatch: { ...d, plans: d.plans.map((p) => (byId.has(p.id) ? { ...p, playout: byId.get(p.id)! } : p)) } };
}

export const hourScrubbed = (s: PageState, hour: number): PageState =>
  (s.dispatch && s.dispatch.hour !== hour ? { ...s, dispatch: { ...s.dispatch, hour } } : s);

export const localAreaChosen = (s: PageState, area: string | null): PageState =>
  (s.dispatch && (s.dispatch.localArea ?? null) !== area ? { ...s, dispatch: { ...s.dispatch, localArea: area } } : s);

export const networkFocused = (s: PageState, area: string | null): PageState =>
  (s.dispatch ? { ...s, dispatch: { ...s.dispatch, networkFocus: area } } : s);

/** The window was resized (the width as charts are drawn for it). */
export const resized = (s: PageState, width: number): PageState => (s.width === width ? s : { ...s, width });

export const planByChosen = (s: PageState, planBy: 'measure' | 'class'): PageState => (s.planBy === planBy ? s : { ...s, planBy });

/** The selected plan of the open dispatch, if any. */
export const selectedPlan = (d: Dispatch | null): StoredPlan | undefined => d?.plans.find((p) => p.id === d.selected);

// ---- What-if ----

/** A scenario assessed: the sliders at rest and no what-if yet (the position last asked for stays beside them, as it always has). */
function slidersSetUp(w: WhatIf): WhatIf {
  return { ...w, sliders: AT_REST, pending: false, planPending: false, round: w.round + 1, outlook: null, result: null, inOutlook: false, verified: null };
}

/** A slider moved: its position waits for the engine in both lanes (replacing any position that was waiting). */
export function whatIfAsked(s: PageState, sliders: Sliders, at: number): PageState {
  const seq = s.whatIf.seq + 1;
  return { ...s, whatIf: { ...s.whatIf, sliders, asked: { ...sliders, at, seq }, seq, pending: true, planPending: true } };
}

/** Reset: the sliders at rest and the forecast's own outlook back; the last what-if plan stays drawn below. */
export const whatIfReset = (s: PageState): PageState =>
  ({ ...s, whatIf: { ...s.whatIf, sliders: AT_REST, pending: false, planPending: false, round: s.whatIf.round + 1, inOutlook: false } });

export const whatIfRunStarted = (s: PageState): PageState => ({ ...s, whatIf: { ...s.whatIf, running: true } });
/** The waiting position goes to the engine for its warnings. */
export const whatIfTaken = (s: PageState): PageState => ({ ...s, whatIf: { ...s.whatIf, pending: false } });
export const whatIfRunEnded = (s: PageState): PageState => ({ ...s, whatIf: { ...s.whatIf, running: false } });
export const whatIfPlanStarted = (s: PageState): PageState => ({ ...s, whatIf: { ...s.whatIf, planning: true } });
/** The waiting position goes to the engine for its plan. */
export const whatIfPlanTaken = (s: PageState): PageState => ({ ...s, whatIf: { ...s.whatIf, planPending: false } });
export const whatIfPlanEnded = (s: PageState): PageState => ({ ...s, whatIf: { ...s.whatIf, planning: false } });

/**
 * The warnings of the position asked as `asked` in `round`: into the outlook, unless the sliders
 * were set up or reset since, or the outlook already has the warnings of this ask or a later one.
 */
export function whatIfOutlookAnswered(s: PageState, round: number, asked: Sliders & { seq: number }, warnings: WhatIfWarnings): PageState {
  const w = s.whatIf;
  if (w.round !== round || (w.outlook && w.outlook.seq >= asked.seq)) return s;
  const { assessment, bulletin, p10, p90, peakGapMW } = warnings;
  const sliders = { lostMW: asked.lostMW, tempOffsetC: asked.tempOffsetC, noticeHours: asked.noticeHours };
  return { ...s, whatIf: { ...w, outlook: { assessment, bulletin, p10, p90, peakGapMW, sliders, seq: asked.seq }, inOutlook: true, answered: w.answered + 1 } };
}

/**
 * The engine's plan for the position asked as `asked` in `round`: drawn only when that is still
 * the last position asked (an earlier one's is dropped — the latest waits in the plan lane — never
 * shown as the current one's); its warnings go into the outlook too where they are newer.
 */
export function whatIfAnswered(s: PageState, round: number, asked: Sliders & { seq: number }, result: WhatIfResult): PageState {
  if (s.whatIf.round !== round || s.whatIf.asked?.seq !== asked.seq) return s;
  const withOutlook = whatIfOutlookAnswered(s, round, asked, result);
  const w = withOutlook.whatIf;
  return { ...withOutlook, whatIf: { ...w, result, resultSeq: asked.seq, inOutlook: true, verified: result.verified ?? null, planned: w.planned + 1 } };
}

/** `result` is the what-if plan for the position in the outlook (no newer one replaced it, no Reset put it away). */
export const inOutlook = (s: PageState, result: WhatIfResult): boolean => s.whatIf.result === result && s.whatIf.inOutlook;

/** The plan drawn is for the last position asked (otherwise the one for the latest is being made). */
export const planCurrent = (w: WhatIf): boolean => w.result !== null && w.asked !== null && w.resultSeq === w.asked.seq;

/** The verifier's answer on `result` (dropped when it is no longer the what-if in the outlook). */
export function whatIfChecked(s: PageState, result: WhatIfResult, ok: boolean): PageState {
  return inOutlook(s, result) ? { ...s, whatIf: { ...s.whatIf, verified: ok } } : s;
}

// ---- A history CSV ----

/** The open scenario a CSV can be attached to: once its areas are known. */
export function csvTarget(s: PageState): CsvOffer['scenario'] | null {
  const c = s.scenario;
  return c?.areas ? { name: c.name, blob: c.data.blob, timeZone: c.view.summary!.timeZone, areas: c.areas } : null;
}

/** A CSV was dropped on the open scenario: its header read, the likely columns and unit guessed. */
export function csvOffered(s: PageState, name: string, bytes: Uint8Array): PageState {
  const scenario = csvTarget(s);
  if (!scenario) return s;
  const head = new TextDecoder().decode(bytes.subarray(0, Math.min(bytes.length, 4096))).replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
  const columns = head.split(',').map((c) => c.trim().replace(/^"|"$/g, '')).filter(Boolean);
  const guess = guessCsvLayout(columns);
  const time = guess.time ?? guess.date, load = guess.load;
  return { ...s, csv: { name, bytes, columns, ...(time ? { time } : {}), ...(load ? { load } : {}), unit: guess.unit, guess, scenario } };
}

export const csvDismissed = (s: PageState): PageState => (s.csv ? { ...s, csv: null } : s);

// ---- Printing ----

export const reportMade = (s: PageState, report: Report): PageState => ({ ...s, report });

// ---- Execution ----

export const executionOpened = (s: PageState, execution: Execution): PageState => ({ ...s, execution });

/**
 * A change to the execution `of` (the same opening and plan): dropped when another is shown now
 * (an answer for a plan or a scenario since replaced).
 */
export function executionUpdated(s: PageState, of: Pick<Execution, 'session' | 'planId'>, change: (x: Execution) => Execution): PageState {
  const x = s.execution;
  if (!x || x.session !== of.session || x.planId !== of.planId) return s;
  const next = change(x);
  return next === x ? s : { ...s, execution: next };
}

// ---- The bulletins issued ----

/** The log kept for the scenario of dispatch `session` (dropped for an opening since replaced). */
export function bulletinLogRead(s: PageState, session: number, scenario: string, entries: BulletinLogEntry[]): PageState {
  return s.dispatch?.session === session ? { ...s, bulletinLog: { session, scenario, entries, refused: null } } : s;
}

/** The log grew by a bulletin (or the bulletin was refused, and why): only the log of the same opening and scenario. */
export function bulletinLogChanged(s: PageState, of: Pick<BulletinLog, 'session' | 'scenario'>, change: Partial<Pick<BulletinLog, 'entries' | 'refused'>>): PageState {
  const l = s.bulletinLog;
  if (!l || l.session !== of.session || l.scenario !== of.scenario) return s;
  return { ...s, bulletinLog: { ...l, refused: null, ...change } };
}
