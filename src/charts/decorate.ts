/**
 * Decorations on a finished figure: a shaded reference band, and room for a legend that wraps.
 * Each returns a copy; the figure passed in is not changed.
 */
import { asChart } from "../render/display";
import { escapeHtml } from "../render/html";
import type { Json, JsonObject, PlotlyFigure } from "./theme";

/** A shaded band across a chart: where a claimed range lies. */
export interface Band {
  low: number;
  high: number;
  /** Text written at the band (escaped). */
  label: string;
  /** The value axis the band spans: "y" (default, e.g. bar charts) or "x" (interval charts). */
  axis?: "x" | "y";
  /** Fill colour; default a light orange. */
  color?: string;
}

/**
 * A copy of a figure with a shaded band (a rectangle across the whole plot between `low` and
 * `high` on the value axis) and its label, written inside the band at its `high` end (top right
 * on a y band); the figure itself is not changed.
 * @throws RangeError `invalid band: …` unless low ≤ high are finite numbers.
 * @example withBand({ data: [], layout: {}, config: {} }, { low: -5, high: -2, label: "claimed" }).layout.shapes[0].y0 // => -5
 */
export function withBand(fig: PlotlyFigure, band: Band): PlotlyFigure {
  if (!(Number.isFinite(band.low) && Number.isFinite(band.high) && band.low <= band.high)) {
    throw new RangeError(`invalid band: ${band.low} to ${band.high} (expected finite low ≤ high)`);
  }
  const copy = JSON.parse(JSON.stringify(fig)) as PlotlyFigure;
  const onY = (band.axis ?? "y") === "y";
  const fill = band.color ?? "rgba(230,159,0,0.18)";
  const shape: JsonObject = onY
    ? { type: "rect", xref: "paper", yref: "y", x0: 0, x1: 1, y0: band.low, y1: band.high, fillcolor: fill, line: { width: 0 }, layer: "below" }
    : { type: "rect", xref: "x", yref: "paper", x0: band.low, x1: band.high, y0: 0, y1: 1, fillcolor: fill, line: { width: 0 }, layer: "below" };
  const note: JsonObject = onY
    ? { text: escapeHtml(band.label), xref: "paper", yref: "y", x: 1, y: band.high, xanchor: "right", yanchor: "top", showarrow: false, font: { size: 11, color: "#8a5a00" } }
    : { text: escapeHtml(band.label), xref: "x", yref: "paper", x: band.high, y: 1, xanchor: "right", yanchor: "top", showarrow: false, font: { size: 11, color: "#8a5a00" } };
  copy.layout.shapes = [...((copy.layout.shapes as JsonObject[] | undefined) ?? []), shape];
  copy.layout.annotations = [...((copy.layout.annotations as JsonObject[] | undefined) ?? []), note];
  return asChart(copy);
}

/**
 * How many rows a horizontal plotly legend needs for these entry names within `available` pixels
 * (an entry is taken as 40 px of symbol and padding plus 6.5 px per character at the theme's
 * 12 px legend font; a conservative estimate).
 * @example legendRowsFor(["gate-selloff-crushes", "gate-risk-off-cycle"], 600) // => 1
 * @example legendRowsFor(["a".repeat(60), "b".repeat(60)], 500) // => 2
 */
export function legendRowsFor(names: readonly string[], available: number): number {
  let rows = 1;
  let x = 0;
  for (const n of names) {
    const w = 40 + 6.5 * n.length;
    if (x > 0 && x + w > available) {
      rows++;
      x = 0;
    }
    x += w;
  }
  return rows;
}

/** Pixels added above the plot per extra legend row. */
export const LEGEND_ROW_PX = 24;

/**
 * The figure with room for a legend that wraps onto several rows: the top margin and the height
 * grow by LEGEND_ROW_PX per extra row (the plot area, the legend's and the source line's positions
 * stay as they are), so the legend no longer runs into the title. The legend's width is taken as
 * 55% of the figure's (forest plots give the rest to row labels). Unchanged when one row is enough.
 */
export function withLegendRoom(fig: PlotlyFigure, available?: number): PlotlyFigure {
  const layout = fig.layout as Record<string, Json>;
  const width = typeof layout.width === "number" ? layout.width : 760;
  const seen = new Set<string>();
  const names: string[] = [];
  for (const t of fig.data) {
    if (t.showlegend === false || typeof t.name !== "string") continue;
    const key = typeof t.legendgroup === "string" ? t.legendgroup : t.name;
    if (seen.has(key)) continue;
    seen.add(key);
    names.push(t.name.replace(/&[#a-z0-9]+;/gi, "x"));
  }
  const extra = (legendRowsFor(names, available ?? 0.55 * width) - 1) * LEGEND_ROW_PX;
  if (extra <= 0) return fig;
  const margin = layout.margin as Record<string, Json>;
  const height = (layout.height as number) + extra;
  const image = (fig.config.toImageButtonOptions ?? {}) as Record<string, Json>;
  return asChart({
    data: fig.data,
    layout: { ...layout, height, margin: { ...margin, t: (margin.t as number) + extra } },
    config: { ...fig.config, toImageButtonOptions: { ...image, height } },
  });
}
