/** benchmark.js, promisified, for deferred (async) operations that take from milliseconds to seconds. */
import Benchmark from 'benchmark';

export interface Measured {
  medianS: number;
  rme: number;
  samples: number;
}

export function measure(name: string, fn: () => Promise<unknown>, options: { minSamples?: number; maxTime?: number } = {}): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const bench = new Benchmark(name, {
      defer: true,
      minSamples: options.minSamples ?? 5,
      maxTime: options.maxTime ?? 5,
      initCount: 1,
      fn(deferred: { resolve(): void }) {
        fn().then(() => deferred.resolve(), (error) => {
          bench.abort();
          reject(error);
        });
      },
      onComplete() {
        const sample = [...bench.stats.sample].sort((a, b) => a - b);
        const median = sample.length ? sample[Math.floor(sample.length / 2)] : bench.stats.mean;
        resolve({ medianS: median, rme: bench.stats.rme, samples: sample.length });
      },
      onError(event: { target: { error: Error } }) {
        reject(event.target.error);
      },
    });
    bench.run({ async: true });
  });
}
