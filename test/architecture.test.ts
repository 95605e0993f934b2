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
    expect(violations('core', (s) => within(s, 'core') || ['@sinclair/typebox', 'javascript-lp-solver', '@noble/hashes/sha2.js', 'chinese-days', 'chinese-days/dist/chinese-days.json'].includes(s))).toEqual([]);
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

// ---- The page's state in one place (issue 14) ----
// Imported here, beside the only block that uses them (imports are hoisted wherever they stand).
import { API } from 'typescript/unstable/sync';
import { createVirtualFileSystem } from 'typescript/unstable/fs';
import { NodeFlags, SyntaxKind, type Node, type SourceFile } from 'typescript/unstable/ast';
import {
  isArrayLiteralExpression, isBinaryExpression, isCallExpression, isDeleteExpression, isElementAccessExpression, isIdentifier,
  isNewExpression, isObjectLiteralExpression, isPostfixUnaryExpression, isPrefixUnaryExpression, isPropertyAccessExpression, isVariableStatement,
} from 'typescript/unstable/ast/is';

describe('the page keeps its state in its store', () => {
  /** Methods that change the array, Map or Set they are called on. */
  const MUTATORS = new Set(['push', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill', 'copyWithin', 'set', 'add', 'delete', 'clear']);
  const assigns = (kind: SyntaxKind) => kind >= SyntaxKind.FirstAssignment && kind <= SyntaxKind.LastAssignment;
  const steps = (kind: SyntaxKind) => kind === SyntaxKind.PlusPlusToken || kind === SyntaxKind.MinusMinusToken;

  /**
   * State a module keeps at its top level, parsed with the TypeScript compiler: every top-level
   * `let` or `var`, and every top-level `const` bound to an array, an object or a `new` instance
   * (a Map, a WeakMap cache…) that the module changes — assigns into, deletes from, increments or
   * calls a mutating method on. Returns "file:line name (why)".
   */
  function topLevelState(sources: Record<string, string>): string[] {
    const root = '/page';
    const api = new API({ cwd: root, fs: createVirtualFileSystem({
      [`${root}/tsconfig.json`]: JSON.stringify({ compilerOptions: { noLib: true, noResolve: true, types: [] }, include: ['**/*.ts'] }),
      ...Object.fromEntries(Object.entries(sources).map(([path, text]) => [`${root}/${path}`, text])),
    }) });
    try {
      const program = api.updateSnapshot({ openProject: `${root}/tsconfig.json` }).getProjects()[0].program;
      return Object.keys(sources).flatMap((path) => stateIn(path, program.getSourceFile(`${root}/${path}`)!));
    } finally {
      api.close();
    }
  }

  function stateIn(path: string, file: SourceFile): string[] {
    const at = (node: Node) => `${path}:${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}`;
    const found: string[] = [];
    const containers = new Map<string, Node>();
    for (const statement of file.statements) {
      if (!isVariableStatement(statement)) continue;
      const flags = statement.declarationList.flags;
      for (const d of statement.declarationList.declarations) {
        const name = d.name.getText(file);
        if (!(flags & NodeFlags.Constant)) found.push(`${at(d)} ${name} (top-level ${flags & NodeFlags.Let ? 'let' : 'var'})`);
        else if (d.initializer && (isArrayLiteralExpression(d.initializer) || isObjectLiteralExpression(d.initializer) || isNewExpression(d.initializer))) containers.set(name, d);
      }
    }
    /** The name an access like `cache[k].rows` starts from. */
    const rootName = (node: Node): string | undefined => {
      let n = node;
      while (isPropertyAccessExpression(n) || isElementAccessExpression(n)) n = n.expression;
      return n !== node && isIdentifier(n) ? n.text : undefined;
    };
    const changed = new Set<string>();
    const visit = (node: Node): void => {
      let target: string | undefined;
      if (isBinaryExpression(node) && assigns(node.operatorToken.kind)) target = rootName(node.left);
      else if ((isPrefixUnaryExpression(node) || isPostfixUnaryExpression(node)) && steps(node.operator)) target = rootName(node.operand);
      else if (isDeleteExpression(node)) target = rootName(node.expression);
      else if (isCallExpression(node) && isPropertyAccessExpression(node.expression) && MUTATORS.has(node.expression.name.getText(file)) && isIdentifier(node.expression.expression)) target = node.expression.expression.text;
      if (target && containers.has(target)) changed.add(target);
      node.forEachChild(visit);
    };
    file.forEachChild(visit);
    for (const name of changed) found.push(`${at(containers.get(name)!)} ${name} (top-level container it changes)`);
    return found;
  }

  const read = (paths: string[]) => Object.fromEntries(paths.map((p) => [p, readFileSync(join(repoRoot, p), 'utf8')]));

  it('no view or chart module keeps state of its own: no top-level let or var, no top-level container it changes', () => {
    const views = files('ui').filter((f) => /^ui\/(views|charts)\//.test(f));
    expect(views.length).toBeGreaterThan(10);
    expect(topLevelState(read(views))).toEqual([]);
  });

  it('nor does any other module of the page: its state lives in the store it creates (ui/store.ts)', () => {
    const rest = files('ui').filter((f) => !/^ui\/(views|charts)\//.test(f));
    expect(rest).toContain('ui/store.ts');
    expect(topLevelState(read(rest))).toEqual([]);
  }, 30_000);

  it('finds the state the page used to keep at the top of ui/dispatch.ts (its declarations, as they were)', () => {
    const old = [
      "let state: State | null = null;",
      "const CLASS_COLOURS = ['#5ab0ff', '#39c0a4'];",
      "let planBy: 'measure' | 'class' = 'measure';",
      'let busy: AbortController | null = null;',
      "let langOf: () => Lang = () => 'en';",
      'let whatIfPending = false, whatIfRunning = false, whatIfCount = 0;',
      'const rowsOf = new WeakMap<object, string[]>();',
      'export function feederRows(network: object) { let rows = rowsOf.get(network); if (!rows) { rows = []; rowsOf.set(network, rows); } return rows; }',
      'var legacy = 1;',
      'const counts: Record<string, number> = {};',
      'export const count = (k: string) => { counts[k] = (counts[k] ?? 0) + 1; };',
      'const clicks = { n: 0 };',
      'export const click = () => clicks.n++;',
      'const LEVELS = { none: 0 } as const;',
      'export const level = (k: keyof typeof LEVELS) => LEVELS[k];',
    ].join('\n');
    expect(topLevelState({ 'ui/dispatch.ts': old })).toEqual([
      'ui/dispatch.ts:1 state (top-level let)',
      'ui/dispatch.ts:3 planBy (top-level let)',
      'ui/dispatch.ts:4 busy (top-level let)',
      'ui/dispatch.ts:5 langOf (top-level let)',
      'ui/dispatch.ts:6 whatIfPending (top-level let)',
      'ui/dispatch.ts:6 whatIfRunning (top-level let)',
      'ui/dispatch.ts:6 whatIfCount (top-level let)',
      'ui/dispatch.ts:9 legacy (top-level var)',
      'ui/dispatch.ts:7 rowsOf (top-level container it changes)',
      'ui/dispatch.ts:10 counts (top-level container it changes)',
      'ui/dispatch.ts:12 clicks (top-level container it changes)',
    ]);
  });
});
