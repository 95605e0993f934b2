/**
 * A revision's changes against the plan in force, per customer, from the hour of re-planning on:
 * what each releases (its measures, and its whole load where its feeder is opened) before and
 * after — added (nothing before), cancelled (nothing after), increased or reduced (by energy),
 * with the hours and MW, largest change first within each kind.
 */
import type { PlanProblem } from '../plan/problem.ts';

export type ChangeKind = 'added' | 'cancelled' | 'increased' | 'reduced';

export interface CustomerChange {
  customer: string;
  kind: ChangeKind;
  /** Notified by T (for any day it is ordered on from T). */
  notified: boolean;
  /** First and last hour (index) from T whose MW changed. */
  firstHour: number;
  lastHour: number;
  /** Hours from T with an order, before and after. */
  hoursBefore: number;
  hoursAfter: number;
  /** MWh from T, before and after; the largest change in one hour (MW, signed). */
  mwhBefore: number;
  mwhAfter: number;
  largestChangeMW: number;
}

/** A plan's decisions as the changes compare them. */
type Orders = { x: Float64Array; feederOpen: Uint8Array };

const round = (v: number) => Math.round(v * 1000) / 1000;

/** The changes from hour t on, per customer: what each releases (measures and its opened feeder), before and after. */
export function changesAgainst(
  p: PlanProblem, before: Orders, after: Orders, t: number, options: { notified: Uint8Array },
): { changes: CustomerChange[]; counts: Record<ChangeKind, number> } {
  const H = p.hours, C = p.customers.id.length, U = p.units.customer.length;
  const days = H ? p.dayIndex[H - 1] + 1 : 0;
  // Only customers whose orders or feeder differ from t on can have changed: found in one pass.
  const UC = p.units.customer, touched = new Uint8Array(C);
  for (let u = 0; u < U; u++) {
    const at = u * H;
    for (let h = t; h < H; h++) if (before.x[at + h] !== after.x[at + h]) { touched[UC[u]] = 1; break; }
  }
  for (let f = 0; f < p.feeders.id.length; f++) {
    for (let h = t; h < H; h++) if (before.feederOpen[f * H + h] !== after.feederOpen[f * H + h]) { for (const c of p.feeders.customers[f]) touched[c] = 1; break; }
  }
  const list: number[] = [];
  for (let c = 0; c < C; c++) if (touched[c]) list.push(c);
  const slot = new Int32Array(C).fill(-1);
  list.forEach((c, i) => { slot[c] = i; });
  const onFeeder = new Int32Array(C).fill(-1);
  p.feeders.customers.forEach((cs, f) => { for (const c of cs) if (touched[c]) onFeeder[c] = f; });
  /** What each touched customer releases from t on, row per customer (its slot). */
  const released = (plan: Orders) => {
    const r = new Float64Array(list.length * H);
    for (let u = 0; u < U; u++) {
      const i = slot[UC[u]];
      if (i < 0) continue;
      for (let h = t; h < H; h++) r[i * H + h] += plan.x[u * H + h];
    }
    list.forEach((c, i) => {
      const f = onFeeder[c];
      if (f >= 0) for (let h = t; h < H; h++) if (plan.feederOpen[f * H + h]) r[i * H + h] = p.customers.baseline[c * H + h];
    });
    return r;
  };
  const a = released(before), b = released(after);
  const changes: CustomerChange[] = [];
  const counts: Record<ChangeKind, number> = { added: 0, cancelled: 0, increased: 0, reduced: 0 };
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    let first = -1, last = -1, hb = 0, ha = 0, eb = 0, ea = 0, largest = 0, notified = false;
    for (let h = t; h < H; h++) {
      const v0 = a[i * H + h], v1 = b[i * H + h];
      if (v0 > 1e-6) { hb++; eb += v0; if (options.notified[c * days + p.dayIndex[h]]) notified = true; }
      if (v1 > 1e-6) ha++;
      ea += v1;
      if (Math.abs(v1 - v0) > 1e-6) {
        if (first < 0) first = h;
        last = h;
        if (Math.abs(v1 - v0) > Math.abs(largest)) largest = v1 - v0;
      }
    }
    if (first < 0) continue;
    const kind: ChangeKind = hb === 0 ? 'added' : ha === 0 ? 'cancelled' : ea > eb ? 'increased' : 'reduced';
    counts[kind]++;
    changes.push({ customer: p.customers.id[c], kind, notified, firstHour: first, lastHour: last, hoursBefore: hb, hoursAfter: ha, mwhBefore: round(eb), mwhAfter: round(ea), largestChangeMW: round(largest) });
  }
  const rank: Record<ChangeKind, number> = { added: 0, cancelled: 1, increased: 2, reduced: 3 };
  changes.sort((x, y) => rank[x.kind] - rank[y.kind] || Math.abs(y.mwhAfter - y.mwhBefore) - Math.abs(x.mwhAfter - x.mwhBefore) || (x.customer < y.customer ? -1 : 1));
  return { changes, counts };
}
