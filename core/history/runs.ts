/** Runs of consecutive whole numbers in a sorted list, as [first, last] pairs (missing hours, absent days). */
export function runsOf(sorted: number[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (const x of sorted) {
    const last = runs.at(-1);
    if (last && last[1] === x - 1) last[1] = x;
    else runs.push([x, x]);
  }
  return runs;
}
