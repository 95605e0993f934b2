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
    zh: '研究时段（阴影）之前数周的实测负荷；研究时段内为负荷预测（P10–P90 区间）与气温预报。',
  },
  overviewTitle: { en: 'Daily peak over the whole history', zh: '历史日最大负荷' },
  gridTitle: { en: 'Grid', zh: '电网' },
  classesTitle: { en: 'Customers by class (peak MW)', zh: '各类用户（峰值负荷 MW）' },
  drop: { en: 'Drop a scenario file to open it', zh: '拖放场景文件以打开' },
  loading: { en: 'Loading and checking the scenario…', zh: '正在加载并校验场景…' },
  checked: { en: 'Checked in', zh: '校验用时' },
  problems: { en: 'problems', zh: '个问题' },
  problem: { en: 'problem', zh: '个问题' },
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
  retry: { en: 'Try again', zh: '重试' },
  dataNotes: { en: 'These figures rest on data that could carry them only in part:', zh: '以下数据不足，相关结果须审慎使用：' },
  notesRow: { en: 'Data notes', zh: '数据说明' },
  stalePlans: { en: 'plans made for another version of this file were set aside', zh: '个方案基于该文件的其他版本，已搁置' },
  forecasting: { en: 'forecasting the load…', zh: '正在预测负荷…' },
  forecastDone: { en: 'load forecast in', zh: '负荷预测用时' },
  loadForecast: { en: 'load forecast', zh: '负荷预测' },
  stillShowing: { en: 'Still showing the last valid scenario', zh: '仍显示上一个有效场景' },
  cancelled: { en: 'cancelled', zh: '已取消' },
  cancel: { en: 'Cancel', zh: '取消' },
  assessing: { en: 'Assessing the supply gap', zh: '正在评估供电缺口' },
  outlookReady: { en: 'warnings drawn', zh: '预警已生成' },
  outlookTitle: { en: 'Outlook: demand, supply and warnings', zh: '供需形势与预警' },
  outlookHint: {
    en: 'Forecast demand (median, P10–P90) against available supply less the reserve; the gap shaded; below, the warning level expected each hour (hover for the probability of each level).',
    zh: '预测负荷（中位数与 P10–P90）对比扣除备用后的可用电源；阴影为缺口；下方为每小时预期预警等级（悬停查看各等级概率）。',
  },
  bulletinTitle: { en: 'Warning bulletin (ready to copy)', zh: '预警通报（可复制）' },
  copy: { en: 'Copy', zh: '复制' },
  downloadBulletin: { en: 'Download (中文 + English)', zh: '下载（中文 + English）' },
  noWarning: { en: 'no warning', zh: '无预警' },
  level: { en: 'level', zh: '等级' },
  demandMedian: { en: 'demand (median)', zh: '负荷（中位数）' },
  supplyLessReserve: { en: 'supply less reserve', zh: '可用电源（扣备用）' },
  gap: { en: 'gap', zh: '缺口' },
  warning: { en: 'warning', zh: '预警' },
  plansTitle: { en: 'Orderly-power plans', zh: '有序用电方案' },
  plansHint: {
    en: 'Build plans with each strategy (for the forecast gap or a warning level), compare them, and play them out over futures. Residents and other protected customers are never in a plan.',
    zh: '按不同策略（针对预测缺口或预警等级）编制方案并比较，再对多种情景推演。居民及其他保障用户不在任何方案之内。',
  },
  compareTitle: { en: 'Plans compared: what each covers (with its own snap-back and returning energy) against the gap', zh: '方案对比：各方案压减负荷（含自身反弹与回补电量）与缺口' },
  compareOne: { en: 'One plan so far: build another with a second strategy or level to compare them here.', zh: '目前只有一个方案：请用另一种策略或等级再编制一个方案，在此对比。' },
  compareLeftOut: { en: 'Plans of other hours left out', zh: '时段不同、未参与对比的方案' },
  residualHours: { en: 'short', zh: '缺口' },
  plansEmpty: { en: 'No plan yet: build one with the buttons above.', zh: '尚无方案：请用上方按钮编制。' },
  forGap: { en: 'for the forecast gap', zh: '针对预测缺口' },
  strategy_cost: { en: 'Least cost', zh: '经济损失最小' },
  strategy_fair: { en: 'Fairest', zh: '最公平' },
  strategy_fewest: { en: 'Fewest customers', zh: '影响用户最少' },
  playOut: { en: 'Play out all plans', zh: '推演全部方案' },
  planning: { en: 'Planning', zh: '正在编制方案' },
  verified: { en: 'verified', zh: '已校验' },
  notVerified: { en: 'FAILED verification', zh: '校验未通过' },
  playingOut: { en: 'Playing the plans out', zh: '正在推演方案' },
  playedOut: { en: 'Played out', zh: '推演完成' },
  futures: { en: 'futures', zh: '个情景' },
  target: { en: 'Target (largest gap)', zh: '目标（最大缺口）' },
  residualGap: { en: 'Residual gap', zh: '剩余缺口' },
  userTimes: { en: 'User-times (户次)', zh: '户次' },
  loss: { en: 'Economic loss', zh: '经济损失' },
  verification: { en: 'Verification', zh: '独立校验' },
  pProtectedCut: { en: 'P(protected customers cut)', zh: '保障用户被切概率' },
  pEmergency: { en: 'P(emergency order reached)', zh: '动用事故拉闸序位概率' },
  ens: { en: 'Energy not served', zh: '缺供电量' },
  fairness: { en: 'Fairness (Jain)', zh: '公平指数（Jain）' },
  lateNotices: { en: 'Late notices', zh: '通知不及时' },
  exportCsv: { en: 'Customer list (CSV) to send out', zh: '导出用户清单（CSV）' },
  'rung_demand-response': { en: 'demand response', zh: '需求响应' },
  rung_shift: { en: 'shift (错峰)', zh: '错峰' },
  'rung_avoid-peak': { en: 'avoid peak (避峰)', zh: '避峰' },
  rung_limit: { en: 'limit (限电)', zh: '限电' },
  'rung_feeder-open': { en: 'feeder open (拉路)', zh: '拉路' },
  rung_emergency: { en: 'emergency order', zh: '事故拉闸' },
  need: { en: 'need', zh: '需求' },
  riskBand: { en: 'unserved MW, P10–P90 of the futures', zh: '缺供负荷 P10–P90' },
  riskP95: { en: 'P95: one future in 20 is worse', zh: 'P95：每 20 个情景有 1 个更差' },
  riskMax: { en: 'worst future', zh: '最严重情景' },
  riskPAny: { en: 'share of futures with load unserved', zh: '出现缺供的情景占比' },
  riskOlder: { en: 'played out by an older page: play out again for P95 and shares', zh: '旧版推演结果：请重新推演以显示 P95 与占比' },
  riskNone: { en: 'No load unserved in any future played out.', zh: '所有推演情景均无缺供。' },
  pUnserved: { en: 'P(any load unserved)', zh: '出现缺供概率' },
  worstHourRisk: { en: 'Worst hour: P(unserved) · P95 / worst future', zh: '最不利时段：缺供概率 · P95 / 最严重情景' },
  planned: { en: 'Plan at this hour', zh: '本时段方案' },
  future0: { en: 'Future 1 at this hour', zh: '情景 1 本时段' },
  demand: { en: 'demand', zh: '负荷' },
  byRung: { en: 'Released by rung', zh: '各措施压减' },
  unserved: { en: 'Unserved (protected load at risk)', zh: '缺供（保障负荷受威胁）' },
  curtailedNow: { en: 'Customers curtailed', zh: '被调控用户' },
  scrubHint: { en: 'Scrub through the hours of one future', zh: '逐时查看一个情景' },
  print: { en: 'Print plan report', zh: '打印方案报告' },
  whatIf: { en: 'What if', zh: '假设分析' },
  whatIfLost: { en: 'supply lost (MW)', zh: '电源损失（MW）' },
  whatIfTemp: { en: 'temperature (°C)', zh: '气温偏差（°C）' },
  whatIfNotice: { en: 'notice (h)', zh: '通知提前量（小时）' },
  ownNotice: { en: 'each customer\'s notice', zh: '按用户约定提前量' },
  reset: { en: 'Reset', zh: '复位' },
  verifying: { en: 'verifying…', zh: '校验中…' },
  planningFor: { en: 'Planning for', zh: '正在编制方案：' },
  earlierPlan: { en: 'the plan drawn is for an earlier position', zh: '以下为此前位置的方案' },
  firstOutlook: { en: 'first outlook (system); forecasting every area…', zh: '初步形势（系统）；正在预测各区域…' },
  csvTitle: { en: 'Attach a load history (CSV)', zh: '导入负荷历史（CSV）' },
  csvTime: { en: 'time column', zh: '时间列' },
  csvLoad: { en: 'load column', zh: '负荷列' },
  csvUnit: { en: 'unit', zh: '单位' },
  csvArea: { en: 'metered area', zh: '计量区域' },
  csvHint: {
    en: 'Guessed from the header: check each field. 15- and 30-minute points become hourly means, the hour\'s highest point kept beside them; the day\'s max/min temperature is made hourly (lowest at 05:00, highest at 15:00). Empty cells are missing values, refused by hour.',
    zh: '以下根据表头推测，请逐项核对。15 分钟、30 分钟数据按小时取均值，并保留该小时最大值；日最高／最低气温按日变化曲线（05:00 最低、15:00 最高）化为逐时。空单元格视为缺测，逐小时列出。',
  },
  csvLayout: { en: 'rows', zh: '数据行' },
  csvLayoutTime: { en: 'one time column', zh: '一列时间' },
  csvLayoutDateHour: { en: 'a date and an hour column', zh: '日期列与小时列' },
  csvLayoutDay: { en: 'one row per day, points in columns', zh: '每日一行、各点成列' },
  csvDate: { en: 'date column', zh: '日期列' },
  csvHour: { en: 'hour column', zh: '小时列' },
  csvPattern: { en: 'point columns', zh: '数据点列名' },
  csvInterval: { en: 'interval', zh: '间隔' },
  csvIntervalAuto: { en: 'from the times', zh: '按时间识别' },
  csvEnding: { en: 'stamps end their interval (… 24:00)', zh: '时标为时段末（至 24:00）' },
  csvTemp: { en: 'temperature', zh: '气温' },
  csvTempNone: { en: 'none in this file', zh: '本文件无气温' },
  csvTempHourly: { en: 'hourly column', zh: '逐时气温列' },
  csvTempDaily: { en: 'the day\'s max / min / mean', zh: '日最高／最低／平均气温' },
  csvTempColumn: { en: 'column', zh: '列' },
  csvTempMax: { en: 'max', zh: '最高' },
  csvTempMin: { en: 'min', zh: '最低' },
  csvTempMean: { en: 'mean', zh: '平均' },
  csvTempUnit: { en: 'unit', zh: '单位' },
  csvAttach: { en: 'Attach and open', zh: '导入并打开' },
  csvAttaching: { en: 'attaching the history…', zh: '正在导入历史数据…' },
  csvNeedsScenario: { en: 'open a scenario first: a history CSV is attached to one', zh: '请先打开场景：历史数据需导入到场景中' },
  protectedFeeder: { en: 'serves protected customers or residents: never opened', zh: '带保障用户或居民：不得拉路' },
  untouchedFeeder: { en: 'not curtailed', zh: '未压减' },
  curtailedWord: { en: 'curtailed', zh: '压减' },
  openedFeeder: { en: 'opened by the plan', zh: '方案拉路' },
  networkTitle: { en: 'The network: what the selected plan takes, feeder by feeder', zh: '电网：所选方案逐条馈线的压减' },
  customersLower: { en: 'customers', zh: '户' },
  wholeNetwork: { en: 'whole network', zh: '全网' },
  networkBySubstation: { en: 'feeders: each box is a substation, its feeders summed; click one to see its feeders.', zh: '条馈线：每个方块为一座变电站（其馈线合计）；点击查看该站馈线。' },
  byMeasure: { en: 'By measure', zh: '按措施' },
  recent: { en: 'Recent scenarios…', zh: '最近的场景…' },
  byClass: { en: 'By customer class', zh: '按用户类别' },
  energyStrip: { en: 'energy', zh: '电量' },
  energySupply: { en: 'energy supply can deliver', zh: '可供电量' },
  importLimitSupply: { en: 'import limit + local supply', zh: '受电能力+本地电源' },
  moreAreas: { en: 'Also short of import capacity', zh: '其他受电能力不足的区域' },
  localTitle: { en: 'Areas short of import capacity: demand against what they can import and make inside', zh: '受电能力不足的区域：负荷与受电能力加本地电源' },
  fanEmpty: { en: 'No play-out yet: press "Play out all plans" to see the unserved load over the futures.', zh: '尚未推演：点击“推演全部方案”查看各情景的缺供负荷。' },
  noAreaWarned: { en: 'No area short of import capacity is warned: choose one above to draw it.', zh: '受电能力不足的区域均无预警：可在上方选择区域查看。' },
  officialBulletin: { en: 'The official bulletin, as issued: the outlook above is a what-if and is not in it.', zh: '以下为正式发布的预警通报；上方为假设情景，不在通报之内。' },
  mapTitle: { en: 'Where: the areas by their own warning (import capacity), as the scenario places them', zh: '分布：各区域自身预警（受电能力），按场景坐标' },
  mapSystem: { en: 'the system', zh: '全网' },
  mapScale: { en: '', zh: '' },
  mapNoPositions: { en: 'This scenario places no areas: give each substation a position (km east and north, areas[].position) to see where the trouble is.', zh: '本场景未给出区域坐标：为各变电站填写坐标（东、北向公里数，areas[].position）即可显示分布。' },
  warnedAreas: { en: 'Warned areas', zh: '有预警的区域' },
  areaShown: { en: 'area shown', zh: '显示区域' },
  stories: { en: 'Bundled stories…', zh: '内置场景…' },
  leadTime: { en: 'lead time', zh: '提前量' },
  systemArea: { en: 'system', zh: '全网' },
  energyShort: { en: 'energy (MWh per day)', zh: '电量（日电量）' },
  energyGap: { en: 'energy gap', zh: '缺电量' },
  noGapHorizon: { en: 'no supply gap expected over the horizon', zh: '预计期内无供电缺口' },
  issuedAt: { en: 'issued', zh: '发布' },
  nextBulletin: { en: 'next bulletin', zh: '下次发布' },
  whatIfSupply: { en: 'supply', zh: '电源' },
  whatIfNoticeShort: { en: 'notice', zh: '通知提前量' },
  whatIfAtRest: { en: 'sliders at rest', zh: '滑块未调整' },
  hypothetical: { en: 'HYPOTHETICAL — what-if, not the official outlook', zh: '假设情景——非正式预警' },
  official: { en: 'Official', zh: '正式预警' },
  situationWaiting: { en: 'Open a scenario (Open scenario… or Default scenario) to see its warnings here.', zh: '请打开场景（“打开场景…”或“默认场景”），此处显示其预警。' },
  situationProvisional: { en: 'first outlook from the system forecast; every area is being forecast', zh: '系统初步形势；正在预测各区域' },
  // ---- The day of execution ----
  executionTitle: { en: 'Execution: notices, meters, compliance and the daily report', zh: '方案执行：通知、计量、执行情况与日报' },
  executionHint: {
    en: 'Work the chosen plan through the day: call every customer before their deadline and record it, read in what the meters saw, and see who delivered, whether residents were kept whole, and the report for the regulator.',
    zh: '按所选方案组织当日执行：在截止时间前逐户通知并登记，载入计量数据，查看各用户执行情况、保居民核查结果及报送监管的日报。',
  },
  executionNoPlan: { en: 'No plan yet: build one under Orderly-power plans above, then work its notices here.', zh: '尚无方案：请先在上方“有序用电方案”中编制方案，再在此处下达通知。' },
  executionNotStarted: { en: 'Select a plan above, then press the button to list the customers to notify.', zh: '请在上方选择方案，再点击按钮列出待通知的用户。' },
  startNotices: { en: 'Work the notices of the selected plan', zh: '下达所选方案的通知' },
  inExecution: { en: 'Plan in execution', zh: '执行中的方案' },
  noticesTitle: { en: 'Notices (通知清单)', zh: '通知清单' },
  noticesMaking: { en: 'Making the notices', zh: '正在生成通知清单' },
  noticesCount: { en: 'notices', zh: '份通知' },
  logSetAside: { en: 'the status log kept for this plan did not fit its notices and was set aside', zh: '已保存的通知记录与本清单不符，已搁置' },
  clock: { en: 'Page clock', zh: '页面时钟' },
  clockHint: {
    en: 'Alarms are judged and steps recorded at this time, on the grid\'s clock. It starts at the scenario\'s issue time; move it on to follow the day.',
    zh: '告警按此时刻判断，登记的通知记录亦采用此时刻（电网当地时间）。初始为场景发布时间，可向后拨动以跟进当日进程。',
  },
  clockBack: { en: 'Back to the issue time', zh: '回到发布时间' },
  dispatcher: { en: 'Dispatcher name', zh: '调度员姓名' },
  needDispatcher: { en: 'Enter the dispatcher\'s name first: every step records who made it.', zh: '请先填写调度员姓名：每条记录均须注明登记人。' },
  clockBeforeStep: { en: 'The page\'s clock is before this notice\'s last step ({at}): move the clock on first.', zh: '页面时钟早于该通知的上一条记录（{at}）：请先将时钟向后拨动。' },
  notSaved: { en: 'not kept in the browser', zh: '未能保存到浏览器' },
  everyDay: { en: 'Every day', zh: '全部日期' },
  noticeDay: { en: 'day ordered', zh: '执行日期' },
  filterAll: { en: 'All', zh: '全部' },
  filterAlarms: { en: 'Alarms', zh: '告警' },
  filterOpen: { en: 'Not yet acknowledged', zh: '尚未确认' },
  noticeBy: { en: 'Notice by', zh: '通知截止时间' },
  customerCol: { en: 'Customer', zh: '用户' },
  measuresCol: { en: 'Measures', zh: '措施' },
  orderedHours: { en: 'Hours ordered (MW by hour)', zh: '执行时段（逐时负荷）' },
  mwByHour: { en: 'MW by hour', zh: '逐时负荷' },
  peakCol: { en: 'Peak (MW)', zh: '最大负荷指标（MW）' },
  contactCol: { en: 'Contact', zh: '联系人' },
  statusCol: { en: 'Status', zh: '状态' },
  recordCol: { en: 'Record', zh: '登记' },
  recordNotified: { en: 'Mark notified', zh: '登记已通知' },
  recordAcknowledged: { en: 'Mark acknowledged', zh: '登记已确认' },
  recordExecuting: { en: 'Mark executing', zh: '登记执行中' },
  recordExecuted: { en: 'Mark executed', zh: '登记已执行' },
  recordNotExecuted: { en: 'Mark not executed', zh: '登记未执行到位' },
  noAlarms: { en: 'No notice is past its deadline unacknowledged.', zh: '无超过截止时间仍未确认的通知。' },
  noneShown: { en: 'No notice matches this filter: choose All to see every one.', zh: '没有符合筛选条件的通知：选择“全部”可查看所有通知。' },
  overdueBy: { en: 'overdue by', zh: '已超时' },
  notNotified: { en: 'not notified', zh: '未通知' },
  notAcknowledged: { en: 'notified, not acknowledged', zh: '已通知未确认' },
  downloadNotices: { en: 'Notices (CSV)', zh: '通知清单（CSV）' },
  downloadLog: { en: 'Status log (JSON, for orderly notices --log)', zh: '通知记录（JSON，供 orderly notices --log 使用）' },
  metersTitle: { en: 'Meters in', zh: '计量数据' },
  metersHint: {
    en: 'What the meters saw: the story made for this scenario, or a meter CSV of your own (a reading per row, or a day per row with P1 … P96; per customer, feeder or area). Choose it, or drop it on this box.',
    zh: '计量数据：本场景生成的示例数据，或自备的计量文件（CSV：每行一个读数，或每行一日 P1 … P96；按用户、线路或区域）。可选择文件，或拖放到此框内。',
  },
  storyButton: { en: 'Load the meters\' story', zh: '载入示例计量数据' },
  storyMaking: { en: 'Making what the meters saw', zh: '正在生成示例计量数据' },
  chooseMeters: { en: 'Choose a meter CSV…', zh: '选择计量文件（CSV）…' },
  meterUnit: { en: 'unit of the readings', zh: '读数单位' },
  unitFromFile: { en: 'as the columns name it', zh: '按列名' },
  clearMeters: { en: 'Clear the meters', zh: '清除计量数据' },
  metersCleared: { en: 'Meters cleared: compliance, the reports and the re-plan made from them are gone, here and after a reload.', zh: '计量数据已清除：据此得出的执行情况、报表与滚动调整均已移除（重新加载后亦然）。' },
  metersKeptNote: { en: 'Kept in this browser for the plan in execution: a reload judges them again.', zh: '已保存在本浏览器中（对应执行中的方案），重新加载页面后将重新评判。' },
  metersEmpty: { en: 'No meters yet: load the story, or choose or drop a meter CSV.', zh: '尚无计量数据：请载入示例数据，或选择、拖放计量文件。' },
  metersProblemsTitle: { en: 'This meter file cannot be read', zh: '该计量文件无法读取' },
  unitHint: { en: 'A file of points P1 … P96, or a column named just "load", carries no unit: choose the unit of the readings beside the buttons and read it again.', zh: '每行一日（P1 … P96）或列名仅为“load”的文件不含单位：请在按钮旁选择读数单位后重新读取。' },
  metersKept: { en: 'What the last meters showed stays below.', zh: '下方仍为上次计量数据的结果。' },
  metersWord: { en: 'meters', zh: '个计量点' },
  readingsWord: { en: 'readings', zh: '个读数' },
  daysJudged: { en: 'days judged', zh: '天已评判' },
  judging: { en: 'Judging execution from the meters', zh: '正在根据计量数据评判执行情况' },
  complianceTitle: { en: 'Compliance (执行情况)', zh: '执行情况' },
  complianceEmpty: { en: 'No compliance yet: load meters above to see who delivered their order.', zh: '尚无执行情况：请先在上方载入计量数据，查看各用户是否按指标执行。' },
  noDayMetered: { en: 'The meters reach no day of the plan with orders: read in meters of a day the plan orders.', zh: '计量数据未覆盖方案中有指令的日期：请载入方案执行日的计量数据。' },
  baselineLabel: { en: 'Baseline', zh: '基准负荷' },
  dayLabel: { en: 'Day', zh: '日期' },
  completion: { en: 'Completion rate (完成率)', zh: '完成率' },
  executionRate: { en: 'Execution rate (执行率)', zh: '执行率' },
  customersJudged: { en: 'Customers judged', zh: '评判户数' },
  shortCount: { en: 'Short of their order', zh: '未执行到位' },
  lateCount: { en: 'Late to start', zh: '迟滞执行' },
  deviationAlarms: { en: 'Deviation alarms', zh: '偏差告警' },
  groupsTitle: { en: 'By city, county and class', zh: '按地市、区县、类别' },
  groupKind: { en: 'By', zh: '维度' },
  groupName: { en: 'Group', zh: '名称' },
  shortTitle: { en: 'Customers short of their order (未执行到位清单)', zh: '未执行到位清单' },
  shortHint: { en: 'Loads are means over each customer\'s ordered hours; the largest shortfall first.', zh: '负荷为各用户执行时段的平均值；按欠缺量由大到小排列。' },
  noneShort: { en: 'Every customer judged reached their order.', zh: '所有评判用户均已执行到位。' },
  allCustomers: { en: 'Every customer ordered on the day, lowest completion first', zh: '当日全部调控用户（按完成率由低到高）' },
  classCol: { en: 'Class', zh: '类别' },
  orderedEnergy: { en: 'Ordered (MWh)', zh: '指标电量（MWh）' },
  executedCol: { en: 'Executed', zh: '是否执行' },
  lateCol: { en: 'Late', zh: '迟滞' },
  notJudged: { en: 'not judged', zh: '未评判' },
  guaranteeTitle: { en: 'The residents\' guarantee, checked on the meters (保居民)', zh: '保居民核查（依据计量数据）' },
  guaranteeHint: {
    en: 'Residents and protected customers, and the feeders serving them, whose metered load fell materially below its baseline in the plan\'s hours, beyond what the orders on the feeder explain: each traced against the plan and the emergency order.',
    zh: '居民、保障用户及带其负荷的线路，在方案时段内实测负荷明显低于基准（扣除该线路调控用户的指标后）者逐一列出，并对照方案与事故拉闸序位。',
  },
  meterCol: { en: 'Meter', zh: '计量点' },
  servesCol: { en: 'Serves', zh: '供电对象' },
  hoursCol: { en: 'Hours', zh: '时段' },
  peakDropCol: { en: 'Largest drop (MW)', zh: '最大下降（MW）' },
  dropEnergyCol: { en: 'Energy (MWh)', zh: '电量（MWh）' },
  verdictCol: { en: 'Traced against the plan', zh: '核对结论' },
  evaluationTitle: { en: 'Evaluation over the days judged (事后评估)', zh: '事后评估（已评判日期）' },
  printExecution: { en: 'Print execution report', zh: '打印执行情况报告' },
  downloadDaily: { en: 'Daily report (CSV)', zh: '日报（CSV）' },
  downloadShort: { en: 'Customers short (CSV)', zh: '未执行到位清单（CSV）' },
  downloadEvaluation: { en: 'Evaluation (CSV)', zh: '事后评估（CSV）' },
  csvInLanguage: { en: 'CSV files are written in the page\'s language.', zh: 'CSV 文件采用页面当前语言。' },
  replanTitle: { en: 'Re-plan the rest of the day', zh: '滚动调整当日剩余时段' },
  replanButton: { en: 'Re-plan the rest of the day', zh: '重新编制当日剩余时段方案' },
  replanNote: {
    en: 'At the page\'s clock: the meters before it set the level of the rest of the day, the gap is assessed again, and the plan in force revised — notices already issued kept, nothing new inside a customer\'s lead time, the fewest customers changed, no order switched back on — then checked by the verifier (as orderly replan).',
    zh: '按页面时钟：此前的电表数据确定当日剩余时段的负荷水平，重新评估缺口，并调整现行方案——保留已下达的通知，不在用户通知提前期内新增指令，尽量少改动用户，不反复启停——再经独立校验（同 orderly replan）。',
  },
  replanNeedsMeters: { en: 'Load the meters (the story or a file) first: the re-plan measures the day\'s level on them.', zh: '请先载入电表数据（示例或文件）：重新编制据此测定当日负荷水平。' },
  replanning: { en: 'Re-planning the rest of the day', zh: '正在重新编制当日剩余时段' },
  replanRefused: { en: 'Not re-planned at', zh: '未能重新编制，时间' },
  replanAt: { en: 'Re-planned at', zh: '编制时间' },
  replanLevel: { en: 'Level measured', zh: '实测负荷水平' },
  replanStale: { en: 'Meters stop early', zh: '电表数据不足' },
  replanGap: { en: 'Largest gap from then, before → after', zh: '此后最大缺口（调整前 → 调整后）' },
  replanNotified: { en: 'Notices issued by then', zh: '截至此时已下达通知' },
  replanByLog: { en: 'as recorded on this page', zh: '以本页记录为准' },
  replanByDeadline: { en: 'none recorded: those whose deadline had passed', zh: '本页无记录：按通知截止时间判定' },
  replanChanges: { en: 'Changes against the plan in force', zh: '相对现行方案的变动' },
  replanRotation: { en: 'Energy rotation, as revised', zh: '电量轮停（调整后）' },
  bulletinLogTitle: { en: 'Bulletins issued', zh: '已发布预警' },
  logBulletin: { en: 'Log this bulletin as issued', zh: '登记本预警为已发布' },
  bulletinFirst: { en: 'No bulletin issued yet for this scenario: the first one logged is the one the next is compared with.', zh: '本场景尚未登记发布预警：首次登记的预警将作为下次对比的基准。' },
  bulletinAgainstLast: { en: 'The bulletin shown, against the last issued', zh: '当前预警与上次发布相比' },
  bulletinNoChange: { en: 'no change of level', zh: '等级无变化' },
  bulletinSame: { en: 'This bulletin is already the last one logged: nothing to add.', zh: '该预警已是最近一次登记的预警，无需重复登记。' },
  bulletinOtherArea: { en: 'This bulletin is for another grid than the bulletins logged for this scenario: not logged.', zh: '该预警所属电网与本场景已登记的预警不同，未登记。' },
  bulletinFirstLogged: { en: 'first logged: nothing to compare with', zh: '首次登记，无对比' },
  bulletinIssuedCol: { en: 'Issued', zh: '发布时间' },
  bulletinLevelCol: { en: 'Level (expected / at confidence)', zh: '等级（预计/置信）' },
  bulletinValidCol: { en: 'Valid', zh: '有效期' },
  bulletinLoggedCol: { en: 'Logged', zh: '登记' },
  bulletinChangesCol: { en: 'Against the one before', zh: '与上一次相比' },
  bulletinLogEmpty: { en: 'No bulletin logged yet.', zh: '尚无登记的预警。' },
  revisionOf: { en: 'Revision of', zh: '修订所依方案' },
  residualFromT: { en: 'Residual from T', zh: 'T 时起剩余缺口' },
  revisionChanges: { en: 'changed', zh: '变动' },
  replanAdded: { en: 'The revision is added to the plans above as a plan of its own: compare it there with the plan in force.', zh: '修订方案已作为独立方案加入上方方案对比，可与现行方案对照。' },
  replanNoChange: { en: 'No customer changed: the plan in force still covers the rest of the day as measured.', zh: '无用户变动：按实测水平，现行方案仍能覆盖当日剩余时段。' },
} as const;

