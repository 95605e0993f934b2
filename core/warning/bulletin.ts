/**
 * Warning bulletins, in Chinese and in English, as text and JSON: area, periods, gap MW and MWh,
 * level, lead time, validity, who must prepare, and — against the last bulletin — which periods
 * escalated or eased. After Liaoning 2021 the grid was told to warn earlier and tell more people:
 * a bulletin says how far ahead it warns.
 */
import { formatInZone, localTime, resolveZone, type Zone } from '../time/zone.ts';
import { HOUR_MS } from '../time/timestamp.ts';
import type { Assessment, GapAssessment } from './assess.ts';
import { LEVEL_NAMES, LEVELS, type Level } from './levels.ts';

export interface BulletinPeriod {
  area: string;
  areaName: string;
  scope: 'system' | 'local';
  date: string;
  fromHour: number;
  toHour: number;
  level: Level;
  levelAtConfidence: Level;
  peakGapMW: number;
  peakGapPct: number;
  peakGapAtConfidenceMW: number;
  gapMWh: number;
  /** Probability that the worst hour reaches each level or worse: { IV, III, II, I }. */
  probabilityAtLeast: Record<Exclude<Level, 'none'>, number>;
}

export interface BulletinEnergyDay {
  date: string;
  level: Level;
  levelAtConfidence: Level;
  gapMWh: number;
  gapPct: number;
}

export interface BulletinChange {
  area: string;
  date: string;
  fromHour: number;
  toHour: number;
  was: Level;
  now: Level;
  kind: 'escalated' | 'eased' | 'new' | 'ended';
}

export interface Bulletin {
  format: 'orderly-bulletin/1';
  area: { id: string; name: string };
  issuedAt: string;
  validFrom: string;
  validUntil: string;
  confidence: number;
  /** Highest expected level over the horizon, and the level at the confidence. */
  level: Level;
  levelAtConfidence: Level;
  /** Hours from issue to the first hour with an expected warning (null: none). */
  leadTimeHours: number | null;
  periods: BulletinPeriod[];
  energy: BulletinEnergyDay[];
  prepare: { en: string[]; zh: string[] };
  changes: BulletinChange[];
  /**
   * What the forecast behind the bulletin could only do in a degraded form (an area forecast from
   * profiles, weather filled): a bulletin from such data says so, in both languages.
   */
  notes?: { en: string[]; zh: string[] };
  text: { en: string; zh: string };
}

const PREPARE: Record<Exclude<Level, 'none'>, { en: string; zh: string }> = {
  IV: { en: 'Dispatch watches closely; demand-response resources stand ready.', zh: '调度机构加强监视；需求响应资源做好准备。' },
  III: { en: 'Customers in the level III plan prepare to shift and avoid the peak (错峰、避峰) on notice.', zh: '列入III级方案的用户按通知做好错峰、避峰准备。' },
  II: { en: 'Customers in the level II plan prepare to be limited (限电); important users check their security load.', zh: '列入II级方案的用户做好限电准备；重要用户检查保安负荷。' },
  I: { en: 'All curtailable customers prepare; the emergency shedding order stands by; residents and protected users stay supplied.', zh: '全部可调控用户做好停限电准备；事故拉闸序位表备用；保障居民和重要用户供电。' },
};

const rank = (l: Level) => LEVELS.indexOf(l);
const mw = (x: number) => `${Math.round(x).toLocaleString('en-US')} MW`;
const mwh = (x: number) => `${Math.round(x).toLocaleString('en-US')} MWh`;
const pct = (x: number) => `${x.toFixed(1)} %`;
const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;

function dateOf(ms: number, zone: Zone): string {
  const t = localTime(ms, zone);
  return `${t.year}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`;
}

