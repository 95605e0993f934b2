/**
 * Revisions pass the independent verifier wherever they are made: on bundled scenarios (a heat
 * wave, a coal and wind shortage, a town short of import capacity), at two times (the first day's
 * 13:00, the fourth day's — or the last day's — 17:00) and with the rest of that day's forecast 10 % lower and 10 %
 * higher, the notices issued being those whose deadline has passed by T — and the revision never
 * touches the past, never raises an order inside a lead time from T, and counts its changes
 * exactly as the orders differ.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { replan } from '../../core/execution/replan.ts';
import { forecastScenario } from '../../core/forecast/scenario-forecast.ts';
import { buildPlanProblem } from '../../core/plan/build-problem.ts';
import { scaleForecast } from '../../core/plan/revision.ts';
import { solvePlan } from '../../core/plan/solve.ts';
import { verifyPlan } from '../../core/plan/verify.ts';
import { loadScenarioValue } from '../../core/scenario/validate.ts';
import { assessScenario } from '../../core/warning/assess.ts';
import { repoRoot } from '../support/data-dir.ts';

const HOUR = 3_600_000;

describe.each(['heat-wave', 'coal-wind', 'local-limit'])('re-planning %s', (name) => {
  it('gives revisions that pass the verifier relative to T, leave the past alone and raise nothing inside a lead time', () => {
    const s = loadScenarioValue(JSON.parse(readFileSync(`${repoRoot}/scenarios/${name}.json`, 'utf8'))).scenario!;
    const f = forecastScenario(s);
    const p = buildPlanProblem(s, assessScenario(s, f, { samples: 200 }));
    const inForce = solvePlan(p);
    expect(inForce.rotation).toBeNull();
    const H = p.hours, U = p.units.customer.length, C = p.customers.id.length, days = p.dayIndex[H - 1] + 1;
    // The first ordered hour of each customer and day, for the notices' deadlines.
    const first = new Int32Array(C * days).fill(-1);
    for (let u = 0; u < U; u++) for (let h = 0; h < H; h++) {
      const i = p.units.customer[u] * days + p.dayIndex[h];
      if (inForce.x[u * H + h] > 1e-6 && (first[i] < 0 || h < first[i])) first[i] = h;
    }
    let changed = 0;
    for (const [day, hour] of [[0, 13], [Math.min(3, days - 1), 17]]) {
      for (const ratio of [0.9, 1.1]) {
        const atMs = p.startMs + (day * 24 + hour) * HOUR, untilMs = p.startMs + (day + 1) * 24 * HOUR;
        const p2 = buildPlanProblem(s, assessScenario(s, scaleForecast(f, atMs, untilMs, ratio), { samples: 200 }));
        const notified = new Uint8Array(C * days);
        for (let i = 0; i < C * days; i++) {
          const h = first[i], c = Math.floor(i / days);
          if (h >= 0 && p.startMs + h * HOUR - p.customers.noticeHours[c] * HOUR <= atMs) notified[i] = 1;
        }
        const r = replan(p2, inForce, { atMs, notified });
        const v = verifyPlan(p2, { strategy: 'cost', ...r, fairShare: null, revision: { atMs, inForceX: inForce.x, inForceFeederOpen: inForce.feederOpen, notified } });
        expect(v.violations.slice(0, 3), `${name} day ${day} ${hour}:00 × ${ratio}`).toEqual([]);
        const t = day * 24 + hour;
        expect(r.fromHour).toBe(t);
        // What each customer releases from T on (its measures; its whole load where its feeder is open).
        const released = (x: Float64Array, open: Uint8Array) => {
          const out = new Float64Array(C * H);
          for (let u = 0; u < U; u++) for (let h = t; h < H; h++) out[p.units.customer[u] * H + h] += x[u * H + h];
          for (let fd = 0; fd < p.feeders.id.length; fd++) for (let h = t; h < H; h++) if (open[fd * H + h]) for (const c of p.feeders.customers[fd]) out[c * H + h] = p.customers.baseline[c * H + h];
          return out;
        };
        for (let u = 0; u < U; u++) {
          const notice = p.customers.noticeHours[p.units.customer[u]];
          for (let h = 0; h < H; h++) {
            const a = inForce.x[u * H + h], b = r.x[u * H + h];
            if (h < t) expect(b).toBe(a);
            else if (h - t < notice) expect(b).toBeLessThanOrEqual(a + 1e-9);
          }
        }
        const before = released(inForce.x, inForce.feederOpen), after = released(r.x, r.feederOpen);
        const differs = new Set<number>();
        for (let i = 0; i < C * H; i++) if (Math.abs(before[i] - after[i]) > 1e-6) differs.add(Math.floor(i / H));
        expect(r.changes.length, `${name} day ${day} ${hour}:00 × ${ratio}: customers changed`).toBe(differs.size);
        changed += r.changes.length;
      }
    }
    expect(changed).toBeGreaterThan(0);
  }, 240_000);
});
