/**
 * The day of execution on the page: the notices of one plan with the steps recorded on them, the
 * page's clock (alarms are judged at it and steps are recorded at it: an explicit time, so what
 * the page shows does not depend on when it is looked at), the meters read in, and what execution
 * made of them. Pure transitions, as in state.ts; the engine calls are in controllers/execution.ts.
 */
import type { ScenarioRevision } from '../core/execution/replan-scenario.ts';
import type { BaselinePolicy } from '../core/execution/baselines.ts';
import type { ExecutionResult } from '../core/execution/execute.ts';
import type { MeterUnit } from '../core/execution/meters.ts';
import type { Notice } from '../core/execution/notices.ts';
import type { NoticeEvent, NoticeRecord } from '../core/execution/notice-status.ts';
import type { Problem } from '../core/problems.ts';

export type NoticeFilter = 'all' | 'alarms' | 'open';

/** A meter file read in: the user's, or the story's (the generator's "what the meters saw"). */
export interface MeterFile {
  name: string;
  bytes: Uint8Array;
  unit?: MeterUnit;
  /** The story's script, when the file is the story's: who was short, who late, which feeder dipped. */
  story?: { date: string; short: string[]; late: string | null; dippedFeeder: string | null; dipHours: string[] };
}

export interface Execution {
  /** The dispatch opening it belongs to, and the plan worked. */
  session: number;
  planId: string;
  /** Where its steps are kept: the scenario's content hash and the plan. */
  key: string;
  timeZone: string;
  /** The scenario's issue time: where the clock starts. */
  issuedMs: number;
  clockMs: number;
  notices: Notice[] | null;
  /** The steps recorded, in order (the status log `orderly notices --log` reads), and the records they make. */
  log: NoticeEvent[];
  records: Map<string, NoticeRecord>;
  filter: NoticeFilter;
  /** The day of execution whose notices are shown, or null for every day. */
  noticeDay: string | null;
  /** The page shown of each long list. */
  pages: Record<Paged, number>;
  /** Why the last step was refused, or null. */
  refused: string | null;
  meters: MeterFile | null;
  meterProblems: { name: string; problems: Problem[]; total: number } | null;
  policy: BaselinePolicy;
  /** Execution is being worked out in the engine. */
  judging: boolean;
  result: ExecutionResult | null;
  /** The day of the result shown. */
  day: string | null;
  /** The rest of the day re-planned at the page's clock (orderly replan), or why not; being worked out. */
  replan: ReplanAnswer | null;
  replanning: boolean;
}

/** A re-plan at `atMs`: the revision as the engine made and verified it, or the problems that stopped it. */
export type ReplanAnswer = { atMs: number; ok: true; result: ScenarioRevision; notifiedBy: 'log' | 'deadline' } | { atMs: number; ok: false; problems: Problem[] };

export const replanAsked = (x: Execution): Execution => ({ ...x, replanning: true });
export const replanAnswered = (x: Execution, answer: ReplanAnswer): Execution => ({ ...x, replan: answer, replanning: false });

export type Paged = 'notices' | 'short' | 'customers';
export const ROWS_PER_PAGE = 25;
const FIRST_PAGES: Record<Paged, number> = { notices: 0, short: 0, customers: 0 };

/** How many pages `rows` rows fill (one at least: an empty list is one empty page). */
export const pageCount = (rows: number): number => Math.max(1, Math.ceil(rows / ROWS_PER_PAGE));

export function executionStarted(session: number, planId: string, key: string, timeZone: string, issuedMs: number): Execution {
  return {
    session, planId, key, timeZone, issuedMs, clockMs: issuedMs, notices: null, log: [], records: new Map(), filter: 'all', noticeDay: null, pages: FIRST_PAGES, refused: null,
    meters: null, meterProblems: null, policy: 'jiangsu', judging: false, result: null, day: null, replan: null, replanning: false,
  };
}

/** The notices came back, with the log kept for them (already applied). */
export const noticesListed = (x: Execution, notices: Notice[], log: NoticeEvent[], records: Map<string, NoticeRecord>): Execution =>
  ({ ...x, notices, log, records, pages: { ...x.pages, notices: 0 } });

/** Steps recorded (one, or a page of notices at once): the log grows by them and the records of their notices change. */
export const stepsRecorded = (x: Execution, events: NoticeEvent[], records: NoticeRecord[]): Execution => {
  const next = new Map(x.records);
  for (const r of records) next.set(r.notice, r);
  return { ...x, log: [...x.log, ...events], records: next, refused: null };
};

export const stepRefused = (x: Execution, why: string): Execution => ({ ...x, refused: why });

/** The clock moved by `hours` (never before the issue time), or back to the issue time (null). */
export const clockMoved = (x: Execution, hours: number | null): Execution => {
  const clockMs = hours === null ? x.issuedMs : Math.max(x.issuedMs, x.clockMs + hours * 3_600_000);
  return clockMs === x.clockMs ? x : { ...x, clockMs, refused: null };
};

export const noticesFiltered = (x: Execution, filter: NoticeFilter): Execution => (x.filter === filter ? x : { ...x, filter, pages: { ...x.pages, notices: 0 } });

export const noticeDayChosen = (x: Execution, day: string | null): Execution => (x.noticeDay === day ? x : { ...x, noticeDay: day, pages: { ...x.pages, notices: 0 } });

/** A page of one of the long lists, kept within the `pages` it has. */
export const paged = (x: Execution, list: Paged, page: number, pages: number): Execution => {
  const p = Math.max(0, Math.min(pages - 1, page));
  return p === x.pages[list] ? x : { ...x, pages: { ...x.pages, [list]: p } };
};

/** A meter file is to be judged (with the baseline policy chosen). */
export const metersGiven = (x: Execution, meters: MeterFile): Execution => ({ ...x, meters, meterProblems: null, judging: true });

export const policyChosen = (x: Execution, policy: BaselinePolicy): Execution => (x.policy === policy ? x : { ...x, policy, judging: x.meters !== null });

/** What execution found: the last day judged shown (the story's day, when it is among them). */
export const executionJudged = (x: Execution, result: ExecutionResult): Execution => {
  const days = result.days.map((d) => d.compliance.date);
  const day = x.day && days.includes(x.day) ? x.day : x.meters?.story && days.includes(x.meters.story.date) ? x.meters.story.date : days[days.length - 1] ?? null;
  return { ...x, judging: false, result, day, pages: { ...x.pages, short: 0, customers: 0 }, meterProblems: null };
};

/** The meter file was refused: its problems shown, what was judged before stays. */
export const metersRefused = (x: Execution, name: string, problems: Problem[], total: number): Execution =>
  ({ ...x, judging: false, meterProblems: { name, problems, total } });

/** The meters cleared (and forgotten where they were kept): what they showed goes with them — compliance, the reports and the re-plan made from them. */
export const metersCleared = (x: Execution): Execution =>
  (x.meters || x.result || x.meterProblems || x.replan ? { ...x, meters: null, meterProblems: null, judging: false, result: null, day: null, replan: null, pages: { ...x.pages, short: 0, customers: 0 } } : x);

export const judgingEnded = (x: Execution): Execution => (x.judging ? { ...x, judging: false } : x);

export const dayChosen = (x: Execution, day: string): Execution => (x.day === day ? x : { ...x, day, pages: { ...x.pages, short: 0, customers: 0 } });
