/**
 * Playing a plan out over futures. In each future, hour by hour:
 *  - the gap is drawn as the warnings draw it (load from the forecast's error model with a shock
 *    shared by all areas and hours, forced outages, renewables, imports), plus the scenario's
 *    scripted events;
 *  - customers deliver a share of what they were ordered: terminal-controlled ones all of it,
 *    manual ones a share drawn for the future (60–100 %), and in the first hour of an order only
 *    what is left after their response time; a customer whose completion was measured on past
 *    days (core/execution/measured.ts) delivers instead one of its measured shares, drawn for
 *    the future — terminal-controlled ones too, since meters saw them fall short;
 *  - shifted energy comes back as planned (in proportion to what was delivered), and a share of a
 *    curtailment snaps back in the hour after it ends;
 *  - dispatch closes what is left with the plan's unused rungs (customers already notified that
 *    day; an order outside their notified hours counts as a late notice), then the emergency order
 *    (feeders opened whole, without notice), and records what neither can close: load that would
 *    have to come from protected customers.
 * Each future has its own random stream (fork of the seed by the future's index), so the figures
 * do not depend on how futures are spread over workers.
 */
import { createRng } from '../random/rng.ts';
import { MEASURES } from '../scenario/classes.ts';
import { SHIFT } from '../plan/problem.ts';
import type { PlayoutContext } from './context.ts';
import type { PlanOrders } from './orders.ts';

/** The figures of each future, one value per future. */
export const FUTURE_METRICS = [
  'protectedCut', 'unservedMWh', 'unservedPeakMW', 'emergencyReached', 'emergencyMWh', 'curtailedMWh', 'peakCurtailedMW',
  'economicLoss', 'userTimes', 'customersAffected', 'longestHours', 'fairness', 'lateNotices', 'extraMWh', 'shortfallMWh',
] as const;
export type FutureMetric = (typeof FUTURE_METRICS)[number];

/** Rungs as the play-out counts them: the plan's measures, then feeders opened by dispatch. */
export const PLAYOUT_RUNGS = [...MEASURES, 'emergency'] as const;

export interface ReplayHour {
  demandMW: number;
  supplyMW: number;
  gapMW: number;
  snapBackMW: number;
  paybackMW: number;
  /** MW delivered by the plan's orders, per rung (PLAYOUT_RUNGS; emergency is 0 here). */
  planMW: number[];
  /** MW dispatch added: unused rungs per measure, and the emergency order (last). */
  extraMW: number[];
  unservedMW: number;
  /**
   * The customers releasing the most load this hour, largest first (at most REPLAY_LISTED: a
   * province hour can have tens of thousands, and the replay crosses to the page every time).
   */
  curtailed: string[];
  /** How many customers release load this hour. */
  curtailedCount: number;
}

export const REPLAY_LISTED = 25;

export interface PlayoutChunk {
  from: number;
  to: number;
  metrics: Record<FutureMetric, Float64Array>;
  /** MWh per future and rung, future-major (PLAYOUT_RUNGS.length per future). */
  rungMWh: Float64Array;
  /** Peak MW per future and rung. */
  rungPeakMW: Float64Array;
  /** MWh per future and customer class (classes listed in `classes`). */
  classMWh: Float64Array;
  classes: string[];
  /** Unserved MW per future and hour (system), for fan charts. */
  unservedByHour: Float64Array;
  replay?: { future: number; hours: ReplayHour[] };
}

export interface PlayOptions {
  seed: number;
  /** Future whose hours are recorded for the replay. */
  replay?: number;
  /** Range of manual customers' compliance (share of what is ordered). */
  manualCompliance?: [number, number];
  /** Measured completion (0–1) of customers on past days, by customer id: replaces the assumption for them. */
  measured?: ReadonlyMap<string, readonly number[]>;
}

const R = PLAYOUT_RUNGS.length, EMERGENCY = R - 1;

/** The plan as the hour loop reads it: built once per plan and context, the same for every future. */
export interface IndexedPlan {
  planC: Float64Array;
  notified: Uint8Array;
  orderedAt: Int32Array[];
  orderedMWAt: Float64Array[];
  paybackAt: Int32Array[];
  paybackMWAt: Float64Array[];
  feederAt: Int32Array[];
  candidates: Int32Array[][];
  candidateSpare: Float64Array[][];
  baseEnergy: Float64Array;
  classes: string[];
  classOf: Int32Array;
  delay: Float64Array;
}

