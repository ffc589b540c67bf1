// Only the ECharts pieces the dashboard draws (tree-shaken); loaded lazily by charts.ts.
import * as core from "echarts/core";
import { LineChart } from "echarts/charts";
import { AriaComponent, GridComponent, MarkLineComponent, TooltipComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";

core.use([LineChart, GridComponent, TooltipComponent, MarkLineComponent, AriaComponent, CanvasRenderer]);

export const init = core.init;
