/**
 * Re-planning during the day on the command line:
 *   orderly replan SCENARIO --plan PLAN.json --actuals METERS.csv --at TIME [--out REVISED.json]
 *                  [--unit MW|kW|GW] [--log LOG.json] [--lang zh|en|both] [--json]
 * The plan in force is read back and checked against the scenario first (exit 2 when it is not
 * this scenario's, 3 when its decisions break the rules); the meters up to TIME set the forecast's
 * level for the rest of the day; the revision is verified with the lead-time rule relative to
 * TIME, saved as orderly-plan/2 only when it passes, and its changes printed as a table.
 */
import { parseArgs } from 'node:util';
import type { ChangeKind } from '../../core/execution/replan.ts';
import type { ScenarioRevision } from '../../core/execution/replan-scenario.ts';
import type { MeterUnit } from '../../core/execution/meters.ts';
import { encodePlanFile } from '../../core/plan/plan-columns.ts';
import { readPlanFile } from '../../core/plan/plan-file.ts';
import type { Problem } from '../../core/problems.ts';
import { parseTimestamp } from '../../core/time/timestamp.ts';
import { executionInPool } from '../engine/execution-pool.ts';
import type { ReplanOutcome } from '../engine/replan.ts';
import type { EnginePool } from '../pool.ts';
import { UsageError, type Out } from './backtest.ts';
import { checkOutputs, readInput, readJsonInput, writeAtomically } from './files.ts';

type Print = (file: string, p: Problem[], total: number) => void;
type Lang = 'zh' | 'en';

const KIND: Record<ChangeKind, Record<Lang, string>> = {
  added: { zh: '新增', en: 'added' }, cancelled: { zh: '取消', en: 'cancelled' }, increased: { zh: '增加', en: 'increased' }, reduced: { zh: '减少', en: 'reduced' },
};
/** Rows of the changes table printed (all are in --json and in the saved revision's lists). */
const TABLE_ROWS = 40;

export async function replanCommand(argv: string[], engine: (size?: number) => EnginePool, out: Out, print: Print): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, strict: true, allowPositionals: true,
    options: { plan: { type: 'string' }, actuals: { type: 'string' }, at: { type: 'string' }, out: { type: 'string' }, unit: { type: 'string' }, log: { type: 'string' }, lang: { type: 'string' }, json: { type: 'boolean' } },
  });
  if (positionals.length !== 1) throw new UsageError('replan needs one SCENARIO file');
  if (!values.plan) throw new UsageError('replan needs --plan PLAN.json (the plan in force, written by `orderly plan --out`)');
  if (!values.actuals) throw new UsageError('replan needs --actuals METERS.csv (what the meters saw up to --at)');
  if (!values.at) throw new UsageError('replan needs --at TIME (the time of re-planning, e.g. 2024-07-22T13:00+08:00)');
  const at = parseTimestamp(values.at);
  if (!at) throw new UsageError(`--at: expected a time with its offset, e.g. 2024-07-22T13:00+08:00, found "${values.at}"`);
  const unit = values.unit;
  if (unit !== undefined && unit !== 'MW' && unit !== 'kW' && unit !== 'GW') throw new UsageError(`--unit: expected MW, kW or GW, found "${unit}"`);
  const l = values.lang ?? 'both';
  if (l !== 'zh' && l !== 'en' && l !== 'both') throw new UsageError(`--lang: expected zh, en or both, found "${l}"`);
  const langs: Lang[] = l === 'both' ? ['zh', 'en'] : [l];
  const scenarioFile = positionals[0];
  const bad = await checkOutputs([{ flag: '--out', file: values.out }], [{ flag: 'the scenario', file: scenarioFile }, { flag: '--plan', file: values.plan }, { flag: '--actuals', file: values.actuals }, { flag: '--log', file: values.log }]);
  if (bad.length) return print(bad[0].path, bad, bad.length), 2;

  const planInput = await readInput(values.plan);
  if (!planInput.ok) return print(values.plan, [planInput.problem], 1), 2;
  const read = readPlanFile(values.plan, planInput.bytes);
  if (!read.ok) return print(values.plan, read.problems, read.total), 2;
  const meters = await readInput(values.actuals);
  if (!meters.ok) return print(values.actuals, [meters.problem], 1), 2;
  let log: { name: string; value: unknown } | undefined;
  if (values.log) {
    const json = await readJsonInput(values.log, 'status log');
    if (!json.ok) return print(values.log, [json.problem], 1), 2;
    log = { name: values.log, value: json.value };
  }
  const scenario = await readInput(scenarioFile);
  if (!scenario.ok) return print(scenarioFile, [scenario.problem], 1), 2;

  const r = await executionInPool<ReplanOutcome>(engine(2), scenarioFile, scenario.bytes, read.plan, {}, (api, b, f, p) => api.replan(scenarioFile, b, f, p, { name: values.actuals!, bytes: meters.bytes }, {
    atMs: at.ms, planFile: values.plan!, ...(unit ? { unit: unit as MeterUnit } : {}), ...(log ? { log } : {}),
  }));
  if (!r.ok) return print(r.code === 3 ? values.plan! : values.actuals!, r.problems, r.total), r.code ?? 2;
  const x = r.result;
  const verified = x.verification.ok;
  if (verified && values.out) await writeAtomically(values.out, new TextEncoder().encode(`${JSON.stringify(encodePlanFile(x.report))}\n`));
  if (values.json) {
    const { report: _report, ...rest } = x;
    out.log(JSON.stringify({ ...rest, verification: x.verification }, null, 2));
  } else {
    langs.forEach((lang, i) => {
      if (i) out.log('');
      for (const line of replanText(x, values.plan!, lang)) out.log(line);
    });
  }
  if (!verified) {
    out.error(`${values.plan}: the revision failed its verification — nothing written (a bug in the re-planner: please report it)`);
    for (const v of x.verification.violations) out.error(`  ${v.check}: ${v.message}`);
    return 3;
  }
  if (values.out) out.log(langs[0] === 'zh' ? `调整后的方案已写入 ${values.out}` : `revised plan written to ${values.out}`);
  return 0;
}