/**
 * Indexes a plan for its futures (a province day's takes ~0.5 s: worth keeping beside the plan when
 * the same plan is played again, see worker/engine/kept-plans.ts).
 */
export function indexPlan(ctx: PlayoutContext, orders: PlanOrders): IndexedPlan {
  const { p } = ctx;
  const H = p.hours, U = p.units.customer.length, C = p.customers.id.length, F = p.feeders.id.length, K = p.constraints.length;
  const UC = p.units.customer, UM = p.units.measure, BASE = p.customers.baseline, X = orders.x, PAY = orders.payback, FO = orders.feederOpen;
  const days = H ? p.dayIndex[H - 1] + 1 : 0;

  // The plan, indexed for the hour loop. The tables are unit-major (u·H + h): walking them unit
  // by unit, hours inside, reads memory in order (hour by hour, units inside, strides H·8 bytes
  // and cost a province ~1 s in cache misses); each hour's list still comes out in unit order.
  const planC = new Float64Array(C * H); // MW ordered per customer and hour
  const notified = new Uint8Array(C * Math.max(1, days));
  const orderedCount = new Int32Array(H), paybackCount = new Int32Array(H);
  for (let u = 0; u < U; u++) {
    const shift = UM[u] === SHIFT;
    for (let h = 0; h < H; h++) {
      if (X[u * H + h] > 0) orderedCount[h]++;
      if (shift && PAY[u * H + h] > 0) paybackCount[h]++;
    }
  }
  const orderedAt = Array.from(orderedCount, (n) => new Int32Array(n)), orderedMWAt = Array.from(orderedCount, (n) => new Float64Array(n));
  // Shifted energy coming back, per hour (only the units that have some).
  const paybackAt = Array.from(paybackCount, (n) => new Int32Array(n)), paybackMWAt = Array.from(paybackCount, (n) => new Float64Array(n));
  orderedCount.fill(0); paybackCount.fill(0);
  for (let u = 0; u < U; u++) {
    const c = UC[u], shift = UM[u] === SHIFT;
    for (let h = 0; h < H; h++) {
      const x = X[u * H + h];
      if (x > 0) {
        const i = orderedCount[h]++;
        orderedAt[h][i] = u; orderedMWAt[h][i] = x;
        planC[c * H + h] += x; notified[c * days + p.dayIndex[h]] = 1;
      }
      if (shift && PAY[u * H + h] > 0) { const i = paybackCount[h]++; paybackAt[h][i] = u; paybackMWAt[h][i] = PAY[u * H + h]; }
    }
  }
  const feederAt: Int32Array[] = [];
  for (let h = 0; h < H; h++) {
    const list: number[] = [];
    for (let f = 0; f < F; f++) if (FO[f * H + h]) { list.push(f); for (const c of p.feeders.customers[f]) notified[c * days + p.dayIndex[h]] = 1; }
    feederAt.push(Int32Array.from(list));
  }
  // What dispatch may call per constraint and hour, in order: units of customers notified that
  // day, not shifts (their energy must come back), orderable, with capacity the plan left.
  // (Their spare MW is kept beside them: the hour loop then never reads the unit-major tables,
  // which keeps each worker's working set small enough for two to share a cache.) Built unit by
  // unit in the constraint's order, hours inside, for the reason above.
  const candidates: Int32Array[][] = [], candidateSpare: Float64Array[][] = [];
  const listU = Array.from({ length: H }, () => [] as number[]), listMW = Array.from({ length: H }, () => [] as number[]);
  for (let k = 0; k < K; k++) {
    for (let h = 0; h < H; h++) { listU[h].length = 0; listMW[h].length = 0; }
    const inside = ctx.inside[k];
    for (let i = 0; i < inside.length; i++) {
      const u = inside[i], c = UC[u];
      if (UM[u] === SHIFT) continue;
      for (let h = Math.max(0, ctx.orderable[c]); h < H; h++) {
        const left = ctx.cap[u * H + h] - X[u * H + h];
        if (!notified[c * days + p.dayIndex[h]] || left <= 1e-9) continue;
        listU[h].push(u); listMW[h].push(left);
      }
    }
    candidates.push(listU.map((l) => Int32Array.from(l))); candidateSpare.push(listMW.map((l) => Float64Array.from(l)));
  }
  const baseEnergy = new Float64Array(C);
  for (let c = 0; c < C; c++) for (let h = 0; h < H; h++) baseEnergy[c] += BASE[c * H + h];
  const classes = [...new Set(p.customers.cls)].sort();
  const classOf = Int32Array.from(p.customers.cls, (c) => classes.indexOf(c));
  // In the first hour of an order a customer delivers only what is left after its response time.
  const delay = Float64Array.from(p.customers.responseMinutes, (m) => Math.max(0, 1 - m / 60));
  return { planC, notified, orderedAt, orderedMWAt, paybackAt, paybackMWAt, feederAt, candidates, candidateSpare, baseEnergy, classes, classOf, delay };
}

