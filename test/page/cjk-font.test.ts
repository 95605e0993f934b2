/**
 * The page's own Chinese font (ui/fonts/, made by scripts/subset-cjk-font.py): it must cover every
 * Chinese character the page and its reports write, or those fall back to whatever the machine
 * has — on a machine with no CJK font, empty boxes (the 中文 button itself was one).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/data-dir.ts';

const CJK = /[\u2e80-\u2fff\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/gu;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|html)$/.test(name) ? [path] : [];
  });
}

describe('the bundled Chinese font', () => {
  const covered = new Set(readFileSync(join(repoRoot, 'ui', 'fonts', 'orderly-cjk.chars.txt'), 'utf8').trim());

  it('covers every Chinese character the page writes (run scripts/subset-cjk-font.py when this fails)', () => {
    const missing = new Map<string, string>();
    const files = [...['ui', 'core', 'worker', join('scenarios', 'generator')].flatMap((d) => sources(join(repoRoot, d))),
      ...readdirSync(join(repoRoot, 'scenarios')).filter((n) => n.endsWith('.json')).map((n) => join(repoRoot, 'scenarios', n))];
    for (const file of files) for (const ch of readFileSync(file, 'utf8').match(CJK) ?? []) if (!covered.has(ch) && !missing.has(ch)) missing.set(ch, file.slice(repoRoot.length + 1));
    expect([...missing].map(([ch, file]) => `${ch} (${file})`)).toEqual([]);
  });

  it('is two WOFF2 files, regular and bold, small enough to ship', () => {
    for (const weight of ['regular', 'bold']) {
      const bytes = readFileSync(join(repoRoot, 'ui', 'fonts', `orderly-cjk-${weight}.woff2`));
      expect(bytes.subarray(0, 4).toString('latin1')).toBe('wOF2');
      expect(bytes.length).toBeLessThan(300_000);
    }
  });

  it('is in the page\'s style with its licence beside it', () => {
    const css = readFileSync(join(repoRoot, 'ui', 'style.css'), 'utf8');
    expect(css).toMatch(/font-family: 'Orderly CJK'; src: url\('\.\/fonts\/orderly-cjk-regular\.woff2'\)/);
    expect(css).toMatch(/:root \{[^}]*font-family: system-ui[^;]*'Orderly CJK'/);
    expect(readFileSync(join(repoRoot, 'ui', 'fonts', 'LICENSE-OFL.txt'), 'utf8')).toMatch(/SIL OPEN FONT LICENSE Version 1\.1/);
  });
});
