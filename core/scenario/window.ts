/** Windows of local hours, written "HH-HH" (see schema.ts). */

export interface HourWindow {
  /** First hour, 0..23. */
  from: number;
  /** Hour after the last, 0..24; below `from` when the window wraps past midnight. */
  to: number;
}

export function parseWindow(text: string): HourWindow | null {
  const m = /^(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const from = Number(m[1]), to = Number(m[2]);
  if (from > 23 || to > 24) return null;
  return { from, to };
}

/** The local hours a window covers, in order: "22-02" → [22, 23, 0, 1]. */
export function windowHours(w: HourWindow): number[] {
  const hours: number[] = [];
  for (let h = w.from; h !== w.to % 24; h = (h + 1) % 24) hours.push(h);
  return hours;
}

/** True when local hour h lies in the window. */
export function inWindow(w: HourWindow, h: number): boolean {
  return w.from < w.to ? h >= w.from && h < w.to : h >= w.from || h < w.to;
}
