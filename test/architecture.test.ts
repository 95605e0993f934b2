/**
 * The layers of DESIGN.md §2, checked rather than hoped for: core/ is pure, data flows one way,
 * and the code type-checks in strict mode.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/data-dir.ts';

function files(dir: string): string[] {
  return readdirSync(join(repoRoot, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(repoRoot, path)).isDirectory()) return files(path);
    return /\.(ts|mjs)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every module a file imports, resolved to a repository folder or a package name. */
function imports(file: string): string[] {
  const text = readFileSync(join(repoRoot, file), 'utf8');
  const specs = [
    ...text.matchAll(/^\s*(?:import|export)\s[^;]*?[\s}]from\s+['"]([^'"]+)['"]/gm), // import … from '…' (also multi-line)
    ...text.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm), // import '…'
    ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g), // import('…')
  ].map((m) => m[1]);
  return specs.map((s) => (s.startsWith('.') ? relative(repoRoot, join(repoRoot, file, '..', s)) : s));
}

function violations(dir: string, allowed: (spec: string, file: string) => boolean): string[] {
  return files(dir).flatMap((f) => imports(f).filter((s) => !allowed(s, f)).map((s) => `${f} imports ${s}`));
}

const within = (spec: string, ...folders: string[]) => folders.some((f) => spec === f || spec.startsWith(`${f}/`));

describe('the layers', () => {
  it('keep core/ free of anything but core/ and compute libraries', () => {
    expect(violations('core', (s) => within(s, 'core') || ['@sinclair/typebox', 'javascript-lp-solver', '@noble/hashes/sha2.js'].includes(s))).toEqual([]);
  });

  it('let the scenario generator use only core/ (the files that write bundled scenarios are tools)', () => {
    expect(violations('scenarios', (s, f) => within(s, 'core', 'scenarios') || /^scenarios\/write-/.test(f))).toEqual([]);
  });

  it('let the engine use core/ and the pure generator, and Node only in its Node face', () => {
    expect(violations('worker', (s, f) =>
      within(s, 'core', 'worker', 'scenarios/generator') || s === 'comlink' || s.startsWith('comlink/') ||
      ((f.startsWith('worker/node/') || f.startsWith('worker/cli/')) && (s.startsWith('node:') || s === 'tsx/esm/api')) ||
      // The `orderly` launcher checks the built command line against its sources, and rebuilds it.
      (f === 'worker/cli/orderly.mjs' && s === 'scripts/build-cli.mjs'),
    )).toEqual([]);
  });

  it('let the page reach compute only through the engine (never its Node face)', () => {
    expect(violations('ui', (s) =>
      ((within(s, 'ui', 'worker', 'core') && !within(s, 'worker/node', 'worker/cli'))) || s === 'd3' || /^scenarios\/[\w-]+\.json\?url$/.test(s),
    )).toEqual([]);
  });
});

describe('types', () => {
  const tsc = join(repoRoot, 'node_modules/.bin/tsc');
  it('check in strict mode across the project', async () => {
    await expect(promisify(execFile)(tsc, ['--noEmit', '-p', join(repoRoot, 'tsconfig.json')])).resolves.toBeDefined();
  }, 120_000);
  it('prove core/ uses no DOM, worker or Node API', async () => {
    await expect(promisify(execFile)(tsc, ['--noEmit', '-p', join(repoRoot, 'tsconfig.core.json')])).resolves.toBeDefined();
  }, 120_000);
});
