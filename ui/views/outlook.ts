/**
 * The outlook: demand against supply less the reserve, the gap, the warning strip and the
 * energy-short days (a what-if's when one is in the outlook, labelled HYPOTHETICAL), each area
 * short of import capacity drawn small beside it (its demand against what it can import and make
 * inside), the bulletin, and what the figures rest on where the data could carry them only in
 * part — above the chart, not in a footnote.
 */
import type { ScenarioForecast } from '../../core/forecast/scenario-forecast.ts';
import { HOUR_MS } from '../../core/time/timestamp.ts';
import type { Assessment, GapAssessment } from '../../core/warning/assess.ts';
import type { Bulletin } from '../../core/warning/bulletin.ts';
import { LEVELS } from '../../core/warning/levels.ts';
import { outlookChart, type EnergyDayMark, type OutlookChartOptions } from '../charts/outlook-chart.ts';
import { levelShort, localeOf, word, type Lang } from '../i18n.ts';
import type { WhatIfWarnings } from '../state.ts';
import { dateText, dayStartMs } from '../time-text.ts';
import { $, option } from './dom.ts';

export interface OutlookInput {
  assessment: Assessment;
  bulletin: Bulletin | undefined;
  forecast: ScenarioForecast;
  whatIf: WhatIfWarnings | null;
  lang: Lang;
  /** The area short of import capacity drawn alone, or null: the warned ones small. */
  localArea?: string | null;
}

/** The bulletin's text in `lang` (what Copy copies). */
export const bulletinText = (b: Bulletin | undefined, lang: Lang): string => (b ? (lang === 'zh' ? b.text.zh : b.text.en) : '');

/** Small multiples drawn at most; the rest are named (a province can have dozens of short areas). */
const MAX_AREAS_DRAWN = 6;

/** How wide a chart is drawn: its container's width (text then stays at its pixel size). */
export const widthOf = (id: string, fallback = 900) => Math.max(360, Math.round($(id).clientWidth) || fallback);

export function renderOutlook({ assessment: official, bulletin, forecast: f, whatIf: w, lang, localArea = null }: OutlookInput): void {
  const a = w ? w.assessment : official;
  const offset = Math.round((a.startMs - f.startMs) / HOUR_MS);
  const q = (level: number) => f.system.quantiles[f.levels.indexOf(level)].subarray(offset, offset + a.hours);
  const common = commonOptions(a, lang);
  $('outlook-hypothetical').hidden = !w;
  $('outlook-chart').dataset.peakGapMw = w ? String(Math.round(w.peakGapMW)) : '';
  $('outlook-hypothetical').textContent = w ? word('hypothetical', lang) : '';
  // Drawn in the chart already there when only the figures changed (a what-if, Reset).
  const box = $('outlook-chart'), before = box.firstElementChild instanceof SVGSVGElement ? box.firstElementChild : null;
  const chart = outlookChart({
    ...common, width: widthOf('outlook-chart'),
    demand: a.system.demandMW, p10: w ? w.p10 : q(0.1), p90: w ? w.p90 : q(0.9), supply: a.system.supplyMW,
    level: a.system.expectedLevel, probabilities: a.system.probabilities,
    ...(a.energy.length ? { energy: energyMarks(a, lang) } : {}),
  }, before);
  if (chart !== before) box.replaceChildren(chart);
  renderAreas(a.local, common, lang, localArea);
  $('bulletin').textContent = bulletinText(bulletin, lang);
  // The bulletin stays the official one: said so while the outlook above is a what-if's.
  $('bulletin-note').hidden = !w;
  $('bulletin-note').textContent = w ? word('officialBulletin', lang) : '';
  renderNotes(official.notes ?? [], lang);
}

