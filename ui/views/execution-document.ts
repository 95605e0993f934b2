/**
 * The printable execution report (有序用电执行情况报告): what the regulator is sent of a plan's
 * execution, as a document to file and sign. For each day judged, the daily report (日报) in the
 * order the rules list its fields, compliance by city, county and class, the customers short of
 * their order (未执行到位清单, the rules' columns), those late to start, the deviation alarms and the
 * residents' guarantee checked on the meters (each dip of protected load with its hours, MW and
 * verdict); then the cumulative evaluation (事后评估) over the days. Built from the result the
 * engine judged; the page prints only this when it prints it.
 */
import type { BaselinePolicy } from '../../core/execution/baselines.ts';
import type { ComplianceGroup } from '../../core/execution/compliance.ts';
import type { ExecutionResult } from '../../core/execution/execute.ts';
import { shortfallList } from '../../core/execution/report-text.ts';
import { BASELINE_WORDS, SHORT_HEAD, customersText, figureText, dailyRows, evaluationRows, mwhText, mwText, rateText, servesText, verdictText } from '../execution-text.ts';
import { className, localeOf, type Lang } from '../i18n.ts';
import { datedStampText, stampText } from '../time-text.ts';
import { el, signLines, table } from './doc-dom.ts';

export interface ExecutionDocumentInput {
  scenarioName: string;
  /** The plan executed, in words ("Least cost · level II"). */
  planLabel: string;
  result: ExecutionResult;
  policy: BaselinePolicy;
  /** The meter file judged: its name, and whether it is the generated story's. */
  meters: { name: string; story: boolean };
  /** When the document is made, in the scenario's zone. */
  printedAt: string;
  timeZone: string;
}

/** Rows of the shortfall list printed; the rest are in the CSV (a province's list runs to thousands). */
export const SHORT_ROWS_PRINTED = 100;

const CN_NUMERALS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** 1 → 一, 12 → 十二, 20 → 二十, 35 → 三十五 (section numbers as Chinese documents write them). */
export function chineseNumeral(n: number): string {
  if (n <= 10) return CN_NUMERALS[n];
  if (n < 20) return `十${CN_NUMERALS[n - 10]}`;
  if (n < 100) return `${CN_NUMERALS[Math.floor(n / 10)]}十${n % 10 ? CN_NUMERALS[n % 10] : ''}`;
  return String(n);
}

