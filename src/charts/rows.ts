/**
 * The rows charts draw: ledger claims, independent figures or rows of the figures table, as
 * records or a danfojs DataFrame; dates on a chart axis; a figure's interval and hover text.
 */
import type { Claim } from "../data/types";
import { escapeHtml, toRecords, type FrameLike, type RowsInput } from "../render/html";
import { formatAsOf, rangeWords } from "../render/figures";
import { termWords } from "../domain/wording";
import { wrapHtml } from "./theme";

/** The fields of a ledger row that charts read (a Claim, or a DataFrame row of data/claims.csv). */
export type ClaimLike = Pick<Claim, "id" | "article" | "quote" | "subject" | "metric" | "low" | "high" | "unit" | "raw" | "as_of"> &
  Partial<Pick<Claim, "window" | "qualifier" | "section" | "hedge" | "note">> &
  /** Columns of the figures table (src/views/figures.ts) that charts read when present. */
  Partial<{ source: string; origin: string; rating: string; tier: string }>;

/** Ledger rows, rows of the figures table, or a danfojs DataFrame with those columns. */
export type ClaimInput = readonly ClaimLike[] | FrameLike;


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
 * A claim's interval in words, in its unit, as a reader writes it (rangeWords): a point, a range,
 * or an open bound ("more than"/"under" when the qualifier is over or under, else "at least"/"at
 * most"); "no figure" without bounds. No unit ids, no interval notation.
 * @example intervalText({ low: null, high: 60000, unit: "USD", qualifier: "under" }) // => "under $60,000"
 * @example intervalText({ low: -20, high: -18, unit: "pct" }) // => "−18% to −20%"
 * @example intervalText({ low: 3.2, high: 3.2, unit: "USD_bn" }) // => "$3.2B"
 */
export function intervalText(c: Pick<ClaimLike, "low" | "high" | "unit"> & { qualifier?: string }): string {
  if (c.low === null && c.high === null) return "no figure";
  const open = c.qualifier === "over" || c.qualifier === "under";
  return rangeWords({ low: c.low ?? -Infinity, high: c.high ?? Infinity, lowOpen: open, highOpen: open }, c.unit);
}

/**
 * The units of rows in words, for a value axis's title (termWords, from data/vocabulary.csv).
 * @example unitTitle([{ unit: "pct" }, { unit: "pct" }, { unit: "USD_bn" }]) // => "percent, billions of US dollars"
 */
export function unitTitle(rows: readonly Pick<ClaimLike, "unit">[]): string {
  return [...new Set(rows.map((c) => c.unit))].filter(Boolean).map((u) => termWords("unit", u)).join(", ");
}

/**
 * The hover text of a claim (plotly pseudo-HTML, every piece escaped): the printed figure and who
 * printed it (its source, else its article), the wrapped quote, then the figure as read in words
 * and its date in words.
 * @example claimHover({ id: "a-001", article: "a", source: "A", quote: "fell <5%", raw: "5%", low: -5, high: -5, unit: "pct", as_of: "2026-02-05" }) // => "<b>5%</b> · A<br>“fell &lt;5%”<br>−5% · 5 Feb 2026"
 */
export function claimHover(c: Pick<ClaimLike, "article" | "quote" | "raw" | "low" | "high" | "unit" | "as_of" | "source" | "qualifier">): string {
  return (
    `<b>${escapeHtml(c.raw)}</b> · ${escapeHtml(c.source || c.article)}` +
    `<br>“${wrapHtml(c.quote)}”` +
    `<br>${escapeHtml(intervalText(c))}${c.as_of ? ` · ${escapeHtml(formatAsOf(c.as_of))}` : ""}`
  );
}
