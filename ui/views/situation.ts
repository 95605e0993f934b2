/**
 * The situation bar pinned at the top: the official badge and its rows, and — whenever a what-if
 * is in the outlook — a HYPOTHETICAL band beside it with the what-if's own badge and rows, so the
 * official figures are never silently replaced.
 */
import type { Assessment } from '../../core/warning/assess.ts';
import type { Bulletin } from '../../core/warning/bulletin.ts';
import { LEVELS } from '../../core/warning/levels.ts';
import { levelWords, word, type Lang } from '../i18n.ts';
import { LEVEL_COLOURS, LEVEL_INK } from '../palette.ts';
import { situationOf, whatIfText, type Situation } from '../situation.ts';
import type { WhatIfView } from '../state.ts';
import { $ } from './dom.ts';

export interface SituationInput {
  assessment: Assessment | undefined;
  bulletin: Bulletin | undefined;
  provisional: boolean;
  /** The what-if's warnings in the outlook and the position they are for, or null. */
  whatIf: WhatIfView | null;
  lang: Lang;
}

export function renderSituation({ assessment, bulletin, provisional, whatIf, lang }: SituationInput): void {
  const official = $('situation-official'), band = $('situation-hypothetical');
  if (!assessment || !bulletin) {
    official.replaceChildren(note(word('situationWaiting', lang)));
    official.dataset.level = 'waiting';
    band.hidden = true;
    return;
  }
  const s = situationOf(assessment, bulletin, lang);
  fill(official, s, lang, provisional ? word('situationProvisional', lang) : null, null);
  document.body.dataset.situationLevel = s.level;
  if (whatIf) {
    const h = situationOf(whatIf.assessment, whatIf.bulletin, lang);
    fill(band, h, lang, null, `${word('hypothetical', lang)}${lang === 'zh' ? '：' : ': '}${whatIfText(whatIf.sliders, lang)}`);
    band.hidden = false;
  } else {
    band.hidden = true;
    band.replaceChildren();
  }
}

function fill(box: HTMLElement, s: Situation, lang: Lang, aside: string | null, title: string | null): void {
  const k = LEVELS.indexOf(s.level);
  const badge = document.createElement('div');
  badge.className = 'badge';
  badge.dataset.level = s.level;
  badge.style.background = LEVEL_COLOURS[k];
  badge.style.color = LEVEL_INK[k];
  const numeral = document.createElement('span');
  numeral.className = 'badge-numeral';
  numeral.textContent = s.level === 'none' ? '–' : s.level;
  const words = document.createElement('span');
  words.className = 'badge-words';
  words.textContent = levelWords(s.level, lang);
  badge.append(numeral, words);

  const text = document.createElement('div');
  text.className = 'situation-text';
  if (title) {
    const t = document.createElement('p');
    t.className = 'situation-title';
    t.textContent = title;
    text.append(t);
  }
  const head = document.createElement('p');
  head.className = 'situation-headline';
  head.textContent = s.headline;
  text.append(head);
  if (s.rows.length > 1) {
    const list = document.createElement('ul');
    list.className = 'situation-rows';
    list.append(...s.rows.slice(1).map((r) => {
      const li = document.createElement('li');
      li.dataset.kind = r.kind;
      li.dataset.level = r.level;
      const chip = document.createElement('span');
      chip.className = 'chip';
      chip.textContent = r.level;
      const k2 = LEVELS.indexOf(r.level);
      chip.style.background = LEVEL_COLOURS[k2];
      chip.style.color = LEVEL_INK[k2];
      li.append(chip, ' ', r.text);
      return li;
    }));
    text.append(list);
  }
  const issued = document.createElement('p');
  issued.className = 'situation-issued';
  issued.textContent = aside ? `${s.issued} · ${aside}` : s.issued;
  text.append(issued);
  box.replaceChildren(badge, text);
  box.dataset.level = s.level;
  box.dataset.rows = s.rows.map((r) => `${r.kind}:${r.level}`).join(' ');
}

function note(text: string): HTMLElement {
  const p = document.createElement('p');
  p.className = 'situation-empty';
  p.textContent = text;
  return p;
}
