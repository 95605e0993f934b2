/**
 * The log of bulletins issued for a scenario: each entry against the one before it — a period
 * that went from III to II escalated, one from II to IV eased, one newly warned, one no longer
 * warned — the first entry with no changes, the same bulletin refused the second time, another
 * grid's refused.
 */
import { describe, expect, it } from 'vitest';
import { changeCounts, changesSinceLast, logBulletin, type BulletinLogEntry } from '../../core/warning/bulletin-log.ts';
import type { Bulletin, BulletinPeriod } from '../../core/warning/bulletin.ts';

const period = (date: string, fromHour: number, level: BulletinPeriod['level']): BulletinPeriod => ({
  area: 'C', areaName: 'Jiangcheng', scope: 'system', date, fromHour, toHour: fromHour + 4, level, levelAtConfidence: level,
  peakGapMW: 100, peakGapPct: 8, peakGapAtConfidenceMW: 120, gapMWh: 300, probabilityAtLeast: { IV: 1, III: 0.5, II: 0.1, I: 0 },
});
const bulletin = (issuedAt: string, periods: BulletinPeriod[], area = 'C'): Bulletin => ({
  format: 'orderly-bulletin/1', area: { id: area, name: 'Jiangcheng' }, issuedAt, validFrom: '2024-07-22T00:00+08:00', validUntil: '2024-07-29T00:00+08:00',
  confidence: 0.9, level: 'II', levelAtConfidence: 'II', leadTimeHours: 5, periods, energy: [], prepare: { en: [], zh: [] }, changes: [], text: { en: '', zh: '' },
});

const monday = bulletin('2024-07-21T10:00+08:00', [period('2024-07-22', 15, 'III'), period('2024-07-23', 15, 'II'), period('2024-07-24', 15, 'IV')]);
const tuesday = bulletin('2024-07-22T10:00+08:00', [period('2024-07-22', 15, 'II'), period('2024-07-23', 15, 'IV'), period('2024-07-25', 15, 'III')]);

describe('the log of bulletins issued', () => {
  it('logs the first bulletin with no changes, and the next with what escalated, eased, is new and ended against it', () => {
    const one = logBulletin([], monday, '2024-07-21T10:05+08:00', '王调度');
    if (!one.ok) throw new Error(one.why);
    expect(one.entry.changes).toEqual([]);
    expect(one.entry.by).toBe('王调度');
    const two = logBulletin(one.log, tuesday, '2024-07-22T10:05+08:00');
    if (!two.ok) throw new Error(two.why);
    expect(two.log.length).toBe(2);
    expect(two.entry.changes.map((c) => [c.date, c.kind, c.was, c.now])).toEqual([
      ['2024-07-22', 'escalated', 'III', 'II'],
      ['2024-07-23', 'eased', 'II', 'IV'],
      ['2024-07-24', 'ended', 'IV', 'none'],
      ['2024-07-25', 'new', 'none', 'III'],
    ]);
    expect(changeCounts(two.entry.changes)).toEqual({ escalated: 1, eased: 1, new: 1, ended: 1 });
    // What a bulletin would be logged with, before it is.
    expect(changesSinceLast(one.log, tuesday).length).toBe(4);
    expect(changesSinceLast([], tuesday)).toEqual([]);
  });

  it('refuses the same bulletin twice, and another grid\'s bulletin', () => {
    const log: BulletinLogEntry[] = (logBulletin([], monday, '2024-07-21T10:05+08:00') as { log: BulletinLogEntry[] }).log;
    expect(logBulletin(log, monday, '2024-07-21T10:06+08:00')).toMatchObject({ ok: false, why: 'same' });
    expect(logBulletin(log, bulletin('2024-07-22T10:00+08:00', [], 'D'), '2024-07-22T10:05+08:00')).toMatchObject({ ok: false, why: 'other-area' });
  });
});
