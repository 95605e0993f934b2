/**
 * The scenario a worker keeps: the page asks the same worker to check a file, forecast, assess,
 * plan and play it out, and a city file takes ~0.2 s to read each time, a province's ~10 s. The
 * last one read is kept here, keyed by its name and bytes (a changed file is read again), with
 * its content hash computed once. Every engine module reads scenarios through this one.
 */
import { contentHash } from '../../core/content-hash.ts';
import { loadScenarioBytes } from '../../core/scenario/validate.ts';
import { forgetKeptPlans } from './kept-plans.ts';

/** A scenario as the engine takes it: its bytes, or the key of the one this worker holds. */
export type ScenarioBytes = Uint8Array | { held: string };

/** What a worker says when asked for a scenario it no longer holds (the call is then retried). */
export const NOT_HELD = 'orderly: scenario not held by this worker';

export type Loaded = ReturnType<typeof loadScenarioBytes>;

let kept: { key: string; result: Loaded; sha256?: string } | null = null;

/** The key a scenario goes by in this worker: a held file's, or the fingerprint of the bytes. */
export function scenarioKey(name: string, bytes: ScenarioBytes): string {
  return bytes instanceof Uint8Array ? fingerprint(name, bytes) : bytes.held;
}

function fingerprint(name: string, bytes: Uint8Array): string {
  // FNV-1a over every byte (~10 ms for a city file, against ~200 ms to parse and check it).
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return `${name}:${bytes.length}:${(h >>> 0).toString(16)}`;
}

/** The scenario a call names, read once and kept (an invalid file too: later calls must find its problems). */
export function loadCached(name: string, bytes: ScenarioBytes): Loaded {
  if (!(bytes instanceof Uint8Array)) {
    if (kept?.key === bytes.held) return kept.result;
    throw new Error(`${NOT_HELD} (${bytes.held})`);
  }
  const key = fingerprint(name, bytes);
  if (kept?.key === key) return kept.result;
  const result = loadScenarioBytes(name, bytes);
  kept = { key, result };
  // Plans kept for the scenario this one replaces can never be asked for again here: their memory back.
  forgetKeptPlans();
  return result;
}

/**
 * The content hash (SHA-256) of the scenario a call names: what plans are tied to. Computed once
 * per scenario in this worker (a held file's when it is handed over; bytes' on first need: ~25 ms
 * for a city file, ~1.4 s for a province's 112 MB).
 */
export function contentHashOf(name: string, bytes: ScenarioBytes): string {
  loadCached(name, bytes);
  if (!kept!.sha256) {
    if (!(bytes instanceof Uint8Array)) throw new Error(`${NOT_HELD} (${bytes.held}: no content hash)`);
    kept!.sha256 = contentHash(bytes);
  }
  return kept!.sha256;
}

/** A file's bytes, given as bytes or as a Blob (read here, off the page's thread). */
export async function bytesOf(data: Blob | Uint8Array): Promise<Uint8Array> {
  return data instanceof Uint8Array ? data : new Uint8Array(await data.arrayBuffer());
}
