/**
 * A scenario handed to each engine worker once. A province file is ~110 MB: posting its bytes
 * with every call copied them on the page's thread (~300 ms each, the page froze). A Blob crosses
 * to a worker as a handle; the worker reads it off the page's thread, keeps the parsed scenario
 * under a hash of its bytes, and later calls name the scenario by that key.
 */
import type { Remote } from 'comlink';
import type { EngineApi } from './api.ts';
import { NOT_HELD, type ScenarioBytes } from './engine/kept-scenario.ts';

export { NOT_HELD };

export class HeldScenario {
  constructor(readonly name: string, readonly blob: Blob) {}
  get size(): number {
    return this.blob.size;
  }
}

/** A scenario as the pool functions take it: its bytes (command line, tests) or a held file (page). */
export type ScenarioData = Uint8Array | HeldScenario;

/** Which held scenario each worker (by its API proxy; a respawned worker has a new one) holds. */
const holding = new WeakMap<object, { source: HeldScenario; key: string }>();

async function argFor(api: Remote<EngineApi>, data: ScenarioData): Promise<ScenarioBytes> {
  if (!(data instanceof HeldScenario)) return data;
  const known = holding.get(api);
  if (known?.source === data) return { held: known.key };
  const { key } = await api.hold(data.name, data.blob);
  holding.set(api, { source: data, key });
  return { held: key };
}

/**
 * Runs `call` on the worker behind `api` with the scenario as that worker should get it: bytes
 * as they are, a held file by its key (handed over first where this worker does not hold it).
 */
export async function withScenario<R>(api: Remote<EngineApi>, data: ScenarioData, call: (bytes: ScenarioBytes) => R): Promise<Awaited<R>> {
  try {
    return await call(await argFor(api, data));
  } catch (error) {
    // The worker read another scenario meanwhile (its cache keeps one): hand this one again.
    if (!(data instanceof HeldScenario) || !String((error as Error)?.message).includes(NOT_HELD)) throw error;
    holding.delete(api);
    return await call(await argFor(api, data));
  }
}
