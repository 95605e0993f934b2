/** The status line, with Try again beside it when the work that failed can be done again; Cancel while work runs. */
import type { Lang } from '../i18n.ts';
import type { Status } from '../state.ts';
import { $ } from './dom.ts';

export function renderStatus(status: Status | null, lang: Lang): void {
  const el = $('status');
  el.textContent = status?.texts?.[lang] ?? status?.text ?? '';
  if (status) el.dataset.kind = status.kind;
  $('retry-button').hidden = !status?.retry;
}

export function renderBusy(busy: boolean): void {
  $('cancel-button').hidden = !busy;
  if (busy) document.body.dataset.busy = 'true';
  else delete document.body.dataset.busy;
}
