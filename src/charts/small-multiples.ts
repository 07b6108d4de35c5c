/** Small multiples: one small forest plot per asset (or metric, article, window), one shared value axis. */
import { escapeHtml } from "../render/html";
import { forestTraces, valueExtent } from "./forest";
import { ordered, round } from "./parts";
import { toClaims, unitTitle, type ClaimInput } from "./rows";
import { termWords } from "../domain/wording";
import { axis, figure } from "./frame";
import { CHART_THEME, baseLayout, colorMap, type ChartOptions, type JsonObject, type PlotlyFigure } from "./theme";

/** Options of smallMultiplesChart. */
export interface SmallMultiplesOptions extends ChartOptions {
  /** The claim field that makes one panel each; default "subject". */
  facet?: "subject" | "metric" | "article" | "window";
  /** Panel titles per facet value, e.g. { BTC: "Bitcoin" }; default the value in words (termWords; an article's id as it is). */
  facetLabels?: Readonly<Record<string, string>>;
  /** Panel order (others follow in order of appearance). */
  facetOrder?: readonly string[];
  /** Panels per row; default 3. */
  columns?: number;
  /** Title of the shared value axis (under the bottom row); default the claims' unit in words (unitTitle). */
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
  // coloured by who printed each figure: its source (the figures table), else its article
  const who = (c: (typeof rows)[number]) => c.source || c.article;
  const colors = colorMap(rows.map(who));
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
      ...forestTraces(mine, who, (k) => k, (k) => colors[k]!, extent, {
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
      ...(row === gridRows - 1 || i + columns >= facets.length ? { title: { text: escapeHtml(options.xTitle ?? unitTitle(rows)), font: { size: 11 } } } : {}),
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
      text: `<b>${escapeHtml(options.facetLabels?.[f] ?? (facetKey === "article" ? f : termWords(facetKey, f)))}</b>`,
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
