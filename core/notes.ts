/**
 * A caveat a result carries: the data could give an answer only in a degraded form (a forecast
 * from profiles, weather filled from the day before, a model fitted on weeks instead of years), and
 * the answer says so wherever it is shown — the bulletin, the plan, the page — instead of looking
 * as sure as any other (DESIGN: never silently wrong). In both languages the bulletin is issued in.
 */
export type NoteCode =
  | 'weather-filled'
  | 'short-history'
  | 'profile-forecast'
  | 'stale-history'
  /** Gaps measured against the hour's highest 15/30-minute point, from the history's hourly maxima. */
  | 'peak-within-hour';

export interface DataNote {
  code: NoteCode;
  /** What it is about: an area or station id. */
  subject: string;
  en: string;
  zh: string;
}

/** One line per note, in a language, for text output. */
export function noteLines(notes: readonly DataNote[] | undefined, lang: 'en' | 'zh'): string[] {
  return (notes ?? []).map((n) => n[lang]);
}
