/** Engine workers in the browser (module Web Workers bundled by Vite). */
import { wrap } from 'comlink';
import type { EngineApi } from '../api.ts';
import { EnginePool, type EngineWorker } from '../pool.ts';

export function spawnBrowserEngine(): EngineWorker {
  const worker = new Worker(new URL('./engine-entry.ts', import.meta.url), { type: 'module', name: 'orderly-engine' });
  // An error outside a call (the module failing to load, a crash) leaves the worker's state
  // unknown: the pool replaces it and rejects the call it was running.
  const watchers: Array<(reason: string) => void> = [];
  let dead = false;
  const die = (reason: string) => {
    if (dead) return;
    dead = true;
    for (const w of watchers) w(reason);
  };
  worker.addEventListener('error', (e) => { e.preventDefault(); die(e.message || 'an error in the engine worker'); });
  worker.addEventListener('messageerror', () => die('a message it could not read'));
  return { api: wrap<EngineApi>(worker), terminate: () => { dead = true; worker.terminate(); }, onDeath: (callback) => void watchers.push(callback) };
}

export function browserEnginePool(size = Math.max(1, Math.min(2, (navigator.hardwareConcurrency || 2) - 1))): EnginePool {
  return new EnginePool(spawnBrowserEngine, size);
}
