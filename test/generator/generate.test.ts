import { describe, expect, it } from 'vitest';
import { isProtectedClass } from '../../core/scenario/classes.ts';
import { hydrate } from '../../core/scenario/hydrate.ts';
import { serializeScenario } from '../../core/scenario/serialize.ts';
import { systemLoadHistory } from '../../core/scenario/system-load.ts';
import { loadScenarioText, validateScenarioValue } from '../../core/scenario/validate.ts';
import { formatProblem } from '../../core/problems.ts';
import { generateScenarioFile, generateWithDiagnostics } from '../../scenarios/generator/generate.ts';
import { SCALES } from '../../scenarios/generator/scales.ts';

const curtailable = (s: { customers: Array<{ class: string }> }) => s.customers.filter((c) => !isProtectedClass(c.class)).length;

describe('generated scenarios', () => {
  it('are valid at town and city scale', () => {
    for (const scale of ['town', 'city'] as const) {
      const file = generateScenarioFile({ scale, seed: 11 });
      const report = validateScenarioValue(JSON.parse(JSON.stringify(file)));
      expect(report.problems.map(formatProblem)).toEqual([]);
    }
  });

  it('hit the sizes of each scale', () => {
    for (const scale of ['town', 'city'] as const) {
      const spec = SCALES[scale];
      const file = generateScenarioFile({ scale, seed: 5 });
      expect(file.areas.filter((a) => a.kind === 'substation')).toHaveLength(spec.substations);
      expect(Math.abs(file.feeders.length / spec.feeders - 1)).toBeLessThan(0.05);
      expect(Math.abs(curtailable(file) / spec.curtailable - 1)).toBeLessThan(0.08);
    }
  });

  it('are reproducible from the seed, and differ between seeds', () => {
    const a = JSON.stringify(generateScenarioFile({ scale: 'town', seed: 99 }));
    const b = JSON.stringify(generateScenarioFile({ scale: 'town', seed: 99 }));
    const c = JSON.stringify(generateScenarioFile({ scale: 'town', seed: 100 }));
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it('survive a round trip: generate, save, load, validate, equal', () => {
    const original = hydrate(generateScenarioFile({ scale: 'town', seed: 3 }));
    const text = serializeScenario(original);
    const loaded = loadScenarioText('town.json', text);
    expect(loaded.problems).toEqual([]);
    expect(loaded.scenario).toEqual(original);
    // Saving what was loaded gives the same bytes.
    expect(serializeScenario(loaded.scenario!)).toBe(text);
  });

  it('put every record of a table on its own line', () => {
    const text = serializeScenario(hydrate(generateScenarioFile({ scale: 'town', seed: 3 })));
    const lines = text.split('\n');
    const customerLines = lines.filter((l) => l.startsWith('    {"id":"C'));
    expect(customerLines.length).toBeGreaterThan(400);
  });

  it('keep residents and other protected customers on feeders marked as serving them', () => {
    const file = generateScenarioFile({ scale: 'city', seed: 8 });
    const feeders = new Map(file.feeders.map((f) => [f.id, f]));
    for (const c of file.customers) {
      if (isProtectedClass(c.class)) expect(feeders.get(c.feeder)!.servesProtected).toBe(true);
      else expect(c.measures, `curtailable ${c.id} names at least one measure`).toBeDefined();
    }
  });

  it('reach the target system peak on the design day and a realistic peak in history', () => {
    const { file, diagnostics } = generateWithDiagnostics({ scale: 'city', seed: 2 });
    const system = systemLoadHistory(hydrate(file))!;
    const historyPeak = Math.max(...system.values);
    expect(historyPeak / SCALES.city.peakMW).toBeGreaterThan(0.85);
    expect(historyPeak / SCALES.city.peakMW).toBeLessThan(1.15);
    expect(Math.max(...diagnostics.demandMW) / SCALES.city.peakMW).toBeGreaterThan(0.85);
  });
});

describe('the province scale', () => {
  it('has ~400 substations, ~40,000 feeders, ~200,000 curtailable customers and a ~150 GW peak, and is valid', () => {
    const file = generateScenarioFile({ scale: 'province', seed: 1 });
    expect(file.areas.filter((a) => a.kind === 'substation')).toHaveLength(400);
    expect(Math.abs(file.feeders.length / 40_000 - 1)).toBeLessThan(0.05);
    expect(Math.abs(curtailable(file) / 200_000 - 1)).toBeLessThan(0.08);
    const report = validateScenarioValue(file);
    expect(report.problems.map(formatProblem)).toEqual([]);
    const system = systemLoadHistory(hydrate(file))!;
    expect(Math.abs(Math.max(...system.values) / 150_000 - 1)).toBeLessThan(0.15);
  }, 120_000);
});

describe('the generator\'s schematic map', () => {
  it('places every area, substations near the area above them', async () => {
    const { generateScenarioFile } = await import('../../scenarios/generator/generate.ts');
    const file = generateScenarioFile({ scale: 'small-city', story: 'heat-wave', seed: 3 });
    for (const a of file.areas) expect(a.position, a.id).toBeDefined();
    const byId = new Map(file.areas.map((a) => [a.id, a]));
    const dist = (a: { position?: { xKm: number; yKm: number } }, b: { position?: { xKm: number; yKm: number } }) => Math.hypot(a.position!.xKm - b.position!.xKm, a.position!.yKm - b.position!.yKm);
    const subs = file.areas.filter((a) => a.kind === 'substation');
    // Each substation is nearer its own parent than the farthest substation is from the root.
    const root = file.areas.find((a) => a.parent === null)!;
    const spread = Math.max(...subs.map((s) => dist(s, root)));
    for (const s of subs) expect(dist(s, byId.get(s.parent!)!)).toBeLessThan(spread);
  });
});
