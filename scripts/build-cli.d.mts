// Types of scripts/build-cli.mjs, for the tests and benchmarks that call it.

export type Build = { ok: true; build: string; main: string } | { ok: false; reason: string };
export type Entries = Record<string, string>;

export const ROOT: string;
export const OUT: string;
export const ENTRIES: Entries;

export function currentBuild(root?: string, out?: string): Promise<Build>;
export function currentOrNewBuild(options?: { root?: string; out?: string; entries?: Entries; onBuild?: (reason: string) => void }): Promise<string>;
export function buildCli(options?: { root?: string; out?: string; entries?: Entries }): Promise<{ ok: true; build: string; main: string; inputs: number; seconds: number }>;