export function playFutures(ctx: PlayoutContext, orders: PlanOrders, from: number, to: number, options: PlayOptions, indexed: IndexedPlan = indexPlan(ctx, orders)): PlayoutChunk {
  const { p, sampler } = ctx;
  const H = p.hours, U = p.units.customer.length, C = p.customers.id.length, F = p.feeders.id.length, K = p.constraints.length;
  const N = to - from;
  const [cLo, cHi] = options.manualCompliance ?? [0.6, 1];
  const UC = p.units.customer, UM = p.units.measure, BASE = p.customers.baseline;
  const days = H ? p.dayIndex[H - 1] + 1 : 0;
  const sigma = p.snapBackShare;
  const { planC, orderedAt, orderedMWAt, paybackAt, paybackMWAt, feederAt, candidates, candidateSpare, baseEnergy, classes, classOf, delay } = indexed;
  const observed = p.customers.id.map((id) => { const r = options.measured?.get(id); return r?.length ? Float64Array.from(r, (x) => Math.min(1, Math.max(0, x))) : null; });

  const metrics = Object.fromEntries(FUTURE_METRICS.map((m) => [m, new Float64Array(N)])) as Record<FutureMetric, Float64Array>;
  const rungMWh = new Float64Array(N * R), rungPeakMW = new Float64Array(N * R), classMWh = new Float64Array(N * classes.length);
  const unservedByHour = new Float64Array(N * H);
  const gaps = p.constraints.map(() => new Float64Array(H));
  const system = { demandMW: new Float64Array(H), supplyMW: new Float64Array(H) };
  const root = createRng(`playout:${options.seed}`);

  // Per-future state, reused.
  const kappa = new Float64Array(C);
  const deliv = new Float64Array(C), delivNS = new Float64Array(C), prevNS = new Float64Array(C);
  const ordered = new Uint8Array(C), prevOrdered = new Uint8Array(C);
  // MW dispatch took from each unit this hour, and the units it took from (cleared after the hour: a province has ~10⁵ units, an hour's dispatch touches few).
  const extraU = new Float64Array(U), extraTaken = new Int32Array(U);
  let nTaken = 0;
  const energy = new Float64Array(C), hoursOn = new Int32Array(C), run = new Int32Array(C), longest = new Int32Array(C);
  const dayOn = new Uint8Array(C * Math.max(1, days));
  const feederOpenNow = new Uint8Array(F);
  const covered = new Float64Array(K), need = new Float64Array(K);
  const planMW = new Float64Array(R), extraMW = new Float64Array(R);
  // Customers active this hour and the hour before (sparse: a future touches few of them).
  let active = new Int32Array(C), prevActive = new Int32Array(C);
  let nActive = 0, nPrev = 0;
  const isActive = new Uint8Array(C);
  const activate = (c: number) => { if (!isActive[c]) { isActive[c] = 1; active[nActive++] = c; } };
  let replay: PlayoutChunk['replay'];

  for (let n = 0; n < N; n++) {
    const k0 = from + n;
    const rng = root.fork(k0);
    const recording = options.replay === k0;
    sampler.sample(rng, gaps, system);
    for (let c = 0; c < C; c++) {
      const seen = observed[c];
      kappa[c] = seen ? seen[seen.length === 1 ? 0 : rng.int(seen.length)] : p.customers.manual[c] ? rng.uniform(cLo, cHi) : 1;
    }
    prevNS.fill(0); prevOrdered.fill(0); energy.fill(0); hoursOn.fill(0); run.fill(0); longest.fill(0); dayOn.fill(0);
    deliv.fill(0); delivNS.fill(0); ordered.fill(0); isActive.fill(0);
    nActive = 0; nPrev = 0;
    let unservedMWh = 0, unservedPeak = 0, emergencyMWh = 0, emergencyReached = 0, curtailedMWh = 0, peakCurtailed = 0, loss = 0, late = 0, extraMWh = 0, shortfall = 0;
    const hoursRec: ReplayHour[] = [];
    const touched: number[] = [];

    for (let h = 0; h < H; h++) {
      const d = p.dayIndex[h];
      covered.fill(0); feederOpenNow.fill(0); planMW.fill(0); extraMW.fill(0);
      // The plan's orders, delivered as customers comply.
      const orderedNow = orderedAt[h], orderedMW = orderedMWAt[h];
      for (let i = 0; i < orderedNow.length; i++) {
        const u = orderedNow[i];
        const c = UC[u];
        const v = orderedMW[i] * kappa[c] * (prevOrdered[c] ? 1 : delay[c]);
        shortfall += orderedMW[i] - v;
        activate(c);
        deliv[c] += v;
        if (UM[u] !== SHIFT) delivNS[c] += v;
        ordered[c] = 1;
        planMW[UM[u]] += v;
        loss += v * p.units.costPerMWh[u];
      }
      for (const f of feederAt[h]) {
        feederOpenNow[f] = 1;
        let mw = 0;
        for (const c of p.feeders.customers[f]) { const left = Math.max(0, BASE[c * H + h] - deliv[c]); activate(c); mw += left; deliv[c] += left; delivNS[c] += left; ordered[c] = 1; loss += left * p.customers.costPerMWh[c]; }
        planMW[4] += mw;
      }
      for (let i = 0; i < nActive; i++) { const c = active[i]; if (deliv[c] > 0) for (const k of ctx.custChain[c]) covered[k] += deliv[c]; }
      // Snap-back of what ended, and shifted energy coming back.
      let snapSys = 0, paySys = 0;
      for (let k = 0; k < K; k++) need[k] = gaps[k][h] + ctx.eventMW[k][h] - covered[k];
      for (let i = 0; i < nPrev; i++) {
        const c = prevActive[i];
        if (prevNS[c] > 0 && !ordered[c]) {
          const v = sigma * prevNS[c];
          for (const k of ctx.custChain[c]) need[k] += v;
          snapSys += v;
        }
      }
      const backNow = paybackAt[h], backMW = paybackMWAt[h];
      for (let i = 0; i < backNow.length; i++) {
        const u = backNow[i];
        const v = backMW[i] * kappa[UC[u]];
        for (const k of ctx.custChain[UC[u]]) need[k] += v;
        paySys += v;
      }
      // Dispatch: the plan's unused rungs (customers notified that day), then the emergency order.
      for (const k of ctx.kOrder) {
        if (need[k] <= 1e-6) continue;
        const list = candidates[k][h], spareMW = candidateSpare[k][h];
        for (let i = 0; i < list.length && need[k] > 1e-6; i++) {
          const u = list[i], c = UC[u];
          const fd = p.customers.feeder[c];
          if (feederOpenNow[fd]) continue;
          const room = Math.min(spareMW[i] - extraU[u], Math.max(0, BASE[c * H + h] - p.customers.floorMW[c]) - deliv[c]);
          if (room <= 1e-9) continue;
          const rate = kappa[c] * (prevOrdered[c] || ordered[c] ? 1 : delay[c]);
          if (rate <= 0) continue;
          const take = Math.min(room, need[k] / rate);
          const v = take * rate;
          if (extraU[u] === 0) extraTaken[nTaken++] = u;
          extraU[u] += take;
          if (!ordered[c] && planC[c * H + h] <= 0) late++;
          activate(c);
          ordered[c] = 1;
          deliv[c] += v; delivNS[c] += v;
          for (const k2 of ctx.custChain[c]) need[k2] -= v;
          extraMW[UM[u]] += v; extraMWh += v;
          loss += v * p.units.costPerMWh[u];
        }
        for (const f of ctx.feedersInside[k]) {
          if (need[k] <= 1e-6) break;
          if (feederOpenNow[f]) continue;
          let mw = 0;
          for (const c of p.feeders.customers[f]) mw += Math.max(0, BASE[c * H + h] - deliv[c]);
          if (mw <= 1e-9) continue;
          feederOpenNow[f] = 1;
          for (const c of p.feeders.customers[f]) { const left = Math.max(0, BASE[c * H + h] - deliv[c]); activate(c); deliv[c] += left; delivNS[c] += left; ordered[c] = 1; loss += left * p.customers.costPerMWh[c]; }
          for (const k2 of ctx.feederChain[f]) need[k2] -= mw;
          extraMW[EMERGENCY] += mw; emergencyMWh += mw; emergencyReached = 1;
        }
      }
      // What neither can close would have to come from protected customers.
      let unserved = Math.max(0, need[0]);
      let localShort = 0;
      for (let k = 1; k < K; k++) localShort += Math.max(0, need[k]);
      unserved = Math.max(unserved, localShort);
      unservedByHour[n * H + h] = unserved;
      unservedMWh += unserved;
      unservedPeak = Math.max(unservedPeak, unserved);
      // Bookkeeping per customer.
      let total = 0;
      // Runs end for last hour's customers not curtailed now; last hour's state is cleared.
      for (let i = 0; i < nPrev; i++) {
        const c = prevActive[i];
        if (!(deliv[c] > 0)) run[c] = 0;
        if (!isActive[c]) { prevNS[c] = 0; prevOrdered[c] = 0; }
      }
      for (let i = 0; i < nActive; i++) {
        const c = active[i];
        const v = deliv[c];
        if (v > 0) {
          if (energy[c] === 0) touched.push(c);
          energy[c] += v; total += v;
          hoursOn[c]++; run[c]++; if (run[c] > longest[c]) longest[c] = run[c];
          dayOn[c * days + d] = 1;
        } else run[c] = 0;
        prevNS[c] = delivNS[c];
        prevOrdered[c] = ordered[c];
      }
      for (let i = 0; i < nTaken; i++) extraU[extraTaken[i]] = 0;
      nTaken = 0;
      curtailedMWh += total;
      peakCurtailed = Math.max(peakCurtailed, total);
      for (let r = 0; r < R; r++) {
        const mw = planMW[r] + extraMW[r];
        rungMWh[n * R + r] += mw;
        if (mw > rungPeakMW[n * R + r]) rungPeakMW[n * R + r] = mw;
      }
      if (recording) {
        const releasing: number[] = [];
        for (let i = 0; i < nActive; i++) if (deliv[active[i]] > 0) releasing.push(active[i]);
        const curtailed = releasing
          .sort((a, b) => deliv[b] - deliv[a] || (p.customers.id[a] < p.customers.id[b] ? -1 : 1))
          .slice(0, REPLAY_LISTED).map((c) => p.customers.id[c]);
        hoursRec.push({
          demandMW: system.demandMW[h], supplyMW: system.supplyMW[h], gapMW: gaps[0][h] + ctx.eventMW[0][h], snapBackMW: snapSys, paybackMW: paySys,
          planMW: Array.from(planMW), extraMW: Array.from(extraMW), unservedMW: unserved, curtailed, curtailedCount: releasing.length,
        });
      }
      for (let i = 0; i < nActive; i++) { const c = active[i]; deliv[c] = 0; delivNS[c] = 0; ordered[c] = 0; isActive[c] = 0; }
      const t = prevActive; prevActive = active; active = t;
      nPrev = nActive; nActive = 0;
    }
    // The future's figures.
    let userTimes = 0, longestRun = 0, s = 0, s2 = 0;
    for (const c of touched) {
      classMWh[n * classes.length + classOf[c]] += energy[c];
      for (let d = 0; d < days; d++) userTimes += dayOn[c * days + d];
      longestRun = Math.max(longestRun, longest[c]);
      const share = baseEnergy[c] > 0 ? energy[c] / baseEnergy[c] : 0;
      s += share; s2 += share * share;
    }
    const m = metrics;
    m.protectedCut[n] = unservedPeak > 0.01 ? 1 : 0;
    m.unservedMWh[n] = unservedMWh;
    m.unservedPeakMW[n] = unservedPeak;
    m.emergencyReached[n] = emergencyReached;
    m.emergencyMWh[n] = emergencyMWh;
    m.curtailedMWh[n] = curtailedMWh;
    m.peakCurtailedMW[n] = peakCurtailed;
    m.economicLoss[n] = loss;
    m.userTimes[n] = userTimes;
    m.customersAffected[n] = touched.length;
    m.longestHours[n] = longestRun;
    // Jain's index of the curtailment shares among the customers curtailed (1: all equal).
    m.fairness[n] = touched.length && s2 > 0 ? (s * s) / (touched.length * s2) : 1;
    m.lateNotices[n] = late;
    m.extraMWh[n] = extraMWh;
    m.shortfallMWh[n] = shortfall;
    if (recording) replay = { future: k0, hours: hoursRec };
  }
  return { from, to, metrics, rungMWh, rungPeakMW, classMWh, classes, unservedByHour, ...(replay ? { replay } : {}) };
}
