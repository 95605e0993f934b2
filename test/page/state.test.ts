/**
 * The page's transitions (ui/state.ts), in plain Node: pure functions of the state and what
 * happened, so the rules of the page — which file is shown, which answers are dropped, what waits
 * for the engine — are tested without a DOM or a worker.
 */
import { describe, expect, it } from 'vitest';
import type { ScenarioForecast } from '../../core/forecast/scenario-forecast.ts';
import type { PlayoutSummary } from '../../core/playout/summary.ts';
import type { Assessment } from '../../core/warning/assess.ts';
import type { Bulletin } from '../../core/warning/bulletin.ts';
import type { ScenarioView } from '../../worker/api.ts';
import type { HeldScenario } from '../../worker/held-scenario.ts';
import type { StoredPlan } from '../../ui/plan-store.ts';
import { planLabel } from '../../ui/i18n.ts';
import {
  assessed, csvOffered, dispatchOpened, fileChosen, fileShown, forecastReady, hourScrubbed, initialState, languageChanged, networkFocused,
  peakHour, planAdded, planSelected, revisionAdded, playedOut, problemsShown, retryTaken, selectedPlan, statusSaid, superseded, whatIfAnswered, whatIfAsked, whatIfChecked,
  whatIfOutlookAnswered, whatIfPlanTaken, planCurrent, whatIfReset, whatIfRunStarted, whatIfTaken, workEnded, workStarted, type Opened, type PageState, type WhatIfResult,
} from '../../ui/state.ts';

const held = (name: string) => ({ name, blob: new Blob([name]), size: name.length }) as unknown as HeldScenario;
const view = (name: string) => ({ ok: true, problems: [], total: 0, sha256: `sha-${name}`, summary: { name, timeZone: 'Asia/Shanghai' } }) as unknown as ScenarioView;
/** A file chosen: the state after it, and its number. */
function choose(s: PageState): [PageState, number] {
  const next = fileChosen(s);
  return [next, next.chosen];
}
const show = (s: PageState, ticket: number, name: string) => fileShown(s, { ticket, name, sha256: `sha-${name}`, view: view(name), data: held(name) });
const forecast = { startMs: 0, hours: 2, levels: [0.1, 0.5, 0.9], areas: [], system: { point: Float64Array.of(5, 6), quantiles: [Float64Array.of(4, 5), Float64Array.of(5, 6), Float64Array.of(6, 7)] } } as unknown as ScenarioForecast;
const opened = (name: string): Opened => ({ name, sha256: `sha-${name}`, data: held(name), forecast });
const assessment = { notes: [] } as unknown as Assessment;
const bulletin = { text: { en: 'WARNING', zh: '预警' } } as unknown as Bulletin;
/** A plan of `strategy` (and `level`) whose requirement peaks at hour `peak` of 24. */
function plan(id: string, strategy: string, peak = 0, level: string | null = null): StoredPlan {
  const requiredMW = Array.from({ length: 24 }, (_, h) => (h === peak ? 10 : 1));
  return { id, createdAt: '', lists: new Blob([]), report: { strategy, level, system: { requiredMW } } } as unknown as StoredPlan;
}
const whatIf = (n: number, verified?: boolean) => ({ ok: true, peakGapMW: n, ...(verified !== undefined ? { verified } : {}) }) as unknown as WhatIfResult;
/** A scenario opened and assessed, with `plans` kept for it. */
function assessedWith(plans: StoredPlan[], s = initialState('en')): PageState {
  const o = dispatchOpened(s, opened('a.json'), false);
  return assessed(o, o.dispatch!.session, { assessment, bulletin, plans, setAside: 0 });
}

