#!/usr/bin/env node
// The `orderly` command. It runs the built JavaScript in dist-cli/ (made by `npm ci`'s prepare, or
// `npm run build:cli`; see scripts/build-cli.mjs): nothing is compiled when it starts, here or in
// its workers. The build's stamp is checked first against the files it was made from; if any has
// changed (or there is no build), the command is rebuilt before it runs, so a stale build never
// runs.
//
// ORDERLY_FROM_SOURCES=1 runs the TypeScript sources through tsx instead (development; the tests
// call worker/cli/main.ts in-process the same way).
import { currentOrNewBuild } from '../../scripts/build-cli.mjs';

// Output piped into `head` and the like: a closed pipe ends the command quietly, not with a trace.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const fromSources = process.env.ORDERLY_FROM_SOURCES === '1';
let main;
try {
  if (fromSources) {
    const { register } = await import('tsx/esm/api');
    register();
    ({ main } = await import('./main.ts'));
  } else {
    const url = await currentOrNewBuild({
      onBuild: (why) => process.stderr.isTTY && process.stderr.write(`orderly: ${why}; building the command line first…\n`),
    });
    ({ main } = await import(url));
  }
} catch (error) {
  console.error(`orderly: the command line could not be started: ${error?.message ?? error}`);
  console.error(fromSources
    ? '(running from the sources needs the development dependencies: npm ci)'
    : '(building it needs the development dependencies: npm ci, or npm run build:cli)');
  process.exit(70);
}
process.exitCode = await main(process.argv.slice(2));
