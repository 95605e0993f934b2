/**
 * The rest of the day re-planned, beside the plan it replaces: when (the page's clock), the level
 * the meters measured, the gap before and after, whether the revision passed the verifier, how the
 * notices issued were decided, and the changes — counts, and the customers changed, largest first
 * as the engine lists them. Before any, the button says what it needs (meters, a clock inside the
 * plan's hours); nothing is shown that the engine did not make.
 */
import type { CustomerChange } from '../../core/execution/replan-changes.ts';
import { formatProblem } from '../../core/problems.ts';
import type { Execution } from '../execution-state.ts';
import { localeOf, word, type Lang } from '../i18n.ts';
import { clockText, dateText } from '../time-text.ts';
import type { PlanReport } from '../../core/plan/report.ts';
import { $ } from './dom.ts';

const ROWS = 20;

/** The revised rotation in one line: every day's energy met, or the days still short with their MWh and blocks on duty. */
function rotationFact(rot: NonNullable<PlanReport['rotation']>, n: (v: number, d?: number) => string, lang: Lang): [string, string, string?] {
  const zh = lang === 'zh';
  const short = rot.days.filter((d) => d.residualMWh > 0.05);
  const days = short.map((d) => `${dateText(d.date, lang)} ${n(d.residualMWh, 1)} MWh`).join(zh ? '，' : ', ');
  const text = short.length
    ? (zh ? `${rot.blocks.length} 组轮停；${short.length} 天电量仍有缺口：${days}` : `${rot.blocks.length} blocks; ${short.length} day(s) still short of energy: ${days}`)
    : (zh ? `${rot.blocks.length} 组轮停；每日电量缺口均已安排` : `${rot.blocks.length} blocks; every day's energy need met`);
  return [word('replanRotation', lang), text, short.length ? 'residual' : undefined];
}

export function renderReplan(x: Execution, lang: Lang): void {
  const button = $<HTMLButtonElement>('replan-button');
  button.disabled = !x.meters || x.replanning;
  $('replan-note').textContent = !x.meters ? word('replanNeedsMeters', lang) : word('replanNote', lang);
  const box = $('replan-result');
  const a = x.replan;
  if (!a) { box.replaceChildren(); return; }
  const n = (v: number, d = 0) => v.toLocaleString(localeOf(lang), { maximumFractionDigits: d, minimumFractionDigits: d });
  const at = clockText(a.atMs, x.timeZone, lang);
  if (!a.ok) {
    const p = document.createElement('p');
    p.className = 'problem';
    p.textContent = `${word('replanRefused', lang)} ${at}: ${a.problems.slice(0, 3).map(formatProblem).join('; ')}`;
    box.replaceChildren(p);
    return;
  }
  const r = a.result, rev = r.revision, c = rev.counts;
  const peak = (xs: number[]) => Math.max(0, ...xs);
  const zh = lang === 'zh';
  const facts: [string, string, string?][] = [
    [word('replanAt', lang), at],
    // The level in words a dispatcher reads (the engine's full method, with its stamps, is in the saved revision).
    [word('replanLevel', lang), zh ? `实测/预测 ${n(r.level.ratio, 3)}（最近 ${r.level.measuredHours.length} 个已测小时的全网负荷含已执行压减；当日剩余时段按此缩放）`
      : `measured / forecast ${n(r.level.ratio, 3)} (the system's load over the last ${r.level.measuredHours.length} hours measured, with what the plan released added back; the rest of the day scaled by it)`],
    ...(r.level.staleHours > 0 ? [[word('replanStale', lang), zh ? `电表数据止于 ${at} 前 ${r.level.staleHours} 小时：负荷水平按更早的小时测定` : `the meters stop ${r.level.staleHours} h before ${at}: the level is measured on older hours`, 'residual'] as [string, string, string]] : []),
    [word('replanGap', lang), `${n(peak(r.gapBeforeMW), 1)} MW → ${n(peak(r.gapAfterMW), 1)} MW`],
    [word('replanNotified', lang), `${n(r.notified.length)} ${zh ? '户' : 'customers'} · ${word(a.notifiedBy === 'log' ? 'replanByLog' : 'replanByDeadline', lang)}`],
    [word('replanChanges', lang), zh ? `新增 ${n(c.added)} · 取消 ${n(c.cancelled)} · 增加 ${n(c.increased)} · 减少 ${n(c.reduced)}` : `${n(c.added)} added · ${n(c.cancelled)} cancelled · ${n(c.increased)} increased · ${n(c.reduced)} reduced`],
    [word('residualGap', lang), `${n(rev.residualMWh, 1)} MWh${rev.peakResidualMW > 0 ? (zh ? `（峰值 ${n(rev.peakResidualMW, 1)} MW）` : ` (peak ${n(rev.peakResidualMW, 1)} MW)`) : ''}`, rev.residualMWh > 0 ? 'residual' : undefined],
    // An energy rotation revised: each remaining day's energy saved again; the days still short said with their MWh.
    ...(r.report.rotation ? [rotationFact(r.report.rotation, n, lang)] : []),
    [word('verification', lang), r.verification.ok ? `✓ ${word('verified', lang)}` : `✗ ${r.verification.violations.slice(0, 3).map((v) => `${v.check}: ${v.message}`).join('; ')}`, r.verification.ok ? undefined : 'residual'],
  ];
  const dl = document.createElement('dl');
  dl.className = 'facts replan-facts';
  for (const [k, v, cls] of facts) {
    const dt = document.createElement('dt'); dt.textContent = k;
    const dd = document.createElement('dd'); dd.textContent = v; if (cls) dd.className = cls;
    dl.append(dt, dd);
  }
  const added = document.createElement('p');
  added.className = 'hint';
  added.id = 'replan-added';
  added.textContent = word('replanAdded', lang);
  box.replaceChildren(dl, added, changesTable(rev.changes, r.names, r.times, lang));
  box.dataset.verified = String(r.verification.ok);
}