describe('opening files', () => {
  it('numbers files in the order they are chosen', () => {
    const [a, first] = choose(initialState('en'));
    const [, second] = choose(a);
    expect([first, second]).toEqual([1, 2]);
  });

  it('a file chosen after another supersedes it even when the first one\'s check comes back later', () => {
    const [a, first] = choose(initialState('en'));
    const [b, second] = choose(a);
    const later = show(b, second, 'second.json');
    expect(superseded(later, first)).toBe(true);
    const after = show(later, first, 'first.json');
    expect(after).toBe(later); // dropped: nothing changes
    expect(after.scenario?.name).toBe('second.json');
  });

  it('shows the first file when its check comes back before the second one\'s, then the second', () => {
    const [a, first] = choose(initialState('en'));
    const [b, second] = choose(a);
    const one = show(b, first, 'first.json');
    expect(one.scenario?.name).toBe('first.json');
    expect(show(one, second, 'second.json').scenario?.name).toBe('second.json');
  });

  it('an invalid file supersedes nothing: its problems show and the last valid scenario stays', () => {
    const [a, first] = choose(initialState('en'));
    const shown = show(a, first, 'good.json');
    const [b] = choose(shown);
    const bad = problemsShown(b, { name: 'bad.json', problems: [{ path: 'feeders[1]', message: 'unknown area' }], total: 1 });
    expect(bad.scenario?.name).toBe('good.json');
    expect(bad.shown).toBe(first);
    expect(bad.problems?.name).toBe('bad.json');
  });

  it('a valid file shown puts away the problems of the one before', () => {
    const [a, ticket] = choose(problemsShown(initialState('en'), { name: 'bad.json', problems: [], total: 3 }));
    expect(show(a, ticket, 'good.json').problems).toBeNull();
  });

  it('draws the load forecast (P10 and P90 of the system) once every area is forecast, and drops one for a file no longer shown', () => {
    const [a, first] = choose(initialState('en'));
    const one = show(a, first, 'first.json');
    const ready = forecastReady(one, first, forecast, [{ id: 'S01', parent: null, name: 'City', kind: 'city' } as never]);
    expect(Array.from(ready.scenario!.loadForecast!.p10)).toEqual([4, 5]);
    expect(Array.from(ready.scenario!.loadForecast!.p90)).toEqual([6, 7]);
    expect(ready.scenario!.areas).toEqual([{ id: 'S01', name: 'City', kind: 'city', parent: null }]);
    const [b, second] = choose(ready);
    const two = show(b, second, 'second.json');
    expect(forecastReady(two, first, forecast, [])).toBe(two);
  });
});

describe('the status line and long work', () => {
  it('offers Try again with a failure, and takes the button away (not the words) once pressed', () => {
    const failed = statusSaid(initialState('en'), 'Planning: the engine worker stopped', 'error', { do: 'plan', strategy: 'fair' });
    expect(failed.status).toEqual({ text: 'Planning: the engine worker stopped', kind: 'error', retry: { do: 'plan', strategy: 'fair' } });
    const pressed = retryTaken(failed);
    expect(pressed.status).toEqual({ text: 'Planning: the engine worker stopped', kind: 'error', retry: null });
    expect(retryTaken(pressed)).toBe(pressed);
  });

  it('says what it says with no Try again unless asked, as "ok" unless told', () => {
    expect(statusSaid(initialState('en'), 'done').status).toEqual({ text: 'done', kind: 'ok', retry: null });
  });

  it('is busy from the start of work to its end', () => {
    const s = workStarted(initialState('en'));
    expect(s.busy).toBe(true);
    expect(workStarted(s)).toBe(s);
    expect(workEnded(s).busy).toBe(false);
  });

  it('changes nothing when the language asked for is the one shown', () => {
    const s = initialState('zh');
    expect(languageChanged(s, 'zh')).toBe(s);
    expect(languageChanged(s, 'en').lang).toBe('en');
  });
});

