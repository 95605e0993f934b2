/** A file's problems in place; nothing already open is lost, and the panel says what still shows. */
import { formatProblem } from '../../core/problems.ts';
import { problemCount, word, type Lang } from '../i18n.ts';
import type { Problems } from '../state.ts';
import { $ } from './dom.ts';

export function renderProblems(shown: Problems | null, stillShowing: string | null, lang: Lang): void {
  $('problems').hidden = !shown;
  if (!shown) return;
  $('problems-count').textContent = `${shown.name}: ${problemCount(shown.total, lang)}`;
  const items = shown.problems.map((p) => {
    const li = document.createElement('li');
    li.textContent = formatProblem(p);
    return li;
  });
  if (shown.total > shown.problems.length) {
    const li = document.createElement('li');
    li.textContent = `… ${shown.total - shown.problems.length} ${word('more', lang)}`;
    items.push(li);
  }
  $('problems-list').replaceChildren(...items);
  $('problems-kept').textContent = stillShowing ? `${word('stillShowing', lang)}: ${stillShowing}` : '';
}
