/**
 * The frame every chart builder puts its traces in (not part of the public API): the themed axis,
 * the shared plotly config and the final sanitised figure.
 */
import { asChart } from "../render/display";
import { CHART_THEME, sanitizeJson, type JsonObject, type PlotlyFigure } from "./theme";

/** An axis in the theme's style. */
export function axis(extra: JsonObject = {}): JsonObject {
  return {
    showgrid: true,
    ...(extra.showgrid === false ? {} : { gridcolor: CHART_THEME.grid }),
    zeroline: false,
    showline: true,
    linecolor: CHART_THEME.axisLine,
    ticks: "outside",
    tickcolor: CHART_THEME.axisLine,
    automargin: true,
    ...extra,
  };
}

/** The plotly config every figure shares: fixed size, no logo, PNG export named by id. */
function baseConfig(layout: JsonObject): JsonObject {
  const chart = (layout.meta as JsonObject).chart as JsonObject;
  return {
    responsive: false,
    displaylogo: false,
    modeBarButtonsToRemove: ["lasso2d", "select2d"],
    toImageButtonOptions: { format: "png", filename: chart.id!, width: layout.width!, height: layout.height!, scale: 2 },
  };
}

/** Assembles and sanitises a figure, which shows itself as a chart when it is a cell's last value. */
export function figure(data: unknown[], layout: JsonObject): PlotlyFigure {
  return asChart(sanitizeJson({ data, layout, config: baseConfig(layout) }) as unknown as PlotlyFigure);
}
