/**
 * The state a notice's meters imply, offered to the dispatcher to confirm (never recorded by
 * itself: the record is the dispatcher's evidence). A customer judged at or above the threshold
 * of its order (是否执行: yes) implies 已执行 executed; one below it implies 未执行到位 not executed;
 * a customer not judged (no readings, no baseline) implies nothing. The steps to get there are
 * offered only where they invent nobody's word: executed from 已确认 acknowledged passes through
 * 执行中 executing (the meters show the customer did execute), but never through an
 * acknowledgement the customer did not give — from 已通知 notified only "not executed" is offered.
 */
import type { CustomerCompliance } from './compliance.ts';
import type { NoticeState } from './notice-status.ts';

export interface ImpliedState {
  to: 'executed' | 'not-executed';
  /** The customer's completion rate that day (share of the order delivered). */
  completion: number;
  /** The steps to record, in order, from the notice's state. */
  path: NoticeState[];
}

const PATHS: Record<ImpliedState['to'], Partial<Record<NoticeState, NoticeState[]>>> = {
  executed: { acknowledged: ['executing', 'executed'], executing: ['executed'] },
  'not-executed': { notified: ['not-executed'], acknowledged: ['not-executed'], executing: ['not-executed'] },
};

export function impliedState(state: NoticeState, judged: Pick<CustomerCompliance, 'completion' | 'executed'> | undefined): ImpliedState | null {
  if (!judged || judged.completion === null) return null;
  const to = judged.executed ? 'executed' : 'not-executed';
  const path = PATHS[to][state];
  return path ? { to, completion: judged.completion, path } : null;
}

/** The note each confirmed step carries: where the state came from (in both languages, as the log is read by either). */
export function impliedNote(s: ImpliedState): string {
  const pct = `${(100 * s.completion).toFixed(1)} %`;
  return `计量完成率 ${pct}，调度员确认 / confirmed by the dispatcher from the meters: completion ${pct}`;
}