describe('the dispatcher\'s views', () => {
  it('drops an assessment that comes back for an opening since replaced (a newer file, or the full forecast after the first outlook)', () => {
    const one = dispatchOpened(initialState('en'), opened('a.json'), true);
    const two = dispatchOpened(one, opened('a.json'), false);
    expect(assessed(two, one.dispatch!.session, { assessment, bulletin, plans: [], setAside: 0 })).toBe(two);
    expect(assessed(two, two.dispatch!.session, { assessment, bulletin, plans: [], setAside: 0 }).dispatch?.assessment).toBe(assessment);
  });

  it('brings back the plans kept for the file\'s content with the newest selected, and says how many were set aside', () => {
    const o = dispatchOpened(initialState('en'), opened('a.json'), false);
    const s = assessed(o, o.dispatch!.session, { assessment, bulletin, plans: [plan('p1', 'cost'), plan('p2', 'fair')], setAside: 1 });
    expect(s.dispatch?.selected).toBe('p2');
    expect(s.dispatch?.setAside).toBe(1);
    expect(selectedPlan(s.dispatch)?.id).toBe('p2');
  });

  it('a plan made replaces the one of the same strategy and level, and is selected at its peak hour', () => {
    const s = assessedWith([plan('old-cost', 'cost'), plan('fair', 'fair'), plan('cost-II', 'cost', 0, 'II')]);
    const next = planAdded(s, s.dispatch!.session, plan('new-cost', 'cost', 17));
    expect(next.dispatch?.plans.map((p) => p.id)).toEqual(['fair', 'cost-II', 'new-cost']);
    expect(next.dispatch?.selected).toBe('new-cost');
    expect(next.dispatch?.hour).toBe(17);
  });

  it('a revision joins the plans beside the plan in force it revises, replacing only its own earlier answer, and the selection stays', () => {
    const s = assessedWith([plan('cost', 'cost'), plan('fair', 'fair')]);
    const facts = { planId: 'cost', atMs: 1, residualMWh: 0, peakResidualMW: 0, gapBeforeMW: 0, gapAfterMW: 0, counts: { added: 0, cancelled: 0, increased: 0, reduced: 0 } };
    const rev = (id: string, of = 'cost') => ({ ...plan(id, 'cost'), revises: { ...facts, planId: of } });
    const one = revisionAdded(s, s.dispatch!.session, rev('cost~1'));
    expect(one.dispatch?.plans.map((p) => p.id)).toEqual(['cost', 'fair', 'cost~1']);
    expect(one.dispatch?.selected).toBe('fair');
    const again = revisionAdded(one, s.dispatch!.session, rev('cost~1'));
    expect(again.dispatch?.plans.map((p) => p.id)).toEqual(['cost', 'fair', 'cost~1']);
    // Of a plan no longer shown, or for another opening: dropped.
    expect(revisionAdded(s, s.dispatch!.session, rev('gone~1', 'gone'))).toBe(s);
    expect(revisionAdded(dispatchOpened(s, opened('b.json'), false), s.dispatch!.session, rev('cost~1')).dispatch?.plans).toEqual([]);
  });

  it('names a revision as a revision of its plan, at the local time it was made', () => {
    expect(planLabel({ strategy: 'cost', level: null, revision: { at: '2024-07-22T13:00+08:00' } }, 'en')).toBe('Least cost · revised 13:00');
    expect(planLabel({ strategy: 'cost', level: 'II', revision: { at: '2024-07-22T13:30+08:00' } }, 'zh')).toBe('经济损失最小 · 等级 II · 13:30 修订');
    expect(planLabel({ strategy: 'cost', level: null }, 'en')).toBe('Least cost');
  });

  it('drops a plan made for an opening since replaced', () => {
    const s = assessedWith([]);
    const newer = dispatchOpened(s, opened('b.json'), false);
    expect(planAdded(newer, s.dispatch!.session, plan('p', 'cost'))).toBe(newer);
  });

  it('gives each plan played out its own figures, by plan, whatever the plans\' order', () => {
    const s = assessedWith([plan('a', 'cost'), plan('b', 'fair')]);
    const figures = (n: number) => ({ futures: n }) as unknown as PlayoutSummary;
    const next = playedOut(s, s.dispatch!.session, ['b', 'a'], [figures(2), figures(1)]);
    expect(next.dispatch?.plans.map((p) => [p.id, (p.playout as unknown as { futures: number }).futures])).toEqual([['a', 1], ['b', 2]]);
    expect(playedOut(dispatchOpened(s, opened('c.json'), false), s.dispatch!.session, ['a'], [figures(1)]).dispatch?.plans).toEqual([]);
  });

  it('puts the scrubber at a plan\'s peak hour when the plan is selected, and keeps the network\'s focus', () => {
    const s = networkFocused(assessedWith([plan('a', 'cost', 3), plan('b', 'fair', 19)]), 'S07');
    const picked = planSelected(hourScrubbed(s, 10), 'a');
    expect(picked.dispatch).toMatchObject({ selected: 'a', hour: 3, networkFocus: 'S07' });
    expect(planSelected(picked, 'no-such-plan')).toBe(picked);
  });

  it('changes nothing when the scrubber moves to the hour already shown', () => {
    const s = hourScrubbed(assessedWith([plan('a', 'cost', 3)]), 8);
    expect(hourScrubbed(s, 8)).toBe(s);
    expect(hourScrubbed(s, 9).dispatch?.hour).toBe(9);
  });
});

