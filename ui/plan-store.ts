/**
 * The user's work kept in the browser (IndexedDB), so a reload loses nothing: the last scenario
 * opened (its bytes) and, per scenario, the plans built and their play-outs.
 */
import type { PlanReport } from '../core/plan/report.ts';
import type { PlayoutSummary } from '../core/playout/summary.ts';

export interface StoredPlan {
  id: string;
  createdAt: string;
  report: PlanReport;
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
export const loadPlans = async (scenario: string) => (await get<StoredPlan[]>(PLANS, scenario)) ?? [];
export const saveLastFile = (name: string, bytes: Uint8Array) => put(FILES, 'last', { name, bytes });
export const loadLastFile = () => get<{ name: string; bytes: Uint8Array }>(FILES, 'last');
