/**
 * The execution reports as people file them, in Chinese and English: the daily report (日报) and
 * the cumulative evaluation (事后评估) as CSV and printable text, the list of customers who fell
 * short (未执行到位清单), the notices (通知清单), and the residents' guarantee. Columns are the
 * issue's lists, in their order; figures in MW and MWh, rates in %.
 */
import { MEASURE_NAMES, classInfo } from '../scenario/classes.ts';
import { BASELINE_NAMES } from './baselines.ts';
import type { DayCompliance } from './compliance.ts';
import { csvLine, numberCell, textCell } from './csv-cells.ts';
import type { DailyReport, Evaluation } from './daily-report.ts';
import type { Notice } from './notices.ts';
import { STATE_NAMES, type NoticeAlarm, type NoticeRecord } from './notice-status.ts';
import type { GuaranteeCheck } from './residents.ts';

export type Lang = 'zh' | 'en';

const pct = (v: number | null) => (v === null ? null : 100 * v);

export const DAILY_COLUMNS: Record<Lang, string[]> = {
  zh: ['日期', '实际发生最大负荷(MW)', '调度下达缺口指标(MW)', '执行时段', '错避峰户数', '错避峰负荷(MW)', '需求响应户数', '需求响应负荷(MW)', '高耗能压限负荷(MW)', '高耗能压限负荷占比(%)', '影响电量(MWh)', '用户执行率(%)'],
  en: ['date', 'actual maximum load (MW)', 'gap target dispatched (MW)', 'execution periods', 'customers shifting or avoiding the peak', 'load shifted or avoided (MW)', 'demand-response customers', 'demand-response load (MW)', 'high-energy load limited (MW)', 'high-energy share (%)', 'energy affected (MWh)', 'customer execution rate (%)'],
};

const dailyCells = (r: DailyReport): string[] => [
  textCell(r.date), numberCell(r.maxLoadMW, 1), numberCell(r.gapTargetMW, 1), textCell(r.periods), String(r.orderlyCustomers), numberCell(r.orderlyMW, 1),
  String(r.demandResponseCustomers), numberCell(r.demandResponseMW, 1), numberCell(r.highEnergyMW, 1), numberCell(pct(r.highEnergyShare), 1),
  numberCell(r.energyMWh, 1), numberCell(pct(r.executionRate), 1),
];

export function dailyReportCsv(reports: DailyReport[], lang: Lang): string {
  return [csvLine(DAILY_COLUMNS[lang]), ...reports.map((r) => csvLine(dailyCells(r)))].join('\n') + '\n';
}

export const EVALUATION_COLUMNS: Record<Lang, string[]> = {
  zh: ['起始日期', '截止日期', '执行天数', '累计执行时长(h)', '累计影响户次', '最大错避峰负荷(MW)', '最大错避峰负荷日期', '累计影响电量(MWh)'],
  en: ['from', 'to', 'days executed', 'cumulative execution hours (h)', 'cumulative user-times', 'largest load shifted or avoided (MW)', 'its date', 'cumulative energy affected (MWh)'],
};

export function evaluationCsv(e: Evaluation, lang: Lang): string {
  return [csvLine(EVALUATION_COLUMNS[lang]), csvLine([textCell(e.from), textCell(e.to), String(e.days), String(e.hours), String(e.userTimes), numberCell(e.maxOrderlyMW, 1), textCell(e.maxOrderlyDate ?? ''), numberCell(e.energyMWh, 1)])].join('\n') + '\n';
}

export const SHORTFALL_COLUMNS: Record<Lang, string[]> = {
  zh: ['户号', '户名', '联系人', '基准负荷(MW)', '指标(MW)', '实际负荷(MW)', '错避峰负荷(MW)', '完成率(%)', '是否执行'],
  en: ['account', 'customer name', 'contact', 'baseline load (MW)', 'target (MW)', 'actual load (MW)', 'load curtailed (MW)', 'completion rate (%)', 'executed'],
};

/** The customers who fell short (not executed), largest shortfall first; figures are means over their ordered hours. */
export function shortfallList(c: DayCompliance) {
  return c.customers.filter((x) => x.unmetered === null && !x.executed)
    .sort((a, b) => (b.orderedMWh - b.deliveredMWh) - (a.orderedMWh - a.deliveredMWh) || (a.customer < b.customer ? -1 : 1));
}

