/**
 * Which view draws which part of the state. Each view is drawn again only when the part it is
 * given changes (see watch); a part that is undefined leaves what is drawn as it is (a scenario's
 * outlook and plans stay on screen while the next one is assessed). The two drawings a province
 * makes slow (its area map, its network) wait for a task of their own (later.ts).
 */
import type { DrawQueue } from './later.ts';
import { planCurrent, selectedPlan, type PageState } from './state.ts';
import { watch, type Store } from './store.ts';
import { renderCompliance, type ComplianceActions } from './views/compliance.ts';
import { renderCsvPanel } from './views/csv-panel.ts';
import { renderDispatchPanel } from './views/dispatch-panel.ts';
import { renderExecutionHead } from './views/execution-head.ts';
import { renderReplan } from './views/replan.ts';
import { renderLanguage } from './views/language.ts';
import { renderMeters } from './views/meters.ts';
import { renderNotices, type NoticeActions } from './views/notices.ts';
import { renderOutlook } from './views/outlook.ts';
import { renderReport } from './views/plan-report.ts';
import { renderPlansTable, type PlansTableActions } from './views/plans-table.ts';
import { renderCompare } from './views/compare.ts';
import { renderAreaMap } from './views/area-map.ts';
import { renderProblems } from './views/problems.ts';
import { renderRecent } from './views/recent.ts';
import { renderBulletinLog } from './views/bulletin-log.ts';
import { renderLoad, renderScenario } from './views/scenario.ts';
import { renderFan, renderNetwork, renderSelectedPlan } from './views/selected-plan.ts';
import { renderBusy, renderStatus } from './views/status.ts';
import { renderSituation } from './views/situation.ts';
import { renderSliders, renderWhatIfChart, renderWhatIfSummary } from './views/what-if.ts';

export interface DrawActions extends PlansTableActions, NoticeActions, ComplianceActions {
  focusNetwork(area: string | null): void;
}

