// 乡镇工作台: what waits on the user's territory (the API scopes every list to it).

import { all, get, Report, session } from "./api";
import { clear, fmtInt, h, table } from "./dom";
import { t } from "./i18n";
import { groupTable } from "./dashboard";

type Row = Record<string, unknown>;
const NOTICE_DAYS = 5; // 公示异议期 (monitoring's objection_window_days default)

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00`);
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

export async function renderWorkbench(main: HTMLElement): Promise<void> {
  const me = session.me;
  const search = h("form", { class: "search", role: "search" },
    h("label", { for: "q" }, t("search")),
    h("div", { class: "row" },
      h("input", { id: "q", name: "q", type: "search", minlength: 1, maxlength: 50, autocomplete: "off" }),
      h("button", { type: "submit" }, t("searchBtn"))));
  search.addEventListener("submit", (e) => {
    e.preventDefault();
    const q = (search.querySelector("#q") as HTMLInputElement).value.trim();
    if (q) location.hash = `#/list/households?q=${encodeURIComponent(q)}`;
  });
  const body = h("div", {}, h("p", { class: "muted" }, t("loading")));
  clear(main,
    h("h1", {}, t("workbench"), me?.division_name ? ` · ${me.division_name}` : ""),
    search,
    h("p", { class: "links-inline" }, h("a", { href: "#/import" }, t("importLedger")), " · ", h("a", { href: "#/reports" }, t("reports"))),
    body);

  const base = "/api/monitoring/v1";
  const [pending, alerts, steps, notices] = await Promise.all([
    get<{ items: Row[] }>(`${base}/worklists/pending`),
    all<Row>(`${base}/alerts?status=open`),
    get<Report>(`${base}/reports/households?group=status`),
    all<Row>(`${base}/households?status=public_notice`),
  ]);
  const objections = (
    await Promise.all(notices.map((n) => get<Row[] | { items: Row[] }>(`${base}/households/${n.id}/objections`)))
  ).flatMap((r, i): Row[] => (Array.isArray(r) ? r : r.items).map((o) => ({ ...o, head_name: notices[i].head_name })))
    .filter((o) => o.status === "open" || o.status === "lodged");
  const ageDays = (iso: unknown) => Math.floor((Date.now() - Date.parse(String(iso))) / 86_400_000);
  const hh = (r: Row) => `#/household/${r.household_id ?? r.id}`;
  clear(body,
    h("div", { class: "figures" },
      h("a", { class: "figure", href: "#/list/alerts?status=open", "data-figure": "wb-alerts" }, h("span", { class: "figure-label" }, t("alertsWaiting")), h("strong", { class: "figure-value" }, fmtInt(alerts.length))),
      h("a", { class: "figure", href: "#pending", "data-figure": "wb-pending" }, h("span", { class: "figure-label" }, t("pending")), h("strong", { class: "figure-value" }, fmtInt(pending.items.length))),
      h("a", { class: "figure", href: "#notices", "data-figure": "wb-notices" }, h("span", { class: "figure-label" }, t("noticesClosing")), h("strong", { class: "figure-value" }, fmtInt(notices.length))),
      h("a", { class: "figure", href: "#objections", "data-figure": "wb-objections" }, h("span", { class: "figure-label" }, t("objectionsOpen")), h("strong", { class: "figure-value" }, fmtInt(objections.length)))),
    h("section", { class: "card", "aria-labelledby": "wb-alerts-h" },
      h("h2", { id: "wb-alerts-h" }, t("alertsWaiting")),
      table([
        { key: "reason", label: "预警原因" }, { key: "village_code", label: "村代码" },
        { key: "source_label", label: "来源" }, { key: "age", label: "已等待（天）" },
      ], alerts.map((a) => ({ ...a, age: ageDays(a.created_at) })), { link: hh, testid: "wb-alerts" })),
    h("section", { class: "card", id: "pending", "aria-labelledby": "wb-pending-h" },
      h("h2", { id: "wb-pending-h" }, t("pending")),
      table([
        { key: "head_name", label: "户主" }, { key: "kind_label", label: "待办" }, { key: "village_name", label: "村" },
        { key: "stage_label", label: "环节" }, { key: "due_on", label: "时限" }, { key: "days_over", label: "超出（天）" },
      ], pending.items, { link: hh })),
    h("section", { class: "card", "aria-labelledby": "wb-steps-h" },
      h("h2", { id: "wb-steps-h" }, t("casesByStep")),
      groupTable(steps, "wb-step", (town, g) => `#/list/households?town_code=${town}&status=${g}`)),
    h("section", { class: "card", id: "notices", "aria-labelledby": "wb-notices-h" },
      h("h2", { id: "wb-notices-h" }, t("noticesClosing")),
      table([
        { key: "head_name", label: "户主" }, { key: "village_code", label: "村代码" },
        { key: "notice_posted_on", label: "公示张贴" }, { key: "closes", label: "异议期满" },
      ], notices.map((n) => ({ ...n, closes: n.notice_posted_on ? addDays(String(n.notice_posted_on), NOTICE_DAYS) : "" })), { link: hh })),
    h("section", { class: "card", id: "objections", "aria-labelledby": "wb-obj-h" },
      h("h2", { id: "wb-obj-h" }, t("objectionsOpen")),
      table([
        { key: "head_name", label: "户主" }, { key: "content", label: "异议内容" }, { key: "lodged_on", label: "登记日期" },
      ], objections, { link: hh })),
  );
}
