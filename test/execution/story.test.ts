/**
 * What the meters saw for a bundled story (the local-limit town, its least-cost plan read back and
 * re-verified first): the generator's script — some customers short, one late, a residents'
 * feeder dipping for a fault — is what execution finds on the meters, and nothing else is flagged.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentHash } from '../../core/content-hash.ts';
import { executePlan, type ExecutionResult } from '../../core/execution/execute.ts';
import { forecastScenario } from '../../core/forecast/scenario-forecast.ts';
import { planScenario } from '../../core/plan/plan-scenario.ts';
import { readBackPlan } from '../../core/plan/read-back.ts';
import type { PlanReport } from '../../core/plan/report.ts';
import type { Scenario } from '../../core/scenario/model.ts';
import { loadScenarioBytes } from '../../core/scenario/validate.ts';
import { assessScenario } from '../../core/warning/assess.ts';
import { meterStory, type MeterStory } from '../../scenarios/generator/meters.ts';
import { executionContext } from '../../core/execution/context.ts';
import { noticesFromPlan } from '../../core/execution/notices.ts';

const bytes = new Uint8Array(readFileSync(new URL('../../scenarios/local-limit.json', import.meta.url)));
let s: Scenario, plan: PlanReport, story: MeterStory, result: ExecutionResult;

beforeAll(() => {
  s = loadScenarioBytes('local-limit.json', bytes).scenario!;
  const forecast = forecastScenario(s);
  const { report } = planScenario(s, assessScenario(s, forecast, { samples: 200 }));
  report.scenario.sha256 = contentHash(bytes);
  const back = readBackPlan('plan.json', JSON.parse(JSON.stringify(report)), { scenario: s, sha256: report.scenario.sha256, name: 'local-limit.json' }, forecast);
  if (!back.ok) throw new Error('the plan did not read back');
  plan = back.plan;
  story = meterStory(s, plan, { seed: 1 });
  const out = executePlan(s, plan, 'meters.csv', story.csv, { unit: 'kW', policy: 'day-adjusted', dates: [story.date] });
  if (!out.ok) throw new Error(out.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  result = out.result;
}, 120_000);

describe('the notices of a real plan', () => {
  it('go out by the very times the plan gives for each customer and day', () => {
    const ctx = executionContext(s, plan);
    const mine = new Map(noticesFromPlan(plan, s, ctx.days, ctx.axis).map((n) => [n.id, n.deadline]));
    const planned = plan.customers.flatMap((c) => (c.noticeByDay ?? []).map((d) => [`${c.id}@${d.date}`, d.noticeBy] as const));
    expect(planned.length).toBeGreaterThan(30);
    expect(mine.size).toBe(planned.length);
    for (const [id, by] of planned) expect([id, mine.get(id)]).toEqual([id, by]);
  });
});

describe('the meters of a story', () => {
  it('are the same file for the same seed, and another for another seed', () => {
    expect(meterStory(s, plan, { seed: 1 }).csv).toBe(story.csv);
    expect(meterStory(s, plan, { seed: 2 }).csv).not.toBe(story.csv);
  });

  it('meter every customer with everyCustomer (a whole metering export), and the ordered ones as the story has them', () => {
    const every = meterStory(s, plan, { seed: 1, everyCustomer: true });
    const rows = (csv: string) => csv.trim().split('\n').slice(1);
    const customersOf = (csv: string) => new Set(rows(csv).filter((r) => r.split(',')[1] === 'customer').map((r) => r.split(',')[2]));
    expect(customersOf(every.csv)).toEqual(new Set(s.customers.map((c) => c.id)));
    expect(customersOf(story.csv).size).toBeLessThan(s.customers.length);
    const all = new Set(rows(every.csv));
    for (const r of rows(story.csv)) expect(all.has(r)).toBe(true);
    expect({ ...every, csv: '' }).toEqual({ ...story, csv: '', meters: every.meters });
    expect(every.meters).toBe(story.meters + s.customers.length - customersOf(story.csv).size);
  });

  it('read back whole: every customer ordered on the day, the feeders serving protected load, and the system', () => {
    const day = result.days[0];
    expect(day.compliance.customers.every((c) => c.unmetered === null)).toBe(true);
    expect(result.meters.byKind.area).toBe(1);
    expect(result.meters.byKind.feeder).toBe(s.feeders.filter((f) => f.servesProtected || f.residentialShare > 0).length);
    expect(result.meters.intervalMinutes).toBe(15);
    expect(day.report.maxLoadMW).toBeGreaterThan(0);
  });

  it('show the customers scripted short on the list of those who fell short, at 50–70 % of their order', () => {
    const short = new Map(result.days[0].compliance.customers.filter((c) => !c.executed).map((c) => [c.customer, c.completion!]));
    expect(story.short.length).toBeGreaterThan(0);
    for (const id of story.short) {
      expect(short.has(id)).toBe(true);
      expect(short.get(id)!).toBeGreaterThan(0.4);
      expect(short.get(id)!).toBeLessThan(0.8);
    }
  });

  it('show the customer scripted late as late to start', () => {
    const late = result.days[0].compliance.customers.find((c) => c.customer === story.late)!;
    expect(late.lateHours).toBeGreaterThanOrEqual(1);
  });

  it('show most other customers executed', () => {
    const others = result.days[0].compliance.customers.filter((c) => !story.short.includes(c.customer) && c.customer !== story.late);
    expect(others.filter((c) => c.executed).length / others.length).toBeGreaterThan(0.85);
  });

  it('flag the residents\' feeder that dipped, in its dip hours only, as ordered by no one — and no other protected meter', () => {
    const g = result.days[0].guarantee;
    expect(g.drops.map((d) => [d.of, d.id, d.verdict])).toEqual([['feeder', story.dippedFeeder, 'not-ordered']]);
    expect(g.drops[0].hours.map((h) => h.time)).toEqual(story.dipHours);
  });
});
