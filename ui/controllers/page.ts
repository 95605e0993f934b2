/** What every controller works with: the store, the engine pool, and the status line. */
import type { EnginePool } from '../../worker/pool.ts';
import { word, type Lang, type WordKey } from '../i18n.ts';
import { statusSaid, type PageState, type Retry, type StatusKind } from '../state.ts';
import type { Store } from '../store.ts';

export interface Page {
  store: Store<PageState>;
  pool: EnginePool;
  /**
   * Puts `text` on the status line; with `retry`, Try again beside it does that again. Given as a
   * function of the words and the language, it is written in both, and follows a language change.
   */
  say(text: Said, kind?: StatusKind, retry?: Retry | null): void;
  /** A word in the page's language now. */
  word(key: WordKey): string;
}

/** What the status line says: fixed text, or words in the page's language. */
export type Said = string | ((word: (key: WordKey) => string, lang: Lang) => string);

export function pageOf(store: Store<PageState>, pool: EnginePool): Page {
  return {
    store, pool,
    say: (text, kind = 'ok', retry = null) => store.update((s) => {
      if (typeof text === 'string') return statusSaid(s, text, kind, retry);
      const texts = { en: text((k) => word(k, 'en'), 'en'), zh: text((k) => word(k, 'zh'), 'zh') };
      return statusSaid(s, texts[s.lang], kind, retry, texts);
    }),
    word: (key) => word(key, store.get().lang),
  };
}
