/**
 * Each bundled story is built to tell what its README line says. These checks use the generator's
 * own expected demand (the warnings engine will compute the same picture from a forecast).
 */
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../core/problems.ts';
import { validateScenarioValue } from '../../core/scenario/validate.ts';
import { generateWithDiagnostics } from '../../scenarios/generator/generate.ts';
import { STORY_IDS } from '../../scenarios/generator/stories.ts';
import { dailyGapPct } from '../support/story-gaps.ts';
import { BUNDLED } from '../../scenarios/bundled.ts';

// The seeds of the bundled files, so these checks speak for the scenarios people open.
const seedOf = (story: string) => BUNDLED.find((b) => b.options.story === story)?.options.seed ?? 1;
const build = (story: (typeof STORY_IDS)[number]) => generateWithDiagnostics({ story, seed: seedOf(story) });
const level = (pct: number) => (pct <= 0 ? 'none' : pct <= 5 ? 'IV' : pct <= 10 ? 'III' : pct <= 20 ? 'II' : 'I');

describe('bundled stories', () => {
  it.each(STORY_IDS)('%s is a valid scenario', (story) => {
    const { file } = build(story);
    expect(validateScenarioValue(file).problems.map(formatProblem)).toEqual([]);
  });

  it('city heat wave reaches level II in the 15–22 h peak period', () => {
    const gaps = dailyGapPct(build('heat-wave').diagnostics);
    const worst = gaps.reduce((a, b) => (b.pct > a.pct ? b : a));
    expect(level(worst.pct)).toBe('II');
    // The period Liaoning's 2021 warnings called 15–22 h: afternoon heat, then the evening peak.
    expect(worst.hour).toBeGreaterThanOrEqual(15);
    expect(worst.hour).toBeLessThanOrEqual(21);
    expect(gaps.filter((g) => level(g.pct) === 'II').length).toBeGreaterThanOrEqual(2);
  });

  it('coal shortage with wind collapse is level III, then level II for three days after the wind drops', () => {
    const { file, diagnostics } = build('coal-wind');
    expect(dailyGapPct(diagnostics).map((g) => level(g.pct))).toEqual(['III', 'II', 'II', 'II', 'III', 'IV', 'IV']);
    // The wind forecast collapses on day two.
    const wind = file.supply.units.filter((u) => u.type === 'wind');
    const dayMean = (d: number) => wind.reduce((a, u) => a + u.available!.values.slice(d * 24, d * 24 + 24).reduce<number>((x, y) => x + (y ?? 0), 0), 0) / 24;
    expect(dayMean(1) / dayMean(0)).toBeLessThan(0.3);
  });

  it('dry-year hydro week is short of energy while no hour is short of more than 5 % of power', () => {
    const { file, diagnostics: d } = build('hydro-drought');
    const budget = file.supply.energyBudgets![0];
    const hydro = file.supply.units.filter((u) => budget.units.includes(u.id));
    const energyGaps: number[] = [];
    for (let day = 0; day < 7; day++) {
      let demand = 0, supply = 0, hydroAvailable = 0;
      for (let i = day * 24; i < day * 24 + 24; i++) {
        demand += d.demandMW[i];
        supply += d.availableMW[i];
        hydroAvailable += hydro.reduce((a, u) => a + u.available!.values[i]!, 0);
      }
      const energySupply = supply - hydroAvailable + Math.min(hydroAvailable, budget.daily[day].energyMWh);
      energyGaps.push((100 * (demand - energySupply)) / demand);
    }
    expect(energyGaps.filter((g) => g > 5).length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...dailyGapPct(d).map((g) => g.pct))).toBeLessThanOrEqual(5);
  });

  it('unit trip has no gap before the trip, and the trip is the largest coal unit at 17:00', () => {
    const { file, diagnostics } = build('unit-trip');
    expect(dailyGapPct(diagnostics).every((g) => g.pct < 0)).toBe(true);
    const trip = file.events.find((e) => e.kind === 'unit-trip')!;
    expect(trip.kind === 'unit-trip' && trip.at).toBe('2024-08-05T17:00+08:00');
    const coal = file.supply.units.filter((u) => u.type === 'coal');
    const unit = coal.find((u) => trip.kind === 'unit-trip' && u.id === trip.unit)!;
    expect(unit.capacityMW).toBe(Math.max(...coal.map((u) => u.capacityMW)));
  });

  it('local import limit gives a local gap while the system has none', () => {
    const { diagnostics } = build('local-limit');
    expect(dailyGapPct(diagnostics).every((g) => g.pct < 0)).toBe(true);
    const short = diagnostics.substations.filter((s) => s.peakMW > s.importLimitMW);
    expect(short).toHaveLength(1);
    const localGap = (short[0].peakMW - short[0].importLimitMW) / short[0].peakMW;
    expect(localGap).toBeGreaterThan(0.1);
    expect(localGap).toBeLessThan(0.2);
  });
});
