/**
 * Generation and validation throughput at each scale, through the engine (a worker thread, as
 * `orderly generate` and `orderly validate` run). Reference: a bare JSON.parse of the same bytes
 * in this thread — the floor of any loader — so "validate is 1.9× a bare parse" means the same on
 * any machine. Targets: province generated in under 15 s, loaded in under 5 s.
 */
import { nodeEnginePool } from '../../worker/node/spawn.ts';
import type { BenchRow } from '../report.ts';
import { measure } from './measure.ts';

const SCALES = [
  { scale: 'town', generate: undefined, load: undefined, samples: 5 },
  { scale: 'city', generate: undefined, load: undefined, samples: 5 },
  { scale: 'province', generate: 15, load: 5, samples: 3 },
] as const;

export async function generationSuite({ quick }: { quick: boolean }): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const pool = nodeEnginePool(1);
  try {
    await pool.run((api) => api.ping());
    for (const spec of SCALES) {
      if (quick && spec.scale === 'province') continue;
      const samples = quick ? 2 : spec.samples;
      let bytes: Uint8Array = new Uint8Array();
      let peak = 0;
      const gen = await measure(`generate ${spec.scale}`, async () => {
        const r = await pool.run((api) => api.generate({ scale: spec.scale, seed: 1 }));
        bytes = r.bytes;
        peak = Math.max(peak, (await pool.run((api) => api.memory())).peakRssMB);
      }, { minSamples: samples, maxTime: quick ? 1 : 5 });
      const mb = bytes.byteLength / 1e6;
      const parse = await measure(`JSON.parse ${spec.scale}`, async () => {
        JSON.parse(new TextDecoder().decode(bytes));
      }, { minSamples: samples, maxTime: quick ? 1 : 5 });
      const load = await measure(`validate ${spec.scale}`, async () => {
        const copy = bytes.slice();
        const r = await pool.run((api) => api.validate(`${spec.scale}.json`, copy));
        if (!r.ok) throw new Error(`generated ${spec.scale} scenario is invalid: ${r.problems[0]?.message}`);
        peak = Math.max(peak, (await pool.run((api) => api.memory())).peakRssMB);
      }, { minSamples: samples, maxTime: quick ? 1 : 5 });
      const reference = `JSON.parse of the file (${parse.medianS.toFixed(3)} s)`;
      rows.push(
        { suite: 'generation', name: `generate ${spec.scale} (${mb.toFixed(1)} MB)`, ...gen, mbPerS: mb / gen.medianS, reference, ratio: gen.medianS / parse.medianS, peakMB: peak, ...(spec.generate ? { target: spec.generate } : {}) },
        { suite: 'generation', name: `load+validate ${spec.scale}`, ...load, mbPerS: mb / load.medianS, reference, ratio: load.medianS / parse.medianS, peakMB: peak, ...(spec.load ? { target: spec.load } : {}) },
      );
      console.log(`  ${spec.scale}: generate ${gen.medianS.toFixed(2)} s, load+validate ${load.medianS.toFixed(2)} s, JSON.parse ${parse.medianS.toFixed(2)} s (${mb.toFixed(1)} MB)`);
    }
  } finally {
    await pool.close();
  }
  return rows;
}
