/**
 * Residential shares per feeder follow the PNNL prototype feeders: checked against the summary
 * table in the shared data folder when it is present (never copied into the project).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../core/history/csv.ts';
import { createRng } from '../../core/random/rng.ts';
import { ARCHETYPES, drawMix, mixesFromTable } from '../../scenarios/generator/feeder-mix.ts';
import { generateScenarioFile } from '../../scenarios/generator/generate.ts';
import { dataFolder } from '../support/data-dir.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

describe('feeder mixes', () => {
  it('give residential-dominated feeders 65–99 % residential load and others less', () => {
    const rng = createRng(4);
    for (let i = 0; i < 2000; i++) {
      const m = drawMix(rng, null);
      expect(m.r + m.c + m.i + m.a).toBeCloseTo(1, 9);
      if (m.archetype === 'residential') expect(m.r).toBeGreaterThanOrEqual(0.65);
      if (m.archetype === 'industrial' || m.archetype === 'commercial') expect(m.r).toBeLessThan(0.35);
    }
  });

  it('leave some feeders with no residents at all, which are the only ones that can ever be opened', () => {
    const file = generateScenarioFile({ scale: 'city', seed: 4 });
    const openable = file.feeders.filter((f) => !f.servesProtected);
    expect(openable.length / file.feeders.length).toBeGreaterThan(0.1);
    expect(openable.length / file.feeders.length).toBeLessThan(0.45);
    expect(openable.every((f) => f.residentialShare === 0)).toBe(true);
  });

  const dir = dataFolder('feeder_mix');
  describe.skipIf(!dir)('against the PNNL table in the shared data folder', () => {
    const rows = () => {
      const csv = readCsv(readFileSync(join(dir!, 'pnnl_taxonomy_feeder_mix.csv'), 'utf8'), 'pnnl.csv');
      return csv.rows.map((r) => Object.fromEntries(csv.header!.map((h, k) => [h, r.fields[k]])));
    };
    it('match the residential shares of each kind of prototype feeder', () => {
      const table = mixesFromTable(rows());
      const real = (lo: number, hi: number) => table.map((m) => m.r).filter((r) => r >= lo && r < hi);
      const rng = createRng(9);
      const drawn = Array.from({ length: 5000 }, () => drawMix(rng, null));
      const ours = (name: string) => drawn.filter((m) => m.archetype === name).map((m) => m.r);
      // Residential-dominated prototypes: median residential share within 5 points of ours.
      expect(Math.abs(median(real(0.65, 1.01)) - median(ours('residential')))).toBeLessThan(0.05);
      expect(Math.min(...real(0.65, 1.01))).toBeGreaterThanOrEqual(0.65);
      // Mostly non-residential prototypes: shares within the archetypes' range.
      for (const r of real(0, 0.35)) expect(r).toBeLessThan(0.35);
      expect(ARCHETYPES.map((a) => a.name)).toEqual(['residential', 'mixed', 'commercial', 'industrial', 'agricultural']);
    });
    it('can sample the real table instead of the archetypes', () => {
      const table = mixesFromTable(rows());
      expect(table).toHaveLength(24);
      const file = generateScenarioFile({ scale: 'town', seed: 2, feederMix: table });
      const shares = new Set(table.map((m) => Math.round(m.r * 1000) / 1000));
      const publicFeeders = file.feeders.filter((f) => !f.name?.endsWith('(dedicated)'));
      expect(publicFeeders.every((f) => shares.has(f.residentialShare))).toBe(true);
    });
  });
});
