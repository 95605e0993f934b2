/**
 * The selected plan: its hours stacked by rung (or by customer class) with the residual in red and
 * the scrubber's hour marked; the network as a treemap of what it takes feeder by feeder; the fan
 * of unserved load over the futures; and the hour the scrubber is at, in one future.
 */
import type { PlanHeadline } from '../../core/plan/report-parts.ts';
import { PLAYOUT_RUNGS } from '../../core/playout/simulate.ts';
import { MEASURES } from '../../core/scenario/classes.ts';
import { parseTimestamp } from '../../core/time/timestamp.ts';
import { MAX_FEEDERS_DRAWN, networkChart, type NetworkChartOptions } from '../charts/network-chart.ts';
import { planChart } from '../charts/plan-chart.ts';
import { riskChart } from '../charts/risk-chart.ts';
import { worstUnservedHour } from '../../core/playout/worst-hour.ts';
import { className, localeOf, word, type Lang } from '../i18n.ts';
import type { StoredPlan } from '../plan-store.ts';
import { CLASS_COLOURS } from '../palette.ts';
import { stampText } from '../time-text.ts';
import { $, fact } from './dom.ts';
import { widthOf } from './outlook.ts';
import { planNeeds } from './plan-needs.ts';


/** The plan's chart and the scrubber; none selected, the plan's view hides. */
export function renderSelectedPlan(plan: StoredPlan | undefined, hour: number, planBy: 'measure' | 'class', lang: Lang): void {
  $('plan-view').hidden = !plan;
  if (!plan) return;
  const r = plan.report;
  $('plan-chart').replaceChildren(planChart({
    startMs: parseTimestamp(r.start)!.ms, timeZone: r.timeZone, lang, width: widthOf('plan-chart'),
    // By class only where the plan says (plans kept by an older page do not).
    rungs: planBy === 'class' && r.system.byClassMW
      ? Object.entries(r.system.byClassMW).map(([k, mw], i) => ({ key: `class-${k}`, label: className(k, lang), mw, colour: CLASS_COLOURS[i % CLASS_COLOURS.length] }))
      : MEASURES.map((m) => ({ key: m, label: word(`rung_${m}` as 'rung_limit', lang), mw: r.system.byMeasureMW[m] })),
    residual: r.system.residualMW, needs: planNeeds(r, lang), labels: { residual: word('residualGap', lang) }, marker: hour,
  }));
  const scrub = $<HTMLInputElement>('scrubber');
  scrub.max = String(r.hours - 1);
  scrub.value = String(hour);
  $('scrub-time').textContent = stampText(r.times[hour], r.timeZone, lang);
  $('scrub-time').dataset.stamp = r.times[hour];
  renderHour(plan, hour, lang);
}

/** What the plan does at the scrubber's hour, and what happens then in the first future played out. */
function renderHour(plan: StoredPlan, at: number, lang: Lang): void {
  const r = plan.report;
  const hour = plan.playout?.replay?.hours[at];
  const n = (x: number) => `${Math.round(x).toLocaleString(localeOf(lang))} MW`;
  const facts: [string, string, string?][] = [
    [word('planned', lang), `${n(r.system.coveredMW[at])} / ${n(r.system.requiredMW[at])}${r.system.residualMW[at] > 0 ? ` — ${word('residualGap', lang)} ${n(r.system.residualMW[at])}` : ''}`],
  ];
  if (hour) {
    const count = hour.curtailedCount ?? hour.curtailed.length;
    facts.push(
      [word('future0', lang), `${word('demand', lang)} ${n(hour.demandMW)}, ${word('supplyLessReserve', lang)} ${n(hour.supplyMW)}, ${word('gap', lang)} ${n(hour.gapMW)}`],
      [word('byRung', lang), PLAYOUT_RUNGS.map((rung, i) => `${word(`rung_${rung}` as 'rung_limit', lang)} ${n(hour.planMW[i] + hour.extraMW[i])}`).join(' · ')],
      [word('unserved', lang), n(hour.unservedMW), hour.unservedMW > 0 ? 'residual' : undefined],
      // Largest first; the count is all of them (a province hour can have thousands).
      [word('curtailedNow', lang), `${count.toLocaleString(localeOf(lang))}: ${hour.curtailed.slice(0, 8).join(', ')}${count > 8 ? ' …' : ''}`],
    );
  }
  $('scrub-state').replaceChildren(...facts.flatMap(([k, v, cls]) => fact(k, v, cls)));
}

