// The lists behind the figures, and any report as a table with its XLSX download.

import { all, download, get, Report } from "./api";
import { backButton, clear, h, table } from "./dom";
import { t } from "./i18n";

type Row = Record<string, unknown>;
interface ListDef {
  title: string;
  path: string;
  columns: { key: string; label: string }[];
  link?: (r: Row) => string | null;
  filter?: (r: Row) => boolean;
  map?: (r: Row) => Row;
}

const household = (r: Row) => `#/household/${r.household_id ?? r.id}`;
const ageDays = (iso: unknown) => Math.floor((Date.now() - Date.parse(String(iso))) / 86_400_000);

const LISTS: Record<string, (q: URLSearchParams) => ListDef> = {
  workers: (q) => ({
    title: "务工人员",
    path: `/api/employment/v1/workers?${q}`,
    columns: [
      { key: "village_code", label: "村代码" },
      { key: "status_label", label: "状态" },
      { key: "place_label", label: "务工地点" },
      { key: "employer", label: "用工单位" },
      { key: "monthly_wage", label: "月工资（元）" },
    ],
    link: household,
  }),
  households: (q) => ({
    title: "农户",
    path: `/api/monitoring/v1/households?${q}`,
    columns: [
      { key: "head_name", label: "户主" },
      { key: "village_code", label: "村代码" },
      { key: "kind_label", label: "农户类型" },
      { key: "status_label", label: "状态" },
      { key: "member_count", label: "人口" },
    ],
    link: household,
  }),
  alerts: (q) => ({
    title: "预警",
    path: `/api/monitoring/v1/alerts?${q}`,
    columns: [
      { key: "reason", label: "预警原因" },
      { key: "village_code", label: "村代码" },
      { key: "source_label", label: "来源" },
      { key: "status_label", label: "状态" },
      { key: "age", label: "已等待（天）" },
    ],
    link: household,
    map: (r) => ({ ...r, age: ageDays(r.created_at) }),
  }),
  projects: (q) => {
    const elevated = q.get("elevated") === "1";
    q.delete("elevated");
    return {
      title: elevated ? t("elevatedReview") : "项目",
      path: `/api/funds/v1/projects?${q}`,
      columns: [
        { key: "name", label: "项目" },
        { key: "town_code", label: "乡镇代码" },
        { key: "category_label", label: "类别" },
        { key: "status_label", label: "状态" },
        { key: "planned_amount", label: "计划金额（元）" },
      ],
      filter: elevated ? (r) => Boolean(r.requires_elevated_review) && !r.elevated_review_on : undefined,
    };
  },
  assets: (q) => ({
    title: "资产",
    path: `/api/assets/v1/assets?${q}`,
    columns: [
      { key: "name", label: "资产" },
      { key: "town_code", label: "乡镇代码" },
      { key: "kind_label", label: "类型" },
      { key: "status_label", label: "状态" },
      { key: "value", label: "价值（元）" },
    ],
  }),
  idle: (q) => ({
    title: t("idleFlags"),
    path: `/api/assets/v1/idle-assets?${q}`,
    columns: [
      { key: "asset_name", label: "资产" },
      { key: "town_code", label: "乡镇代码" },
      { key: "rule_label", label: "规则" },
      { key: "flagged_on", label: "标记日期" },
      { key: "proposed_action_label", label: "处置意见" },
    ],
  }),
};

export async function renderList(main: HTMLElement, kind: string, query: URLSearchParams): Promise<void> {
  const def = LISTS[kind]?.(query);
  if (!def) {
    clear(main, h("p", {}, "?"));
    return;
  }
  clear(main, h("h1", {}, def.title), h("p", { class: "muted" }, t("loading")));
  let rows = await all<Row>(def.path);
  if (def.filter) rows = rows.filter(def.filter);
  if (def.map) rows = rows.map(def.map);
  clear(
    main,
    h("p", {}, backButton()),
    h("h1", {}, def.title, h("span", { class: "count", "data-testid": "list-count" }, ` ${rows.length}`)),
    table(def.columns, rows, { link: def.link, testid: "list" }),
  );
}

export async function renderReport(main: HTMLElement, path: string): Promise<void> {
  if (!path.startsWith("/api/")) throw new Error("not an API path");
  clear(main, h("p", { class: "muted" }, t("loading")));
  const report = await get<Report>(path);
  const sep = path.includes("?") ? "&" : "?";
  const button = h("button", { type: "button", class: "secondary", "data-testid": "xlsx" }, t("download"));
  button.addEventListener("click", () => void download(`${path}${sep}format=xlsx`, `${report.title}.xlsx`));
  const link = report.rows.some((r) => r.household_id) ? household : undefined;
  clear(
    main,
    h("p", {}, backButton()),
    h("h1", {}, report.title),
    h("p", {}, button),
    table(report.columns, report.rows, { link, testid: "report" }),
  );
}

export const REPORTS: [string, string][] = [
  ["/api/monitoring/v1/reports/households?group=status", "农户分布统计（按状态）"],
  ["/api/monitoring/v1/reports/households?group=subtype", "农户分布统计（按监测对象类型）"],
  ["/api/monitoring/v1/reports/identification-overdue", "识别纳入超时限"],
  ["/api/monitoring/v1/reports/long-running", "两年及以上未消除风险监测对象"],
  ["/api/monitoring/v1/reports/lacking-developmental", "开发式帮扶措施不足"],
  ["/api/monitoring/v1/reports/helper-coverage", "帮扶责任覆盖"],
  ["/api/monitoring/v1/reports/helper-missing", "未明确帮扶责任人的农户"],
  ["/api/monitoring/v1/reports/data-quality", "疑点数据"],
  ["/api/monitoring/v1/reports/policy-awareness", "政策知晓率"],
  ["/api/funds/v1/reports/fund-use?year=2025", "2025 年衔接资金使用"],
  ["/api/funds/v1/reports/pipeline?year=2025", "项目进展"],
  ["/api/funds/v1/reports/checkpoint-progress?year=2025&month=12", "节点支出进度（12 月）"],
  ["/api/assets/v1/reports/assets-summary", "资产分类统计"],
  ["/api/assets/v1/reports/idle", "低效闲置资产"],
  [`/api/assets/v1/reports/revenue?year=${new Date().getFullYear()}`, "资产收益与分配"],
  [`/api/employment/v1/reports/wage-growth?year=${new Date().getFullYear()}`, "务工收入增长"],
];

export function renderReports(main: HTMLElement): void {
  clear(
    main,
    h("h1", {}, t("reports")),
    h(
      "ul",
      { class: "links" },
      REPORTS.map(([path, title]) => {
        const sep = path.includes("?") ? "&" : "?";
        const xlsx = h("button", { type: "button", class: "secondary small", "aria-label": `${title} ${t("download")}` }, "XLSX");
        xlsx.addEventListener("click", () => void download(`${path}${sep}format=xlsx`, `${title}.xlsx`).catch((e) => alert(e.message)));
        return h("li", {}, h("a", { href: `#/report?path=${encodeURIComponent(path)}` }, title), " ", xlsx);
      }),
    ),
  );
}
