// Chinese statutory holidays (法定节假日) and adjusted working days (调休上班), 2015–2026.
//
// Each year follows the State Council General Office notice for that year
// (国务院办公厅关于YYYY年部分节假日安排的通知) plus any later amendment, which is named in
// `source`. A year's entry holds everything its notice announces, so a New Year break that
// starts in late December (and a working day on 29 December 2018) sits in the next year's entry.
//
// "Days off" are every day of each break: the days the notice lists, plus the ordinary weekend
// days that join them when the notice says 与周末连休 or only names a single day next to a
// weekend. Such added weekend days are noted on the line of their break.
//
// Verification (dates cross-checked, not copied from any one source):
// - the notice text as republished by gov.cn, news sites and zh.wikisource (URLs per year);
// - NateScarlet/holiday-cn (YYYY.json for 2015–2021, YYYY.ics for 2022–2025);
// - LKI/chinese-calendar chinese_calendar/scripts/data.py (notice text for 2015–2018).

type Day = [date: string, en: string, zh: string];
type Name = readonly [en: string, zh: string];

export interface StatutoryYear {
  /** Days off: [date "YYYY-MM-DD", holiday name in English, name in Chinese]. Every day of each break, including weekend days that fall inside the break. */
  holidays: Array<[string, string, string]>;
  /** Adjusted working days (调休上班): weekend days that are worked. */
  workdays: string[];
  /** Where the dates come from, e.g. "国务院办公厅关于2024年部分节假日安排的通知 (国办发明电〔2023〕7号)". */
  source: string;
}

const NY: Name = ["New Year's Day", '元旦'];
const SF: Name = ['Spring Festival', '春节'];
const QM: Name = ['Qingming Festival', '清明节'];
const LD: Name = ['Labour Day', '劳动节'];
const DB: Name = ['Dragon Boat Festival', '端午节'];
const MA: Name = ['Mid-Autumn Festival', '中秋节'];
const ND: Name = ['National Day', '国庆节'];
/** One merged break. The 2017 and 2023 notices write it 中秋节、国庆节; the name is kept uniform. */
const NDMA: Name = ['National Day and Mid-Autumn Festival', '国庆节、中秋节'];
/** One-off day off in 2015 only (not one of the seven festivals). */
const VICTORY70: Name = [
  'Victory Day (70th anniversary of the War of Resistance)',
  '中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日',
];

const DAY_MS = 86_400_000;

/** Every date from `first` to `last` inclusive, each tagged with the holiday name. */
function off(first: string, last: string, [en, zh]: Name): Day[] {
  const start = Date.parse(`${first}T00:00:00Z`);
  const end = Date.parse(`${last}T00:00:00Z`);
  if (Number.isNaN(start) || Number.isNaN(end) || end < start) {
    throw new Error(`bad holiday range ${first}..${last}`);
  }
  const days: Day[] = [];
  for (let t = start; t <= end; t += DAY_MS) {
    days.push([new Date(t).toISOString().slice(0, 10), en, zh]);
  }
  return days;
}

