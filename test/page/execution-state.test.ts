/**
 * The day of execution's transitions (ui/execution-state.ts and executionUpdated in ui/state.ts),
 * in plain Node: the clock that never runs before the issue time, steps that grow the log, pages
 * kept within the list, the day shown after meters are judged, and answers for a plan since
 * replaced dropped.
 */
import { describe, expect, it } from 'vitest';
import type { ExecutionResult } from '../../core/execution/execute.ts';
import type { NoticeEvent, NoticeRecord } from '../../core/execution/notice-status.ts';
import {
  clockMoved, dayChosen, executionJudged, executionStarted, metersCleared, metersGiven, metersRefused, noticesFiltered, pageCount, paged, policyChosen, stepsRecorded,
} from '../../ui/execution-state.ts';
import { bulletinLogChanged, bulletinLogRead, dispatchOpened, executionOpened, executionUpdated, initialState, type Opened } from '../../ui/state.ts';
import type { BulletinLogEntry } from '../../core/warning/bulletin-log.ts';

const ISSUED = Date.parse('2024-07-21T02:00:00Z'); // 10:00 in Shanghai
const start = () => executionStarted(3, 'plan-a', 'sha|plan-a', 'Asia/Shanghai', ISSUED);
const result = (dates: string[]) => ({ days: dates.map((date) => ({ compliance: { date } })), daysNotMetered: [] }) as unknown as ExecutionResult;

describe('the page\'s clock', () => {
  it('starts at the issue time, moves by the hours asked, and never runs before the issue time', () => {
    const x = start();
    expect(x.clockMs).toBe(ISSUED);
    const later = clockMoved(x, 6);
    expect(later.clockMs).toBe(ISSUED + 6 * 3_600_000);
    expect(clockMoved(later, -1).clockMs).toBe(ISSUED + 5 * 3_600_000);
    expect(clockMoved(x, -1)).toBe(x); // already at the issue time: nothing changes
    expect(clockMoved(later, null).clockMs).toBe(ISSUED);
  });
});

describe('steps and lists', () => {
  it('a step recorded grows the log by it and changes its notice\'s record only', () => {
    const x = start();
    const event: NoticeEvent = { notice: 'C1@2024-07-23', to: 'notified', at: '2024-07-21T10:00+08:00', by: '王调度' };
    const record: NoticeRecord = { notice: 'C1@2024-07-23', state: 'notified', steps: [{ from: 'to-notify', to: 'notified', at: event.at, atMs: ISSUED, by: '王调度' }] };
    const y = stepsRecorded({ ...x, refused: 'earlier refusal' }, [event], [record]);
    expect(y.log).toEqual([event]);
    expect(y.records.get('C1@2024-07-23')!.state).toBe('notified');
    expect(y.refused).toBeNull();
    expect(x.records.size).toBe(0); // the state given is not changed
  });

  it('counts pages of 25 rows and keeps the page asked for within them; a new filter starts at the first', () => {
    expect([pageCount(0), pageCount(25), pageCount(26), pageCount(6193)]).toEqual([1, 1, 2, 248]);
    const x = paged(start(), 'notices', 9, 3);
    expect(x.pages.notices).toBe(2);
    expect(paged(x, 'notices', -4, 3).pages.notices).toBe(0);
    expect(noticesFiltered(x, 'alarms').pages.notices).toBe(0);
  });
});

describe('meters and compliance', () => {
  it('shows the story\'s day once judged, else the last day judged, and keeps a day chosen that is still there', () => {
    const story = metersGiven(start(), { name: 'm.csv', bytes: new Uint8Array(), story: { date: '2024-07-24', short: [], late: null, dippedFeeder: null, dipHours: [] } });
    expect(story.judging).toBe(true);
    expect(executionJudged(story, result(['2024-07-23', '2024-07-24', '2024-07-25'])).day).toBe('2024-07-24');
    const own = metersGiven(start(), { name: 'm.csv', bytes: new Uint8Array() });
    const judged = executionJudged(own, result(['2024-07-23', '2024-07-25']));
    expect(judged.day).toBe('2024-07-25');
    expect(executionJudged(dayChosen(judged, '2024-07-23'), result(['2024-07-23', '2024-07-25'])).day).toBe('2024-07-23');
    expect(executionJudged(own, result([])).day).toBeNull();
  });

  it('keeps what was judged when a later meter file is refused, and judges again on a new baseline only when there are meters', () => {
    const judged = executionJudged(metersGiven(start(), { name: 'a.csv', bytes: new Uint8Array() }), result(['2024-07-25']));
    const refused = metersRefused(metersGiven(judged, { name: 'b.csv', bytes: new Uint8Array() }), 'b.csv', [{ path: 'b.csv:row 2', message: 'expected a customer' }], 1);
    expect(refused.result).toBe(judged.result);
    expect(refused.meterProblems!.name).toBe('b.csv');
    expect(refused.judging).toBe(false);
    expect(policyChosen(start(), 'beijing').judging).toBe(false);
    expect(policyChosen(judged, 'beijing').judging).toBe(true);
  });

  it('clears the meters with what was made from them (compliance, the day, the re-plan), and leaves the notices and their steps', () => {
    const judged = executionJudged(metersGiven(start(), { name: 'm.csv', bytes: new Uint8Array(1) }), result(['2024-07-25']));
    const replanned = { ...judged, replan: { atMs: ISSUED, ok: false as const, problems: [] } };
    const x = metersCleared(replanned);
    expect([x.meters, x.result, x.day, x.replan, x.judging]).toEqual([null, null, null, null, false]);
    expect(x.log).toBe(replanned.log);
    expect(x.records).toBe(replanned.records);
    expect(metersCleared(x)).toBe(x); // nothing left to clear
  });

  it('drops an answer for a plan or an opening since replaced', () => {
    const s = executionOpened(initialState('en'), start());
    const moved = executionUpdated(s, { session: 3, planId: 'plan-a' }, (x) => clockMoved(x, 1));
    expect(moved.execution!.clockMs).toBe(ISSUED + 3_600_000);
    expect(executionUpdated(s, { session: 3, planId: 'plan-b' }, (x) => clockMoved(x, 1))).toBe(s);
    expect(executionUpdated(s, { session: 2, planId: 'plan-a' }, (x) => clockMoved(x, 1))).toBe(s);
  });
});

describe('the bulletins issued', () => {
  const opened = { name: 'a.json', sha256: 'sha', data: {}, forecast: {} } as unknown as Opened;
  const entry = { issuedAt: '2024-07-21T10:00+08:00' } as BulletinLogEntry;
  it('reads the log for the opening it was asked for, and changes it only for the same opening and scenario', () => {
    const s = dispatchOpened(initialState('en'), opened, false);
    const session = s.dispatch!.session;
    const read = bulletinLogRead(s, session, 'heat-wave', []);
    expect(read.bulletinLog).toEqual({ session, scenario: 'heat-wave', entries: [], refused: null });
    expect(bulletinLogRead(s, session + 1, 'heat-wave', [])).toBe(s);
    const refused = bulletinLogChanged(read, { session, scenario: 'heat-wave' }, { refused: 'same' });
    expect(refused.bulletinLog?.refused).toBe('same');
    // A bulletin logged clears the refusal.
    const logged = bulletinLogChanged(refused, { session, scenario: 'heat-wave' }, { entries: [entry] });
    expect([logged.bulletinLog?.entries, logged.bulletinLog?.refused]).toEqual([[entry], null]);
    expect(bulletinLogChanged(read, { session, scenario: 'other' }, { entries: [entry] })).toBe(read);
  });
});