export type WordKey = keyof typeof WORDS;

/** Every word the page has (for the tests that read them all). */
export const WORD_KEYS = Object.keys(WORDS) as WordKey[];

const LEVEL_COLOUR_WORDS: Record<string, { en: string; zh: string }> = {
  IV: { en: 'blue', zh: '蓝色' }, III: { en: 'yellow', zh: '黄色' }, II: { en: 'orange', zh: '橙色' }, I: { en: 'red', zh: '红色' },
};

/** A level in a legend: "II级 橙色" / "II orange"; "无预警" / "no warning". */
export function levelShort(level: string, lang: Lang): string {
  const c = LEVEL_COLOUR_WORDS[level];
  if (!c) return lang === 'zh' ? '无预警' : 'no warning';
  return lang === 'zh' ? `${level}级 ${c.zh}` : `${level} ${c.en}`;
}

/** "II级 橙色预警" / "Level II orange warning"; "无预警" / "No warning". */
export function levelWords(level: string, lang: Lang): string {
  const c = LEVEL_COLOUR_WORDS[level];
  if (!c) return lang === 'zh' ? '无预警' : 'No warning';
  return lang === 'zh' ? `${level}级 ${c.zh}预警` : `Level ${level} ${c.en} warning`;
}

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

/** The locale numbers are written in for each language. */
export function localeOf(lang: Lang): string {
  return lang === 'zh' ? 'zh-CN' : 'en-US';
}