export const CHINA_STATUTORY: Readonly<Record<number, StatutoryYear>> = {
  // Text: gov.cn/zhengce/content/2014-12/16/content_9302.htm (as cited by holiday-cn 2015.json),
  // rmzxw.com.cn/sy/jrdt/2014/12/16/419609.shtml. Victory Day: 国发明电〔2015〕1号, text at
  // m.mpfi.com.cn/news978.html and wanbao.xyxww.com.cn/html/2015-05/14/content_199427.htm.
  // holiday-cn and LKI/chinese-calendar data.py agree on the seven festivals; neither lists Victory Day.
  2015: {
    holidays: [
      ...off('2015-01-01', '2015-01-03', NY), // 1月1日至3日; 1月4日(日)上班
      ...off('2015-02-18', '2015-02-24', SF), // 2月18日至24日; 2月15日(日)、2月28日(六)上班
      ...off('2015-04-04', '2015-04-06', QM), // 4月5日(日)放假，4月6日(一)补休; + Sat 4 Apr
      ...off('2015-05-01', '2015-05-03', LD), // 5月1日放假，与周末连休
      ...off('2015-06-20', '2015-06-22', DB), // 6月20日(六)放假，6月22日(一)补休; + Sun 21 Jun
      ...off('2015-09-03', '2015-09-05', VICTORY70), // 9月3日至5日调休放假; 9月6日(日)上班
      ...off('2015-09-26', '2015-09-27', MA), // 9月27日(日)放假 (no 补休 in the notice); + Sat 26 Sep
      ...off('2015-10-01', '2015-10-07', ND), // 10月1日至7日; 10月10日(六)上班
    ],
    workdays: ['2015-01-04', '2015-02-15', '2015-02-28', '2015-09-06', '2015-10-10'],
    source:
      '国务院办公厅关于2015年部分节假日安排的通知 (国办发明电〔2014〕28号); ' +
      '国务院关于中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日调休放假的通知 (国发明电〔2015〕1号)',
  },

  // Text: gov.cn/zhengce/content/2015-12/10/content_10394.htm; holiday-cn 2016.json; LKI data.py.
  2016: {
    holidays: [
      ...off('2016-01-01', '2016-01-03', NY), // 1月1日放假，与周末连休
      ...off('2016-02-07', '2016-02-13', SF), // 2月7日至13日; 2月6日(六)、2月14日(日)上班
      ...off('2016-04-02', '2016-04-04', QM), // 4月4日(一)放假，与周末连休
      ...off('2016-04-30', '2016-05-02', LD), // 5月1日(日)放假，5月2日(一)补休; + Sat 30 Apr
      ...off('2016-06-09', '2016-06-11', DB), // 6月9日至11日; 6月12日(日)上班
      ...off('2016-09-15', '2016-09-17', MA), // 9月15日至17日; 9月18日(日)上班
      ...off('2016-10-01', '2016-10-07', ND), // 10月1日至7日; 10月8日(六)、10月9日(日)上班
    ],
    workdays: ['2016-02-06', '2016-02-14', '2016-06-12', '2016-09-18', '2016-10-08', '2016-10-09'],
    source: '国务院办公厅关于2016年部分节假日安排的通知 (国办发明电〔2015〕18号)',
  },

  // Text: zh.wikisource.org 国务院办公厅关于2017年部分节假日安排的通知;
  // gov.cn/zhengce/content/2016-12/01/content_5141603.htm; holiday-cn 2017.json; LKI data.py.
  2017: {
    holidays: [
      ...off('2016-12-31', '2017-01-02', NY), // 1月1日(日)放假，1月2日(一)补休; + Sat 31 Dec 2016
      ...off('2017-01-27', '2017-02-02', SF), // 1月27日至2月2日; 1月22日(日)、2月4日(六)上班
      ...off('2017-04-02', '2017-04-04', QM), // 4月2日至4日; 4月1日(六)上班
      ...off('2017-04-29', '2017-05-01', LD), // 5月1日(一)放假，与周末连休
      ...off('2017-05-28', '2017-05-30', DB), // 5月28日至30日; 5月27日(六)上班
      ...off('2017-10-01', '2017-10-08', NDMA), // 中秋节、国庆节: 10月1日至8日; 9月30日(六)上班
    ],
    workdays: ['2017-01-22', '2017-02-04', '2017-04-01', '2017-05-27', '2017-09-30'],
    source: '国务院办公厅关于2017年部分节假日安排的通知 (国办发明电〔2016〕17号)',
  },

  // Text: zh.wikisource.org 国务院办公厅关于2018年部分节假日安排的通知; scgw.gov.cn (转载);
  // gov.cn/zhengce/content/2017-11/30/content_5243579.htm; holiday-cn 2018.json; LKI data.py.
  2018: {
    holidays: [
      ...off('2017-12-30', '2018-01-01', NY), // 1月1日(一)放假，与周末连休
      ...off('2018-02-15', '2018-02-21', SF), // 2月15日至21日; 2月11日(日)、2月24日(六)上班
      ...off('2018-04-05', '2018-04-07', QM), // 4月5日至7日; 4月8日(日)上班
      ...off('2018-04-29', '2018-05-01', LD), // 4月29日至5月1日; 4月28日(六)上班
      ...off('2018-06-16', '2018-06-18', DB), // 6月18日(一)放假，与周末连休
      ...off('2018-09-22', '2018-09-24', MA), // 9月24日(一)放假，与周末连休
      ...off('2018-10-01', '2018-10-07', ND), // 10月1日至7日; 9月29日(六)、9月30日(日)上班
    ],
    workdays: ['2018-02-11', '2018-02-24', '2018-04-08', '2018-04-28', '2018-09-29', '2018-09-30'],
    source: '国务院办公厅关于2018年部分节假日安排的通知 (国办发明电〔2017〕12号)',
  },

  // Text: czj.gnzrmzf.gov.cn/info/1282/12573.htm; news.china.com.cn/txt/2018-12/06/content_74247818.htm;
  // Labour Day amendment (22 March 2019): hmsrbp.cn/rlzy/2019-03-29/513.html, hxnews.com 1727059.
  // holiday-cn 2019.json (which already reflects the amendment) agrees.
  2019: {
    holidays: [
      ...off('2018-12-30', '2019-01-01', NY), // 2018年12月30日至2019年1月1日; 2018年12月29日(六)上班
      ...off('2019-02-04', '2019-02-10', SF), // 2月4日至10日; 2月2日(六)、2月3日(日)上班
      ...off('2019-04-05', '2019-04-07', QM), // 4月5日(五)放假，与周末连休
      // Original notice: 5月1日放假 (1 day). Amended: 5月1日至4日; 4月28日(日)、5月5日(日)上班.
      ...off('2019-05-01', '2019-05-04', LD),
      ...off('2019-06-07', '2019-06-09', DB), // 6月7日(五)放假，与周末连休
      ...off('2019-09-13', '2019-09-15', MA), // 9月13日(五)放假，与周末连休
      ...off('2019-10-01', '2019-10-07', ND), // 10月1日至7日; 9月29日(日)、10月12日(六)上班
    ],
    workdays: [
      '2018-12-29',
      '2019-02-02',
      '2019-02-03',
      '2019-04-28',
      '2019-05-05',
      '2019-09-29',
      '2019-10-12',
    ],
    source:
      '国务院办公厅关于2019年部分节假日安排的通知 (国办发明电〔2018〕15号); ' +
      '国务院办公厅关于调整2019年劳动节假期安排的通知 (国办发明电〔2019〕3号)',
  },

  // Text: gansulong.com/c/0Q25M3X2022_2.html (both notices); extension also at
  // news.iqilu.com/china/gedi/2020/0127/4426056.shtml. holiday-cn 2020.json (with the extension) agrees.
  2020: {
    holidays: [
      ...off('2020-01-01', '2020-01-01', NY), // 1月1日(三)放假，共1天
      // Original notice: 1月24日至30日; 1月19日(日)、2月1日(六)上班. Extended on 26 January 2020
      // (COVID-19) to 2月2日(日), 2月3日起正常上班 — so the 1 February adjusted working day was
      // cancelled and is a day off here; only 19 January stays a working day.
      ...off('2020-01-24', '2020-02-02', SF),
      ...off('2020-04-04', '2020-04-06', QM), // 4月4日至6日
      ...off('2020-05-01', '2020-05-05', LD), // 5月1日至5日; 4月26日(日)、5月9日(六)上班
      ...off('2020-06-25', '2020-06-27', DB), // 6月25日至27日; 6月28日(日)上班
      ...off('2020-10-01', '2020-10-08', NDMA), // 国庆节、中秋节: 10月1日至8日; 9月27日(日)、10月10日(六)上班
    ],
    workdays: ['2020-01-19', '2020-04-26', '2020-05-09', '2020-06-28', '2020-09-27', '2020-10-10'],
    source:
      '国务院办公厅关于2020年部分节假日安排的通知 (国办发明电〔2019〕16号); ' +
      '国务院办公厅关于延长2020年春节假期的通知 (国办发明电〔2020〕1号)',
  },

  // Text: 0798ci.com/law/95022.html; crainternational.com.cn/infor/view?id=5299;
  // holiday-cn 2021.json (commit ae1b22d0) agrees.
  2021: {
    holidays: [
      ...off('2021-01-01', '2021-01-03', NY), // 2021年1月1日至3日
      ...off('2021-02-11', '2021-02-17', SF), // 2月11日至17日; 2月7日(日)、2月20日(六)上班
      ...off('2021-04-03', '2021-04-05', QM), // 4月3日至5日
      ...off('2021-05-01', '2021-05-05', LD), // 5月1日至5日; 4月25日(日)、5月8日(六)上班
      ...off('2021-06-12', '2021-06-14', DB), // 6月12日至14日
      ...off('2021-09-19', '2021-09-21', MA), // 9月19日至21日; 9月18日(六)上班
      ...off('2021-10-01', '2021-10-07', ND), // 10月1日至7日; 9月26日(日)、10月9日(六)上班
    ],
    workdays: [
      '2021-02-07',
      '2021-02-20',
      '2021-04-25',
      '2021-05-08',
      '2021-09-18',
      '2021-09-26',
      '2021-10-09',
    ],
    source: '国务院办公厅关于2021年部分节假日安排的通知 (国办发明电〔2020〕27号)',
  },

  // Text: beijing.gov.cn/zhengce/zhengcefagui/202110/t20211026_2520500.html;
  // sn.people.com.cn/n2/2021/1026/c186331-34973987.html; holiday-cn 2022.ics agrees.
  2022: {
    holidays: [
      ...off('2022-01-01', '2022-01-03', NY), // 2022年1月1日至3日
      ...off('2022-01-31', '2022-02-06', SF), // 1月31日至2月6日; 1月29日(六)、1月30日(日)上班
      ...off('2022-04-03', '2022-04-05', QM), // 4月3日至5日; 4月2日(六)上班
      ...off('2022-04-30', '2022-05-04', LD), // 4月30日至5月4日; 4月24日(日)、5月7日(六)上班
      ...off('2022-06-03', '2022-06-05', DB), // 6月3日至5日
      ...off('2022-09-10', '2022-09-12', MA), // 9月10日至12日
      ...off('2022-10-01', '2022-10-07', ND), // 10月1日至7日; 10月8日(六)、10月9日(日)上班
    ],
    workdays: [
      '2022-01-29',
      '2022-01-30',
      '2022-04-02',
      '2022-04-24',
      '2022-05-07',
      '2022-10-08',
      '2022-10-09',
    ],
    source: '国务院办公厅关于2022年部分节假日安排的通知 (国办发明电〔2021〕11号)',
  },

  // Text: zh.wikisource.org 国务院办公厅关于2023年部分节假日安排的通知;
  // fz.xmtw.org.cn/show-20778.html (from mee.gov.cn); holiday-cn 2023.ics agrees.
  2023: {
    holidays: [
      ...off('2022-12-31', '2023-01-02', NY), // 2022年12月31日至2023年1月2日
      ...off('2023-01-21', '2023-01-27', SF), // 1月21日至27日; 1月28日(六)、1月29日(日)上班
      ...off('2023-04-05', '2023-04-05', QM), // 4月5日(三)放假，共1天
      ...off('2023-04-29', '2023-05-03', LD), // 4月29日至5月3日; 4月23日(日)、5月6日(六)上班
      ...off('2023-06-22', '2023-06-24', DB), // 6月22日至24日; 6月25日(日)上班
      ...off('2023-09-29', '2023-10-06', NDMA), // 中秋节、国庆节: 9月29日至10月6日; 10月7日(六)、10月8日(日)上班
    ],
    workdays: [
      '2023-01-28',
      '2023-01-29',
      '2023-04-23',
      '2023-05-06',
      '2023-06-25',
      '2023-10-07',
      '2023-10-08',
    ],
    source: '国务院办公厅关于2023年部分节假日安排的通知 (国办发明电〔2022〕16号)',
  },

  // Text: zh.wikisource.org 国务院办公厅关于2024年部分节假日安排的通知;
  // paper.people.com.cn/rmrb/html/2023-10/26/nw.D110000renmrb_20231026_3-06.htm; holiday-cn 2024.ics agrees.
  2024: {
    holidays: [
      ...off('2023-12-30', '2024-01-01', NY), // 1月1日(一)放假，与周末连休
      // 2月10日至17日; 2月4日(日)、2月18日(日)上班. 除夕 (9 Feb) is only "encouraged" as a day off: not included.
      ...off('2024-02-10', '2024-02-17', SF),
      ...off('2024-04-04', '2024-04-06', QM), // 4月4日至6日; 4月7日(日)上班
      ...off('2024-05-01', '2024-05-05', LD), // 5月1日至5日; 4月28日(日)、5月11日(六)上班
      ...off('2024-06-08', '2024-06-10', DB), // 6月10日(一)放假，与周末连休
      ...off('2024-09-15', '2024-09-17', MA), // 9月15日至17日; 9月14日(六)上班
      ...off('2024-10-01', '2024-10-07', ND), // 10月1日至7日; 9月29日(日)、10月12日(六)上班
    ],
    workdays: [
      '2024-02-04',
      '2024-02-18',
      '2024-04-07',
      '2024-04-28',
      '2024-05-11',
      '2024-09-14',
      '2024-09-29',
      '2024-10-12',
    ],
    source: '国务院办公厅关于2024年部分节假日安排的通知 (国办发明电〔2023〕7号)',
  },

  // From 2025 the statutory allowance is 13 days (除夕 and 5月2日 added, 全国年节及纪念日放假办法
  // as revised November 2024). Text: m.gmw.cn/2024-11/12/content_1303894933.htm;
  // mip.gyhiac.cn (with document number); holiday-cn 2025.ics agrees.
  2025: {
    holidays: [
      ...off('2025-01-01', '2025-01-01', NY), // 1月1日(周三)放假1天，不调休
      ...off('2025-01-28', '2025-02-04', SF), // 1月28日(除夕)至2月4日; 1月26日(日)、2月8日(六)上班
      ...off('2025-04-04', '2025-04-06', QM), // 4月4日至6日
      ...off('2025-05-01', '2025-05-05', LD), // 5月1日至5日; 4月27日(日)上班
      ...off('2025-05-31', '2025-06-02', DB), // 5月31日至6月2日
      ...off('2025-10-01', '2025-10-08', NDMA), // 国庆节、中秋节: 10月1日至8日; 9月28日(日)、10月11日(六)上班
    ],
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
    source: '国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号)',
  },

  // Text (published 4 November 2025): politics.gmw.cn/2025-11/04/content_38391083.htm;
  // epaper.zsnews.cn 2025-11-05 A01; document number from 2cto.com.cn/forum.php?...tid=1152
  // (a forum repost, the only place the number was seen). holiday-cn 2026.ics was still empty
  // in the stored copy, so 2026 rests on the published notice text only.
  2026: {
    holidays: [
      ...off('2026-01-01', '2026-01-03', NY), // 1月1日至3日; 1月4日(日)上班
      ...off('2026-02-15', '2026-02-23', SF), // 2月15日(腊月二十八)至23日, 9天; 2月14日(六)、2月28日(六)上班
      ...off('2026-04-04', '2026-04-06', QM), // 4月4日至6日
      ...off('2026-05-01', '2026-05-05', LD), // 5月1日至5日; 5月9日(六)上班
      ...off('2026-06-19', '2026-06-21', DB), // 6月19日至21日
      ...off('2026-09-25', '2026-09-27', MA), // 9月25日至27日
      ...off('2026-10-01', '2026-10-07', ND), // 10月1日至7日; 9月20日(日)、10月10日(六)上班
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
    source: '国务院办公厅关于2026年部分节假日安排的通知 (国办发明电〔2025〕7号)',
  },
};
