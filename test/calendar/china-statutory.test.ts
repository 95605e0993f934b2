import { describe, it, expect } from 'vitest';
import { CHINA_STATUTORY } from './fixtures/china-statutory-2015-2026.ts';

const YEARS = Array.from({ length: 12 }, (_, i) => 2015 + i);
const DAY_MS = 86_400_000;

const FESTIVALS: Record<string, string> = {
  "New Year's Day": '元旦',
  'Spring Festival': '春节',
  'Qingming Festival': '清明节',
  'Labour Day': '劳动节',
  'Dragon Boat Festival': '端午节',
  'Mid-Autumn Festival': '中秋节',
  'National Day': '国庆节',
};
const MERGED_EN = 'National Day and Mid-Autumn Festival';
const MERGED_ZH = '国庆节、中秋节';
const VICTORY_EN = 'Victory Day (70th anniversary of the War of Resistance)';
const VICTORY_ZH = '中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日';

const ms = (d: string): number => Date.parse(`${d}T00:00:00Z`);
const iso = (t: number): string => new Date(t).toISOString().slice(0, 10);
const shift = (d: string, days: number): string => iso(ms(d) + days * DAY_MS);
const weekday = (d: string): number => new Date(ms(d)).getUTCDay();
const isWeekend = (d: string): boolean => weekday(d) === 0 || weekday(d) === 6;
const range = (first: string, last: string): string[] => {
  const out: string[] = [];
  for (let t = ms(first); t <= ms(last); t += DAY_MS) out.push(iso(t));
  return out;
};

const entry = (year: number) => {
  const e = CHINA_STATUTORY[year];
  if (!e) throw new Error(`no entry for ${year}`);
  return e;
};
const offDates = (year: number): string[] => entry(year).holidays.map(([d]) => d);
const breakOf = (year: number, en: string): string[] =>
  entry(year)
    .holidays.filter(([, name]) => name === en)
    .map(([d]) => d);

const allOff = new Set(YEARS.flatMap(offDates));
const allWork = new Set(YEARS.flatMap((y) => entry(y).workdays));

