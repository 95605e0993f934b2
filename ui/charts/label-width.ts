/** Roughly how wide a legend label is drawn, px, to lay legends out (CJK characters are about twice as wide). */
export function labelWidth(label: string): number {
  return [...label].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 12 : 6.5), 0);
}
