/**
 * The charts' shared theme and frame: plotly figures `{ data, layout, config }` as plain JSON (no
 * functions, no NaN, no undefined), fixed size, one theme, deterministic (no clock, no
 * randomness), so that figures can be snapshot-tested and exported as
 * out/charts/<layout.meta.chart.id>.html. One file per chart kind sits beside this one.
 *
 * Text from articles (quotes, printed figures) and every caller-given label is escaped with
 * escapeHtml wherever plotly renders it as pseudo-HTML: titles, hover text, annotations, legend
 * names and tick labels. `layout.meta.chart` keeps the caller's id/title/article unescaped (it is
 * metadata, never rendered by plotly): escape it when placing it into a page.
 */
import { FONT_STACK, SERIES_COLORS, VERDICT_COLORS, escapeHtml } from "../render/html";
import { round } from "./parts";

/** A JSON value: what a figure may contain. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
/** A JSON object. */
export type JsonObject = { [key: string]: Json };

/** A plotly figure as JupyterLab's plotly renderer and Plotly.newPlot take it. */
export interface PlotlyFigure {
  data: JsonObject[];
  layout: JsonObject;
  config: JsonObject;
}

/** What every figure carries in `layout.meta.chart`; the export pipeline names files by `id`. */
export interface ChartMeta {
  /** Stable kebab-case id, e.g. "btc-path-gate-selloff-crushes" (→ out/charts/<id>.html). */
  id: string;
  /** The chart's title (escaped where drawn). */
  title: string;
  /** The article the chart belongs to, if one. */
  article?: string;
}

/** Options common to every chart. */
export interface ChartOptions extends ChartMeta {
  /** A second, smaller title line. */
  subtitle?: string;
  /** What the source line names before "; selloff-lab"; default "claims ledger". */
  source?: string;
  /** Figure width in px (fixed, not responsive). */
  width?: number;
  /** Figure height in px (fixed, not responsive). */
  height?: number;
}


/** The shared theme: font, colours, background, size and margins. */
export const CHART_THEME = {
  font: { family: FONT_STACK, size: 13, color: "#222222" },
  titleSize: 17,
  background: "#FFFFFF",
  grid: "#E5E5E5",
  axisLine: "#444444",
  muted: "#666666",
  pathColor: "#444444",
  colors: SERIES_COLORS,
  verdictColors: VERDICT_COLORS,
  width: 760,
  height: 440,
  margin: { l: 80, r: 30, t: 110, b: 80 },
} as const;

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Checks a chart's id (kebab-case: lowercase letters and digits in dash-separated words) and
 * title (non-empty), returning the id.
 * @throws Error `invalid chart id: "…"` otherwise.
 * @example validateChartId("btc-path-gate-selloff-crushes") // => "btc-path-gate-selloff-crushes"
 */
export function validateChartId(id: string): string {
  if (typeof id !== "string" || !KEBAB.test(id)) {
    throw new Error(`invalid chart id: ${JSON.stringify(id)} (expected kebab-case, e.g. "btc-path-gate-selloff-crushes")`);
  }
  return id;
}

/**
 * A deep copy of a value as plain JSON: object keys holding undefined are dropped, NaN and
 * ±Infinity become null (a gap for plotly), Dates become ISO strings.
 * @throws TypeError for functions, symbols and bigints (named by path).
 * @example sanitizeJson({ a: [1, NaN, undefined], b: undefined, c: Infinity }) // => { a: [1, null, null], c: null }
 */
export function sanitizeJson(value: unknown, path = "figure"): Json {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Array.isArray(value)) return value.map((v, i) => sanitizeJson(v, `${path}[${i}]`));
  if (typeof value === "object") {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = sanitizeJson(v, `${path}.${k}`);
    return out;
  }
  throw new TypeError(`invalid chart JSON at ${path}: a ${typeof value} is not JSON`);
}

