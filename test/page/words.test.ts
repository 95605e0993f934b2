/**
 * Numbers as the page writes them (ui/i18n.ts, ui/time-text.ts): units on every figure, counts
 * that agree with their noun, money as each language's reports write it, and times on the grid's
 * 24-hour clock — never "12.6 (0–0)", "1 problems", "27.30 M CNY" in Chinese or "12 PM".
 */
import { describe, expect, it } from 'vitest';
import { ensText, levelShort, levelWords, moneyText, problemCount } from '../../ui/i18n.ts';
import { clockText, datedStampText, datedText, dayStartMs, periodText, stampText, tickText } from '../../ui/time-text.ts';

describe('the page\'s figures', () => {
  it('count problems in the singular and the plural', () => {
    expect(problemCount(1, 'en')).toBe('1 problem');
    expect(problemCount(3, 'en')).toBe('3 problems');
    expect(problemCount(1_204, 'zh')).toBe('1,204 个问题');
  });

  it('write money in 万元 in Chinese and in millions in English', () => {
    expect(moneyText(27_300_000, 'CNY', 'zh')).toBe('2,730.0 万元');
    expect(moneyText(27_300_000, 'CNY', 'en')).toBe('27.30 M CNY');
    expect(moneyText(1_500_000, 'USD', 'zh')).toBe('1.50 M USD');
  });

  it('say why a mean of energy not served sits beside an all-zero P10–P90, with units', () => {
    expect(ensText({ mean: 12.6, p10: 0, p90: 0 }, 'en')).toBe('mean 12.6 MWh, from rare futures (P10–P90 both 0 MWh)');
    // A P90 that rounds to 0 reads as 0 (the heat wave's least-cost plan: mean 3.0, P90 0.2).
    expect(ensText({ mean: 3, p10: 0, p90: 0.2 }, 'en')).toBe('mean 3.0 MWh, from rare futures (P10–P90 both 0 MWh)');
    expect(ensText({ mean: 40, p10: 3, p90: 80 }, 'en')).toBe('mean 40.0 MWh (P10–P90 3–80 MWh)');
    expect(ensText({ mean: 0, p10: 0, p90: 0 }, 'zh')).toBe('均值 0.0 MWh（P10–P90：0–0 MWh）');
  });

  it('name levels with their numeral and colour', () => {
    expect(levelWords('II', 'zh')).toBe('II级 橙色预警');
    expect(levelWords('I', 'en')).toBe('Level I red warning');
    expect(levelWords('none', 'en')).toBe('No warning');
    expect(levelShort('III', 'zh')).toBe('III级 黄色');
  });

  it('write times on the grid\'s 24-hour clock in the page\'s language', () => {
    const ms = Date.parse('2024-07-24T10:00:00Z'); // 18:00 in Shanghai
    expect(clockText(ms, 'Asia/Shanghai', 'zh')).toBe('07-24 18:00');
    expect(clockText(ms, 'Asia/Shanghai', 'en')).toBe('Jul 24 18:00');
    expect(stampText('2024-07-24T12:00+08:00', 'Asia/Shanghai', 'en')).toBe('Jul 24 12:00');
    expect(periodText('2024-07-24', 15, 22, 'zh')).toBe('07-24 15–22时');
    expect(periodText('2024-07-24', 15, 22, 'en')).toBe('Jul 24 15:00–22:00');
    expect(tickText(new Date(Date.UTC(2024, 6, 24, 12)), 'en')).toBe('12:00');
    expect(tickText(new Date(Date.UTC(2024, 6, 24, 0)), 'zh')).toBe('07-24');
    // A filed document says the year too.
    expect(datedText(ms, 'Asia/Shanghai', 'zh')).toBe('2024年7月24日 18:00');
    expect(datedText(ms, 'Asia/Shanghai', 'en')).toBe('Jul 24, 2024 18:00');
    expect(datedStampText('2024-12-31T23:00-05:00', 'Asia/Shanghai', 'zh')).toBe('2025年1月1日 12:00');
    expect(datedStampText('not a time', 'Asia/Shanghai', 'en')).toBe('not a time');
    expect(dayStartMs('2024-07-24', 'Asia/Shanghai')).toBe(Date.parse('2024-07-23T16:00:00Z'));
    expect(dayStartMs('2024-03-10', 'America/New_York')).toBe(Date.parse('2024-03-10T05:00:00Z'));
  });
});
