/**
 * Marks on <body> that the browser tests and the timing report read (data-outlook, data-playout,
 * data-whatif-ms…). They are written when the thing they mark happens and never read back by the
 * page: they say what happened, the state says what is.
 */
type Mark = 'ready' | 'forecast' | 'outlook' | 'warming' | 'warmed' | 'firstOutlookMs' | 'timings' | 'whatif' | 'whatifMs' | 'whatifPlanned' | 'whatifPlanMs' | 'whatifVerified' | 'playout' | 'report' | 'metersKept' | 'bulletinsLogged';

export function mark(name: Mark, value: string | number | boolean): void {
  document.body.dataset[name] = String(value);
}

/** Adds to a mark that lists phases ("view 80, forecast 400"). */
export function markMore(name: Mark, more: string): void {
  document.body.dataset[name] = `${document.body.dataset[name] ?? ''}${more}`;
}
