// 全区看板: one screen, every figure a link to the list behind it. Each section loads on its own
// so a role without access to one service still sees the rest.

import { all, ApiError, get, Report } from "./api";
import { clear, fmtInt, h, pct, wan } from "./dom";
import { t } from "./i18n";
import { lineChart } from "./charts";

const FUNDS_YEAR = 2025; // the work plan's year (2025 年衔接资金)

interface Floor {
  employed: number;
  floor: number;
  warning_margin: number;
  state_label: string | null;
  by_town: { town_code: string; town_name: string; employed: number }[];
  by_place: { place: string; place_label: string; employed: number }[];
}

interface Series {
  floor: number;
  warning_line: number;
  points: { month: string; employed: number }[];
}

function figure(id: string, label: string, value: string, href: string, note?: string): HTMLElement {
  return h(
    "a",
    { class: "figure", href, "data-figure": id },
    h("span", { class: "figure-label" }, label),
    h("strong", { class: "figure-value", "data-value": "" }, value),
    note ? h("span", { class: "figure-note" }, note) : null,
  );
}

function section(id: string, title: string): [HTMLElement, HTMLElement] {
  const body = h("div", { class: "section-body" }, h("p", { class: "muted" }, t("loading")));
  const el = h(
    "section",
    { class: "card", id, "aria-labelledby": `${id}-h` },
    h("h2", { id: `${id}-h` }, title),
    body,
  );
  return [el, body];
}

async function fill(body: HTMLElement, build: () => Promise<(HTMLElement | null)[]>): Promise<void> {
  try {
    clear(body, ...(await build()));
  } catch (e) {
    const text = e instanceof ApiError && e.problem.status === 403 ? t("noAccess") : String((e as Error).message);
    clear(body, h("p", { class: "muted", role: "note" }, text));
  }
}

function monthsBack(n: number): [string, string] {
  const now = new Date();
  const to = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}`;
  const start = new Date(now.getFullYear(), now.getMonth() - (n - 1), 1);
  const from = `${start.getFullYear()}-${String(start.getMonth() + 1).padStart(2, "0")}`;
  return [from, to];
}

function reportHref(path: string): string {
  return `#/report?path=${encodeURIComponent(path)}`;
}

export function groupTable(
  report: Report,
  prefix: string,
  hrefOf: (town: string, group: string) => string,
): HTMLElement {
  const towns = new Map<string, string>();
  const groups = new Map<string, string>();
  const counts = new Map<string, number>();
  for (const r of report.rows) {
    towns.set(String(r.town_code), String(r.town_name));
    groups.set(String(r.group_value), String(r.group_label));
    counts.set(`${r.town_code}|${r.group_value}`, Number(r.households));
  }
  const head = h("tr", {}, h("th", { scope: "col" }, "乡镇"), [...groups.values()].map((g) => h("th", { scope: "col" }, g)));
  const rows = [...towns].map(([code, name]) =>
    h(
      "tr",
      {},
      h("th", { scope: "row" }, name),
      [...groups.keys()].map((g) => {
        const n = counts.get(`${code}|${g}`) ?? 0;
        return h("td", {}, h("a", { href: hrefOf(code, g), "data-figure": `${prefix}-${code}-${g}` }, fmtInt(n)));
      }),
    ),
  );
  return h("div", { class: "table-wrap" }, h("table", {}, h("thead", {}, head), h("tbody", {}, rows)));
}

