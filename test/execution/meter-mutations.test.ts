/**
 * Hostile meter files, made at random (seeded) from the hand case's good one: rows dropped,
 * doubled or moved in time, values ×1000 or replaced by text, ids and units changed, the file cut
 * in the middle of a line, control characters, a byte-order mark. Every one is either refused with
 * problems that name the file and a row, a column or a meter, or answered with finite figures
 * whose rates stay within 0–1 — never an exception, never a figure made from a bad reading.
 */
import { describe, expect, it } from 'vitest';
import { executePlan } from '../../core/execution/execute.ts';
import { firstNonFinite } from '../../core/finite.ts';
import { createRng, type Rng } from '../../core/random/rng.ts';
import { loadScenarioValue } from '../../core/scenario/validate.ts';
import { handMeters, handPlan, handScenario } from './hand-case.ts';

const s = loadScenarioValue(handScenario()).scenario!;
const good = handMeters({ from: '2024-06-24' }).trimEnd().split('\n');

type Mutation = { what: string; apply: (lines: string[], rng: Rng) => string[] };
const row = (lines: string[], rng: Rng) => 1 + rng.int(lines.length - 1);
const cells = (l: string) => l.split(',');
const MUTATIONS: Mutation[] = [
  { what: 'a row dropped', apply: (l, r) => { const k = row(l, r); return l.filter((_, i) => i !== k); } },
  { what: 'a row doubled', apply: (l, r) => { const k = row(l, r); return [...l.slice(0, k + 1), l[k], ...l.slice(k + 1)]; } },
  { what: 'a value ×1000', apply: (l, r) => { const k = row(l, r); const c = cells(l[k]); c[3] = String(Number(c[3]) * 1000); return l.map((x, i) => (i === k ? c.join(',') : x)); } },
  { what: 'a value made text', apply: (l, r) => { const k = row(l, r); const c = cells(l[k]); c[3] = ['n/a', '1,5', '', '-3', 'Infinity', '0x10'][r.int(6)]; return l.map((x, i) => (i === k ? c.join(',') : x)); } },
  { what: 'an id changed', apply: (l, r) => { const k = row(l, r); const c = cells(l[k]); c[2] = ['X1', 'R1', 'F9', 'H1', 'C'][r.int(5)]; return l.map((x, i) => (i === k ? c.join(',') : x)); } },
  { what: 'a kind changed', apply: (l, r) => { const k = row(l, r); const c = cells(l[k]); c[1] = ['area', 'feeder', 'meter'][r.int(3)]; return l.map((x, i) => (i === k ? c.join(',') : x)); } },
  { what: 'a time moved', apply: (l, r) => { const k = row(l, r); const c = cells(l[k]); c[0] = c[0].replace(/:00\+08:00$/, [':10+08:00', ':00+09:00', ':00', ':00Z'][r.int(4)]); return l.map((x, i) => (i === k ? c.join(',') : x)); } },
  { what: 'a time beyond the plan', apply: (l, r) => { const k = row(l, r); const c = cells(l[k]); c[0] = ['2024-07-04T00:00+08:00', '2023-07-03T00:00+08:00', '2024-02-30T00:00+08:00', 'yesterday'][r.int(4)]; return l.map((x, i) => (i === k ? c.join(',') : x)); } },
  { what: 'the unit column renamed', apply: (l, r) => [['time,of,id,load', 'time,of,id,load_GW', 'time,of,id,load_kW', 'time,of,id,load_MW,load_kW'][r.int(4)], ...l.slice(1)] },
  { what: 'cut in a line', apply: (l, r) => { const k = row(l, r); return [...l.slice(0, k), l[k].slice(0, 1 + r.int(l[k].length - 1))]; } },
  { what: 'control characters', apply: (l, r) => { const k = row(l, r); return l.map((x, i) => (i === k ? x.replace(/,(I1|I2|M1|F3),/, ',$1\u001b[2J\u202e,') : x)); } },
  { what: 'a byte-order mark and blank lines', apply: (l) => ['\ufeff' + l[0], '', ...l.slice(1), '', ''] },
  { what: 'a quote left open', apply: (l, r) => { const k = row(l, r); return l.map((x, i) => (i === k ? x.replace(',', ',"') : x)); } },
];

describe('hostile meter files, made at random', () => {
  it('are refused with their place or answered soundly, every one', () => {
    const rng = createRng('meter-mutations:1');
    const seen = { refused: 0, answered: 0 };
    for (let n = 0; n < 120; n++) {
      const picks = Array.from({ length: 1 + rng.int(2) }, () => MUTATIONS[rng.int(MUTATIONS.length)]);
      let lines = good;
      for (const m of picks) lines = m.apply(lines, rng.fork(n));
      const what = picks.map((m) => m.what).join(' + ');
      let out: ReturnType<typeof executePlan>;
      try {
        out = executePlan(s, handPlan(), 'm.csv', lines.join('\n'), {});
      } catch (error) {
        throw new Error(`${what}: threw ${(error as Error).message}`);
      }
      if (!out.ok) {
        seen.refused++;
        expect(out.problems.length, what).toBeGreaterThan(0);
        for (const p of out.problems) {
          expect(p.path, what).toMatch(/^m\.csv(:row \d+(, column .+)?|: (customer|feeder|area) \S+|: column .+)?$/);
          expect(p.message, what).toMatch(/^(expected |the file is empty|… and \d+ more|.*(quote|field))/);
        }
        continue;
      }
      seen.answered++;
      expect(firstNonFinite(out.result), what).toBeNull();
      for (const c of out.result.days.flatMap((d) => d.compliance.customers)) {
        if (c.completion === null) continue;
        expect(c.completion, what).toBeGreaterThanOrEqual(0);
        expect(c.completion, what).toBeLessThanOrEqual(1 + 1e-12);
      }
    }
    // Both kinds of answer occur (a dropped baseline row, say, is a gap; a BOM alone is harmless).
    expect(seen.refused).toBeGreaterThan(60);
    expect(seen.answered).toBeGreaterThan(0);
  });
});
