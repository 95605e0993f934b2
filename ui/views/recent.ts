/** The scenario files kept in the browser, to open again (their plans come back with them). */
import { word, type Lang } from '../i18n.ts';
import { $, option } from './dom.ts';

export function renderRecent(files: { name: string; size: number }[], lang: Lang): void {
  const select = $<HTMLSelectElement>('recent-select');
  select.replaceChildren(option('', word('recent', lang)), ...files.map((f) =>
    option(f.name, `${f.name} (${f.size >= 2 ** 20 ? `${(f.size / 2 ** 20).toFixed(0)} MB` : `${Math.ceil(f.size / 1024)} kB`})`)));
  select.hidden = files.length === 0;
}
