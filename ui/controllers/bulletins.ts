/**
 * The bulletins issued for the open scenario: its log read once the scenario is assessed, and the
 * bulletin shown logged as issued (compared with the last one logged: what escalated or eased, as
 * `orderly warn --previous` says), kept in IndexedDB under the scenario's id.
 */
import { logBulletin } from '../../core/warning/bulletin-log.ts';
import { formatInZone, resolveZone } from '../../core/time/zone.ts';
import { loadBulletinLog, saveBulletinLog } from '../plan-store.ts';
import { bulletinLogChanged, bulletinLogRead } from '../state.ts';
import type { Page } from './page.ts';

export interface BulletinWork {
  /** The log of the scenario of the open dispatch. */
  read(): Promise<void>;
  /** The bulletin shown, logged as issued now (by `by`, where a name is given). */
  issue(by: string): Promise<void>;
}

export function createBulletins(page: Page): BulletinWork {
  const { store, say } = page;

  async function read(): Promise<void> {
    const s = store.get(), d = s.dispatch, id = s.scenario?.view.summary?.id;
    if (!d?.bulletin || !id) return;
    const entries = await loadBulletinLog(id).catch(() => []);
    store.update((st) => bulletinLogRead(st, d.session, id, entries));
  }

  async function issue(by: string): Promise<void> {
    const s = store.get(), d = s.dispatch, log = s.bulletinLog;
    if (!d?.bulletin || !log || log.session !== d.session) return;
    // Logged at the machine's clock, written in the scenario's zone (as its bulletins are).
    const zone = resolveZone(s.scenario?.view.summary?.timeZone ?? 'UTC') ?? resolveZone('UTC')!;
    const answer = logBulletin(log.entries, d.bulletin, formatInZone(Date.now(), zone), by.trim() || undefined);
    if (!answer.ok) { store.update((st) => bulletinLogChanged(st, log, { refused: answer.why })); return; }
    try {
      await saveBulletinLog(log.scenario, answer.log);
    } catch (error) {
      store.update((st) => bulletinLogChanged(st, log, { refused: 'not-saved' }));
      say(`${page.word('notSaved')}: ${(error as Error).message}`, 'error');
      return;
    }
    store.update((st) => bulletinLogChanged(st, log, { entries: answer.log }));
  }

  return { read, issue };
}
