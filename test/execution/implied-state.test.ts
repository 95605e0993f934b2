/**
 * The state the meters imply for a notice, offered to the dispatcher to confirm: executed for a
 * customer at or above the threshold, not executed below it, nothing for one not judged; and the
 * steps offered never invent an acknowledgement.
 */
import { describe, expect, it } from 'vitest';
import { impliedNote, impliedState } from '../../core/execution/implied-state.ts';
import { freshRecord, step, type NoticeRecord } from '../../core/execution/notice-status.ts';

// A customer ordered 2 MW for 3 h (6 MWh) who delivered 6 MWh (100 %), one who delivered 3.6 MWh (60 %).
const full = { completion: 6 / 6, executed: true };
const short = { completion: 3.6 / 6, executed: false };

describe('the state the meters imply', () => {
  it('offers executed through executing for an acknowledged customer at 100 %, and executed alone once executing', () => {
    expect(impliedState('acknowledged', full)).toEqual({ to: 'executed', completion: 1, path: ['executing', 'executed'] });
    expect(impliedState('executing', full)).toEqual({ to: 'executed', completion: 1, path: ['executed'] });
  });

  it('offers not executed for a customer at 60 %, from notified, acknowledged or executing', () => {
    for (const st of ['notified', 'acknowledged', 'executing'] as const) expect(impliedState(st, short)).toEqual({ to: 'not-executed', completion: 0.6, path: ['not-executed'] });
  });

  it('offers nothing that would invent an acknowledgement, nothing for a notice not yet notified or already final, and nothing for a customer not judged', () => {
    expect(impliedState('notified', full)).toBeNull();
    expect(impliedState('to-notify', short)).toBeNull();
    expect(impliedState('executed', short)).toBeNull();
    expect(impliedState('not-executed', full)).toBeNull();
    expect(impliedState('acknowledged', { completion: null, executed: false })).toBeNull();
    expect(impliedState('acknowledged', undefined)).toBeNull();
  });

  it('gives steps the status machine accepts, each with the note of where it came from', () => {
    let r: NoticeRecord = freshRecord('I1@2024-07-03');
    for (const [to, at] of [['notified', '2024-07-02T16:00+08:00'], ['acknowledged', '2024-07-02T17:00+08:00']] as const) {
      const next = step(r, { notice: r.notice, to, at, by: '王' }, 'x');
      if (!next.ok) throw new Error(next.problem.message);
      r = next.record;
    }
    const implied = impliedState(r.state, full)!;
    for (const to of implied.path) {
      const next = step(r, { notice: r.notice, to, at: '2024-07-03T22:00+08:00', by: '王', note: impliedNote(implied) }, 'x');
      expect(next.ok).toBe(true);
      if (next.ok) r = next.record;
    }
    expect(r.state).toBe('executed');
    expect(r.steps.at(-1)!.note).toBe('计量完成率 100.0 %，调度员确认 / confirmed by the dispatcher from the meters: completion 100.0 %');
  });
});
