/** Engine workers in the browser (module Web Workers bundled by Vite). */
import { wrap } from 'comlink';
import type { EngineApi } from '../api.ts';
import { EnginePool, type EngineWorker } from '../pool.ts';

export function spawnBrowserEngine(): EngineWorker {
  const worker = new Worker(new URL('./engine-entry.ts', import.meta.url), { type: 'module', name: 'orderly-engine' });
  return { api: wrap<EngineApi>(worker), terminate: () => worker.terminate() };
}

export function browserEnginePool(size = Math.max(1, Math.min(2, (navigator.hardwareConcurrency || 2) - 1))): EnginePool {
  return new EnginePool(spawnBrowserEngine, size);
}
