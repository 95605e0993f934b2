/**
 * The printable plan report (有序用电方案): one plan as a document a control room files and signs.
 * The situation and warning, the plan at a glance (with the plan-scale check), the hourly chart,
 * the plan by measure and by area (调控指标分解), the customers releasing most (定用户、定负荷、
 * 定线路; the full list is the CSV), the emergency shedding order with what may never be opened,
 * the play-out figures, the verification, and lines to sign. Built from the plan's headline and a
 * digest of its lists made in a worker; the page prints only this when it prints.
 */
import type { PlanDigest } from '../../core/plan/digest.ts';
import { energyShortMWh } from '../../core/plan/energy-short.ts';
import type { PlanHeadline } from '../../core/plan/report-parts.ts';
import type { PlayoutSummary } from '../../core/playout/summary.ts';
import { worstUnservedHour } from '../../core/playout/worst-hour.ts';
import { datedStampText, stampText } from '../time-text.ts';
import { MEASURES } from '../../core/scenario/classes.ts';
import { parseTimestamp } from '../../core/time/timestamp.ts';
import type { Bulletin } from '../../core/warning/bulletin.ts';
import { planNeeds } from './plan-needs.ts';
import { planChart } from '../charts/plan-chart.ts';
import { className, localeOf, moneyText, word, type Lang } from '../i18n.ts';
import { el, signLines, table } from './doc-dom.ts';

export interface PlanDocumentInput {
  plan: PlanHeadline;
  digest: PlanDigest;
  scenarioName: string;
  bulletin?: Bulletin;
  playout?: PlayoutSummary;
  /** When the document is made (ms), shown in the scenario's zone. */
  printedAt: string;
  causeName: (cause: string | null) => string;
}

/** The hour the futures are most often short, in words, for the signed report (nothing for older play-outs). */
function worstHourLine(po: PlayoutSummary, r: { times: string[]; timeZone: string }, lang: Lang): HTMLElement[] {
  if (!Array.isArray(po.unservedFan.pAny)) return [];
  const w = worstUnservedHour(po.unservedFan);
  const p = document.createElement('p');
  const n = (x: number, d = 1) => x.toLocaleString(localeOf(lang), { maximumFractionDigits: d, minimumFractionDigits: d });
  const at = w ? stampText(r.times[w.hour], r.timeZone, lang) : '';
  p.textContent = !w ? (lang === 'zh' ? '各推演情景均无缺供。' : 'No load unserved in any future played out.')
    : lang === 'zh' ? `最不利时段 ${at}：${n(100 * w.pAny)} % 的情景缺供，P95 ${n(w.p95MW)} MW${w.maxMW !== undefined ? `，最严重情景 ${n(w.maxMW)} MW` : ''}。`
      : `Worst hour ${at}: ${n(100 * w.pAny)} % of futures short, P95 ${n(w.p95MW)} MW${w.maxMW !== undefined ? `, worst future ${n(w.maxMW)} MW` : ''}.`;
  return [p];
}

