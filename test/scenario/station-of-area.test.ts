import { describe, expect, it } from 'vitest';
import { stationOfArea } from '../../core/scenario/station-of-area.ts';

const areas = [
  { id: 'SYS', parent: null, name: 'System', kind: 'system', weatherStation: 'W1' },
  { id: 'R1', parent: 'SYS', name: 'North', kind: 'region', weatherStation: 'W2' },
  { id: 'S1', parent: 'R1', name: 'Sub 1', kind: 'substation' },
  { id: 'S2', parent: 'SYS', name: 'Sub 2', kind: 'substation' },
] as never;
const two = { stations: [{ id: 'W1' }, { id: 'W2' }] } as never;

describe('stationOfArea', () => {
  it('takes the nearest station named up the area tree', () => {
    expect(stationOfArea({ areas, weather: two }, 'S1')).toEqual({ ok: true, station: 'W2' });
    expect(stationOfArea({ areas, weather: two }, 'S2')).toEqual({ ok: true, station: 'W1' });
  });
  it('takes the only station when no area names one', () => {
    const bare = [{ id: 'SYS', parent: null, name: 'S', kind: 'system' }] as never;
    expect(stationOfArea({ areas: bare, weather: { stations: [{ id: 'W9' }] } as never }, 'SYS')).toEqual({ ok: true, station: 'W9' });
  });
  it('says which stations there are rather than guess among several', () => {
    const bare = [{ id: 'SYS', parent: null, name: 'S', kind: 'system' }] as never;
    const r = stationOfArea({ areas: bare, weather: two }, 'SYS');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.message).toMatch(/names no weather station .* has 2 \(W1, W2\)/);
  });
});
