/**
 * Notices as work (通知清单): the page's clock, the alarms of notices past their deadline and not
 * acknowledged, the count in each state, and a page of the list — deadline, customer, measures,
 * the hours and MW ordered, whom to call, the state with its last step, and the button for the
 * next step (notified, then acknowledged).
 */
import type { CustomerCompliance } from '../../core/execution/compliance.ts';
import { impliedNote, impliedState, type ImpliedState } from '../../core/execution/implied-state.ts';
import { NEXT_STATES, NOTICE_STATES, noticeAlarms, STATE_NAMES, type NoticeAlarm, type NoticeState } from '../../core/execution/notice-status.ts';
import { parseTimestamp } from '../../core/time/timestamp.ts';
import type { Notice } from '../../core/execution/notices.ts';
import { MEASURE_NAMES } from '../../core/scenario/classes.ts';
import { formatInZone, resolveZone } from '../../core/time/zone.ts';
import { pageCount, type Execution, type NoticeFilter, type Paged } from '../execution-state.ts';
import { hourWindows, mwText, overdueText, windowsWords } from '../execution-text.ts';
import { word, type Lang, type WordKey } from '../i18n.ts';
import { clockText, dateText } from '../time-text.ts';
import { $, option } from './dom.ts';
import { fillPager, fillTable, pageRows, type Cell } from './table.ts';

/** A step to record on a notice (with a note where it says where it came from: the meters). */
export interface StepAsked { notice: string; to: NoticeState; note?: string }

export interface NoticeActions {
  /** The steps given, in order: a row's, every row of the page still to notify, or the steps to the states the meters imply. */
  record(steps: StepAsked[]): void;
  page(list: Paged, page: number, pages: number): void;
}

/** The button of each step, in the page's words. */
const RECORD_WORD: Record<Exclude<NoticeState, 'to-notify'>, WordKey> = {
  notified: 'recordNotified', acknowledged: 'recordAcknowledged', executing: 'recordExecuting', executed: 'recordExecuted', 'not-executed': 'recordNotExecuted',
};

/**
 * Each notice's judged compliance on its day, where meters are in — and only once the page's
 * clock is past the notice's last ordered hour (a day is not executed before it is over). The end
 * is the first ordered hour plus the hours to the last one: exact in a zone without a daylight
 * saving change inside the ordered hours.
 */
function judgedAt(x: Execution): (n: Notice) => CustomerCompliance | undefined {
  const byDay = new Map((x.result?.days ?? []).map((d) => [d.compliance.date, new Map(d.compliance.customers.map((c) => [c.customer, c]))]));
  return (n) => {
    const first = n.mw.findIndex((v) => v > 0), last = n.mw.length - 1 - [...n.mw].reverse().findIndex((v) => v > 0);
    const start = parseTimestamp(n.firstHour);
    if (!start || first < 0 || x.clockMs < start.ms + (last + 1 - first) * 3_600_000) return undefined;
    return byDay.get(n.date)?.get(n.customer);
  };
}

const SVG = 'http://www.w3.org/2000/svg';

/** The MW ordered in each local hour, as 24 small bars (its figures in the label). */
function strip(n: Notice, lang: Lang): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'mw-strip');
  svg.setAttribute('width', '72');
  svg.setAttribute('height', '16');
  svg.setAttribute('viewBox', '0 0 72 16');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `${word('mwByHour', lang)}: ${n.mw.map((v, h) => (v > 0 ? `${String(h).padStart(2, '0')}:00 ${mwText(v, lang, 2)}` : '')).filter(Boolean).join(', ')}`);
  const peak = Math.max(...n.mw, 1e-9);
  n.mw.forEach((v, h) => {
    const r = document.createElementNS(SVG, 'rect');
    const height = v > 0 ? Math.max(1, (14 * v) / peak) : 0.5;
    r.setAttribute('x', String(3 * h));
    r.setAttribute('y', String(15 - height));
    r.setAttribute('width', '2.4');
    r.setAttribute('height', String(height));
    r.setAttribute('class', v > 0 ? 'on' : 'off');
    svg.append(r);
  });
  return svg;
}

export function filterNotices(notices: Notice[], x: Pick<Execution, 'records' | 'filter' | 'noticeDay'>, alarms: Map<string, NoticeAlarm>): Notice[] {
  const state = (n: Notice) => x.records.get(n.id)?.state ?? 'to-notify';
  const keep: Record<NoticeFilter, (n: Notice) => boolean> = {
    all: () => true,
    alarms: (n) => alarms.has(n.id),
    open: (n) => state(n) === 'to-notify' || state(n) === 'notified',
  };
  return notices.filter((n) => (x.noticeDay === null || n.date === x.noticeDay) && keep[x.filter](n));
}