export function formatMW(mw: number, lang: Lang): string {
  const text = Math.round(mw).toLocaleString(localeOf(lang));
  return `${text} MW`;
}

const AREA_ZH: Record<string, string> = { province: '省', city: '市', county: '县', district: '区', substation: '变电站' };

/** "12 substations" / "12 个变电站". */
export function areaKind(kind: string, count: number, lang: Lang): string {
  if (lang === 'zh') return AREA_ZH[kind] ?? kind;
  if (count === 1) return kind;
  return kind.endsWith('y') ? `${kind.slice(0, -1)}ies` : `${kind}s`;
}

const CAUSES_ZH: Record<string, string> = {
  'protected load too large': '保障负荷过大', 'import limit': '受电能力受限', 'notice too short': '通知时间不足', 'daily hours': '每日调控时长已满', 'energy budget': '电量不足',
};

/** Why a residual gap is left, in the page's language. */
export function causeName(cause: string | null, lang: Lang): string {
  return cause === null ? '' : lang === 'zh' ? (CAUSES_ZH[cause] ?? cause) : cause;
}

/**
 * "Least cost · level II": a plan by its strategy and level; a re-plan during the day as a revision
 * of it, at the local time T it was made ("Least cost · revised 13:00"), so it is never taken for
 * the plan in force.
 */
