/**
 * Who is on a 10 kV feeder. The archetypes and their residential shares follow the 24 PNNL taxonomy
 * prototype feeders (Schneider et al., PNNL-18035, 2008; summarised in ../shared/data/feeder_mix):
 * residential-dominated feeders carry 65–99 % residential load, mixed 35–65 %, commercial and
 * industrial feeders 0–33 % (a quarter to a half of them none at all), agricultural about 13 %.
 * How often each archetype occurs is set for a Chinese grid, where industry uses about two thirds
 * of the electricity (the US prototypes are 14 of 24 residential): at the summer peak residents
 * carry about a third of the load, and large plants sit on dedicated lines (专线) that serve one
 * customer and no residents. `--feeder-mix FILE` samples the real table instead.
 */
import type { Rng } from '../../core/random/rng.ts';

export interface FeederMix {
  /** Feeder load relative to an average feeder. */
  size: number;
  /** Shares of the feeder's load: residential, commercial, industrial, agricultural (sum 1). */
  r: number;
  c: number;
  i: number;
  a: number;
  archetype: string;
}

interface Archetype {
  name: string;
  weight: number;
  /** Feeder load relative to an average feeder (industrial park feeders run heavier). */
  size: number;
  draw(rng: Rng): Omit<FeederMix, 'archetype' | 'size'>;
}

function split(rng: Rng, r: number, weights: [number, number, number]): Omit<FeederMix, 'archetype' | 'size'> {
  const rest = 1 - r;
  const jitter = weights.map((w) => w * rng.uniform(0.7, 1.3));
  const total = jitter[0] + jitter[1] + jitter[2];
  return { r, c: (rest * jitter[0]) / total, i: (rest * jitter[1]) / total, a: (rest * jitter[2]) / total };
}

export const ARCHETYPES: Archetype[] = [
  { name: 'residential', weight: 9, size: 1, draw: (rng) => split(rng, rng.uniform(0.65, 0.99), [0.85, 0.04, 0.11]) },
  { name: 'mixed', weight: 3, size: 1, draw: (rng) => split(rng, rng.uniform(0.35, 0.65), [0.8, 0.15, 0.05]) },
  { name: 'commercial', weight: 5, size: 1, draw: (rng) => split(rng, rng.chance(0.25) ? 0 : rng.uniform(0.05, 0.33), [0.88, 0.1, 0.02]) },
  { name: 'industrial', weight: 6, size: 1.3, draw: (rng) => split(rng, rng.chance(0.5) ? 0 : rng.uniform(0.005, 0.05), [0.06, 0.91, 0.03]) },
  { name: 'agricultural', weight: 1, size: 0.8, draw: (rng) => split(rng, rng.uniform(0.05, 0.2), [0.02, 0.01, 0.97]) },
];

/** Feeder mixes read from the PNNL table (pct_R, pct_C, pct_I, pct_A columns). */
export function mixesFromTable(rows: Array<Record<string, string>>): FeederMix[] {
  return rows.map((row) => {
    const r = Number(row.pct_R) / 100, c = Number(row.pct_C) / 100, i = Number(row.pct_I) / 100, a = Number(row.pct_A) / 100;
    const total = r + c + i + a || 1;
    return { r: r / total, c: c / total, i: i / total, a: a / total, size: 1, archetype: row.feeder ?? 'table' };
  });
}

export function drawMix(rng: Rng, table: FeederMix[] | null): FeederMix {
  if (table && table.length) {
    const m = table[rng.int(table.length)];
    return { ...m };
  }
  const k = rng.weighted(ARCHETYPES.map((a) => a.weight));
  return { ...ARCHETYPES[k].draw(rng), size: ARCHETYPES[k].size, archetype: ARCHETYPES[k].name };
}
