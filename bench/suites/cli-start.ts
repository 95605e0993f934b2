/**
 * How fast `orderly` starts: a whole process, as a user runs it (`node worker/cli/orderly.mjs`,
 * what `npx orderly` starts after npm's own start-up), for `--help` (start-up alone) and `validate
 * scenarios/heat-wave.json` (start-up, one engine worker, a 2 MB scenario read and checked).
 * Reference: a bare `node -e ''` measured in the same run, the floor of any Node command. The built
 * command line is measured next to the same command run from the TypeScript sources
 * (ORDERLY_FROM_SOURCES=1: tsx transpiling at start, in every worker too), as it ran before it was
 * built. Target: `--help` within 2× the bare Node start.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { currentOrNewBuild, ROOT } from '../../scripts/build-cli.mjs';
import type { BenchRow } from '../report.ts';
import { measure } from './measure.ts';

const exec = promisify(execFile);
const BIN = join(ROOT, 'worker/cli/orderly.mjs');
const SCENARIO = join(ROOT, 'scenarios/heat-wave.json');

export async function cliStartSuite({ quick }: { quick: boolean }): Promise<BenchRow[]> {
  // The build made first if it is not current, so that no sample includes it.
  await currentOrNewBuild();
  const built = { ...process.env, ORDERLY_FROM_SOURCES: '' };
  const sources = { ...process.env, ORDERLY_FROM_SOURCES: '1' };
  const run = (args: string[], env: NodeJS.ProcessEnv) => () => exec(process.execPath, args, { cwd: ROOT, env });
  const time = (name: string, fn: () => Promise<unknown>, slow = false) =>
    measure(name, fn, { minSamples: slow ? 3 : quick ? 10 : 20, maxTime: slow ? (quick ? 2 : 5) : quick ? 2 : 5 });

  const bare = await time("node -e ''", run(['-e', ''], built));
  const cases = [
    { name: '--help', args: [BIN, '--help'], target: 2 },
    { name: 'validate heat-wave', args: [BIN, 'validate', SCENARIO] },
  ];
  const rows: BenchRow[] = [];
  const reference = `node -e '' (${(bare.medianS * 1000).toFixed(0)} ms)`;
  for (const c of cases) {
    const fast = await time(`${c.name} (built)`, run(c.args, built));
    const slow = await time(`${c.name} (from sources)`, run(c.args, sources), true);
    rows.push(
      { suite: 'CLI start', name: `${c.name}, built`, ...fast, reference, ratio: fast.medianS / bare.medianS, ...(c.target ? { ratioTarget: c.target } : {}) },
      { suite: 'CLI start', name: `${c.name}, from sources`, ...slow, reference, ratio: slow.medianS / bare.medianS },
    );
    console.log(`  ${c.name}: built ${(fast.medianS * 1000).toFixed(0)} ms, from sources ${(slow.medianS * 1000).toFixed(0)} ms, node -e '' ${(bare.medianS * 1000).toFixed(0)} ms`);
  }
  return rows;
}
