/** The price-path chart: a line with the articles' figures about it. */
import { escapeHtml, toRecords, type RowsInput } from "../render/html";
import { bounds, round } from "./parts";
import { asOfMidpoint } from "../data/dates";
import { conversionFactor, sameDimension } from "../domain/units";
import { claimHover, toClaims, unitTitle, type ClaimInput } from "./rows";
import { axis, figure } from "./frame";
import { columnScale, defaultColorColumn, ratingScale } from "./scales";
import { CHART_THEME, baseLayout, type ChartOptions, type Json, type JsonObject, type PlotlyFigure } from "./theme";

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
  /** Title of the value axis; default the unit in words (unitTitle). */
  yTitle?: string;
  /** Claim ids to label on the chart with their printed figure (the rest show it on hover). */
  annotate?: readonly string[];
  /** Log scale for the value axis. */
  logY?: boolean;
  /** Colour the figures by a column (default "source" when the rows carry it, else "article"; e.g. "origin") or by "rating" (fixed colours). */
  colorBy?: "article" | "rating" | (string & {});
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
  const line = {
    type: "scatter",
    mode: "lines",
    name: escapeHtml(options.pathName ?? "price"),
    x: points.map((p) => p[xKey] as Json),
    y: points.map((p) => (typeof p[yKey] === "number" ? (p[yKey] as number) : null)),
    line: { color: CHART_THEME.pathColor, width: 2 },
    hovertemplate: "%{x|%-d %b %Y}: %{y:,}<extra></extra>",
  };
  // no path, no line (byDateChart): only the figures
  const data: unknown[] = points.length > 0 ? [line] : [];
  const scale = options.colorBy === "rating" ? ratingScale() : columnScale(rows, options.colorBy ?? defaultColorColumn(rows));
  const annotations = layout.annotations as JsonObject[];
  for (const key of scale.keys(rows)) {
    const mine = rows.filter((c) => scale.key(c) === key);
    const color = scale.color(key);
    const ys = mine.map((c) => (c.low !== null && c.high !== null ? round((c.low + c.high) / 2) : (c.low ?? c.high)!));
    data.push({
      type: "scatter",
      mode: "markers",
      name: escapeHtml(scale.name(key)),
      legendgroup: escapeHtml(key),
      x: mine.map((c) => asOfMidpoint(c.as_of)),
      y: ys,
      marker: {
        color,
        size: 9,
        symbol: mine.map((c) => (c.low === null ? "triangle-down" : c.high === null ? "triangle-up" : "circle")),
        line: { color: "#FFFFFF", width: 1 },
      },
      error_y: {
        type: "data",
        symmetric: false,
        array: mine.map((c, i) => (c.high !== null && c.low !== null ? round(c.high - ys[i]!) : 0)),
        arrayminus: mine.map((c, i) => (c.high !== null && c.low !== null ? round(ys[i]! - c.low) : 0)),
        color,
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
        arrowcolor: color,
        ax: 0,
        ay: -28,
        bgcolor: "rgba(255,255,255,0.85)",
        font: { size: 11, color },
      });
    });
  }
  layout.xaxis = axis({ type: "date" });
  layout.yaxis = axis({ title: { text: escapeHtml(options.yTitle ?? unitTitle([{ unit }])) }, separatethousands: true, ...(options.logY ? { type: "log" } : {}) });
  layout.hovermode = "closest";
  return figure(data, layout);
}

/** Options of byDateChart: those of pricePathChart without a path; the unit defaults to the figures'. */
export type ByDateOptions = Omit<PricePathOptions, "x" | "y" | "pathName">;

/** Whether two units are amounts of one currency (USD_mn, USD_bn, …) that convert into each other. */
function convertible(a: string, b: string): boolean {
  try {
    return sameDimension(a, b);
  } catch {
    return false;
  }
}

/**
 * The figures with every bound in `unit`: an amount in another unit of the same currency is
 * converted ($258.8 million in USD_mn is 0.2588 in USD_bn; its `raw` stays as printed).
 * @throws Error naming `caller`, the units and a filter that keeps one, for a figure whose unit
 * does not convert (a percentage among dollar amounts).
 * @example figuresInUnit([{ id: "x", low: 258.8, high: 258.8, unit: "USD_mn" }], "USD_bn", "byDateChart")[0].high // => 0.2588
 */
export function figuresInUnit<T extends { low: number | null; high: number | null; unit: string }>(figures: readonly T[], unit: string, caller: string): T[] {
  const others = [...new Set(figures.map((c) => c.unit))].filter((u) => u !== unit && !convertible(u, unit));
  if (others.length > 0) {
    throw new Error(
      `${caller}: figures in ${[unit, ...others].map((u) => JSON.stringify(u)).join(" and ")} cannot share one value axis; ` +
        `chart one unit at a time, e.g. rows.query(rows.unit.eq(${JSON.stringify(unit)}))`,
    );
  }
  return figures.map((c) => {
    if (c.unit === unit) return c;
    const k = conversionFactor(c.unit, unit);
    const scale = (v: number | null) => (v === null ? null : roundSig(v * k));
    return { ...c, low: scale(c.low), high: scale(c.high), unit };
  });
}

/** A product of a conversion without the binary noise of the factor (258.8 × 0.001). */
function roundSig(v: number): number {
  return Number(v.toPrecision(12));
}

/**
 * Figures by date: one marker per figure at its `as_of` (midpoint of a span), its interval as an
 * error bar, an open end as a triangle, coloured by article (or another column) or by rating;
 * hover shows the quote. Every figure is drawn in one unit (default: the first figure's): an
 * amount in another unit of the same currency is converted (figuresInUnit), any other unit is an
 * error that names the units.
 * Takes records or a DataFrame, e.g. the figures table filtered to Bitcoin's price.
 * @throws Error for figures in units that do not convert or without bounds, and for an invalid id.
 * @example byDateChart([{ id: "a-1", article: "a", quote: "q", subject: "BTC", metric: "low", low: 60000, high: 60000, unit: "USD", raw: "$60K", as_of: "2026-02-06" }], { id: "btc", title: "BTC" }).data[0].y // => [60000]
 */
export function byDateChart(rows: ClaimInput, options: ByDateOptions): PlotlyFigure {
  const figures = toClaims(rows);
  const unit = options.unit ?? figures[0]?.unit ?? "USD";
  return pricePathChart([], figuresInUnit(figures, unit, "byDateChart"), { ...options, unit });
}
