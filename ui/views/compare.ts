/**
 * The plans compared on one chart: each plan's covered MW against the requirement it was made for
 * (its target area's: a local plan is drawn against its area's need, not the system's zero), with
 * the hours each leaves short. One plan alone has nothing to be compared with: the empty state says
 * what to do.
 */
import type { PlanReport } from '../../core/plan/report.ts';
import { compareChart, type ComparedPlan } from '../charts/compare-chart.ts';
import { planLabel, word, type Lang } from '../i18n.ts';
import type { StoredPlan } from '../plan-store.ts';
import { parseTimestamp } from '../../core/time/timestamp.ts';
import { $ } from './dom.ts';
import { widthOf } from './outlook.ts';

type Outcome = PlanReport['local'][number];

/** The outcome a plan was made for: its target area's, else the system's. */
export function targetOutcome(r: Pick<PlanReport, 'system' | 'local' | 'targetArea'>): Outcome {
  if (r.targetArea?.scope === 'local') return r.local.find((l) => l.area === r.targetArea!.id) ?? r.system;
  return r.system;
}

/** The gap a plan was made for, MW per hour: the system's requirement less the plan's own snap-back and returning energy (a local area's requirement as it is). */
export function gapOf(r: Pick<PlanReport, 'system'>, o: Outcome): number[] {
  if (o.scope === 'local') return o.requiredMW;
  return r.system.requiredMW.map((v, h) => Math.max(0, v - (r.system.snapBackMW[h] ?? 0) - (r.system.paybackMW[h] ?? 0)));
}

export function renderCompare(plans: StoredPlan[], lang: Lang): void {
  const box = $('compare-chart');
  if (plans.length < 2) {
    const p = document.createElement('p');
    p.className = 'hint empty-state';
    p.textContent = word(plans.length ? 'compareOne' : 'plansEmpty', lang);
    box.replaceChildren(p);
    return;
  }
  // Plans of one scenario share its hours; a plan of other hours (kept by an older page) is left out and named.
  const first = plans[0].report;
  const same = plans.filter((p) => p.report.start === first.start && p.report.hours === first.hours);
  const outcomes = same.map((p) => targetOutcome(p.report));
  // The line to compare against is the gap itself, common to plans of one level: each plan's own
  // snap-back and returning energy are part of what it covers (and of its residual row), not of the line.
  const gaps = same.map((p, j) => gapOf(p.report, outcomes[j]));
  const needs: { label: string; mw: number[] }[] = [];
  const key = (j: number) => `${outcomes[j].area}:${gaps[j].map((v) => Math.round(v)).join(',')}`;
  const seen = new Map<string, number>();
  same.forEach((p, j) => {
    const o = outcomes[j], k = key(j);
    if (!seen.has(k)) { seen.set(k, needs.length); needs.push({ label: `${word('gap', lang)} — ${o.scope === 'local' ? o.name : word('systemArea', lang)}`, mw: gaps[j] }); }
  });
  // Several requirements (plans for different levels): each labelled with the plans it belongs to.
  if (needs.length > 1) {
    const owners = new Map<number, string[]>();
    same.forEach((p, j) => { const i = seen.get(key(j))!; owners.set(i, [...(owners.get(i) ?? []), planLabel(p.report, lang)]); });
    needs.forEach((n, i) => (n.label += lang === 'zh' ? `（${owners.get(i)!.join('、')}）` : ` (${owners.get(i)!.join(', ')})`));
  }
  const compared: ComparedPlan[] = same.map((p, j) => ({
    id: p.id, label: planLabel(p.report, lang), coveredMW: outcomes[j].coveredMW, residualMW: outcomes[j].residualMW, residualMWh: outcomes[j].residualMWh,
  }));
  const chart = compareChart({
    startMs: parseTimestamp(first.start)!.ms, timeZone: first.timeZone, lang, width: widthOf('compare-chart'), plans: compared, needs,
    labels: { residualRow: word('residualHours', lang), residual: word('residualGap', lang) },
  });
  const left = plans.length - same.length;
  if (!left) { box.replaceChildren(chart); return; }
  const note = document.createElement('p');
  note.className = 'hint';
  note.textContent = `${word('compareLeftOut', lang)}: ${left}`;
  box.replaceChildren(chart, note);
}
