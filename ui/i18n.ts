/** The page's words in English and Chinese. Numbers always carry their units. */
export type Lang = 'en' | 'zh';

const WORDS = {
  app: { en: 'Orderly', zh: 'Orderly 有序用电' },
  open: { en: 'Open scenario…', zh: '打开场景…' },
  default: { en: 'Default scenario', zh: '默认场景' },
  problemsTitle: { en: 'This file is not a valid scenario', zh: '该文件不是有效的场景' },
  loadTitle: { en: 'System load and temperature', zh: '系统负荷与气温' },
  loadHint: {
    en: 'Metered load of the last weeks before the study window (shaded); in the window, the load forecast with its P10–P90 band and the temperature forecast.',
    zh: '研究时段(阴影)之前数周的实测负荷;研究时段内为负荷预测(P10–P90 区间)与气温预报。',
  },
  overviewTitle: { en: 'Daily peak over the whole history', zh: '历史日最大负荷' },
  gridTitle: { en: 'Grid', zh: '电网' },
  classesTitle: { en: 'Customers by class (peak MW)', zh: '各类用户(峰值负荷 MW)' },
  drop: { en: 'Drop a scenario file to open it', zh: '拖放场景文件以打开' },
  loading: { en: 'Loading and checking the scenario…', zh: '正在加载并校验场景…' },
  checked: { en: 'Checked in', zh: '校验用时' },
  problems: { en: 'problems', zh: '个问题' },
  more: { en: 'more not shown', zh: '个未显示' },
  areas: { en: 'Areas', zh: '区域' },
  feeders: { en: 'Feeders', zh: '馈线' },
  servingProtected: { en: 'serve protected customers', zh: '带保障用户' },
  openable: { en: 'could ever be opened', zh: '可拉路' },
  customers: { en: 'Customers', zh: '用户' },
  curtailable: { en: 'curtailable', zh: '可调控' },
  protectedWord: { en: 'protected', zh: '保障' },
  protectedShare: { en: 'Protected share of peak load', zh: '保障负荷占比' },
  historyPeak: { en: 'Peak in history', zh: '历史最大负荷' },
  supply: { en: 'Supply', zh: '电源' },
  units: { en: 'units', zh: '台机组' },
  imports: { en: 'imports', zh: '条受电通道' },
  reserve: { en: 'reserve', zh: '备用' },
  study: { en: 'Study window', zh: '研究时段' },
  issued: { en: 'issued', zh: '发布于' },
  events: { en: 'Events for play-out', zh: '推演事件' },
  none: { en: 'none', zh: '无' },
  load: { en: 'load', zh: '负荷' },
  temperature: { en: 'temperature', zh: '气温' },
  forecast: { en: 'forecast', zh: '预报' },
  failed: { en: 'Could not open the scenario', zh: '无法打开场景' },
  forecasting: { en: 'forecasting the load…', zh: '正在预测负荷…' },
  forecastDone: { en: 'load forecast in', zh: '负荷预测用时' },
  loadForecast: { en: 'load forecast', zh: '负荷预测' },
  stillShowing: { en: 'Still showing the last valid scenario', zh: '仍显示上一个有效场景' },
} as const;

export type WordKey = keyof typeof WORDS;

export function word(key: WordKey, lang: Lang): string {
  return WORDS[key][lang];
}

const CLASS_ZH: Record<string, string> = {
  residential: '居民', agriculture: '农业', hospital: '医院', school: '学校', finance: '金融', 'major-event': '重大活动',
  'emergency-command': '应急指挥', government: '党政机关', military: '军队', broadcasting: '广电', telecom: '通信', transport: '交通枢纽',
  prison: '监狱', water: '供水', heating: '供热', gas: '供气', 'energy-supply': '能源供应', 'key-project': '重点工程',
  'security-critical': '保安负荷用户', 'non-compliant': '违规项目', 'phase-out': '淘汰类', 'over-quota': '超限额', 'landscape-lighting': '景观照明',
  'high-energy': '高耗能', industry: '一般工业', commerce: '商业',
};

export function className(id: string, lang: Lang): string {
  return lang === 'zh' ? (CLASS_ZH[id] ?? id) : id.replace(/-/g, ' ');
}

export function formatMW(mw: number, lang: Lang): string {
  const text = Math.round(mw).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US');
  return `${text} MW`;
}

const AREA_ZH: Record<string, string> = { province: '省', city: '市', county: '县', district: '区', substation: '变电站' };

/** "12 substations" / "12 个变电站". */
export function areaKind(kind: string, count: number, lang: Lang): string {
  if (lang === 'zh') return AREA_ZH[kind] ?? kind;
  if (count === 1) return kind;
  return kind.endsWith('y') ? `${kind.slice(0, -1)}ies` : `${kind}s`;
}
