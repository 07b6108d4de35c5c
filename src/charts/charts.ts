/**
 * Chart builders: pure functions from ledger rows (Claim[]) or danfojs DataFrames to plotly
 * figures `{ data, layout, config }` — plain JSON (no functions, no NaN, no undefined), fixed
 * size, one shared theme, deterministic (no clock, no randomness), so that figures can be
 * snapshot-tested and exported as out/charts/<layout.meta.chart.id>.html.
 *
 * Text from articles (quotes, printed figures) and every caller-given label is escaped with
 * escapeHtml wherever plotly renders it as pseudo-HTML: titles, hover text, annotations, legend
 * names and tick labels. `layout.meta.chart` keeps the caller's id/title/article unescaped (it is
 * metadata, never rendered by plotly): escape it when placing it into a page.
 */
import type { Claim } from "../data/types";
import {
  FONT_STACK,
  SERIES_COLORS,
  VERDICTS,
  VERDICT_COLORS,
  VERDICT_LABELS,
  escapeHtml,
  formatNumber,
  normalizeVerdict,
  textColorOn,
  toRecords,
  type FrameLike,
  type Row,
  type RowsInput,
  type Verdict,
} from "../render/html";

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

/** The fields of a ledger row that charts read (a Claim, or a DataFrame row of data/claims.csv). */
export type ClaimLike = Pick<Claim, "id" | "article" | "quote" | "subject" | "metric" | "low" | "high" | "unit" | "raw" | "as_of"> &
  Partial<Pick<Claim, "window" | "qualifier" | "section" | "hedge" | "note">>;

/** Ledger rows, or a danfojs DataFrame with the ledger's columns. */
export type ClaimInput = readonly ClaimLike[] | FrameLike;

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
 * Ledger rows from Claims or a DataFrame of data/claims.csv: low/high become numbers or null
 * ("" and NaN are null), other fields strings.
 * @example toClaims({ columns: ["id", "low", "high"], values: [["x-001", 1, NaN]] })[0].high // => null
 */
export function toClaims(input: ClaimInput): ClaimLike[] {
  const bound = (v: unknown): number | null => {
    if (v === null || v === undefined || v === "") return null;
    const n = typeof v === "number" ? v : Number(v);
    return Number.isFinite(n) ? n : null;
  };
  const text = (v: unknown): string => (v === null || v === undefined ? "" : String(v));
  return toRecords(input as RowsInput).map((r) => ({
    ...(r as object),
    id: text(r.id),
    article: text(r.article),
    quote: text(r.quote),
    subject: text(r.subject),
    metric: text(r.metric),
    unit: text(r.unit),
    raw: text(r.raw),
    as_of: text(r.as_of),
    low: bound(r.low),
    high: bound(r.high),
  })) as ClaimLike[];
}

/**
 * The first and last day an `as_of` covers: a day `2026-02-05`, a span `2026-02-02/2026-02-06`,
 * a month `2026-01` or a year `2026` (CONTRACT.md).
 * @throws RangeError `invalid as_of: "…"` for anything else.
 * @example asOfSpan("2025-10") // => { start: "2025-10-01", end: "2025-10-31" }
 */
export function asOfSpan(asOf: string): { start: string; end: string } {
  const parts = String(asOf).split("/");
  const first = dayRange(parts[0]!, asOf);
  const last = parts.length === 2 ? dayRange(parts[1]!, asOf) : parts.length === 1 ? first : undefined;
  if (!last || last.end < first.start) throw new RangeError(`invalid as_of: ${JSON.stringify(asOf)}`);
  return { start: first.start, end: last.end };
}

/** First and last day of `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
function dayRange(part: string, asOf: string): { start: string; end: string } {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(part);
  if (!m) throw new RangeError(`invalid as_of: ${JSON.stringify(asOf)}`);
  const y = Number(m[1]);
  if (m[3] !== undefined) {
    const d = new Date(Date.UTC(y, Number(m[2]) - 1, Number(m[3])));
    if (d.getUTCMonth() !== Number(m[2]) - 1) throw new RangeError(`invalid as_of: ${JSON.stringify(asOf)}`);
    return { start: part, end: part };
  }
  if (m[2] !== undefined) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) throw new RangeError(`invalid as_of: ${JSON.stringify(asOf)}`);
    return { start: isoDay(Date.UTC(y, month - 1, 1)), end: isoDay(Date.UTC(y, month, 0)) };
  }
  return { start: `${m[1]}-01-01`, end: `${m[1]}-12-31` };
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Where on a date axis a claim's `as_of` sits: the day itself, or the midpoint of a span
 * (between the first and the last day, both at midnight), as plotly's `YYYY-MM-DD[ HH:MM]`.
 * @example asOfMidpoint("2026-02-05/2026-02-06") // => "2026-02-05 12:00"
 */
