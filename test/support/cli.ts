/** Runs the command line in-process, collecting what it prints (the CLI tests' helper). */
import { main } from '../../worker/cli/main.ts';

export async function runCli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout: string[] = [], stderr: string[] = [];
  const code = await main(argv, { log: (l) => stdout.push(l), error: (l) => stderr.push(l) });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}
