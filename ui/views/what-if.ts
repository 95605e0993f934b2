/** The what-if sliders (supply lost, temperature, notice) and the least-cost plan that follows them. */
import { MEASURES } from '../../core/scenario/classes.ts';
import type { Assessment } from '../../core/warning/assess.ts';
import { LEVELS } from '../../core/warning/levels.ts';
import { planChart } from '../charts/plan-chart.ts';
import { levelWords, localeOf, word, type Lang } from '../i18n.ts';
import type { Sliders, WhatIfResult } from '../state.ts';
import { whatIfText } from '../situation.ts';
import { $ } from './dom.ts';
import { widthOf } from './outlook.ts';
import { planNeeds } from './plan-needs.ts';

/**
 * The sliders where the state has them (supply lost goes up to a quarter of the peak supply), and
 * beside them the position last asked for.
 */
export function renderSliders(a: Assessment, w: Sliders, asked: Sliders | null, lang: Lang): void {
  const peak = Math.max(...Array.from(a.system.supplyMW));
  const lost = $<HTMLInputElement>('whatif-lost');
  lost.max = String(Math.round(peak * 0.25 / 10) * 10);
  lost.step = String(Math.max(1, Math.round(peak / 500)));
  lost.value = String(w.lostMW);
  $<HTMLInputElement>('whatif-temp').value = String(w.tempOffsetC);
  $<HTMLInputElement>('whatif-notice').value = String(w.noticeHours ?? -1);
  $('whatif-values').textContent = !asked ? '' :
    `−${asked.lostMW} MW · ${asked.tempOffsetC >= 0 ? '+' : ''}${asked.tempOffsetC} °C · ${asked.noticeHours === null ? word('ownNotice', lang) : `${asked.noticeHours} h`}`;
}

/**
 * What the last what-if's least-cost plan says; none (a scenario just assessed), nothing. While the
 * plan for a later position is being made (`making`), the one drawn is dimmed and says it is an
 * earlier position's: never taken for the current one's. Drawn on every slider move: text and a
 * class, the chart itself left as it is (renderWhatIfChart).
 */
export function renderWhatIfSummary(w: WhatIfResult | null, verified: boolean | null, making: Sliders | null, lang: Lang): void {
  const box = $('whatif-chart'), summary = $('whatif-summary');
  box.dataset.current = String(w !== null && making === null);
  box.classList.toggle('stale', w !== null && making !== null);
  const planning = making ? `${word('planningFor', lang)}${lang === 'zh' ? '' : ' '}${whatIfText(making, lang)}…` : '';
  if (!w) {
    summary.textContent = planning;
    return;
  }
  const n = (x: number) => Math.round(x).toLocaleString(localeOf(lang));
  const top = Math.max(...Array.from(w.expectedLevel));
  const [colon, comma] = lang === 'zh' ? ['：', '，'] : [': ', ', '];
  const figures = `${word('gap', lang)} ${n(w.peakGapMW)} MW · ${top ? levelWords(LEVELS[top], lang) : word('noWarning', lang)} · ` +
    `${word('strategy_cost', lang)}${colon}${n(w.customers)} ${word('customersLower', lang)}${comma}${word('residualGap', lang)} ${n(w.residualMWh)} MWh`;
  summary.textContent = making ? `${planning} · ${word('earlierPlan', lang)}${colon}${figures}`
    : `${figures} · ${verified === null ? word('verifying', lang) : verified ? `✓ ${word('verified', lang)}` : word('notVerified', lang)} · ${Math.round(w.computeMs)} ms`;
}

/** The last what-if's least-cost plan drawn (only when there is a new one, or the language or width changed). */
export function renderWhatIfChart(w: WhatIfResult | null, lang: Lang): void {
  const box = $('whatif-chart');
  // The gap the plan was made for: the outlook's beside it must be the same when the plan is current.
  box.dataset.peakGapMw = w ? String(Math.round(w.peakGapMW)) : '';
  if (!w) { box.replaceChildren(); return; }
  box.replaceChildren(planChart({
    startMs: w.startMs, timeZone: w.timeZone, height: 170, lang, width: widthOf('whatif-chart'), key: 'whatif',
    rungs: MEASURES.map((m, i) => ({ key: m, label: word(`rung_${m}` as 'rung_limit', lang), mw: w.byMeasure[i] })),
    residual: w.residualMW, needs: planNeeds({ system: { name: '', requiredMW: w.requiredMW }, local: w.localRequired ?? [] }, lang), labels: { residual: word('residualGap', lang) },
  }));
}
