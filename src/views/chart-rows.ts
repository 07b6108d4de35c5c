/**
 * Rows for the chart builders made from the analysis: a path through the claims' own points, a
 * check's computed result beside the article's figure, independent figures in the shape of ledger
 * rows, row labels that name each figure's article (short name, data/articles.csv) or outlet, and
 * a forest plot of rows of the figures table.
 */
import { intervalText, toClaims, type ClaimInput, type ClaimLike } from "../charts/rows";
import { intervalChart, type IntervalOptions } from "../charts/interval";
import { withLegendRoom } from "../charts/decorate";
import type { PlotlyFigure } from "../charts/theme";
import { plainDate } from "../domain/wording";
import { asOfMidpoint } from "../data/dates";
import type { CheckVerdict } from "../domain/checks";
import type { IndependentRow } from "../data/independent-file";
import { type RowsInput } from "../render/html";
import type { Claim } from "../data/types";
import { sharedAnalysis, unitWords } from "./shared";

/** One point of a path built from claims. */
export interface ClaimPathPoint {
  /** `YYYY-MM-DD[ HH:MM]`: the claim's as_of, or the midpoint of its span (asOfMidpoint). */
  date: string;
  /** The midpoint of the claim's bounds (the bound itself when one end is open). */
  close: number;
  claim: string;
}

/**
 * A path for pricePathChart drawn through the claims' own points (no outside data): one point per
 * claim at its as_of midpoint and the midpoint of its bounds, sorted by date (then claim id).
 * Claims with no bounds are skipped.
 * @example pathFromClaims([{ id: "b", as_of: "2026-02-08", low: 69000, high: 69300 }, { id: "a", as_of: "2025-10", low: 126000, high: 126000 }]) // => [{ date: "2025-10-16", close: 126000, claim: "a" }, { date: "2026-02-08", close: 69150, claim: "b" }]
 */
export function pathFromClaims(claims: readonly Pick<Claim, "id" | "as_of" | "low" | "high">[]): ClaimPathPoint[] {
  return claims
    .filter((c) => c.low !== null || c.high !== null)
    .map((c) => ({ date: asOfMidpoint(c.as_of), close: c.low !== null && c.high !== null ? (c.low + c.high) / 2 : (c.low ?? c.high)!, claim: c.id }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.claim < b.claim ? -1 : a.claim > b.claim ? 1 : 0));
}

/**
 * A check's computed result as a chart row (ClaimLike), so interval charts can draw it beside the
 * article's figure: bounds from `computed` (the printed inputs) or, with `rounding`, from
 * `computedWithRounding`; raw "computed"; quote the check statement; subject/metric "computed".
 * @example computedRow({ id: "x", kind: "sum_of", statement: "s", claims: ["a-1"], claimed: null, reference: null, computed: { low: 90, high: 110, unit: "pct" }, computedWithRounding: { low: 89, high: 111, unit: "pct" }, verdict: "consistent", reason: "", gap: null }, { article: "a", as_of: "2026-02-08" }).high // => 110
 */
export function computedRow(
  v: CheckVerdict,
  options: { article: string; as_of: string; rounding?: boolean; raw?: string },
): Pick<Claim, "id" | "article" | "quote" | "subject" | "metric" | "low" | "high" | "unit" | "raw" | "as_of"> {
  const b = options.rounding ? v.computedWithRounding : v.computed;
  return {
    id: v.id,
    article: options.article,
    quote: v.statement,
    subject: "computed",
    metric: "computed",
    low: b.low,
    high: b.high,
    unit: b.unit,
    raw: options.raw ?? "computed",
    as_of: options.as_of,
  };
}

/** A figure of independent reporting, in the shape of a ledger row for the chart builders. */
export type SourceClaim = ClaimLike & { outlet: string; tier: string };

/**
 * An independent figure (a row of data/independent.csv) as a chart row: its id, the group name
 * `article` (one colour for all independent reporting), its quote, interval and unit, and as
 * `raw` its interval in words (intervalText: "$60,008.52", "$175B–$185B", "a fall of at least 5%"
 * for an open end), since the source printed it in its own words.
 * @param row the independent row
 * @param group the legend name of independent reporting; default "independent reporting"
 * @example sourceAsClaim({ id: "r011", subject: "BTC", metric: "low", window: "intraday", low: 60008.52, high: 60008.52, unit: "USD", as_of: "2026-02-06", quote: "q", outlet: "Reuters", tier: "wire" }).raw // => "$60,008.52"
 */
export function sourceAsClaim(
  row: Pick<IndependentRow, "id" | "subject" | "metric" | "window" | "low" | "high" | "unit" | "as_of" | "quote" | "outlet" | "tier">,
  group = "independent reporting",
): SourceClaim {
  const raw = row.low === null && row.high === null ? "" : intervalText(row);
  return {
    id: row.id,
    article: group,
    quote: row.quote,
    subject: row.subject,
    metric: row.metric,
    window: row.window,
    low: row.low,
    high: row.high,
    unit: row.unit,
    raw,
    as_of: row.as_of,
    outlet: row.outlet,
    tier: row.tier,
  };
}

