/** What every controller works with: the store, the engine pool, and the status line. */
import type { EnginePool } from '../../worker/pool.ts';
import { word, type Lang, type WordKey } from '../i18n.ts';
import { statusSaid, type PageState, type Retry, type StatusKind } from '../state.ts';
import type { DrawQueue } from '../later.ts';
import type { Store } from '../store.ts';

export interface Page {
  store: Store<PageState>;
  pool: EnginePool;
  /**
   * A worker of its own for a what-if's warnings (tens of ms each), so that they never wait behind
   * a plan or a verification (hundreds of ms) in the pool — on a 2-core machine the pool has one
   * worker. Started at its first use; not for a scenario file over WARNINGS_WORKER_BYTES (the
   * scenario is held in every worker that works on it), whose warnings go to the pool.
   */
  warnings(data: { size: number }): EnginePool;
  /**
   * Puts `text` on the status line; with `retry`, Try again beside it does that again. Given as a
   * function of the words and the language, it is written in both, and follows a language change.
   */
  say(text: Said, kind?: StatusKind, retry?: Retry | null): void;
  /** A word in the page's language now. */
  word(key: WordKey): string;
  /** Resolves once the drawings that wait for a task of their own are made (later.ts). */
  drawn(): Promise<void>;
}

/** What the status line says: fixed text, or words in the page's language. */
export type Said = string | ((word: (key: WordKey) => string, lang: Lang) => string);

/** The largest scenario file whose what-if warnings get a worker of their own (see Page.warnings). */
export const WARNINGS_WORKER_BYTES = 32 * 2 ** 20;

export function pageOf(store: Store<PageState>, pool: EnginePool, draws: DrawQueue, spawnWarnings: () => EnginePool = () => pool): Page {
  let warnings: EnginePool | null = null;
  return {
    store, pool,
    warnings: (data) => (data.size > WARNINGS_WORKER_BYTES ? pool : (warnings ??= spawnWarnings())),
    say: (text, kind = 'ok', retry = null) => store.update((s) => {
      if (typeof text === 'string') return statusSaid(s, text, kind, retry);
      const texts = { en: text((k) => word(k, 'en'), 'en'), zh: text((k) => word(k, 'zh'), 'zh') };
      return statusSaid(s, texts[s.lang], kind, retry, texts);
    }),
    word: (key) => word(key, store.get().lang),
    drawn: draws.drawn,
  };
}
