/**
 * `npm run bench [-- --quick] [-- --record] [-- --only playout,replan]` (`-- --profile [city|province] [--lp]`: the stages one by one, profile.ts): the benchmark suites (benchmark.js). Every figure
 * is measured next to a reference taken in the same run on the same data, so results compare
 * across machines as ratios; absolute seconds are printed too because the issues set absolute
 * targets on the project's 2-core machine. Results go to bench/results/latest.json; --record also
 * stores them as the baseline (bench/baseline.json) that later runs are compared with.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { cliStartSuite } from './suites/cli-start.ts';
import { forecastingSuite } from './suites/forecasting.ts';
import { generationSuite } from './suites/generation.ts';
import { planningSuite } from './suites/planning.ts';
import { playoutSuite } from './suites/playout.ts';
import { executionSuite } from './suites/execution.ts';
import { replanSuite } from './suites/replan.ts';
import { meetsTargets, printTable, type BenchRow } from './report.ts';

if (process.argv.includes('--fuzz')) {
  const { fuzz } = await import('./fuzz.ts');
  process.exit(await fuzz(process.argv.slice(2)));
}
if (process.argv.includes('--profile')) {
  const { profile } = await import('./profile.ts');
  process.exit(await profile(process.argv.slice(2)));
}

const quick = process.argv.includes('--quick');
const record = process.argv.includes('--record');

const rows: BenchRow[] = [];
console.log(`Orderly benchmarks${quick ? ' (quick)' : ''} — ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n`);
// `--only playout,replan`: just those suites (a change measured without the whole run's hour).
const suites = { 'cli-start': cliStartSuite, generation: generationSuite, forecasting: forecastingSuite, planning: planningSuite, playout: playoutSuite, execution: executionSuite, replan: replanSuite };
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? (process.argv[onlyAt + 1] ?? '').split(',').filter(Boolean) : Object.keys(suites);
const unknown = only.filter((n) => !(n in suites));
if (unknown.length || !only.length) {
  console.error(`bench: --only expected suites among ${Object.keys(suites).join(', ')}, found ${JSON.stringify(process.argv[onlyAt + 1] ?? '')}`);
  process.exit(2);
}
for (const [name, suite] of Object.entries(suites)) if (only.includes(name)) rows.push(...(await suite({ quick })));

const baselinePath = new URL('./baseline.json', import.meta.url);
const baseline: { rows: BenchRow[] } | null = existsSync(baselinePath) ? JSON.parse(readFileSync(baselinePath, 'utf8')) : null;
printTable(rows, baseline?.rows ?? null);

mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
const result = { when: new Date().toISOString(), quick, machine: { cores: cpus().length, cpu: cpus()[0]?.model, node: process.version }, rows };
writeFileSync(new URL('./results/latest.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
if (record && onlyAt < 0) writeFileSync(baselinePath, `${JSON.stringify(result, null, 2)}\n`);
console.log(`\nresults: bench/results/latest.json${record && onlyAt < 0 ? ', recorded as bench/baseline.json' : record ? ' (not recorded as the baseline: a partial run)' : ''}`);
const failed = rows.filter((r) => !meetsTargets(r));
if (failed.length) {
  const missed = (r: BenchRow) => (r.target !== undefined && r.medianS > r.target ? `${r.medianS.toFixed(2)} s > ${r.target} s` : `${r.ratio?.toFixed(2)}× > ${r.ratioTarget}×`);
  console.log(`targets missed: ${failed.map((r) => `${r.name} (${missed(r)})`).join(', ')}`);
  process.exitCode = 1;
}
