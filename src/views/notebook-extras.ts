/**
 * Small helpers that the article notebooks (03–05) share beyond src/views/narrate.ts: the readings of
 * a machine-translated (garbled) figure as the ledger's notes give them, independent figures in
 * the shape the chart builders take (so that an interval chart can put the articles' figures
 * and the independent reporting side by side), and a shaded reference band on a chart.
 *
 * Every function is pure and deterministic; charts stay plain JSON.
 */
import { escapeHtml, formatNumber } from "../render/html";
import type { ClaimLike, JsonObject, PlotlyFigure } from "../charts/charts";
import type { IndependentRow } from "../data/independent-file";
import type { Claim } from "../data/types";

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

/** A figure of independent reporting, in the shape of a ledger row for the chart builders. */
export type SourceClaim = ClaimLike & { outlet: string; tier: string };

/**
 * An independent figure (a row of data/independent.csv) as a chart row: its id, the group name
 * `article` (one colour for all independent reporting), its quote, interval and unit, and as
 * `raw` its interval in figures ("60,008.52", "175 to 185", "≤ -5" for an open end), since the
 * source printed it in its own words.
 * @param row the independent row
 * @param group the legend name of independent reporting; default "independent reporting"
 * @example sourceAsClaim({ id: "r011", subject: "BTC", metric: "low", window: "intraday", low: 60008.52, high: 60008.52, unit: "USD", as_of: "2026-02-06", quote: "q", outlet: "Reuters", tier: "wire" }).raw // => "60,008.52"
 */
