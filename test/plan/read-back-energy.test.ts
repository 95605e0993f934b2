/**
 * An energy-limited plan (the hydro drought: MWh to save per day, by a rotation of blocks) read
 * back is believed only if its day-by-day account is what its orders give: a file that says a day
 * is met while its orders leave it short, that drops the account, or that edits the need, the
 * blocks or the collapse is refused with the day named — as an hour's wrong figure is.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioForecast } from '../../core/forecast/scenario-forecast.ts';
import { readBackPlan, type ReadBack } from '../../core/plan/read-back.ts';
import { formatProblem } from '../../core/problems.ts';
import type { Scenario } from '../../core/scenario/model.ts';
import { savedStoryPlan } from '../support/saved-story-plan.ts';

let sha256: string, scenario: Scenario, forecast: ScenarioForecast, saved: string;

beforeAll(() => {
  ({ sha256, scenario, forecast, saved } = savedStoryPlan('hydro-drought.json'));
}, 180_000);

type Edited = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- a file as a hand edits it
const read = (plan: unknown): ReadBack => readBackPlan('plan.json', plan, { scenario, sha256, name: 'hydro-drought.json' }, forecast);
const edited = (change: (p: Edited) => void) => {
  const p = JSON.parse(saved);
  change(p);
  return JSON.parse(JSON.stringify(p));
};
const lines = (r: ReadBack) => (r.ok ? [] : r.problems.map(formatProblem));

/**
 * The rotation's orders of one day taken back from the customers curtailed that day only in hours
 * with nothing to cover (the hour after each too, so no snap-back lands where it would count), and
 * only by the rotation; the customer list mended to match. Every hour still covers its
 * requirement: only the day's energy is short, and the file's account still says it is met.
 */
function withoutIdleRotation(p: Edited, date: string): number {
  const idle = (h: number) => h >= p.hours || p.system.requiredMW[h] <= 0;
  const onDay = (h: number) => p.times[h].startsWith(date);
  const byCustomer = new Map<string, Edited['orders']>();
  for (const o of p.orders) byCustomer.set(o.customer, [...(byCustomer.get(o.customer) ?? []), o]);
  let removed = 0;
  for (const [id, orders] of byCustomer) {
    const hours = new Set<number>();
    for (const o of orders) o.mw.forEach((v: number, h: number) => { if (v > 0 && onDay(h)) hours.add(h); });
    if (!hours.size) continue;
    const only = [...hours].every((h) => idle(h) && idle(h + 1) && orders.every((o: Edited['orders'][number]) => o.mw[h] === 0 || o.energyMW?.[h] === o.mw[h]));
    if (!only) continue;
    const row = p.customers.find((c: { id: string }) => c.id === id);
    for (const o of orders) for (const h of hours) {
      const v = o.mw[h];
      if (!(v > 0)) continue;
      removed += v;
      o.mw[h] = 0; o.energyMW![h] = 0;
      row.mw[h] = Math.round((row.mw[h] - v) * 1e6) / 1e6;
    }
  }
  return removed;
}

