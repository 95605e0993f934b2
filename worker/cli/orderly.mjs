#!/usr/bin/env node
// The `orderly` command. The sources are TypeScript, run through tsx's loader (no build step), so
// `npx orderly` runs exactly the code the tests and the page run.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