describe('China statutory holiday table', () => {
  it('covers every year from 2015 to 2026 and no other', () => {
    expect(Object.keys(CHINA_STATUTORY).map(Number).sort((a, b) => a - b)).toEqual(YEARS);
  });

  it('every date is a real calendar date written YYYY-MM-DD', () => {
    for (const y of YEARS) {
      for (const d of [...offDates(y), ...entry(y).workdays]) {
        expect(d, `${y}: ${d}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(iso(ms(d)), `${y}: ${d}`).toBe(d); // rejects 2023-02-29, 2024-04-31, ...
      }
    }
  });

  it('every date is inside its year (New Year breaks and their worked Saturday may start in the last days of December of the year before)', () => {
    for (const y of YEARS) {
      for (const [d, en] of entry(y).holidays) {
        if (d.startsWith(`${y}-`)) continue;
        expect(en, `${y}: ${d}`).toBe("New Year's Day");
        expect(d >= `${y - 1}-12-29` && d <= `${y - 1}-12-31`, `${y}: ${d}`).toBe(true);
      }
      for (const d of entry(y).workdays) {
        if (d.startsWith(`${y}-`)) continue;
        expect(d >= `${y - 1}-12-29` && d <= `${y - 1}-12-31`, `${y}: ${d}`).toBe(true);
      }
    }
  });

  it('days off and working days are each sorted and unique within a year', () => {
    for (const y of YEARS) {
      const off = offDates(y);
      const work = entry(y).workdays;
      expect(off, `${y} holidays`).toEqual([...new Set(off)].sort());
      expect(work, `${y} workdays`).toEqual([...new Set(work)].sort());
    }
  });

  it('no date appears in two years', () => {
    const offCount = YEARS.reduce((n, y) => n + offDates(y).length, 0);
    const workCount = YEARS.reduce((n, y) => n + entry(y).workdays.length, 0);
    expect(allOff.size).toBe(offCount);
    expect(allWork.size).toBe(workCount);
  });

  it('no date is both a day off and a working day', () => {
    for (const d of allWork) expect(allOff.has(d), d).toBe(false);
  });

  it('every adjusted working day falls on a Saturday or Sunday', () => {
    for (const d of allWork) expect(isWeekend(d), `${d} is weekday ${weekday(d)}`).toBe(true);
  });

  it('every adjusted working day lies within two weeks of a break in the same year', () => {
    for (const y of YEARS) {
      const off = offDates(y).map(ms);
      for (const d of entry(y).workdays) {
        const nearest = Math.min(...off.map((t) => Math.abs(t - ms(d)) / DAY_MS));
        expect(nearest, `${y}: ${d}`).toBeLessThanOrEqual(14);
      }
    }
  });

  it('every holiday is named with one of the known English/Chinese pairs', () => {
    const pairs = new Map<string, string>([
      ...Object.entries(FESTIVALS),
      [MERGED_EN, MERGED_ZH],
      [VICTORY_EN, VICTORY_ZH],
    ]);
    for (const y of YEARS) {
      for (const [d, en, zh] of entry(y).holidays) {
        expect(pairs.has(en), `${y} ${d}: ${en}`).toBe(true);
        expect(zh, `${y} ${d}: ${en}`).toBe(pairs.get(en));
      }
    }
  });

  it('only 2015 has the one-off Victory Day break', () => {
    for (const y of YEARS) {
      const has = entry(y).holidays.some(([, en]) => en === VICTORY_EN);
      expect(has, String(y)).toBe(y === 2015);
    }
  });

  it('each year has all seven festivals (a merged National Day and Mid-Autumn break counts for both)', () => {
    for (const y of YEARS) {
      const names = new Set(entry(y).holidays.map(([, en]) => en));
      const covered = new Set([...names].flatMap((n) => (n === MERGED_EN ? ['National Day', 'Mid-Autumn Festival'] : [n])));
      for (const festival of Object.keys(FESTIVALS)) expect(covered.has(festival), `${y}: ${festival}`).toBe(true);
      // A merged break replaces both separate ones, never sits beside them.
      if (names.has(MERGED_EN)) {
        expect(names.has('National Day'), String(y)).toBe(false);
        expect(names.has('Mid-Autumn Festival'), String(y)).toBe(false);
      }
    }
  });

  it('each break contains the festival day itself (lunar New Year, Qingming solar term, 5th of the 5th month, 15th of the 8th month)', () => {
    // Gregorian dates of the festivals, independent of the notices.
    const festivalDays: Record<number, [newYear: string, qingming: string, dragonBoat: string, midAutumn: string]> = {
      2015: ['2015-02-19', '2015-04-05', '2015-06-20', '2015-09-27'],
      2016: ['2016-02-08', '2016-04-04', '2016-06-09', '2016-09-15'],
      2017: ['2017-01-28', '2017-04-04', '2017-05-30', '2017-10-04'],
      2018: ['2018-02-16', '2018-04-05', '2018-06-18', '2018-09-24'],
      2019: ['2019-02-05', '2019-04-05', '2019-06-07', '2019-09-13'],
      2020: ['2020-01-25', '2020-04-04', '2020-06-25', '2020-10-01'],
      2021: ['2021-02-12', '2021-04-04', '2021-06-14', '2021-09-21'],
      2022: ['2022-02-01', '2022-04-05', '2022-06-03', '2022-09-10'],
      2023: ['2023-01-22', '2023-04-05', '2023-06-22', '2023-09-29'],
      2024: ['2024-02-10', '2024-04-04', '2024-06-10', '2024-09-17'],
      2025: ['2025-01-29', '2025-04-04', '2025-05-31', '2025-10-06'],
      2026: ['2026-02-17', '2026-04-05', '2026-06-19', '2026-09-25'],
    };
    const nameOn = (y: number, d: string) => entry(y).holidays.find(([day]) => day === d)?.[1];
    for (const y of YEARS) {
      const [newYear, qingming, dragonBoat, midAutumn] = festivalDays[y]!;
      expect(nameOn(y, `${y}-01-01`), String(y)).toBe("New Year's Day");
      expect(nameOn(y, newYear), `${y} ${newYear}`).toBe('Spring Festival');
      expect(nameOn(y, qingming), `${y} ${qingming}`).toBe('Qingming Festival');
      expect(nameOn(y, `${y}-05-01`), String(y)).toBe('Labour Day');
      expect(nameOn(y, dragonBoat), `${y} ${dragonBoat}`).toBe('Dragon Boat Festival');
      expect([MERGED_EN, 'Mid-Autumn Festival'], `${y} ${midAutumn}`).toContain(nameOn(y, midAutumn));
      expect([MERGED_EN, 'National Day'], String(y)).toContain(nameOn(y, `${y}-10-01`));
    }
  });

  it('each break is a single run of consecutive days', () => {
    for (const y of YEARS) {
      const names = new Set(entry(y).holidays.map(([, en]) => en));
      for (const en of names) {
        const days = breakOf(y, en);
        expect(days, `${y} ${en}`).toEqual(range(days[0]!, days[days.length - 1]!));
      }
    }
  });

  it('no break stops next to an ordinary weekend day: a Saturday or Sunday touching a break is either in it or worked', () => {
    for (const d of allOff) {
      for (const next of [shift(d, -1), shift(d, 1)]) {
        if (isWeekend(next)) {
          expect(allOff.has(next) || allWork.has(next), `${next} beside ${d}`).toBe(true);
        }
      }
    }
  });

  it('weekday days off minus adjusted working days equals the statutory allowance (11 days, 13 from 2025, plus the 2015 Victory Day and the 2020 extension)', () => {
    const expected: Record<number, number> = {
      2015: 12, // 11 + 3 September 2015 (4 September off, 6 September worked)
      2020: 13, // 11 + 31 January (Friday) + the cancelled 1 February working day
      2025: 13,
      2026: 13,
    };
    for (const y of YEARS) {
      const weekdaysOff = offDates(y).filter((d) => !isWeekend(d)).length;
      expect(weekdaysOff - entry(y).workdays.length, String(y)).toBe(expected[y] ?? 11);
    }
  });

  it('the number of days off per year is plausible (25 to 35, weekends inside breaks included)', () => {
    for (const y of YEARS) {
      const n = offDates(y).length;
      expect(n, String(y)).toBeGreaterThanOrEqual(25);
      expect(n, String(y)).toBeLessThanOrEqual(35);
    }
    expect(offDates(2024)).toHaveLength(32);
    expect(offDates(2023)).toHaveLength(27);
  });

  it("each year's source names its State Council notice", () => {
    for (const y of YEARS) {
      const { source } = entry(y);
      expect(source, String(y)).toContain(`国务院办公厅关于${y}年部分节假日安排的通知`);
      expect(source, String(y)).toMatch(/国办发明电〔\d{4}〕\d+号/);
    }
    expect(entry(2024).source).toContain('国办发明电〔2023〕7号');
    expect(entry(2019).source).toContain('调整2019年劳动节假期安排');
    expect(entry(2020).source).toContain('延长2020年春节假期');
  });

  it('2024 Spring Festival runs 10–17 February with 4 and 18 February worked', () => {
    expect(breakOf(2024, 'Spring Festival')).toEqual(range('2024-02-10', '2024-02-17'));
    expect(entry(2024).workdays).toContain('2024-02-04');
    expect(entry(2024).workdays).toContain('2024-02-18');
    expect(allOff.has('2024-02-09')).toBe(false); // 除夕 was only "encouraged" as a day off
  });

  it('2024 has exactly the eight adjusted working days of its notice', () => {
    expect(entry(2024).workdays).toEqual([
      '2024-02-04',
      '2024-02-18',
      '2024-04-07',
      '2024-04-28',
      '2024-05-11',
      '2024-09-14',
      '2024-09-29',
      '2024-10-12',
    ]);
  });

  it('2015 New Year break is 1–3 January with Sunday 4 January worked', () => {
    expect(breakOf(2015, "New Year's Day")).toEqual(range('2015-01-01', '2015-01-03'));
    expect(entry(2015).workdays[0]).toBe('2015-01-04');
  });

  it('2015 has the one-off Victory Day break 3–5 September with Sunday 6 September worked', () => {
    expect(breakOf(2015, VICTORY_EN)).toEqual(['2015-09-03', '2015-09-04', '2015-09-05']);
    expect(entry(2015).workdays).toContain('2015-09-06');
  });

  it('2017 New Year break starts on Saturday 31 December 2016, with Monday 2 January as the substitute day', () => {
    expect(breakOf(2017, "New Year's Day")).toEqual(['2016-12-31', '2017-01-01', '2017-01-02']);
  });

  it('2018 New Year break runs from Saturday 30 December 2017 to Monday 1 January', () => {
    expect(breakOf(2018, "New Year's Day")).toEqual(['2017-12-30', '2017-12-31', '2018-01-01']);
  });

  it('2019 New Year break is 30 December 2018 – 1 January 2019 with Saturday 29 December 2018 worked', () => {
    expect(breakOf(2019, "New Year's Day")).toEqual(['2018-12-30', '2018-12-31', '2019-01-01']);
    expect(entry(2019).workdays[0]).toBe('2018-12-29');
  });

  it('2019 Labour Day follows the March 2019 amendment: 1–4 May off, 28 April and 5 May worked', () => {
    expect(breakOf(2019, 'Labour Day')).toEqual(range('2019-05-01', '2019-05-04'));
    expect(entry(2019).workdays).toEqual(expect.arrayContaining(['2019-04-28', '2019-05-05']));
  });

  it('2020 Spring Festival runs 24 January – 2 February and 1 February is no longer a working day', () => {
    expect(breakOf(2020, 'Spring Festival')).toEqual(range('2020-01-24', '2020-02-02'));
    expect(entry(2020).workdays).toContain('2020-01-19');
    expect(entry(2020).workdays).not.toContain('2020-02-01');
    expect(allOff.has('2020-02-03')).toBe(false);
  });

  it('2017, 2020, 2023 and 2025 merge National Day and Mid-Autumn into one eight-day break', () => {
    expect(breakOf(2017, MERGED_EN)).toEqual(range('2017-10-01', '2017-10-08'));
    expect(breakOf(2020, MERGED_EN)).toEqual(range('2020-10-01', '2020-10-08'));
    expect(breakOf(2023, MERGED_EN)).toEqual(range('2023-09-29', '2023-10-06'));
    expect(breakOf(2025, MERGED_EN)).toEqual(range('2025-10-01', '2025-10-08'));
    const merged = YEARS.filter((y) => entry(y).holidays.some(([, en]) => en === MERGED_EN));
    expect(merged).toEqual([2017, 2020, 2023, 2025]);
  });

  it('2022 National Day runs 1–7 October and is followed by two worked weekend days, 8 and 9 October', () => {
    expect(breakOf(2022, 'National Day')).toEqual(range('2022-10-01', '2022-10-07'));
    expect(entry(2022).workdays.slice(-2)).toEqual(['2022-10-08', '2022-10-09']);
  });

  it('2023 Qingming is a single day off, Wednesday 5 April', () => {
    expect(breakOf(2023, 'Qingming Festival')).toEqual(['2023-04-05']);
    expect(weekday('2023-04-05')).toBe(3);
  });

  it('2025 Spring Festival starts on New Year’s Eve: 28 January – 4 February, with 26 January and 8 February worked', () => {
    expect(breakOf(2025, 'Spring Festival')).toEqual(range('2025-01-28', '2025-02-04'));
    expect(entry(2025).workdays.slice(0, 2)).toEqual(['2025-01-26', '2025-02-08']);
    expect(breakOf(2025, "New Year's Day")).toEqual(['2025-01-01']);
  });

  it('2026 Spring Festival is nine days, 15–23 February, with 14 and 28 February worked', () => {
    expect(breakOf(2026, 'Spring Festival')).toEqual(range('2026-02-15', '2026-02-23'));
    expect(entry(2026).workdays).toEqual(expect.arrayContaining(['2026-02-14', '2026-02-28']));
  });

  it('2026 National Day runs 1–7 October with 20 September and 10 October worked', () => {
    expect(breakOf(2026, 'National Day')).toEqual(range('2026-10-01', '2026-10-07'));
    expect(breakOf(2026, 'Mid-Autumn Festival')).toEqual(range('2026-09-25', '2026-09-27'));
    expect(entry(2026).workdays).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
  });

  it('Labour Day is five days from 2020 on, except the 2019 four-day break and the three-day breaks before', () => {
    const lengths = YEARS.map((y) => breakOf(y, 'Labour Day').length);
    expect(lengths).toEqual([3, 3, 3, 3, 4, 5, 5, 5, 5, 5, 5, 5]);
  });
});
