/**
 * Engine workers under Node's worker_threads, for the command line, benchmarks and tests.
 *
 * The worker's entry is found from where this module itself runs (see `engineEntry`):
 * - built (the command line: esbuild bundles this file into dist-cli/<build>/), the worker is the
 *   built `engine-entry.mjs` beside it — plain JavaScript, nothing compiled when it starts, and no
 *   development tool needed (tsx is a devDependency);
 * - from the sources (vitest, `node --import tsx`, ORDERLY_FROM_SOURCES=1), the worker is
 *   `engine-entry.ts` beside this file, started through a one-line bootstrap that registers tsx
 *   (a `--import` loader does not reach a worker's own entry module in Node 20).
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { EngineApi } from '../api.ts';
import { EnginePool, type EngineWorker } from '../pool.ts';

export type EngineEntry =
  | { mode: 'built'; url: string }
  | { mode: 'sources'; url: string; bootstrap: string };

/**
 * Where the engine worker starts, given the URL of the module that spawns it (this one's, unless a
 * test asks about another place): a `.ts` module runs from the sources, anything else is built.
 */
export function engineEntry(here: string = import.meta.url): EngineEntry {
  if (!here.endsWith('.ts')) return { mode: 'built', url: new URL('./engine-entry.mjs', here).href };
  const url = new URL('./engine-entry.ts', here).href;
  // The ESM build of tsx's register API (require.resolve would pick its CommonJS build), resolved
  // to an absolute URL so it works whatever the current directory. Resolved only here: a built
  // command line never looks for tsx.
  const tsxPackage = createRequire(here).resolve('tsx/package.json');
  const tsxApi = new URL('dist/esm/api/index.mjs', pathToFileURL(tsxPackage)).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url)}); })`;
  return { mode: 'sources', url, bootstrap };
}

let entry: EngineEntry | undefined;

export function spawnNodeEngine(options: { maxOldSpaceMB?: number } = {}): EngineWorker {
  entry ??= engineEntry();
  const resourceLimits = options.maxOldSpaceMB ? { maxOldGenerationSizeMb: options.maxOldSpaceMB } : undefined;
  const worker = entry.mode === 'built'
    ? new Worker(new URL(entry.url), { resourceLimits })
    : new Worker(entry.bootstrap, { eval: true, resourceLimits });
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
