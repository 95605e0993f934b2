/**
 * A history CSV dropped on the open scenario: which columns hold the time and the load, the unit
 * and the area it meters, guessed from its header for the user to confirm. Drawn once per CSV
 * offered, so what the user picks stays picked.
 */
import type { CsvOffer } from '../state.ts';
import { $, option } from './dom.ts';

export function renderCsvPanel(offer: CsvOffer | null): void {
  $('csv-panel').hidden = !offer;
  if (!offer) return;
  const pick = (id: string, guess: string | undefined) => {
    const select = $<HTMLSelectElement>(id);
    select.replaceChildren(...offer.columns.map((c) => option(c)));
    if (guess) select.value = guess;
  };
  pick('csv-time', offer.time);
  pick('csv-load', offer.load);
  $<HTMLSelectElement>('csv-unit').value = offer.unit;
  $<HTMLSelectElement>('csv-area').replaceChildren(...offer.scenario.areas.map((a) => option(a.id, `${a.id} — ${a.name} (${a.kind})`)));
  $('csv-file').textContent = `${offer.name} → ${offer.scenario.name} (${offer.scenario.timeZone})`;
}