export function planDocument(input: PlanDocumentInput, lang: Lang): HTMLElement {
  const { plan: r, digest } = input;
  const T = (en: string, zh: string) => (lang === 'zh' ? zh : en);
  const num = (x: number, d = 0) => x.toLocaleString(localeOf(lang), { maximumFractionDigits: d, minimumFractionDigits: d });
  const mw = (x: number) => `${num(x)} MW`;
  const mwh = (x: number) => `${num(x)} MWh`;
  const rung = (m: string) => word(`rung_${m}` as 'rung_limit', lang);
  const strategy = word(`strategy_${r.strategy}` as 'strategy_cost', lang);
  // Local times in tables without the year and offset (the header gives the zone).
  // On the grid's clock in the document's language (never the raw ISO stamp); the year where the document dates itself.
  const short = (t: string) => stampText(t, r.timeZone, lang);
  const dated = (t: string) => datedStampText(t, r.timeZone, lang);
  const peakOf = (a: ArrayLike<number>) => Math.max(0, ...Array.from(a));
  const sum = (a: ArrayLike<number>) => Array.from(a).reduce((t, v) => t + v, 0);
  const v = r.verification;

  const header = el('header', { class: 'doc-head' },
    el('h1', {}, T('Orderly power plan', '有序用电方案')),
    el('p', { class: 'doc-sub' }, `${r.scenario.name} (${input.scenarioName}) — ${strategy}${r.level ? ` · ${word('level', lang)} ${r.level}` : ` · ${word('forGap', lang)}`}`),
    el('p', { class: 'doc-meta' }, `${T('Issued', '发布')} ${dated(r.issuedAt)} · ${T('Plan period', '方案时段')} ${dated(r.times[0])} – ${short(r.times[r.hours - 1])} (${r.hours} h, ${r.timeZone}) · ${T('Printed', '打印')} ${dated(input.printedAt)}`),
    el('p', { class: v.ok ? 'doc-verified' : 'doc-failed' }, v.ok
      ? `✓ ${T('Independently verified', '已通过独立校验')}: ${v.checked.length} ${T('checks', '项')}`
      : `✗ ${T('FAILED verification', '校验未通过')}: ${Object.entries(v.counts).map(([k, n]) => `${k} ${n}`).join(', ')}`),
  );

  const situation = el('section', {},
    el('h2', {}, T('1 Situation and warning', '一、供需形势与预警')),
    input.bulletin ? el('pre', { class: 'doc-bulletin' }, input.bulletin.text[lang]) : el('p', {}, '—'),
  );

  const residualPeak = peakOf(r.system.residualMW);
  const glance = el('section', {},
    el('h2', {}, T('2 The plan at a glance', '二、方案概要')),
    table([T('Item', '项目'), T('Value', '数值')], [
      [T('Largest gap to close (target)', '最大缺口（目标）'), `${mw(r.targetMW)}${r.targetArea?.scope === 'local' ? ` · ${r.targetArea.name}` : ''}`],
      [T('Largest requirement in the period', '时段内最大需求'), mw(peakOf(r.system.requiredMW))],
      [T('Released at that hour', '该时段已安排'), mw(r.system.coveredMW[r.system.requiredMW.indexOf(peakOf(r.system.requiredMW))] ?? 0)],
      [T('Residual gap', '剩余缺口'), r.residual.totalMWh > 0 ? `${mwh(r.residual.totalMWh)}, ${T('peak', '最大')} ${mw(residualPeak)} — ${input.causeName(r.system.cause ?? r.local.find((l) => l.cause)?.cause ?? null)}` : T('none', '无')],
      // An energy shortage is MWh per day, not MW in an hour: its days still short are their own line.
      ...(energyShortMWh(r) > 0 ? [[T('Energy still short', '电量缺口（未安排）'), `${mwh(energyShortMWh(r))} — ${r.rotation!.days.filter((d) => d.residualMWh > 0).map((d) => d.date).join(', ')}`]] : []),
      [T('Customers in the plan', '涉及用户'), num(r.objective.customersAffected)],
      [word('userTimes', lang), num(r.objective.userTimes)],
      [T('Largest hourly release', '最大压减负荷'), mw(r.objective.peakCurtailedMW)],
      [T('Energy curtailed', '压减电量'), mwh(r.objective.curtailedMWh)],
      [word('loss', lang), moneyText(r.objective.economicLoss, r.currency, lang)],
      [T('Plan scale (capacity / historical maximum)', '方案规模(可调能力/历史最大负荷)'),
        `${mw(r.planScale.capacityMW)} / ${mw(r.planScale.historicalMaxMW)} = ${num(100 * r.planScale.share, 1)} % (${T('required', '要求')} ≥ ${num(100 * r.planScale.requiredShare)} %) ${r.planScale.ok ? '✓' : `✗ ${T('too small', '不足')}`}`],
      ...(r.rotation ? [[T('Rotation', '轮停'), `${r.rotation.blocks.length} ${T('blocks', '组')}, ${T('largest share of the pool a day needs', '单日最大占用比例')} ${num(100 * r.rotation.peakPoolShare, 1)} %${r.rotation.collapsed ? ` — ${T('rotation collapses', '轮停失效')}` : ''}`]] : []),
    ]),
  );

  const chart = planChart({
    startMs: parseTimestamp(r.start)!.ms, timeZone: r.timeZone, width: 760, height: 220, lang, key: 'doc',
    rungs: MEASURES.map((m) => ({ key: m, label: rung(m), mw: r.system.byMeasureMW[m] })),
    residual: r.system.residualMW, needs: planNeeds(r, lang), labels: { residual: word('residualGap', lang) },
  });

  const byRung = el('section', {},
    el('h2', {}, T('3 By measure, hour by hour', '三、分措施安排')),
    el('div', { class: 'doc-chart' }, chart),
    table([T('Measure', '措施'), T('Largest hour', '最大压减负荷'), T('Energy', '电量')],
      [...MEASURES.filter((m) => sum(r.system.byMeasureMW[m]) > 0).map((m) => [rung(m), mw(peakOf(r.system.byMeasureMW[m])), mwh(sum(r.system.byMeasureMW[m]))]),
        ...(r.residual.totalMWh > 0 ? [[word('residualGap', lang), mw(residualPeak), mwh(r.residual.totalMWh)]] : [])],
      [false, true, true]),
  );

  const areaName = new Map((r.network?.areas ?? []).map((a) => [a.id, a.name]));
  const groupTable = (groups: PlanDigest['byArea'], name: (key: string) => string) => table(
    [T('Area', '区域'), T('Customers', '用户数'), T('Largest hour', '最大压减负荷'), T('Energy', '电量')],
    groups.map((g) => [name(g.key), num(g.customers), mw(g.peakMW), mwh(g.energyMWh)]), [false, true, true, true]);
  // Targets go down a level at a time: the regions below the whole system, then substations
  // (a province's 400 would run to pages: the largest 40 are listed).
  const regions = digest.byRegion && digest.byRegion.length > 1 ? digest.byRegion : null;
  const AREAS_LISTED = 40;
  const byArea = el('section', {},
    el('h2', {}, T('4 By area (targets split down)', '四、分区调控指标')),
    regions ? groupTable(regions, (k) => areaName.get(k) ?? k) : null,
    regions ? el('h3', {}, T('By substation', '分变电站')) : null,
    groupTable(digest.byArea.slice(0, AREAS_LISTED), (k) => areaName.get(k) ?? k),
    digest.byArea.length > AREAS_LISTED ? el('p', { class: 'doc-note' }, T(`… ${num(digest.byArea.length - AREAS_LISTED)} more substations, each releasing less.`, `……其余 ${num(digest.byArea.length - AREAS_LISTED)} 座变电站压减更少。`)) : null,
    r.local.length ? el('h3', {}, T('Import-limited areas', '受限区域')) : null,
    r.local.length ? table([T('Area', '区域'), T('Largest requirement', '最大需求'), T('Residual', '剩余缺口'), T('Cause', '原因')],
      r.local.map((l) => [l.name, mw(peakOf(l.requiredMW)), l.residualMWh > 0 ? mwh(l.residualMWh) : '0', input.causeName(l.cause)]), [false, true, true, false]) : null,
    el('h3', {}, T('By customer class', '分用户类别')),
    table([T('Class', '类别'), T('Customers', '用户数'), T('Largest hour', '最大压减负荷'), T('Energy', '电量')],
      digest.byClass.map((g) => [className(g.key, lang), num(g.customers), mw(g.peakMW), mwh(g.energyMWh)]), [false, true, true, true]),
  );

  const customers = el('section', {},
    el('h2', {}, T('5 Customers (user, load, line)', '五、用户名单(定用户、定负荷、定线路)')),
    el('p', { class: 'doc-note' }, digest.customers > digest.top.length
      ? T(`The ${num(digest.top.length)} customers releasing the most, of ${num(digest.customers)} in the plan; the complete list with every hour is the plan's CSV.`,
        `列出压减最多的 ${num(digest.top.length)} 户(方案共 ${num(digest.customers)} 户);完整逐时清单见方案 CSV。`)
      : T(`All ${num(digest.customers)} customers in the plan; every hour is in the plan's CSV.`, `方案全部 ${num(digest.customers)} 户;逐时数据见方案 CSV。`)),
    table([T('Customer', '用户'), T('Class', '类别'), T('Feeder', '线路'), T('Measures', '措施'), T('Notice by', '最迟通知'), T('First hour', '开始'), T('Hours', '时长'), T('Peak', '最大压减'), T('Energy', '电量')],
      digest.top.map((c) => [`${c.id} ${c.name}`, className(c.class, lang), `${c.feeder} (${areaName.get(c.area) ?? c.area})`, c.measures.map(rung).join(', '), short(c.noticeBy), short(c.firstHour), num(c.hours), mw(c.peakMW), mwh(c.energyMWh)]),
      [false, false, false, false, false, false, true, true, true]),
  );

  const e = r.emergencyOrder;
  const excluded = Object.entries(e.excludedMW).filter(([, v]) => v > 0);
  const emergency = el('section', {},
    el('h2', {}, T('6 Emergency shedding order (事故拉闸序位表)', '六、事故拉闸序位表')),
    el('p', { class: 'doc-note' }, `${T('At', '参考时段')} ${short(r.times[e.referenceHour])}: ${T('the order releases', '序位表可释放')} ${mw(e.totalMW)}; ${T('residual gap', '剩余缺口')} ${mw(e.residualMW)} — ${e.coversResidual ? T('covered', '可覆盖') : T('NOT covered', '不能覆盖')}. ${T('Only feeders with no resident, no protected customer, no security floor and no UFLS relay are in it.', '仅含无居民、无保障用户、无保安负荷、未接低频减载的线路。')}`),
    e.steps.length ? table([T('Rank', '序位'), T('Feeder', '线路'), T('Area', '区域'), T('Releases', '可释放'), T('Cumulative', '累计'), T('Customers', '用户数')],
      e.steps.slice(0, 40).map((s) => [s.rank, s.feeder, areaName.get(s.area) ?? s.area, mw(s.releasesMW), mw(s.cumulativeMW), num(s.customers)]), [true, false, false, true, true, true]) : el('p', {}, T('No feeder may be opened.', '无可拉路线路。')),
    e.steps.length > 40 ? el('p', { class: 'doc-note' }, T(`… ${num(e.steps.length - 40)} more feeders in order.`, `……其后另有 ${num(e.steps.length - 40)} 条线路。`)) : null,
    excluded.length ? el('p', { class: 'doc-never' }, `${T('Never to be opened', '不得拉路')}: ${excluded.map(([k, v]) => `${k} ${mw(v)} (${num(e.excluded[k as keyof typeof e.excluded])} ${T('feeders', '条')})`).join('; ')}`) : null,
  );

  const po = input.playout;
  const playout = po ? el('section', {},
    el('h2', {}, T(`7 Played out over ${num(po.futures)} futures`, `七、${num(po.futures)} 个情景推演`)),
    table([T('Figure', '指标'), T('Mean', '均值'), 'P10', 'P50', 'P90'], [
      [word('pProtectedCut', lang), `${num(100 * po.protectedCutProbability, 1)} %`, '', '', ''],
      [word('pEmergency', lang), `${num(100 * po.emergencyProbability, 1)} %`, '', '', ''],
      ...(typeof po.unservedProbability === 'number' ? [[word('pUnserved', lang), `${num(100 * po.unservedProbability, 1)} %`, '', '', '']] : []),
      ...([['unservedMWh', word('ens', lang)], ['curtailedMWh', T('Curtailed, MWh', '压减电量 MWh')], ['lateNotices', word('lateNotices', lang)], ['fairness', word('fairness', lang)]] as const)
        .map(([k, label]) => { const f = po.figures[k]; const d = k === 'fairness' ? 2 : 0; return [label, num(f.mean, d), num(f.p10, d), num(f.p50, d), num(f.p90, d)]; }),
    ], [false, true, true, true, true]),
    ...worstHourLine(po, r, lang),
  ) : null;

  const verification = el('section', {},
    el('h2', {}, T(`${po ? 8 : 7} Independent verification`, `${po ? '八' : '七'}、独立校验`)),
    el('p', {}, `${v.checked.join(' · ')} — ${v.ok ? T('all passed', '全部通过') : T('FAILED', '未通过')}`),
    ...v.violations.slice(0, 10).map((x) => el('p', { class: 'doc-failed' }, `${x.check}: ${x.message}`)),
  );

  const sign = signLines([T('Prepared by', '编制'), T('Checked by', '审核'), T('Approved by', '批准'), T('Date', '日期')]);

  return el('article', { class: 'plan-document', 'data-plan': `${r.strategy}-${r.level ?? 'forecast'}` }, header, situation, glance, byRung, byArea, customers, emergency, playout, verification, sign);
}
