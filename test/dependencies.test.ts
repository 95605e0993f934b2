/**
 * Dependencies earn their place: each production dependency is imported by the code that ships
 * (core/, worker/, ui/, the scenario generator), everything that code imports is a production
 * dependency, and each development dependency serves a test, a benchmark, the build or an npm
 * script. (mathjs was declared and imported by nothing; tsx was a production dependency only
 * because the command line compiled itself at start.)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/data-dir.ts';

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>; devDependencies: Record<string, string>; scripts: Record<string, string>;
};

function files(dir: string): string[] {
  return readdirSync(join(repoRoot, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(repoRoot, path)).isDirectory()) return name === 'node_modules' ? [] : files(path);
    return /\.(ts|mts|mjs)$/.test(name) && !/\.d\.m?ts$/.test(name) ? [path] : [];
  });
}

/** The packages a file imports (bare specifiers, by package name; node: built-ins left out). */
function packagesOf(file: string): string[] {
  const text = readFileSync(join(repoRoot, file), 'utf8');
  const specs = [
    ...text.matchAll(/^\s*(?:import|export)\s[^;]*?[\s}]from\s+['"]([^'"]+)['"]/gm),
    ...text.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm),
    ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1]);
  return specs
    .filter((s) => !s.startsWith('.') && !s.startsWith('/') && !s.startsWith('node:'))
    .map((s) => s.split('/').slice(0, s.startsWith('@') ? 2 : 1).join('/'));
}

const importers = (dirs: string[]) => {
  const by = new Map<string, string[]>();
  for (const f of dirs.flatMap((d) => files(d))) for (const p of packagesOf(f)) by.set(p, [...(by.get(p) ?? []), f]);
  return by;
};

const SHIPPED = ['core', 'worker', 'ui', 'scenarios/generator'];
/** A package the shipped code imports on a path that only development takes. */
const DEVELOPMENT_ONLY = new Map([['tsx', 'worker/cli/orderly.mjs (ORDERLY_FROM_SOURCES=1, the sources run through tsx)']]);

describe('the dependencies', () => {
  const shipped = importers(SHIPPED);

  it('are each imported by the code that ships', () => {
    expect(Object.keys(pkg.dependencies).filter((d) => !shipped.has(d))).toEqual([]);
  });

  it('include everything the shipped code imports (tsx only on the development path)', () => {
    const missing = [...shipped].filter(([p, by]) => !(p in pkg.dependencies) &&
      !(DEVELOPMENT_ONLY.has(p) && by.every((f) => DEVELOPMENT_ONLY.get(p)!.startsWith(f))));
    expect(missing).toEqual([]);
  });

  it('for development each serve a test, a benchmark, the build, a config or an npm script', () => {
    const used = importers(['test', 'bench', 'scripts', 'scenarios']);
    for (const config of ['vite.config.ts', 'vitest.config.ts']) for (const p of packagesOf(config)) used.set(p, [config]);
    // Tools run by name in the npm scripts (tsc is typescript's).
    const commands = Object.values(pkg.scripts).join(' ');
    const tools: Record<string, RegExp> = { typescript: /\btsc\b/, vite: /\bvite\b/, vitest: /\bvitest\b/, tsx: /--import tsx\b/ };
    const unused = Object.keys(pkg.devDependencies).filter((d) => {
      if (d.startsWith('@types/')) {
        const of = d.slice('@types/'.length);
        return !(of === 'node' || shipped.has(of) || used.has(of));
      }
      return !used.has(d) && !shipped.has(d) && !tools[d]?.test(commands);
    });
    expect(unused).toEqual([]);
  });

  it('keep development tools out of production (tsx, esbuild, vite, the test and benchmark libraries)', () => {
    for (const dev of ['tsx', 'esbuild', 'vite', 'vitest', 'typescript', 'highs', 'benchmark', 'fast-check', 'playwright-core']) {
      expect(pkg.dependencies, dev).not.toHaveProperty(dev);
      expect(pkg.devDependencies, dev).toHaveProperty(dev);
    }
  });
});

describe('npm ci', () => {
  it('builds the command line (prepare), which `orderly` runs', () => {
    expect(pkg.scripts.prepare).toBe('node scripts/build-cli.mjs');
    expect((JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin).toEqual({ orderly: 'worker/cli/orderly.mjs' });
  });
});
