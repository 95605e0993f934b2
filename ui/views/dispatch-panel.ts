/**
 * The dispatcher's panels once a scenario is forecast. A first outlook from the system's forecast
 * alone is provisional: plans and play-outs wait for every area's forecast.
 */
import { $ } from './dom.ts';

export function renderDispatchPanel(provisional: boolean, planBy: 'measure' | 'class'): void {
  $('dispatch').hidden = false;
  if (provisional) document.body.dataset.provisional = 'true';
  else delete document.body.dataset.provisional;
  document.querySelectorAll<HTMLButtonElement>('[data-strategy], #playout-button').forEach((b) => (b.disabled = provisional));
  document.querySelectorAll<HTMLButtonElement>('[data-by]').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.by === planBy)));
}
