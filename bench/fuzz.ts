/**
 * `npm run bench -- --fuzz [--seed N] [--size N]`: the whole mutation harness (test/fuzz/harness.ts)
 * — every generated broken or hostile scenario, CSV and plan file through the command line — with
 * the counts printed and written to bench/results/fuzz.json. It fails (exit 1) on any silent
 * failure or crash. `npm test` runs a quick seeded subset of the same cases.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { runHarness } from '../test/fuzz/harness.ts';

export async function fuzz(argv: string[]): Promise<number> {
  const value = (name: string, fallback: number) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? Number(argv[i + 1]) : fallback;
  };
  const seed = value('seed', 1), size = value('size', 110);
  const sizes = { scenario: size, csv: Math.round(size * 0.4), plan: Math.round(size * 0.6) };
  const started = Date.now();
  console.log(`mutation harness: seed ${seed}; ${sizes.scenario} scenario mutants of each of 2 bases, ${sizes.csv} CSV, ${sizes.plan} plan files`);
  const { counts, results } = await runHarness({
    seed, sizes,
    onCase: (r, done, total) => {
      if (r.verdict === 'silent' || r.verdict === 'crash') console.log(`  ${r.verdict.toUpperCase()} ${r.id}: ${r.what} — ${r.why}`);
      if (done % 25 === 0 || done === total) console.log(`  ${done}/${total} (${Math.round((Date.now() - started) / 1000)} s)`);
    },
  });
  console.log(`\ninputs tried ${counts.tried}: refused with a message ${counts.refused}, answered and verified ${counts.answered}, silent failures ${counts.silent}, crashes ${counts.crash}`);
  for (const [kind, c] of Object.entries(counts.byKind)) console.log(`  ${kind.padEnd(9)} tried ${c.tried}, refused ${c.refused}, answered ${c.answered}, silent ${c.silent}, crash ${c.crash}`);
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('./results/fuzz.json', import.meta.url), `${JSON.stringify({ when: new Date().toISOString(), seed, sizes, counts, seconds: Math.round((Date.now() - started) / 1000), results }, null, 2)}\n`);
  console.log('results: bench/results/fuzz.json');
  return counts.silent + counts.crash === 0 ? 0 : 1;
}
