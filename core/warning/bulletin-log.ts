/**
 * The log of bulletins issued for one scenario (the page's counterpart of `orderly warn
 * --previous`): each entry the bulletin as issued — its times, levels and announced periods — and,
 * against the entry before it, which periods escalated, eased, are new or ended
 * (compareBulletins, as the command line compares). A bulletin is logged once: the same bulletin
 * again (same issue time and periods) is refused, and so is another grid's.
 */
import { compareBulletins, type Bulletin, type BulletinChange } from './bulletin.ts';

export interface BulletinLogEntry {
  area: { id: string; name: string };
  issuedAt: string;
  validFrom: string;
  validUntil: string;
  level: Bulletin['level'];
  levelAtConfidence: Bulletin['levelAtConfidence'];
  periods: Bulletin['periods'];
  /** Against the entry before (none for the first). */
  changes: BulletinChange[];
  /** When it was logged (the machine's clock, with its offset), and by whom where a name was given. */
  loggedAt: string;
  by?: string;
}

export type LogAnswer = { ok: true; log: BulletinLogEntry[]; entry: BulletinLogEntry } | { ok: false; why: 'same' | 'other-area'; last: BulletinLogEntry };

const samePeriods = (a: Bulletin['periods'], b: Bulletin['periods']) => JSON.stringify(a) === JSON.stringify(b);

/** The changes a bulletin would be logged with: against the last entry (none when the log is empty). */
export function changesSinceLast(log: BulletinLogEntry[], b: Pick<Bulletin, 'periods'>): BulletinChange[] {
  const last = log[log.length - 1];
  return compareBulletins(last ?? null, b.periods);
}

export function logBulletin(log: BulletinLogEntry[], b: Bulletin, loggedAt: string, by?: string): LogAnswer {
  const last = log[log.length - 1];
  if (last && last.area.id !== b.area.id) return { ok: false, why: 'other-area', last };
  if (last && last.issuedAt === b.issuedAt && last.level === b.level && samePeriods(last.periods, b.periods)) return { ok: false, why: 'same', last };
  const entry: BulletinLogEntry = {
    area: { ...b.area }, issuedAt: b.issuedAt, validFrom: b.validFrom, validUntil: b.validUntil, level: b.level, levelAtConfidence: b.levelAtConfidence,
    periods: b.periods, changes: changesSinceLast(log, b), loggedAt, ...(by ? { by } : {}),
  };
  return { ok: true, log: [...log, entry], entry };
}

/** The changes counted by kind, for a line of the log. */
export function changeCounts(changes: BulletinChange[]): Record<BulletinChange['kind'], number> {
  const out = { escalated: 0, eased: 0, new: 0, ended: 0 };
  for (const c of changes) out[c.kind]++;
  return out;
}
