/**
 * Measured compliance feeds the play-out: a customer whose meters saw it deliver half of its
 * order delivers half in every future (a terminal-controlled one too), one measured on two days
 * delivers one of its two shares per future; a file of measurements is believed only once checked.
 */
import { describe, expect, it } from 'vitest';
import { readMeasured } from '../../core/execution/measured.ts';
import { playoutContext } from '../../core/playout/context.ts';
import { playFutures } from '../../core/playout/simulate.ts';
import type { PlanProblem } from '../../core/plan/problem.ts';
import { formatProblem } from '../../core/problems.ts';
import type { Scenario } from '../../core/scenario/model.ts';
import { loadScenarioValue } from '../../core/scenario/validate.ts';
import type { GapSampler } from '../../core/warning/assess.ts';
import { handProblem } from '../support/hand-problem.ts';
import { tinyScenario } from '../support/tiny-scenario.ts';

/** Every future has the same gap. */
function fixedSampler(p: PlanProblem, gap: number[]): GapSampler {
  const H = p.hours;
  return {
    issuedAtMs: p.issuedAtMs, fromMs: p.startMs, hours: H, offset: 0, days: p.dayIndex[H - 1] + 1, localHour: p.localHour, dayIndex: p.dayIndex, levels: [0.5],
    table: { startMs: p.startMs, hours: H, units: [], unitIds: [], unitTypes: [], unitAreas: [], forcedOutageRates: new Float64Array(0), imports: [], importIds: [], importAreas: [], lossProbabilities: new Float64Array(0), reserveMW: new Float64Array(H) },
    targets: [{ area: p.areaIds[0], name: p.constraints[0].name, scope: 'system', quantiles: [new Float64Array(H)], units: [], imports: [], importLimit: null, reserve: true }],
    sample: (_r, out, system) => {
      out[0].set(gap);
      if (system) { system.demandMW.fill(100); system.supplyMW.set(gap.map((g) => 100 - g)); }
      return { unitFactor: [], importUp: [], demandZ: new Float64Array(H) };
    },
  };
}

/** A terminal customer T ordered 4 MW in both hours of a 4 MW gap; nobody else to call. */
function play(measured?: Map<string, number[]>, futures = 3) {
  const p = handProblem({ hours: 2, systemGap: [4, 4], customers: [{ id: 'T', baseMW: 10, noticeHours: 0, measures: [{ measure: 'limit', mw: 6 }] }] });
  const x = Float64Array.from([4, 4]);
  const scenario = { events: [], areas: p.areaIds.map((id, a) => ({ id, parent: p.areaParent[a] < 0 ? null : p.areaIds[p.areaParent[a]] })) } as unknown as Scenario;
  const chunk = playFutures(playoutContext(scenario, p, fixedSampler(p, [4, 4])), { name: 'hand', x, payback: new Float64Array(2), feederOpen: new Uint8Array(p.feeders.id.length * 2) }, 0, futures, { seed: 1, ...(measured ? { measured } : {}) });
  return Array.from(chunk.metrics.shortfallMWh);
}

describe('measured compliance in the play-out', () => {
  it('leaves a terminal customer delivering all it is ordered when nothing was measured', () => {
    expect(play()).toEqual([0, 0, 0]);
  });

  it('has a customer measured at 50 % deliver half in every future: 2 MW short in each of 2 hours', () => {
    expect(play(new Map([['T', [0.5]]]))).toEqual([4, 4, 4]);
  });

  it('draws one of the shares of a customer measured on two days for each future', () => {
    const shortfalls = play(new Map([['T', [1, 0.25]]]), 40);
    expect(new Set(shortfalls)).toEqual(new Set([0, 6]));
  });
});

describe('a measured-compliance file read back', () => {
  const s = loadScenarioValue(tinyScenario()).scenario!;
  const sha = 'a'.repeat(64);
  const file = (customers: unknown[], sha256 = sha) => ({ format: 'orderly-compliance/1', scenario: { id: 'tiny', sha256 }, policy: 'jiangsu', customers });
  const problems = (v: unknown) => { const r = readMeasured('m.json', v, s, sha); return r.ok ? [] : r.problems.map(formatProblem); };

  it('gives the rates by customer', () => {
    const r = readMeasured('m.json', file([{ customer: 'I1', days: ['2024-07-03'], rates: [0.6] }]), s, sha);
    expect(r.ok && [...r.measured]).toEqual([['I1', [0.6]]]);
  });

  it('refuses one measured on another file, a protected customer, and a share beyond 1', () => {
    expect(problems(file([], 'b'.repeat(64)))).toEqual([expect.stringMatching(/^m\.json: scenario\.sha256: expected the content hash of the scenario played \(a{16}…\), found "b+…": measured on another file$/)]);
    expect(problems(file([{ customer: 'R1', rates: [0.5] }, { customer: 'I1', rates: [1.5] }]))).toEqual([
      'm.json: customers[0].customer: expected a curtailable customer of the scenario, found "R1"',
      'm.json: customers[1].rates: expected one or more completion shares from 0 to 1, found [1.5]',
    ]);
  });
});
