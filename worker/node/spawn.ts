/**
 * Engine workers under Node's worker_threads, for the command line, benchmarks and tests. The
 * worker runs TypeScript through tsx's loader, resolved to an absolute URL so it works whatever
 * the current directory.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { EngineApi } from '../api.ts';
import { EnginePool, type EngineWorker } from '../pool.ts';

const require = createRequire(import.meta.url);
// The ESM build of tsx's register API (require.resolve would pick its CommonJS build).
const tsxApi = new URL('dist/esm/api/index.mjs', pathToFileURL(require.resolve('tsx/package.json'))).href;
const entry = new URL('./engine-entry.ts', import.meta.url).href;
// A `--import` loader does not reach a worker's own entry module in Node 20, so the worker starts
// from a one-line bootstrap that registers tsx and then imports the TypeScript entry.
const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;

export function spawnNodeEngine(options: { maxOldSpaceMB?: number } = {}): EngineWorker {
  const worker = new Worker(bootstrap, {
    eval: true,
    resourceLimits: options.maxOldSpaceMB ? { maxOldGenerationSizeMb: options.maxOldSpaceMB } : undefined,
  });
  // A worker that dies (out of memory, crash) is reported to the pool, which replaces it and
  // rejects the call it was running; a death on purpose (terminate) is not one.
  let terminating = false, dead = false;
  const watchers: Array<(reason: string) => void> = [];
  const die = (reason: string) => {
    if (terminating || dead) return;
    dead = true;
    for (const w of watchers) w(reason);
  };
  worker.on('error', (error: Error & { code?: string }) => die(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'out of memory' : error.message));
  worker.on('exit', (code) => die(`exit code ${code}`));
  worker.unref();
  return {
    api: wrap<EngineApi>(nodeEndpoint(worker)),
    terminate: () => { terminating = true; return worker.terminate(); },
    onDeath: (callback) => void watchers.push(callback),
  };
}

export function nodeEnginePool(size = Math.min(2, availableParallelism())): EnginePool {
  return new EnginePool(() => spawnNodeEngine({ maxOldSpaceMB: 8192 }), size);
}
