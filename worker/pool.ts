/**
 * A pool of engine workers. Calls queue for a free worker; progress comes back through a callback;
 * cancellation terminates the worker that runs the call (the only way to stop a synchronous solver)
 * and starts a fresh one in its place, so the pool keeps its size. A worker that dies on its own
 * (out of memory, a crash) or does not answer within a call's time limit is replaced the same way,
 * and its call rejects with a message that says what happened — never a promise left pending, a
 * "Planning…" that never ends.
 */
import { proxy, type Remote } from 'comlink';
import type { EngineApi, ProgressCallback } from './api.ts';

export interface EngineWorker {
  api: Remote<EngineApi>;
  terminate(): void | Promise<unknown>;
  /** Calls back (once) when the worker dies on its own: it exits, crashes, or throws outside a call. */
  onDeath?(callback: (reason: string) => void): void;
}

export type Spawn = () => EngineWorker;

export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: ProgressCallback;
  /** Go before queued calls (the page's first outlook ahead of a long forecast). */
  urgent?: boolean;
  /** Longest the call may take, ms: past it the worker is taken to be stuck, replaced, and the call rejects. */
  timeoutMs?: number;
}

/** The error a cancelled call rejects with. */
export class CancelledError extends Error {
  constructor(message = 'cancelled') {
    super(message);
    this.name = 'AbortError';
  }
}

/** The error a call rejects with when its worker died or stopped answering (the pool has replaced it). */
export class EngineFailedError extends Error {
  constructor(message: string, readonly kind: 'died' | 'stalled') {
    super(message);
    this.name = 'EngineFailedError';
  }
}

interface Slot {
  worker: EngineWorker;
  busy: boolean;
  /** Rejects the call running on this slot's worker when that worker dies. */
  onDeath: ((reason: string) => void) | null;
}

interface Waiter {
  resolve: (slot: Slot) => void;
  reject: (error: unknown) => void;
  signal?: AbortSignal;
}

export class EnginePool {
  private readonly slots: Slot[] = [];
  private readonly queue: Waiter[] = [];
  private closed = false;

  constructor(private readonly spawn: Spawn, readonly size: number) {
    if (!(size >= 1)) throw new Error(`a pool needs at least one worker, asked for ${size}`);
    for (let i = 0; i < size; i++) {
      const slot: Slot = { worker: null as unknown as EngineWorker, busy: false, onDeath: null };
      this.slots.push(slot);
      this.replace(slot);
    }
  }

  /** How many workers died on their own or stalled, and were replaced (for tests and the page). */
  failures = 0;

  /** Puts a fresh worker in the slot (terminating the old one, if any) and watches it. */
  private replace(slot: Slot): EngineWorker | null {
    const old = slot.worker;
    const worker = this.spawn();
    slot.worker = worker;
    worker.onDeath?.((reason) => {
      if (slot.worker !== worker || this.closed) return; // replaced or closing: not a death
      this.failures++;
      const running = slot.onDeath;
      this.replace(slot);
      running?.(reason);
    });
    if (old) void Promise.resolve(old.terminate()).catch(() => {});
    return old ?? null;
  }

  /**
   * Runs `task` on a free worker. `task` receives the worker's API and a progress callback already
   * wrapped to cross the thread boundary (or undefined when the caller wants none).
   */
  async run<T>(task: (api: Remote<EngineApi>, progress?: ProgressCallback) => Promise<T>, options: RunOptions = {}): Promise<T> {
    const { signal, onProgress } = options;
    if (signal?.aborted) throw new CancelledError();
    const slot = await this.acquire(signal, options.urgent);
    const progress = onProgress ? proxy(onProgress) : undefined;
    let onAbort: (() => void) | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stopped = new Promise<never>((_, reject) => {
      onAbort = () => {
        // Stop the work for real: terminate the worker and put a fresh one in its slot.
        this.replace(slot);
        reject(new CancelledError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      slot.onDeath = (reason) => reject(new EngineFailedError(
        `the engine worker stopped (${reason}) before it answered; a fresh one has taken its place — try again`, 'died'));
      if (options.timeoutMs !== undefined) {
        timer = setTimeout(() => {
          this.failures++;
          this.replace(slot);
          reject(new EngineFailedError(
            `the engine worker did not answer within ${formatSeconds(options.timeoutMs!)}; it has been restarted — try again`, 'stalled'));
        }, options.timeoutMs);
      }
    });
    try {
      return await Promise.race([task(slot.worker.api, progress), stopped]);
    } finally {
      if (onAbort) signal?.removeEventListener('abort', onAbort);
      if (timer !== undefined) clearTimeout(timer);
      slot.onDeath = null;
      this.release(slot);
    }
  }

  private acquire(signal?: AbortSignal, urgent = false): Promise<Slot> {
    if (this.closed) return Promise.reject(new Error('the engine pool is closed'));
    const free = this.slots.find((s) => !s.busy);
    if (free) {
      free.busy = true;
      return Promise.resolve(free);
    }
    return new Promise<Slot>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, signal };
      if (urgent) this.queue.unshift(waiter);
      else this.queue.push(waiter);
      signal?.addEventListener('abort', () => {
        const i = this.queue.indexOf(waiter);
        if (i >= 0) this.queue.splice(i, 1);
        reject(new CancelledError());
      }, { once: true });
    });
  }

  private release(slot: Slot): void {
    const next = this.queue.shift();
    if (next) next.resolve(slot);
    else slot.busy = false;
  }

  /** Terminates every worker; pending calls reject. */
  async close(): Promise<void> {
    this.closed = true;
    for (const w of this.queue.splice(0)) w.reject(new Error('the engine pool is closed'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}

function formatSeconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}
