/**
 * Compliance, the residents' guarantee and the daily report on a day worked by hand
 * (hand-case.ts): a customer at 100 %, one at 60 %, one an hour late, and a protected feeder
 * dipping beyond what the order on it explains.
 */
import { describe, expect, it } from 'vitest';
import { executePlan, type ExecutionResult } from '../../core/execution/execute.ts';
import { dailyReportCsv, evaluationCsv, executionText, shortfallCsv } from '../../core/execution/report-text.ts';
import { loadScenarioValue } from '../../core/scenario/validate.ts';
import { handMeters, handPlan, handScenario } from './hand-case.ts';

const scenario = () => {
  const r = loadScenarioValue(handScenario());
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return r.scenario!;
};
const run = (text = handMeters(), options = {}): ExecutionResult => {
  const out = executePlan(scenario(), handPlan(), 'meters.csv', text, options);
  if (!out.ok) throw new Error(out.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return out.result;
};
const customer = (r: ExecutionResult, id: string) => r.days[0].compliance.customers.find((c) => c.customer === id)!;

describe('compliance of a day worked by hand', () => {
  it('gives the customer that released all it was ordered 100 %, executed in every hour', () => {
    const c = customer(run(), 'I1');
    expect(c.unmetered).toBeNull();
    expect(c.baselineMW[18]).toBeCloseTo(4, 9);
    expect(c.releasedMW[19]).toBeCloseTo(2, 9);
    expect(c.completion).toBeCloseTo(1, 9);
    expect(c.executionRate).toBe(1);
    expect(c.executed).toBe(true);
    expect(c.lateHours).toBe(0);
  });

  it('gives the customer that released 0.6 of its 1 MW 60 %, not executed, and raises an alarm in each of its hours', () => {
    const r = run();
    const c = customer(r, 'I2');
    expect(c.completion).toBeCloseTo(0.6, 9);
    expect(c.executionRate).toBe(0);
    expect(c.executed).toBe(false);
    expect(c.mean).toEqual({ baselineMW: expect.closeTo(2, 9), orderedMW: expect.closeTo(1, 9), actualMW: expect.closeTo(1.4, 9), releasedMW: expect.closeTo(0.6, 9) });
    expect(r.days[0].compliance.alarms.filter((a) => a.customer === 'I2').map((a) => [a.time, Math.round(a.shortfall * 100)])).toEqual([
      ['2024-07-03T18:00+08:00', 40], ['2024-07-03T19:00+08:00', 40], ['2024-07-03T20:00+08:00', 40],
    ]);
  });

  it('finds the customer that started an hour late: 1 of 1.5 MWh delivered, 66.7 %, late by 1 h', () => {
    const r = run();
    const c = customer(r, 'M1');
    expect(c.completion).toBeCloseTo(2 / 3, 9);
    expect(c.executionRate).toBeCloseTo(2 / 3, 9);
    expect(c.lateHours).toBe(1);
    expect(c.executed).toBe(false);
    expect(r.days[0].compliance.alarms.filter((a) => a.customer === 'M1').map((a) => a.time)).toEqual(['2024-07-03T18:00+08:00']);
  });

  it('counts the 60 % and the late customer as executed at a 60 % threshold, and the 60 % one not at 70 %', () => {
    const r = run(handMeters(), { threshold: 0.6 });
    expect(customer(r, 'I2').executed).toBe(true);
    expect(customer(r, 'M1').executed).toBe(true);
    const strict = run(handMeters(), { threshold: 0.7 });
    expect(customer(strict, 'I2').executed).toBe(false);
  });

  it('sums the day by class and area: 8.8 of the 10.5 MWh ordered delivered (6 + 1.8 + 1), one customer of three executed', () => {
    const t = run().days[0].compliance.total;
    expect(t.orderedMWh).toBeCloseTo(10.5, 9);
    expect(t.deliveredMWh).toBeCloseTo(8.8, 9);
    expect(t.completion).toBeCloseTo(8.8 / 10.5, 9);
    expect(t.executionRate).toBeCloseTo(1 / 3, 9);
    const byClass = Object.fromEntries(run().days[0].compliance.byClass.map((g) => [g.key, g.completion]));
    expect(byClass).toEqual({ commerce: expect.closeTo(2 / 3, 9), 'high-energy': expect.closeTo(1, 9), industry: expect.closeTo(0.6, 9) });
    const byCity = run().days[0].compliance.byCity;
    expect(byCity.map((g) => [g.key, g.customers])).toEqual([['C', 3]]);
  });

  it('reads 15-minute meters to the same figures as hourly ones', () => {
    const q = run(handMeters({ minutes: 15, from: '2024-06-20' }));
    expect(q.meters.intervalMinutes).toBe(15);
    expect(customer(q, 'I2').completion).toBeCloseTo(0.6, 9);
    expect(customer(q, 'M1').lateHours).toBe(1);
  });
});

describe("the residents' guarantee on the meters", () => {
  it('flags the protected feeder whose load fell 1.0 MW beyond the order on it at 19:00 and 20:00, traced as ordered by no one', () => {
    const g = run().days[0].guarantee;
    expect(g.checked).toBe(1);
    expect(g.drops).toHaveLength(1);
    const d = g.drops[0];
    expect([d.of, d.id, d.verdict, d.openedByPlan, d.emergencyStep]).toEqual(['feeder', 'F3', 'not-ordered', false, null]);
    expect(d.hours.map((h) => [h.time, h.baselineMW, h.actualMW, h.orderedMW, Math.round(h.dropMW * 1000) / 1000])).toEqual([
      ['2024-07-03T19:00+08:00', 4, 2.5, 0.5, 1],
      ['2024-07-03T20:00+08:00', 4, 2.5, 0.5, 1],
    ]);
    expect(d.dropMWh).toBeCloseTo(2, 9);
  });

  it('does not flag a protected feeder whose drop is what the curtailable customers on it were ordered', () => {
    const text = handMeters().replace(/(2024-07-03T(19|20):00\+08:00,feeder,F3,)2\.5/g, '$13.5');
    expect(run(text).days[0].guarantee.drops).toEqual([]);
  });
});

describe('the daily report and the evaluation', () => {
  it('gives the issue\'s columns with the day\'s figures, in Chinese and in English', () => {
    const r = run();
    const d = r.days[0].report;
    expect(d.periods).toBe('18-21');
    expect(d.gapTargetMW).toBe(3.5);
    expect([d.orderlyCustomers, d.demandResponseCustomers]).toEqual([2, 1]);
    // Releases by hour: 18:00 2 + 0.6 + 0 = 2.6; 19:00 and 20:00 2 + 0.6 + 0.5 = 3.1.
    expect(d.orderlyMW).toBeCloseTo(2.5, 9);
    expect(d.demandResponseMW).toBeCloseTo(0.6, 9);
    expect(d.highEnergyMW).toBeCloseTo(2, 9);
    expect(d.highEnergyShare).toBeCloseTo(2 / 3.1, 9);
    expect(d.energyMWh).toBeCloseTo(2.6 + 3.1 + 3.1, 9);
    expect(d.maxLoadMW).toBeNull();
    const zh = dailyReportCsv([d], 'zh').split('\n');
    expect(zh[0]).toBe('日期,实际发生最大负荷(MW),调度下达缺口指标(MW),执行时段,错避峰户数,错避峰负荷(MW),需求响应户数,需求响应负荷(MW),高耗能压限负荷(MW),高耗能压限负荷占比(%),影响电量(MWh),用户执行率(%)');
    expect(zh[1]).toBe('2024-07-03,,3.5,18-21,2,2.5,1,0.6,2,64.5,8.8,33.3');
    expect(dailyReportCsv([d], 'en').split('\n')[0]).toBe('date,actual maximum load (MW),gap target dispatched (MW),execution periods,customers shifting or avoiding the peak,load shifted or avoided (MW),demand-response customers,demand-response load (MW),high-energy load limited (MW),high-energy share (%),energy affected (MWh),customer execution rate (%)');
    expect(evaluationCsv(r.evaluation, 'zh')).toBe('起始日期,截止日期,执行天数,累计执行时长(h),累计影响户次,最大错避峰负荷(MW),最大错避峰负荷日期,累计影响电量(MWh)\n2024-07-03,2024-07-03,1,3,3,2.5,2024-07-03,8.8\n');
  });

  it('lists the customers short of their order with the issue\'s columns, largest shortfall first, contacts included', () => {
    const csv = shortfallCsv([run().days[0].compliance], 'zh').split('\n');
    expect(csv[0]).toBe('日期,户号,户名,联系人,基准负荷(MW),指标(MW),实际负荷(MW),错避峰负荷(MW),完成率(%),是否执行');
    expect(csv.slice(1, 3)).toEqual(['2024-07-03,I2,Textile mill,Li Ming,2,1,1.4,0.6,60,否', '2024-07-03,M1,Mall,,1.5,0.5,1.167,0.333,66.7,否']);
    expect(shortfallCsv([run().days[0].compliance], 'en').split('\n')[0]).toBe('date,account,customer name,contact,baseline load (MW),target (MW),actual load (MW),load curtailed (MW),completion rate (%),executed');
  });

  it('prints the report with the short list, the late customer and the feeder flagged, in both languages', () => {
    const r = run();
    const zh = executionText(r.days.map((d) => d.compliance), r.days.map((d) => d.report), r.days.map((d) => d.guarantee), r.evaluation, 'zh').join('\n');
    expect(zh).toContain('未执行到位清单（2 户');
    expect(zh).toContain('迟滞执行：M1（1 h）');
    expect(zh).toMatch(/线路 F3 .*19:00, 20:00 — 最大 1\.0 MW, 2\.0 MWh; 方案与事故拉闸序位均未安排/);
    const en = executionText(r.days.map((d) => d.compliance), r.days.map((d) => d.report), r.days.map((d) => d.guarantee), r.evaluation, 'en').join('\n');
    expect(en).toContain('late to start: M1 (1 h)');
    expect(en).toMatch(/feeder F3 .*ordered neither by the plan nor by the emergency order/);
  });
});
