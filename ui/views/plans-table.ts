/** The plans side by side: target, residual and its cause, customers, loss, verification, and the play-out's figures. */
import { causeName, ensText, localeOf, moneyText, planLabel, word, type Lang } from '../i18n.ts';
import type { StoredPlan } from '../plan-store.ts';
import { $ } from './dom.ts';
import { worstUnservedHour } from '../../core/playout/worst-hour.ts';
import { energyShortMWh } from '../../core/plan/energy-short.ts';
import { residualText } from './residual-text.ts';
import { clockText, stampText } from '../time-text.ts';

export interface PlansTableActions {
  select(id: string): void;
  /** The plan's customer list as CSV (written in a worker). */
  exportCsv(id: string): void;
}

/** The hour most often short, as "07-24 18:00 · 6.0 % · P95 12 / 30 MW" (P95 / the worst future; none: "0 %"). */
function worstHourText(p: StoredPlan, lang: Lang): string {
  const fan = p.playout?.unservedFan;
  if (!fan || !Array.isArray(fan.pAny)) return '–';
  const w = worstUnservedHour(fan);
  if (!w) return '0 %';
  const mw = (x: number) => x.toLocaleString(localeOf(lang), { maximumFractionDigits: 1 });
  return `${stampText(p.report.times[w.hour], p.report.timeZone, lang)} · ${(100 * w.pAny).toFixed(1)} % · P95 ${mw(w.p95MW)}${w.maxMW !== undefined ? ` / ${mw(w.maxMW)}` : ''} MW`;
}

export function renderPlansTable(plans: StoredPlan[], selected: string | undefined, lang: Lang, act: PlansTableActions): void {
  const table = $('plans-table');
  if (!plans.length) { table.replaceChildren(); $('plans-empty').hidden = false; return; }
  $('plans-empty').hidden = true;
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  const n = (x: number, d = 0) => x.toLocaleString(localeOf(lang), { maximumFractionDigits: d, minimumFractionDigits: d });
  const byId = new Map(plans.map((p) => [p.id, p]));
  // A revision's own figures from T: what it revises and when, its changes, the gap from T before → after and the residual left.
  const revisionOf = (p: StoredPlan) => {
    const r = p.revises;
    if (!r) return '–';
    const inForce = byId.get(r.planId);
    const c = r.counts;
    const changed = c.added + c.cancelled + c.increased + c.reduced;
    return `${inForce ? planLabel(inForce.report, lang) : r.planId} · ${clockText(r.atMs, p.report.timeZone, lang)} · ${lang === 'zh' ? `${word('revisionChanges', lang)} ${n(changed)} 户` : `${n(changed)} ${word('revisionChanges', lang)}`} · ${n(r.gapBeforeMW, 1)} → ${n(r.gapAfterMW, 1)} MW`;
  };
  const anyRevision = plans.some((p) => p.revises);
  const rows: [string, (p: StoredPlan) => string, string?][] = [
    ...(anyRevision ? [
      [word('revisionOf', lang), revisionOf, 'revision'],
      [word('residualFromT', lang), (p: StoredPlan) => (p.revises ? `${n(p.revises.residualMWh, 1)} MWh${p.revises.peakResidualMW > 0 ? ` · ${n(p.revises.peakResidualMW, 1)} MW` : ''}` : '–'), 'residual-from-t'],
    ] as [string, (p: StoredPlan) => string, string?][] : []),
    [word('target', lang), (p) => `${n(p.report.targetMW, 1)} MW${p.report.targetArea?.scope === 'local' ? ` · ${p.report.targetArea.name}` : ''}`],
    [word('residualGap', lang), (p) => residualText(p.report, lang), 'residual'],
    [word('customers', lang), (p) => n(p.report.objective.customersAffected)],
    [word('userTimes', lang), (p) => n(p.report.objective.userTimes)],
    [word('loss', lang), (p) => moneyText(p.report.objective.economicLoss, p.report.currency, lang)],
    [word('verification', lang), (p) => (p.report.verification.ok ? `✓ ${word('verified', lang)}` : `✗ ${Object.keys(p.report.verification.counts).join(', ')}`)],
    [word('notesRow', lang), (p) => (p.report.notes?.length ? `⚠ ${p.report.notes.map((x) => x.subject).join(', ')}` : '–'), 'notes'],
    [word('pProtectedCut', lang), (p) => (p.playout ? pct(p.playout.protectedCutProbability) : '–'), 'risk'],
    [word('pEmergency', lang), (p) => (p.playout ? pct(p.playout.emergencyProbability) : '–')],
    [word('pUnserved', lang), (p) => (p.playout && typeof p.playout.unservedProbability === 'number' ? pct(p.playout.unservedProbability) : '–')],
    [word('worstHourRisk', lang), (p) => worstHourText(p, lang)],
    [word('ens', lang), (p) => (p.playout ? ensText(p.playout.figures.unservedMWh, lang) : '–')],
    [word('fairness', lang), (p) => (p.playout ? n(p.playout.figures.fairness.mean, 2) : '–')],
    [word('lateNotices', lang), (p) => (p.playout ? n(p.playout.figures.lateNotices.mean) : '–')],
  ];
  const head = document.createElement('tr');
  head.append(document.createElement('th'));
  for (const p of plans) {
    const th = document.createElement('th');
    const show = document.createElement('button');
    show.className = 'link' + (p.id === selected ? ' selected' : '');
    show.textContent = planLabel(p.report, lang);
    show.dataset.plan = p.id;
    if (p.revises) show.dataset.revises = p.revises.planId;
    show.addEventListener('click', () => act.select(p.id));
    const csv = document.createElement('button');
    csv.className = 'link csv';
    csv.textContent = 'CSV';
    csv.title = word('exportCsv', lang);
    csv.addEventListener('click', () => act.exportCsv(p.id));
    th.append(show, ' ', csv);
    head.append(th);
  }
  const body = rows.map(([label, cell, cls]) => {
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.textContent = label;
    tr.append(th, ...plans.map((p) => {
      const td = document.createElement('td');
      td.textContent = cell(p);
      // The residual in a colour nobody can miss, only where there is one.
      if (cls === 'residual-from-t') td.className = (p.revises?.residualMWh ?? 0) > 0 ? 'residual' : '';
      else if (cls && (cls !== 'residual' || p.report.residual.totalMWh > 0 || energyShortMWh(p.report) > 0)) td.className = cls;
      return td;
    }));
    return tr;
  });
  table.replaceChildren(head, ...body);
}
