/**
 * Browser tests run the built page in real headless Chromium (Debian's, driven by playwright-core;
 * nothing is downloaded). Without Chromium they are skipped with a message, unless
 * ORDERLY_REQUIRE_BROWSER=1 (as .ci/run sets), where its absence is a failure.
 */
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { repoRoot } from './data-dir.ts';

export const CHROMIUM = process.env.ORDERLY_CHROMIUM ?? '/usr/bin/chromium';
export const browserAvailable = existsSync(CHROMIUM);
if (!browserAvailable) {
  const message = `browser tests: ${CHROMIUM} not found (apt-get install -y chromium)`;
  if (process.env.ORDERLY_REQUIRE_BROWSER === '1') throw new Error(message);
  console.warn(`${message}; skipped`);
}

export const screenshotDir = join(repoRoot, 'test-results', 'screenshots');

/** Builds the page into a fresh folder and serves it with Vite's preview server. */
export async function servePage(): Promise<{ url: string; close: () => Promise<void> }> {
  const { build, preview } = await import('vite');
  const outDir = mkdtempSync(join(tmpdir(), 'orderly-page-'));
  await build({ configFile: join(repoRoot, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server = await preview({ configFile: join(repoRoot, 'vite.config.ts'), logLevel: 'warn', build: { outDir }, preview: { port: 4300 + Math.floor(Math.random() * 600), strictPort: false, open: false } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the preview server did not start');
  return { url, close: () => new Promise<void>((resolve) => server.httpServer.close(() => resolve())) };
}

/**
 * Vite's dev server over the sources, for tests of one module in the browser (a chart factory,
 * say): a page there can `import('/charts/network-chart.ts')` (paths from ui/, the root).
 */
export async function serveSources(): Promise<{ url: string; close: () => Promise<void> }> {
  const { createServer } = await import('vite');
  const server = await createServer({ configFile: join(repoRoot, 'vite.config.ts'), logLevel: 'warn', server: { port: 5300 + Math.floor(Math.random() * 600), strictPort: false, hmr: false }, optimizeDeps: { noDiscovery: true } });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the dev server did not start');
  return { url, close: () => server.close() };
}

export async function launch(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  mkdirSync(screenshotDir, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}