/** The network as a treemap (a province's substations until one is the focus); a click on one asks for it. */
export function renderNetwork(network: NonNullable<PlanHeadline['network']>, focus: string | null, lang: Lang, onFocus: (area: string | null) => void): void {
  const feeders = network.feeders.id.length;
  $('network-hint').textContent = feeders > MAX_FEEDERS_DRAWN && !focus ? `${feeders.toLocaleString(localeOf(lang))} ${word('networkBySubstation', lang)}` : '';
  $('network-chart').replaceChildren(networkChart({
    areas: network.areas, feeders: feederRows(network), labels: { protected: word('protectedFeeder', lang), curtailed: word('curtailedWord', lang), opened: word('openedFeeder', lang), untouched: word('untouchedFeeder', lang), back: word('wholeNetwork', lang) },
    focus, onFocus, width: widthOf('network-chart'),
  }));
}

/** The network's feeders as rows for the treemap (the report keeps them as columns). */
function feederRows(network: NonNullable<PlanHeadline['network']>): NetworkChartOptions['feeders'] {
  const f = network.feeders;
  return f.id.map((id, i) => ({ id, area: network.areas[f.area[i]]?.id ?? '', ratingMW: f.ratingMW[i], protected: f.protected[i] === 1, curtailedMWh: f.curtailedMWh[i], openedHours: f.openedHours[i] }));
}

/**
 * The risk of unserved load over every future played out (nothing before a play-out): a line that
 * says it in words (how likely any load goes unserved, the worst hour, its P95), then the chart.
 */
export function renderFan(plan: StoredPlan, lang: Lang): void {
  const r = plan.report, po = plan.playout;
  if (!po) { $('fan-chart').replaceChildren(empty(word('fanEmpty', lang))); return; }
  const fan = po.unservedFan;
  const complete = Array.isArray(fan.p95) && Array.isArray(fan.pAny);
  $('fan-chart').replaceChildren(riskSummary(plan, lang), riskChart({
    startMs: parseTimestamp(r.start)!.ms, timeZone: r.timeZone, lang, width: widthOf('fan-chart'),
    p10: fan.p10, p90: fan.p90, ...(complete ? { p95: fan.p95, pAny: fan.pAny } : {}), ...(Array.isArray(fan.max) ? { max: fan.max } : {}),
    labels: { band: word('riskBand', lang), p95: word('riskP95', lang), max: word('riskMax', lang), pAny: word('riskPAny', lang), older: word('riskOlder', lang) },
  }));
}

function riskSummary(plan: StoredPlan, lang: Lang): HTMLElement {
  const po = plan.playout!, r = plan.report;
  const p = document.createElement('p');
  p.className = 'risk-summary';
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  const mw = (x: number) => `${x.toLocaleString(localeOf(lang), { maximumFractionDigits: 1 })} MW`;
  const worst = Array.isArray(po.unservedFan.pAny) ? worstUnservedHour(po.unservedFan) : null;
  if (typeof po.unservedProbability !== 'number') { p.textContent = word('riskOlder', lang); return p; }
  if (!worst) { p.textContent = word('riskNone', lang); return p; }
  const at = stampText(r.times[worst.hour], r.timeZone, lang);
  p.dataset.worstHour = String(worst.hour);
  p.textContent = lang === 'zh'
    ? `${po.futures.toLocaleString('zh-CN')} 个情景中，出现缺供的概率 ${pct(po.unservedProbability)}；最不利时段 ${at}：${pct(worst.pAny)} 的情景缺供，P95 为 ${mw(worst.p95MW)}${worst.maxMW !== undefined ? `，最严重情景 ${mw(worst.maxMW)}` : ''}。`
    : `Of ${po.futures.toLocaleString('en-US')} futures, ${pct(po.unservedProbability)} leave some load unserved; worst hour ${at}: ${pct(worst.pAny)} of futures short, P95 ${mw(worst.p95MW)}${worst.maxMW !== undefined ? `, worst future ${mw(worst.maxMW)}` : ''}.`;
  return p;
}

function empty(text: string): HTMLElement {
  const p = document.createElement('p');
  p.className = 'hint empty-state';
  p.textContent = text;
  return p;
}
