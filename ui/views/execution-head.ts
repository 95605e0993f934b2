/** The head of the execution section: what to do first (make a plan, then work its notices), and which plan is in execution. */
import type { Execution } from '../execution-state.ts';
import { planLabel, word, type Lang } from '../i18n.ts';
import type { StoredPlan } from '../plan-store.ts';
import { $ } from './dom.ts';

export function renderExecutionHead(plans: StoredPlan[], selected: StoredPlan | undefined, x: Execution | null, session: number, lang: Lang): void {
  const executing = x && x.session === session ? plans.find((p) => p.id === x.planId) : undefined;
  const empty = $('execution-empty');
  empty.textContent = !plans.length ? word('executionNoPlan', lang) : !executing ? word('executionNotStarted', lang) : '';
  empty.hidden = Boolean(executing);
  const start = $<HTMLButtonElement>('execution-start');
  start.disabled = !selected;
  start.textContent = selected ? `${word('startNotices', lang)}${lang === 'zh' ? '：' : ': '}${planLabel(selected.report, lang)}` : word('startNotices', lang);
  start.hidden = Boolean(executing && selected?.id === executing.id);
  const which = $('execution-plan');
  which.textContent = executing ? `${word('inExecution', lang)}${lang === 'zh' ? '：' : ': '}${planLabel(executing.report, lang)}${selected && selected.id !== executing.id ? (lang === 'zh' ? '（上方所选为另一方案）' : ' (another plan is selected above)') : ''}` : '';
  $('execution-body').hidden = !executing;
}
