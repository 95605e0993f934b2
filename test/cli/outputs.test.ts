/**
 * What the command line writes (issue 12): every output path is checked before any compute, a
 * write that fails names the user's file (never its temporary twin), an input is never replaced
 * by an output of another kind, and an interrupted run leaves no half file and the previous file
 * as it was ("nothing already saved is lost").
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeAtomically } from '../../worker/cli/files.ts';
import { runCli } from '../support/cli.ts';
import { repoRoot } from '../support/data-dir.ts';
import { tinyScenario } from '../support/tiny-scenario.ts';

const dir = mkdtempSync(join(tmpdir(), 'orderly-outputs-'));
const path = (name: string) => join(dir, name);
const run = runCli;
const partials = (folder = dir) => readdirSync(folder).filter((f) => f.includes('.partial-') || f.includes('.probe-'));
const scenario = join(repoRoot, 'scenarios/local-limit.json');

describe('output paths are checked before the compute', () => {
  it('generate --out into a folder that does not exist is refused at once, before a province is generated', async () => {
    const started = Date.now();
    const r = await run('generate', '--scale', 'province', '--seed', '1', '--out', path('no-such-folder/p.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${path('no-such-folder/p.json')}: expected a path in an existing folder, found no folder ${path('no-such-folder')}`);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('generate --out a directory is refused', async () => {
    mkdirSync(path('a-folder'));
    const r = await run('generate', '--scale', 'province', '--seed', '1', '--out', path('a-folder'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${path('a-folder')}: expected a file to write, found a directory`);
  });

  it('generate --out under a path that is a file is refused', async () => {
    writeFileSync(path('plain.txt'), 'x');
    const r = await run('generate', '--scale', 'province', '--seed', '1', '--out', path('plain.txt/p.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${path('plain.txt/p.json')}: expected a path in an existing folder, found ${path('plain.txt')}, which is a file`);
  });

  it('generate --out onto a FIFO is refused (the rename would replace the FIFO, as it would /dev/null)', async () => {
    // A FIFO of the test's own, never a system device: before the check, the rename replaced
    // whatever entry was at the path (as root, /dev/null itself).
    const fifo = path('out.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const r = await run('generate', '--scale', 'province', '--seed', '1', '--out', fifo);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${fifo}: expected a file to write, found a FIFO`);
    expect(statSync(fifo).isFIFO()).toBe(true);
  });

  it('generate --out in a folder that cannot be written is refused before the compute', async () => {
    // /proc/self is not writable, even for root.
    const r = await run('generate', '--scale', 'province', '--seed', '1', '--out', '/proc/self/p.json');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\/proc\/self\/p\.json: expected a folder that can be written, found \/proc\/self, which cannot be written \(E[A-Z]+\)/);
  });

  it('plan --csv into a missing folder is refused before the plan is made, and --out is not written', async () => {
    const r = await run('plan', scenario, '--samples', '100', '--out', path('plan.json'), '--csv', path('missing/list.csv'));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${path('missing/list.csv')}: expected a path in an existing folder`);
    expect(existsSync(path('plan.json'))).toBe(false);
  });

  it('plan --export-lp onto a directory is refused before the plan is made', async () => {
    const r = await run('plan', scenario, '--samples', '100', '--export-lp', path('a-folder'));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${path('a-folder')}: expected a file to write, found a directory`);
  });

  it('plan --out and --csv naming the same file is refused', async () => {
    const r = await run('plan', scenario, '--samples', '100', '--out', path('same.out'), '--csv', path('same.out'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${path('same.out')}: expected --csv apart from --out, found the same file`);
  });

  it('plan --out the scenario itself is refused: the scenario would be lost', async () => {
    writeFileSync(path('mine.json'), readFileSync(scenario));
    const r = await run('plan', path('mine.json'), '--samples', '100', '--out', path('mine.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${path('mine.json')}: expected --out apart from the scenario, found the same file (it would be replaced)`);
    expect(readFileSync(path('mine.json')).equals(readFileSync(scenario))).toBe(true);
  });

  it('warn --out a directory is refused before the assessment', async () => {
    const r = await run('warn', scenario, '--samples', '100', '--out', path('a-folder'));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${path('a-folder')}: expected a file to write, found a directory`);
  });

  it('import --out into a missing folder is refused before the CSV is read', async () => {
    writeFileSync(path('tiny.json'), JSON.stringify(tinyScenario()));
    const r = await run('import', '--csv', path('not-even-there.csv'), '--time', 'time', '--load', 'load', '--tz', 'Asia/Shanghai',
      '--into', path('tiny.json'), '--area', 'S2', '--out', path('missing/new.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${path('missing/new.json')}: expected a path in an existing folder`);
  });

  it('import --csv X --out X is refused: the CSV would be replaced by a scenario', async () => {
    writeFileSync(path('load.csv'), 'time,load\n2024-07-01 00:00,1\n');
    const r = await run('import', '--csv', path('load.csv'), '--time', 'time', '--load', 'load', '--tz', 'Asia/Shanghai',
      '--into', path('tiny.json'), '--area', 'S2', '--out', path('load.csv'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${path('load.csv')}: expected --out apart from --csv, found the same file (it would be replaced)`);
    expect(readFileSync(path('load.csv'), 'utf8')).toBe('time,load\n2024-07-01 00:00,1\n');
  });

  it('import --csv with --out but no --into is refused instead of writing nothing', async () => {
    const r = await run('import', '--csv', path('load.csv'), '--time', 'time', '--load', 'load', '--tz', 'Asia/Shanghai', '--out', path('lost.json'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--out needs --into SCENARIO');
  });

  it('generate --out the --feeder-mix table is refused', async () => {
    writeFileSync(path('mix.csv'), 'pct_R,pct_C,pct_I,pct_A\n0.5,0.3,0.2,0\n');
    const r = await run('generate', '--scale', 'town', '--seed', '1', '--feeder-mix', path('mix.csv'), '--out', path('mix.csv'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${path('mix.csv')}: expected --out apart from --feeder-mix, found the same file (it would be replaced)`);
  });
});

describe('writes', () => {
  it('a write that fails names the file asked for, never FILE.partial-PID', async () => {
    writeFileSync(path('blocker'), 'x');
    const target = path('blocker/out.json');
    const error = await writeAtomically(target, new Uint8Array([1])).then(() => null, (e: Error) => e);
    expect(error?.message).toBe(`${target}: cannot be written (ENOTDIR: not a directory); nothing was written`);
    expect(error?.message).not.toMatch(/partial/);
  });

  it('a file with a name near the system limit is written (its temporary name must fit too)', async () => {
    const target = path(`${'n'.repeat(250)}.json`);
    await writeAtomically(target, new TextEncoder().encode('{}'));
    expect(readFileSync(target, 'utf8')).toBe('{}');
    expect(partials()).toEqual([]);
  });

  it('an import into the very file it reads keeps the original whole until the new one is complete', async () => {
    writeFileSync(path('self.json'), JSON.stringify(tinyScenario()));
    const original = readFileSync(path('self.json'));
    // A second name for the same bytes: had the file been rewritten in place, this would change.
    linkSync(path('self.json'), path('self-link.json'));
    const csv = ['time,load', ...Array.from({ length: 48 }, (_, i) => `2024-07-0${1 + Math.floor(i / 24)} ${String(i % 24).padStart(2, '0')}:00,4.${i % 10}`)].join('\n');
    writeFileSync(path('s2.csv'), csv);
    const r = await run('import', '--csv', path('s2.csv'), '--time', 'time', '--load', 'load', '--tz', 'Asia/Shanghai',
      '--into', path('self.json'), '--area', 'S2', '--out', path('self.json'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(path('self-link.json')).equals(original)).toBe(true);
    const updated = JSON.parse(readFileSync(path('self.json'), 'utf8'));
    expect(updated.history.load.find((h: { id: string }) => h.id === 'S2').values[1]).toBe(4.1);
    expect(partials()).toEqual([]);
  });
});

describe('an interrupted run', () => {
  const bin = join(repoRoot, 'worker/cli/orderly.mjs');

  /** Runs `orderly generate` into `target` and sends `signal` when `when` says so. */
  function interrupted(target: string, signal: NodeJS.Signals, when: 'compute' | 'write'): Promise<{ code: number | null; signal: NodeJS.Signals | null; sentDuringWrite: boolean }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [bin, 'generate', '--scale', 'city', '--seed', '3', '--customer-history-days', '60', '--out', target], { stdio: 'ignore' });
      let sentDuringWrite = false;
      const folder = join(target, '..');
      const watcher = watch(folder, (_, name) => {
        if (when === 'write' && name?.includes('.partial-') && existsSync(join(folder, name)) && !sentDuringWrite) {
          sentDuringWrite = true;
          child.kill(signal);
        }
      });
      const timer = when === 'compute' ? setTimeout(() => child.kill(signal), 1_500) : undefined;
      child.on('exit', (code, sig) => {
        watcher.close();
        clearTimeout(timer);
        resolve({ code, signal: sig, sentDuringWrite });
      });
    });
  }

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal} during the write leaves no .partial- file and the previous file intact`, async () => {
      const folder = mkdtempSync(join(dir, `write-${signal}-`));
      const target = join(folder, 'city.json');
      writeFileSync(target, 'the previous file');
      const r = await interrupted(target, signal, 'write');
      expect(r.sentDuringWrite).toBe(true);
      expect(r.signal ?? r.code).not.toBe(0);
      expect(partials(folder)).toEqual([]);
      expect(readFileSync(target, 'utf8')).toBe('the previous file');
    }, 60_000);
  }

  it('SIGINT during the compute leaves no .partial- file and the previous file intact', async () => {
    const folder = mkdtempSync(join(dir, 'compute-'));
    const target = join(folder, 'city.json');
    writeFileSync(target, 'the previous file');
    const r = await interrupted(target, 'SIGINT', 'compute');
    expect(r.signal ?? r.code).not.toBe(0);
    expect(partials(folder)).toEqual([]);
    expect(readFileSync(target, 'utf8')).toBe('the previous file');
  }, 60_000);
});
