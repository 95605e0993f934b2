#!/usr/bin/env python3
"""
The page's Chinese font: Noto Sans CJK SC (SIL Open Font License 1.1), cut down to the characters
the page and its reports write, so that Chinese reads on a machine with no CJK font at all (the
page fetches nothing from outside). Run it again whenever a Chinese word is added; the test
"covers every Chinese character the page writes" (test/page/cjk-font.test.ts) says when.

  apt-get install -y fonts-noto-cjk python3-fonttools python3-brotli
  /usr/bin/python3 scripts/subset-cjk-font.py

Writes ui/fonts/orderly-cjk-{regular,bold}.woff2 and ui/fonts/orderly-cjk.chars.txt (the
characters covered, one line).
"""
import pathlib
import re
from fontTools import subset
from fontTools.ttLib import TTCollection

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCES = ['ui', 'core', 'worker', 'scenarios/generator']
# CJK punctuation, ideographs, full-width forms (what the page writes in Chinese).
CJK = re.compile('[\u2e80-\u2fff\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]')


def characters() -> str:
    seen = set()
    for folder in SOURCES:
        for path in (ROOT / folder).rglob('*'):
            if path.suffix in ('.ts', '.html') and path.is_file():
                seen.update(CJK.findall(path.read_text(encoding='utf-8')))
    for path in (ROOT / 'scenarios').glob('*.json'):
        seen.update(CJK.findall(path.read_text(encoding='utf-8')))
    return ''.join(sorted(seen))


def font(ttc: str) -> object:
    collection = TTCollection(ttc)
    for f in collection.fonts:
        if f['name'].getDebugName(1).endswith('CJK SC'):
            return f
    raise SystemExit(f'{ttc}: no "Noto Sans CJK SC" in the collection')


def main() -> None:
    chars = characters()
    out = ROOT / 'ui' / 'fonts'
    out.mkdir(exist_ok=True)
    for weight, ttc in (('regular', 'NotoSansCJK-Regular.ttc'), ('bold', 'NotoSansCJK-Bold.ttc')):
        f = font(f'/usr/share/fonts/opentype/noto/{ttc}')
        options = subset.Options()
        options.flavor = 'woff2'
        options.layout_features = ['*']
        options.name_IDs = ['*']
        options.notdef_outline = True
        options.hinting = False
        sub = subset.Subsetter(options)
        sub.populate(text=chars)
        sub.subset(f)
        target = out / f'orderly-cjk-{weight}.woff2'
        f.flavor = 'woff2'
        f.save(str(target))
        print(f'{target.relative_to(ROOT)}: {len(chars)} characters, {target.stat().st_size:,} bytes')
    (out / 'orderly-cjk.chars.txt').write_text(chars + '\n', encoding='utf-8')


if __name__ == '__main__':
    main()
