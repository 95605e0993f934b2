/**
 * What the command line reads: never more than the limit, whatever `stat` says (a device that
 * never ends, a pipe, a /proc file whose size reads 0).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../core/problems.ts';
import { readInput } from '../../worker/cli/files.ts';
import { runCli } from '../support/cli.ts';
import { tinyScenario } from '../support/tiny-scenario.ts';

const dir = mkdtempSync(join(tmpdir(), 'orderly-files-'));
const path = (name: string) => join(dir, name);

describe('reading input within the limit', () => {
  it('orderly validate /dev/zero is refused at once: a device is not a file, and it is not read', async () => {
    const started = Date.now();
    const r = await runCli('validate', '/dev/zero');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('/dev/zero: expected a file, found a character device (it is not read)');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('a FIFO that never ends is read only to the limit and refused by its size', async () => {
    const fifo = path('endless.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    // A writer that would go on forever: `yes` stops when the reader closes the pipe.
    const writer = spawn('sh', ['-c', `exec yes '{"a": 1}' > '${fifo}'`], { stdio: 'ignore' });
    try {
      const started = Date.now();
      const r = await readInput(fifo, 1024 * 1024);
      expect(r.ok).toBe(false);
      expect(formatProblem((r as { problem: { path: string; message: string } }).problem))
        .toMatch(/endless\.fifo: expected a scenario file of at most 1\.0 MB, found more than 1\.0 MB/);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      writer.kill();
    }
  });

  it('a FIFO within the limit is read whole', async () => {
    const fifo = path('small.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const text = JSON.stringify(tinyScenario());
    const writer = spawn('sh', ['-c', `cat > '${fifo}'`], { stdio: ['pipe', 'ignore', 'ignore'] });
    writer.stdin.end(text);
    const r = await readInput(fifo);
    expect(r.ok && new TextDecoder().decode(r.bytes)).toBe(text);
  });

  it('a file whose stat gives size 0 (a /proc file) is still capped by what is read', async () => {
    const r = await readInput('/proc/self/maps', 100);
    expect(r.ok).toBe(false);
    expect(formatProblem((r as { problem: { path: string; message: string } }).problem)).toMatch(/at most 100 bytes, found more than 100 bytes/);
    const whole = await readInput('/proc/self/maps');
    expect(whole.ok && whole.bytes.byteLength).toBeGreaterThan(100);
  });

  it('a file exactly at the limit is read, one byte over is refused', async () => {
    writeFileSync(path('at.json'), 'x'.repeat(1000));
    writeFileSync(path('over.json'), 'x'.repeat(1001));
    const at = await readInput(path('at.json'), 1000);
    expect(at.ok && at.bytes.byteLength).toBe(1000);
    const over = await readInput(path('over.json'), 1000);
    expect(over.ok).toBe(false);
  });
});
