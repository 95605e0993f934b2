/** Minutes between the points of a history file: quarter-hours, half-hours or hours. */
export type Interval = 15 | 30 | 60;
export const INTERVALS: readonly Interval[] = [15, 30, 60];
