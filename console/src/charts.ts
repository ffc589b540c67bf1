// Apache ECharts, loaded after the figures are on screen (its code is most of the bundle, and the
// first screen must not wait for it). Only the pieces the dashboard draws are bundled.

import { isZh } from "./i18n";

async function echarts() {
  return import("./echarts-setup");
}

export function lineChart(
  el: HTMLElement,
  months: string[],
  values: number[],
  floor: number,
  warning: number,
  href: string,
): void {
  void echarts().then((core) => {
    if (!el.isConnected) return;
    const chart = core.init(el, undefined, { locale: isZh() ? "ZH" : "EN", renderer: "canvas" });
    chart.setOption({
      aria: { enabled: true },
      grid: { left: 48, right: 48, top: 16, bottom: 32 },
      tooltip: { trigger: "axis" },
      xAxis: { type: "category", data: months },
      // The floor and warning lines stay in view, however far below them the count is.
      yAxis: { type: "value", min: 0, max: (v: { max: number }) => Math.ceil(Math.max(v.max, warning) * 1.05) },
      series: [
        {
          type: "line",
          name: isZh() ? "务工就业人数" : "employed",
          data: values,
          markLine: {
            symbol: "none",
            data: [
              { yAxis: floor, name: isZh() ? "底线" : "floor" },
              { yAxis: warning, name: isZh() ? "预警线" : "warning" },
            ],
          },
        },
      ],
    });
    chart.on("click", () => {
      location.hash = href;
    });
    new ResizeObserver(() => chart.resize()).observe(el);
    el.setAttribute("data-chart", "ready");
  });
}
