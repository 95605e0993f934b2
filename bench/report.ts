/** The benchmark table: medians, spread, throughput, ratio to the same-run reference, target. */

export interface BenchRow {
  suite: string;
  name: string;
  /** Median seconds per operation. */
  medianS: number;
  /** Relative margin of error (%) from benchmark.js. */
  rme: number;
  samples: number;
  /** What the ratio is measured against, and the ratio (this / reference). */
  reference?: string;
  ratio?: number;
  /** Megabytes per second, when the operation has a size. */
  mbPerS?: number;
  /** Peak memory seen in the worker during the operation, MB. */
  peakMB?: number;
  /** Absolute target, seconds (the issue's, on a 2-core machine). */
  target?: number;
  /** Target on the ratio to the same-run reference (this / reference at most). */
  ratioTarget?: number;
}

/** Whether a row meets its targets (a row without one meets them). */
export const meetsTargets = (r: BenchRow): boolean =>
  (r.target === undefined || r.medianS <= r.target) && (r.ratioTarget === undefined || (r.ratio ?? Infinity) <= r.ratioTarget);

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

export function printTable(rows: BenchRow[], baseline: BenchRow[] | null): void {
  const head = ['benchmark', 'median', '±', 'n', 'MB/s', 'ratio', 'reference', 'peak MB', 'target', baseline ? 'vs baseline' : ''];
  const widths = [44, 9, 6, 3, 7, 7, 30, 8, 8, 11];
  console.log(head.map((h, i) => (i === 0 || i === 6 ? pad(h, widths[i]) : lpad(h, widths[i]))).join(' '));
  for (const r of rows) {
    const base = baseline?.find((b) => b.name === r.name && b.suite === r.suite);
    const cells = [
      pad(`${r.suite}: ${r.name}`, widths[0]),
      lpad(`${r.medianS.toFixed(3)} s`, widths[1]),
      lpad(`${r.rme.toFixed(1)}%`, widths[2]),
      lpad(String(r.samples), widths[3]),
      lpad(r.mbPerS ? r.mbPerS.toFixed(1) : '', widths[4]),
      lpad(r.ratio ? `${r.ratio.toFixed(2)}×` : '', widths[5]),
      pad(r.reference ?? '', widths[6]),
      lpad(r.peakMB ? r.peakMB.toFixed(0) : '', widths[7]),
      lpad(r.target !== undefined ? `${r.medianS <= r.target ? '✓' : '✗'} ${r.target} s`
        : r.ratioTarget !== undefined ? `${meetsTargets(r) ? '✓' : '✗'} ${r.ratioTarget}×` : '', widths[8]),
      lpad(base?.ratio && r.ratio ? `${((r.ratio / base.ratio - 1) * 100).toFixed(0)} %` : '', widths[9]),
    ];
    console.log(cells.join(' '));
  }
}