export function shortfallCsv(days: DayCompliance[], lang: Lang): string {
  const head = [lang === 'zh' ? '日期' : 'date', ...SHORTFALL_COLUMNS[lang]];
  const rows = days.flatMap((d) => shortfallList(d).map((x) => csvLine([
    textCell(d.date), textCell(x.customer), textCell(x.name), textCell(x.contact), numberCell(x.mean!.baselineMW), numberCell(x.mean!.orderedMW),
    numberCell(x.mean!.actualMW), numberCell(x.mean!.releasedMW), numberCell(100 * x.completion!, 1), lang === 'zh' ? '否' : 'no',
  ])));
  return [csvLine(head), ...rows].join('\n') + '\n';
}

export const NOTICE_COLUMNS: Record<Lang, string[]> = {
  zh: ['通知编号', '户号', '户名', '联系人', '联系电话', '类别', '线路', '变电站', '日期', '措施', '通知截止时间', '提前通知(h)', '首个执行时段', '执行小时数', '最大负荷指标(MW)', '电量(MWh)', '状态', ...Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, '0')}时(MW)`)],
  en: ['notice', 'account', 'customer name', 'contact', 'phone', 'class', 'feeder', 'substation', 'date', 'measures', 'notice by', 'notice (h)', 'first hour', 'hours', 'peak MW', 'energy MWh', 'status', ...Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, '0')}:00 MW`)],
};

export function noticesCsv(notices: Notice[], records: Map<string, NoticeRecord> | null, lang: Lang): string {
  const rows = notices.map((n) => csvLine([
    textCell(n.id), textCell(n.customer), textCell(n.name), textCell(n.contactName ?? ''), textCell(n.contactPhone ?? ''), textCell(n.class), textCell(n.feeder), textCell(n.area),
    textCell(n.date), textCell(n.measures.map((m) => MEASURE_NAMES[m][lang]).join('+')), textCell(n.deadline), numberCell(n.noticeHours, 2), textCell(n.firstHour),
    String(n.hours), numberCell(n.peakMW), numberCell(n.energyMWh), textCell(STATE_NAMES[records?.get(n.id)?.state ?? 'to-notify'][lang]), ...n.mw.map((v) => numberCell(v)),
  ]));
  return [csvLine(NOTICE_COLUMNS[lang]), ...rows].join('\n') + '\n';
}

const f1 = (v: number | null) => (v === null ? '—' : v.toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 }));
const p1 = (v: number | null) => (v === null ? '—' : `${(100 * v).toFixed(1)} %`);

export function noticesText(notices: Notice[], records: Map<string, NoticeRecord> | null, alarms: NoticeAlarm[] | null, lang: Lang): string[] {
  const L: string[] = [];
  const zh = lang === 'zh';
  L.push(zh ? `通知清单：${notices.length} 份通知（每户每日一份），按通知截止时间排列` : `Notices: ${notices.length} (one per customer and day), by the time each must go out`);
  const missing = notices.filter((n) => !n.contactName && !n.contactPhone).length;
  if (missing) L.push(zh ? `  注意：${missing} 份通知的用户在方案数据中没有联系人` : `  note: ${missing} notices are for customers with no contact in the scenario`);
  for (const n of notices) {
    const state = STATE_NAMES[records?.get(n.id)?.state ?? 'to-notify'][lang];
    const who = [n.contactName, n.contactPhone].filter(Boolean).join(' ') || '—';
    L.push(`  ${n.deadline}  ${n.id.padEnd(22)} ${n.name.slice(0, 24).padEnd(24)} ${who.padEnd(20)} ${n.measures.map((m) => MEASURE_NAMES[m][lang]).join('+').padEnd(18)} ${f1(n.peakMW).padStart(7)} MW  ${state}`);
  }
  if (alarms) {
    L.push('');
    L.push(zh ? `告警：${alarms.length} 份通知已过截止时间仍未确认` : `Alarms: ${alarms.length} notices past their deadline and not acknowledged`);
    for (const a of alarms) L.push(`  ${a.notice}: ${zh ? (a.kind === 'not-notified' ? '未通知' : '已通知未确认') : a.kind === 'not-notified' ? 'not notified' : 'notified, not acknowledged'} — ${zh ? '截止' : 'deadline'} ${a.deadline}, ${zh ? '已超' : 'overdue by'} ${Math.floor(a.overdueMinutes / 60)} h ${a.overdueMinutes % 60} min`);
  }
  return L;
}

