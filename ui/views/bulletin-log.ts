/**
 * The bulletins issued for the scenario, newest first: when each was issued and logged (and by
 * whom), its level, validity, and what escalated, eased, was newly warned or ended against the
 * one before; above, what the bulletin shown would change against the last one issued.
 */
import { changeCounts, changesSinceLast } from '../../core/warning/bulletin-log.ts';
import type { Bulletin, BulletinChange } from '../../core/warning/bulletin.ts';
import { LEVEL_NAMES } from '../../core/warning/levels.ts';
import { word, type Lang } from '../i18n.ts';
import type { BulletinLog } from '../state.ts';
import { periodText, stampText } from '../time-text.ts';
import { $ } from './dom.ts';
import { fillTable, type Cell } from './table.ts';

const KIND: Record<BulletinChange['kind'], { en: string; zh: string }> = {
  escalated: { en: 'escalated', zh: '升级' }, eased: { en: 'eased', zh: '降级' }, new: { en: 'new', zh: '新增' }, ended: { en: 'ended', zh: '解除' },
};

/** "1 escalated · 2 eased · 0 new · 1 ended" (the kinds with none left out; nothing: "no change"). */
function countsText(changes: BulletinChange[], lang: Lang): string {
  const c = changeCounts(changes);
  const parts = (Object.keys(KIND) as BulletinChange['kind'][]).filter((k) => c[k]).map((k) => (lang === 'zh' ? `${KIND[k].zh} ${c[k]}` : `${c[k]} ${KIND[k].en}`));
  return parts.length ? parts.join(' · ') : word('bulletinNoChange', lang);
}

function changeLine(c: BulletinChange, names: Map<string, string>, lang: Lang): HTMLElement {
  const li = document.createElement('li');
  li.className = `change change-${c.kind}`;
  const area = names.get(c.area) ?? c.area;
  li.textContent = lang === 'zh'
    ? `${area} ${periodText(c.date, c.fromHour, c.toHour, lang)}：${LEVEL_NAMES[c.was].zh} → ${LEVEL_NAMES[c.now].zh}（${KIND[c.kind].zh}）`
    : `${area} ${periodText(c.date, c.fromHour, c.toHour, lang)}: ${LEVEL_NAMES[c.was].en} → ${LEVEL_NAMES[c.now].en} (${KIND[c.kind].en})`;
  return li;
}

export function renderBulletinLog(log: BulletinLog | null, bulletin: Bulletin | undefined, timeZone: string, lang: Lang): void {
  const box = $('bulletin-log-box');
  box.hidden = !log || !bulletin;
  const since = $('bulletin-since');
  // Until this opening's log is read, nothing of the last one's comparison stays behind.
  if (!log || !bulletin) { since.textContent = ''; return; }
  const last = log.entries[log.entries.length - 1];
  since.textContent = !last ? word('bulletinFirst', lang)
    : lang === 'zh' ? `${word('bulletinAgainstLast', lang)}（${stampText(last.issuedAt, timeZone, lang)}）：${countsText(changesSinceLast(log.entries, bulletin), lang)}`
      : `${word('bulletinAgainstLast', lang)} (${stampText(last.issuedAt, timeZone, lang)}): ${countsText(changesSinceLast(log.entries, bulletin), lang)}`;
  const refused = $('bulletin-log-refused');
  refused.hidden = !log.refused;
  refused.textContent = log.refused === 'same' ? word('bulletinSame', lang) : log.refused === 'other-area' ? word('bulletinOtherArea', lang) : log.refused ? word('notSaved', lang) : '';
  const names = new Map(bulletin.periods.map((p) => [p.area, p.areaName]));
  for (const e of log.entries) for (const p of e.periods) if (!names.has(p.area)) names.set(p.area, p.areaName);
  const rows = [...log.entries].map((e, i) => ({ e, i })).reverse().map(({ e, i }) => {
    const list = document.createElement('ul');
    list.className = 'changes';
    list.append(...e.changes.map((c) => changeLine(c, names, lang)));
    const changes: Cell = i === 0 ? { text: word('bulletinFirstLogged', lang), className: 'muted' } : e.changes.length ? (() => {
      const box = document.createElement('span');
      box.className = 'two-lines';
      const head = document.createElement('span');
      head.textContent = countsText(e.changes, lang);
      box.append(head, list);
      return box;
    })() : { text: word('bulletinNoChange', lang), className: 'muted' };
    const escalated = e.changes.some((c) => c.kind === 'escalated' || c.kind === 'new');
    return {
      key: `${i}`, className: escalated ? 'escalated' : '',
      cells: [
        stampText(e.issuedAt, timeZone, lang), `${LEVEL_NAMES[e.level][lang]}${e.levelAtConfidence !== e.level ? ` / ${LEVEL_NAMES[e.levelAtConfidence][lang]}` : ''}`,
        `${stampText(e.validFrom, timeZone, lang)} – ${stampText(e.validUntil, timeZone, lang)}`, `${stampText(e.loggedAt, timeZone, lang)}${e.by ? ` · ${e.by}` : ''}`, changes,
      ] as Cell[],
    };
  });
  fillTable($('bulletin-log-table'), [word('bulletinIssuedCol', lang), word('bulletinLevelCol', lang), word('bulletinValidCol', lang), word('bulletinLoggedCol', lang), word('bulletinChangesCol', lang)],
    rows, word('bulletinLogEmpty', lang));
}
