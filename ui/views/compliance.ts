/**
 * Compliance (执行情况) of the day chosen, from the meters: the day's rates, by city, county and
 * class; the customers short of their order (未执行到位清单) and every customer's rates; the
 * residents' guarantee checked on the meters, each dip of protected load with its hours, MW and
 * verdict; and the daily report (日报) with the evaluation over the days judged (事后评估).
 */
import type { CustomerCompliance, ComplianceGroup } from '../../core/execution/compliance.ts';
import { BASELINE_POLICIES } from '../../core/execution/baselines.ts';
import { shortfallList } from '../../core/execution/report-text.ts';
import { pageCount, type Execution, type Paged } from '../execution-state.ts';
import { BASELINE_WORDS, SHORT_HEAD, customersText, dailyRows, evaluationRows, mwhText, mwText, rateText, servesText, verdictText } from '../execution-text.ts';
import { className, localeOf, word, type Lang } from '../i18n.ts';
import { $, fact, option } from './dom.ts';
import { fillPager, fillTable, pageRows, type Cell } from './table.ts';

export interface ComplianceActions { page(list: Paged, page: number, pages: number): void }

const num = (v: string): Cell => ({ text: v, className: 'num' });

export function renderCompliance(x: Execution, lang: Lang, act: ComplianceActions): void {
  const zh = lang === 'zh';
  const n = (v: number) => v.toLocaleString(localeOf(lang));
  const baseline = $<HTMLSelectElement>('baseline-select');
  baseline.replaceChildren(...BASELINE_POLICIES.map((p) => option(p, BASELINE_WORDS[p][lang])));
  baseline.value = x.policy;
  const r = x.result;
  const day = r?.days.find((d) => d.compliance.date === x.day);
  $('compliance-empty').hidden = Boolean(day);
  $('compliance-empty').textContent = r && !r.days.length ? word('noDayMetered', lang) : word('complianceEmpty', lang);
  $('compliance-body').hidden = !day;
  if (!r || !day) return;
  const days = $<HTMLSelectElement>('day-select');
  days.replaceChildren(...r.days.map((d) => option(d.compliance.date, `${d.compliance.date}${x.meters?.story?.date === d.compliance.date ? (zh ? '（示例情景当日）' : ' (the story\'s day)') : ''}`)));
  days.value = day.compliance.date;
  const c = day.compliance, g = day.guarantee;

  const drift = c.baselineDrift;
  const note = $('baseline-note');
  note.hidden = !(drift.compared && drift.above / drift.compared > 0.2 && c.policy !== 'day-adjusted');
  note.textContent = zh
    ? `基准注意：${drift.above} / ${drift.compared} 户在指令前的负荷高于其基准 10 % 以上（当日较基准日更热或更忙），其错避峰负荷与完成率被低估；可选“按当日修正”的基准。`
    : `Baseline note: ${drift.above} of ${drift.compared} customers drew over 10 % above their baseline in the hours before their order (a hotter or busier day than the baseline days): their releases and completion are understated; the day-adjusted baseline scales it to the day.`;

  const judged = c.customers.filter((k) => k.unmetered === null);
  const late = c.customers.filter((k) => k.lateHours > 0).length;
  const short = shortfallList(c);
  $('compliance-facts').replaceChildren(
    ...fact(word('completion', lang), rateText(c.total.completion, lang)),
    ...fact(word('executionRate', lang), `${rateText(c.total.executionRate, lang)}${zh ? `（${n(c.total.executed)} / ${n(c.total.metered)} 户完成率达 ${Math.round(c.threshold * 100)} %）` : ` (${n(c.total.executed)} of ${n(c.total.metered)} customers at ${Math.round(c.threshold * 100)} % or more)`}`),
    ...fact(word('customersJudged', lang), zh ? `计量 ${n(judged.length)} / 下达 ${n(c.customers.length)} 户` : `${n(judged.length)} of ${n(c.customers.length)} ordered customers metered`),
    ...fact(word('shortCount', lang), customersText(short.length, lang), short.length ? 'flag' : undefined),
    ...fact(word('lateCount', lang), customersText(late, lang)),
    ...fact(word('deviationAlarms', lang), zh ? `${n(c.alarms.length)} 个用户时段低于指标 ${Math.round(c.deviation * 100)} % 以上` : `${n(c.alarms.length)} customer-hours short of the order by more than ${Math.round(c.deviation * 100)} %`),
  );

  const group = (kind: string, label: (k: string) => string) => (x: ComplianceGroup) => ({ cells: [kind, label(x.key) || '—', num(customersText(x.customers, lang)), num(rateText(x.completion, lang)), num(rateText(x.executionRate, lang))] });
  fillTable($('groups-table'), [word('groupKind', lang), word('groupName', lang), word('customers', lang), word('completion', lang), word('executionRate', lang)], [
    ...c.byCity.map(group(zh ? '地市' : 'city', (k) => k)),
    ...c.byCounty.map(group(zh ? '区县' : 'county', (k) => k)),
    ...c.byClass.map(group(zh ? '类别' : 'class', (k) => className(k, lang))),
  ], '—');

  const yes = (k: CustomerCompliance) => (k.executed ? (zh ? '是' : 'yes') : (zh ? '否' : 'no'));
  const lateText = (k: CustomerCompliance) => (k.lateHours ? (zh ? `迟滞 ${k.lateHours} 小时` : `late by ${k.lateHours} h`) : '');
  fillTable($('short-table'), SHORT_HEAD[lang], pageRows(short, x.pages.short).map((k) => ({
    key: k.customer, className: 'short',
    cells: [k.customer, k.name, k.contact || '—', num(mwText(k.mean!.baselineMW, lang, 2)), num(mwText(k.mean!.orderedMW, lang, 2)), num(mwText(k.mean!.actualMW, lang, 2)),
      num(mwText(k.mean!.releasedMW, lang, 2)), num(rateText(k.completion, lang)), `${yes(k)}${k.lateHours ? (zh ? `（${lateText(k)}）` : ` (${lateText(k)})`) : ''}`],
  })), word('noneShort', lang));
  fillPager($('short-pager'), x.pages.short, short.length, lang, (p) => act.page('short', p, pageCount(short.length)));

  // Every customer, worst first; those not judged last, with why.
  const all = [...c.customers].sort((a, b) => (a.completion ?? 2) - (b.completion ?? 2) || (a.customer < b.customer ? -1 : 1));
  fillTable($('customers-table'), [word('customerCol', lang), word('classCol', lang), word('orderedEnergy', lang), word('completion', lang), word('executionRate', lang), word('executedCol', lang), word('lateCol', lang)],
    pageRows(all, x.pages.customers).map((k) => ({
      key: k.customer, className: k.unmetered !== null ? 'unjudged' : k.executed ? '' : 'short',
      cells: [`${k.customer} ${k.name}`, className(k.class, lang), num(mwhText(k.orderedMWh, lang, 2)), num(rateText(k.completion, lang)), num(rateText(k.executionRate, lang)),
        k.unmetered !== null ? { text: `${word('notJudged', lang)}: ${k.unmetered}`, className: 'muted' } : yes(k), lateText(k) || '—'],
    })), '—');
  fillPager($('customers-pager'), x.pages.customers, all.length, lang, (p) => act.page('customers', p, pageCount(all.length)));

  const gs = $('guarantee-summary');
  gs.className = g.drops.length ? 'alarm-line' : 'ok-line';
  gs.dataset.drops = String(g.drops.length);
  gs.textContent = zh
    ? `${g.drops.length ? '⚠ ' : '✓ '}核查受保护计量点 ${g.checked} 个（居民及保障用户、带其负荷的线路），疑似切除受保护负荷 ${g.drops.length} 个${g.unchecked.length ? `；未能核查 ${g.unchecked.length} 个` : ''}。`
    : `${g.drops.length ? '⚠ ' : '✓ '}${g.checked} protected meters checked (residents, protected customers and the feeders serving them): ${g.drops.length} possible ${g.drops.length === 1 ? 'cut' : 'cuts'} of protected load${g.unchecked.length ? `; ${g.unchecked.length} could not be checked` : ''}.`;
  $('guarantee-table').hidden = !g.drops.length;
  fillTable($('guarantee-table'), [word('meterCol', lang), word('servesCol', lang), word('hoursCol', lang), word('peakDropCol', lang), word('dropEnergyCol', lang), word('verdictCol', lang)],
    g.drops.map((d) => ({
      key: `${d.of}:${d.id}`, className: 'alarm',
      cells: [`${d.of === 'feeder' ? (zh ? '线路' : 'feeder') : (zh ? '用户' : 'customer')} ${d.id}${d.name !== d.id ? ` ${d.name}` : ''}`, servesText(d.serves, lang, className),
        d.hours.map((h) => h.time.slice(11, 16)).join(zh ? '、' : ', '), num(mwText(d.peakDropMW, lang, 2)), num(mwhText(d.dropMWh, lang, 2)), verdictText(d, lang)],
    })), '—');

  $('daily-title').textContent = zh ? `有序用电执行日报（${day.compliance.date}）` : `Daily execution report (日报), ${day.compliance.date}`;
  $('daily-report').replaceChildren(...dailyRows(day.report, lang).flatMap(([k, v]) => fact(k, v)), ...fact(word('completion', lang), rateText(day.report.completion, lang)));
  $('evaluation').replaceChildren(...evaluationRows(r.evaluation, lang).flatMap(([k, v]) => fact(k, v)));
  $('not-metered').hidden = !r.daysNotMetered.length;
  $('not-metered').textContent = zh ? `未计量、未评判的方案日：${r.daysNotMetered.join('、')}` : `Days of the plan no meter reading reaches (not judged): ${r.daysNotMetered.join(', ')}`;
}