function periodsFor(g: GapAssessment, zone: Zone): BulletinPeriod[] {
  return g.periods.map((p) => ({
    area: g.area, areaName: g.name, scope: g.scope,
    date: dateOf(p.startMs, zone), fromHour: p.fromHour, toHour: p.toHour,
    level: LEVELS[p.level], levelAtConfidence: LEVELS[p.levelAtConfidence],
    peakGapMW: Math.round(p.peakGapMW), peakGapPct: Math.round(p.peakGapPct * 10) / 10,
    peakGapAtConfidenceMW: Math.round(p.peakGapAtConfidenceMW), gapMWh: Math.round(p.gapMWh),
    probabilityAtLeast: {
      IV: round2(p.probabilities.slice(1).reduce((a, b) => a + b, 0)),
      III: round2(p.probabilities.slice(2).reduce((a, b) => a + b, 0)),
      II: round2(p.probabilities.slice(3).reduce((a, b) => a + b, 0)),
      I: round2(p.probabilities[4]),
    },
  }));
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Periods worth announcing: a warning expected, or one level likely enough at the confidence. */
function announced(p: BulletinPeriod): boolean {
  return p.level !== 'none' || p.levelAtConfidence !== 'none';
}

export function compareBulletins(previous: Pick<Bulletin, 'periods'> | null, periods: BulletinPeriod[]): BulletinChange[] {
  if (!previous) return [];
  const key = (p: { area: string; date: string; fromHour: number }) => `${p.area}|${p.date}|${p.fromHour}`;
  const before = new Map(previous.periods.map((p) => [key(p), p]));
  const now = new Map(periods.map((p) => [key(p), p]));
  const changes: BulletinChange[] = [];
  for (const [k, p] of now) {
    const was = before.get(k)?.level ?? 'none';
    if (was === p.level) continue;
    const kind = was === 'none' ? 'new' : p.level === 'none' ? 'ended' : rank(p.level) > rank(was) ? 'escalated' : 'eased';
    changes.push({ area: p.area, date: p.date, fromHour: p.fromHour, toHour: p.toHour, was, now: p.level, kind });
  }
  for (const [k, p] of before) {
    if (!now.has(k) && p.level !== 'none') {
      changes.push({ area: p.area, date: p.date, fromHour: p.fromHour, toHour: p.toHour, was: p.level, now: 'none', kind: 'ended' });
    }
  }
  return changes.sort((a, b) => `${a.date}${hh(a.fromHour)}${a.area}`.localeCompare(`${b.date}${hh(b.fromHour)}${b.area}`));
}

export function buildBulletin(a: Assessment, area: { id: string; name: string; nameZh?: string }, previous: Bulletin | null = null): Bulletin {
  const zone = resolveZone(a.timeZone)!;
  const all = [...periodsFor(a.system, zone), ...a.local.flatMap((g) => periodsFor(g, zone))];
  const periods = all.filter(announced);
  const energy = a.energy.filter((e) => e.level > 0 || e.levelAtConfidence > 0).map((e) => ({
    date: e.date, level: LEVELS[e.level], levelAtConfidence: LEVELS[e.levelAtConfidence], gapMWh: Math.round(e.gapMeanMWh), gapPct: Math.round(e.gapPct * 10) / 10,
  }));
  const level = LEVELS[Math.max(0, ...all.map((p) => rank(p.level)), ...a.energy.map((e) => e.level))];
  const levelAtConfidence = LEVELS[Math.max(0, ...all.map((p) => rank(p.levelAtConfidence)), ...a.energy.map((e) => e.levelAtConfidence))];
  const firstWarned = [...all].filter((p) => p.level !== 'none').map((p) => p).sort((x, y) => `${x.date}${hh(x.fromHour)}`.localeCompare(`${y.date}${hh(y.fromHour)}`))[0];
  let leadTimeHours: number | null = null;
  if (firstWarned) {
    const g = firstWarned.scope === 'system' ? a.system : a.local.find((l) => l.area === firstWarned.area)!;
    const p = g.periods.find((q) => dateOf(q.startMs, zone) === firstWarned.date && q.fromHour === firstWarned.fromHour)!;
    // The first warned hour inside the period, not its start.
    let h = Math.round((p.startMs - a.startMs) / HOUR_MS);
    while (h < g.expectedLevel.length && g.expectedLevel[h] === 0) h++;
    leadTimeHours = Math.round((a.startMs + h * HOUR_MS - a.issuedAtMs) / HOUR_MS);
  }
  const changes = compareBulletins(previous, all);
  const prepareLevels = (['IV', 'III', 'II', 'I'] as const).filter((l) => rank(l) <= rank(level));
  const prepare = { en: prepareLevels.map((l) => PREPARE[l].en), zh: prepareLevels.map((l) => PREPARE[l].zh) };
  const bulletin: Bulletin = {
    format: 'orderly-bulletin/1',
    area: { id: area.id, name: area.name },
    issuedAt: formatInZone(a.issuedAtMs, zone),
    validFrom: formatInZone(a.startMs, zone),
    validUntil: formatInZone(a.startMs + a.hours * HOUR_MS, zone),
    confidence: a.confidence,
    level, levelAtConfidence, leadTimeHours, periods, energy, prepare, changes,
    ...(a.notes?.length ? { notes: { en: a.notes.map((n) => n.en), zh: a.notes.map((n) => n.zh) } } : {}),
    text: { en: '', zh: '' },
  };
  bulletin.text = { en: englishText(bulletin, area.name), zh: chineseText(bulletin, area.nameZh ?? area.name) };
  return bulletin;
}

function englishText(b: Bulletin, name: string): string {
  const lines = [`POWER SUPPLY WARNING — ${name}`, `Issued ${b.issuedAt}; valid ${b.validFrom} to ${b.validUntil}.`];
  if (b.level === 'none' && b.levelAtConfidence === 'none') {
    lines.push('No supply gap is expected over the horizon.');
  } else {
    lines.push(`Highest level expected: ${LEVEL_NAMES[b.level].en}; at ${Math.round(b.confidence * 100)} % confidence: ${LEVEL_NAMES[b.levelAtConfidence].en}.`);
    if (b.leadTimeHours !== null) lines.push(`Lead time: ${b.leadTimeHours} h before the first warned hour.`);
    lines.push('Periods (expected level / at confidence; peak gap as a share of the period\'s maximum demand):');
    for (const p of b.periods) {
      lines.push(`  ${p.scope === 'local' ? `${p.areaName} (local) ` : ''}${p.date} ${hh(p.fromHour)}–${hh(p.toHour)}  ${LEVEL_NAMES[p.level].en} / ${LEVEL_NAMES[p.levelAtConfidence].en}  ` +
        `gap ${mw(p.peakGapMW)} (${pct(p.peakGapPct)}), ${mw(p.peakGapAtConfidenceMW)} at confidence, ${mwh(p.gapMWh)}; P(level III or worse) ${Math.round(p.probabilityAtLeast.III * 100)} %`);
    }
  }
  if (b.energy.length) {
    lines.push('Energy (the day\'s demand energy against what the energy budgets allow):');
    for (const e of b.energy) lines.push(`  ${e.date}  ${LEVEL_NAMES[e.level].en} / ${LEVEL_NAMES[e.levelAtConfidence].en}  gap ${mwh(e.gapMWh)} (${pct(e.gapPct)})`);
  }
  for (const c of b.changes) lines.push(`Change: ${c.area} ${c.date} ${hh(c.fromHour)}–${hh(c.toHour)} ${c.kind} (${c.was} → ${c.now}).`);
  if (b.prepare.en.length) lines.push(`Prepare: ${b.prepare.en.join(' ')}`);
  if (b.notes?.en.length) lines.push('Data notes (this bulletin rests on them):', ...b.notes.en.map((n) => `  ${n}`));
  return lines.join('\n');
}

const ZH_CHANGE: Record<BulletinChange['kind'], string> = { escalated: '升级', eased: '降级', new: '新增', ended: '解除' };

/** "2024年7月21日10:00": a stamp on the grid's clock (formatInZone's, so its wall time is its own), as a Chinese notice dates itself. */
function zhStamp(stamp: string): string {
  const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d:\d\d)/.exec(stamp);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日${m[4]}` : stamp;
}

/** "7月22日": a local date in a Chinese line. */
function zhDate(date: string): string {
  const [, month, day] = date.split('-').map(Number);
  return `${month}月${day}日`;
}

/** Chinese punctuation is full-width: （），：；. */
function chineseText(b: Bulletin, name: string): string {
  const lines = [`【电力供需预警】${name}`, `发布时间：${zhStamp(b.issuedAt)}；有效期：${zhStamp(b.validFrom)} 至 ${zhStamp(b.validUntil)}。`];
  if (b.level === 'none' && b.levelAtConfidence === 'none') {
    lines.push('预计期内无电力供应缺口。');
  } else {
    lines.push(`预计最高预警等级：${LEVEL_NAMES[b.level].zh}；按${Math.round(b.confidence * 100)}%置信度：${LEVEL_NAMES[b.levelAtConfidence].zh}。`);
    if (b.leadTimeHours !== null) lines.push(`提前量：距首个预警时段 ${b.leadTimeHours} 小时。`);
    lines.push('分时段（预计等级/置信等级；缺口占该时段最大用电需求比例）：');
    for (const p of b.periods) {
      lines.push(`  ${p.scope === 'local' ? `${p.areaName}（局部）` : ''}${zhDate(p.date)} ${hh(p.fromHour)}–${hh(p.toHour)}  ${LEVEL_NAMES[p.level].zh}/${LEVEL_NAMES[p.levelAtConfidence].zh}  ` +
        `最大缺口 ${mw(p.peakGapMW)}（${pct(p.peakGapPct)}），置信缺口 ${mw(p.peakGapAtConfidenceMW)}，缺电量 ${mwh(p.gapMWh)}；达到III级及以上的概率 ${Math.round(p.probabilityAtLeast.III * 100)}%`);
    }
  }
  if (b.energy.length) {
    lines.push('电量（日用电量与电量预算可供电量之差）：');
    for (const e of b.energy) lines.push(`  ${zhDate(e.date)}  ${LEVEL_NAMES[e.level].zh}/${LEVEL_NAMES[e.levelAtConfidence].zh}  缺电量 ${mwh(e.gapMWh)}（${pct(e.gapPct)}）`);
  }
  for (const c of b.changes) lines.push(`变化：${c.area} ${zhDate(c.date)} ${hh(c.fromHour)}–${hh(c.toHour)} ${ZH_CHANGE[c.kind]}（${c.was} → ${c.now}）。`);
  if (b.prepare.zh.length) lines.push(`需准备：${b.prepare.zh.join('')}`);
  if (b.notes?.zh.length) lines.push('数据说明（本预警据此作出）：', ...b.notes.zh.map((n) => `  ${n}`));
  return lines.join('\n');
}
