/** Bounds no real grid's data comes near: values past them are a unit or typing mistake. */

/** Largest MW value accepted anywhere: 10 TW, several times the largest grid (China, ~1.4 TW). */
export const MAX_MW = 10_000_000;
