/** Building blocks of the printable documents (the plan report, the execution report): elements and plain tables. */
export type Child = Node | string | null | undefined | false;

export function el(tag: string, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined && c !== false) e.append(c);
  return e;
}

/** A document table; `numeric[i]` right-aligns column i (figures line up by their digits). */
export function table(head: string[], rows: (string | number)[][], numeric: boolean[] = []): HTMLElement {
  return el('table', { class: 'doc-table' },
    el('thead', {}, el('tr', {}, ...head.map((h, i) => el('th', numeric[i] ? { class: 'num' } : {}, h)))),
    el('tbody', {}, ...rows.map((r) => el('tr', {}, ...r.map((v, i) => el('td', numeric[i] ? { class: 'num' } : {}, String(v)))))));
}

/** Lines to sign at the foot of a document. */
export function signLines(labels: string[]): HTMLElement {
  return el('footer', { class: 'doc-sign' }, ...labels.map((label) => el('div', {}, el('span', {}, label), el('span', { class: 'doc-line' }))));
}
