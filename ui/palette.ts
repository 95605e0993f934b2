/**
 * The page's colours: one palette per meaning, and no colour in two of them, so a colour never
 * means two things across views. Each is chosen to stay apart under deuteranopia and protanopia
 * (test/page/palette.test.ts simulates both); meaning is never carried by colour alone — the
 * strip has numerals and patterns, the plan chart a residual hatched, the legends words.
 */

/**
 * Warning levels, in the official hues (blue IV, yellow III, orange II, red I) but spread in
 * lightness so that II and I stay apart without hue: a light yellow, a mid orange, a dark red.
 * Index = LEVELS index (0 none).
 */
export const LEVEL_COLOURS = ['#3a4654', '#5b9bd5', '#fbe98d', '#e07020', '#8b1a1a'] as const;
/** Text drawn on a level's colour (numerals in the strip, the badge). */
export const LEVEL_INK = ['#e6edf3', '#0b1118', '#0b1118', '#0b1118', '#ffffff'] as const;

/**
 * Measures of the ladder (Okabe & Ito's colour-blind-safe set, bottom of the stack first), the
 * residual apart in a hatched vermilion, and the emergency order.
 */
export const RUNG_COLOURS: Record<string, string> = {
  'demand-response': '#009e73', shift: '#56b4e9', 'avoid-peak': '#cc79a7', limit: '#e69f00', 'feeder-open': '#0072b2', residual: '#d55e00', emergency: '#f0e442',
};

/**
 * Customer classes in the plan chart "by class" (Paul Tol's muted set: none of the measures'
 * colours), the lightest first: the classes releasing most are drawn first and must stand out on
 * the dark page (indigo first made industry, the largest, the hardest to see).
 */
export const CLASS_COLOURS = ['#88ccee', '#44aa99', '#ddcc77', '#cc6677', '#999933', '#b8c7d6', '#aa4499', '#117733', '#6f7f8f', '#882255', '#332288', '#5d4a2b'];

/** The outlook's lines and areas: demand, its band, supply, the gap. */
export const OUTLOOK_COLOURS = { demand: '#9fd2ff', band: '#5ab0ff', supply: '#e6edf3', gap: '#ff6f91' } as const;

/**
 * Plans compared on one chart (Paul Tol's light set: none of the other meanings' colours), each
 * with its own dash too, so two plans never differ by colour alone.
 */
export const PLAN_COLOURS = ['#77aadd', '#ee8866', '#eedd88', '#ffaabb', '#99ddff', '#bbcc33'] as const;

/** All palettes by name, for the test that no colour serves two meanings. */
export const PALETTES: Record<string, readonly string[]> = {
  levels: LEVEL_COLOURS.slice(1),
  rungs: Object.values(RUNG_COLOURS),
  classes: CLASS_COLOURS,
  outlook: Object.values(OUTLOOK_COLOURS),
  plans: PLAN_COLOURS,
};
