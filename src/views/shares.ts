/**
 * Shares of a column per group, as a reader reads them: how many rows of each group got each
 * value, with its share of the group ("3 (5%)"). For the figures table: each article's ratings.
 */
import type * as Danfo from "danfojs-node";
import { toDataFrame } from "../data/danfo";
import { RATINGS, isRating, ratingLabel } from "../domain/ratings";
import { percentOf } from "../render/format";
import { formatNumber, toRecords, type RowsInput } from "../render/html";

/**
 * Share records (see shareTable): one per value of `by`, in order of first appearance, with
 * `total` and one "n (p%)" field per value of `column`.
 * @example shareRecords([{ a: "x", v: "up" }, { a: "x", v: "down" }, { a: "x", v: "up" }], "a", "v") // => [{ a: "x", total: 3, up: "2 (67%)", down: "1 (33%)" }]
 */
export function shareRecords(rows: RowsInput, by: string, column = "rating"): Record<string, string | number>[] {
  const records = toRecords(rows);
  const value = (r: Record<string, unknown>) => String(r[column] ?? "");
  const ratings = records.length > 0 && records.every((r) => isRating(value(r)));
  const values = ratings ? [...RATINGS] : [...new Set(records.map(value))];
  const name = (v: string) => (ratings && isRating(v) ? ratingLabel(v) : v);
  const groups = [...new Set(records.map((r) => String(r[by] ?? "")))];
  return groups.map((g) => {
    const mine = records.filter((r) => String(r[by] ?? "") === g);
    const out: Record<string, string | number> = { [by]: g, total: mine.length };
    for (const v of values) {
      const n = mine.filter((r) => value(r) === v).length;
      out[name(v)] = `${formatNumber(n)} (${percentOf(n, mine.length)}%)`;
    }
    return out;
  });
}

/**
 * Per value of `by` (an article's short name, a section, a theme), how many rows there are
 * (`total`) and how many have each value of `column`, with its whole-percent share of the group:
 * "3 (5%)". When every value is a rating (the default column, `rating`), the columns are every
 * rating of the reader's scale in its order, zeros included, named by their labels ("Accurate,
 * rounded"); otherwise the values in order of first appearance. Takes records or a DataFrame.
 * @example shareTable([{ source: "A", rating: "accurate" }, { source: "A", rating: "inaccurate" }], "source").columns // => ["source", "total", "Accurate", "Accurate, rounded", "Misleading: another measure or date", "Inaccurate", "Cannot be verified"]
 */
export function shareTable(rows: RowsInput, by: string, column = "rating"): Danfo.DataFrame {
  const records = shareRecords(rows, by, column);
  const columns = records.length > 0 ? Object.keys(records[0]) : [by, "total"];
  return toDataFrame(records, columns);
}