export async function renderDashboard(main: HTMLElement): Promise<void> {
  const [floorEl, floorBody] = section("floor", t("floor"));
  const [monEl, monBody] = section("monitoring", t("monitoring"));
  const [fundsEl, fundsBody] = section("funds", `${t("funds")} ${FUNDS_YEAR}`);
  const [assetsEl, assetsBody] = section("assets", t("assets"));
  clear(main, h("h1", {}, t("dashboard")), h("div", { class: "grid" }, floorEl, monEl, fundsEl, assetsEl));

  const year = new Date().getFullYear();
  await Promise.all([
    fill(floorBody, async () => {
      const [from, to] = monthsBack(12);
      const [floor, series] = await Promise.all([
        get<Floor>("/api/employment/v1/floor"),
        get<Series>(`/api/employment/v1/floor/series?from=${from}&to=${to}`),
      ]);
      const chart = h("div", { class: "chart", role: "img", "aria-label": `${t("series")}：${series.points.map((p) => `${p.month} ${p.employed}`).join("，")}` });
      lineChart(chart, series.points.map((p) => p.month), series.points.map((p) => p.employed), series.floor, series.warning_line, "#/list/workers?status=employed");
      return [
        h(
          "div",
          { class: "figures" },
          figure("floor-employed", t("employedToday"), fmtInt(floor.employed), "#/list/workers?status=employed", floor.state_label ?? undefined),
          figure("floor-floor", t("floorLine"), fmtInt(floor.floor), "#/list/workers?status=employed"),
          figure("floor-margin", t("warningMargin"), fmtInt(floor.warning_margin), "#/list/workers?status=employed"),
        ),
        h("h3", {}, t("byTown")),
        h("div", { class: "figures small" }, floor.by_town.map((r) => figure(`floor-town-${r.town_code}`, r.town_name, fmtInt(r.employed), `#/list/workers?status=employed&town_code=${r.town_code}`))),
        h("h3", {}, t("byPlace")),
        h("div", { class: "figures small" }, floor.by_place.map((r) => figure(`floor-place-${r.place}`, r.place_label, fmtInt(r.employed), `#/list/workers?status=employed&place=${r.place}`))),
        h("h3", {}, t("series")),
        chart,
      ];
    }),
    fill(monBody, async () => {
      const base = "/api/monitoring/v1";
      const [byStatus, byKind, alerts, overdue, longRunning, coverage] = await Promise.all([
        get<Report>(`${base}/reports/households?group=status`),
        get<Report>(`${base}/reports/households?group=kind`),
        all<{ created_at: string }>(`${base}/alerts?status=open`),
        get<Report>(`${base}/reports/identification-overdue`),
        get<Report>(`${base}/worklists/long-running`),
        get<Report>(`${base}/reports/helper-coverage`),
      ]);
      const oldest = alerts.reduce((m, a) => Math.min(m, Date.parse(a.created_at)), Date.now());
      const oldestDays = alerts.length ? Math.floor((Date.now() - oldest) / 86_400_000) : 0;
      const gaps = coverage.rows.reduce((n, r) => n + Number(r.without_helper ?? 0), 0);
      return [
        h(
          "div",
          { class: "figures" },
          figure("alerts-open", t("alertsWaiting"), fmtInt(alerts.length), "#/list/alerts?status=open", `${t("oldestDays")} ${oldestDays}`),
          figure("identification-overdue", t("overdueIdentification"), fmtInt(overdue.rows.length), reportHref(`${base}/reports/identification-overdue`)),
          figure("helper-gaps", t("helperGaps"), fmtInt(gaps), reportHref(`${base}/reports/helper-missing`)),
        ),
        h("h3", {}, t("byStatus")),
        groupTable(byStatus, "hh-status", (town, g) => `#/list/households?town_code=${town}&status=${g}`),
        h("h3", {}, t("byKind")),
        groupTable(byKind, "hh-kind", (town, g) => `#/list/households?town_code=${town}&kind=${g}`),
        h("h3", {}, h("a", { href: reportHref(`${base}/worklists/long-running`) }, t("longRunning"))),
        longRunningTable(longRunning),
      ];
    }),
    fill(fundsBody, async () => {
      const base = "/api/funds/v1";
      const [use, share, projects, ...points] = await Promise.all([
        get<Report>(`${base}/reports/fund-use?year=${FUNDS_YEAR}`),
        get<{ industry_share_of_allocated: string | null; industry_share_min: string; at_risk: boolean }>(`${base}/funds/industry-share?year=${FUNDS_YEAR}`),
        all<{ requires_elevated_review: boolean; elevated_review_on: string | null }>(`${base}/projects?year=${FUNDS_YEAR}`),
        ...[7, 10, 12].map((m) => get<{ month: number; target_ratio: string; total: { progress: string | null; behind: boolean } }>(`${base}/checkpoints/progress?year=${FUNDS_YEAR}&month=${m}`)),
      ]);
      const useHref = reportHref(`${base}/reports/fund-use?year=${FUNDS_YEAR}`);
      const subtotals = use.rows.filter((r) => r.category === "小计");
      const waiting = projects.filter((p) => p.requires_elevated_review && !p.elevated_review_on).length;
      return [
        h("div", { class: "table-wrap" }, h("table", {},
          h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "资金来源"), h("th", { scope: "col" }, "规模（万元）"), h("th", { scope: "col" }, `${t("allocated")}（万元）`), h("th", { scope: "col" }, `${t("paid")}（万元）`))),
          h("tbody", {}, subtotals.map((r, i) => h("tr", {},
            h("th", { scope: "row" }, String(r.source)),
            h("td", {}, h("a", { href: useHref, "data-figure": `fund-${i}-amount` }, wan(r.amount as string))),
            h("td", {}, h("a", { href: useHref, "data-figure": `fund-${i}-allocated` }, wan(r.allocated as string))),
            h("td", {}, h("a", { href: useHref, "data-figure": `fund-${i}-paid` }, wan(r.paid as string))),
          ))),
        )),
        h(
          "div",
          { class: "figures" },
          figure("industry-share", t("industryShare"), pct(share.industry_share_of_allocated), useHref, share.at_risk ? "⚠ 低于 70%" : "≥ 70%"),
          figure("elevated-review", t("elevatedReview"), fmtInt(waiting), "#/list/projects?elevated=1"),
        ),
        h("h3", {}, t("checkpoints")),
        h("div", { class: "figures small" }, points.map((p) => figure(
          `checkpoint-${p.month}`,
          `${p.month} 月（目标 ${pct(p.target_ratio)}）`,
          pct(p.total.progress),
          reportHref(`${base}/reports/checkpoint-progress?year=${FUNDS_YEAR}&month=${p.month}`),
          p.total.behind ? "落后" : "达标",
        ))),
      ];
    }),
    fill(assetsBody, async () => {
      const base = "/api/assets/v1";
      const [assets, idle, revenue, monthly] = await Promise.all([
        all<{ status: string; status_label: string }>(`${base}/assets`),
        all<unknown>(`${base}/idle-assets`),
        get<Report>(`${base}/reports/revenue?year=${year}`),
        pvMonthly(base, year),
      ]);
      const stages = new Map<string, [string, number]>();
      for (const a of assets) stages.set(a.status, [a.status_label, (stages.get(a.status)?.[1] ?? 0) + 1]);
      const revenueHref = reportHref(`${base}/reports/revenue?year=${year}`);
      return [
        h("h3", {}, t("byLifecycle")),
        h("div", { class: "figures small" }, [...stages].map(([s, [label, n]]) => figure(`asset-${s}`, label, fmtInt(n), `#/list/assets?status=${s}`))),
        h("div", { class: "figures" }, figure("idle-flags", t("idleFlags"), fmtInt(idle.length), "#/list/idle")),
        h("h3", {}, h("a", { href: revenueHref }, `${t("revenue")} ${year}`)),
        h("div", { class: "table-wrap" }, h("table", {},
          h("thead", {}, h("tr", {}, ["乡镇", "运营收益（万元）", "分配总额（万元）"].map((c) => h("th", { scope: "col" }, c)))),
          h("tbody", {}, revenue.rows.map((r) => h("tr", {},
            h("th", { scope: "row" }, String(r.town_name)),
            h("td", {}, h("a", { href: revenueHref, "data-figure": `revenue-${r.town_code}` }, wan(r.revenue as string))),
            h("td", {}, h("a", { href: revenueHref, "data-figure": `distributed-${r.town_code}` }, wan(r.distributed as string))),
          ))),
        )),
        monthly,
      ];
    }),
  ]);
  main.setAttribute("data-painted", String(Math.round(performance.now())));
}

