/**
 * Notices as work: one per customer and day from the plan, with its deadline (first ordered hour
 * less the customer's notice), its contact, measures and MW by hour; a status that moves only as
 * the machine allows, with time and who; an alarm once a deadline passes unacknowledged.
 */
import { describe, expect, it } from 'vitest';
import { executionContext } from '../../core/execution/context.ts';
import { applyLog, freshRecord, noticeAlarms, step } from '../../core/execution/notice-status.ts';
import { noticesFromPlan } from '../../core/execution/notices.ts';
import { noticesCsv, noticesText } from '../../core/execution/report-text.ts';
import { formatProblem } from '../../core/problems.ts';
import { loadScenarioValue } from '../../core/scenario/validate.ts';
import { parseTimestamp } from '../../core/time/timestamp.ts';
import { handPlan, handScenario } from './hand-case.ts';

const s = loadScenarioValue(handScenario()).scenario!;
const ctx = executionContext(s, handPlan());
const notices = noticesFromPlan(ctx.plan, s, ctx.days, ctx.axis);
const ms = (t: string) => parseTimestamp(t)!.ms;

describe('notices from a plan', () => {
  it('gives every customer ordered a notice with its deadline from its lead time, earliest first', () => {
    expect(notices.map((n) => [n.id, n.deadline, n.firstHour, n.hours, n.peakMW, n.energyMWh])).toEqual([
      ['I1@2024-07-03', '2024-07-02T18:00+08:00', '2024-07-03T18:00+08:00', 3, 2, 6],
      ['I2@2024-07-03', '2024-07-02T18:00+08:00', '2024-07-03T18:00+08:00', 3, 1, 3],
      ['M1@2024-07-03', '2024-07-03T14:00+08:00', '2024-07-03T18:00+08:00', 3, 0.5, 1.5],
    ]);
    expect(notices[0].mw.slice(17, 22)).toEqual([0, 2, 2, 2, 0]);
    expect(notices.map((n) => n.measures)).toEqual([['avoid-peak'], ['demand-response'], ['limit']]);
  });

  it('carries the contact where the scenario has one, and says how many have none', () => {
    expect(notices.map((n) => [n.contactName, n.contactPhone])).toEqual([['王工', '+86 139 0000 0001'], ['Li Ming', null], [null, null]]);
    expect(noticesText(notices, null, null, 'en')[1]).toBe('  note: 1 notices are for customers with no contact in the scenario');
    const csv = noticesCsv(notices, null, 'zh').split('\n');
    expect(csv[0].split(',').slice(0, 17)).toEqual(['通知编号', '户号', '户名', '联系人', '联系电话', '类别', '线路', '变电站', '日期', '措施', '通知截止时间', '提前通知(h)', '首个执行时段', '执行小时数', '最大负荷指标(MW)', '电量(MWh)', '状态']);
    expect(csv[1].split(',').slice(0, 17)).toEqual(['I1@2024-07-03', 'I1', 'Steel works', '王工', "'+86 139 0000 0001", 'high-energy', 'F2', 'S1', '2024-07-03', '避峰', '2024-07-02T18:00+08:00', '24', '2024-07-03T18:00+08:00', '3', '2', '6', '待通知']);
  });
});

