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

/**
 * The circles of a directed graph: its strongly connected components of more than one node
 * (Tarjan's algorithm, iterative), each sorted.
 */
function circlesOf(edges: Map<string, string[]>): string[][] {
  const index = new Map<string, number>(), low = new Map<string, number>(), onStack = new Set<string>();
  const stack: string[] = [], circles: string[][] = [];
  let counter = 0;
  const visit = (node: string) => { index.set(node, counter); low.set(node, counter++); stack.push(node); onStack.add(node); };
  for (const start of edges.keys()) {
    if (index.has(start)) continue;
    const work: Array<{ node: string; next: number }> = [{ node: start, next: 0 }];
    visit(start);
    while (work.length) {
      const top = work[work.length - 1];
      const out = edges.get(top.node) ?? [];
      if (top.next < out.length) {
        const to = out[top.next++];
        if (!index.has(to)) { visit(to); work.push({ node: to, next: 0 }); }
        else if (onStack.has(to)) low.set(top.node, Math.min(low.get(top.node)!, index.get(to)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(top.node)!));
      if (low.get(top.node) === index.get(top.node)) {
        const component: string[] = [];
        let f: string;
        do { f = stack.pop()!; onStack.delete(f); component.push(f); } while (f !== top.node);
        if (component.length > 1) circles.push(component.sort());
      }
    }
  }
  return circles;
}

/** The import graph of the project's own TypeScript files (types included: a type that goes both ways is as much a sign of a wrong cut as a value). */
function importGraph(dirs: string[]): Map<string, string[]> {
  const nodes = dirs.flatMap(files).filter((f) => f.endsWith('.ts'));
  const known = new Set(nodes);
  return new Map(nodes.map((f) => [f, imports(f).filter((s) => known.has(s))]));
}

describe('the import graph', () => {
  it('has no circle, types included, in core/, worker/, ui/, scenarios/ and bench/', () => {
    expect(circlesOf(importGraph(['core', 'worker', 'ui', 'scenarios', 'bench']))).toEqual([]);
  });

  it('is searched for circles of any length, and only circles are reported', () => {
    const graph = new Map([['a', ['b']], ['b', ['c']], ['c', ['a', 'd']], ['d', []], ['e', ['e', 'd']], ['f', ['g']], ['g', ['f']]]);
    expect(circlesOf(graph)).toEqual([['a', 'b', 'c'], ['f', 'g']]);
  });
});