export function sourceAsClaim(
  row: Pick<IndependentRow, "id" | "subject" | "metric" | "window" | "low" | "high" | "unit" | "as_of" | "quote" | "outlet" | "tier">,
  group = "independent reporting",
): SourceClaim {
  const raw =
    row.low !== null && row.high !== null
      ? row.low === row.high
        ? formatNumber(row.low)
        : `${formatNumber(row.low)} to ${formatNumber(row.high)}`
      : row.low !== null
        ? `≥ ${formatNumber(row.low)}`
        : row.high !== null
          ? `≤ ${formatNumber(row.high)}`
          : "";
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

/** Short names of the five articles, for chart row labels (the legend keeps the ids). */
export const ARTICLE_SHORT_NAMES: Readonly<Record<string, string>> = {
  "gate-selloff-crushes": "Gate (crushes)",
  "gate-risk-off-cycle": "Gate (risk-off)",
  "tradingkey-ai-bubble": "TradingKey",
  "gmteight-2t-wiped": "GMT Eight",
  "nakamoto-570k-liquidated": "Nakamoto",
};

/** Options of chartLabels. */
export interface ChartLabelOptions {
  /** Names of articles in labels; default ARTICLE_SHORT_NAMES (others keep their id). */
  names?: Readonly<Record<string, string>>;
  /** Cut outlets longer than this many characters (with "…"); default 34. */
  width?: number;
  /** Append each row's as_of ("· 2026-02-06"), for rows of different days; default false. */
  date?: boolean;
}

/**
 * Row labels for an interval chart of article figures and independent figures: an article's
 * figure as "<printed figure> — <article's short name>", an independent one as
 * "<figure> — <outlet, cut to width> (<tier>)"; optionally followed by the date.
 * @example chartLabels([{ id: "a-1", raw: "$60,000", article: "tradingkey-ai-bubble", as_of: "2026-02-06" }, { id: "r011", raw: "60,008.52", article: "independent reporting", as_of: "2026-02-06", outlet: "Reuters via CNA", tier: "wire" }]) // => { "a-1": "$60,000 — TradingKey", r011: "60,008.52 — Reuters via CNA (wire)" }
 * @example chartLabels([{ id: "a-1", raw: "5%", article: "a", as_of: "2026-02-02" }], { date: true }) // => { "a-1": "5% — a · 2026-02-02" }
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
    } else label = `${r.raw} — ${(options.names ?? ARTICLE_SHORT_NAMES)[r.article] ?? r.article}`;
    out[r.id] = options.date ? `${label} · ${r.as_of}` : label;
  }
  return out;
}

/**
 * The opening of a section's text (its span in the article, see data/sections.csv), whitespace
 * collapsed, cut after the last full sentence that fits in `maxChars` (or at a word, with "…",
 * when not even one does): a quote for sections that print no tracked figure.
 * @param text the article text
 * @param section the section's span: `start` and `end` offsets into `text`
 * @example sectionExcerpt("Intro. The CME raised margins. Longs fled. Next", { start: 7, end: 42 }, 40) // => "The CME raised margins. Longs fled."
 * @example sectionExcerpt("abc defgh ijk", { start: 0, end: 13 }, 8) // => "abc…"
 */
export function sectionExcerpt(text: string, section: { start: number; end: number }, maxChars = 320): string {
  const body = text.slice(section.start, section.end).replace(/\s+/g, " ").trim();
  if (body.length <= maxChars) return body;
  const head = body.slice(0, maxChars + 1);
  const ends = [...head.matchAll(/[.!?]["”’]?(?=\s)/g)].map((m) => m.index! + m[0].length);
  if (ends.length > 0) return head.slice(0, ends[ends.length - 1]);
  const cut = head.lastIndexOf(" ", maxChars - 1);
  return `${head.slice(0, cut > 0 ? cut : maxChars - 1)}…`;
}

/** A shaded band across a chart: where a claimed range lies. */
export interface Band {
  low: number;
  high: number;
  /** Text written at the band (escaped). */
  label: string;
  /** The value axis the band spans: "y" (default, e.g. bar charts) or "x" (interval charts). */
  axis?: "x" | "y";
  /** Fill colour; default a light orange. */
  color?: string;
}

/**
 * A copy of a figure with a shaded band (a rectangle across the whole plot between `low` and
 * `high` on the value axis) and its label, written inside the band at its `high` end (top right
 * on a y band); the figure itself is not changed.
 * @throws RangeError `invalid band: …` unless low ≤ high are finite numbers.
 * @example withBand({ data: [], layout: {}, config: {} }, { low: -5, high: -2, label: "claimed" }).layout.shapes[0].y0 // => -5
 */
export function withBand(fig: PlotlyFigure, band: Band): PlotlyFigure {
  if (!(Number.isFinite(band.low) && Number.isFinite(band.high) && band.low <= band.high)) {
    throw new RangeError(`invalid band: ${band.low} to ${band.high} (expected finite low ≤ high)`);
  }
  const copy = JSON.parse(JSON.stringify(fig)) as PlotlyFigure;
  const onY = (band.axis ?? "y") === "y";
  const fill = band.color ?? "rgba(230,159,0,0.18)";
  const shape: JsonObject = onY
    ? { type: "rect", xref: "paper", yref: "y", x0: 0, x1: 1, y0: band.low, y1: band.high, fillcolor: fill, line: { width: 0 }, layer: "below" }
    : { type: "rect", xref: "x", yref: "paper", x0: band.low, x1: band.high, y0: 0, y1: 1, fillcolor: fill, line: { width: 0 }, layer: "below" };
  const note: JsonObject = onY
    ? { text: escapeHtml(band.label), xref: "paper", yref: "y", x: 1, y: band.high, xanchor: "right", yanchor: "top", showarrow: false, font: { size: 11, color: "#8a5a00" } }
    : { text: escapeHtml(band.label), xref: "x", yref: "paper", x: band.high, y: 1, xanchor: "right", yanchor: "top", showarrow: false, font: { size: 11, color: "#8a5a00" } };
  copy.layout.shapes = [...((copy.layout.shapes as JsonObject[] | undefined) ?? []), shape];
  copy.layout.annotations = [...((copy.layout.annotations as JsonObject[] | undefined) ?? []), note];
  return copy;
}
