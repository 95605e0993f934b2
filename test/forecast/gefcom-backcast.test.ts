/** GEFCom2012 targets (the backcast): see gefcom-targets.test.ts. Skipped with a message when the data are absent. */
import { describe, expect, it } from 'vitest';
import { gefcomBacktest } from '../../core/forecast/gefcom-backtest.ts';
import { gefcomDir as dir, readGefcomData } from '../support/gefcom-data.ts';

describe.skipIf(!dir)('GEFCom2012 targets, the backcast', () => {
  it('backcast the 8 blank weeks: system ≤ 3.8 %, zones ≤ 7.5 % (the organisers\' benchmark: 4.41 %, 8.59 %), with 80 % intervals that hold 75–85 % (errors of weeks inside the history, not of a year ahead: 88 % before)', () => {
    const backcast = gefcomBacktest(readGefcomData(dir!), 'backcast');
    expect(backcast.system.model.mape).toBeLessThanOrEqual(3.8);
    expect(backcast.zonePooledMape.model).toBeLessThanOrEqual(7.5);
    expect(backcast.system.model.coverage80).toBeGreaterThanOrEqual(75);
    expect(backcast.system.model.coverage80).toBeLessThanOrEqual(85);
  }, 300_000);
});
