/** The document last made for printing (plan-document.ts, execution-document.ts): the page prints only it. */
import { causeName } from '../i18n.ts';
import type { Report } from '../state.ts';
import { $ } from './dom.ts';
import { executionDocument } from './execution-document.ts';
import { planDocument } from './plan-document.ts';

export function renderReport(report: Report): void {
  if (report.kind === 'execution') {
    $('plan-document').replaceChildren(executionDocument(report.document, report.lang));
    return;
  }
  const { plan, lang } = report;
  $('plan-document').replaceChildren(planDocument({
    plan: plan.report, digest: report.digest, scenarioName: report.scenarioName, ...(report.bulletin ? { bulletin: report.bulletin } : {}), ...(plan.playout ? { playout: plan.playout } : {}),
    printedAt: report.printedAt, causeName: (c) => causeName(c, lang),
  }, lang));
}
