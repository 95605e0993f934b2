#!/usr/bin/env node
/**
 * The built command line: `worker/cli/main.ts` (the command) and `worker/node/engine-entry.ts`
 * (the engine worker) bundled by esbuild, with everything they import, into
 * `dist-cli/<build>/{main,engine-entry,chunk-*}.mjs`. The entry points are the only list: a module
 * moved or added under core/ or worker/ is found by following the imports.
 *
 * `dist-cli/`, not `dist/`: `dist/` is the page's, and Vite empties it at every page build
 * (`npm start`).
 *
 * The stamp (`dist-cli/stamp.json`) names the current build and records, for every file esbuild
 * read (the sources, the dependencies' files, this script and tsconfig.json), its size, time and the
 * SHA-256 of the very bytes that were compiled (they are read by a plugin here, not by esbuild). The
 * command (`worker/cli/orderly.mjs`) checks it at every start with `currentBuild()`: a file whose
 * size and time match is taken as is (one stat a file), one whose time differs is hashed again (a
 * checkout touches files without changing them); any change, a file gone or no build at all, and the
 * command rebuilds before it runs. A stale build never runs.
 *
 * Each build lives in its own folder named by the hash of its inputs, and the stamp is replaced
 * atomically, so a command already running keeps its own build (its workers start from the folder
 * its main module came from) while another one rebuilds.
 *
 *   node scripts/build-cli.mjs           build (npm ci's prepare, npm run build:cli)
 *   node scripts/build-cli.mjs --check   exit 0 if the build is current, 1 (and why) if not
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const OUT = join(ROOT, 'dist-cli');
export const ENTRIES = { main: 'worker/cli/main.ts', 'engine-entry': 'worker/node/engine-entry.ts' };
/** Files that shape the build without being imported by it: this script, and the TypeScript settings esbuild reads. */
const SETTINGS = [fileURLToPath(import.meta.url), 'tsconfig.json'];
/** Builds older than this are removed by the next build (a command started on one may still run). */
const KEEP_OLD_BUILDS_MS = 60 * 60 * 1000;

// node:crypto is loaded only when something is hashed: the check at start mostly needs none.
const crypto = () => import('node:crypto');
const hasher = async () => {
  const { createHash } = await crypto();
  return (bytes) => createHash('sha256').update(bytes).digest('hex');
};
/**
 * A file's time as the stamp keeps it: null while it is recent. File times advance in coarse ticks
 * (a few milliseconds), so a file rewritten with the same size within the tick in which it was
 * read would keep its time; one recorded as null is hashed at the next check instead (git's "racy
 * clean" files).
 */
const RACY_MS = 2000;
const settled = (mtimeMs) => (Date.now() - mtimeMs > RACY_MS ? mtimeMs : null);
const randomName = async (prefix) => `${prefix}${process.pid}-${(await crypto()).randomBytes(4).toString('hex')}`;
const posix = (path) => path.split(sep).join('/');

/**
 * The current build, if it is made from the files as they are now: `{ ok: true, build, main }`
 * (`main`: the URL of its main module), or `{ ok: false, reason }`. Files only touched since (same
 * bytes, another time) have their new times written into the stamp, so they are not hashed again.
 */
export async function currentBuild(root = ROOT, out = join(root, 'dist-cli')) {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(join(out, 'stamp.json'), 'utf8'));
  } catch {
    return { ok: false, reason: 'the command line is not built yet' };
  }
  let sha256, touched = false;
  for (const [path, recorded] of Object.entries(stamp.inputs ?? {})) {
    let now;
    try {
      now = statSync(join(root, path));
    } catch {
      return { ok: false, reason: `${path}, part of the last build, is gone` };
    }
    if (now.size === recorded.size && now.mtimeMs === recorded.mtimeMs) continue;
    sha256 ??= await hasher();
    if (now.size !== recorded.size || sha256(readFileSync(join(root, path))) !== recorded.sha256) {
      return { ok: false, reason: `${path} changed since the last build` };
    }
    if (recorded.mtimeMs !== settled(now.mtimeMs)) {
      recorded.mtimeMs = settled(now.mtimeMs);
      touched = true;
    }
  }
  const main = join(out, String(stamp.build), 'main.mjs');
  try {
    statSync(main);
    statSync(join(out, String(stamp.build), 'engine-entry.mjs'));
  } catch {
    return { ok: false, reason: `the last build (dist-cli/${stamp.build}) is incomplete` };
  }
  if (touched) {
    try {
      await writeStamp(out, stamp);
    } catch {
      // A folder the command may not write to: the next start hashes those files again, no more.
    }
  }
  return { ok: true, build: stamp.build, main: pathToFileURL(main).href };
}

const LOADERS = { '.ts': 'ts', '.mts': 'ts', '.cts': 'ts', '.js': 'js', '.mjs': 'js', '.cjs': 'js', '.json': 'json' };

