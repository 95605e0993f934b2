/**
 * File access for the command line, with the same care for bad input as the scenario checks: a
 * missing file, a directory or a device, a file too large to be a scenario (refused by its size
 * before reading, and never read past the limit whatever its size claims), and writes that
 * replace a file only once the new content is complete.
 */
import { constants, unlinkSync } from 'node:fs';
import { open, rename, stat, writeFile, unlink, type FileHandle } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { expected, type Problem } from '../../core/problems.ts';
import { checkSize, MAX_SCENARIO_BYTES, parseJsonBytes } from '../../core/scenario/parse-json.ts';

type Read = { ok: true; bytes: Uint8Array } | { ok: false; problem: Problem };

/** What a path is, in words, when it is not a file to read. */
function notAFile(info: Stats, forWriting = false): string | null {
  if (info.isDirectory()) return 'a directory';
  if (info.isCharacterDevice()) return 'a character device (it is not read)';
  if (info.isBlockDevice()) return 'a block device (it is not read)';
  if (info.isSocket()) return 'a socket (it is not read)';
  if (info.isFIFO() && forWriting) return 'a FIFO';
  return null; // a regular file, or a pipe (read up to the limit)
}

export async function readInput(file: string, maxBytes = MAX_SCENARIO_BYTES): Promise<Read> {
  const cannot = (error: unknown): Read => {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, problem: { path: file, message: code === 'ENOENT' ? 'expected a file, found nothing at this path' : `cannot be read (${code})` } };
  };
  // Devices are refused before they are opened (opening one can have effects; /dev/zero never ends).
  try {
    const kind = notAFile(await stat(file));
    if (kind) return { ok: false, problem: { path: file, message: `expected a file, found ${kind}` } };
  } catch (error) {
    return cannot(error);
  }
  let handle: FileHandle;
  try {
    handle = await open(file, constants.O_RDONLY);
  } catch (error) {
    return cannot(error);
  }
  try {
    // Checked again on what was opened: the path may have been changed in between.
    const info = await handle.stat();
    const kind = notAFile(info);
    if (kind) return { ok: false, problem: { path: file, message: `expected a file, found ${kind}` } };
    const tooBig = checkSize(file, info.size, maxBytes);
    if (tooBig) return { ok: false, problem: tooBig };
    const bytes = await readAtMost(handle, info.isFile() ? info.size : 0, maxBytes);
    if (!bytes) return { ok: false, problem: checkSize(file, maxBytes + 1, maxBytes, true)! };
    return { ok: true, bytes };
  } catch (error) {
    return cannot(error);
  } finally {
    await handle.close().catch(() => {});
  }
}

/**
 * Reads to the end, or returns null as soon as more than `maxBytes` have come: the size a file
 * claims is only where the reading starts (a /proc file says 0, a pipe has none, a file may grow).
 */
async function readAtMost(handle: FileHandle, sizeHint: number, maxBytes: number): Promise<Uint8Array | null> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  // A regular file in one buffer of its size (plus the byte that would show it grew); anything
  // else in chunks.
  let buffer = new Uint8Array(Math.min(maxBytes + 1, sizeHint > 0 ? sizeHint + 1 : 1 << 16));
  let filled = 0;
  for (;;) {
    const { bytesRead } = await handle.read(buffer, filled, buffer.byteLength - filled, null);
    if (bytesRead === 0) break;
    filled += bytesRead;
    if (total + filled > maxBytes) return null;
    if (filled === buffer.byteLength) {
      chunks.push(buffer);
      total += filled;
      buffer = new Uint8Array(Math.min(maxBytes + 1 - total, 1 << 20));
      filled = 0;
    }
  }
  if (!chunks.length) return buffer.subarray(0, filled);
  chunks.push(buffer.subarray(0, filled));
  const all = new Uint8Array(total + filled);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return all;
}

/** An output of a command: its file and the option that names it (for the messages). */
/**
 * A JSON file a flag names (a status log, measured compliance), read and parsed, its problems
 * naming what it should be: the parser speaks of scenarios, which these files are not.
 */
export async function readJsonInput(file: string, what: string): Promise<{ ok: true; value: unknown } | { ok: false; problem: Problem }> {
  const input = await readInput(file);
  if (!input.ok) return input;
  const json = parseJsonBytes(file, input.bytes);
  if (json.ok) return { ok: true, value: json.value };
  return { ok: false, problem: { ...json.problem, message: json.problem.message.replace(/JSON scenario/g, `JSON ${what}`).replace(/scenario (file|object)/g, `${what} $1`) } };
}

export interface Output {
  flag: string;
  file: string | undefined;
}

