/**
 * The built command line (scripts/build-cli.mjs): `orderly` and its engine workers run as built
 * JavaScript found beside each other, nothing compiled at start; a build whose files have changed
 * since is never run, it is rebuilt first. The tests build into folders of their own: the
 * repository's dist-cli/ is left as it is.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildCli, currentBuild, currentOrNewBuild } from '../../scripts/build-cli.mjs';
import { engineEntry } from '../../worker/node/spawn.ts';
import { repoRoot } from '../support/data-dir.ts';
import { tinyScenario } from '../support/tiny-scenario.ts';

const exec = promisify(execFile);
const HOUR_AGO = new Date(Date.now() - 3_600_000);

describe('where an engine worker starts', () => {
  it('is the built engine-entry.mjs beside a built module', () => {
    expect(engineEntry('file:///opt/orderly/dist-cli/0123abcd/chunk-X7.mjs')).toEqual({
      mode: 'built', url: 'file:///opt/orderly/dist-cli/0123abcd/engine-entry.mjs',
    });
  });

  it('is engine-entry.ts, through a bootstrap that registers tsx, when the spawning module runs from the sources', () => {
    const entry = engineEntry();
    expect(entry.mode).toBe('sources');
    expect(entry.url).toBe(pathToFileURL(join(repoRoot, 'worker/node/engine-entry.ts')).href);
    if (entry.mode !== 'sources') return;
    expect(entry.bootstrap).toMatch(/^import\(".*\/tsx\/dist\/esm\/api\/index\.mjs"\)\.then\(\(tsx\) => \{ tsx\.register\(\); return import\(".*\/worker\/node\/engine-entry\.ts"\); \}\)$/);
  });
});

describe('the built command line', () => {
  it('runs, workers included, from its build folder alone: no sources, no node_modules, no tsx', async () => {
    const build = await buildCli({ out: mkdtempSync(join(tmpdir(), 'orderly-build-')) });
    const alone = mkdtempSync(join(tmpdir(), 'orderly-alone-'));
    cpSync(dirname(fileURLToPath(build.main)), alone, { recursive: true });
    writeFileSync(join(alone, 'tiny.json'), JSON.stringify(tinyScenario()));
    writeFileSync(join(alone, 'run.mjs'), "const { main } = await import('./main.mjs');\nprocess.exitCode = await main(process.argv.slice(2));\n");
    // Validation happens in an engine worker: this passes only if the worker started from the build.
    const { stdout } = await exec(process.execPath, [join(alone, 'run.mjs'), 'validate', 'tiny.json'], { cwd: alone });
    expect(stdout).toMatch(/tiny\.json: valid/);
    expect(stdout).toMatch(/customers\s+5: 3 curtailable, 2 protected/);
  }, 60_000);

  it('runs from the TypeScript sources through tsx with ORDERLY_FROM_SOURCES=1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orderly-sources-'));
    writeFileSync(join(dir, 'tiny.json'), JSON.stringify(tinyScenario()));
    const { stdout } = await exec(process.execPath, [join(repoRoot, 'worker/cli/orderly.mjs'), 'validate', 'tiny.json'], {
      cwd: dir, env: { ...process.env, ORDERLY_FROM_SOURCES: '1' },
    });
    expect(stdout).toMatch(/tiny\.json: valid/);
  }, 60_000);
});

/** A project of three files, built the way the command line is: main.ts says the word in word.ts. */
async function project(word = 'one', built = true) {
  const root = mkdtempSync(join(tmpdir(), 'orderly-stamp-'));
  const out = join(root, 'dist-cli');
  const entries = { main: 'main.ts', 'engine-entry': 'engine-entry.ts' };
  const file = (name: string) => join(root, name);
  writeFileSync(file('main.ts'), "import { word } from './word.ts';\nexport const said: string = word;\n");
  writeFileSync(file('engine-entry.ts'), 'export {};\n');
  const setWord = (w: string, time = HOUR_AGO) => {
    writeFileSync(file('word.ts'), `export const word = '${w}';\n`);
    utimesSync(file('word.ts'), time, time);
  };
  setWord(word);
  for (const name of ['main.ts', 'engine-entry.ts']) utimesSync(file(name), HOUR_AGO, HOUR_AGO);
  if (built) await buildCli({ root, out, entries });
  const stamp = () => JSON.parse(readFileSync(join(out, 'stamp.json'), 'utf8'));
  return { root, out, entries, file, setWord, stamp, current: () => currentBuild(root, out) };
}

