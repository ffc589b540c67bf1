// Chinese first, English on request. The services' own labels (状态, 类型…) come from the API
// in Chinese; the console's words are translated here.

type Lang = "zh" | "en";
let current: Lang = "zh";

const WORDS: Record<string, [string, string]> = {
  app: ["衔接 · 工作台", "Xianjie console"],
  signIn: ["登录", "Sign in"],
  signOut: ["退出", "Sign out"],
  username: ["用户名", "Username"],
  password: ["密码", "Password"],
  signInTitle: ["登录衔接工作台", "Sign in to the Xianjie console"],
  dashboard: ["全区看板", "District dashboard"],
  workbench: ["乡镇工作台", "Township workbench"],
  households: ["农户", "Households"],
  importLedger: ["台账导入", "Ledger import"],
  reports: ["报表下载", "Reports"],
  loading: ["加载中…", "Loading…"],
  floor: ["2155 底线：脱贫劳动力务工就业", "The 2155 floor: employed workers"],
  employedToday: ["今日务工就业", "Employed today"],
  floorLine: ["底线", "Floor"],
  warningMargin: ["预警余量", "Warning margin"],
  state: ["状态", "State"],
  byTown: ["按乡镇", "By town"],
  byPlace: ["按务工地点", "By place"],
  series: ["近 12 个月", "Last 12 months"],
  monitoring: ["防返贫监测", "Monitoring"],
  byStatus: ["按状态（户）", "By status (households)"],
  byKind: ["按农户类型（户）", "By category (households)"],
  alertsWaiting: ["待核实预警", "Alerts waiting"],
  oldestDays: ["最久（天）", "Oldest (days)"],
  overdueIdentification: ["识别超时限", "Identification overdue"],
  longRunning: ["两年以上监测对象（按路径）", "Monitored ≥ 2 years (by route)"],
  helperGaps: ["未明确帮扶责任人", "Without a helper"],
  funds: ["衔接资金", "Funds"],
  allocated: ["已安排", "Allocated"],
  paid: ["已支付", "Paid"],
  industryShare: ["中央资金用于产业占比（目标 ≥70%）", "Central funds on industry (≥ 70 %)"],
  checkpoints: ["节点支出进度", "Checkpoint progress"],
  elevatedReview: ["待省级提级论证项目", "Projects awaiting provincial review"],
  assets: ["帮扶项目资产", "Assets"],
  byLifecycle: ["按状态", "By lifecycle stage"],
  idleFlags: ["低效闲置标记", "Idle flags"],
  revenue: ["光伏收益与分配", "PV revenue and distributions"],
  pending: ["待办", "Pending work"],
  casesByStep: ["各环节农户", "Cases at each step"],
  noticesClosing: ["公示中（异议期满日）", "Notices closing"],
  objectionsOpen: ["未处理的公示异议", "Objections open"],
  search: ["搜索户主姓名或住址", "Search head of household or address"],
  searchBtn: ["搜索", "Search"],
  members: ["家庭成员", "Members"],
  incomes: ["年度收入", "Incomes"],
  alerts: ["预警", "Alerts"],
  plans: ["帮扶计划与措施", "Plan and measures"],
  history: ["流程记录", "History"],
  actions: ["流程操作", "Workflow actions"],
  reason: ["理由或依据", "Reason"],
  subtype: ["监测对象类型", "Category"],
  riskCauses: ["风险类型", "Risk causes"],
  submit: ["提交", "Submit"],
  visit: ["登记走访", "Log a visit"],
  findings: ["走访情况", "Findings"],
  latitude: ["纬度", "Latitude"],
  longitude: ["经度", "Longitude"],
  useGps: ["使用当前位置", "Use my location"],
  visitedAt: ["走访时间", "Visited at"],
  saved: ["已保存", "Saved"],
  ledgerKind: ["台账类型", "Ledger"],
  file: ["文件（XLSX 或 CSV）", "File (XLSX or CSV)"],
  upload: ["上传", "Upload"],
  total: ["总行数", "Rows"],
  accepted: ["已导入", "Accepted"],
  unchanged: ["无变化", "Unchanged"],
  refused: ["被拒绝", "Refused"],
  row: ["行号", "Row"],
  problems: ["问题", "Problems"],
  refusedRows: ["下载被拒绝的行（XLSX）", "Download refused rows (XLSX)"],
  download: ["下载 XLSX", "Download XLSX"],
  back: ["返回", "Back"],
  none: ["暂无", "None"],
  noAccess: ["无权查看", "Not available for your role"],
  language: ["English", "中文"],
  openList: ["查看清单", "Open the list"],
  year: ["年度", "Year"],
};

export function t(key: keyof typeof WORDS | string): string {
  const pair = WORDS[key];
  return pair ? pair[current === "zh" ? 0 : 1] : key;
}

export function lang(): string {
  return current === "zh" ? "zh-CN" : "en";
}

export function toggleLang(): void {
  current = current === "zh" ? "en" : "zh";
  document.documentElement.lang = current === "zh" ? "zh-CN" : "en";
}

export function isZh(): boolean {
  return current === "zh";
}
