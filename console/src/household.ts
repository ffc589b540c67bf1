// 农户详情: members (ID numbers masked by the service according to the role), incomes, alerts,
// plan and measures, history; the workflow steps; the visit form.

import { all, ApiError, get, send } from "./api";
import { backButton, clear, h, table } from "./dom";
import { t } from "./i18n";

type Row = Record<string, unknown>;

const ACTION_LABELS: Record<string, string> = {
  start_verification: "开始核实",
  submit_village_review: "提交村级评议",
  village_approve: "村级评议通过并公示",
  close_notice: "公示期满无异议，报镇审核",
  town_approve: "镇级审核通过，报区审批",
  approve: "区级审批纳入监测",
  reject: "不予纳入",
  mark_safety_net: "标注兜底保障户",
  start_elimination: "启动风险消除（入户核实）",
  submit_elimination_review: "提交风险消除村级民主评议",
  post_elimination_notice: "村级评议通过，风险消除公示",
  close_elimination_notice: "风险消除公示期满，报镇审核",
  town_approve_elimination: "镇级审核通过风险消除，报区审批",
  eliminate_risk: "区级审批标注风险消除",
  halt_elimination: "不予消除风险，继续帮扶",
};

// Which steps can start from where the household stands (the service decides who may take them
// and answers the reason when it refuses; the console shows that answer).
function actionsFor(status: string, stage: string | null): string[] {
  if (status === "included" && stage) {
    const next: Record<string, string> = {
      household_check: "submit_elimination_review",
      village_review: "post_elimination_notice",
      public_notice: "close_elimination_notice",
      town_review: "town_approve_elimination",
      district_approval: "eliminate_risk",
    };
    return [next[stage], "halt_elimination"].filter(Boolean);
  }
  const table: Record<string, string[]> = {
    not_monitored: ["start_verification"],
    risk_eliminated: ["start_verification"],
    verifying: ["submit_village_review", "reject"],
    village_review: ["village_approve", "reject"],
    public_notice: ["close_notice"],
    town_review: ["town_approve", "reject"],
    district_approval: ["approve", "reject"],
    included: ["start_elimination", "mark_safety_net"],
  };
  return table[status] ?? [];
}

const SUBTYPES: [string, string][] = [
  ["unstable", "脱贫不稳定户"],
  ["marginal", "边缘易致贫户"],
  ["sudden_hardship", "突发严重困难户"],
];
const RISK_CAUSES: [string, string][] = [
  ["illness", "因病"], ["disability", "因残"], ["schooling", "因学"], ["disaster", "因灾"],
  ["accident", "因意外事故"], ["business_failure", "因产业失败"], ["unstable_work", "因务工就业不稳"],
  ["lack_of_labour", "缺劳动力"], ["housing", "住房安全"], ["drinking_water", "饮水安全"],
  ["medical_insurance", "基本医疗保险未参保"], ["other", "其他"],
];

function checkboxes(name: string, legend: string, options: [string, string][]): HTMLElement {
  return h("fieldset", {}, h("legend", {}, legend),
    h("div", { class: "checks" }, options.map(([v, label]) =>
      h("label", { class: "check" }, h("input", { type: "checkbox", name, value: v }), label))));
}

function field(id: string, label: string, input: HTMLElement, hint?: string): HTMLElement {
  input.id = id;
  if (hint) input.setAttribute("aria-describedby", `${id}-hint`);
  return h("div", { class: "field" }, h("label", { for: id }, label), input,
    hint ? h("small", { id: `${id}-hint`, class: "muted" }, hint) : null);
}

