/**
 * The day of execution as the page writes it, in English and Chinese: the notices' hours and
 * overdue times, rates and loads with their units, the daily report's fields (日报) and the
 * evaluation's (事后评估) in the order the rules list them, the baseline rules and the residents'
 * guarantee verdicts. Pure: the views and the Node tests share it.
 */
import type { BaselinePolicy } from '../core/execution/baselines.ts';
import type { DailyReport, Evaluation } from '../core/execution/daily-report.ts';
import type { ProtectedDrop } from '../core/execution/residents.ts';
import { localeOf, type Lang } from './i18n.ts';

const two = (n: number) => String(n).padStart(2, '0');
const num = (v: number, digits: number, lang: Lang) => v.toLocaleString(localeOf(lang), { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** "0.52": a figure bare, for a column whose heading gives the unit; "—" where there is none. */
export function figureText(v: number | null, lang: Lang, digits = 1): string {
  return v === null || !Number.isFinite(v) ? '—' : num(v, digits, lang);
}

/** "0.52 MW": a load, with its unit; "—" where there is none. */
export function mwText(v: number | null, lang: Lang, digits = 1): string {
  return v === null || !Number.isFinite(v) ? '—' : `${num(v, digits, lang)} MW`;
}

export function mwhText(v: number | null, lang: Lang, digits = 1): string {
  return v === null || !Number.isFinite(v) ? '—' : `${num(v, digits, lang)} MWh`;
}

/** "93.1 %": a share; "—" where nothing was judged. */
export function rateText(v: number | null, lang: Lang): string {
  return v === null || !Number.isFinite(v) ? '—' : `${num(100 * v, 1, lang)} %`;
}

/** "12 户" / "12 customers". */
export function customersText(n: number, lang: Lang): string {
  return lang === 'zh' ? `${n.toLocaleString('zh-CN')} 户` : `${n.toLocaleString('en-US')} ${n === 1 ? 'customer' : 'customers'}`;
}

/** Runs of the local hours whose MW is above zero, as whole-hour windows: [[16, 22]] for 16:00–22:00. */
export function hourWindows(mw: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (let h = 0; h < mw.length; h++) {
    if (!(mw[h] > 0)) continue;
    const last = out[out.length - 1];
    if (last && last[1] === h) last[1] = h + 1;
    else out.push([h, h + 1]);
  }
  return out;
}

/** "16–22时" / "16:00–22:00"; several windows joined ("08–10时、16–22时"). */
export function windowsWords(windows: readonly [number, number][], lang: Lang): string {
  if (!windows.length) return '—';
  return lang === 'zh' ? windows.map(([a, b]) => `${two(a)}–${two(b)}时`).join('、') : windows.map(([a, b]) => `${two(a)}:00–${two(b)}:00`).join(', ');
}

/** The report's periods as core writes them ("16-22 08-10") in the page's words. */
export function periodsWords(periods: string, lang: Lang): string {
  const windows = periods.split(' ').filter(Boolean).map((w) => w.split('-').map(Number) as [number, number]);
  return windowsWords(windows, lang);
}

/** "2 h 05 min" / "2 小时 05 分钟": how long a notice is overdue. */
export function overdueText(minutes: number, lang: Lang): string {
  const h = Math.floor(minutes / 60), m = minutes % 60;
  return lang === 'zh' ? `${h} 小时 ${two(m)} 分钟` : `${h} h ${two(m)} min`;
}

/** The baseline rules, in the page's words (full-width punctuation in Chinese). */
export const BASELINE_WORDS: Record<BaselinePolicy, Record<Lang, string>> = {
  jiangsu: { zh: '前 5 个正常工作日平均（江苏）', en: 'mean of the last 5 normal working days (Jiangsu)' },
  beijing: { zh: 'D−2 起 10 日中最高 5 日平均（北京）', en: 'mean of the highest 5 of the 10 days from D−2 (Beijing)' },
  'hour-before': { zh: '指令前一小时负荷', en: 'load of the hour before the order' },
  'day-adjusted': { zh: '前 5 个正常工作日平均，按当日指令前负荷修正（±20 %）', en: 'last 5 normal working days, scaled to the day before the order (±20 %)' },
  'similar-days': { zh: '气温最接近的 5 个同类日平均', en: 'mean of the 5 same-kind days with the closest peak temperature' },
};

/** The columns of the list of customers short of their order (未执行到位清单), as the rules list them, in the page's words. */
export const SHORT_HEAD: Record<Lang, string[]> = {
  zh: ['户号', '户名', '联系人', '基准负荷（MW）', '指标（MW）', '实际负荷（MW）', '错避峰负荷（MW）', '完成率（%）', '是否执行'],
  en: ['Account', 'Customer name', 'Contact', 'Baseline load (MW)', 'Target (MW)', 'Actual load (MW)', 'Load curtailed (MW)', 'Completion rate (%)', 'Executed'],
};

/** The daily report (日报) as label and value, in the order the rules list its fields, every figure with its unit. */
export function dailyRows(r: DailyReport, lang: Lang): [string, string][] {
  const zh = lang === 'zh';
  const maxLoad = r.maxLoadMW === null ? (zh ? '未计量' : 'not metered') : `${mwText(r.maxLoadMW, lang)}${r.maxLoadTime ? (zh ? `（${r.maxLoadTime.slice(11, 16)}）` : ` (${r.maxLoadTime.slice(11, 16)})`) : ''}`;
  return [
    [zh ? '实际发生最大负荷' : 'Actual maximum load', maxLoad],
    [zh ? '调度下达缺口指标' : 'Gap target dispatched', mwText(r.gapTargetMW, lang)],
    [zh ? '执行时段' : 'Execution periods', `${periodsWords(r.periods, lang)}${zh ? `（共 ${r.executionHours} 小时）` : ` (${r.executionHours} h)`}`],
    [zh ? '错避峰户数' : 'Customers shifting or avoiding the peak', customersText(r.orderlyCustomers, lang)],
    [zh ? '错避峰负荷' : 'Load shifted or avoided', mwText(r.orderlyMW, lang)],
    [zh ? '需求响应户数' : 'Demand-response customers', customersText(r.demandResponseCustomers, lang)],
    [zh ? '需求响应负荷' : 'Demand-response load', mwText(r.demandResponseMW, lang)],
    [zh ? '高耗能压限负荷' : 'High-energy load limited', mwText(r.highEnergyMW, lang)],
    [zh ? '高耗能压限负荷占比' : 'High-energy share', rateText(r.highEnergyShare, lang)],
    [zh ? '影响电量' : 'Energy affected', mwhText(r.energyMWh, lang)],
    [zh ? '用户执行率' : 'Customer execution rate', `${rateText(r.executionRate, lang)}${zh ? `（计量 ${num(r.customersMetered, 0, lang)} / 下达 ${num(r.customersOrdered, 0, lang)} 户）` : ` (${num(r.customersMetered, 0, lang)} of ${num(r.customersOrdered, 0, lang)} customers metered)`}`],
  ];
}

/** The cumulative evaluation (事后评估) over the days judged. */
export function evaluationRows(e: Evaluation, lang: Lang): [string, string][] {
  const zh = lang === 'zh';
  return [
    [zh ? '评估期间' : 'Period', zh ? `${e.from} 至 ${e.to}` : `${e.from} to ${e.to}`],
    [zh ? '执行天数' : 'Days executed', zh ? `${e.days} 天` : `${e.days} ${e.days === 1 ? 'day' : 'days'}`],
    [zh ? '累计执行时长' : 'Cumulative execution hours', zh ? `${e.hours} 小时` : `${e.hours} h`],
    [zh ? '累计影响户次' : 'Cumulative user-times', zh ? `${e.userTimes.toLocaleString('zh-CN')} 户次` : `${e.userTimes.toLocaleString('en-US')} user-times`],
    [zh ? '最大错避峰负荷' : 'Largest load shifted or avoided', `${mwText(e.maxOrderlyMW, lang)}${e.maxOrderlyDate ? (zh ? `（${e.maxOrderlyDate}）` : ` (${e.maxOrderlyDate})`) : ''}`],
    [zh ? '累计影响电量' : 'Cumulative energy affected', mwhText(e.energyMWh, lang)],
  ];
}

/** What a dip of protected load is, traced against the plan and the emergency order. */
export function verdictText(d: Pick<ProtectedDrop, 'verdict' | 'emergencyStep'>, lang: Lang): string {
  const zh = lang === 'zh';
  if (d.verdict === 'not-ordered') return zh ? '方案与事故拉闸序位均未安排：疑为故障或未经指令的切除，须向监管说明' : 'ordered neither by the plan nor by the emergency order: a fault or an unordered cut, to be explained to the regulator';
  if (d.verdict === 'ordered-by-plan') return zh ? '方案拉开了该线路（违反保居民原则）' : 'the plan opened this feeder (a breach of the guarantee)';
  return zh ? `在事故拉闸序位第 ${d.emergencyStep} 位` : `step ${d.emergencyStep} of the emergency order`;
}

/** What a protected meter serves: "居民（69 %）" / "residents (69 %)" from core's "residents (69 %)". */
export function servesText(serves: string, lang: Lang, className: (id: string, lang: Lang) => string): string {
  const residents = /^residents \((\d+) %\)$/.exec(serves);
  if (residents) return lang === 'zh' ? `居民（${residents[1]} %）` : serves;
  if (serves === 'protected customers') return lang === 'zh' ? '保障用户' : serves;
  return className(serves, lang);
}
