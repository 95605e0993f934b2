/**
 * The day of execution as the page writes it (ui/execution-text.ts), figures worked by hand: the
 * hours of a notice as windows, overdue times, rates and loads with their units, the daily
 * report's fields in the order the rules list them, in both languages, and the guarantee's verdicts.
 */
import { describe, expect, it } from 'vitest';
import type { DailyReport, Evaluation } from '../../core/execution/daily-report.ts';
import {
  customersText, dailyRows, evaluationRows, hourWindows, mwText, overdueText, periodsWords, rateText, servesText, verdictText, windowsWords,
} from '../../ui/execution-text.ts';
import { className, word, WORD_KEYS } from '../../ui/i18n.ts';

const day: DailyReport = {
  date: '2024-07-25', maxLoadMW: 1785.04, maxLoadTime: '2024-07-25T13:00+08:00', gapTargetMW: 370.25, periods: '13-23', executionHours: 10,
  orderlyCustomers: 1178, orderlyMW: 339.94, demandResponseCustomers: 1, demandResponseMW: 32.3, highEnergyMW: 87, highEnergyShare: 0.2362,
  energyMWh: 2365.4, executionRate: 1158 / 1227, completion: 0.959, customersOrdered: 1227, customersMetered: 1227,
};

describe('the notices\' hours and times', () => {
  it('turn the MW by hour into the windows ordered: 08–10 and 16–22 from a day with two runs', () => {
    const mw = new Array(24).fill(0);
    for (const h of [8, 9, 16, 17, 18, 19, 20, 21]) mw[h] = 0.5;
    expect(hourWindows(mw)).toEqual([[8, 10], [16, 22]]);
    expect(windowsWords(hourWindows(mw), 'en')).toBe('08:00–10:00, 16:00–22:00');
    expect(windowsWords(hourWindows(mw), 'zh')).toBe('08–10时、16–22时');
    expect(windowsWords([], 'en')).toBe('—');
  });

  it('read the report\'s periods as core writes them ("13-23 08-10")', () => {
    expect(periodsWords('13-23', 'zh')).toBe('13–23时');
    expect(periodsWords('08-10 13-23', 'en')).toBe('08:00–10:00, 13:00–23:00');
    expect(periodsWords('', 'en')).toBe('—');
  });

  it('say how long a notice is overdue in hours and minutes: 185 min is 3 h 05 min', () => {
    expect(overdueText(185, 'en')).toBe('3 h 05 min');
    expect(overdueText(185, 'zh')).toBe('3 小时 05 分钟');
    expect(overdueText(0, 'en')).toBe('0 h 00 min');
  });
});

describe('the figures of compliance', () => {
  it('carry their units, and a dash where nothing was judged', () => {
    expect(mwText(1785.04, 'en')).toBe('1,785.0 MW');
    expect(mwText(0.456, 'zh', 2)).toBe('0.46 MW');
    expect(mwText(null, 'en')).toBe('—');
    expect(rateText(1158 / 1227, 'en')).toBe('94.4 %');
    expect(rateText(null, 'zh')).toBe('—');
    expect(customersText(1, 'en')).toBe('1 customer');
    expect(customersText(1178, 'zh')).toBe('1,178 户');
  });
});

describe('the daily report (日报)', () => {
  it('lists the fields the rules list, in their order, each with its unit, in Chinese', () => {
    expect(dailyRows(day, 'zh')).toEqual([
      ['实际发生最大负荷', '1,785.0 MW（13:00）'], ['调度下达缺口指标', '370.3 MW'], ['执行时段', '13–23时（共 10 小时）'],
      ['错避峰户数', '1,178 户'], ['错避峰负荷', '339.9 MW'], ['需求响应户数', '1 户'], ['需求响应负荷', '32.3 MW'],
      ['高耗能压限负荷', '87.0 MW'], ['高耗能压限负荷占比', '23.6 %'], ['影响电量', '2,365.4 MWh'], ['用户执行率', '94.4 %（计量 1,227 / 下达 1,227 户）'],
    ]);
  });

  it('and in English, saying "not metered" where the system has no meter', () => {
    const rows = dailyRows({ ...day, maxLoadMW: null, maxLoadTime: null, demandResponseCustomers: 1 }, 'en');
    expect(rows[0]).toEqual(['Actual maximum load', 'not metered']);
    expect(rows[2]).toEqual(['Execution periods', '13:00–23:00 (10 h)']);
    expect(rows[5]).toEqual(['Demand-response customers', '1 customer']);
    expect(rows[10]).toEqual(['Customer execution rate', '94.4 % (1,227 of 1,227 customers metered)']);
  });

  it('and the evaluation (事后评估) over the days judged', () => {
    const e: Evaluation = { from: '2024-07-22', to: '2024-07-25', days: 4, hours: 35, userTimes: 3526, maxOrderlyMW: 339.94, maxOrderlyDate: '2024-07-25', energyMWh: 6364.5 };
    expect(evaluationRows(e, 'zh')).toEqual([
      ['评估期间', '2024-07-22 至 2024-07-25'], ['执行天数', '4 天'], ['累计执行时长', '35 小时'], ['累计影响户次', '3,526 户次'],
      ['最大错避峰负荷', '339.9 MW（2024-07-25）'], ['累计影响电量', '6,364.5 MWh'],
    ]);
    expect(evaluationRows({ ...e, days: 1 }, 'en')[1]).toEqual(['Days executed', '1 day']);
  });
});

describe('the residents\' guarantee', () => {
  it('says what each dip of protected load was traced to', () => {
    expect(verdictText({ verdict: 'not-ordered', emergencyStep: null }, 'zh')).toBe('方案与事故拉闸序位均未安排：疑为故障或未经指令的切除，须向监管说明');
    expect(verdictText({ verdict: 'in-emergency-order', emergencyStep: 3 }, 'en')).toBe('step 3 of the emergency order');
    expect(verdictText({ verdict: 'ordered-by-plan', emergencyStep: null }, 'en')).toBe('the plan opened this feeder (a breach of the guarantee)');
  });

  it('names what a meter serves in the page\'s language', () => {
    expect(servesText('residents (69 %)', 'zh', className)).toBe('居民（69 %）');
    expect(servesText('residents (69 %)', 'en', className)).toBe('residents (69 %)');
    expect(servesText('protected customers', 'zh', className)).toBe('保障用户');
    expect(servesText('hospital', 'zh', className)).toBe('医院');
  });
});

describe('the page\'s Chinese', () => {
  it('writes its punctuation full-width: no ( ) , : ; ! ? in any Chinese word of the page (a clock time\'s colon aside: 05:00)', () => {
    expect(WORD_KEYS.length).toBeGreaterThan(200);
    const halfWidth = /[(),;!?]|(?<!\d):|:(?!\d)/;
    expect(WORD_KEYS.filter((k) => halfWidth.test(word(k, 'zh'))).map((k) => `${k}: ${word(k, 'zh')}`)).toEqual([]);
    expect(halfWidth.test('提前量：05:00')).toBe(false);
    expect(halfWidth.test('提前量: 5 h')).toBe(true);
    // The test can fail: an English sentence is full of them.
    expect(/[(),:;!?]/.test(word('executionHint', 'en'))).toBe(true);
  });
});