export async function renderHousehold(main: HTMLElement, id: string): Promise<void> {
  clear(main, h("p", { class: "muted" }, t("loading")));
  const base = `/api/monitoring/v1/households/${id}`;
  const [hh, members, incomes, alerts, plans, history] = await Promise.all([
    get<Row>(base),
    get<Row[]>(`${base}/members`),
    get<Row[]>(`${base}/incomes`),
    all<Row>(`/api/monitoring/v1/alerts?household_id=${id}`),
    all<Row & { measures: Row[] }>(`/api/monitoring/v1/assistance-plans?household_id=${id}`),
    get<Row[]>(`${base}/transitions`),
  ]);
  const status = String(hh.status);
  const stage = (hh.elimination_stage as string | null) ?? null;
  const measures = plans.flatMap((p) => p.measures.map((m) => ({ ...m, year: p.year, goal: p.goal })));

  const outcome = h("div", { id: "action-outcome", role: "alert", "aria-live": "assertive" });
  const actions = actionsFor(status, stage).map((action) => actionForm(base, action, Number(hh.version), outcome, () => void renderHousehold(main, id)));

  // On a phone the visit form is far down: one tap takes the cadre there, focus on its first field.
  const toVisit = h("button", { type: "button", class: "secondary small" }, t("visit"));
  toVisit.addEventListener("click", () => {
    document.getElementById("visit")?.scrollIntoView();
    (document.getElementById("visit-findings") as HTMLTextAreaElement | null)?.focus();
  });
  clear(
    main,
    h("p", { class: "row-inline" }, backButton(), " ", toVisit),
    h("h1", {}, String(hh.head_name), " ", h("span", { class: "badge", "data-testid": "hh-status" }, String(hh.status_label), hh.elimination_stage_label ? ` · ${hh.elimination_stage_label}` : "")),
    h("p", { class: "muted" }, `${hh.village_code} · ${hh.address ?? ""} · ${hh.kind_label} · ${hh.member_count} 人`,
      hh.subtype_label ? ` · ${hh.subtype_label}` : "", (hh.risk_cause_labels as string[]).length ? ` · ${(hh.risk_cause_labels as string[]).join("、")}` : ""),
    h("section", { class: "card", "aria-labelledby": "act-h" }, h("h2", { id: "act-h" }, t("actions")), outcome,
      actions.length ? actions : h("p", { class: "muted" }, t("none"))),
    h("section", { class: "card", "aria-labelledby": "mem-h" }, h("h2", { id: "mem-h" }, t("members")),
      table([
        { key: "name", label: "姓名" }, { key: "id_number", label: "身份证号" }, { key: "relation_label", label: "与户主关系" },
        { key: "age", label: "年龄" }, { key: "health_label", label: "健康" }, { key: "labour_label", label: "劳动能力" },
      ], members, { testid: "members" })),
    h("section", { class: "card", "aria-labelledby": "inc-h" }, h("h2", { id: "inc-h" }, t("incomes")),
      table([
        { key: "year", label: "年度" }, { key: "per_capita_net_income", label: "人均纯收入（元）" },
        { key: "monitoring_line", label: "监测线（元）" }, { key: "below", label: "低于监测线" },
      ], incomes.map((r) => ({ ...r, below: r.below_line ? "是" : "否" })))),
    h("section", { class: "card", "aria-labelledby": "al-h" }, h("h2", { id: "al-h" }, t("alerts")),
      table([
        { key: "reason", label: "预警原因" }, { key: "source_label", label: "来源" }, { key: "status_label", label: "状态" }, { key: "created", label: "日期" },
      ], alerts.map((a) => ({ ...a, created: String(a.created_at).slice(0, 10) })), { testid: "alerts" })),
    h("section", { class: "card", "aria-labelledby": "pl-h" }, h("h2", { id: "pl-h" }, t("plans")),
      table([
        { key: "year", label: "年度" }, { key: "kind_label", label: "类型" }, { key: "description", label: "措施" },
        { key: "owner", label: "责任人" }, { key: "delivered_on", label: "落实日期" },
      ], measures)),
    h("section", { class: "card", "aria-labelledby": "hi-h" }, h("h2", { id: "hi-h" }, t("history")),
      table([
        { key: "at", label: "时间" }, { key: "action_label", label: "操作" }, { key: "actor_role", label: "角色" }, { key: "reason", label: "理由" },
      ], history.map((r) => ({ ...r, at: String(r.at).slice(0, 16).replace("T", " ") })), { testid: "history" })),
    visitForm(id),
  );
}

