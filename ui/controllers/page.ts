/** What every controller works with: the store, the engine pool, and the status line. */
import type { EnginePool } from '../../worker/pool.ts';
import { word, type WordKey } from '../i18n.ts';
import { statusSaid, type PageState, type Retry, type StatusKind } from '../state.ts';
import type { Store } from '../store.ts';

export interface Page {
  store: Store<PageState>;
  pool: EnginePool;
  /** Puts `text` on the status line; with `retry`, Try again beside it does that again. */
  say(text: string, kind?: StatusKind, retry?: Retry | null): void;
  /** A word in the page's language now. */
  word(key: WordKey): string;
}

export function pageOf(store: Store<PageState>, pool: EnginePool): Page {
  return {
    store, pool,
    say: (text, kind = 'ok', retry = null) => store.update((s) => statusSaid(s, text, kind, retry)),
    word: (key) => word(key, store.get().lang),
  };
}
