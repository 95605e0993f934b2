/**
 * The page's palettes (ui/palette.ts): one per meaning, no colour in two, and each palette's
 * colours apart as a dispatcher with deuteranopia or protanopia sees them (Machado et al. 2009,
 * ΔE CIE76). The strip's old levels (#facc15 yellow, #f97316 orange: ΔE 21 under deuteranopia) and
 * the plan chart's old rungs (shift #5ab0ff and avoid-peak #a78bfa: ΔE 4) fail these.
 */
import { describe, expect, it } from 'vitest';
import { closestPair, deltaE, type Vision } from '../../ui/colour-vision.ts';
import { LEVEL_COLOURS, PALETTES } from '../../ui/palette.ts';

const visions: Vision[] = ['normal', 'deuteranopia', 'protanopia'];

describe('the page\'s palettes', () => {
  it('give no colour two meanings', () => {
    const seen = new Map<string, string>();
    for (const [name, colours] of Object.entries(PALETTES)) for (const c of colours) {
      expect(seen.get(c.toLowerCase()), `${c} in ${name}`).toBeUndefined();
      seen.set(c.toLowerCase(), name);
    }
  });

  for (const vision of visions) {
    it(`keep the warning levels (no warning included) at least ΔE 25 apart with ${vision} vision`, () => {
      expect(closestPair(LEVEL_COLOURS, vision).deltaE).toBeGreaterThanOrEqual(25);
    });
    it(`keep the measures and the residual at least ΔE 15 apart with ${vision} vision`, () => {
      expect(closestPair(PALETTES.rungs, vision).deltaE).toBeGreaterThanOrEqual(15);
    });
    it(`keep the plans compared on one chart at least ΔE 15 apart with ${vision} vision`, () => {
      expect(closestPair(PALETTES.plans, vision).deltaE).toBeGreaterThanOrEqual(15);
    });
    it(`keep the customer classes at least ΔE 8 apart with ${vision} vision`, () => {
      expect(closestPair(PALETTES.classes, vision).deltaE).toBeGreaterThanOrEqual(8);
    });
  }

  it('measure the old strip colours as too close (the check can fail)', () => {
    expect(deltaE('#facc15', '#f97316', 'deuteranopia')).toBeLessThan(25);
    expect(deltaE('#5ab0ff', '#a78bfa', 'deuteranopia')).toBeLessThan(15);
  });
});
