/**
 * The user's work kept in the browser (IndexedDB), so a reload loses nothing: the last scenario
 * scenario files opened (as Blobs; the last few) and, per scenario, the plans built and their play-outs.
 */
import type { PlanReport } from '../core/plan/report.ts';
import { splitReport, type PlanHeadline } from '../core/plan/report-parts.ts';
import type { PlayoutSummary } from '../core/playout/summary.ts';

/** A plan kept: its headline in memory, its per-customer lists as a Blob (read by the workers). */
export interface StoredPlan {
  id: string;
  createdAt: string;
  report: PlanHeadline;
  lists: Blob;
  playout?: PlayoutSummary;
}

const DB = 'orderly';
const PLANS = 'plans', FILES = 'files';

function db(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => {
      req.result.createObjectStore(PLANS);
      req.result.createObjectStore(FILES);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function put(store: string, key: string, value: unknown): Promise<void> {
  const d = await db();
  await new Promise<void>((resolve, reject) => {
    const tx = d.transaction(store, 'readwrite');
    tx.objectStore(store).put(value, key);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  d.close();
}

async function remove(store: string, key: string): Promise<void> {
  const d = await db();
  await new Promise<void>((resolve, reject) => {
    const tx = d.transaction(store, 'readwrite');
    tx.objectStore(store).delete(key);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  d.close();
}

/** Every value whose key starts with `prefix`. */
async function entries<T>(store: string, prefix: string): Promise<T[]> {
  const d = await db();
  const values = await new Promise<T[]>((resolve, reject) => {
    const req = d.transaction(store).objectStore(store).getAll(IDBKeyRange.bound(prefix, `${prefix}\uffff`));
    req.onsuccess = () => resolve(req.result as T[]);
    req.onerror = () => reject(req.error);
  });
  d.close();
  return values;
}

async function get<T>(store: string, key: string): Promise<T | undefined> {
  const d = await db();
  const value = await new Promise<T | undefined>((resolve, reject) => {
    const req = d.transaction(store).objectStore(store).get(key);
    req.onsuccess = () => resolve(req.result as T | undefined);
    req.onerror = () => reject(req.error);
  });
  d.close();
  return value;
}

export const savePlans = (scenario: string, plans: StoredPlan[]) => put(PLANS, scenario, plans);
export async function loadPlans(scenario: string): Promise<StoredPlan[]> {
  const kept = (await get<Array<StoredPlan | (Omit<StoredPlan, 'report' | 'lists'> & { report: PlanReport })>>(PLANS, scenario)) ?? [];
  // Plans an older page kept whole are split as the page keeps them now, their network's feeders
  // turned from rows into columns.
  return kept.map((p) => {
    const plan = 'lists' in p ? p : (() => {
      const { headline, lists } = splitReport(p.report);
      return { ...p, report: headline, lists: new Blob([JSON.stringify(lists)], { type: 'application/json' }) };
    })();
    const network = plan.report.network as unknown as { areas: { id: string }[]; feeders: unknown } | undefined;
    if (network && Array.isArray(network.feeders)) {
      const rows = network.feeders as { id: string; area: string; ratingMW: number; protected: boolean; curtailedMWh: number; openedHours: number }[];
      const index = new Map(network.areas.map((a, i) => [a.id, i]));
      plan.report = { ...plan.report, network: { areas: plan.report.network!.areas, feeders: {
        id: rows.map((f) => f.id), area: rows.map((f) => index.get(f.area) ?? -1), ratingMW: rows.map((f) => f.ratingMW),
        protected: rows.map((f) => (f.protected ? 1 : 0)), curtailedMWh: rows.map((f) => f.curtailedMWh), openedHours: rows.map((f) => f.openedHours),
      } } };
    }
    return plan;
  });
}
/** Scenario files kept: the most recently opened, by name (a file opened again replaces its copy). */
export const RECENT_KEPT = 8;
const FILE_KEY = 'file:';

interface KeptFile { name: string; blob: Blob; openedAt: number }

/** Keeps a scenario file opened now (and which was last), forgetting all but the most recent. */
export async function rememberFile(name: string, blob: Blob): Promise<void> {
  await put(FILES, FILE_KEY + name, { name, blob, openedAt: Date.now() } satisfies KeptFile);
  await put(FILES, 'last', { pointer: name });
  const kept = await recentFiles();
  for (const old of kept.slice(RECENT_KEPT)) await remove(FILES, FILE_KEY + old.name);
}

/** The scenario files kept, most recent first. */
export async function recentFiles(): Promise<{ name: string; size: number; openedAt: number }[]> {
  const all = await entries<KeptFile>(FILES, FILE_KEY);
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
