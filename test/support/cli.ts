/**
 * Runs the command line in-process, collecting what it prints (the CLI tests' helper). The engine
 * workers are kept from command to command within a test file, one pool per size a command asks
 * for: each command would otherwise start its workers afresh, and a worker started from the
 * sources compiles them all again (one to two seconds of every command's time in the tests).
 * What a command computes does not depend on it: the workers keep only what is keyed by content.
 */
import { afterAll } from 'vitest';
import { main } from '../../worker/cli/main.ts';
import { nodeEnginePool } from '../../worker/node/spawn.ts';
import type { EnginePool } from '../../worker/pool.ts';

const pools = new Map<number, EnginePool>();
const poolOfSize = (size: number): EnginePool => {
  let pool = pools.get(size);
  if (!pool) pools.set(size, (pool = nodeEnginePool(size)));
  return pool;
};
afterAll(async () => {
  await Promise.all([...pools.values()].map((p) => p.close()));
  pools.clear();
});

export async function runCli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout: string[] = [], stderr: string[] = [];
  const code = await main(argv, { log: (l) => stdout.push(l), error: (l) => stderr.push(l) }, { poolOfSize });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}
