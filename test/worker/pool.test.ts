/**
 * The engine pool over real Node worker threads: the same API the page uses in the browser.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { hydrate } from '../../core/scenario/hydrate.ts';
import { serializeScenario } from '../../core/scenario/serialize.ts';
import { nodeEnginePool } from '../../worker/node/spawn.ts';
import { CancelledError, EngineFailedError } from '../../worker/pool.ts';
import { generateScenarioFile } from '../../scenarios/generator/generate.ts';

const pool = nodeEnginePool(2);
afterAll(() => pool.close());

describe('the engine pool', () => {
  it('answers through a worker thread', async () => {
    expect(await pool.run((api) => api.ping())).toBe('orderly-engine');
  });

  it('generates the same bytes in a worker as the generator does in this thread', async () => {
    const result = await pool.run((api) => api.generate({ scale: 'town', seed: 12 }));
    const here = new TextEncoder().encode(serializeScenario(hydrate(generateScenarioFile({ scale: 'town', seed: 12 }))));
    expect(result.bytes).toEqual(here);
    expect(result.summary.customers.curtailable).toBeGreaterThan(350);
  }, 180_000); // the pool's first call starts its worker from the sources (compiled as it loads): past 60 s under load

  it('reports progress as generation goes, ending at 100 %', async () => {
    const seen: Array<[number, string]> = [];
    await pool.run((api, progress) => api.generate({ scale: 'town', seed: 1 }, progress), { onProgress: (f, phase) => void seen.push([f, phase]) });
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.map(([f]) => f)).toEqual([...seen.map(([f]) => f)].sort((a, b) => a - b));
    expect(seen.at(-1)).toEqual([1, 'done']);
  });

  it('transfers the scenario bytes instead of copying them', async () => {
    const { bytes } = await pool.run((api) => api.generate({ scale: 'town', seed: 2 }));
    const sent = bytes.slice();
    await pool.run((api) => api.validate('town.json', sent));
    // A transferred buffer is detached on the sending side once the call returns.
    const { transfer } = await import('comlink');
    const moved = bytes.slice();
    await pool.run((api) => api.validate('town.json', transfer(moved, [moved.buffer])));
    expect(moved.byteLength).toBe(0);
  });

  it('stops work that is cancelled, for real, and keeps its size', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const spinning = pool.run((api, progress) => api.spin(60_000, progress), {
      signal: controller.signal,
      onProgress: (f) => { if (f > 0) controller.abort(); },
    });
    await expect(spinning).rejects.toBeInstanceOf(CancelledError);
    expect(Date.now() - started).toBeLessThan(10_000);
    // Both workers answer again, so the cancelled one was replaced.
    const answers = await Promise.all([pool.run((api) => api.ping()), pool.run((api) => api.ping())]);
    expect(answers).toEqual(['orderly-engine', 'orderly-engine']);
  });

  it('queues calls beyond its size and runs them all', async () => {
    const results = await Promise.all(Array.from({ length: 5 }, (_, k) => pool.run((api) => api.spin(50 + k))));
    expect(results.every((n) => n > 0)).toBe(true);
  });

  it('rejects a call cancelled while it waits in the queue', async () => {
    const busy = [pool.run((api) => api.spin(400)), pool.run((api) => api.spin(400))];
    const controller = new AbortController();
    const waiting = pool.run((api) => api.ping(), { signal: controller.signal });
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(CancelledError);
    await Promise.all(busy);
  });
});

describe('the engine pool when a worker fails', () => {
  it('rejects the call of a worker that exits, with what happened, and answers again with a fresh worker', async () => {
    const own = nodeEnginePool(1);
    try {
      const started = Date.now();
      const failing = own.run((api) => api.failForTest('exit'));
      await expect(failing).rejects.toBeInstanceOf(EngineFailedError);
      await expect(failing).rejects.toThrow(/the engine worker stopped \(exit code 70\) before it answered; a fresh one has taken its place — try again/);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(own.failures).toBe(1);
      expect(await own.run((api) => api.ping())).toBe('orderly-engine');
    } finally {
      await own.close();
    }
  });

  it('rejects the call of a worker that throws outside any call, and replaces it', async () => {
    const own = nodeEnginePool(1);
    try {
      await expect(own.run((api) => api.failForTest('throw'))).rejects.toThrow(/the engine worker stopped \(engine failure \(test\)\)/);
      expect(await own.run((api) => api.ping())).toBe('orderly-engine');
    } finally {
      await own.close();
    }
  });

  it('gives up on a worker that does not answer within the call\'s time limit, and replaces it', async () => {
    const own = nodeEnginePool(1);
    try {
      const started = Date.now();
      await expect(own.run((api) => api.spin(60_000), { timeoutMs: 300 })).rejects.toThrow(/did not answer within 0.3 s; it has been restarted — try again/);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(await own.run((api) => api.ping())).toBe('orderly-engine');
    } finally {
      await own.close();
    }
  });

  it('replaces a worker that dies while idle, so the next call finds a live one', async () => {
    const own = nodeEnginePool(1);
    try {
      // The failing call is given up (its time limit) before the worker exits: the exit comes while idle.
      await expect(own.run((api) => api.failForTest('exit', 400), { timeoutMs: 100 })).rejects.toBeInstanceOf(EngineFailedError);
      await new Promise((r) => setTimeout(r, 600));
      expect(await own.run((api) => api.ping())).toBe('orderly-engine');
    } finally {
      await own.close();
    }
  });
});
