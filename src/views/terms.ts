/**
 * The values of a column, as a filter types them and as a table shows them. A table shows every
 * machine key in words ("US spot Bitcoin exchange-traded funds", "confirmed (rounding)") and
 * leaves the DataFrame as it is, so the key a filter needs (`spot_btc_etfs`,
 * `confirmed_within_rounding`) is not on the screen: `terms(all, "subject")` lists each key
 * beside its words and how many rows have it.
 */
import type * as Danfo from "danfojs-node";
import { toDataFrame } from "../data/danfo";
import { columnFor, isFrameLike, toRecords, type RowsInput } from "../render/html";

/** One row of terms(): a value of the column. */
export interface TermRecord {
  /** The value as the frame holds it: what `df.col.eq(…)` needs (a table shows this column as it is). */
  term: string;
  /** The value as a table shows it (a vocabulary term's meaning, a rating's label, a date in words). */
  words: string;
  /** How many rows have it. */
  rows: number;
}

/** The columns of the terms table, in order. */
export const TERM_TABLE_COLUMNS: readonly (keyof TermRecord)[] = ["term", "words", "rows"];

/**
 * Each distinct non-empty value of `column` (as text), most rows first, ties in alphabetical
 * order of the term.
 * @throws Error naming the column and the columns there are, when the rows have no such column.
 * @example termRecords([{ verdict: "confirmed" }, { verdict: "confirmed_within_rounding" }, { verdict: "confirmed" }], "verdict") // => [{ term: "confirmed", words: "confirmed", rows: 2 }, { term: "confirmed_within_rounding", words: "confirmed (rounding)", rows: 1 }]
 */
export function termRecords(rows: RowsInput, column: string): TermRecord[] {
  const records = toRecords(rows);
  const columns = isFrameLike(rows) ? [...rows.columns] : [...new Set(records.flatMap((r) => Object.keys(r)))];
  if (!columns.includes(column)) throw new Error(`terms: no column ${JSON.stringify(column)}; the columns are ${columns.join(", ")}`);
  const counts = new Map<string, number>();
  for (const r of records) {
    const v = r[column];
    if (v === null || v === undefined || v === "") continue;
    const key = String(v);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const render = columnFor(column).render!;
  return [...counts]
    .sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0))
    .map(([term, n]) => ({ term, words: render(term, {}), rows: n }));
}

/**
 * The values of a column of a table (the figures table, a filtered frame, records) as a
 * DataFrame: `term` (the key to filter with, shown as it is), `words` (what a table shows for
 * it), `rows` (how many rows have it), most rows first. Empty values are left out.
 * @throws Error naming the column and the columns there are, when the rows have no such column.
 * @example terms([{ subject: "BTC" }, { subject: "spot_btc_etfs" }, { subject: "BTC" }], "subject").values // => [["BTC", "Bitcoin", 2], ["spot_btc_etfs", "US spot Bitcoin exchange-traded funds", 1]]
 */
export function terms(rows: RowsInput, column: string): Danfo.DataFrame {
  return toDataFrame(termRecords(rows, column), TERM_TABLE_COLUMNS);
}