export function renderNotices(x: Execution, lang: Lang, act: NoticeActions): void {
  const zone = resolveZone(x.timeZone)!;
  const clock = $('clock-time');
  clock.textContent = `${clockText(x.clockMs, x.timeZone, lang)} (UTC${formatInZone(x.clockMs, zone).slice(-6)})`;
  clock.dataset.at = formatInZone(x.clockMs, zone);
  const refused = $('notice-refused');
  refused.hidden = !x.refused;
  refused.textContent = x.refused ?? '';
  const notices = x.notices;
  $('notices-ready').hidden = !notices;
  // While a plan's notices are made, none of another plan's stay in the table.
  if (!notices) { $('notices-table').replaceChildren(); return; }
  const alarms = new Map(noticeAlarms(notices, x.records, x.clockMs).map((a) => [a.notice, a]));
  const line = $('notice-alarms');
  line.dataset.count = String(alarms.size);
  line.className = alarms.size ? 'alarm-line' : 'hint';
  line.textContent = alarms.size
    ? (lang === 'zh' ? `⚠ 告警：${alarms.size.toLocaleString('zh-CN')} 份通知已过截止时间仍未确认` : `⚠ Alarm: ${alarms.size.toLocaleString('en-US')} ${alarms.size === 1 ? 'notice is' : 'notices are'} past the deadline and not acknowledged`)
    : word('noAlarms', lang);
  const counts = new Map<NoticeState, number>();
  for (const n of notices) { const st = x.records.get(n.id)?.state ?? 'to-notify'; counts.set(st, (counts.get(st) ?? 0) + 1); }
  $('notice-counts').textContent = NOTICE_STATES
    .map((st) => `${STATE_NAMES[st][lang]} ${(counts.get(st) ?? 0).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US')}`).join(lang === 'zh' ? ' · ' : ' · ')
    + (lang === 'zh' ? `（共 ${notices.length.toLocaleString('zh-CN')} 份，每户每日一份）` : ` (${notices.length.toLocaleString('en-US')} notices, one per customer and day)`);
  // Whom to call comes from the scenario's optional contact fields: say how many it leaves without one.
  const without = notices.filter((n) => !n.contactName && !n.contactPhone).length;
  $('notice-contacts').hidden = !without;
  $('notice-contacts').textContent = lang === 'zh' ? `注意：${without.toLocaleString('zh-CN')} 份通知的用户在场景中没有联系人（“—”），须另行查找联系方式。` : `Note: ${without.toLocaleString('en-US')} of the notices are for customers the scenario gives no contact for ("—"): find whom to call elsewhere.`;
  document.querySelectorAll<HTMLButtonElement>('[data-notice-filter]').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.noticeFilter === x.filter)));

  // The days of execution, each with its count: a dispatcher works today's first.
  const byDay = new Map<string, number>();
  for (const n of notices) byDay.set(n.date, (byDay.get(n.date) ?? 0) + 1);
  const days = $<HTMLSelectElement>('notice-day');
  const count = (k: number) => (lang === 'zh' ? `${k.toLocaleString('zh-CN')} 份` : `${k.toLocaleString('en-US')} ${k === 1 ? 'notice' : 'notices'}`);
  const label = (text: string, k: number) => (lang === 'zh' ? `${text}（${count(k)}）` : `${text} (${count(k)})`);
  days.replaceChildren(option('', label(word('everyDay', lang), notices.length)),
    ...[...byDay.keys()].sort().map((d) => option(d, label(dateText(d, lang), byDay.get(d)!))));
  days.value = x.noticeDay ?? '';
  const shown = filterNotices(notices, x, alarms);
  // A list that shrank (fewer alarms once the clock moved back) shows its last page.
  const at = Math.min(x.pages.notices, pageCount(shown.length) - 1);
  // The whole page at once: every notice on it still to notify, marked notified (a call round done).
  const toNotify = pageRows(shown, at).filter((n) => (x.records.get(n.id)?.state ?? 'to-notify') === 'to-notify').map((n) => n.id);
  const all = document.createElement('button');
  all.className = 'button';
  all.id = 'mark-page-notified';
  all.disabled = !toNotify.length;
  all.textContent = lang === 'zh' ? `本页 ${toNotify.length} 份全部登记已通知` : `Mark the ${toNotify.length} on this page to notify as notified`;
  all.addEventListener('click', () => act.record(toNotify.map((notice) => ({ notice, to: 'notified' }))));
  // The states the meters imply for the page's notices, confirmed at once (the dispatcher's word, with the meters' note).
  const judged = judgedAt(x);
  const implied = new Map<string, ImpliedState>();
  for (const n of pageRows(shown, at)) {
    const i = impliedState(x.records.get(n.id)?.state ?? 'to-notify', judged(n));
    if (i) implied.set(n.id, i);
  }
  const confirmAll = document.createElement('button');
  confirmAll.className = 'button';
  confirmAll.id = 'confirm-page-implied';
  confirmAll.hidden = !x.result;
  confirmAll.disabled = !implied.size;
  confirmAll.textContent = lang === 'zh' ? `按计量数据确认本页 ${implied.size} 份的执行状态` : `Confirm the states the meters imply for ${implied.size} on this page`;
  confirmAll.addEventListener('click', () => act.record([...implied].flatMap(([notice, i]) => i.path.map((to) => ({ notice, to, note: impliedNote(i) })))));
  $('page-actions').replaceChildren(confirmAll, ' ', all);
  const rows = pageRows(shown, at).map((n) => {
    const record = x.records.get(n.id);
    const state = record?.state ?? 'to-notify';
    const alarm = alarms.get(n.id);
    const last = record?.steps[record.steps.length - 1];
    const deadline = document.createElement('span');
    deadline.textContent = clockText(n.deadlineMs, x.timeZone, lang);
    const deadlineCell: Cell = alarm ? { text: wrap(deadline, `${word('overdueBy', lang)} ${overdueText(alarm.overdueMinutes, lang)} · ${word(alarm.kind === 'not-notified' ? 'notNotified' : 'notAcknowledged', lang)}`), className: 'overdue' } : deadline;
    const who = [n.contactName, n.contactPhone].filter(Boolean).join(' ');
    const status = document.createElement('span');
    status.textContent = STATE_NAMES[state][lang];
    status.className = `state state-${state}`;
    const statusCell = last ? wrap(status, `${clockText(last.atMs, x.timeZone, lang)} · ${last.by}`) : status;
    // Every step the status machine allows from here, and first, where the meters are in, the state they imply to confirm.
    const buttons: HTMLButtonElement[] = [];
    const i = implied.get(n.id);
    if (i) {
      const b = document.createElement('button');
      b.className = 'button small implied';
      b.dataset.confirm = i.to;
      b.dataset.notice = n.id;
      const pct = `${(100 * i.completion).toFixed(1)} %`;
      b.textContent = lang === 'zh' ? `确认${STATE_NAMES[i.to].zh}（计量 ${pct}）` : `Confirm ${STATE_NAMES[i.to].en} (meters ${pct})`;
      b.setAttribute('aria-label', `${b.textContent}: ${n.customer} ${n.name}`);
      b.addEventListener('click', () => act.record(i.path.map((to) => ({ notice: n.id, to, note: impliedNote(i) }))));
      buttons.push(b);
    }
    for (const next of NEXT_STATES[state]) {
      if (next === 'to-notify') continue;
      const b = document.createElement('button');
      b.className = 'button small';
      b.dataset.record = next;
      b.dataset.notice = n.id;
      b.textContent = word(RECORD_WORD[next], lang);
      b.setAttribute('aria-label', `${word(RECORD_WORD[next], lang)}: ${n.customer} ${n.name}`);
      b.addEventListener('click', () => act.record([{ notice: n.id, to: next }]));
      buttons.push(b);
    }
    let action: Cell = '—';
    if (buttons.length) {
      const box = document.createElement('span');
      box.className = 'record-buttons';
      box.append(...buttons);
      action = box;
    }
    const hours = document.createElement('span');
    hours.textContent = `${dateText(n.date, lang)} ${windowsWords(hourWindows(n.mw), lang)}`;
    return {
      key: n.id, className: alarm ? 'alarm' : '',
      cells: [
        deadlineCell, `${n.customer} ${n.name}`, n.measures.map((m) => MEASURE_NAMES[m][lang]).join(lang === 'zh' ? '、' : ', '),
        wrap(hours, strip(n, lang)), { text: mwText(n.peakMW, lang, 2), className: 'num' }, who ? who : { text: '—', className: 'muted' }, statusCell, action,
      ] as Cell[],
    };
  });
  // The table is drawn anew after each step: the keyboard stays where it was (the row's next step, else the next row's).
  const focused = (document.activeElement as HTMLElement | null)?.dataset?.notice;
  fillTable($('notices-table'), [word('noticeBy', lang), word('customerCol', lang), word('measuresCol', lang), word('orderedHours', lang), word('peakCol', lang), word('contactCol', lang), word('statusCol', lang), word('recordCol', lang)],
    rows, word(x.filter === 'alarms' ? 'noAlarms' : 'noneShown', lang));
  if (focused) {
    const row = $('notices-table').querySelector<HTMLElement>(`tr[data-key="${CSS.escape(focused)}"]`);
    const next = row?.querySelector<HTMLButtonElement>('button') ?? row?.nextElementSibling?.querySelector<HTMLButtonElement>('button');
    next?.focus();
  }
  fillPager($('notices-pager'), at, shown.length, lang, (p) => act.page('notices', p, pageCount(shown.length)));
}

/** An element with a second line under it. */
function wrap(main: Node, sub: string | Node): HTMLElement {
  const box = document.createElement('span');
  box.className = 'two-lines';
  const second = document.createElement('span');
  second.className = 'sub';
  second.append(sub);
  box.append(main, second);
  return box;
}
