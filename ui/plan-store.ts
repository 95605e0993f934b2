/**
 * The user's work kept in the browser (IndexedDB), so a reload loses nothing: the last few
 * scenario files opened (as Blobs), per scenario the plans built and their play-outs, and per
 * scenario and plan the notices' status log (who was notified and acknowledged, when, by whom),
 * the meters read in for it, and per scenario the bulletins issued.
 */
import type { PlanReport } from '../core/plan/report.ts';
import { splitReport, type PlanHeadline } from '../core/plan/report-parts.ts';
import type { NoticeEvent } from '../core/execution/notice-status.ts';
import type { PlayoutSummary } from '../core/playout/summary.ts';
import type { BulletinLogEntry } from '../core/warning/bulletin-log.ts';
import type { BaselinePolicy } from '../core/execution/baselines.ts';
import type { MeterFile } from './execution-state.ts';

/** A plan kept: its headline in memory, its per-customer lists as a Blob (read by the workers). */
export interface StoredPlan {
  id: string;
  createdAt: string;
  report: PlanHeadline;
  lists: Blob;
  playout?: PlayoutSummary;
  /**
   * A re-plan during the day (the page's Re-plan button): the plan in force it revises, T, and
   * the figures of the revision from T on (its report's own residual counts the hours before T too).
   */
  revises?: RevisionFacts;
}

export interface RevisionFacts {
  planId: string;
  atMs: number;
  /** Residual left from T to the end of the plan, MWh, and its largest hour, MW. */
  residualMWh: number;
  peakResidualMW: number;
  /** The largest gap from T before the revision (the plan in force on the day as measured) and after it, MW. */
  gapBeforeMW: number;
  gapAfterMW: number;
  counts: { added: number; cancelled: number; increased: number; reduced: number };
}

const DB = 'orderly';
const PLANS = 'plans', FILES = 'files', NOTICES = 'notices';