describe('the status of a notice', () => {
  const walk = (...tos: string[]) => {
    let r = freshRecord('I1@2024-07-03');
    const out: string[] = [];
    tos.forEach((to, i) => {
      const next = step(r, { notice: r.notice, to, at: `2024-07-02T1${i}:00+08:00`, by: 'dispatcher Zhang' }, `log.json: steps[${i}]`);
      if (next.ok) r = next.record; else out.push(formatProblem(next.problem));
    });
    return { r, out };
  };

  it('goes 待通知 → 已通知 → 已确认 → 执行中 → 已执行, each step with its time and who', () => {
    const { r, out } = walk('notified', 'acknowledged', 'executing', 'executed');
    expect(out).toEqual([]);
    expect(r.state).toBe('executed');
    expect(r.steps.map((x) => [x.from, x.to, x.at, x.by])).toEqual([
      ['to-notify', 'notified', '2024-07-02T10:00+08:00', 'dispatcher Zhang'], ['notified', 'acknowledged', '2024-07-02T11:00+08:00', 'dispatcher Zhang'],
      ['acknowledged', 'executing', '2024-07-02T12:00+08:00', 'dispatcher Zhang'], ['executing', 'executed', '2024-07-02T13:00+08:00', 'dispatcher Zhang'],
    ]);
  });

  it('refuses a step the machine does not allow, naming the steps it would', () => {
    expect(walk('acknowledged').out).toEqual(['log.json: steps[0].to: expected a step from 待通知 to notify to 已通知 notified, found 已确认 acknowledged']);
    expect(walk('notified', 'executed').out).toEqual(['log.json: steps[1].to: expected a step from 已通知 notified to 已确认 acknowledged or 未执行到位 not executed, found 已执行 executed']);
    expect(walk('notified', 'not-executed', 'executing').out).toEqual(['log.json: steps[2].to: expected a step from 未执行到位 not executed to nothing (it is final), found 执行中 executing']);
  });

  it('refuses a step without its time zone, without who, or earlier than the last', () => {
    const r = freshRecord('I1@2024-07-03');
    const bad = (e: object) => { const x = step(r, e, 'log'); return x.ok ? '' : formatProblem(x.problem); };
    expect(bad({ to: 'notified', at: '2024-07-02 10:00', by: 'Z' })).toBe('log.at: expected a time with its UTC offset (2024-07-21T16:05+08:00), found "2024-07-02 10:00"');
    expect(bad({ to: 'notified', at: '2024-07-02T10:00+08:00', by: ' ' })).toMatch(/^log\.by: expected who recorded the step/);
    expect(bad({ to: 'notified', at: '2024-07-02T10:00+08:00', by: 'Z', extra: 1 })).toBe('log.extra: expected only notice, to, at, by and note, found this field too');
    const log = applyLog(notices, { steps: [
      { notice: 'I1@2024-07-03', to: 'notified', at: '2024-07-02T10:00+08:00', by: 'Z' },
      { notice: 'I1@2024-07-03', to: 'acknowledged', at: '2024-07-02T09:00+08:00', by: 'Z' },
      { notice: 'X@2024-07-03', to: 'notified', at: '2024-07-02T09:00+08:00', by: 'Z' },
    ] }, 'log.json');
    expect(!log.ok && log.problems.map(formatProblem)).toEqual([
      'log.json: steps[1].at: expected a time no earlier than the notice\'s last step (2024-07-02T10:00+08:00, 已通知 notified), found 2024-07-02T09:00+08:00',
      'log.json: steps[2].notice: expected a notice of the plan (customer@date, e.g. I1@2024-07-03), found "X@2024-07-03"',
    ]);
  });
});

describe('alarms on notices', () => {
  const log = applyLog(notices, { steps: [
    { notice: 'I1@2024-07-03', to: 'notified', at: '2024-07-02T16:00+08:00', by: 'Z' },
    { notice: 'I1@2024-07-03', to: 'acknowledged', at: '2024-07-02T17:30+08:00', by: 'Z' },
    { notice: 'I2@2024-07-03', to: 'notified', at: '2024-07-02T17:00+08:00', by: 'Z' },
  ] }, 'log.json');
  const records = log.ok ? log.records : new Map();

  it('raises none before a deadline, then one per notice unacknowledged once its deadline passes', () => {
    expect(noticeAlarms(notices, records, ms('2024-07-02T17:59+08:00'))).toEqual([]);
    expect(noticeAlarms(notices, records, ms('2024-07-02T19:30+08:00')).map((a) => [a.notice, a.kind, a.overdueMinutes])).toEqual([['I2@2024-07-03', 'not-acknowledged', 90]]);
    expect(noticeAlarms(notices, records, ms('2024-07-03T14:01+08:00')).map((a) => [a.notice, a.kind])).toEqual([['I2@2024-07-03', 'not-acknowledged'], ['M1@2024-07-03', 'not-notified']]);
  });

  it('shows the statuses and the alarms in the printed list', () => {
    const text = noticesText(notices, records, noticeAlarms(notices, records, ms('2024-07-03T14:01+08:00')), 'zh').join('\n');
    expect(text).toContain('告警：2 份通知已过截止时间仍未确认');
    expect(text).toContain('M1@2024-07-03: 未通知 — 截止 2024-07-03T14:00+08:00, 已超 0 h 1 min');
    expect(text).toMatch(/I1@2024-07-03 .* 已确认/);
  });
});