/**
 * Checks, before any compute, that each output can be written where asked: the folder exists and
 * can be written (a file is created there and removed), the path is not a directory, device or
 * pipe, two outputs are not one file, and no output is one of `inputs` (files of another kind
 * that a write would replace: the scenario under a plan, the CSV under an import).
 */
export async function checkOutputs(outputs: Output[], inputs: Output[] = []): Promise<Problem[]> {
  const problems: Problem[] = [];
  const seen: Array<{ flag: string; id: string }> = [];
  const identity = async (file: string) => {
    try {
      const info = await stat(file);
      return `${info.dev}:${info.ino}`;
    } catch {
      return `path:${resolve(file)}`;
    }
  };
  const inputIds = await Promise.all(inputs.filter((i) => i.file !== undefined).map(async (i) => ({ flag: i.flag, id: await identity(i.file!) })));
  for (const { flag, file } of outputs) {
    if (file === undefined) continue;
    const bad = await outputProblem(file);
    if (bad) {
      problems.push(bad);
      continue;
    }
    const id = await identity(file);
    const input = inputIds.find((i) => i.id === id);
    if (input) {
      problems.push(expected(file, `${flag} apart from ${input.flag}`, 'the same file (it would be replaced)'));
      continue;
    }
    const twin = seen.find((o) => o.id === id);
    if (twin) problems.push(expected(file, `${flag} apart from ${twin.flag}`, 'the same file'));
    else seen.push({ flag, id });
  }
  return problems;
}

async function outputProblem(file: string): Promise<Problem | null> {
  try {
    const kind = notAFile(await stat(file), true);
    if (kind) return expected(file, 'a file to write', kind.replace(' (it is not read)', ''));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') {
      // Some folder on the way is a file.
    } else if (code !== 'ENOENT') return expected(file, 'a file that can be written', `it cannot be reached (${code})`);
  }
  const folder = dirname(resolve(file));
  try {
    const info = await stat(folder);
    if (!info.isDirectory()) return expected(file, 'a path in an existing folder', `${folder}, which is a file`);
  } catch {
    let up = folder;
    // Name the first part of the path that is a file, if any: "no folder" would mislead.
    while (up !== dirname(up)) {
      up = dirname(up);
      const info = await stat(up).catch(() => null);
      if (info) {
        if (!info.isDirectory()) return expected(file, 'a path in an existing folder', `${up}, which is a file`);
        break;
      }
    }
    return expected(file, 'a path in an existing folder', `no folder ${folder}`);
  }
  // The only sure test of a folder: write in it (permissions, a read-only disk, /proc).
  const probe = temporaryName(file, 'probe');
  track(probe);
  try {
    await writeFile(probe, '', { flag: 'wx' });
    await unlink(probe);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EEXIST') return expected(file, 'a folder that can be written', `${folder}, which cannot be written (${code})`);
  } finally {
    untrack(probe);
  }
  return null;
}

/** The temporary file beside `file` (short enough for the system's limit on a name). */
function temporaryName(file: string, kind: 'partial' | 'probe' = 'partial'): string {
  const name = basename(file);
  const suffix = `.${kind}-${process.pid}`;
  return join(dirname(file), name.length + suffix.length > 240 ? `.orderly${suffix}-${name.slice(0, 32)}` : `${name}${suffix}`);
}

/** Temporary files being written, removed if the process is interrupted. */
const pending = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function onSignal(signal: NodeJS.Signals): void {
  for (const temp of pending) {
    try {
      unlinkSync(temp);
    } catch {
      // already renamed into place, or never created
    }
  }
  pending.clear();
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  // Die of the signal as if it had not been caught (the shell sees 130 for Ctrl-C).
  process.kill(process.pid, signal);
}

function track(temp: string): void {
  if (!pending.size) for (const s of SIGNALS) process.on(s, onSignal);
  pending.add(temp);
}

function untrack(temp: string): void {
  pending.delete(temp);
  if (!pending.size) for (const s of SIGNALS) process.removeListener(s, onSignal);
}

/** A file the command line could not write (the disk, a permission): the user's problem to fix, exit 2. */
export class WriteError extends Error {
  override name = 'WriteError';
}

/**
 * Writes next to the target, then renames: an interrupted write (an error, Ctrl-C, a kill) never
 * leaves half a file, and the previous file stays as it was until the new one is complete. A
 * failure names the file asked for, not the temporary one.
 */
export async function writeAtomically(file: string, bytes: Uint8Array): Promise<void> {
  const temp = temporaryName(file);
  track(temp);
  try {
    await writeFile(temp, bytes);
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => {});
    const reason = String((error as Error).message ?? error).split(',')[0];
    throw new WriteError(`${file}: cannot be written (${reason}); nothing was written`);
  } finally {
    untrack(temp);
  }
}
