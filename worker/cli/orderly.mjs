#!/usr/bin/env node
// The `orderly` command. The sources are TypeScript, run through tsx's loader (no build step), so
// `npx orderly` runs exactly the code the tests and the page run.
import { register } from 'tsx/esm/api';

register();
// Output piped into `head` and the like: a closed pipe ends the command quietly, not with a trace.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