/**
 * The URL of the current build's main module, the build made first if it is not current (`onBuild`
 * is told why). What `worker/cli/orderly.mjs` runs.
 */
export async function currentOrNewBuild({ root = ROOT, out = join(root, 'dist-cli'), entries = ENTRIES, onBuild = () => {} } = {}) {
  const build = await currentBuild(root, out);
  if (build.ok) return build.main;
  onBuild(build.reason);
  return (await buildCli({ root, out, entries })).main;
}

/**
 * Builds the command line into `out` and makes it current. Returns what `currentBuild` would, with
 * the number of files read and the seconds taken. (`root`, `out` and `entries` are the repository's
 * unless a test builds a project of its own.)
 */
export async function buildCli({ root = ROOT, out = join(root, 'dist-cli'), entries = ENTRIES } = {}) {
  const esbuild = await import('esbuild');
  const started = performance.now();
  const sha256 = await hasher();
  const inputs = new Map();
  // Every file is read here, so the stamp holds the hash of exactly what was compiled. The time is
  // taken before the read: a file changed in between is hashed again at the next start, not missed.
  const record = async (path) => {
    const { mtimeMs } = await stat(path);
    const bytes = await readFile(path);
    inputs.set(posix(relative(root, path)), { size: bytes.byteLength, mtimeMs: settled(mtimeMs), sha256: sha256(bytes) });
    return bytes;
  };
  const stamping = {
    name: 'orderly-stamp',
    setup(build) {
      build.onLoad({ filter: /.*/, namespace: 'file' }, async (args) => {
        const loader = LOADERS[extname(args.path)];
        if (!loader) throw new Error(`${args.path}: no loader for this kind of file in the command line's build`);
        return { contents: await record(args.path), loader };
      });
    },
  };
  mkdirSync(out, { recursive: true });
  const building = join(out, await randomName('.building-'));
  try {
    const result = await esbuild.build({
      absWorkingDir: root,
      entryPoints: entries,
      outdir: building,
      bundle: true,
      splitting: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outExtension: { '.js': '.mjs' },
      chunkNames: 'chunk-[hash]',
      // ESM builds of the dependencies where they ship one (comlink's "main" is its UMD build).
      mainFields: ['module', 'main'],
      // Maps beside the code, for stack traces in the sources' terms with NODE_OPTIONS=--enable-source-maps.
      sourcemap: 'linked',
      metafile: true,
      logLevel: 'warning',
      plugins: [stamping],
    });
    for (const file of SETTINGS) {
      const path = resolve(root, file);
      if (existsSync(path)) await record(path);
    }
    // The stamp must cover every file the build read.
    const missed = Object.keys(result.metafile.inputs).filter((path) => !inputs.has(path));
    if (missed.length) throw new Error(`the build read files its stamp does not cover: ${missed.join(', ')}`);

    const sorted = Object.fromEntries([...inputs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const id = sha256(Object.entries(sorted).map(([path, f]) => `${path}\0${f.sha256}\n`).join('') + esbuild.version).slice(0, 16);
    const folder = join(out, id);
    try {
      renameSync(building, folder);
    } catch (error) {
      // The same build made by another command at the same time: keep theirs.
      if (!['ENOTEMPTY', 'EEXIST', 'EPERM'].includes(error.code)) throw error;
      rmSync(building, { recursive: true, force: true });
    }
    const stamp = { build: id, esbuild: esbuild.version, entries, inputs: sorted };
    await writeStamp(out, stamp);
    removeOldBuilds(out, id);
    const seconds = (performance.now() - started) / 1000;
    return { ok: true, build: id, main: pathToFileURL(join(folder, 'main.mjs')).href, inputs: inputs.size, seconds };
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
}

/** Replaces the stamp in one rename: a command starting meanwhile reads the old one or the new. */
async function writeStamp(out, stamp) {
  const temp = join(out, await randomName('.stamp-'));
  try {
    writeFileSync(temp, `${JSON.stringify(stamp, null, 1)}\n`);
    renameSync(temp, join(out, 'stamp.json'));
  } finally {
    rmSync(temp, { force: true });
  }
}

function removeOldBuilds(out, current) {
  const now = Date.now();
  for (const name of readdirSync(out)) {
    if (name === current || name === 'stamp.json') continue;
    const path = join(out, name);
    try {
      if (now - statSync(path).mtimeMs > KEEP_OLD_BUILDS_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // Removed by another build meanwhile.
    }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--check')) {
    const build = await currentBuild();
    console.log(build.ok ? `dist-cli/${build.build} is current` : `not current: ${build.reason}`);
    process.exitCode = build.ok ? 0 : 1;
  } else {
    const build = await buildCli();
    console.log(`built the command line: dist-cli/${build.build}/ from ${build.inputs} files in ${build.seconds.toFixed(1)} s`);
  }
}
