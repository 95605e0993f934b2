/** What the views share to reach and fill the page's elements (no state: the page's is in the store). */

export const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

/** A term and its value, for a <dl>. */
export function fact(label: string, value: string, className?: string): HTMLElement[] {
  const dt = document.createElement('dt');
  dt.textContent = label;
  const dd = document.createElement('dd');
  dd.textContent = value;
  if (className) dd.className = className;
  return [dt, dd];
}

export function option(value: string, label = value): HTMLOptionElement {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = label;
  return o;
}