export function drawPage(store: Store<PageState>, draws: DrawQueue, act: DrawActions): void {
  const on = <T extends object>(select: (s: PageState) => T | undefined, draw: (part: T) => void) => watch(store, select, draw);
  /** The dispatch once assessed (before, what the last one drew stays). */
  const assessed = (s: PageState) => (s.dispatch?.assessment ? s.dispatch : undefined);

  on((s) => [s.lang] as const, ([lang]) => renderLanguage(lang));
  on((s) => [s.status, s.lang] as const, ([status, lang]) => renderStatus(status, lang));
  on((s) => [s.busy] as const, ([busy]) => renderBusy(busy));
  on((s) => [s.recent, s.lang] as const, ([files, lang]) => renderRecent(files, lang));
  on((s) => [s.problems, s.scenario?.view.summary?.name ?? null, s.lang] as const, ([problems, still, lang]) => renderProblems(problems, still, lang));
  on((s) => (s.scenario ? [s.scenario.name, s.scenario.view, s.lang, s.width] as const : undefined), ([name, view, lang]) => renderScenario(name, view, lang));
  on((s) => (s.scenario ? [s.scenario.view, s.scenario.loadForecast, s.lang, s.width] as const : undefined), ([view, loadForecast, lang]) => renderLoad(view, loadForecast, lang));
  on((s) => [s.csv] as const, ([offer]) => renderCsvPanel(offer));

  /** The what-if's warnings while they are in the outlook (the situation bar's band, the outlook chart). */
  const hypothetical = (s: PageState) => (s.whatIf.inOutlook ? s.whatIf.outlook : null);
  on((s) => (s.dispatch && !s.dispatch.assessment ? undefined : [s.dispatch?.assessment, s.dispatch?.bulletin, s.dispatch?.provisional ?? false, hypothetical(s), s.lang] as const),
    ([assessment, bulletin, provisional, whatIf, lang]) => renderSituation({ assessment, bulletin, provisional, whatIf, lang }));
  on((s) => (s.dispatch ? [s.dispatch.provisional, s.planBy] as const : undefined), ([provisional, planBy]) => renderDispatchPanel(provisional, planBy));
  on((s) => { const d = assessed(s); return d && [d.assessment!, d.bulletin, d.opened.forecast, hypothetical(s), s.lang, s.width, d.localArea ?? null] as const; },
    ([assessment, bulletin, forecast, whatIf, lang, , localArea]) => renderOutlook({ assessment, bulletin, forecast, whatIf, lang, localArea }));
  on((s) => { const d = assessed(s); return d && [s.scenario?.areas, d.assessment!, s.lang, s.width] as const; }, ([areas, assessment, lang]) => draws.later('area-map', () => renderAreaMap(areas, assessment, lang)));
  on((s) => { const d = assessed(s); return d && [d.assessment!, s.whatIf.sliders, s.whatIf.asked, s.lang] as const; },
    ([assessment, sliders, asked, lang]) => renderSliders(assessment, sliders, asked, lang));
  // The plan drawn, and the position its successor is being made for while it is not the latest's.
  on((s) => (assessed(s) ? [s.whatIf.result, s.lang, s.width] as const : undefined), ([result, lang]) => renderWhatIfChart(result, lang));
  on((s) => (assessed(s) ? [s.whatIf.result, s.whatIf.verified, planCurrent(s.whatIf) ? null : s.whatIf.asked, s.lang] as const : undefined),
    ([result, verified, making, lang]) => renderWhatIfSummary(result, verified, making, lang));
  on((s) => { const d = assessed(s); return d && [d.plans, d.selected, s.lang] as const; }, ([plans, selected, lang]) => renderPlansTable(plans, selected, lang, act));
  on((s) => { const d = assessed(s); return d && [d.plans, s.lang, s.width] as const; }, ([plans, lang]) => renderCompare(plans, lang));
  on((s) => { const d = assessed(s); return d && [selectedPlan(d), d.hour, s.planBy, s.lang, s.width] as const; }, ([plan, hour, planBy, lang]) => renderSelectedPlan(plan, hour, planBy, lang));
  on((s) => { const d = assessed(s), network = selectedPlan(d ?? null)?.report.network; return d && network && [network, d.networkFocus, s.lang, s.width] as const; },
    ([network, focus, lang]) => draws.later('network', () => renderNetwork(network, focus, lang, act.focusNetwork)));
  on((s) => { const plan = selectedPlan(assessed(s) ?? null); return plan && [plan, s.lang, s.width] as const; }, ([plan, lang]) => renderFan(plan, lang));
  on((s) => (s.report ? [s.report] as const : undefined), ([report]) => renderReport(report));
  on((s) => { const d = assessed(s); return d && [s.bulletinLog?.session === d.session ? s.bulletinLog : null, d.bulletin, s.scenario?.view.summary?.timeZone ?? 'UTC', s.lang] as const; },
    ([log, bulletin, zone, lang]) => renderBulletinLog(log, bulletin, zone, lang));

  // The day of execution: only for the opening it belongs to.
  const execution = (s: PageState) => (s.execution && s.dispatch?.session === s.execution.session ? s.execution : undefined);
  on((s) => { const d = assessed(s); return d && [d.plans, selectedPlan(d), s.execution, d.session, s.lang] as const; },
    ([plans, selected, x, session, lang]) => renderExecutionHead(plans, selected, x, session, lang));
  // Each part of it drawn again only when what it shows changed (the execution itself is read as it is now).
  const now = () => execution(store.get())!;
  on((s) => { const x = execution(s); return x && [x.session, x.planId, x.notices, x.records, x.clockMs, x.filter, x.noticeDay, x.pages.notices, x.refused, x.result, s.lang] as const; },
    (p) => renderNotices(now(), p[10], act));
  on((s) => { const x = execution(s); return x && [x.session, x.planId, x.meters, x.meterProblems, x.judging, x.result, x.notices, s.lang] as const; },
    (p) => renderMeters(now(), p[7]));
  on((s) => { const x = execution(s); return x && [x.session, x.planId, x.meters, x.replan, x.replanning, s.lang] as const; }, ([, , , , , lang]) => renderReplan(now(), lang));
  on((s) => { const x = execution(s); return x && [x.session, x.planId, x.result, x.day, x.policy, x.judging, x.pages.short, x.pages.customers, s.lang] as const; },
    (p) => renderCompliance(now(), p[8], act));
}
