/**
 * The window's width in the state: charts are drawn at their container's width (text keeps its
 * pixel size), so they are drawn again when the window has been resized and rests.
 */
import { resized, type PageState } from '../state.ts';
import type { Store } from '../store.ts';

/** How long the window rests before the charts are drawn again, ms. */
const REST_MS = 150;

export function followWidth(store: Store<PageState>): void {
  // Steps of 20 px: a resize by a scrollbar's appearance draws nothing again.
  const width = () => Math.round(window.innerWidth / 20) * 20;
  let resting: ReturnType<typeof setTimeout> | undefined;
  store.update((s) => resized(s, width()));
  window.addEventListener('resize', () => {
    clearTimeout(resting);
    resting = setTimeout(() => store.update((s) => resized(s, width())), REST_MS);
  });
}
