/**
 * The outlook: demand against supply less the reserve, the gap, the warning strip (a what-if's
 * when the sliders moved), the bulletin, and what the figures rest on where the data could carry
 * them only in part — above the chart, not in a footnote.
 */
import type { ScenarioForecast } from '../../core/forecast/scenario-forecast.ts';
import type { Assessment } from '../../core/warning/assess.ts';
import type { Bulletin } from '../../core/warning/bulletin.ts';
import { LEVELS } from '../../core/warning/levels.ts';
import { outlookChart } from '../charts/outlook-chart.ts';
import { word, type Lang } from '../i18n.ts';
import type { WhatIfResult } from '../state.ts';
import { $ } from './dom.ts';

export interface OutlookInput {
  assessment: Assessment;
  bulletin: Bulletin | undefined;
  forecast: ScenarioForecast;
  whatIf: WhatIfResult | null;
  lang: Lang;
}

/** The bulletin's text in `lang` (what Copy copies). */
export const bulletinText = (b: Bulletin | undefined, lang: Lang): string => (b ? (lang === 'zh' ? b.text.zh : b.text.en) : '');

export function renderOutlook({ assessment: a, bulletin, forecast: f, whatIf: w, lang }: OutlookInput): void {
  const offset = Math.round((a.startMs - f.startMs) / 3_600_000);
  const q = (level: number) => f.system.quantiles[f.levels.indexOf(level)].subarray(offset, offset + a.hours);
  $('outlook-chart').replaceChildren(outlookChart({
    startMs: a.startMs, timeZone: a.timeZone,
    demand: w ? w.demandMW : a.system.demandMW, p10: w ? w.p10 : q(0.1), p90: w ? w.p90 : q(0.9), supply: w ? w.supplyMW : a.system.supplyMW,
    level: w ? w.expectedLevel : a.system.expectedLevel, probabilities: w ? w.probabilities : a.system.probabilities,
    levelNames: LEVELS.map((l) => (l === 'none' ? word('noWarning', lang) : `${word('level', lang)} ${l}`)),
    labels: { demand: word('demandMedian', lang), band: 'P10–P90', supply: word('supplyLessReserve', lang), gap: word('gap', lang), strip: word('warning', lang) },
  }));
  $('bulletin').textContent = bulletinText(bulletin, lang);
  renderNotes(a.notes ?? [], lang);
}

function renderNotes(notes: NonNullable<Assessment['notes']>, lang: Lang): void {
  const box = $('data-notes');
  box.hidden = notes.length === 0;
  const title = document.createElement('strong');
  title.textContent = word('dataNotes', lang);
  const list = document.createElement('ul');
  list.append(...notes.map((n) => { const li = document.createElement('li'); li.textContent = n[lang]; return li; }));
  box.replaceChildren(title, list);
  box.dataset.count = String(notes.length);
}