/** The printable execution report of the days judged, with the evaluation over them. */
export function executionText(days: DayCompliance[], reports: DailyReport[], checks: GuaranteeCheck[], e: Evaluation, lang: Lang): string[] {
  const zh = lang === 'zh';
  const L: string[] = [];
  const cols = DAILY_COLUMNS[lang];
  const policy = days[0] ? BASELINE_NAMES[days[0].policy][lang] : '';
  L.push(zh ? '有序用电执行情况报告' : 'Orderly-power execution report');
  if (days[0]) L.push(zh ? `基准负荷：${policy}；完成率达到 ${Math.round(days[0].threshold * 100)} % 视为执行到位` : `baseline: ${policy}; a customer at ${Math.round(days[0].threshold * 100)} % completion or more has executed`);
  reports.forEach((r, i) => {
    const d = days[i], g = checks[i];
    L.push('');
    L.push(zh ? `日报 ${r.date}` : `Daily report ${r.date}`);
    const values = [r.date, r.maxLoadMW === null ? (zh ? '未计量' : 'not metered') : `${f1(r.maxLoadMW)}${r.maxLoadTime ? ` (${r.maxLoadTime.slice(11, 16)})` : ''}`, f1(r.gapTargetMW), r.periods || '—',
      String(r.orderlyCustomers), f1(r.orderlyMW), String(r.demandResponseCustomers), f1(r.demandResponseMW), f1(r.highEnergyMW), p1(r.highEnergyShare), f1(r.energyMWh), p1(r.executionRate)];
    cols.forEach((c, k) => { if (k) L.push(`  ${c.padEnd(zh ? 18 : 42)} ${values[k]}`); });
    L.push(`  ${(zh ? '完成率' : 'completion').padEnd(zh ? 18 : 42)} ${p1(r.completion)}   ${zh ? `（计量 ${r.customersMetered} / 下达 ${r.customersOrdered} 户）` : `(${r.customersMetered} of ${r.customersOrdered} customers metered)`}`);
    const drift = d.baselineDrift;
    if (drift.compared && drift.above / drift.compared > 0.2 && d.policy !== 'day-adjusted') {
      L.push(zh ? `  基准注意：${drift.above} / ${drift.compared} 户在指令前的负荷高于其基准 10 % 以上（当日较基准日更热或更忙），其错避峰负荷与完成率被低估；可用 --baseline day-adjusted 按当日修正`
        : `  BASELINE NOTE: ${drift.above} of ${drift.compared} customers drew over 10 % above their baseline in the hours before their order (a hotter or busier day than the baseline days): their releases and completion are understated; --baseline day-adjusted scales the baseline to the day`);
    }
    const unmetered = d.customers.filter((c) => c.unmetered !== null);
    if (unmetered.length) L.push(zh ? `  未能评判 ${unmetered.length} 户（无计量或无基准）：${unmetered.slice(0, 5).map((c) => `${c.customer}（${c.unmetered}）`).join('；')}${unmetered.length > 5 ? '…' : ''}` : `  not judged: ${unmetered.length} (no readings or no baseline): ${unmetered.slice(0, 5).map((c) => `${c.customer} (${c.unmetered})`).join('; ')}${unmetered.length > 5 ? '…' : ''}`);
    for (const [title, list] of [[zh ? '按地市' : 'by city', d.byCity], [zh ? '按区县' : 'by county', d.byCounty], [zh ? '按类别' : 'by class', d.byClass]] as const) {
      L.push(`  ${title}:`);
      for (const x of list) {
        const label = title.includes('类') || title.includes('class') ? (classInfo(x.key)?.[lang] ?? x.key) : x.key || '—';
        L.push(`    ${label.padEnd(34)} ${String(x.customers).padStart(5)} ${zh ? '户' : 'customers'}  ${zh ? '完成率' : 'completion'} ${p1(x.completion).padStart(8)}  ${zh ? '执行率' : 'execution'} ${p1(x.executionRate).padStart(8)}`);
      }
    }
    const short = shortfallList(d);
    L.push(zh ? `  未执行到位清单（${short.length} 户；负荷为其执行时段的平均值）` : `  Customers short of their order (${short.length}; loads are means over their ordered hours)`);
    if (short.length) L.push(`    ${SHORTFALL_COLUMNS[lang].join(' | ')}`);
    for (const x of short.slice(0, 50)) {
      L.push(`    ${x.customer} | ${x.name} | ${x.contact || '—'} | ${f1(x.mean!.baselineMW)} | ${f1(x.mean!.orderedMW)} | ${f1(x.mean!.actualMW)} | ${f1(x.mean!.releasedMW)} | ${p1(x.completion)} | ${zh ? '否' : 'no'}${x.lateHours ? (zh ? `（迟滞 ${x.lateHours} h）` : ` (late by ${x.lateHours} h)`) : ''}`);
    }
    if (short.length > 50) L.push(zh ? `    … 另有 ${short.length - 50} 户（见 CSV）` : `    … and ${short.length - 50} more (see the CSV)`);
    const late = d.customers.filter((x) => x.lateHours > 0);
    if (late.length) L.push(zh ? `  迟滞执行：${late.map((x) => `${x.customer}（${x.lateHours} h）`).join('、')}` : `  late to start: ${late.map((x) => `${x.customer} (${x.lateHours} h)`).join(', ')}`);
    L.push(zh ? `  偏差告警：${d.alarms.length} 个用户时段低于指标 ${Math.round(d.deviation * 100)} % 以上` : `  deviation alarms: ${d.alarms.length} customer-hours short of the order by more than ${Math.round(d.deviation * 100)} %`);
    L.push(zh ? `  保居民核查：核查受保护计量点 ${g.checked} 个，疑似切除 ${g.drops.length} 个` : `  residents' guarantee: ${g.checked} protected meters checked, ${g.drops.length} possible cuts of protected load`);
    for (const x of g.drops) {
      const verdict = x.verdict === 'not-ordered' ? (zh ? '方案与事故拉闸序位均未安排：疑为故障或未经指令的切除，须向监管说明' : 'ordered neither by the plan nor by the emergency order: a fault or an unordered cut, to be explained to the regulator')
        : x.verdict === 'ordered-by-plan' ? (zh ? '方案拉开了该线路（违反保居民原则）' : 'the plan opened this feeder (a breach of the guarantee)')
        : (zh ? `在事故拉闸序位第 ${x.emergencyStep} 位` : `step ${x.emergencyStep} of the emergency order`);
      L.push(`    ${x.of === 'feeder' ? (zh ? '线路' : 'feeder') : (zh ? '用户' : 'customer')} ${x.id} (${x.serves}): ${x.hours.map((h) => h.time.slice(11, 16)).join(', ')} — ${zh ? '最大' : 'peak'} ${f1(x.peakDropMW)} MW, ${f1(x.dropMWh)} MWh; ${verdict}`);
    }
    if (g.unchecked.length) L.push(zh ? `    未能核查 ${g.unchecked.length} 个：${g.unchecked.slice(0, 3).map((u) => `${u.id}（${u.why}）`).join('；')}` : `    not checked: ${g.unchecked.length}: ${g.unchecked.slice(0, 3).map((u) => `${u.id} (${u.why})`).join('; ')}`);
  });
  L.push('');
  L.push(zh ? `事后评估 ${e.from} 至 ${e.to}` : `Evaluation ${e.from} to ${e.to}`);
  const ev = EVALUATION_COLUMNS[lang];
  const vals = [e.from, e.to, String(e.days), String(e.hours), String(e.userTimes), f1(e.maxOrderlyMW), e.maxOrderlyDate ?? '—', f1(e.energyMWh)];
  ev.forEach((c, k) => { if (k > 1) L.push(`  ${c.padEnd(zh ? 18 : 42)} ${vals[k]}`); });
  return L;
}