function db(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    // Version 2 added the notices' logs; a version-1 database keeps its plans and files (only
    // the stores it lacks are made).
    const req = indexedDB.open(DB, 2);
    req.onupgradeneeded = () => {
      for (const store of [PLANS, FILES, NOTICES]) if (!req.result.objectStoreNames.contains(store)) req.result.createObjectStore(store);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** One read-write transaction on `store`, done when it commits. */
async function write(store: string, change: (s: IDBObjectStore) => void): Promise<void> {
  const d = await db();
  try {
    await new Promise<void>((resolve, reject) => {
      const tx = d.transaction(store, 'readwrite');
      change(tx.objectStore(store));
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  } finally {
    d.close();
  }
}

/** One read on `store`: the result of the request `ask` makes. */
async function read<T>(store: string, ask: (s: IDBObjectStore) => IDBRequest): Promise<T> {
  const d = await db();
  try {
    return await new Promise<T>((resolve, reject) => {
      const req = ask(d.transaction(store).objectStore(store));
      req.onsuccess = () => resolve(req.result as T);
      req.onerror = () => reject(req.error);
    });
  } finally {
    d.close();
  }
}

const put = (store: string, key: string, value: unknown) => write(store, (s) => s.put(value, key));
const get = <T>(store: string, key: string) => read<T | undefined>(store, (s) => s.get(key));

export const savePlans = (scenario: string, plans: StoredPlan[]) => put(PLANS, scenario, plans);
export async function loadPlans(scenario: string): Promise<StoredPlan[]> {
  const kept = (await get<Array<StoredPlan | OlderPlan>>(PLANS, scenario)) ?? [];
  return kept.map((p) => withFeederColumns('lists' in p ? p : splitWhole(p)));
}

/** The status log of a plan's notices, kept under the scenario's content hash and the plan (see noticeKey). */
export const saveNoticeLog = (key: string, steps: NoticeEvent[]) => put(NOTICES, `log:${key}`, { steps });
export async function loadNoticeLog(key: string): Promise<NoticeEvent[]> {
  return (await get<{ steps: NoticeEvent[] }>(NOTICES, `log:${key}`))?.steps ?? [];
}
export const noticeKey = (sha256: string, planId: string) => `${sha256}|${planId}`;

/** The bulletins issued for a scenario, kept under its id (edited versions of one scenario share their log). */
export const saveBulletinLog = (scenario: string, entries: BulletinLogEntry[]) => put(NOTICES, `bulletins:${scenario}`, { entries });
export async function loadBulletinLog(scenario: string): Promise<BulletinLogEntry[]> {
  return (await get<{ entries: BulletinLogEntry[] }>(NOTICES, `bulletins:${scenario}`))?.entries ?? [];
}

/** The meters read in for a plan's execution (the file and the baseline it was judged on), kept as the notices' log is: a reload judges them again. */
export const saveMeters = (key: string, kept: KeptMeters) => put(NOTICES, `meters:${key}`, kept);
export const loadMeters = (key: string) => get<KeptMeters>(NOTICES, `meters:${key}`);
export const forgetMeters = (key: string) => write(NOTICES, (s) => s.delete(`meters:${key}`));
export interface KeptMeters { meters: MeterFile; policy: BaselinePolicy }

/** Which plan of a scenario was being executed: the page opens its notices again after a reload. */
export const saveExecuting = (sha256: string, planId: string) => put(NOTICES, `executing:${sha256}`, planId);
export const loadExecuting = (sha256: string) => get<string>(NOTICES, `executing:${sha256}`);

/** A plan an older page kept whole (its report with the per-customer lists). */
type OlderPlan = Omit<StoredPlan, 'report' | 'lists'> & { report: PlanReport };

/** An older page's whole plan, split as the page keeps plans now. */
function splitWhole(p: OlderPlan): StoredPlan {
  const { headline, lists } = splitReport(p.report);
  return { ...p, report: headline, lists: new Blob([JSON.stringify(lists)], { type: 'application/json' }) };
}

/** An older page's network kept one object per feeder; the report now keeps columns. */
function withFeederColumns(plan: StoredPlan): StoredPlan {
  const network = plan.report.network;
  if (!network || !Array.isArray(network.feeders)) return plan;
  const rows = network.feeders as unknown as { id: string; area: string; ratingMW: number; protected: boolean; curtailedMWh: number; openedHours: number }[];
  const index = new Map(network.areas.map((a, i) => [a.id, i]));
  const feeders = {
    id: rows.map((f) => f.id), area: rows.map((f) => index.get(f.area) ?? -1), ratingMW: rows.map((f) => f.ratingMW),
    protected: rows.map((f) => (f.protected ? 1 : 0)), curtailedMWh: rows.map((f) => f.curtailedMWh), openedHours: rows.map((f) => f.openedHours),
  };
  return { ...plan, report: { ...plan.report, network: { areas: network.areas, feeders } } };
}

/** Scenario files kept: the most recently opened, by name (a file opened again replaces its copy). */
export const RECENT_KEPT = 8;
const FILE_KEY = 'file:';

interface KeptFile { name: string; blob: Blob; openedAt: number }

/** Keeps a scenario file opened now (and which was last), forgetting all but the most recent. */
export async function rememberFile(name: string, blob: Blob): Promise<void> {
  await write(FILES, (s) => {
    s.put({ name, blob, openedAt: Date.now() } satisfies KeptFile, FILE_KEY + name);
    s.put({ pointer: name }, 'last');
  });
  const old = (await recentFiles()).slice(RECENT_KEPT);
  if (old.length) await write(FILES, (s) => old.forEach((f) => s.delete(FILE_KEY + f.name)));
}

/** The scenario files kept, most recent first. */
export async function recentFiles(): Promise<{ name: string; size: number; openedAt: number }[]> {
  // Every kept file: the keys that start with FILE_KEY.
  const all = await read<KeptFile[]>(FILES, (s) => s.getAll(IDBKeyRange.bound(FILE_KEY, `${FILE_KEY}\uffff`)));
  return all.map((f) => ({ name: f.name, size: f.blob.size, openedAt: f.openedAt })).sort((a, b) => b.openedAt - a.openedAt);
}

export async function loadFile(name: string): Promise<{ name: string; blob: Blob } | undefined> {
  const f = await get<KeptFile>(FILES, FILE_KEY + name);
  return f ? { name: f.name, blob: f.blob } : undefined;
}

/** The last scenario opened (older pages kept it whole under 'last', as bytes or a Blob). */
export async function loadLastFile(): Promise<{ name: string; blob: Blob } | undefined> {
  const last = await get<{ pointer?: string; name?: string; blob?: Blob; bytes?: Uint8Array }>(FILES, 'last');
  if (!last) return undefined;
  if (last.pointer) return loadFile(last.pointer);
  if (last.blob) return { name: last.name!, blob: last.blob };
  return last.bytes ? { name: last.name!, blob: new Blob([last.bytes as Uint8Array<ArrayBuffer>]) } : undefined;
}