export function asOfMidpoint(asOf: string): string {
  const { start, end } = asOfSpan(asOf);
  const mid = new Date((Date.parse(`${start}T00:00:00Z`) + Date.parse(`${end}T00:00:00Z`)) / 2).toISOString();
  const time = mid.slice(11, 16);
  return time === "00:00" ? mid.slice(0, 10) : `${mid.slice(0, 10)} ${time}`;
}

/**
 * A claim's interval in words, in its unit: a point, a range, or an open bound
 * (low empty: "at most"; high empty: "at least").
 * @example intervalText({ low: null, high: 60000, unit: "USD" }) // => "≤ 60,000 USD"
 */
export function intervalText(c: Pick<ClaimLike, "low" | "high" | "unit">): string {
  const unit = c.unit ? ` ${c.unit}` : "";
  if (c.low !== null && c.high !== null) {
    return c.low === c.high ? `${formatNumber(c.low)}${unit}` : `${formatNumber(c.low)} to ${formatNumber(c.high)}${unit}`;
  }
  if (c.high !== null) return `≤ ${formatNumber(c.high)}${unit}`;
  if (c.low !== null) return `≥ ${formatNumber(c.low)}${unit}`;
  return "no figure";
}

/**
 * The hover text of a claim (plotly pseudo-HTML, every piece escaped): the printed figure, the
 * article id and claim id, the wrapped quote, the interval and the date it refers to.
 * @example claimHover({ id: "a-001", article: "a", quote: "fell <5%", raw: "5%", low: -5, high: -5, unit: "pct", as_of: "2026" }) // => "<b>5%</b> · a (a-001)<br>“fell &lt;5%”<br>-5 pct · as of 2026"
 */