describe('what-if', () => {
  const sliders = (lostMW: number) => ({ lostMW, tempOffsetC: 0, noticeHours: null });
  /** A page with the sliders moved to `mw` (the ask the answers below are for). */
  const askedAt = (mw: number, s = assessedWith([])) => whatIfAsked(s, sliders(mw), mw);
  const last = (s: PageState) => s.whatIf.asked!;

  it('only the latest slider position waits in each lane while a what-if runs', () => {
    let s = whatIfPlanTaken(whatIfTaken(whatIfRunStarted(whatIfAsked(assessedWith([]), sliders(50), 1))));
    expect(s.whatIf).toMatchObject({ running: true, pending: false, planPending: false, asked: { lostMW: 50, at: 1, seq: 1 } });
    for (const [mw, at] of [[100, 2], [150, 3], [200, 4]]) s = whatIfAsked(s, sliders(mw), at);
    expect(s.whatIf).toMatchObject({ running: true, pending: true, planPending: true, sliders: sliders(200), asked: { lostMW: 200, at: 4, seq: 4 } });
    expect(whatIfTaken(s).whatIf).toMatchObject({ pending: false, planPending: true });
    expect(whatIfPlanTaken(s).whatIf).toMatchObject({ pending: true, planPending: false });
  });

  it('draws a position\'s warnings in the outlook before its plan, the plan then not the current one\'s', () => {
    const s = askedAt(100);
    const warned = whatIfOutlookAnswered(s, s.whatIf.round, last(s), whatIf(7));
    expect(warned.whatIf).toMatchObject({ outlook: { peakGapMW: 7, seq: 1, sliders: sliders(100) }, inOutlook: true, result: null, answered: 1, planned: 0 });
    expect(planCurrent(warned.whatIf)).toBe(false);
    const r = whatIf(7);
    const planned = whatIfAnswered(warned, s.whatIf.round, last(s), r);
    expect(planned.whatIf).toMatchObject({ result: r, resultSeq: 1, answered: 1, planned: 1 });
    expect(planCurrent(planned.whatIf)).toBe(true);
    // The warnings of an earlier ask never replace a later one's.
    const moved = askedAt(150, planned);
    const later = whatIfOutlookAnswered(moved, s.whatIf.round, last(moved), whatIf(9));
    expect(whatIfOutlookAnswered(later, s.whatIf.round, last(s), whatIf(7))).toBe(later);
  });

  it('drops a plan for a position the sliders have left (the latest one\'s is made next), and keeps the last one drawn as an earlier position\'s', () => {
    const s = askedAt(100);
    const first = whatIf(1);
    const planned = whatIfAnswered(s, s.whatIf.round, last(s), first);
    const moved = askedAt(200, planned);
    expect(planCurrent(moved.whatIf)).toBe(false);
    expect(whatIfAnswered(moved, s.whatIf.round, last(s), whatIf(2))).toBe(moved);
    const latest = whatIf(3);
    const now = whatIfAnswered(moved, s.whatIf.round, last(moved), latest);
    expect(now.whatIf).toMatchObject({ result: latest, resultSeq: 2, outlook: { peakGapMW: 3, seq: 2, sliders: sliders(200) } });
    expect(planCurrent(now.whatIf)).toBe(true);
  });

  it('shows an answer in the outlook with the verifier\'s word still to come, and counts it', () => {
    const s = askedAt(50);
    const r = whatIf(1);
    const answered = whatIfAnswered(s, s.whatIf.round, last(s), r);
    expect(answered.whatIf).toMatchObject({ result: r, inOutlook: true, verified: null, answered: 1, planned: 1 });
    expect(whatIfChecked(answered, r, true).whatIf.verified).toBe(true);
  });

  it('takes the word of a what-if verified where it was made at once', () => {
    const s = askedAt(50);
    expect(whatIfAnswered(s, s.whatIf.round, last(s), whatIf(1, false)).whatIf.verified).toBe(false);
  });

  it('drops the verifier\'s word on a what-if a newer one replaced', () => {
    const s = askedAt(50);
    const older = whatIf(1);
    const once = whatIfAnswered(s, s.whatIf.round, last(s), older);
    const moved = askedAt(60, once);
    const now = whatIfAnswered(moved, s.whatIf.round, last(moved), whatIf(2));
    expect(whatIfChecked(now, older, false)).toBe(now);
  });

  it('Reset puts the sliders at rest and the forecast\'s outlook back, keeps the last what-if plan drawn, and drops answers asked for before it', () => {
    const before = askedAt(250);
    const r = whatIf(1);
    const answered = whatIfAnswered(before, before.whatIf.round, last(before), r);
    const reset = whatIfReset(answered);
    expect(reset.whatIf).toMatchObject({ sliders: sliders(0), asked: { lostMW: 250 }, pending: false, planPending: false, result: r, inOutlook: false });
    expect(whatIfAnswered(reset, before.whatIf.round, last(before), whatIf(2))).toBe(reset);
    expect(whatIfOutlookAnswered(reset, before.whatIf.round, last(before), whatIf(2))).toBe(reset);
    expect(whatIfChecked(reset, r, true)).toBe(reset);
  });

  it('sets the sliders up afresh when a scenario is assessed: no what-if plan until they move', () => {
    const asked = askedAt(250);
    const s = whatIfAnswered(asked, 1, last(asked), whatIf(1));
    const again = assessedWith([], s);
    expect(again.whatIf).toMatchObject({ sliders: sliders(0), outlook: null, result: null, inOutlook: false, verified: null, answered: s.whatIf.answered });
  });
});

