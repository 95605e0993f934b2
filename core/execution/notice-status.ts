/**
 * The status of each notice, as the people who send them record it: 待通知 to notify → 已通知
 * notified → 已确认 acknowledged → 执行中 executing → 已执行 executed, or 未执行到位 not executed
 * (from notified, acknowledged or executing: a customer who never confirmed, or confirmed and did
 * not follow through). Every step carries its time (with its offset) and who recorded it; a step
 * the machine does not allow, out of time order, or for a notice the plan does not have, is
 * refused with its place — the record is evidence, so nothing in it is guessed or reordered.
 */
import { CONTROL_CHARACTERS, describeValue, type Problem } from '../problems.ts';
import { parseTimestamp } from '../time/timestamp.ts';
import type { Notice } from './notices.ts';

export const NOTICE_STATES = ['to-notify', 'notified', 'acknowledged', 'executing', 'executed', 'not-executed'] as const;
export type NoticeState = (typeof NOTICE_STATES)[number];

export const STATE_NAMES: Record<NoticeState, { zh: string; en: string }> = {
  'to-notify': { zh: '待通知', en: 'to notify' },
  notified: { zh: '已通知', en: 'notified' },
  acknowledged: { zh: '已确认', en: 'acknowledged' },
  executing: { zh: '执行中', en: 'executing' },
  executed: { zh: '已执行', en: 'executed' },
  'not-executed': { zh: '未执行到位', en: 'not executed' },
};

/** The steps allowed from each state. */
export const NEXT_STATES: Record<NoticeState, readonly NoticeState[]> = {
  'to-notify': ['notified'],
  notified: ['acknowledged', 'not-executed'],
  acknowledged: ['executing', 'not-executed'],
  executing: ['executed', 'not-executed'],
  executed: [],
  'not-executed': [],
};

export interface NoticeStep {
  from: NoticeState;
  to: NoticeState;
  at: string;
  atMs: number;
  by: string;
  note?: string;
}

export interface NoticeRecord {
  notice: string;
  state: NoticeState;
  steps: NoticeStep[];
}

/** A step as written in a status log: `{ notice, to, at, by, note? }`. */
export interface NoticeEvent {
  notice: string;
  to: NoticeState;
  at: string;
  by: string;
  note?: string;
}

const name = (s: NoticeState) => `${STATE_NAMES[s].zh} ${STATE_NAMES[s].en}`;
const CONTROL = new RegExp(`[${CONTROL_CHARACTERS}]`);

export function freshRecord(notice: string): NoticeRecord {
  return { notice, state: 'to-notify', steps: [] };
}

/**
 * One step on a record: the new record, or the problem (at `path`) that refuses it. The record
 * given is not changed.
 */
export function step(record: NoticeRecord, event: unknown, path: string): { ok: true; record: NoticeRecord } | { ok: false; problem: Problem } {
  const fail = (where: string, message: string) => ({ ok: false as const, problem: { path: `${path}${where}`, message } });
  if (typeof event !== 'object' || event === null || Array.isArray(event)) return fail('', `expected a step { notice, to, at, by }, found ${describeValue(event)}`);
  const e = event as Record<string, unknown>;
  for (const key of Object.keys(e)) if (!['notice', 'to', 'at', 'by', 'note'].includes(key)) return fail(`.${key}`, 'expected only notice, to, at, by and note, found this field too');
  if (typeof e.to !== 'string' || !(NOTICE_STATES as readonly string[]).includes(e.to)) return fail('.to', `expected one of ${NOTICE_STATES.join(', ')}, found ${describeValue(e.to)}`);
  const to = e.to as NoticeState;
  const at = typeof e.at === 'string' ? parseTimestamp(e.at) : null;
  if (!at) return fail('.at', `expected a time with its UTC offset (2024-07-21T16:05+08:00), found ${describeValue(e.at)}`);
  if (typeof e.by !== 'string' || !e.by.trim() || e.by.length > 100 || CONTROL.test(e.by)) return fail('.by', `expected who recorded the step (a name of 1–100 characters without control characters), found ${describeValue(e.by)}`);
  if (e.note !== undefined && (typeof e.note !== 'string' || e.note.length > 400 || CONTROL.test(e.note))) return fail('.note', `expected a note of at most 400 characters without control characters, found ${describeValue(e.note)}`);
  const allowed = NEXT_STATES[record.state];
  if (!allowed.includes(to)) {
    return fail('.to', `expected a step from ${name(record.state)} to ${allowed.length ? allowed.map(name).join(' or ') : 'nothing (it is final)'}, found ${name(to)}`);
  }
  const last = record.steps[record.steps.length - 1];
  if (last && at.ms < last.atMs) return fail('.at', `expected a time no earlier than the notice's last step (${last.at}, ${name(last.to)}), found ${e.at}`);
  const s: NoticeStep = { from: record.state, to, at: e.at as string, atMs: at.ms, by: e.by, ...(typeof e.note === 'string' ? { note: e.note } : {}) };
  return { ok: true, record: { notice: record.notice, state: to, steps: [...record.steps, s] } };
}

/** A whole status log applied to a plan's notices: every record, or every problem of the log. */
export function applyLog(notices: Notice[], log: unknown, file: string): { ok: true; records: Map<string, NoticeRecord> } | { ok: false; problems: Problem[] } {
  const records = new Map(notices.map((n) => [n.id, freshRecord(n.id)]));
  const events = typeof log === 'object' && log !== null && !Array.isArray(log) ? (log as { steps?: unknown }).steps : undefined;
  if (!Array.isArray(events)) return { ok: false, problems: [{ path: file, message: `expected a status log { "steps": [ { "notice", "to", "at", "by" }, … ] }, found ${describeValue(log)}` }] };
  const problems: Problem[] = [];
  events.forEach((e, i) => {
    const path = `${file}: steps[${i}]`;
    const id = (e as { notice?: unknown } | null)?.notice;
    const r = typeof id === 'string' ? records.get(id) : undefined;
    if (!r) { problems.push({ path: `${path}.notice`, message: `expected a notice of the plan (customer@date, e.g. ${notices[0]?.id ?? 'C0001@2024-07-22'}), found ${describeValue(id)}` }); return; }
    const next = step(r, e, path);
    if (!next.ok) problems.push(next.problem);
    else records.set(r.notice, next.record);
  });
  return problems.length ? { ok: false, problems } : { ok: true, records };
}

export interface NoticeAlarm {
  notice: string;
  customer: string;
  deadline: string;
  state: NoticeState;
  /** Not notified at all, or notified and not acknowledged, once the deadline has passed. */
  kind: 'not-notified' | 'not-acknowledged';
  overdueMinutes: number;
}

/**
 * Alarms at an instant: every notice whose deadline has passed while it is still to be notified
 * or not yet acknowledged. A notice acknowledged after its deadline raises none any more, but its
 * record keeps the times.
 */
export function noticeAlarms(notices: Notice[], records: Map<string, NoticeRecord>, atMs: number): NoticeAlarm[] {
  const out: NoticeAlarm[] = [];
  for (const n of notices) {
    if (n.deadlineMs >= atMs) continue;
    const state = records.get(n.id)?.state ?? 'to-notify';
    if (state !== 'to-notify' && state !== 'notified') continue;
    out.push({ notice: n.id, customer: n.customer, deadline: n.deadline, state, kind: state === 'to-notify' ? 'not-notified' : 'not-acknowledged', overdueMinutes: Math.floor((atMs - n.deadlineMs) / 60_000) });
  }
  return out;
}
