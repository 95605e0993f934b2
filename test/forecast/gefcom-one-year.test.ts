/** GEFCom2012 targets (one year of history): see gefcom-targets.test.ts. Skipped with a message when the data are absent. */
import { beforeAll, describe, expect, it } from 'vitest';
import { gefcomBacktest, type GefcomBacktest } from '../../core/forecast/gefcom-backtest.ts';
import { gefcomDir as dir, readGefcomData } from '../support/gefcom-data.ts';

describe.skipIf(!dir)('GEFCom2012 targets, one year of history', () => {
  let oneYear: GefcomBacktest;
  beforeAll(() => { oneYear = gefcomBacktest(readGefcomData(dir!), '2007-one-year'); }, 300_000);

  it('from 2006 alone (one year of history), stay below vanilla for the system and the median zone, with an 80 % interval holding 70–90 % of 2007', () => {
    expect(oneYear.system.model.mape).toBeLessThan(oneYear.system.vanilla.mape);
    expect(oneYear.zoneMedianMape.model).toBeLessThan(oneYear.zoneMedianMape.vanilla);
    for (const z of oneYear.zones.filter((_, k) => k !== 8)) expect(z.model.mape).toBeLessThan(z.vanilla.mape + 0.5);
    expect(oneYear.system.model.coverage80).toBeGreaterThanOrEqual(70);
    expect(oneYear.system.model.coverage80).toBeLessThanOrEqual(90);
  });
});