describe('a history CSV', () => {
  const csv = (text: string) => new TextEncoder().encode(text);

  it('is not offered before the open scenario\'s areas are known (every area forecast)', () => {
    const [a, ticket] = choose(initialState('en'));
    const s = show(a, ticket, 'a.json');
    expect(csvOffered(s, 'S03.csv', csv('time,load_kw\n'))).toBe(s);
  });

  it('offers its columns with the time and the load guessed from the header, and kW from the load column\'s name', () => {
    const [a, ticket] = choose(initialState('en'));
    const s = forecastReady(show(a, ticket, 'a.json'), ticket, forecast, [{ id: 'S03', parent: null, name: 'Sub 3', kind: 'substation' } as never]);
    const offer = csvOffered(s, 'S03.csv', csv('\uFEFF"time",load_kw,temp\n2024-07-01 00:00,1200,30\n')).csv!;
    expect(offer).toMatchObject({ name: 'S03.csv', columns: ['time', 'load_kw', 'temp'], time: 'time', load: 'load_kw', unit: 'kW' });
    expect(offer.scenario).toMatchObject({ name: 'a.json', timeZone: 'Asia/Shanghai', areas: [{ id: 'S03', name: 'Sub 3', kind: 'substation' }] });
    expect(csvOffered(s, 'x.csv', csv('when,value\n')).csv).toMatchObject({ columns: ['when', 'value'], unit: 'MW' });
  });
});

describe('the scrubber\'s first hour', () => {
  it('is the hour of the largest need in any area the plan covers: a local plan has no system need', () => {
    const local = { system: { requiredMW: [0, 0, 0, 0] }, local: [{ requiredMW: [0, 2, 6, 1] }] } as unknown as Parameters<typeof peakHour>[0];
    expect(peakHour(local)).toBe(2);
    const both = { system: { requiredMW: [0, 9, 3, 0] }, local: [{ requiredMW: [0, 2, 6, 1] }] } as unknown as Parameters<typeof peakHour>[0];
    expect(peakHour(both)).toBe(1);
    expect(peakHour({ system: { requiredMW: [0, 0] }, local: [] } as unknown as Parameters<typeof peakHour>[0])).toBe(0);
  });
});

describe('the status line', () => {
  it('keeps what it said in words in both languages, so a language change can follow it', () => {
    const s = statusSaid(initialState('en'), 'heat-wave.json — warnings drawn', 'ok', null, { en: 'heat-wave.json — warnings drawn', zh: 'heat-wave.json — 预警已生成' });
    expect(s.status?.texts?.zh).toBe('heat-wave.json — 预警已生成');
    expect(statusSaid(s, 'plain').status).toEqual({ text: 'plain', kind: 'ok', retry: null });
  });
});
