/**
 * A history CSV dropped on the open scenario: how its rows say the time (one column, a date and
 * an hour, or one row per day with the points in columns), the load and its unit, the interval,
 * the temperature (hourly, or the day's max/min/mean) and the area it meters — guessed from its
 * header for the user to confirm. Drawn once per CSV offered, so what the user picks stays picked;
 * only the fields of the chosen layout and temperature are shown.
 */
import type { CsvOffer } from '../state.ts';
import { $, option } from './dom.ts';

export function renderCsvPanel(offer: CsvOffer | null): void {
  $('csv-panel').hidden = !offer;
  if (!offer) return;
  const g = offer.guess;
  const pick = (id: string, guess: string | undefined, optional = false) => {
    const select = $<HTMLSelectElement>(id);
    select.replaceChildren(...(optional ? [option('', '—')] : []), ...offer.columns.map((c) => option(c)));
    if (guess) select.value = guess;
  };
  pick('csv-time', offer.time);
  pick('csv-date', g.date);
  pick('csv-hour', g.hour);
  pick('csv-load', offer.load);
  const t = g.temperature;
  pick('csv-temp', t.kind === 'hourly' ? t.column : undefined);
  pick('csv-temp-max', t.kind === 'daily' ? t.max : undefined, true);
  pick('csv-temp-min', t.kind === 'daily' ? t.min : undefined, true);
  pick('csv-temp-mean', t.kind === 'daily' ? t.mean : undefined, true);
  $<HTMLSelectElement>('csv-layout').value = g.layout;
  $<HTMLInputElement>('csv-pattern').value = g.pattern ?? 'T{HH}{MM}';
  $<HTMLInputElement>('csv-ending').checked = g.hourEnding;
  $<HTMLSelectElement>('csv-interval').value = '';
  $<HTMLSelectElement>('csv-temp-kind').value = t.kind;
  $<HTMLSelectElement>('csv-unit').value = offer.unit;
  $<HTMLSelectElement>('csv-area').replaceChildren(...offer.scenario.areas.map((a) => option(a.id, `${a.id} — ${a.name} (${a.kind})`)));
  $('csv-file').textContent = `${offer.name} → ${offer.scenario.name} (${offer.scenario.timeZone})`;
  showCsvFields();
}

/** Shows the fields of the chosen layout and temperature kind (and hides the others). */
export function showCsvFields(): void {
  const layout = $<HTMLSelectElement>('csv-layout').value, temp = $<HTMLSelectElement>('csv-temp-kind').value;
  document.querySelectorAll<HTMLElement>('#csv-panel [data-for]').forEach((el) => (el.hidden = !el.dataset.for!.split(' ').includes(layout)));
  document.querySelectorAll<HTMLElement>('#csv-panel [data-temp]').forEach((el) => (el.hidden = !el.dataset.temp!.split(' ').includes(temp)));
}
