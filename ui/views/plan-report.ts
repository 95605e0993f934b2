/** The plan report last made for printing (see plan-document.ts): the page prints only it. */
import { causeName } from '../i18n.ts';
import type { Report } from '../state.ts';
import { $ } from './dom.ts';
import { planDocument } from './plan-document.ts';

export function renderReport(report: Report): void {
  const { plan, lang } = report;
  $('plan-document').replaceChildren(planDocument({
    plan: plan.report, digest: report.digest, scenarioName: report.scenarioName, ...(report.bulletin ? { bulletin: report.bulletin } : {}), ...(plan.playout ? { playout: plan.playout } : {}),
    printedAt: report.printedAt, causeName: (c) => causeName(c, lang),
  }, lang));
}
