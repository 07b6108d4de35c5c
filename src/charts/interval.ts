/** The interval chart (a forest plot): one row per figure, its interval as a horizontal range. */
import { escapeHtml } from "../render/html";
import { formatAmount } from "../render/figures";
import { forestTraces, rowLabel, valueExtent } from "./forest";
import { unique } from "./parts";
import { toClaims, unitTitle, type ClaimInput } from "./rows";
import { columnScale, defaultColorColumn, ratingScale, verdictScale } from "./scales";
import { axis, figure } from "./frame";
import { CHART_THEME, baseLayout, type ChartOptions, type JsonObject, type PlotlyFigure } from "./theme";

/** A consensus (or reference) value drawn across an interval chart. */
export interface Consensus {
  value: number;
  /** Label above the line; default "consensus". */
  label?: string;
  /** An optional band around it (e.g. the consensus range). */
  low?: number;
  high?: number;
}

/** Options of intervalChart. */
export interface IntervalOptions extends ChartOptions {
  /** A vertical consensus line (and band). */
  consensus?: Consensus;
  /**
   * Colour rows by a column (default "source" when the rows carry it, else "article"; e.g.
   * "origin", "tier", "window" of the figures table), by "rating" (the reader's scale, fixed colours) or by "verdict" (then `verdicts` gives
   * each claim's). Outside figures without a value are "outside sources".
   */
  colorBy?: "article" | "rating" | "verdict" | (string & {});
  /** Verdict per claim id (any spelling normalizeVerdict accepts); needed for colorBy "verdict". */
  verdicts?: Readonly<Record<string, string>>;
  /** Row label per claim id; default "<printed figure> — <source>" (the article when there is no source column). */
  labels?: Readonly<Record<string, string>>;
  /** Title of the value axis; default the claims' unit in words (unitTitle). */
  xTitle?: string;
}

/**
 * A forest plot: one row per claim (source), its interval as a horizontal range with tick ends;
 * an open end runs to the axis edge and ends in an arrow (▶ for "over", ◀ for "under"); a point
 * figure is a diamond; an optional dashed consensus line (and grey band). Rows keep input order,
 * top to bottom; colour by article (or another column), rating or verdict. Takes records or a
 * DataFrame (the figures table, or any frame with its columns).
 * @throws Error for a claim with no bounds, colorBy "verdict" without a verdict, "rating" without a rating, an invalid id.
 * @example intervalChart([{ id: "a-1", article: "a", quote: "q", subject: "BTC", metric: "low", low: 60000, high: 61000, unit: "USD", raw: "$60–61K", as_of: "2026-02-05" }], { id: "btc-low", title: "Low" }).data[0].x // => [60000, 61000, null]
 */
export function intervalChart(claims: ClaimInput, options: IntervalOptions): PlotlyFigure {
  const rows = toClaims(claims);
  const c0 = options.consensus;
  if (c0 && !Number.isFinite(c0.value)) throw new Error(`intervalChart: consensus value ${c0.value} is not a finite number`);
  const extra = c0 ? [c0.value, c0.low, c0.high].filter((v): v is number => v !== undefined) : [];
  const extent = valueExtent(rows, extra);
  const height = options.height ?? Math.max(320, CHART_THEME.margin.t + CHART_THEME.margin.b + 30 * rows.length + 20);
  const layout = baseLayout(options, { height });
  const scale = options.colorBy === "verdict" ? verdictScale(options.verdicts, "intervalChart") : options.colorBy === "rating" ? ratingScale() : columnScale(rows, options.colorBy ?? defaultColorColumn(rows));
  const keys = scale.keys(rows); // names the first row without a verdict or rating, in input order
  const sorted = [...rows].sort((a, b) => keys.indexOf(scale.key(a)) - keys.indexOf(scale.key(b)));
  // Traces are grouped by colour, but the rows keep input order through the category array.
  const data = forestTraces(sorted, scale.key, scale.name, scale.color, extent, { x: "x", y: "y", legend: () => true }, "intervalChart");
  const shapes: JsonObject[] = [];
  const annotations = layout.annotations as JsonObject[];
  const units = unique(rows.map((c) => c.unit));
  if (c0) {
    if (c0.low !== undefined && c0.high !== undefined) {
      shapes.push({ type: "rect", xref: "x", yref: "paper", x0: c0.low, x1: c0.high, y0: 0, y1: 1, fillcolor: "rgba(0,0,0,0.07)", line: { width: 0 }, layer: "below" });
    }
    shapes.push({ type: "line", xref: "x", yref: "paper", x0: c0.value, x1: c0.value, y0: 0, y1: 1, line: { color: CHART_THEME.axisLine, width: 1.5, dash: "dash" } });
    annotations.push({
      x: c0.value,
      xref: "x",
      y: 1,
      yref: "paper",
      yanchor: "bottom",
      text: `${escapeHtml(c0.label ?? "consensus")}: ${escapeHtml(formatAmount(c0.value, units.length === 1 ? units[0]! : "", "computed"))}`,
      showarrow: false,
      font: { size: 11, color: CHART_THEME.axisLine },
      bgcolor: "rgba(255,255,255,0.85)",
    });
  }
  layout.shapes = shapes;
  layout.xaxis = axis({ range: extent, title: { text: escapeHtml(options.xTitle ?? unitTitle(rows)) }, separatethousands: true });
  layout.yaxis = axis({
    type: "category",
    categoryorder: "array",
    categoryarray: rows.map((c) => c.id),
    tickvals: rows.map((c) => c.id),
    ticktext: rows.map((c) => rowLabel(c, options.labels)),
    autorange: "reversed",
    showgrid: false,
  });
  layout.hovermode = "closest";
  return figure(data, layout);
}
