/** The verdict bar chart: per category, how many figures got each verdict, stacked. */
import { RATINGS, isRating, ratingLabel, type Rating } from "../domain/ratings";
import { RATING_COLORS, VERDICTS, VERDICT_COLORS, VERDICT_LABELS, escapeHtml, formatNumber, normalizeVerdict, textColorOn, toRecords, type RowsInput, type Verdict } from "../render/html";
import { ordered } from "./parts";
import { axis, figure } from "./frame";
import { CHART_THEME, baseLayout, type ChartOptions, type PlotlyFigure } from "./theme";

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
  /** What one unit of a bar counts, the axis title; default "figures" (a row of the figures table). */
  xTitle?: string;
  /** The words of each rating when the bars are ratings; default ratingLabel (reconciliations: conflictRatingLabel). */
  ratingLabels?: (rating: Rating) => string;
}

/**
 * Horizontal stacked bars: per category (article, claim kind…), how many figures got each
 * verdict, in the fixed verdict colours and order (holds first), counts printed in the segments.
 * When every value is a rating (the `rating` column of the figures table, `verdict: "rating"`),
 * the bars use the reader's scale: its order, colours and labels. Takes records or a DataFrame.
 * @throws RangeError for an unknown verdict; Error for an invalid id.
 * @example verdictBarChart([{ article: "a", verdict: "holds" }, { article: "a", verdict: "fails" }], { id: "verdicts", title: "Verdicts" }).data.map((t) => t.x) // => [[1], [1]]
 * @example verdictBarChart([{ article: "a", rating: "inaccurate" }], { id: "r", title: "R", verdict: "rating" }).data[0].name // => "Inaccurate"
 * @example verdictBarChart([{ article: "a", rating: "inaccurate" }], { id: "r", title: "R", verdict: "rating", ratingLabels: () => "Contradictory" }).data[0].name // => "Contradictory"
 * @example verdictBarChart([{ article: "a", verdict: "holds" }], { id: "v", title: "V" }).layout.xaxis.title.text // => "figures"
 */
export function verdictBarChart(rows: RowsInput, options: VerdictBarOptions): PlotlyFigure {
  const records = toRecords(rows);
  const by = options.by ?? "article";
  const vKey = options.verdict ?? "verdict";
  const cats = ordered(records.map((r) => String(r[by] ?? "")), options.categoryOrder);
  // ratings (the reader's scale) when every value is one, else the machine verdicts
  const ratings = records.length > 0 && records.every((r) => isRating(String(r[vKey] ?? "")));
  const order: readonly string[] = ratings ? RATINGS : VERDICTS;
  const color = (v: string) => (ratings ? RATING_COLORS[v as Rating] : VERDICT_COLORS[v as Verdict]);
  const label = (v: string) => (ratings ? (options.ratingLabels ?? ratingLabel)(v as Rating) : VERDICT_LABELS[v as Verdict]);
  const counts = new Map<string, number>();
  for (const r of records) {
    const v = ratings ? String(r[vKey]) : normalizeVerdict(String(r[vKey] ?? ""));
    const n = options.count ? Number(r[options.count] ?? 0) : 1;
    if (!Number.isFinite(n)) throw new Error(`verdictBarChart: count ${JSON.stringify(r[options.count!])} is not a number`);
    const key = JSON.stringify([String(r[by] ?? ""), v]);
    counts.set(key, (counts.get(key) ?? 0) + n);
  }
  const height = options.height ?? Math.max(300, CHART_THEME.margin.t + CHART_THEME.margin.b + 40 * cats.length + 20);
  const layout = baseLayout(options, { height });
  const ticks = cats.map((c) => escapeHtml(options.categoryLabels?.[c] ?? c));
  const present = order.filter((v) => cats.some((c) => counts.has(JSON.stringify([c, v]))));
  const data = present.map((v) => {
    const xs = cats.map((c) => counts.get(JSON.stringify([c, v])) ?? 0);
    return {
      type: "bar",
      orientation: "h",
      name: escapeHtml(label(v)),
      x: xs,
      y: ticks,
      marker: { color: color(v), line: { color: "#FFFFFF", width: 1 } },
      text: xs.map((n) => (n > 0 ? formatNumber(n) : "")),
      textposition: "inside",
      insidetextanchor: "middle",
      textfont: { color: textColorOn(color(v)), size: 12 },
      hovertext: xs.map((n, i) => `<b>${ticks[i]}</b><br>${escapeHtml(label(v))}: ${formatNumber(n)}`),
      hoverinfo: "text",
    };
  });
  layout.barmode = "stack";
  layout.bargap = 0.3;
  const most = Math.max(0, ...cats.map((c) => order.reduce((s, v) => s + (counts.get(JSON.stringify([c, v])) ?? 0), 0)));
  layout.xaxis = axis({ title: { text: escapeHtml(options.xTitle ?? "figures") }, rangemode: "tozero", ...(most <= 10 ? { dtick: 1 } : most <= 50 ? { dtick: 5 } : {}) });
  layout.yaxis = axis({ type: "category", categoryorder: "array", categoryarray: ticks, autorange: "reversed", showgrid: false });
  return figure(data, layout);
}
