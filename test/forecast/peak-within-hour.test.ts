/**
 * Load read at 15 or 30 minutes keeps each hour's highest reading beside its mean, and warnings
 * are measured against it: an hour whose mean fits under the supply can still be short for a
 * quarter of an hour. Energy stays on the means.
 */
import { describe, expect, it } from 'vitest';
import { peakRatios, combinedFactor } from '../../core/forecast/peak-ratio.ts';
import { forecastScenario } from '../../core/forecast/scenario-forecast.ts';
import { loadScenarioValue } from '../../core/scenario/validate.ts';
import type { ScenarioFile } from '../../core/scenario/schema.ts';
import type { Scenario } from '../../core/scenario/model.ts';
import { HOUR_MS, parseTimestamp } from '../../core/time/timestamp.ts';
import { assessScenario } from '../../core/warning/assess.ts';
import { tinyScenario } from '../support/tiny-scenario.ts';

function load(file: ScenarioFile): Scenario {
  const r = loadScenarioValue(structuredClone(file));
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.scenario!;
}

/** The tiny scenario with each area's maxima its means times `ratio` (areas listed). */
function withMaxima(ratio: number, areas: string[]): ScenarioFile {
  const s = tinyScenario();
  for (const h of s.history.load) {
    if (h.of === 'area' && areas.includes(h.id)) h.maxValues = h.values.map((v) => (v === null ? null : Math.round(v * ratio * 1000) / 1000));
  }
  return s;
}

describe('the hour\'s highest point against its mean', () => {
  it('is measured per local hour of day on the history: 10 % above the mean at 18:00, 2 % at the other hours', () => {
    const startMs = Date.UTC(2024, 5, 1, 0) - 8 * HOUR_MS; // local midnight, UTC+8
    const hours = 30 * 24;
    const values = new Float64Array(hours).fill(100);
    const maxValues = Array.from({ length: hours }, (_, i) => (i % 24 === 18 ? 110 : 102));
    const ratios = peakRatios({ history: { load: [{ of: 'area', id: 'A', startMs, unit: 'MW', values, maxValues } as never] } }, startMs + hours * HOUR_MS, (ms) => Math.floor((ms - startMs) / HOUR_MS) % 24);
    expect(ratios.A[18]).toBeCloseTo(1.1, 12);
    expect(ratios.A[3]).toBeCloseTo(1.02, 12);
  });

  it('of a sum is its parts\' weighted by their load, and unknown when one part\'s peaks are unknown', () => {
    const point = (v: number) => Float64Array.from({ length: 2 }, () => v);
    const both = combinedFactor([{ point: point(30), factor: Float64Array.of(1.1, 1.0) }, { point: point(10), factor: Float64Array.of(1.02, 1.2) }]);
    expect(Array.from(both!)).toEqual([expect.closeTo((30 * 1.1 + 10 * 1.02) / 40, 12), expect.closeTo((30 + 12) / 40, 12)]);
    expect(combinedFactor([{ point: point(30), factor: Float64Array.of(1.1, 1) }, { point: point(10), factor: undefined }])).toBeUndefined();
  });

  it('carries into the forecast of the areas that have it, and of the city when all its parts do, with a note', () => {
    const one = forecastScenario(load(withMaxima(1.08, ['S2'])));
    const s2 = one.areas.find((a) => a.area === 'S2')!;
    expect(s2.peakFactor).toBeDefined();
    expect(s2.peakFactor![0]).toBeCloseTo(1.08, 2);
    expect(one.system.peakFactor).toBeUndefined(); // S1's peaks are unknown
    expect(one.notes!.some((n) => n.code === 'peak-within-hour' && n.subject === 'S2' && /highest point/.test(n.en) && /最大负荷/.test(n.zh))).toBe(true);
    const all = forecastScenario(load(withMaxima(1.08, ['S1', 'S2'])));
    expect(all.system.peakFactor![5]).toBeCloseTo(1.08, 2);
  });

  it('raises the demand a warning is measured against by that ratio, and the gap with it; without maxima nothing changes', () => {
    const plain = load(tinyScenario()), peaky = load(withMaxima(1.1, ['S1', 'S2']));
    const issuedAtMs = parseTimestamp(plain.study.issuedAt)!.ms;
    const a = assessScenario(plain, forecastScenario(plain), { samples: 50, seed: 3, issuedAtMs });
    const b = assessScenario(peaky, forecastScenario(peaky), { samples: 50, seed: 3, issuedAtMs });
    for (const h of [0, 12, 20]) {
      expect(b.system.demandMW[h] / a.system.demandMW[h]).toBeCloseTo(1.1, 2);
      expect(b.system.gapMean[h]).toBeGreaterThan(a.system.gapMean[h] + 0.05 * a.system.demandMW[h]);
    }
    expect(a.notes.some((n) => n.code === 'peak-within-hour')).toBe(false);
  });
});

describe('hourly maxima that measure nothing', () => {
  it('are said to be so when none falls in the last year: the warnings stand on means, and the note says they understate the peak', () => {
    const file = withMaxima(1.1, ['S2']);
    const s2 = file.history.load.find((h) => h.id === 'S2')!;
    s2.maxValues = s2.maxValues!.map(() => null);
    const f = forecastScenario(load(file));
    expect(f.areas.find((a) => a.area === 'S2')!.peakFactor).toBeUndefined();
    expect(f.notes!.some((n) => n.code === 'peak-within-hour' && n.subject === 'S2' && /understate/.test(n.en) && /低估/.test(n.zh))).toBe(true);
  });
});

describe('hourly maxima in a scenario file', () => {
  it('are refused below their hour\'s mean, naming the hour', () => {
    const s = withMaxima(1.05, ['S2']);
    s.history.load[1].maxValues![7] = 1;
    const r = loadScenarioValue(s);
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n')).toMatch(/history\.load\[1\]\.maxValues\[7\]: expected the hour's highest reading, at least its mean \(values\[7\] = [\d.]+ MW\), found 1 MW/);
  });

  it('are refused when there are not as many as the means', () => {
    const s = withMaxima(1.05, ['S2']);
    s.history.load[1].maxValues!.pop();
    const r = loadScenarioValue(s);
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n')).toMatch(/history\.load\[1\]\.maxValues: expected one hourly maximum per hourly value \(48\), found 47/);
  });
});
