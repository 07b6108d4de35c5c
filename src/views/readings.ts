/**
 * The readings of a machine-translated (garbled) figure, as the ledger's notes give them.
 * Pure and deterministic.
 */
import type * as Danfo from "danfojs-node";
import { toDataFrame } from "../data/danfo";
import type { Claim } from "../data/types";
import { toRecords, type RowsInput } from "../render/html";

/** One way of reading a printed figure: a label ("as printed", "Reading B (intended)") and the text. */
export interface Reading {
  label: string;
  text: string;
}

/** Cuts a note fragment at the end of its first sentence or clause (". ", ";" or the end). */
function firstClause(text: string): string {
  const m = /^(.*?)(?:\.\s|;|\.$|$)/s.exec(text.trim());
  return (m ? m[1]! : text).trim();
}

/**
 * The readings a claim's note gives for a figure whose printed text is garbled or ambiguous,
 * in the ledger's three note styles:
 * - `Reading A (literal): …. Reading B (intended): …` — each lettered reading, label with its
 *   parenthesis;
 * - `'printed words' = meaning; could also mean …` — "as printed", "read as" and "or";
 * - `…; reading: …` — "as printed" (the claim's quote) and "read as".
 * Returns [] when the note gives no reading.
 * @param claim the claim (its quote and note)
 * @example noteReadings({ quote: "fell 100%. 8%", note: "garble. Reading A (literal): fell 100% (impossible). Reading B (intended): fell 8%. low/high encode reading B" }) // => [{ label: "Reading A (literal)", text: "fell 100% (impossible)" }, { label: "Reading B (intended)", text: "fell 8%" }]
 * @example noteReadings({ quote: "a crash. 7%", note: "garbled sentence break; reading: fell 7% after hours" }) // => [{ label: "as printed", text: "a crash. 7%" }, { label: "read as", text: "fell 7% after hours" }]
 * @example noteReadings({ quote: "q", note: "word figure" }) // => []
 */
export function noteReadings(claim: Pick<Claim, "quote" | "note">): Reading[] {
  const note = String(claim.note ?? "");
  const lettered = [...note.matchAll(/Reading ([A-Z])(\s*\([^)]*\))?:\s*/g)];
  if (lettered.length > 0) {
    return lettered.map((m, i) => {
      const start = m.index! + m[0].length;
      const end = i + 1 < lettered.length ? lettered[i + 1]!.index! : note.length;
      return { label: `Reading ${m[1]}${m[2] ? ` ${m[2].trim()}` : ""}`, text: firstClause(note.slice(start, end)) };
    });
  }
  const equals = /^'([^']+)'\s*=\s*(.*)$/s.exec(note.trim());
  if (equals) {
    const out: Reading[] = [
      { label: "as printed", text: equals[1]! },
      { label: "read as", text: firstClause(equals[2]!) },
    ];
    const alt = /could also mean\s+(.*)$/s.exec(equals[2]!);
    if (alt) out.push({ label: "or", text: firstClause(alt[1]!) });
    return out;
  }
  const single = /\breading:\s*(.*)$/is.exec(note);
  if (single) return [{ label: "as printed", text: claim.quote }, { label: "read as", text: firstClause(single[1]!) }];
  return [];
}

/**
 * True for a figure whose printed text is garbled (qualifier `garbled`, or a note that says
 * "garbled" or "machine translation"), whose note reads a printed word run (`'…' = …`) that is
 * part of the quote, or whose note gives a second reading ("could also mean") — the
 * machine-translation artefacts of a translated article, each with readings (noteReadings).
 * @example isGarbledFigure({ qualifier: "exact", quote: "the lowest level59800Dollar", note: "'lowest level59800Dollar' = low of US$59,800" }) // => true
 * @example isGarbledFigure({ qualifier: "exact", quote: "fell 5%", note: "intraday" }) // => false
 */
export function isGarbledFigure(claim: Pick<Claim, "qualifier" | "quote" | "note">): boolean {
  if (claim.qualifier === "garbled") return true;
  if (/garbl|machine translation|could also mean/i.test(claim.note)) return true;
  const equals = /^'([^']+)'\s*=/.exec(claim.note.trim());
  return equals !== null && claim.quote.includes(equals[1]!);
}

/** One reading of a garbled figure, as a table row (readingRows, readingsTable). */
export interface ReadingRow {
  /** The figure's id. */
  id: string;
  /** The figure as printed. */
  raw: string;
  /** "as printed", "read as", "or", "Reading A (literal)", … */
  reading: string;
  /** That reading in words. */
  text: string;
}

/** The columns of readingsTable, in order: a reader's table (the figure as printed is its handle; readingRows keep the id). */
export const READING_COLUMNS: readonly (keyof ReadingRow)[] = ["raw", "reading", "text"];

/**
 * One row per reading of each garbled figure among the rows (isGarbledFigure), in input order,
 * readings in the order the note gives them (noteReadings); other figures, and garbled ones whose
 * note gives no reading, give no row. Takes figure rows with `id`, `raw`, `quote`, `qualifier`
 * and `note` (ledger claims, or the figures table as records or a DataFrame); missing text is "".
 * @param rows the figures
 * @example readingRows([{ id: "n-13", raw: "100% during the day. 8%", quote: "q", qualifier: "garbled", note: "Reading A (literal): fell 100%. Reading B (intended): fell 8%" }]) // => [{ id: "n-13", raw: "100% during the day. 8%", reading: "Reading A (literal)", text: "fell 100%" }, { id: "n-13", raw: "100% during the day. 8%", reading: "Reading B (intended)", text: "fell 8%" }]
 * @example readingRows([{ id: "t-1", raw: "5%", quote: "fell 5%", qualifier: "exact", note: "" }]) // => []
 */
export function readingRows(rows: RowsInput): ReadingRow[] {
  const text = (v: unknown): string => (v === null || v === undefined ? "" : String(v));
  return toRecords(rows).flatMap((r) => {
    const figure = { quote: text(r.quote), qualifier: text(r.qualifier) as Claim["qualifier"], note: text(r.note) };
    if (!isGarbledFigure(figure)) return [];
    return noteReadings(figure).map((g) => ({ id: text(r.id), raw: text(r.raw), reading: g.label, text: g.text }));
  });
}

/**
 * The readings of the garbled figures among the rows as a DataFrame (columns READING_COLUMNS),
 * e.g. `readingsTable(ctx.figures("lead"))`: each machine-translation artefact with every way
 * of reading it, one row per reading (see readingRows).
 * @param rows the figures (records or a DataFrame of the figures table)
 * @example readingsTable([{ id: "n-37", raw: "7%", quote: "closed. 7%", qualifier: "exact", note: "garbled; reading: fell 7%" }]).shape // => [2, 3]
 */
export function readingsTable(rows: RowsInput): Danfo.DataFrame {
  return toDataFrame(readingRows(rows), READING_COLUMNS);
}