const mw = (v: number) => (Math.round(v * 10) / 10).toFixed(1);
const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

/** The revision as people read it: the level, the gap, the check, the residual, and the changes. */
export function replanText(x: ScenarioRevision, planFile: string, lang: Lang): string[] {
  const zh = lang === 'zh';
  const rv = x.report.revision!;
  const L: string[] = [];
  const c = x.revision.counts;
  const largest = (a: number[]) => a.reduce((m, v) => Math.max(m, v), 0);
  L.push(zh ? `日内滚动调整：${planFile}，调整时刻 ${rv.at}` : `Re-plan during the day: ${planFile} at ${rv.at}`);
  L.push(zh
    ? `  负荷水平：实测与预测之比 ${x.level.ratio.toFixed(4)}（最近 ${x.level.measuredHours.length} 个已测小时的系统负荷 = 实测 + 在执行方案安排的错避峰负荷，÷ 预测），当日剩余时段各区域预测按此比例缩放，曲线形状、不确定性与其他日不变`
    : `  forecast level: measured / forecast = ${x.level.ratio.toFixed(4)} — ${x.level.method}`);
  if (x.level.staleHours > 0 && zh) L.push(`  注意：电表数据止于调整时刻前 ${x.level.staleHours} 小时（最后读数 ${x.level.measuredHours[x.level.measuredHours.length - 1]} 起的一小时），负荷水平已过时 ${x.level.staleHours} 小时`);
  x.level.measuredHours.forEach((t, i) => L.push(zh
    ? `    ${t}  实测 ${mw(x.level.measuredMW[i])} MW + 方案安排 ${mw(x.level.orderedMW[i])} MW，预测 ${mw(x.level.forecastMW[i])} MW`
    : `    ${t}  metered ${mw(x.level.measuredMW[i])} MW + ordered ${mw(x.level.orderedMW[i])} MW, forecast ${mw(x.level.forecastMW[i])} MW`));
  L.push(zh
    ? `  调整时刻起的最大缺口：原 ${mw(largest(x.gapBeforeMW))} MW，现 ${mw(largest(x.gapAfterMW))} MW`
    : `  largest gap from T on: ${mw(largest(x.gapBeforeMW))} MW before, ${mw(largest(x.gapAfterMW))} MW now`);
  L.push(zh
    ? `  已发出的通知：${x.notified.length} 份（${x.notifiedBy === 'log' ? '按通知状态记录' : '截止时间已过者视为已发出'}）`
    : `  notices issued by T: ${x.notified.length} (${x.notifiedBy === 'log' ? 'as the status log records them' : 'those whose deadline has passed'})`);
  const v = x.verification;
  L.push(v.ok
    ? (zh ? `  独立校验通过（提前通知时间按调整时刻计）：${v.checked.join('、')}` : `  VERIFIED (notice counted from T): ${v.checked.join(', ')} — all hold`)
    : (zh ? `  校验未通过：${Object.entries(v.counts).map(([k, n]) => `${k} ${n}`).join('，')}` : `  NOT VERIFIED: ${Object.entries(v.counts).map(([k, n]) => `${k} ${n}`).join(', ')}`));
  const lead = x.leadTimeMW.reduce((a, b) => a + b, 0);
  L.push(x.revision.residualMWh > 0
    ? (zh ? `  剩余缺口：${mw(x.revision.residualMWh)} MWh，最大 ${mw(x.revision.peakResidualMW)} MW（其中 ${mw(lead)} MWh 因提前通知时间不足无法安排）` : `  RESIDUAL GAP: ${mw(x.revision.residualMWh)} MWh, peak ${mw(x.revision.peakResidualMW)} MW (${mw(lead)} MWh of it for want of notice)`)
    : (zh ? '  剩余缺口：无' : '  residual gap: none'));
  const rot = x.report.rotation;
  if (rot) {
    // The energy-short days again, as revised: what each saves and what is left, the blocks on duty.
    const short = rot.days.filter((d) => d.residualMWh > 0.05);
    L.push(zh
      ? `  电量轮停（${rot.blocks.length} 组，按线路分组）：${short.length ? `${short.length} 天电量仍有缺口，共 ${mw(short.reduce((t, d) => t + d.residualMWh, 0))} MWh` : '每日电量缺口均已安排'}${rot.collapsed ? '；轮停已失效，变为持续限电' : ''}`
      : `  energy rotation (${rot.blocks.length} blocks by feeder): ${short.length ? `${short.length} day(s) still short, ${mw(short.reduce((t, d) => t + d.residualMWh, 0))} MWh in all` : 'every day\'s energy need is met'}${rot.collapsed ? ' — ROTATION COLLAPSES into sustained curtailment' : ''}`);
    L.push(zh ? '    日期          缺口 MWh    节约 MWh    轮停 MWh    剩余 MWh  轮值组' : '    date          gap MWh    saved MWh   rotation MWh  left MWh  blocks on duty');
    for (const d of rot.days) L.push(`    ${d.date}  ${mw(d.gapMWh).padStart(10)}  ${mw(d.savedMWh).padStart(10)}  ${mw(d.rotationMWh).padStart(12)}  ${mw(d.residualMWh).padStart(8)}  ${d.blocks.join(' ')}`);
  }
  if (x.revision.overCoveredMWh > 0.05) L.push(zh ? `  超额安排 ${mw(x.revision.overCoveredMWh)} MWh（已执行的错峰不单独撤回，以免违反措施顺序）` : `  over-covered ${mw(x.revision.overCoveredMWh)} MWh (kept shifts are not withdrawn alone: the ladder would break)`);
  L.push(zh
    ? `  与在执行方案相比：新增 ${c.added} 户，取消 ${c.cancelled} 户，增加 ${c.increased} 户，减少 ${c.reduced} 户`
    : `  changes against the plan in force: ${c.added} added, ${c.cancelled} cancelled, ${c.increased} increased, ${c.reduced} reduced`);
  if (!x.revision.changes.length) return L;
  const head = zh
    ? ['户号', '户名', '调整', '已通知', '小时 原→新', 'MWh 原→新', '最大变化 MW', '时段']
    : ['customer', 'name', 'change', 'notified', 'hours', 'MWh before→after', 'largest MW', 'hours changed'];
  const rows = x.revision.changes.slice(0, TABLE_ROWS).map((ch) => [
    ch.customer, (x.names[ch.customer] ?? '').slice(0, 18), KIND[ch.kind][lang], ch.notified ? (zh ? '是' : 'yes') : (zh ? '否' : 'no'),
    `${ch.hoursBefore}→${ch.hoursAfter}`, `${mw(ch.mwhBefore)}→${mw(ch.mwhAfter)}`, `${ch.largestChangeMW > 0 ? '+' : ''}${mw(ch.largestChangeMW)}`,
    `${x.times[ch.firstHour].slice(5, 16).replace('T', ' ')}–${x.times[ch.lastHour].slice(11, 16)}`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)) + 2);
  const right = new Set([4, 5, 6]);
  const line = (r: string[]) => `  ${r.map((cell, i) => (right.has(i) ? lpad(cell, widths[i] - 2) + '  ' : pad(cell, widths[i]))).join('').trimEnd()}`;
  L.push(line(head));
  for (const r of rows) L.push(line(r));
  if (x.revision.changes.length > TABLE_ROWS) L.push(zh ? `  … 另有 ${x.revision.changes.length - TABLE_ROWS} 户（--json 列出全部）` : `  … ${x.revision.changes.length - TABLE_ROWS} more (all with --json)`);
  return L;
}
