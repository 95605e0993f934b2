/**
 * What a revised plan (a re-plan during the day, core/execution/replan.ts) carries so that it can
 * be checked again from its file alone: the time T, the forecast level it was made on (the
 * remaining forecast scaled by a measured ratio, from T to the end of that local day), the
 * notices issued by T, and the plan in force it revises (its orders and feeders opened). Read
 * back (read-back.ts), the forecast is scaled again the same way, the tables rebuilt, and the
 * revision verified against the plan in force it names — with the verifier's own restatement of
 * the lead-time rule relative to T.
 */
import type { ScenarioForecast } from '../forecast/scenario-forecast.ts';
import type { Problem } from '../problems.ts';
import type { Measure } from '../scenario/classes.ts';
import { HOUR_MS, parseTimestamp } from '../time/timestamp.ts';
import { measureIndex, type PlanProblem } from './problem.ts';

export interface RevisionBlock {
  /** T, with its offset. */
  at: string;
  /** The plan in force: when it was issued, and its decisions (the orders and the feeders opened). */
  inForce: {
    issuedAt: string;
    orders: { customer: string; measure: Measure; mw: number[] }[];
    feedersOpened: { feeder: string; open: number[] }[];
  };
  /** The forecast the revision was made on: every area's forecast × ratio from `from` (inclusive) to `until` (exclusive). */
  forecast: {
    ratio: number;
    from: string;
    until: string;
    /** The hours the ratio was measured over, with the system's metered and forecast MW. */
    measuredHours: string[];
    measuredMW: number[];
    forecastMW: number[];
    method: string;
    /**
     * Where the plan in force was itself a revision: the levels of the revisions before this one,
     * earliest first. Each scales the original forecast up to the next one's start (every ratio is
     * measured against the original forecast, so they are not multiplied).
     */
    earlier?: { ratio: number; from: string; until: string }[];
  };
  /** Notices issued by T (`customer@date`), whose orders within a lead time may be kept. */
  notified: string[];
}

/** The forecast with every area's point and quantiles scaled by `ratio` over [fromMs, untilMs). */
export function scaleForecast(f: ScenarioForecast, fromMs: number, untilMs: number, ratio: number): ScenarioForecast {
  const lo = Math.max(0, Math.ceil((fromMs - f.startMs) / HOUR_MS - 1e-9));
  const hi = Math.min(f.hours, Math.ceil((untilMs - f.startMs) / HOUR_MS - 1e-9));
  const scale = (a: Float64Array) => {
    const out = Float64Array.from(a);
    for (let h = lo; h < hi; h++) out[h] *= ratio;
    return out;
  };
  const area = (a: ScenarioForecast['system']) => ({ ...a, point: scale(a.point), quantiles: a.quantiles.map(scale) });
  const areas = f.areas.map(area);
  const system = areas.find((a) => a.area === f.system.area) ?? area(f.system);
  return { ...f, areas, system };
}

export interface Level { fromMs: number; untilMs: number; ratio: number }

/** The original forecast at a sequence of measured levels (earliest first), each up to the next one's start. */
export function scaleLevels(f: ScenarioForecast, levels: Level[]): ScenarioForecast {
  let out = f;
  levels.forEach((l, i) => {
    const until = i + 1 < levels.length ? Math.min(l.untilMs, levels[i + 1].fromMs) : l.untilMs;
    out = scaleForecast(out, l.fromMs, until, l.ratio);
  });
  return out;
}

/** The levels a revision names (the earlier revisions' and its own), or its problem. */
export function revisionLevels(file: string, r: RevisionBlock): { ok: true; levels: Level[] } | { ok: false; problems: Problem[] } {
  const all = [...(Array.isArray(r.forecast?.earlier) ? r.forecast.earlier : []), ...(r.forecast ? [r.forecast] : [])];
  const levels: Level[] = [];
  for (const [i, l] of all.entries()) {
    const from = parseTimestamp(l?.from ?? ''), until = parseTimestamp(l?.until ?? '');
    const ratio = l?.ratio;
    const ordered = !levels.length || (from && from.ms > levels[levels.length - 1].fromMs);
    if (!from || !until || !(typeof ratio === 'number' && Number.isFinite(ratio) && ratio > 0) || !(until.ms > from.ms) || !ordered) {
      const path = i < all.length - 1 || !r.forecast ? `revision.forecast.earlier[${i}]` : 'revision.forecast';
      return { ok: false, problems: [{ path: `${file}: ${path}`, message: `expected the forecast level a revision was made on (from before until, times with their offset, later than the level before; ratio: a number above 0), found ${JSON.stringify({ from: l?.from, until: l?.until, ratio: l?.ratio })}` }] };
    }
    levels.push({ fromMs: from.ms, untilMs: until.ms, ratio });
  }
  return { ok: true, levels };
}

