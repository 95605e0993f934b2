/**
 * The user's work kept in the browser (IndexedDB), so a reload loses nothing: the last scenario
 * opened (its file, as a Blob) and, per scenario, the plans built and their play-outs.
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
  // Plans an older page kept whole are split as the page keeps them now.
  return kept.map((p) => {
    if ('lists' in p) return p;
    const { headline, lists } = splitReport(p.report);
    return { ...p, report: headline, lists: new Blob([JSON.stringify(lists)], { type: 'application/json' }) };
  });
}
export const saveLastFile = (name: string, blob: Blob) => put(FILES, 'last', { name, blob });

/** The last scenario opened, as a Blob (older pages kept its bytes). */
export async function loadLastFile(): Promise<{ name: string; blob: Blob } | undefined> {
  const last = await get<{ name: string; blob?: Blob; bytes?: Uint8Array }>(FILES, 'last');
  if (!last) return undefined;
  if (last.blob) return { name: last.name, blob: last.blob };
  return last.bytes ? { name: last.name, blob: new Blob([last.bytes as Uint8Array<ArrayBuffer>]) } : undefined;
}
