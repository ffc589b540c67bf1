// 台账导入: a town's spreadsheet to one of the services' import endpoints, the per-row answer on
// screen, and (when the service offers it) the refused rows as an XLSX with their problems.

import { ApiError, download, send } from "./api";
import { clear, fmtInt, h, table } from "./dom";
import { t } from "./i18n";

const LEDGERS: [string, string][] = [
  ["/api/monitoring/v1/households/import", "农户台账（防返贫监测）"],
  ["/api/employment/v1/spells/import", "务工数据动态采集（稳岗就业）"],
  ["/api/assets/v1/assets/import", "存量资产台账（帮扶项目资产）"],
  ["/api/monitoring/v1/water-sites/import", "供水工程点位清单"],
];

interface ImportAnswer {
  total: number;
  accepted: number;
  unchanged: number;
  refused: number;
  rows: { row: number; status: string; problems: { field?: string | null; message: string }[] }[];
  refused_rows_url?: string | null;
}

export function renderImport(main: HTMLElement): void {
  const result = h("div", { id: "import-result", "aria-live": "polite" });
  const form = h("form", { class: "card", "aria-labelledby": "imp-h" },
    h("h2", { id: "imp-h" }, t("importLedger")),
    h("div", { class: "field" }, h("label", { for: "ledger" }, t("ledgerKind")),
      h("select", { id: "ledger", name: "ledger" }, LEDGERS.map(([v, l]) => h("option", { value: v }, l)))),
    h("div", { class: "field" }, h("label", { for: "ledger-file" }, t("file")),
      h("input", { id: "ledger-file", name: "file", type: "file", required: true, accept: ".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv" })),
    h("button", { type: "submit" }, t("upload")),
  ) as HTMLFormElement;
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const path = String(data.get("ledger"));
    const upload = new FormData();
    upload.append("file", data.get("file") as File);
    clear(result, h("p", { class: "muted" }, t("loading")));
    try {
      showAnswer(result, await send<ImportAnswer>("POST", path, upload));
    } catch (err) {
      clear(result, h("p", { class: "error", role: "alert" }, err instanceof ApiError ? err.message : String(err)));
    }
  });
  clear(main, h("h1", {}, t("importLedger")), form, result);
}

function showAnswer(result: HTMLElement, answer: ImportAnswer): void {
  const link = answer.refused_rows_url;
  const button = link ? h("button", { type: "button", class: "secondary", "data-testid": "refused-rows" }, t("refusedRows")) : null;
  button?.addEventListener("click", () => void download(link!, "被拒绝的行.xlsx").catch((e) => alert(e.message)));
  clear(result,
    h("div", { class: "figures small", "data-testid": "import-summary" },
      [["total", answer.total], ["accepted", answer.accepted], ["unchanged", answer.unchanged], ["refused", answer.refused]].map(([k, n]) =>
        h("div", { class: "figure", "data-figure": `import-${k}` }, h("span", { class: "figure-label" }, t(String(k))), h("strong", { class: "figure-value" }, fmtInt(Number(n)))))),
    button,
    table([{ key: "row", label: t("row") }, { key: "status", label: t("state") }, { key: "problems", label: t("problems") }],
      answer.rows.map((r) => ({
        row: r.row,
        status: { accepted: "已导入", unchanged: "无变化", refused: "被拒绝" }[r.status] ?? r.status,
        problems: r.problems.map((p) => (p.field ? `${p.field}：${p.message}` : p.message)).join("；"),
      })), { testid: "import-rows" }),
  );
}
