// 衔接工作台 — entry point: sign-in, navigation, and a hash router (the gateway serves one page).

import "./style.css";
import { ApiError, session, signIn, signOut, signedIn, whenSignedOut } from "./api";
import { clear, h } from "./dom";
import { t, toggleLang } from "./i18n";
import { renderDashboard } from "./dashboard";
import { renderWorkbench } from "./workbench";
import { renderHousehold } from "./household";
import { renderImport } from "./importer";
import { renderList, renderReport, renderReports } from "./lists";

const top = document.getElementById("top")!;
const main = document.getElementById("main")!;

/** Navigate; the hashchange listener routes, unless the hash is already there. */
function go(hash: string): void {
  if (location.hash === hash || (hash === "" && location.hash === "")) void route();
  else location.hash = hash;
}

function isDistrictWide(): boolean {
  const role = session.me?.role;
  return role === "district_admin" || role === "auditor" || role === "department_officer";
}

function nav(): void {
  if (!signedIn()) {
    clear(top, h("div", { class: "bar" }, h("span", { class: "brand" }, t("app")), langButton()));
    return;
  }
  const links: [string, string][] = [
    ["#/dashboard", t("dashboard")],
    ["#/workbench", t("workbench")],
    ["#/import", t("importLedger")],
    ["#/reports", t("reports")],
  ];
  const out = h("button", { type: "button", class: "link", "data-testid": "sign-out" }, t("signOut"));
  out.addEventListener("click", async () => {
    await signOut();
    go("");
  });
  clear(top, h("div", { class: "bar" },
    h("span", { class: "brand" }, t("app")),
    h("nav", { "aria-label": "主导航" }, h("ul", {}, links.map(([href, label]) =>
      h("li", {}, h("a", { href, "aria-current": location.hash.startsWith(href) ? "page" : undefined }, label))))),
    h("span", { class: "who", "data-testid": "who" }, `${session.me?.display_name ?? ""}${session.me?.division_name ? ` · ${session.me.division_name}` : ""}`),
    langButton(), out));
}

function langButton(): HTMLElement {
  const b = h("button", { type: "button", class: "link", lang: "en" }, t("language"));
  b.addEventListener("click", () => {
    toggleLang();
    route();
  });
  return b;
}

function signInForm(): void {
  const problem = h("div", { role: "alert", "aria-live": "assertive" });
  const form = h("form", { class: "card signin", "aria-labelledby": "signin-h" },
    h("h1", { id: "signin-h" }, t("signInTitle")),
    h("div", { class: "field" }, h("label", { for: "username" }, t("username")),
      h("input", { id: "username", name: "username", autocomplete: "username", required: true, autocapitalize: "none" })),
    h("div", { class: "field" }, h("label", { for: "password" }, t("password")),
      h("input", { id: "password", name: "password", type: "password", autocomplete: "current-password", required: true })),
    problem,
    h("button", { type: "submit" }, t("signIn")),
  ) as HTMLFormElement;
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const data = new FormData(form);
    try {
      await signIn(String(data.get("username")).trim(), String(data.get("password")));
      // From here on the time is ours (the password check is the gateway's): the browser test
      // measures signed-in → first screen painted.
      main.setAttribute("data-signed-in", String(Math.round(performance.now())));
      go(isDistrictWide() ? "#/dashboard" : "#/workbench");
    } catch (err) {
      clear(problem, h("p", { class: "error" }, err instanceof ApiError ? err.message : String(err)));
    }
  });
  clear(main, form);
  (form.querySelector("#username") as HTMLInputElement).focus();
  main.setAttribute("data-first-screen", String(Math.round(performance.now())));
}

async function route(): Promise<void> {
  nav();
  if (!signedIn()) {
    signInForm();
    return;
  }
  const [path, query = ""] = location.hash.replace(/^#/, "").split("?");
  const params = new URLSearchParams(query);
  const parts = path.split("/").filter(Boolean);
  main.removeAttribute("data-painted");
  main.setAttribute("data-route-start", String(Math.round(performance.now())));
  try {
    if (parts[0] === "dashboard") await renderDashboard(main);
    else if (parts[0] === "household" && parts[1]) await renderHousehold(main, parts[1]);
    else if (parts[0] === "list" && parts[1]) await renderList(main, parts[1], params);
    else if (parts[0] === "report") await renderReport(main, params.get("path") ?? "");
    else if (parts[0] === "reports") renderReports(main);
    else if (parts[0] === "import") renderImport(main);
    else if (parts[0] === "workbench") await renderWorkbench(main);
    else {
      location.replace(isDistrictWide() ? "#/dashboard" : "#/workbench");
      return;
    }
    main.setAttribute("data-view", parts[0]);
  } catch (err) {
    clear(main, h("p", { class: "error", role: "alert" }, err instanceof ApiError ? err.message : String(err)));
  }
}

whenSignedOut(() => go(""));
window.addEventListener("hashchange", () => {
  // In-page anchors (#pending) only scroll; routes start with "#/".
  if (location.hash.startsWith("#/") || location.hash === "") void route();
});
void route();
