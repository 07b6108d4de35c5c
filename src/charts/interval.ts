/** The interval chart (a forest plot): one row per figure, its interval as a horizontal range. */
import { VERDICTS, VERDICT_COLORS, VERDICT_LABELS, escapeHtml, formatNumber, normalizeVerdict, type Verdict } from "../render/html";
import { forestTraces, rowLabel, valueExtent } from "./forest";
import { unique } from "./parts";
import { toClaims, type ClaimInput, type ClaimLike } from "./rows";
import { axis, figure } from "./frame";
import { CHART_THEME, baseLayout, colorMap, type ChartOptions, type JsonObject, type PlotlyFigure } from "./theme";

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
  /** Colour rows by article (default) or by verdict (then `verdicts` gives each claim's). */
  colorBy?: "article" | "verdict";
  /** Verdict per claim id (any spelling normalizeVerdict accepts); needed for colorBy "verdict". */
  verdicts?: Readonly<Record<string, string>>;
  /** Row label per claim id; default "<printed figure> — <article>". */
  labels?: Readonly<Record<string, string>>;
  /** Title of the value axis; default the claims' unit. */
  xTitle?: string;
}

/**
 * A forest plot: one row per claim (source), its interval as a horizontal range with tick ends;
 * an open end runs to the axis edge and ends in an arrow (▶ for "over", ◀ for "under"); a point
 * figure is a diamond; an optional dashed consensus line (and grey band). Rows keep input order,
 * top to bottom; colour by article or verdict.
 * @throws Error for a claim with no bounds, colorBy "verdict" without a verdict, an invalid id.
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
  const byVerdict = options.colorBy === "verdict";
  const verdictOf = (c: ClaimLike): Verdict => {
    const v = options.verdicts?.[c.id];
    if (v === undefined) throw new Error(`intervalChart: no verdict for claim ${c.id} (colorBy "verdict")`);
    return normalizeVerdict(v);
  };
  const articleColors = colorMap(rows.map((c) => c.article));
  if (byVerdict) rows.forEach(verdictOf); // name the first claim without a verdict, in input order
  const sorted = byVerdict ? [...rows].sort((a, b) => VERDICTS.indexOf(verdictOf(a)) - VERDICTS.indexOf(verdictOf(b))) : rows;
  // Traces are grouped by colour, but the rows keep input order through the category array.
  const data = forestTraces(
    sorted,
    byVerdict ? verdictOf : (c) => c.article,
    byVerdict ? (k) => VERDICT_LABELS[k as Verdict] : (k) => k,
    byVerdict ? (k) => VERDICT_COLORS[k as Verdict] : (k) => articleColors[k]!,
    extent,
    { x: "x", y: "y", legend: () => true },
    "intervalChart",
  );
  const shapes: JsonObject[] = [];
  const annotations = layout.annotations as JsonObject[];
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
      text: `${escapeHtml(c0.label ?? "consensus")}: ${escapeHtml(formatNumber(c0.value))}`,
      showarrow: false,
      font: { size: 11, color: CHART_THEME.axisLine },
      bgcolor: "rgba(255,255,255,0.85)",
    });
  }
  layout.shapes = shapes;
  layout.xaxis = axis({ range: extent, title: { text: escapeHtml(options.xTitle ?? unique(rows.map((c) => c.unit)).join(", ")) }, separatethousands: true });
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