function commonOptions(a: Assessment, lang: Lang): Pick<OutlookChartOptions, 'startMs' | 'timeZone' | 'lang' | 'levelNames' | 'labels'> {
  return {
    startMs: a.startMs, timeZone: a.timeZone, lang,
    levelNames: LEVELS.map((l) => levelShort(l, lang)),
    labels: { demand: word('demandMedian', lang), band: 'P10–P90', supply: word('supplyLessReserve', lang), gap: word('gap', lang), strip: word('warning', lang), energy: word('energyStrip', lang) },
  };
}

/** The energy days as cells on the hourly axis, with their figures in the tooltip. */
function energyMarks(a: Assessment, lang: Lang): EnergyDayMark[] {
  const n = (x: number, d = 0) => x.toLocaleString(localeOf(lang), { maximumFractionDigits: d, minimumFractionDigits: d });
  return a.energy.map((e) => {
    const from = Math.round((dayStartMs(e.date, a.timeZone) - a.startMs) / HOUR_MS);
    const start = Math.max(0, from), end = Math.min(a.hours, from + 24);
    return {
      startIndex: start, hours: Math.max(0, end - start), level: e.level,
      tip: `${dateText(e.date, lang)} ${levelShort(LEVELS[e.level], lang)}\n${word('demand', lang)} ${n(e.demandMWh)} MWh, ${word('energySupply', lang)} ${n(e.supplyMWh)} MWh\n${word('energyGap', lang)} ${n(e.gapMeanMWh)} MWh (${n(e.gapPct, 1)} %)`,
    };
  }).filter((d) => d.hours > 0);
}

/** Each area short of import capacity, warned ones first, drawn small; the rest named. */
function renderAreas(local: GapAssessment[], common: ReturnType<typeof commonOptions>, lang: Lang, chosen: string | null): void {
  const box = $('local-charts');
  $('local-panel').hidden = local.length === 0;
  if (!local.length) { box.replaceChildren(); return; }
  const worst = (g: GapAssessment) => Math.max(0, ...g.expectedLevel);
  const sorted = [...local].sort((x, y) => worst(y) - worst(x) || x.name.localeCompare(y.name));
  const alone = sorted.find((g) => g.area === chosen);
  // The selector: the warned areas small, or any one area drawn alone.
  const select = $<HTMLSelectElement>('area-select');
  select.replaceChildren(option('', `${word('warnedAreas', lang)} (${sorted.filter((g) => worst(g) > 0).length})`),
    ...sorted.map((g) => option(g.area, `${g.name} — ${levelShort(LEVELS[worst(g)], lang)}`)));
  select.value = alone ? alone.area : '';
  const drawn = alone ? [alone] : sorted.filter((g) => worst(g) > 0).slice(0, MAX_AREAS_DRAWN);
  // One area across the panel, more two by two.
  const columns = drawn.length > 1 ? 2 : 1;
  box.classList.toggle('two', columns === 2);
  const width = Math.max(360, Math.floor((widthOf('local-charts') - 16 * (columns - 1)) / columns));
  const charts = drawn.map((g) => {
    const div = document.createElement('div');
    div.className = 'area-multiple';
    div.dataset.area = g.area;
    div.dataset.level = String(worst(g));
    div.append(outlookChart({
      ...common, compact: true, width, height: alone ? 260 : 190, key: `local-${g.area}`,
      title: `${g.name} — ${levelShort(LEVELS[worst(g)], lang)}`,
      demand: g.demandMW, supply: g.supplyMW, level: g.expectedLevel, probabilities: g.probabilities,
      labels: { ...common.labels, supply: word('importLimitSupply', lang) },
    }));
    return div;
  });
  const rest = alone ? [] : sorted.filter((g) => !drawn.includes(g));
  const more = document.createElement('p');
  more.className = 'hint';
  more.textContent = !drawn.length ? word('noAreaWarned', lang)
    : rest.length ? `${word('moreAreas', lang)}: ${rest.map((g) => `${g.name} (${levelShort(LEVELS[worst(g)], lang)})`).join(lang === 'zh' ? '、' : ', ')}` : '';
  box.replaceChildren(...charts, more);
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
