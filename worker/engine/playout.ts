/**
 * The engine's play-out: futures [from, to) of each plan (saved plans, as `orderly plan` writes
 * them, or plans the page kept), each checked again against the scenario first, with the figures
 * of every future and the replay of one. Each future has its own random stream, so the result
 * does not depend on how futures are split over workers.
 */
import { transfer } from 'comlink';
import type { ScenarioForecast } from '../../core/forecast/scenario-forecast.ts';
import { readBackPlan, type ReadBack } from '../../core/plan/read-back.ts';
import type { PlanReport } from '../../core/plan/report.ts';
import { playoutContext } from '../../core/playout/context.ts';
import { indexPlan, playFutures, type IndexedPlan, type PlayoutChunk } from '../../core/playout/simulate.ts';
import { readMeasured } from '../../core/execution/measured.ts';
import type { Problem } from '../../core/problems.ts';
import { parseTimestamp } from '../../core/time/timestamp.ts';
import { gapSampler } from '../../core/warning/assess.ts';
import { refusing, throttled, type ProgressCallback } from './calls.ts';
import { contentHashOf, loadCached, type ScenarioBytes } from './kept-scenario.ts';
import { planName, wholeReport, type DetachedPlan } from './plan.ts';
import { contentKey, keep, keptFor } from './kept-plans.ts';
import type { PlayoutContext } from '../../core/playout/context.ts';
import type { PlanOrders } from '../../core/playout/orders.ts';

/** Plans read back and passed, with the context their futures share: what a worker keeps between play-outs. */
type Checked = Array<{ plan: Extract<ReadBack, { ok: true }>['plan']; orders: PlanOrders; ctx: PlayoutContext; indexed: IndexedPlan }>;

export type PlayoutOutcome = { ok: true; chunks: PlayoutChunk[]; events: string[]; setupMs: number; totalMs: number; /** The plans as this worker checked them for its last play-out (the same content), not read back again. */ checkedBefore: boolean } | { ok: false; problems: Problem[]; total: number; code?: 2 | 3 };

export const playoutEngine = {
  async playout(name: string, bytes: ScenarioBytes, forecast: ScenarioForecast, given: Array<PlanReport | DetachedPlan>, options: { from: number; to: number; seed: number; replay?: number; names?: string[]; measured?: { file: string; value: unknown } }, onProgress?: ProgressCallback): Promise<PlayoutOutcome> {
    const started = Date.now();
    const plans = await Promise.all(given.map(wholeReport));
    const loaded = loadCached(name, bytes);
    if (!loaded.ok || !loaded.scenario) return { ok: false, problems: loaded.problems, total: loaded.total };
    const s = loaded.scenario;
    const progress = throttled(onProgress);
    const sha256 = contentHashOf(name, bytes);
    // The same plans on the same scenario and forecast were checked by this worker's last play-out: kept (kept-plans.ts).
    const key = await contentKey([sha256, forecast, plans]).catch(() => null);
    const before = key ? keptFor<Checked>(key) : undefined;
    return refusing(() => {
      let checked = before;
      if (!checked) {
        // Every plan is checked again against this scenario before it is played (read-back.ts).
        const read = plans.map((plan, i) => readBackPlan(options.names?.[i] ?? planName(given[i], i), plan, { scenario: s, sha256, name }, forecast));
        const refused = read.filter((r): r is Extract<ReadBack, { ok: false }> => !r.ok);
        if (refused.length) {
          const problems = refused.flatMap((r) => r.problems);
          return { ok: false as const, problems, total: problems.length, code: Math.max(...refused.map((r) => r.code)) as 2 | 3 };
        }
        checked = (read as Extract<ReadBack, { ok: true }>[]).map((r) => {
          const plan = r.plan, settings = plan.settings!;
          const assessOptions = { issuedAtMs: parseTimestamp(plan.issuedAt)!.ms, horizonDays: Math.ceil(plan.hours / 24), samples: 20, seed: settings.seed, confidence: settings.confidence };
          const ctx = playoutContext(s, r.problem, gapSampler(s, forecast, assessOptions));
          return { plan, orders: r.orders, ctx, indexed: indexPlan(ctx, r.orders) };
        });
        if (key) keep(key, checked);
      }
      // Measured compliance (orderly report execution --measured-out), checked against this scenario.
      let measured: Map<string, number[]> | undefined;
      if (options.measured) {
        const m = readMeasured(options.measured.file, options.measured.value, s, sha256);
        if (!m.ok) return { ok: false as const, problems: m.problems, total: m.problems.length, code: 2 as const };
        measured = m.measured;
      }
      const setupMs = Date.now() - started;
      const chunks: PlayoutChunk[] = [];
      let events: string[] = [];
      checked.forEach(({ plan, orders, ctx, indexed }, i) => {
        events = ctx.events;
        chunks.push(playFutures(ctx, { ...orders, name: `plan ${i + 1} (${plan.strategy}${plan.level ? `, level ${plan.level}` : ''})` }, options.from, options.to, { seed: options.seed, ...(options.replay !== undefined ? { replay: options.replay } : {}), ...(measured ? { measured } : {}) }, indexed));
        void progress((i + 1) / checked!.length, 'futures');
      });
      return transfer({ ok: true as const, chunks, events, setupMs, totalMs: Date.now() - started, checkedBefore: before !== undefined }, chunks.flatMap((c) => [...Object.values(c.metrics), c.rungMWh, c.rungPeakMW, c.classMWh, c.unservedByHour].map((a) => a.buffer)) as ArrayBuffer[]);
    });
  },
};
