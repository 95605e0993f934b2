/**
 * The reference for the planner's speed: native CLP (Debian's `coinor-clp`), dual
 * simplex with presolve off — the fastest general solver measured on the planner's own model
 * (SOLVERS.md) — on the model `--export-lp` writes, its own reported solve time (reading the
 * file takes it longer than solving it, and is not counted). Benchmarks only: installed with
 * apt-get when missing and allowed, skipped with the reason where it cannot be.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planLp } from '../../core/plan/lp-format.ts';
import { lpObjective } from '../../core/plan/objective.ts';
import type { PlanProblem } from '../../core/plan/problem.ts';
import type { SolvedPlan } from '../../core/plan/solve.ts';

export type ClpRun =
  | { ok: true; solveMs: number; objective: number; ours: number; gap: number; variables: number; rows: number }
  | { ok: false; why: string };

let available: string | null | undefined;

/** Where clp is, installing it once if it is missing and apt-get can (root); null with a message otherwise. */
function clpBinary(): string | null {
  if (available !== undefined) return available;
  const found = spawnSync('sh', ['-c', 'command -v clp'], { encoding: 'utf8' });
  if (found.status === 0 && found.stdout.trim()) return (available = found.stdout.trim());
  if (process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get']).status === 0) {
    console.log('  native CLP missing: apt-get install -y coinor-clp …');
    const r = spawnSync('apt-get', ['install', '-y', 'coinor-clp'], { encoding: 'utf8' });
    const again = spawnSync('sh', ['-c', 'command -v clp'], { encoding: 'utf8' });
    if (r.status === 0 && again.status === 0 && again.stdout.trim()) return (available = again.stdout.trim());
  }
  console.log('  native CLP not found and not installable here (apt-get install coinor-clp as root): the CLP reference is skipped');
  return (available = null);
}

/** Our plan's model solved by CLP; its objective compared with ours (relative, at least 1 in the denominator). */
export function clpOnPlan(p: PlanProblem, plan: SolvedPlan): ClpRun {
  const bin = clpBinary();
  if (!bin) return { ok: false, why: 'clp not available' };
  const lp = planLp(p, plan);
  const dir = mkdtempSync(join(tmpdir(), 'orderly-clp-'));
  try {
    const file = join(dir, 'model.lp');
    writeFileSync(file, lp.text);
    const out = execFileSync(bin, [file, '-presolve', 'off', '-dualsimplex'], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
    const m = /Optimal objective\s+(\S+)\s+-\s+\d+\s+iterations\s+time\s+(\S+)/.exec(out);
    if (!m) return { ok: false, why: `clp did not report an optimum: ${out.split('\n').filter(Boolean).slice(-2).join(' / ')}` };
    const objective = Number(m[1]), ours = lpObjective(p, plan).value;
    return { ok: true, solveMs: Number(m[2]) * 1000, objective, ours, gap: Math.abs(objective - ours) / Math.max(1, Math.abs(ours)), variables: lp.variables, rows: lp.rows };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