export function planLabel(r: { strategy: string; level: string | null; revision?: { at: string } }, lang: Lang): string {
  const base = `${word(`strategy_${r.strategy}` as 'strategy_cost', lang)}${r.level ? ` · ${word('level', lang)} ${r.level}` : ''}`;
  // T is written with its offset (2024-07-22T13:00+08:00): its local hour and minute are read as written.
  const at = r.revision?.at.slice(11, 16);
  return at ? `${base} · ${lang === 'zh' ? `${at} 修订` : `revised ${at}`}` : base;
}

/** "27.30 M CNY" / "2,730 万元": amounts as the report's convention writes them in each language. */
export function moneyText(amount: number, currency: string, lang: Lang): string {
  const n = (x: number, d: number) => x.toLocaleString(localeOf(lang), { maximumFractionDigits: d, minimumFractionDigits: d });
  if (lang === 'zh' && currency === 'CNY') return `${n(amount / 1e4, 1)} 万元`;
  return `${n(amount / 1e6, 2)} M ${currency}`;
}

/**
 * Energy not served over the futures: the mean with its P10–P90, and where the band is all zero
 * while the mean is not, why (a few rare futures carry it) — never "12.6 (0–0)".
 */
export function ensText(f: { mean: number; p10: number; p90: number }, lang: Lang): string {
  const n = (x: number, d = 0) => x.toLocaleString(localeOf(lang), { maximumFractionDigits: d, minimumFractionDigits: d });
  // As written: a P90 of 0.3 MWh reads "0", and beside it a mean of 3.0 needs the same words.
  if (Math.round(f.p90) === 0 && Math.round(f.mean * 10) > 0) {
    return lang === 'zh' ? `均值 ${n(f.mean, 1)} MWh，来自少数情景（P10–P90 均为 0 MWh）` : `mean ${n(f.mean, 1)} MWh, from rare futures (P10–P90 both 0 MWh)`;
  }
  return lang === 'zh' ? `均值 ${n(f.mean, 1)} MWh（P10–P90：${n(f.p10)}–${n(f.p90)} MWh）` : `mean ${n(f.mean, 1)} MWh (P10–P90 ${n(f.p10)}–${n(f.p90)} MWh)`;
}

/** "1 problem", "3 problems" / "3 个问题". */
export function problemCount(count: number, lang: Lang): string {
  return `${count.toLocaleString(localeOf(lang))} ${word(count === 1 ? 'problem' : 'problems', lang)}`;
}

const EVENTS: Record<string, { en: string; zh: string }> = {
  'heat-wave': { en: 'heat wave', zh: '高温' }, 'unit-trip': { en: 'unit trip', zh: '机组跳闸' }, 'renewable-drop': { en: 'renewables drop', zh: '新能源出力骤降' },
};

/** An event of the play-out by its kind, in the page's language. */
export function eventName(kind: string, lang: Lang): string {
  return EVENTS[kind]?.[lang] ?? kind;
}
