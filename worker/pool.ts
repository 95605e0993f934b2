/**
 * A pool of engine workers. Calls queue for a free worker; progress comes back through a callback;
 * cancellation terminates the worker that runs the call (the only way to stop a synchronous solver)
 * and starts a fresh one in its place, so the pool keeps its size.
 */
import { proxy, type Remote } from 'comlink';
import type { EngineApi, ProgressCallback } from './api.ts';

export interface EngineWorker {
  api: Remote<EngineApi>;
  terminate(): void | Promise<unknown>;
}

export type Spawn = () => EngineWorker;

export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: ProgressCallback;
  /** Go before queued calls (the page's first outlook ahead of a long forecast). */
  urgent?: boolean;
}

/** The error a cancelled call rejects with. */
export class CancelledError extends Error {
  constructor(message = 'cancelled') {
    super(message);
    this.name = 'AbortError';
  }
}

interface Slot {
  worker: EngineWorker;
  busy: boolean;
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
    for (let i = 0; i < size; i++) this.slots.push({ worker: spawn(), busy: false });
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
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => {
        // Stop the work for real: terminate the worker and put a fresh one in its slot.
        const old = slot.worker;
        slot.worker = this.spawn();
        void old.terminate();
        reject(new CancelledError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    try {
      return await Promise.race([task(slot.worker.api, progress), aborted]);
    } finally {
      if (onAbort) signal?.removeEventListener('abort', onAbort);
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