export function executionDocument(input: ExecutionDocumentInput, lang: Lang): HTMLElement {
  const { result: r } = input;
  const zh = lang === 'zh';
  const T = (en: string, cn: string) => (zh ? cn : en);
  const n = (v: number) => v.toLocaleString(localeOf(lang));
  const heading = (k: number, en: string, cn: string) => el('h2', {}, zh ? `${chineseNumeral(k)}、${cn}` : `${k} ${en}`);
  const m = r.meters;
  // Times on the grid's clock in the page's words (the header gives the zone); figures bare where the column gives the unit.
  const local = (t: string) => stampText(t, input.timeZone, lang);
  const fig = (v: number | null) => figureText(v, lang, 2);

  const header = el('header', { class: 'doc-head' },
    el('h1', {}, T('Orderly-power execution report', '有序用电执行情况报告')),
    el('p', { class: 'doc-sub' }, `${input.scenarioName} · ${input.planLabel}`),
    el('p', { class: 'doc-meta' }, zh
      ? `基准负荷：${BASELINE_WORDS[input.policy].zh} · 计量数据：${input.meters.name}${input.meters.story ? '（示例情景生成）' : ''}，${n(m.meters)} 个计量点、${n(m.readings)} 个读数、${m.intervalMinutes} 分钟一点，${datedStampText(m.from, input.timeZone, lang)} 至 ${local(m.to)} · 时区 ${input.timeZone} · 打印 ${datedStampText(input.printedAt, input.timeZone, lang)}`
      : `Baseline: ${BASELINE_WORDS[input.policy].en} · Meters: ${input.meters.name}${input.meters.story ? ' (made by the story)' : ''}, ${n(m.meters)} meters, ${n(m.readings)} readings every ${m.intervalMinutes} min, ${datedStampText(m.from, input.timeZone, lang)} to ${local(m.to)} · zone ${input.timeZone} · printed ${datedStampText(input.printedAt, input.timeZone, lang)}`),
    r.daysNotMetered.length ? el('p', { class: 'doc-never' }, zh ? `未计量、未评判的方案日：${r.daysNotMetered.join('、')}` : `Days of the plan no meter reading reaches (not judged): ${r.daysNotMetered.join(', ')}`) : null,
  );

  const days = r.days.map((d, i) => {
    const c = d.compliance, g = d.guarantee;
    const threshold = Math.round(c.threshold * 100);
    const groups: [string, string, ComplianceGroup][] = [
      ...c.byCity.map((x): [string, string, ComplianceGroup] => [T('city', '地市'), x.key || '—', x]),
      ...c.byCounty.map((x): [string, string, ComplianceGroup] => [T('county', '区县'), x.key || '—', x]),
      ...c.byClass.map((x): [string, string, ComplianceGroup] => [T('class', '类别'), className(x.key, lang), x]),
    ];
    const short = shortfallList(c);
    const late = c.customers.filter((k) => k.lateHours > 0);
    const unjudged = c.customers.filter((k) => k.unmetered !== null);
    const drift = c.baselineDrift;
    const driftNote = drift.compared && drift.above / drift.compared > 0.2 && c.policy !== 'day-adjusted';
    return el('section', { class: 'doc-day', 'data-day': c.date },
      heading(i + 1, `Daily report ${c.date}`, `有序用电执行日报（${c.date}）`),
      table([T('Item', '项目'), T('Value', '数值')], [...dailyRows(d.report, lang), [T('Completion rate', '完成率'), rateText(d.report.completion, lang)]]),
      el('p', { class: 'doc-note' }, zh ? `完成率达到 ${threshold} % 视为执行到位；偏差告警 ${n(c.alarms.length)} 个用户时段（低于指标 ${Math.round(c.deviation * 100)} % 以上）。`
        : `A customer at ${threshold} % completion or more has executed; ${n(c.alarms.length)} deviation alarms (customer-hours short of the order by more than ${Math.round(c.deviation * 100)} %).`),
      driftNote ? el('p', { class: 'doc-never' }, zh ? `基准注意：${drift.above} / ${drift.compared} 户在指令前的负荷高于其基准 10 % 以上，其错避峰负荷与完成率被低估。`
        : `Baseline note: ${drift.above} of ${drift.compared} customers drew over 10 % above their baseline before their order: their releases and completion are understated.`) : null,
      unjudged.length ? el('p', { class: 'doc-note' }, zh ? `未能评判 ${n(unjudged.length)} 户（无计量或无基准）。` : `Not judged: ${n(unjudged.length)} customers (no readings or no baseline).`) : null,
      el('h3', {}, T('Compliance by city, county and class', '分地市、区县、类别执行情况')),
      table([T('Group', '分组'), T('Name', '名称'), T('Customers', '户数'), T('Completion rate', '完成率'), T('Execution rate', '执行率')],
        groups.map(([kind, name, x]) => [kind, name, customersText(x.customers, lang), rateText(x.completion, lang), rateText(x.executionRate, lang)]), [false, false, true, true, true]),
      el('h3', {}, zh ? `未执行到位清单（${n(short.length)} 户；负荷为其执行时段平均值）` : `Customers short of their order (${n(short.length)}; loads are means over their ordered hours)`),
      short.length ? table(SHORT_HEAD[lang], short.slice(0, SHORT_ROWS_PRINTED).map((k) => [
        k.customer, k.name, k.contact || '—', fig(k.mean!.baselineMW), fig(k.mean!.orderedMW), fig(k.mean!.actualMW),
        fig(k.mean!.releasedMW), figureText(k.completion === null ? null : 100 * k.completion, lang, 1), `${T('no', '否')}${k.lateHours ? (zh ? `（迟滞 ${k.lateHours} 小时）` : ` (late by ${k.lateHours} h)`) : ''}`,
      ]), [false, false, false, true, true, true, true, true, false]) : el('p', {}, T('Every customer metered executed its order.', '计量用户均执行到位。')),
      short.length > SHORT_ROWS_PRINTED ? el('p', { class: 'doc-note' }, zh ? `……另有 ${n(short.length - SHORT_ROWS_PRINTED)} 户，见未执行到位清单 CSV。` : `… ${n(short.length - SHORT_ROWS_PRINTED)} more in the customers-short CSV.`) : null,
      late.length ? el('p', {}, zh ? `迟滞执行：${late.map((k) => `${k.customer}（${k.lateHours} 小时）`).join('、')}` : `Late to start: ${late.map((k) => `${k.customer} (${k.lateHours} h)`).join(', ')}`) : null,
      el('h3', {}, T("The residents' guarantee, checked on the meters", '保居民核查（依据计量数据）')),
      el('p', { class: g.drops.length ? 'doc-never' : 'doc-verified' }, zh
        ? `核查受保护计量点 ${n(g.checked)} 个（居民及保障用户、带其负荷的线路），疑似切除受保护负荷 ${n(g.drops.length)} 个${g.unchecked.length ? `；未能核查 ${n(g.unchecked.length)} 个` : ''}。`
        : `${n(g.checked)} protected meters checked (residents, protected customers and the feeders serving them): ${n(g.drops.length)} possible ${g.drops.length === 1 ? 'cut' : 'cuts'} of protected load${g.unchecked.length ? `; ${n(g.unchecked.length)} could not be checked` : ''}.`),
      g.drops.length ? table([T('Meter', '计量点'), T('Serves', '供电对象'), T('Hours', '时段'), T('Peak drop', '最大降幅'), T('Energy', '电量'), T('Verdict', '判定')],
        g.drops.map((x) => [`${x.of === 'feeder' ? T('feeder', '线路') : T('customer', '用户')} ${x.id}${x.name !== x.id ? ` ${x.name}` : ''}`, servesText(x.serves, lang, className),
          x.hours.map((h) => h.time.slice(11, 16)).join(zh ? '、' : ', '), mwText(x.peakDropMW, lang, 2), mwhText(x.dropMWh, lang, 2), verdictText(x, lang)]), [false, false, false, true, true, false]) : null,
    );
  });

  const evaluation = el('section', {},
    heading(r.days.length + 1, 'Evaluation over the days judged', '事后评估'),
    table([T('Item', '项目'), T('Value', '数值')], evaluationRows(r.evaluation, lang)),
  );

  const sign = signLines([T('Prepared by', '编制'), T('Checked by', '审核'), T('Approved by', '批准'), T('Date', '日期')]);
  return el('article', { class: 'plan-document execution-document', 'data-days': String(r.days.length) }, header, ...days, evaluation, sign);
}
