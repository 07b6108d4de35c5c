/**
 * The rows charts draw: ledger claims, independent figures or rows of the figures table, as
 * records or a danfojs DataFrame; dates on a chart axis; a figure's interval and hover text.
 */
import type { Claim } from "../data/types";
import { escapeHtml, formatNumber, toRecords, type FrameLike, type RowsInput } from "../render/html";
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
 * The hover text of a claim (plotly pseudo-HTML, every piece escaped): the printed figure, who
 * printed it (its source, else its article id) and its id, the wrapped quote, the interval and the date it refers to.
 * @example claimHover({ id: "a-001", article: "a", quote: "fell <5%", raw: "5%", low: -5, high: -5, unit: "pct", as_of: "2026" }) // => "<b>5%</b> · a (a-001)<br>“fell &lt;5%”<br>-5 pct · as of 2026"
 */
export function claimHover(c: Pick<ClaimLike, "id" | "article" | "quote" | "raw" | "low" | "high" | "unit" | "as_of" | "source">): string {
  return (
    `<b>${escapeHtml(c.raw)}</b> · ${escapeHtml(c.source || c.article)} (${escapeHtml(c.id)})` +
    `<br>“${wrapHtml(c.quote)}”` +
    `<br>${escapeHtml(intervalText(c))} · as of ${escapeHtml(c.as_of)}`
  );
}