describe('an energy-limited plan read back', () => {
  it('reads back verified as Orderly wrote it, its energy account checked', () => {
    const plan = JSON.parse(saved);
    expect(plan.rotation.days.length).toBeGreaterThan(3);
    const r = read(plan);
    expect(lines(r)).toEqual([]);
    expect(r.ok && r.verification.checked).toContain('energy');
  });

  it('is refused (3) when its orders no longer save a day\'s energy but the account still says the day is met', () => {
    const date = JSON.parse(saved).rotation.days[1].date;
    let removed = 0;
    const r = read(edited((p) => { removed = withoutIdleRotation(p, date); }));
    expect(removed).toBeGreaterThan(50);
    expect(!r.ok && r.code).toBe(3);
    const text = lines(r).join('\n');
    expect(text).toMatch(new RegExp(`plan\\.json: energy: ${date}: the account says [\\d.]+ MWh are saved, the plan's orders and feeders save [\\d.]+ MWh`));
    expect(text).toMatch(new RegExp(`plan\\.json: energy: ${date}: the account leaves 0 MWh short, the need of [\\d.]+ less the [\\d.]+ MWh saved leaves [1-9]`));
    // Nothing else is wrong with the edit: the hours still cover, the list matches the orders (its
    // headline figures, left as they were, are refused too).
    expect(lines(r).filter((l) => !l.startsWith('plan.json: energy: ') && !l.startsWith('plan.json: objective.'))).toEqual([]);
  });

  it('is refused (3) when a met day is edited to say it is left short, or its need is edited', () => {
    const short = read(edited((p) => { p.rotation.days[2].residualMWh = 500; }));
    expect(lines(short).join('\n')).toMatch(/energy: \d{4}-\d{2}-\d{2}: the account leaves 500 MWh short/);
    const need = read(edited((p) => { p.rotation.days[0].gapMWh = 10; }));
    expect(lines(need).join('\n')).toMatch(/energy: \d{4}-\d{2}-\d{2}: the account says the day needs 10 MWh saved, the scenario's shortage is [\d.]+ MWh/);
  });

  it('is refused (3) when its energy account is dropped, or a day is left out of it', () => {
    const none = read(edited((p) => { p.rotation = null; }));
    expect(!none.ok && none.code).toBe(3);
    expect(lines(none).join('\n')).toMatch(/energy: the scenario is short of energy on \d+ day\(s\) .*but the plan gives no account of them/);
    const missing = read(edited((p) => { p.rotation.days.splice(3, 1); }));
    expect(lines(missing).join('\n')).toMatch(/energy: \d{4}-\d{2}-\d{2}: the scenario is short of [\d.]+ MWh that day, but the plan's energy account does not give it/);
  });

  it('is refused (3) when the blocks on duty, their days or the collapse are edited', () => {
    const moved = read(edited((p) => { p.rotation.days[0].blocks = [...p.rotation.days[0].blocks, 99]; }));
    expect(lines(moved).join('\n')).toMatch(/block 99 on duty is not one of the rotation's 7 blocks/);
    const duty = read(edited((p) => { p.rotation.blocks[0].daysOnDuty += 2; }));
    expect(lines(duty).join('\n')).toMatch(/the rotation's block 1 is said to be on duty \d+ day\(s\), the days name it on \d+/);
    const calm = read(edited((p) => { p.rotation.days[0].blocks = p.rotation.blocks.map((b: { id: number }) => b.id); p.rotation.blocks.forEach((b: { daysOnDuty: number }, i: number) => { if (!JSON.parse(saved).rotation.days[0].blocks.includes(i + 1)) b.daysOnDuty++; }); }));
    expect(lines(calm).join('\n')).toMatch(/the rotation collapses \(every block is on duty on some day\), but the plan says it does not/);
  });

  it('is refused (2) with the place named when the account is not numbers', () => {
    const r = read(edited((p) => { p.rotation.days[1].savedMWh = null; }));
    expect(!r.ok && r.code).toBe(2);
    expect(lines(r).join('\n')).toMatch(/plan\.json: rotation\.days\[1\]\.savedMWh/);
  });

  it('is refused (3) when its headline figures are edited to tell a calmer story than its decisions', () => {
    const cases: [string, (p: Edited) => void, RegExp][] = [
      ['loss', (p) => { p.objective.economicLoss = 0; }, /plan\.json: objective\.economicLoss: expected [\d.]+ \(the loss at the scenario's costs, CNY, from the plan's decisions\), found 0/],
      ['customers', (p) => { p.objective.customersAffected = 3; }, /objective\.customersAffected: expected \d+ \(the customers its orders and feeders curtail/],
      ['customer-days', (p) => { p.objective.userTimes -= 1; }, /objective\.userTimes: expected \d+/],
      ['peak', (p) => { p.objective.peakCurtailedMW /= 2; }, /objective\.peakCurtailedMW: expected [\d.]+/],
      ['energy', (p) => { p.objective.curtailedMWh = 1; }, /objective\.curtailedMWh: expected [\d.]+ \(the energy it curtails/],
      ['target', (p) => { p.targetMW = 0; }, /targetMW: expected [\d.]+ \(the largest gap the plan covers/],
      ['residual claimed', (p) => { p.residual.totalMWh = 40; p.system.residualMWh = 40; }, /system\.residualMWh: expected 0 \(the sum of its hourly residual in/],
      ['short area', (p) => { p.residual.areas = ['X']; }, /residual\.areas: expected the areas left short \(none\), found X/],
      ['energy short claimed', (p) => { p.system.causesMWh['energy budget'] = 12; }, /system\.causesMWh\['energy budget'\]: expected 0 \(the energy the energy-short days are left short of/],
    ];
    for (const [what, change, expected] of cases) {
      const r = read(edited(change));
      expect(!r.ok && r.code, what).toBe(3);
      expect(lines(r).join('\n'), what).toMatch(expected);
    }
  });
});
