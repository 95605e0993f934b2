/**
 * The gap a plan was made on, as a fingerprint the plan carries (`madeOn.gapSha256`): the SHA-256
 * of every constraint's area, scope and gap per hour in whole kW. A plan read back is re-verified
 * against the gap its scenario gives now; where that gap is not the one the plan was made on (a
 * newer Orderly forecasts the same file differently, or the plan was made on other settings), the
 * read-back says so, with the largest gap then and now, instead of a list of coverage figures
 * that no longer add up and do not say why.
 */
import { contentHash } from '../content-hash.ts';
import { formatInZone, resolveZone } from '../time/zone.ts';
import { HOUR_MS } from '../time/timestamp.ts';
import type { Problem } from '../problems.ts';
import type { PlanProblem } from './problem.ts';

export function gapFingerprint(p: PlanProblem): string {
  const parts: string[] = [];
  for (const k of p.constraints) {
    const kw = Array.from(k.gapMW, (v) => Math.round(v * 1000));
    parts.push(`${p.areaIds[k.area]}|${k.scope}|${kw.join(',')}`);
  }
  return contentHash(new TextEncoder().encode(parts.join('\n')));
}

/** The largest gap over the constraints (0 where none is short), its constraint and its hour: the system first on a tie, then the earliest hour. */
export function largestGap(p: PlanProblem): { mw: number; k: number; h: number } {
  let best = { mw: 0, k: 0, h: 0 };
  p.constraints.forEach((con, k) => {
    for (let h = 0; h < con.gapMW.length; h++) if (con.gapMW[h] > best.mw) best = { mw: con.gapMW[h], k, h };
  });
  return best;
}

const mw = (v: number) => `${Math.round(v * 10) / 10} MW`;

/**
 * Null where the plan was made on the gap the problem has (or carries no fingerprint: older
 * plans, judged by the verifier alone); otherwise the problem that says the gap has moved.
 */
export function gapMoved(
  file: string,
  plan: { madeOn?: { gapSha256: string }; targetMW: number; targetArea?: { name?: unknown } },
  p: PlanProblem,
  scenarioName: string,
): Problem | null {
  const made = plan.madeOn?.gapSha256;
  if (!made || made === gapFingerprint(p)) return null;
  const now = largestGap(p);
  const name = p.constraints[now.k]?.name ?? 'the system';
  const zone = resolveZone(p.timeZone);
  const at = zone ? formatInZone(p.startMs + now.h * HOUR_MS, zone).slice(0, 16).replace('T', ' ') : `hour ${now.h}`;
  // The file's own name of the area it targeted, where it gives one as text (the field is not checked by the form).
  const where = typeof plan.targetArea?.name === 'string' ? ` in ${plan.targetArea.name}` : '';
  // The same largest gap: the gap differs in other hours or areas, or the fingerprint was edited —
  // not to be told as a forecast that has moved.
  if (mw(plan.targetMW) === mw(now.mw)) {
    return {
      path: `${file}: madeOn.gapSha256`,
      message: `expected the fingerprint of the gap ${scenarioName} gives now, found another, though its largest gap (${mw(now.mw)} in ${name} at ${at}) is the one the plan states: `
        + `the gap differs in other hours or areas, or the fingerprint was edited. Make the plan again rather than use this one`,
    };
  }
  return {
    path: `${file}: madeOn.gapSha256`,
    message: `expected the gap ${scenarioName} gives now, found a plan made on another: its largest gap was ${mw(plan.targetMW)}${where}, `
      + `the forecast and supply of the same file now give ${mw(now.mw)} in ${name} at ${at}. The file is the same; the forecast of it is not `
      + `(made by another version of Orderly, or on other settings). Make the plan again rather than use this one`,
  };
}

/**
 * For a plan without a fingerprint (older versions): where the verifier finds its stated
 * requirement is not the gap's, a first line that says the likely reason.
 */
export function requirementMoved(file: string, checks: ReadonlyArray<{ check: string; message: string }>, scenarioName: string): Problem | null {
  const moved = checks.filter((v) => v.check === 'coverage' && /reports [^ ]+ MW to cover/.test(v.message)).length;
  if (!moved) return null;
  return {
    path: `${file}: coverage`,
    message: `expected the requirement ${scenarioName} gives now, found another in ${moved} hour${moved === 1 ? '' : 's'}: the plan carries no fingerprint of the gap it was made on `
      + `(an older version of Orderly wrote it), so either the forecast of the same file has changed since, or the plan was edited. Make the plan again rather than use this one`,
  };
}
