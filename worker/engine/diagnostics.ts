/** The engine's own health, for benchmarks and tests: memory, and workers that spin or fail on purpose. */
import { throttled, type ProgressCallback } from './calls.ts';

export const diagnosticsEngine = {
  /** Memory of this worker, for benchmarks: current and peak resident set (Node), MB. */
  memory(): { rssMB: number; peakRssMB: number; heapUsedMB: number } {
    const g = globalThis as { process?: { memoryUsage(): { rss: number; heapUsed: number }; resourceUsage?(): { maxRSS: number } } };
    if (!g.process) return { rssMB: 0, peakRssMB: 0, heapUsedMB: 0 };
    const m = g.process.memoryUsage();
    const peak = g.process.resourceUsage ? g.process.resourceUsage().maxRSS / 1024 : m.rss / 2 ** 20;
    return { rssMB: m.rss / 2 ** 20, peakRssMB: peak, heapUsedMB: m.heapUsed / 2 ** 20 };
  },

  /**
   * For tests of the pool's recovery: this worker fails as a worker can — it exits (Node; a browser
   * worker closes itself, which nothing reports, so the call's time limit must catch it), or
   * throws outside any call — after `afterMs`. The call itself never answers.
   */
  failForTest(how: 'exit' | 'throw', afterMs = 10): Promise<never> {
    const g = globalThis as { process?: { exit(code: number): never }; close?: () => void };
    setTimeout(() => {
      if (how === 'exit') {
        if (g.process) g.process.exit(70);
        else g.close?.();
      } else throw new Error('engine failure (test)');
    }, afterMs);
    return new Promise<never>(() => {});
  },

  /** Busy work for tests of cancellation: spins for `ms` milliseconds, reporting progress. */
  spin(ms: number, onProgress?: ProgressCallback): number {
    const progress = throttled(onProgress);
    const start = Date.now();
    let n = 0;
    while (Date.now() - start < ms) {
      n++;
      if ((n & 0xffff) === 0) void progress((Date.now() - start) / ms, 'spinning');
    }
    return n;
  },
};
