/**
 * The headline figures of a plan read back — what a dispatcher compares plans by: the residual
 * left (per area, in all, and the energy the days are still short of), the target, the customers
 * and customer-days touched, the MW and MWh curtailed, the economic loss — restated from its
 * decisions, once those are verified. The report derives each from the decisions; a file edited
 * to say "residual 0 MWh" or "loss 0" while its orders say otherwise would otherwise be shown
 * as it says, verified, beside plans that tell the truth.
 */
import type { Problem } from '../problems.ts';
import { energyShortMWh } from './energy-short.ts';
import type { PlanProblem } from './problem.ts';
import type { PlanReport } from './report.ts';

export interface Decided {
  x: Float64Array;
  feederOpen: Uint8Array;
  feederMW: Float64Array;
}

export function headlineFigures(file: string, plan: PlanReport, p: PlanProblem, d: Decided): Problem[] {
  const out: Problem[] = [];
  const H = p.hours, U = p.units.customer.length, C = p.customers.id.length, F = p.feeders.id.length;
  // The report writes figures to 1 W (or 1 MWh-unit of loss) after summing in its own order.
  const differs = (found: number, expected: number, unit: number) => !(Math.abs(found - expected) <= Math.max(unit, 1e-6 * Math.abs(expected)));
  const check = (path: string, found: number, expected: number, what: string, unit = 0.0015) => {
    if (differs(found, expected, unit)) out.push({ path: `${file}: ${path}`, message: `expected ${round(expected)} (${what}, from the plan's decisions), found ${found}` });
  };

  // Residual, per area and in all (the hourly residuals are verified).
  let totalMWh = 0, peakMW = 0;
  const short: string[] = [];
  for (const [o, at] of [[plan.system, 'system'], ...plan.local.map((l, i) => [l, `local[${i}]`] as const)] as const) {
    let mwh = 0, peak = 0;
    for (const v of o.residualMW) { mwh += v; peak = Math.max(peak, v); }
    check(`${at}.residualMWh`, o.residualMWh, mwh, `the sum of its hourly residual in ${o.area}`);
    check(`${at}.peakResidualMW`, o.peakResidualMW, peak, `the largest of its hourly residual in ${o.area}`);
    totalMWh += mwh; peakMW = Math.max(peakMW, peak);
    if (round(mwh) > 1e-6) short.push(o.area); // as the report lists them: by the MWh it writes
  }
  check('residual.totalMWh', plan.residual.totalMWh, totalMWh, 'the residual of every area');
  check('residual.peakMW', plan.residual.peakMW, peakMW, 'the largest hourly residual of any area');
  const areas = (plan.residual as { areas?: unknown }).areas;
  if (Array.isArray(areas) && (areas.length !== short.length || areas.some((a, i) => a !== short[i]))) {
    out.push({ path: `${file}: residual.areas`, message: `expected the areas left short (${short.join(', ') || 'none'}), found ${areas.join(', ') || 'none'}` });
  }
  // The energy the days are still short of (the account itself is verified day by day).
  const budget = plan.system.causesMWh?.['energy budget'] ?? 0;
  check("system.causesMWh['energy budget']", budget, energyShortMWh(plan), 'the energy the energy-short days are left short of');

  // The target: the largest gap of the constraints the plan covers.
  let target = 0;
  for (const k of p.constraints) for (const g of k.gapMW) target = Math.max(target, g);
  check('targetMW', plan.targetMW, target, 'the largest gap the plan covers');

  // What the plan curtails: by measures, and the opened feeders' load shared by what each customer still drew.
  const mw = new Float64Array(C * H);
  let loss = 0;
  for (let u = 0; u < U; u++) {
    const c = p.units.customer[u], cost = p.units.costPerMWh[u];
    for (let h = 0; h < H; h++) { const v = d.x[u * H + h]; if (v > 0) { mw[c * H + h] += v; loss += v * cost; } }
  }
  for (let f = 0; f < F; f++) {
    for (let h = 0; h < H; h++) {
      if (!d.feederOpen[f * H + h]) continue;
      const total = d.feederMW[f * H + h];
      let left = 0;
      for (const c of p.feeders.customers[f]) left += Math.max(0, p.customers.baseline[c * H + h] - mw[c * H + h]);
      for (const c of p.feeders.customers[f]) {
        const share = left > 0 ? Math.max(0, p.customers.baseline[c * H + h] - mw[c * H + h]) / left : 0;
        mw[c * H + h] += share * total;
        loss += share * total * p.customers.costPerMWh[c];
      }
    }
  }
  let customers = 0, customerDays = 0, curtailedMWh = 0;
  const hourly = new Float64Array(H);
  for (let c = 0; c < C; c++) {
    let any = false, lastDay = -1;
    for (let h = 0; h < H; h++) {
      const v = mw[c * H + h];
      hourly[h] += v; curtailedMWh += v;
      if (v <= 1e-9) continue;
      any = true;
      if (p.dayIndex[h] !== lastDay) { customerDays++; lastDay = p.dayIndex[h]; }
    }
    if (any) customers++;
  }
  let peakCurtailed = 0;
  for (const v of hourly) peakCurtailed = Math.max(peakCurtailed, v);
  const o = plan.objective as Partial<PlanReport['objective']>;
  check('objective.customersAffected', o.customersAffected ?? NaN, customers, 'the customers its orders and feeders curtail', 0);
  check('objective.userTimes', o.userTimes ?? NaN, customerDays, 'the customer-days they are curtailed on (户次)', 0);
  check('objective.peakCurtailedMW', o.peakCurtailedMW ?? NaN, peakCurtailed, 'the most it curtails in an hour');
  check('objective.curtailedMWh', o.curtailedMWh ?? NaN, curtailedMWh, 'the energy it curtails');
  check('objective.economicLoss', o.economicLoss ?? NaN, loss, `the loss at the scenario's costs, ${plan.currency}`, 1);
  return out;
}

const round = (v: number) => Math.round(v * 1000) / 1000;