/** The forecast a revision names, from the forecast of its scenario, or its problems. */
export function revisionForecast(file: string, f: ScenarioForecast, r: RevisionBlock): { ok: true; forecast: ScenarioForecast } | { ok: false; problems: Problem[] } {
  const levels = revisionLevels(file, r);
  if (!levels.ok) return levels;
  return { ok: true, forecast: scaleLevels(f, levels.levels) };
}

/** The plan in force and the notices a revision names, as the verifier takes them (verify.ts PlanToVerify.revision), or its problems. */
export function revisionToVerify(file: string, p: PlanProblem, r: RevisionBlock): { ok: true; revision: { atMs: number; inForceX: Float64Array; inForceFeederOpen: Uint8Array; notified: Uint8Array } } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  const H = p.hours, U = p.units.customer.length, days = H ? p.dayIndex[H - 1] + 1 : 0;
  const at = parseTimestamp(typeof r.at === 'string' ? r.at : '');
  if (!at) problems.push({ path: `${file}: revision.at`, message: `expected the time of re-planning with its offset, found ${JSON.stringify(r.at ?? null)}` });
  const lists: [string, unknown][] = [['revision.inForce.orders', r.inForce?.orders], ['revision.inForce.feedersOpened', r.inForce?.feedersOpened], ['revision.notified', r.notified]];
  for (const [path, v] of lists) if (!Array.isArray(v)) problems.push({ path: `${file}: ${path}`, message: `expected a list, found ${JSON.stringify(v ?? null)?.slice(0, 40)}` });
  if (problems.length) return { ok: false, problems };
  const unitOf = new Map<string, number>();
  for (let u = 0; u < U; u++) unitOf.set(`${p.customers.id[p.units.customer[u]]}|${p.units.measure[u]}`, u);
  const inForceX = new Float64Array(U * H);
  (r.inForce?.orders ?? []).forEach((o, i) => {
    const u = unitOf.get(`${o?.customer}|${measureIndex(o?.measure)}`);
    const path = `${file}: revision.inForce.orders[${i}]`;
    if (u === undefined) { problems.push({ path, message: `expected a customer and measure of the scenario's plan tables, found ${JSON.stringify(o?.customer)} ${JSON.stringify(o?.measure)}` }); return; }
    if (!Array.isArray(o.mw) || o.mw.length !== H || o.mw.some((v) => !(typeof v === 'number' && Number.isFinite(v) && v >= 0))) { problems.push({ path: `${path}.mw`, message: `expected ${H} hourly MW of 0 or more` }); return; }
    o.mw.forEach((v, h) => (inForceX[u * H + h] = v));
  });
  const feederIndex = new Map(p.feeders.id.map((f, i) => [f, i]));
  const inForceFeederOpen = new Uint8Array(p.feeders.id.length * H);
  (r.inForce?.feedersOpened ?? []).forEach((f, i) => {
    const k = feederIndex.get(f?.feeder);
    if (k === undefined) { problems.push({ path: `${file}: revision.inForce.feedersOpened[${i}]`, message: `expected a feeder of the scenario, found ${f.feeder}` }); return; }
    const open = Array.isArray(f.open) ? f.open : [];
    for (const h of open) if (Number.isInteger(h) && h >= 0 && h < H) inForceFeederOpen[k * H + h] = 1;
  });
  // Notices per customer and local day of the plan.
  const index = new Map(p.customers.id.map((id, c) => [id, c]));
  const dayOf = new Map<string, number>();
  for (let h = 0; h < H; h++) dayOf.set(localDate(p, h), p.dayIndex[h]);
  const notified = new Uint8Array(p.customers.id.length * Math.max(1, days));
  (r.notified ?? []).forEach((n, i) => {
    const [id, date] = String(n).split('@');
    const c = index.get(id), d = dayOf.get(date ?? '');
    if (c === undefined || d === undefined) { problems.push({ path: `${file}: revision.notified[${i}]`, message: `expected customer@date, a curtailable customer of the scenario on a day of the plan, found ${JSON.stringify(n)}` }); return; }
    notified[c * days + d] = 1;
  });
  if (problems.length) return { ok: false, problems };
  return { ok: true, revision: { atMs: at!.ms, inForceX, inForceFeederOpen, notified } };
}

/** The local date (YYYY-MM-DD) of hour h of the problem. */
export function localDate(p: PlanProblem, h: number): string {
  const d = new Date(Date.parse(`${p.firstDate}T00:00:00Z`) + p.dayIndex[h] * 86_400_000);
  return d.toISOString().slice(0, 10);
}
