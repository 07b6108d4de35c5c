/** The price-path chart: a line with the articles' figures about it. */
import { escapeHtml, toRecords, type RowsInput } from "../render/html";
import { bounds, round, unique } from "./parts";
import { asOfMidpoint } from "../data/dates";
import { claimHover, toClaims, type ClaimInput } from "./rows";
import { axis, figure } from "./frame";
import { CHART_THEME, baseLayout, colorMap, type ChartOptions, type Json, type JsonObject, type PlotlyFigure } from "./theme";

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