async function pvMonthly(base: string, year: number): Promise<HTMLElement | null> {
  try {
    const report = await get<Report>(`${base}/reports/revenue-by-month?year=${year}`);
    const href = reportHref(`${base}/reports/revenue-by-month?year=${year}`);
    return h("div", {}, h("h3", {}, "按月（万元）"), h("div", { class: "table-wrap" }, h("table", {},
      h("thead", {}, h("tr", {}, ["月份", "光伏收益", "分配"].map((c) => h("th", { scope: "col" }, c)))),
      h("tbody", {}, report.rows.map((r) => h("tr", {},
        h("th", { scope: "row" }, String(r.month)),
        h("td", {}, h("a", { href, "data-figure": `pv-month-${r.month}` }, wan(r.pv_revenue as string))),
        h("td", {}, h("a", { href, "data-figure": `dist-month-${r.month}` }, wan(r.distributed as string))),
      ))),
    )));
  } catch {
    return null; // the monthly report is optional for older deployments
  }
}

function longRunningTable(report: Report): HTMLElement {
  const cols = report.columns.filter((c) => c.key !== "town_code");
  const href = reportHref("/api/monitoring/v1/worklists/long-running/households");
  return h("div", { class: "table-wrap" }, h("table", {},
    h("thead", {}, h("tr", {}, cols.map((c) => h("th", { scope: "col" }, c.label)))),
    h("tbody", {}, report.rows.length
      ? report.rows.map((r) => h("tr", {}, cols.map((c, i) => i === 0
          ? h("th", { scope: "row" }, String(r[c.key] ?? ""))
          : h("td", {}, h("a", { href, "data-figure": `long-${r.town_code}-${c.key}` }, String(r[c.key] ?? 0))))))
      : [h("tr", {}, h("td", { colspan: cols.length }, t("none")))]),
  ));
}
