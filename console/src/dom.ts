// A tiny element builder: text always goes in as text (never HTML), so nothing from the API can
// inject markup.

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | EventListener | undefined | null>;

export function h(tag: string, attrs: Attrs = {}, ...children: (Child | Child[])[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v as EventListener);
    else if (k === "class") el.className = String(v);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

export function clear(el: Element, ...children: (Child | Child[])[]): void {
  el.replaceChildren();
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export function fmtInt(n: number): string {
  return n.toLocaleString("zh-CN");
}

/** Money arrives as a string ("8600.00"); shown in 万元 on the dashboard, never through float sums. */
export function wan(amount: string | null | undefined): string {
  if (amount === null || amount === undefined) return "—";
  const [int, frac = "00"] = amount.split(".");
  const cents = BigInt(int + frac.padEnd(2, "0").slice(0, 2));
  // 万元 with two decimals, rounded half away from zero (display only; the sums stay the API's).
  const half = cents < 0n ? -5000n : 5000n;
  const tenThousandths = Number((cents + half) / 10000n) / 100;
  return tenThousandths.toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export function pct(ratio: string | number | null | undefined): string {
  if (ratio === null || ratio === undefined || ratio === "") return "—";
  const n = typeof ratio === "number" ? ratio : Number(ratio);
  return `${(n * 100).toFixed(1)}%`;
}

export function table(
  columns: { key: string; label: string }[],
  rows: Record<string, unknown>[],
  opts: { caption?: string; link?: (row: Record<string, unknown>) => string | null; testid?: string } = {},
): HTMLElement {
  const head = h("tr", {}, columns.map((c) => h("th", { scope: "col" }, c.label)));
  const body = rows.map((r) =>
    h(
      "tr",
      {},
      columns.map((c, i) => {
        const value = r[c.key];
        const text = value === null || value === undefined ? "" : String(value);
        const href = i === 0 && opts.link ? opts.link(r) : null;
        return h("td", { "data-label": c.label }, href ? h("a", { href }, text || "—") : text);
      }),
    ),
  );
  return h(
    "div",
    { class: "table-wrap", "data-testid": opts.testid },
    h(
      "table",
      {},
      opts.caption ? h("caption", {}, opts.caption) : null,
      h("thead", {}, head),
      h("tbody", {}, body.length ? body : [h("tr", {}, h("td", { colspan: columns.length }, "—"))]),
    ),
  );
}

/** "← 返回" as a button (a javascript: link would be refused by the page's CSP). */
export function backButton(): HTMLElement {
  const b = h("button", { type: "button", class: "link back" }, "← ", document.documentElement.lang === "en" ? "Back" : "返回");
  b.addEventListener("click", () => history.back());
  return b;
}
