/**
 * Colour-vision deficiency simulation (Machado, Oliveira & Fernandes 2009, severity 1.0, on linear
 * sRGB) and CIELAB ΔE (CIE76), to check that the page's palettes stay apart for a dispatcher with
 * deuteranopia or protanopia. The same matrices serve the browser tests' feColorMatrix filter.
 */

export type Vision = 'normal' | 'deuteranopia' | 'protanopia';

/** Row-major 3×3 matrices on linear RGB. */
export const CVD_MATRICES: Record<Exclude<Vision, 'normal'>, number[]> = {
  protanopia: [0.152286, 1.052583, -0.204868, 0.114503, 0.786281, 0.099216, -0.003882, -0.048116, 1.051998],
  deuteranopia: [0.367322, 0.860646, -0.227968, 0.280085, 0.672501, 0.047413, -0.01182, 0.04294, 0.968881],
};

const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);

/** '#rrggbb' → linear RGB in 0…1. */
export function linearRgb(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`colour "${hex}" is not #rrggbb`);
  return [m[1], m[2], m[3]].map((h) => toLinear(parseInt(h, 16) / 255)) as [number, number, number];
}

export function simulate(hex: string, vision: Vision): [number, number, number] {
  const rgb = linearRgb(hex);
  if (vision === 'normal') return rgb;
  const k = CVD_MATRICES[vision];
  return [0, 1, 2].map((i) => Math.min(1, Math.max(0, k[3 * i] * rgb[0] + k[3 * i + 1] * rgb[1] + k[3 * i + 2] * rgb[2]))) as [number, number, number];
}

/** Linear RGB → CIELAB (D65). */
export function lab([r, g, b]: [number, number, number]): [number, number, number] {
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** ΔE (CIE76) between two colours as seen with `vision`. */
export function deltaE(a: string, b: string, vision: Vision): number {
  const p = lab(simulate(a, vision)), q = lab(simulate(b, vision));
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

/** The closest pair of a palette as seen with `vision`. */
export function closestPair(colours: readonly string[], vision: Vision): { a: string; b: string; deltaE: number } {
  let best = { a: '', b: '', deltaE: Infinity };
  for (let i = 0; i < colours.length; i++) for (let j = i + 1; j < colours.length; j++) {
    const d = deltaE(colours[i], colours[j], vision);
    if (d < best.deltaE) best = { a: colours[i], b: colours[j], deltaE: d };
  }
  return best;
}
