/** Tables and pagers the execution views share: a header row, body rows of cells, and Previous / Next with the page shown. */
import { pageCount, ROWS_PER_PAGE } from '../execution-state.ts';
import type { Lang } from '../i18n.ts';

export type Cell = string | Node | { text: string | Node; className?: string };

export function cellOf(tag: 'td' | 'th', c: Cell): HTMLTableCellElement {
  const el = document.createElement(tag);
  const content = typeof c === 'object' && !(c instanceof Node) ? c.text : c;
  el.append(content);
  if (typeof c === 'object' && !(c instanceof Node) && c.className) el.className = c.className;
  return el;
}

/** Fills `table` with a header and the rows (a row's class from `rowClass`); an empty list leaves the header and the `empty` words. */
export function fillTable(table: HTMLElement, head: string[], rows: { cells: Cell[]; className?: string; key?: string }[], empty: string): void {
  const tr = document.createElement('tr');
  tr.append(...head.map((h) => { const th = cellOf('th', h); th.scope = 'col'; return th; }));
  const thead = document.createElement('thead');
  thead.append(tr);
  const tbody = document.createElement('tbody');
  for (const r of rows) {
    const row = document.createElement('tr');
    if (r.className) row.className = r.className;
    if (r.key) row.dataset.key = r.key;
    row.append(...r.cells.map((c) => cellOf('td', c)));
    tbody.append(row);
  }
  if (!rows.length) {
    const row = document.createElement('tr');
    const td = cellOf('td', { text: empty, className: 'empty' });
    td.colSpan = head.length;
    row.append(td);
    tbody.append(row);
  }
  table.replaceChildren(thead, tbody);
}

/** The rows of page `page` of a list. */
export const pageRows = <T>(list: T[], page: number): T[] => list.slice(page * ROWS_PER_PAGE, (page + 1) * ROWS_PER_PAGE);

/** Previous / Next and "rows 26–50 of 6,239" under a table; `go` gets the page asked for. */
export function fillPager(host: HTMLElement, page: number, rows: number, lang: Lang, go: (page: number) => void): void {
  const pages = pageCount(rows);
  host.hidden = pages <= 1;
  if (pages <= 1) { host.replaceChildren(); return; }
  const button = (label: string, to: number, disabled: boolean) => {
    const b = document.createElement('button');
    b.className = 'button';
    b.textContent = label;
    b.disabled = disabled;
    b.addEventListener('click', () => go(to));
    return b;
  };
  const from = page * ROWS_PER_PAGE + 1, to = Math.min(rows, (page + 1) * ROWS_PER_PAGE);
  const where = document.createElement('span');
  where.className = 'hint';
  where.textContent = lang === 'zh' ? `第 ${from}–${to} 条，共 ${rows.toLocaleString('zh-CN')} 条（第 ${page + 1} / ${pages} 页）` : `rows ${from}–${to} of ${rows.toLocaleString('en-US')} (page ${page + 1} of ${pages})`;
  host.replaceChildren(button(lang === 'zh' ? '上一页' : 'Previous', page - 1, page === 0), where, button(lang === 'zh' ? '下一页' : 'Next', page + 1, page >= pages - 1));
}