describe('a build and the files it was made from', () => {
  it('is current as built, and stays current when a file is only touched (its new time is stamped, not hashed again)', async () => {
    const p = await project();
    expect((await p.current()).ok).toBe(true);
    const later = new Date(HOUR_AGO.getTime() + 60_000);
    utimesSync(p.file('word.ts'), later, later);
    expect((await p.current()).ok).toBe(true);
    expect(p.stamp().inputs['word.ts'].mtimeMs).toBe(statSync(p.file('word.ts')).mtimeMs);
  });

  it('is not current once a file it was made from changes, even to bytes of the same size', async () => {
    const p = await project('one');
    p.setWord('two', new Date(HOUR_AGO.getTime() + 1000));
    expect(await p.current()).toEqual({ ok: false, reason: 'word.ts changed since the last build' });
  });

  it('is not current once a file it was made from is gone', async () => {
    const p = await project();
    rmSync(p.file('word.ts'));
    expect(await p.current()).toEqual({ ok: false, reason: 'word.ts, part of the last build, is gone' });
  });

  it('is not current when there is none, or when its folder is incomplete', async () => {
    const p = await project('one', false);
    expect(await p.current()).toEqual({ ok: false, reason: 'the command line is not built yet' });
    await buildCli({ root: p.root, out: p.out, entries: p.entries });
    rmSync(join(p.out, p.stamp().build, 'engine-entry.mjs'));
    expect(await p.current()).toMatchObject({ ok: false, reason: expect.stringMatching(/is incomplete$/) });
  });

  it('does not trust the time of a file written just before the build: a rewrite within the same tick is still found', async () => {
    const p = await project('one', false);
    const now = new Date();
    p.setWord('one', now);
    await buildCli({ root: p.root, out: p.out, entries: p.entries });
    expect(p.stamp().inputs['word.ts'].mtimeMs).toBeNull();
    // Same size, same time: only the bytes tell.
    p.setWord('two', now);
    expect(await p.current()).toEqual({ ok: false, reason: 'word.ts changed since the last build' });
  });

  it('is rebuilt before it runs when stale: the code that runs is the new one, and a build still in use stays', async () => {
    const p = await project('one');
    const first = await currentOrNewBuild({ root: p.root, out: p.out, entries: p.entries, onBuild: () => { throw new Error('built again though current'); } });
    expect((await import(first)).said).toBe('one');
    p.setWord('three');
    const reasons: string[] = [];
    const second = await currentOrNewBuild({ root: p.root, out: p.out, entries: p.entries, onBuild: (r) => reasons.push(r) });
    expect(reasons).toEqual(['word.ts changed since the last build']);
    expect(second).not.toBe(first);
    expect((await import(second)).said).toBe('three');
    expect(statSync(fileURLToPath(first)).isFile()).toBe(true);
  });

  it('covers every file the build read, the build script and tsconfig included', async () => {
    const out = mkdtempSync(join(tmpdir(), 'orderly-build-'));
    mkdirSync(out, { recursive: true });
    await buildCli({ out });
    const inputs = Object.keys(JSON.parse(readFileSync(join(out, 'stamp.json'), 'utf8')).inputs);
    expect(inputs).toEqual(expect.arrayContaining([
      'worker/cli/main.ts', 'worker/node/engine-entry.ts', 'worker/node/spawn.ts', 'core/scenario/schema.ts',
      'scripts/build-cli.mjs', 'tsconfig.json',
    ]));
    expect(inputs.some((i) => i.startsWith('node_modules/comlink/'))).toBe(true);
  }, 60_000);
});