/**
 * The short name of every article (data/articles.csv `short_name`), by article id.
 * @example articleShortNames()["tradingkey-ai-bubble"] // => "TradingKey"
 */
export function articleShortNames(articles: readonly { id: string; short_name: string }[] = sharedAnalysis().ledger.articles): Record<string, string> {
  return Object.fromEntries(articles.map((a) => [a.id, a.short_name]));
}

/** Options of chartLabels. */
export interface ChartLabelOptions {
  /** Names of articles in labels; default their short names (articleShortNames; others keep their id). */
  names?: Readonly<Record<string, string>>;
  /** Cut outlets longer than this many characters (with "…"); default 34. */
  width?: number;
  /** Append each row's date in words ("· 6 Feb 2026"), for rows of different days; default false. */
  date?: boolean;
}

/**
 * Row labels for an interval chart of article figures and independent figures: an article's
 * figure as "<printed figure> — <article's short name>", an independent one as
 * "<figure> — <outlet, cut to width> (<tier>)"; optionally followed by the date.
 * @example chartLabels([{ id: "a-1", raw: "$60,000", article: "tradingkey-ai-bubble", as_of: "2026-02-06" }, { id: "r011", raw: "60,008.52", article: "independent reporting", as_of: "2026-02-06", outlet: "Reuters via CNA", tier: "wire" }]) // => { "a-1": "$60,000 — TradingKey", r011: "60,008.52 — Reuters via CNA (wire)" }
 * @example chartLabels([{ id: "a-1", raw: "5%", article: "a", as_of: "2026-02-02" }], { date: true }) // => { "a-1": "5% — a · 2 Feb 2026" }
 */
export function chartLabels(
  rows: readonly (Pick<ClaimLike, "id" | "raw" | "article" | "as_of"> & { outlet?: string; tier?: string })[],
  options: ChartLabelOptions = {},
): Record<string, string> {
  const width = options.width ?? 34;
  const out: Record<string, string> = {};
  for (const r of rows) {
    let label: string;
    if (r.outlet !== undefined) {
      const outlet = r.outlet.length > width ? `${r.outlet.slice(0, width - 1).trimEnd()}…` : r.outlet;
      label = `${r.raw} — ${outlet}${r.tier ? ` (${r.tier})` : ""}`;
    } else label = `${r.raw} — ${(options.names ?? articleShortNames())[r.article] ?? r.article}`;
    out[r.id] = options.date ? `${label} · ${plainDate(r.as_of)}` : label;
  }
  return out;
}

/**
 * Row labels for figures-table rows: "<figure as printed> · <source, cut to 30 characters> · <date
 * in words>", then the window in words when it says more than the date ("after hours",
 * "intraday"; not a month, "point" or "period").
 * @example figureLabels([{ id: "r140", raw: "4.77", source: "Korea JoongAng Daily (Yonhap)", as_of: "2026-02-06", window: "intraday" }]) // => { r140: "4.77 · Korea JoongAng Daily (Yonhap) · 6 Feb 2026, intraday" }
 * @example figureLabels([{ id: "r050", raw: "$3.79 billion", source: "Bitcoin eNews", as_of: "2025-11", window: "nov_2025" }]) // => { r050: "$3.79 billion · Bitcoin eNews · November 2025" }
 */
export function figureLabels(rows: readonly (Pick<ClaimLike, "id" | "raw" | "as_of" | "source"> & { window?: string })[]): Record<string, string> {
  const cut = (s: string) => (s.length > 30 ? `${s.slice(0, 29).trimEnd()}…` : s);
  const scope = (w = "") => (w === "" || /\d|^(point|period)$/.test(w) ? "" : `, ${w.replace(/_/g, " ")}`);
  return Object.fromEntries(rows.map((r) => [r.id, `${r.raw} · ${cut(r.source ?? "")} · ${plainDate(r.as_of)}${scope(r.window)}`]));
}

/**
 * A forest plot of rows of the figures table (figures(), ctx.compare(…), filtered as you like), in
 * their order: each figure as printed, labelled with its source and date (figureLabels), the
 * articles' figures coloured by their rating and outside figures in grey, the value axis titled
 * with the first row's unit in words, width 900 and room for a legend that wraps. `options`
 * override these (an `id` and a `title` are required).
 * @throws Error as intervalChart does (a row without bounds, an invalid id).
 * @example figuresChart([{ id: "a-1", article: "a", source: "A", quote: "q", subject: "BTC", metric: "low", low: 60000, high: 60000, unit: "USD", raw: "$60,000", as_of: "2026-02-06", rating: "accurate" }], { id: "doc-low", title: "Low" }).layout.xaxis.title.text // => "US dollars"
 */
export function figuresChart(rows: RowsInput, options: IntervalOptions): PlotlyFigure {
  const claims = toClaims(rows as ClaimInput);
  const unit = claims[0]?.unit;
  return withLegendRoom(
    intervalChart(claims, { colorBy: "rating", labels: figureLabels(claims), width: 900, ...(unit ? { xTitle: unitWords(unit) } : {}), ...options }),
  );
}