/**
 * Splits text into lines of at most `width` characters at spaces (a longer word keeps its own
 * line), escapes each line and joins them with plotly's `<br>`.
 * @example wrapHtml("Bitcoin <crashed> to lows", 12) // => "Bitcoin<br>&lt;crashed&gt; to<br>lows"
 */
export function wrapHtml(text: string, width = 60): string {
  const lines: string[] = [];
  let line = "";
  for (const word of String(text).split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map(escapeHtml).join("<br>");
}
/**
 * A colour per key (articles, groups) from the Okabe–Ito series colours, in order of first
 * appearance; wraps around after eight.
 * @example colorMap(["b", "a", "b"]) // => { b: "#0072B2", a: "#E69F00" }
 */
export function colorMap(keys: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  let n = 0;
  for (const k of keys) if (!(k in out)) out[k] = SERIES_COLORS[n++ % SERIES_COLORS.length]!;
  return out;
}

/**
 * The layout every chart starts from: fixed size, theme, escaped title and subtitle, the source
 * line under the chart, and `meta.chart = { id, title, article? }`.
 * @throws Error for an invalid id (validateChartId) or an empty title.
 * @example baseLayout({ id: "x", title: "T" }).meta // => { chart: { id: "x", title: "T" } }
 */
export function baseLayout(options: ChartOptions, size: { width?: number; height?: number } = {}): JsonObject {
  validateChartId(options.id);
  if (typeof options.title !== "string" || options.title.trim() === "") {
    throw new Error(`invalid chart title for ${options.id}: ${JSON.stringify(options.title)}`);
  }
  const width = options.width ?? size.width ?? CHART_THEME.width;
  const height = options.height ?? size.height ?? CHART_THEME.height;
  const m = CHART_THEME.margin;
  const plotHeight = height - m.t - m.b;
  const title =
    `<b>${escapeHtml(options.title)}</b>` +
    (options.subtitle ? `<br><span style="font-size:12px;color:${CHART_THEME.muted}">${escapeHtml(options.subtitle)}</span>` : "");
  const meta: JsonObject = { id: options.id, title: options.title };
  if (options.article !== undefined) meta.article = options.article;
  return {
    meta: { chart: meta },
    width,
    height,
    autosize: false,
    font: { ...CHART_THEME.font },
    paper_bgcolor: CHART_THEME.background,
    plot_bgcolor: CHART_THEME.background,
    margin: { ...m, pad: 0 },
    title: {
      text: title,
      x: 0,
      xref: "paper",
      xanchor: "left",
      y: 1,
      yref: "container",
      yanchor: "top",
      pad: { t: 14 },
      font: { size: CHART_THEME.titleSize, color: CHART_THEME.font.color, family: CHART_THEME.font.family },
    },
    legend: { orientation: "h", x: 0, xanchor: "left", y: round(1 + 30 / plotHeight), yanchor: "bottom", yref: "paper", font: { size: 12 }, bgcolor: "rgba(255,255,255,0)" },
    hoverlabel: {
      bgcolor: "#FFFFFF",
      bordercolor: CHART_THEME.axisLine,
      align: "left",
      font: { family: CHART_THEME.font.family, size: 12, color: CHART_THEME.font.color },
    },
    annotations: [
      {
        text: `Source: ${escapeHtml(options.source ?? "claims ledger")}; selloff-lab`,
        xref: "paper",
        yref: "paper",
        x: 0,
        xanchor: "left",
        y: round(-(m.b - 6) / plotHeight),
        yanchor: "bottom",
        showarrow: false,
        align: "left",
        font: { size: 11, color: CHART_THEME.muted },
      },
    ],
  };
}


/**
 * A kebab-case chart id from a prefix and any id ("BTC.low.intraday", "family.liquidations").
 * @example chartIdFor("nb06", "BTC.low.intraday") // => "nb06-btc-low-intraday"
 * @example chartIdFor("nb06", "spot_btc_etfs.etf_net_outflow.jan_2026") // => "nb06-spot-btc-etfs-etf-net-outflow-jan-2026"
 */
export function chartIdFor(prefix: string, id: string): string {
  return `${prefix}-${id}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