export function claimHover(c: Pick<ClaimLike, "id" | "article" | "quote" | "raw" | "low" | "high" | "unit" | "as_of">): string {
  return (
    `<b>${escapeHtml(c.raw)}</b> · ${escapeHtml(c.article)} (${escapeHtml(c.id)})` +
    `<br>“${wrapHtml(c.quote)}”` +
    `<br>${escapeHtml(intervalText(c))} · as of ${escapeHtml(c.as_of)}`
  );
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

/** Unique values in order of first appearance. */
function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** Keys in the given order first, then any others in order of first appearance. */
function ordered(values: readonly string[], order?: readonly string[]): string[] {
  const present = unique(values);
  const head = (order ?? []).filter((k) => present.includes(k));
  return [...head, ...present.filter((k) => !head.includes(k))];
}

/** Rounds to 6 significant decimals so that geometry is stable across platforms. */
function round(n: number): number {
  return Number(n.toFixed(6));
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

/** An axis in the theme's style. */
function axis(extra: JsonObject = {}): JsonObject {
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

/** Assembles and sanitises a figure. */
function figure(data: unknown[], layout: JsonObject): PlotlyFigure {
  return sanitizeJson({ data, layout, config: baseConfig(layout) }) as unknown as PlotlyFigure;
}

/** A claim's bounds, throwing when it has none. */
function bounds(c: ClaimLike, fn: string): { low: number | null; high: number | null } {
  if (c.low === null && c.high === null) throw new Error(`${fn}: claim ${c.id} has neither low nor high`);
  return { low: c.low, high: c.high };
}

/** Options of pricePathChart. */
export interface PricePathOptions extends ChartOptions {
  /** Column of the path's dates (ISO `YYYY-MM-DD`); default "date". */
  x?: string;
  /** Column of the path's values; default "close". */
  y?: string;
  /** Legend name of the path, e.g. "BTC daily close (CoinGecko)"; default "price". */
  pathName?: string;
  /** Unit every claim must have (claims in another unit are a caller error); default the path's: "USD". */
  unit?: string;
  /** Title of the value axis; default the unit. */
  yTitle?: string;
  /** Claim ids to label on the chart with their printed figure (the rest show it on hover). */
  annotate?: readonly string[];
  /** Log scale for the value axis. */
  logY?: boolean;
}

/**
 * A price path (a line) with the articles' claims about it: one marker per claim at its `as_of`
 * (midpoint of a span), coloured by article, its interval as an error bar; an open interval is a
 * triangle at its finite bound pointing the open way ("sub-$60K": ▼ at 60,000). Hover shows the
 * quote and article. E.g. Bitcoin from the October 2025 peak through the February 2026 low to
 * the rebound, with each article's peak, low and rebound figures.
 * @throws Error for a claim in another unit or with no bounds, and for an invalid id.
 * @example pricePathChart([{ date: "2026-02-05", close: 62000 }], [], { id: "btc-path", title: "BTC" }).data[0].y // => [62000]
 */
export function pricePathChart(path: RowsInput, claims: ClaimInput, options: PricePathOptions): PlotlyFigure {
  const layout = baseLayout(options);
  const xKey = options.x ?? "date";
  const yKey = options.y ?? "close";
  const unit = options.unit ?? "USD";
  const points = toRecords(path);
  const rows = toClaims(claims);
  for (const c of rows) {
    if (c.unit !== unit) throw new Error(`pricePathChart: claim ${c.id} has unit ${JSON.stringify(c.unit)}, expected ${JSON.stringify(unit)}`);
    bounds(c, "pricePathChart");
  }
  const data: unknown[] = [
    {
      type: "scatter",
      mode: "lines",
      name: escapeHtml(options.pathName ?? "price"),
      x: points.map((p) => p[xKey] as Json),
      y: points.map((p) => (typeof p[yKey] === "number" ? (p[yKey] as number) : null)),
      line: { color: CHART_THEME.pathColor, width: 2 },
      hovertemplate: "%{x|%Y-%m-%d}: %{y:,}<extra></extra>",
    },
  ];
  const colors = colorMap(rows.map((c) => c.article));
  const annotations = layout.annotations as JsonObject[];
  for (const article of unique(rows.map((c) => c.article))) {
    const mine = rows.filter((c) => c.article === article);
    const ys = mine.map((c) => (c.low !== null && c.high !== null ? round((c.low + c.high) / 2) : (c.low ?? c.high)!));
    data.push({
      type: "scatter",
      mode: "markers",
      name: escapeHtml(article),
      legendgroup: escapeHtml(article),
      x: mine.map((c) => asOfMidpoint(c.as_of)),
      y: ys,
      marker: {
        color: colors[article]!,
        size: 9,
        symbol: mine.map((c) => (c.low === null ? "triangle-down" : c.high === null ? "triangle-up" : "circle")),
        line: { color: "#FFFFFF", width: 1 },
      },
      error_y: {
        type: "data",
        symmetric: false,
        array: mine.map((c, i) => (c.high !== null && c.low !== null ? round(c.high - ys[i]!) : 0)),
        arrayminus: mine.map((c, i) => (c.high !== null && c.low !== null ? round(ys[i]! - c.low) : 0)),
        color: colors[article]!,
        thickness: 1.5,
        width: 5,
      },
      hovertext: mine.map(claimHover),
      hoverinfo: "text",
    });
    mine.forEach((c, i) => {
      if (!(options.annotate ?? []).includes(c.id)) return;
      annotations.push({
        x: asOfMidpoint(c.as_of),
        y: ys[i]!,
        text: escapeHtml(c.raw),
        showarrow: true,
        arrowhead: 0,
        arrowcolor: colors[article]!,
        ax: 0,
        ay: -28,
        bgcolor: "rgba(255,255,255,0.85)",
        font: { size: 11, color: colors[article]! },
      });
    });
  }
  layout.xaxis = axis({ type: "date" });
  layout.yaxis = axis({ title: { text: escapeHtml(options.yTitle ?? unit) }, separatethousands: true, ...(options.logY ? { type: "log" } : {}) });
  layout.hovermode = "closest";
  return figure(data, layout);
}

/** Options of groupedBarChart. */
export interface GroupedBarOptions extends ChartOptions {
  /** Category column (one cluster of bars each); default "category". */
  x?: string;
  /** Group column (one bar colour each, e.g. "claimed"/"recomputed" or "2025"/"2026"); default "series". */
  group?: string;
  /** Value column; default "value". */
  y?: string;
  /** Optional columns with the value's interval, drawn as error bars. */
  low?: string;
  high?: string;
  /** Optional quote and article columns shown on hover; default "quote" and "article" when present. */
  quote?: string;
  article?: string;
  /** Order of categories and groups (others follow in order of appearance). */
  categoryOrder?: readonly string[];
  groupOrder?: readonly string[];
  /** Fixed colours per group; default Okabe–Ito in group order. */
  groupColors?: Readonly<Record<string, string>>;
  /** Display labels per category (tick text); default the category. */
  categoryLabels?: Readonly<Record<string, string>>;
  /** Axis titles. */
  xTitle?: string;
  yTitle?: string;
  /** Fixed decimals of the value labels and hover; default shortest. */
  decimals?: number;
}

/**
 * Clustered bars: per category, one bar per group, e.g. claimed vs recomputed figures, or 2025 vs
 * 2026 capex per company. Long-format rows (records or a DataFrame), one per (category, group);
 * value labels on the bars; optional error bars from low/high columns; hover shows the quote and
 * article when the rows carry them.
 * @throws Error for two rows with the same category and group, and for an invalid id.
 * @example groupedBarChart([{ category: "amazon", series: "2025", value: 131 }], { id: "capex", title: "Capex" }).data[0].y // => [131]
 */
export function groupedBarChart(rows: RowsInput, options: GroupedBarOptions): PlotlyFigure {
  const layout = baseLayout(options);
  const k = { x: options.x ?? "category", g: options.group ?? "series", y: options.y ?? "value" };
  const records = toRecords(rows);
  const quoteKey = options.quote ?? "quote";
  const articleKey = options.article ?? "article";
  const cats = ordered(records.map((r) => String(r[k.x] ?? "")), options.categoryOrder);
  const groups = ordered(records.map((r) => String(r[k.g] ?? "")), options.groupOrder);
  const auto = colorMap(groups);
  const cell = new Map<string, Row>();
  for (const r of records) {
    const key = JSON.stringify([String(r[k.x] ?? ""), String(r[k.g] ?? "")]);
    if (cell.has(key)) throw new Error(`groupedBarChart: two rows for category ${JSON.stringify(r[k.x])} and group ${JSON.stringify(r[k.g])}`);
    cell.set(key, r);
  }
  const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
  const ticks = cats.map((c) => escapeHtml(options.categoryLabels?.[c] ?? c));
  const data = groups.map((g) => {
    const rs = cats.map((c) => cell.get(JSON.stringify([c, g])));
    const ys = rs.map((r) => (r ? num(r[k.y]) : null));
    const trace: JsonObject = {
      type: "bar",
      name: escapeHtml(g),
      x: ticks,
      y: ys,
      marker: { color: options.groupColors?.[g] ?? auto[g]! },
      text: ys.map((v) => formatNumber(v, options.decimals)),
      textposition: "outside",
      cliponaxis: false,
      hovertext: rs.map((r, i) => {
        if (!r) return "";
        const lines = [`<b>${ticks[i]}</b> · ${escapeHtml(g)}: ${escapeHtml(formatNumber(ys[i], options.decimals))}`];
        if (options.low && options.high && (num(r[options.low]) !== null || num(r[options.high]) !== null)) {
          lines.push(`interval ${escapeHtml(intervalText({ low: num(r[options.low]), high: num(r[options.high]), unit: "" }))}`);
        }
        if (typeof r[articleKey] === "string" && r[articleKey]) lines.push(`article ${escapeHtml(r[articleKey] as string)}`);
        if (typeof r[quoteKey] === "string" && r[quoteKey]) lines.push(`“${wrapHtml(r[quoteKey] as string)}”`);
        return lines.join("<br>");
      }),
      hoverinfo: "text",
    };
    if (options.low && options.high) {
      const lo = options.low;
      const hi = options.high;
      trace.error_y = {
        type: "data",
        symmetric: false,
        array: rs.map((r, i) => (r && num(r[hi]) !== null && ys[i] !== null ? round(num(r[hi])! - ys[i]!) : 0)),
        arrayminus: rs.map((r, i) => (r && num(r[lo]) !== null && ys[i] !== null ? round(ys[i]! - num(r[lo])!) : 0)),
        color: CHART_THEME.axisLine,
        thickness: 1.2,
        width: 4,
      };
    }
    return trace;
  });
  layout.barmode = "group";
  layout.bargap = 0.25;
  layout.bargroupgap = 0.05;
  layout.xaxis = axis({ type: "category", showgrid: false, title: { text: escapeHtml(options.xTitle ?? "") } });
  layout.yaxis = axis({ title: { text: escapeHtml(options.yTitle ?? "") }, separatethousands: true, zeroline: true, zerolinecolor: CHART_THEME.axisLine });
  return figure(data, layout);
}

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

/** Geometry of one forest-plot row: the points to draw, with their symbols. */
interface RowGeometry {
  xs: (number | null)[];
  symbols: string[];
}

/** A row's x points: ends as ticks, open ends as arrows at the axis edge, points as diamonds. */
function rowGeometry(c: ClaimLike, min: number, max: number): RowGeometry {
  if (c.low !== null && c.high !== null && c.low === c.high) return { xs: [c.low], symbols: ["diamond"] };
  const lo = c.low ?? min;
  const hi = c.high ?? max;
  return { xs: [lo, hi], symbols: [c.low === null ? "triangle-left" : "line-ns", c.high === null ? "triangle-right" : "line-ns"] };
}

/** The padded [min, max] of every finite bound (and extra values), for a shared value axis. */
function valueExtent(claims: readonly ClaimLike[], extra: readonly number[] = []): [number, number] {
  const vals = [...claims.flatMap((c) => [c.low, c.high]), ...extra].filter((v): v is number => v !== null && Number.isFinite(v));
  if (vals.length === 0) return [-1, 1];
  const lo = Math.min(...vals);
  const hi = Math.max(...vals);
  const anyOpen = claims.some((c) => c.low === null || c.high === null);
  const pad = (hi - lo || Math.abs(hi) || 1) * (anyOpen ? 0.12 : 0.06);
  return [round(lo - pad), round(hi + pad)];
}

/** Forest-plot traces for claims on axes (xa, ya), one trace per colour key. */
function forestTraces(
  claims: readonly ClaimLike[],
  key: (c: ClaimLike) => string,
  name: (k: string) => string,
  color: (k: string) => string,
  extent: [number, number],
  axes: { x: string; y: string; legend: (k: string) => boolean },
  fn: string,
): JsonObject[] {
  return unique(claims.map(key)).map((k) => {
    const xs: (number | null)[] = [];
    const ys: (string | null)[] = [];
    const symbols: string[] = [];
    const hover: string[] = [];
    for (const c of claims.filter((c) => key(c) === k)) {
      bounds(c, fn);
      const g = rowGeometry(c, extent[0], extent[1]);
      const h = claimHover(c);
      g.xs.forEach((x, i) => {
        xs.push(x);
        ys.push(c.id);
        symbols.push(g.symbols[i]!);
        hover.push(h);
      });
      xs.push(null);
      ys.push(null);
      symbols.push("circle");
      hover.push("");
    }
    return {
      type: "scatter",
      mode: "lines+markers",
      name: escapeHtml(name(k)),
      legendgroup: escapeHtml(k),
      showlegend: axes.legend(k),
      xaxis: axes.x,
      yaxis: axes.y,
      x: xs,
      y: ys,
      connectgaps: false,
      cliponaxis: false,
      line: { color: color(k), width: 3 },
      marker: { color: color(k), size: 11, symbol: symbols, line: { color: color(k), width: 2 } },
      hovertext: hover,
      hoverinfo: "text",
    };
  });
}

/** Rows' default label: "<printed figure> — <article>" (escaped). */
function rowLabel(c: ClaimLike, labels?: Readonly<Record<string, string>>): string {
  return escapeHtml(labels?.[c.id] ?? `${c.raw} — ${c.article}`);
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

/** Options of smallMultiplesChart. */
export interface SmallMultiplesOptions extends ChartOptions {
  /** The claim field that makes one panel each; default "subject". */
  facet?: "subject" | "metric" | "article" | "window";
  /** Panel titles per facet value, e.g. { BTC: "Bitcoin" }; default the value. */
  facetLabels?: Readonly<Record<string, string>>;
  /** Panel order (others follow in order of appearance). */
  facetOrder?: readonly string[];
  /** Panels per row; default 3. */
  columns?: number;
  /** Title of the shared value axis (under the bottom row); default the claims' unit. */
  xTitle?: string;
  /** A reference line drawn in every panel (e.g. 0); none by default. */
  reference?: number;
}

/**
 * Small multiples: one panel per asset (facet), all sharing one value axis, each a small forest
 * plot of the claims about that asset (one row per claim, labelled with the printed figure,
 * coloured by article, open ends as arrows). E.g. the size of the week's moves across BTC, ETH,
 * silver, gold, Nasdaq, Kospi and Amazon as each article printed them.
 * @throws Error for a claim with no bounds, columns < 1, an invalid id.
 * @example smallMultiplesChart([{ id: "a-1", article: "a", quote: "q", subject: "silver", metric: "pct_change", low: -20, high: -18, unit: "pct", raw: "18–20%", as_of: "2026-02-05" }], { id: "moves", title: "Moves" }).layout.annotations[1].text // => "<b>silver</b>"
 */
export function smallMultiplesChart(claims: ClaimInput, options: SmallMultiplesOptions): PlotlyFigure {
  const rows = toClaims(claims);
  const facetKey = options.facet ?? "subject";
  const columns = options.columns ?? 3;
  if (!Number.isInteger(columns) || columns < 1) throw new Error(`smallMultiplesChart: invalid columns: ${columns}`);
  const facets = ordered(rows.map((c) => String(c[facetKey] ?? "")), options.facetOrder);
  const gridRows = Math.max(1, Math.ceil(facets.length / columns));
  const maxRows = Math.max(1, ...facets.map((f) => rows.filter((c) => String(c[facetKey] ?? "") === f).length));
  const panelPx = Math.max(90, 24 * maxRows + 30);
  const gapPx = 56;
  const m = CHART_THEME.margin;
  const plotPx = gridRows * panelPx + (gridRows - 1) * gapPx;
  const width = options.width ?? 900;
  const height = options.height ?? m.t + m.b + plotPx;
  const layout = baseLayout(options, { width, height });
  const realPlotPx = height - m.t - m.b;
  const extent = valueExtent(rows, options.reference !== undefined ? [options.reference] : []);
  const colors = colorMap(rows.map((c) => c.article));
  const hGap = 0.12;
  const colWidth = (1 - hGap * (columns - 1)) / columns;
  const seen = new Set<string>();
  const data: JsonObject[] = [];
  const annotations = layout.annotations as JsonObject[];
  const shapes: JsonObject[] = [];
  facets.forEach((f, i) => {
    const n = i + 1;
    const suffix = n === 1 ? "" : String(n);
    const col = i % columns;
    const row = Math.floor(i / columns);
    const x0 = round(col * (colWidth + hGap));
    const x1 = round(x0 + colWidth);
    const top = (row * (panelPx + gapPx) * realPlotPx) / plotPx;
    const y1 = round(1 - top / realPlotPx);
    const y0 = round(1 - (top + (panelPx * realPlotPx) / plotPx) / realPlotPx);
    const mine = rows.filter((c) => String(c[facetKey] ?? "") === f);
    data.push(
      ...forestTraces(mine, (c) => c.article, (k) => k, (k) => colors[k]!, extent, {
        x: `x${suffix}`,
        y: `y${suffix}`,
        legend: (k) => (seen.has(k) ? false : (seen.add(k), true)),
      }, "smallMultiplesChart"),
    );
    layout[`xaxis${suffix}`] = axis({
      domain: [x0, x1],
      anchor: `y${suffix}`,
      range: extent,
      separatethousands: true,
      ...(n === 1 ? {} : { matches: "x" }),
      ...(row === gridRows - 1 || i + columns >= facets.length ? { title: { text: escapeHtml(options.xTitle ?? unique(rows.map((c) => c.unit)).join(", ")), font: { size: 11 } } } : {}),
    });
    layout[`yaxis${suffix}`] = axis({
      domain: [y0, y1],
      anchor: `x${suffix}`,
      type: "category",
      categoryorder: "array",
      categoryarray: mine.map((c) => c.id),
      tickvals: mine.map((c) => c.id),
      ticktext: mine.map((c) => escapeHtml(c.raw)),
      autorange: "reversed",
      showgrid: false,
      tickfont: { size: 11 },
    });
    annotations.push({
      text: `<b>${escapeHtml(options.facetLabels?.[f] ?? f)}</b>`,
      xref: "paper",
      yref: "paper",
      x: x0,
      y: y1,
      xanchor: "left",
      yanchor: "bottom",
      showarrow: false,
      font: { size: 13 },
    });
    if (options.reference !== undefined) {
      shapes.push({ type: "line", xref: `x${suffix}`, yref: `y${suffix} domain`, x0: options.reference, x1: options.reference, y0: 0, y1: 1, line: { color: CHART_THEME.axisLine, width: 1, dash: "dot" } });
    }
  });
  layout.shapes = shapes;
  layout.hovermode = "closest";
  return figure(data, layout);
}

/** Options of verdictBarChart. */
export interface VerdictBarOptions extends ChartOptions {
  /** Column of the bars' categories; default "article" (or e.g. "metric", "kind"). */
  by?: string;
  /** Column of the verdicts; default "verdict". */
  verdict?: string;
  /** Column of pre-counted numbers; default: count rows. */
  count?: string;
  /** Bar order, top to bottom (others follow in order of appearance). */
  categoryOrder?: readonly string[];
  /** Display labels per category; default the category. */
  categoryLabels?: Readonly<Record<string, string>>;
}

/**
 * Horizontal stacked bars: per category (article, claim kind…), how many claims got each
 * verdict, in the fixed verdict colours and order (holds first), counts printed in the segments.
 * @throws RangeError for an unknown verdict; Error for an invalid id.
 * @example verdictBarChart([{ article: "a", verdict: "holds" }, { article: "a", verdict: "fails" }], { id: "verdicts", title: "Verdicts" }).data.map((t) => t.x) // => [[1], [1]]
 */
export function verdictBarChart(rows: RowsInput, options: VerdictBarOptions): PlotlyFigure {
  const records = toRecords(rows);
  const by = options.by ?? "article";
  const vKey = options.verdict ?? "verdict";
  const cats = ordered(records.map((r) => String(r[by] ?? "")), options.categoryOrder);
  const counts = new Map<string, number>();
  for (const r of records) {
    const v = normalizeVerdict(String(r[vKey] ?? ""));
    const n = options.count ? Number(r[options.count] ?? 0) : 1;
    if (!Number.isFinite(n)) throw new Error(`verdictBarChart: count ${JSON.stringify(r[options.count!])} is not a number`);
    const key = JSON.stringify([String(r[by] ?? ""), v]);
    counts.set(key, (counts.get(key) ?? 0) + n);
  }
  const height = options.height ?? Math.max(300, CHART_THEME.margin.t + CHART_THEME.margin.b + 40 * cats.length + 20);
  const layout = baseLayout(options, { height });
  const ticks = cats.map((c) => escapeHtml(options.categoryLabels?.[c] ?? c));
  const present = VERDICTS.filter((v) => cats.some((c) => counts.has(JSON.stringify([c, v]))));
  const data = present.map((v) => {
    const xs = cats.map((c) => counts.get(JSON.stringify([c, v])) ?? 0);
    return {
      type: "bar",
      orientation: "h",
      name: escapeHtml(VERDICT_LABELS[v]),
      x: xs,
      y: ticks,
      marker: { color: VERDICT_COLORS[v], line: { color: "#FFFFFF", width: 1 } },
      text: xs.map((n) => (n > 0 ? formatNumber(n) : "")),
      textposition: "inside",
      insidetextanchor: "middle",
      textfont: { color: textColorOn(VERDICT_COLORS[v]), size: 12 },
      hovertext: xs.map((n, i) => `<b>${ticks[i]}</b><br>${escapeHtml(VERDICT_LABELS[v])}: ${formatNumber(n)}`),
      hoverinfo: "text",
    };
  });
  layout.barmode = "stack";
  layout.bargap = 0.3;
  const most = Math.max(0, ...cats.map((c) => VERDICTS.reduce((s, v) => s + (counts.get(JSON.stringify([c, v])) ?? 0), 0)));
  layout.xaxis = axis({ title: { text: "claims" }, rangemode: "tozero", ...(most <= 10 ? { dtick: 1 } : most <= 50 ? { dtick: 5 } : {}) });
  layout.yaxis = axis({ type: "category", categoryorder: "array", categoryarray: ticks, autorange: "reversed", showgrid: false });
  return figure(data, layout);
}