function changesTable(changes: CustomerChange[], names: Record<string, string>, times: string[], lang: Lang): HTMLElement {
  const zh = lang === 'zh';
  if (!changes.length) {
    const p = document.createElement('p');
    p.className = 'hint';
    p.textContent = word('replanNoChange', lang);
    return p;
  }
  const n = (v: number, d = 1) => v.toLocaleString(localeOf(lang), { maximumFractionDigits: d, minimumFractionDigits: d });
  const kind = (k: CustomerChange['kind']) => (zh ? { added: '新增', cancelled: '取消', increased: '增加', reduced: '减少' } : { added: 'added', cancelled: 'cancelled', increased: 'increased', reduced: 'reduced' })[k];
  const table = document.createElement('table');
  table.className = 'data-table replan-changes';
  const head = document.createElement('tr');
  for (const h of zh ? ['用户', '变动', '已通知', '时段', '调整前 MWh', '调整后 MWh', '单时最大变动 MW'] : ['Customer', 'Change', 'Notified', 'Hours', 'MWh before', 'MWh after', 'Largest change in an hour, MW']) {
    const th = document.createElement('th'); th.textContent = h; head.append(th);
  }
  const hour = (i: number) => (times[i] ? times[i].slice(11, 16) : `h${i}`);
  const rows = changes.slice(0, ROWS).map((ch) => {
    const tr = document.createElement('tr');
    tr.dataset.kind = ch.kind;
    for (const v of [`${ch.customer} ${names[ch.customer] ?? ''}`.trim(), kind(ch.kind), ch.notified ? '✓' : '–', `${hour(ch.firstHour)}–${hour(ch.lastHour)}`, n(ch.mwhBefore), n(ch.mwhAfter), n(ch.largestChangeMW, 2)]) {
      const td = document.createElement('td'); td.textContent = v; tr.append(td);
    }
    return tr;
  });
  const wrap = document.createElement('div');
  wrap.className = 'table-wrap';
  table.append(head, ...rows);
  wrap.append(table);
  if (changes.length > ROWS) {
    const more = document.createElement('p');
    more.className = 'hint';
    more.textContent = zh ? `……另有 ${changes.length - ROWS} 户变动` : `… ${changes.length - ROWS} more customers changed`;
    wrap.append(more);
  }
  return wrap;
}
