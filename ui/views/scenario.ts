/** The grid: the scenario's name, its summary, customers by class. */
import { parseTimestamp } from '../../core/time/timestamp.ts';
import { formatInZone, resolveZone } from '../../core/time/zone.ts';
import { classesChart } from '../charts/classes-chart.ts';
import { dailyPeakChart, loadChart } from '../charts/load-chart.ts';
import { areaKind, className, eventName, formatMW, localeOf, word, type Lang } from '../i18n.ts';
import type { Scenario } from '../state.ts';
import { stampText } from '../time-text.ts';
import { $, fact } from './dom.ts';
import { widthOf } from './outlook.ts';

export function renderScenario(name: string, view: Scenario['view'], lang: Lang): void {
  const s = view.summary!;
  $('view').hidden = false;
  $('scenario-name').textContent = lang === 'zh' && s.nameZh ? s.nameZh : s.name;
  $('scenario-name').title = s.description ?? name;
  const zone = resolveZone(s.timeZone)!;
  const n = (x: number) => x.toLocaleString(localeOf(lang));
  const kinds = Object.entries(s.areas.byKind).map(([k, c]) => `${n(c)} ${areaKind(k, c, lang)}`).join(', ');
  const supply = s.supply.units
    ? `${n(s.supply.units)} ${word('units', lang)}, ${formatMW(s.supply.capacityMW, lang)}; ${s.supply.imports} ${word('imports', lang)}${s.supply.reserveMW !== null ? `; ${word('reserve', lang)} ${formatMW(s.supply.reserveMW, lang)}` : ''}`
    : word('none', lang);
  $('summary').replaceChildren(
    ...fact(word('areas', lang), kinds),
    ...fact(word('feeders', lang), `${n(s.feeders.total)}: ${n(s.feeders.servingProtected)} ${word('servingProtected', lang)}, ${n(s.feeders.openable)} ${word('openable', lang)}`),
    ...fact(word('customers', lang), `${n(s.customers.total)}: ${n(s.customers.curtailable)} ${word('curtailable', lang)}, ${n(s.customers.protected)} ${word('protectedWord', lang)}`),
    ...fact(word('protectedShare', lang), `${(s.protectedPeakShare * 100).toFixed(1)} %`),
    ...fact(word('historyPeak', lang), s.historyPeak ? `${formatMW(s.historyPeak.mw, lang)} (${historyDay(s.historyPeak.at, s.timeZone, zone, lang)})` : word('none', lang)),
    ...fact(word('supply', lang), supply),
    ...fact(word('study', lang), `${s.study.hours} h, ${stampText(s.study.start, s.timeZone, lang)} (${word('issued', lang)} ${stampText(s.study.issuedAt, s.timeZone, lang)})`),
    ...fact(word('events', lang), s.events.length ? s.events.map((e) => eventName(e.kind, lang)).join(lang === 'zh' ? '、' : ', ') : word('none', lang)),
  );
  $('classes-chart').replaceChildren(classesChart(s.customers.byClass.map((c) => ({
    label: className(c.class, lang), tier: c.tier, peakMW: c.peakMW, count: c.count,
  })), { width: widthOf('classes-chart', 420), value: (b) => `${formatMW(b.peakMW, lang)} · ${n(b.count)} ${word('customersLower', lang)}` }));
}

/**
 * The load's history with the study and, once every area is forecast, the system's forecast; the
 * daily peaks. Apart from the facts above: the forecast's arrival draws only these again (the
 * facts of a province took ~20 ms more in the same task).
 */
export function renderLoad(view: Scenario['view'], loadForecast: Scenario['loadForecast'], lang: Lang): void {
  const s = view.summary!;
  const studyStart = parseTimestamp(s.study.start)!.ms;
  if (view.systemLoad) {
    $('load-chart').replaceChildren(loadChart({
      load: view.systemLoad,
      ...(view.temperature ? { temperature: view.temperature } : {}),
      study: { startMs: studyStart, hours: s.study.hours },
      timeZone: s.timeZone, lang, width: widthOf('load-chart'),
      ...(loadForecast ? { loadForecast } : {}),
      labels: {
        load: `${word('load', lang)} (MW)`, temperature: `${word('temperature', lang)} (°C)`, forecast: `${word('forecast', lang)} (°C)`,
        study: word('study', lang), loadForecast: `${word('loadForecast', lang)} P10–P90`,
      },
    }));
    $('overview-chart').replaceChildren(dailyPeakChart({ load: view.systemLoad, timeZone: s.timeZone, lang, width: widthOf('overview-chart') }));
  } else {
    $('load-chart').replaceChildren();
    $('overview-chart').replaceChildren();
  }
}

/** The year and the day on the grid's clock: "2023-07-24 15:00" / "2023年 07-24 15:00". */
function historyDay(at: string | number, timeZone: string, zone: NonNullable<ReturnType<typeof resolveZone>>, lang: Lang): string {
  const stamp = typeof at === 'number' ? formatInZone(at, zone) : at;
  const year = stamp.slice(0, 4);
  return lang === 'zh' ? `${year}年 ${stampText(stamp, timeZone, lang)}` : `${stampText(stamp, timeZone, lang)}, ${year}`;
}
