/**
 * A plan carries a fingerprint of the gap it was made on. Read back against a forecast of the same
 * file that has moved since (a newer Orderly forecasts it differently), it is refused with one
 * line that says so and gives the largest gap then and now — not a list of coverage figures that
 * no longer add up. An older plan without the fingerprint is refused with the likely reason first.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { AreaForecast, ScenarioForecast } from '../../core/forecast/scenario-forecast.ts';
import { gapFingerprint } from '../../core/plan/gap-fingerprint.ts';
import { readBackPlan, type ReadBack } from '../../core/plan/read-back.ts';
import { formatProblem } from '../../core/problems.ts';
import type { Scenario } from '../../core/scenario/model.ts';
import { savedStoryPlan } from '../support/saved-story-plan.ts';

let sha256: string, scenario: Scenario, forecast: ScenarioForecast, saved: string;

beforeAll(() => {
  ({ sha256, scenario, forecast, saved } = savedStoryPlan('local-limit.json'));
}, 180_000);

/** The same forecast with every area's load `factor` times as high: what a changed model could give. */
function scaled(f: ScenarioForecast, factor: number): ScenarioForecast {
  const area = (a: AreaForecast): AreaForecast => ({ ...a, point: a.point.map((v) => v * factor), quantiles: a.quantiles.map((q) => q.map((v) => v * factor)) });
  return { ...f, areas: f.areas.map(area), system: area(f.system) };
}
const read = (plan: unknown, against: ScenarioForecast = forecast): ReadBack => readBackPlan('plan.json', plan, { scenario, sha256, name: 'local-limit.json' }, against);
const lines = (r: ReadBack) => (r.ok ? [] : r.problems.map(formatProblem));

describe('a plan read back', () => {
  it('carries the fingerprint of the gap it was made on, and verifies against the forecast it was made on', () => {
    const plan = JSON.parse(saved);
    expect(plan.madeOn.gapSha256).toMatch(/^[0-9a-f]{64}$/);
    const back = read(plan);
    expect(lines(back)).toEqual([]);
    if (back.ok) expect(gapFingerprint(back.problem)).toBe(plan.madeOn.gapSha256);
  });

  it('against a forecast that has moved, is refused in one line giving the largest gap then and now', () => {
    const back = read(JSON.parse(saved), scaled(forecast, 1.03));
    expect(back.ok).toBe(false);
    if (back.ok) return;
    expect(back.code).toBe(2);
    expect(back.problems).toHaveLength(1);
    const [line] = lines(back);
    const plan = JSON.parse(saved);
    expect(line).toContain('plan.json: madeOn.gapSha256');
    expect(line).toContain(`its largest gap was ${Math.round(plan.targetMW * 10) / 10} MW`);
    expect(line).toMatch(/now give [\d.]+ MW in .+ at \d{4}-\d\d-\d\d \d\d:\d\d/);
    expect(line).toContain('Make the plan again');
  });

  it('without a fingerprint (an older version wrote it), against a moved forecast, gives the likely reason first', () => {
    const plan = JSON.parse(saved);
    delete plan.madeOn;
    const back = read(plan, scaled(forecast, 1.03));
    expect(back.ok).toBe(false);
    if (back.ok) return;
    expect(back.code).toBe(3);
    expect(lines(back)[0]).toMatch(/^plan\.json: coverage: expected the requirement local-limit\.json gives now, found another in \d+ hours?: the plan carries no fingerprint/);
  });

  it('without a fingerprint, against the forecast it was made on, still verifies', () => {
    const plan = JSON.parse(saved);
    delete plan.madeOn;
    expect(lines(read(plan))).toEqual([]);
  });

  it('whose fingerprint is not 64 hex digits is refused as a malformed file, naming the field', () => {
    const plan = JSON.parse(saved);
    plan.madeOn.gapSha256 = 'not a hash';
    const back = read(plan);
    expect(back.ok).toBe(false);
    if (back.ok) return;
    expect(back.code).toBe(2);
    expect(lines(back).join('\n')).toContain('madeOn');
  });

  it('whose fingerprint was changed by hand is refused as made on another gap', () => {
    const plan = JSON.parse(saved);
    plan.madeOn.gapSha256 = '0'.repeat(64);
    const back = read(plan);
    expect(!back.ok && back.code).toBe(2);
    expect(lines(back).join('\n')).toContain('madeOn.gapSha256');
    // Its largest gap is today's: not told as a forecast that has moved.
    expect(lines(back)[0]).toMatch(/found another, though its largest gap \([\d.]+ MW in .+\) is the one the plan states: the gap differs in other hours or areas, or the fingerprint was edited/);
    expect(lines(back)[0]).not.toContain('the forecast of it is not');
  });
});

describe('a plan made on another gap, with a target area that is not an object of text', () => {
  it('is still refused in one line, without quoting the field', () => {
    const plan = JSON.parse(saved);
    plan.targetArea = 42;
    const back = read(plan, scaled(forecast, 1.03));
    expect(!back.ok && back.code).toBe(2);
    expect(lines(back)[0]).toMatch(/its largest gap was [\d.]+ MW, the forecast/);
  });
});