function actionForm(base: string, action: string, version: number, outcome: HTMLElement, done: () => void): HTMLElement {
  const label = ACTION_LABELS[action] ?? action;
  const reason = h("textarea", { name: "reason", required: true, maxlength: 2000, rows: 2 });
  const extra = action === "submit_village_review"
    ? [
        field(`${action}-subtype`, t("subtype"), h("select", { name: "subtype", required: true },
          h("option", { value: "" }, "—"), SUBTYPES.map(([v, l]) => h("option", { value: v }, l)))),
        checkboxes("risk_causes", t("riskCauses"), RISK_CAUSES),
      ]
    : [];
  const form = h("form", { class: "action", "data-action": action, "aria-label": label },
    h("h3", {}, label),
    field(`${action}-reason`, t("reason"), reason),
    extra,
    h("button", { type: "submit" }, label),
  ) as HTMLFormElement;
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const body: Record<string, unknown> = { action, reason: String(data.get("reason") ?? "").trim() };
    if (action === "submit_village_review") {
      body.subtype = data.get("subtype") || null;
      body.risk_causes = data.getAll("risk_causes");
    }
    try {
      await send("POST", `${base}/transitions`, body, { "If-Match": `"${version}"` });
      done();
    } catch (err) {
      clear(outcome, h("p", { class: "error", "data-testid": "problem" }, err instanceof ApiError ? err.message : String(err)));
      outcome.focus();
    }
  });
  return form;
}

function visitForm(householdId: string): HTMLElement {
  const now = new Date();
  now.setMinutes(now.getMinutes() - now.getTimezoneOffset());
  const status = h("div", { role: "status", "aria-live": "polite" });
  const lat = h("input", { name: "latitude", type: "number", step: "0.000001", min: -90, max: 90, required: true, inputmode: "decimal" }) as HTMLInputElement;
  const lon = h("input", { name: "longitude", type: "number", step: "0.000001", min: -180, max: 180, required: true, inputmode: "decimal" }) as HTMLInputElement;
  const gps = h("button", { type: "button", class: "secondary" }, t("useGps"));
  gps.addEventListener("click", () => navigator.geolocation?.getCurrentPosition((p) => {
    lat.value = p.coords.latitude.toFixed(6);
    lon.value = p.coords.longitude.toFixed(6);
  }));
  const form = h("form", { class: "card visit", id: "visit", "aria-labelledby": "visit-h" },
    h("h2", { id: "visit-h" }, t("visit")),
    field("visit-at", t("visitedAt"), h("input", { name: "visited_at", type: "datetime-local", required: true, value: now.toISOString().slice(0, 16) })),
    field("visit-findings", t("findings"), h("textarea", { name: "findings", required: true, maxlength: 4000, rows: 3 })),
    checkboxes("risk_causes", `${t("riskCauses")}（发现风险时勾选，将产生预警）`, RISK_CAUSES),
    h("div", { class: "row" }, field("visit-lat", t("latitude"), lat), field("visit-lon", t("longitude"), lon)),
    h("p", {}, gps),
    h("button", { type: "submit" }, t("submit")),
    status,
  ) as HTMLFormElement;
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const data = new FormData(form);
    try {
      await send("POST", "/api/monitoring/v1/visits", {
        household_id: householdId,
        visited_at: new Date(String(data.get("visited_at"))).toISOString(),
        latitude: String(data.get("latitude")),
        longitude: String(data.get("longitude")),
        findings: String(data.get("findings")),
        risk_causes: data.getAll("risk_causes"),
      });
      clear(status, h("p", { class: "ok" }, t("saved")));
      form.reset();
    } catch (err) {
      clear(status, h("p", { class: "error", role: "alert" }, err instanceof ApiError ? err.message : String(err)));
    }
  });
  return form;
}
