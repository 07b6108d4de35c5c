/**
 * The first pass over a new article: every figure it prints as a candidate row of
 * data/claims.csv (quote, figure as printed, bounds, unit, qualifier, hedge, and subject, metric,
 * window and as_of where the text says them), and every other number as a candidate row of
 * data/claims-excluded.csv with the reason it is not a figure (a date, a year, a name, page
 * chrome). Between them they account for every number of the text, so the ledger's coverage
 * rule holds once the rows are accepted. Nothing here writes a file.
 */
import { csvField } from "../data/csv";
import { CLAIM_COLUMNS, EXCLUSION_COLUMNS } from "../data/ledger";
import { extractNumericTokens } from "../data/numbers";
import type { Term } from "../data/types";
import { chromeSpans } from "./chrome";
import { splitFigures } from "./classify";
import { impliedPublished, recogniseDates } from "./dates";
import { guessQuantity } from "./guess";
import { readFigures, type Figure } from "./hedges";
import { uniqueQuote } from "./quote";
import { recogniseNumbers, type Engine } from "./recognise";
import { splitSections, type SectionRow } from "./sections";
import { readWordFigures } from "./words";

/** A candidate row of data/claims.csv (every field as text, as in the file). */
export type CandidateRow = Record<(typeof CLAIM_COLUMNS)[number], string>;
/** A candidate row of data/claims-excluded.csv. */
export type ExclusionRow = Record<(typeof EXCLUSION_COLUMNS)[number], string>;

/** A proposed figure: its row, and where its figure as printed lies in the text. */
export interface Candidate {
  row: CandidateRow;
  start: number;
  end: number;
  /** Why it is flagged as a garble, "" when it is not. */
  garbled: string;
}

/** What `extractCandidates` found. */
export interface Extraction {
  candidates: Candidate[];
  exclusions: ExclusionRow[];
  sections: SectionRow[];
  /** The publication day used to resolve dates without a year ("" when unknown). */
  published: string;
}

/** Options of `extractCandidates`. */
export interface ExtractOptions {
  /** The article id (rows are numbered `<id>-001`, …). */
  id: string;
  /** ISO publication day; default: the latest full date printed in the text. */
  published?: string;
  /** The headline, for the lead section's heading; default: the first line. */
  title?: string;
  /** Which number recogniser (src/extract/recognise.ts); default "recognizers". */
  engine?: Engine;
  /** data/vocabulary.csv terms: subjects and windows outside it are not proposed. */
  vocabulary?: readonly Term[];
}

/**
 * A number in the form the ledger stores it (plain decimal, no exponent), "" for null.
 * @example numberField(-0.5) // => "-0.5"
 * @example numberField(null) // => ""
 */
export function numberField(x: number | null): string {
  if (x === null) return "";
  const s = String(Number(x.toPrecision(12)));
  return /e/i.test(s) ? x.toFixed(12).replace(/\.?0+$/, "") : s;
}

/** The section holding offset `at` (the last one starting at or before it): for a quote, where the quote starts (the loader's rule). */
function sectionAt(sections: readonly SectionRow[], at: number): string {
  let id = sections[0]?.section ?? "";
  for (const s of sections) if (s.start <= at) id = s.section;
  return id;
}

/** The figures of the text: from its numbers, and its word figures where no number figure is. */
function allFigures(text: string, engine: Engine, published: string) {
  const chrome = chromeSpans(text);
  const dates = recogniseDates(text, published);
  const { figures, skipped } = splitFigures(text, recogniseNumbers(text, engine), chrome, dates);
  const numeric = readFigures(text, figures);
  const words = readWordFigures(text).filter((w) => !numeric.some((f) => f.start < w.end && w.start < f.end) && !chrome.some((c) => c.start <= w.start && w.end <= c.end));
  return { figs: [...numeric, ...words].sort((a, b) => a.start - b.start), skipped, dates, chrome };
}

/** The note of a candidate: how it was read, and what the reviewer must still fill. */
function noteOf(f: Figure, missing: string[]): string {
  const parts = [f.note];
  if (missing.length > 0) parts.push(`not stated in the text: ${missing.join(", ")}`);
  return parts.filter(Boolean).join("; ");
}

/**
 * Candidate claim and exclusion rows for an article text (see the module comment).
 * @example extractCandidates("Bitcoin fell 5% on Friday.", { id: "demo", published: "2026-02-07", engine: "tokens" }).candidates.map((c) => [c.row.raw, c.row.low, c.row.unit, c.row.subject]) // => [["5%", "-5", "pct", "BTC"]]
 */
export function extractCandidates(text: string, options: ExtractOptions): Extraction {
  const published = options.published || impliedPublished(text);
  const sections = splitSections(text, options.id, options.title);
  const vocab = options.vocabulary
    ? { subject: new Set(options.vocabulary.filter((t) => t.field === "subject").map((t) => t.term)), window: new Set(options.vocabulary.filter((t) => t.field === "window").map((t) => t.term)) }
    : undefined;
  const { figs, skipped, dates, chrome } = allFigures(text, options.engine ?? "recognizers", published);
  const candidates: Candidate[] = figs.map((f, k) => {
    const { quote, start: quoteStart } = uniqueQuote(text, f.start, f.end);
    const g = guessQuantity(text, f, dates, vocab);
    const missing: string[] = (["subject", "metric", "window", "as_of"] as const).filter((k2) => g[k2] === "");
    if (f.unit === "") missing.unshift("unit");
    const row: CandidateRow = {
      id: `${options.id}-${String(k + 1).padStart(3, "0")}`, article: options.id, section: sectionAt(sections, quoteStart), quote,
      subject: g.subject, metric: g.metric, window: g.window, low: numberField(f.low), high: numberField(f.high), unit: f.unit,
      qualifier: f.qualifier, as_of: g.as_of, raw: f.raw, hedge: f.hedge, note: noteOf(f, missing),
    };
    return { row, start: f.start, end: f.end, garbled: f.garbled };
  });
  const reasons: ReasonSpan[] = skipped.map((k) => {
    // a number in a date or in chrome stands for the whole date or chrome span
    const span = [...dates.filter((d) => d.numeric), ...chrome].filter((d) => d.start <= k.mention.start && k.mention.end <= d.end).sort((a, b) => b.end - b.start - (a.end - a.start))[0];
    return { start: span?.start ?? k.mention.start, end: span?.end ?? k.mention.end, reason: k.reason };
  });
  return { candidates, exclusions: exclusionRows(text, options.id, candidates, reasons), sections, published };
}

/** A span of the text that is not a figure, and why. */
export interface ReasonSpan {
  start: number;
  end: number;
  reason: string;
}

/**
 * An exclusion row for every number of the text that no candidate quote covers, with the reasons
 * it is not a figure; the context covers the whole date or chrome the number belongs to (up to
 * 300 characters), and numbers that share a context share a row.
 * @example exclusionRows("On December 5, 2025, seven", "a", [], [{ start: 3, end: 19, reason: "part of a date" }]) // => [{ article: "a", context: "On December 5, 2025", reason: "part of a date" }]
 */
export function exclusionRows(text: string, articleId: string, candidates: readonly Candidate[], reasons: readonly ReasonSpan[]): ExclusionRow[] {
  const covered: [number, number][] = candidates.map((c) => {
    const at = text.indexOf(c.row.quote);
    return [at, at + c.row.quote.length];
  });
  const rows: ExclusionRow[] = [];
  const spans: [number, number][] = [];
  const inside = (t: { start: number; end: number }, [s, e]: [number, number]) => s <= t.start && t.end <= e;
  for (const t of extractNumericTokens(text)) {
    if (covered.some((c) => inside(t, c)) || spans.some((c) => inside(t, c))) continue;
    const mine = reasons.filter((r) => r.start < t.end && t.start < r.end);
    const wide = mine.filter((r) => r.end - r.start <= 300);
    const start = Math.min(t.start, ...wide.map((r) => r.start));
    const end = Math.max(t.end, ...wide.map((r) => r.end));
    const { quote, start: at } = uniqueQuote(text, start, end, 3);
    spans.push([at, at + quote.length]);
    const inContext = reasons.filter((r) => r.start < at + quote.length && at < r.end && extractNumericTokens(text.slice(Math.max(r.start, at), Math.min(r.end, at + quote.length))).length > 0);
    const why = [...new Set((inContext.length > 0 ? inContext : mine).map((r) => r.reason))];
    rows.push({ article: articleId, context: quote, reason: why.join("; ") || "not read as a figure (check it)" });
  }
  return rows;
}

/**
 * CSV text of candidate rows under the columns of data/claims.csv.
 * @example candidatesCsv([]) // => "id,article,section,quote,subject,metric,window,low,high,unit,qualifier,as_of,raw,hedge,note\n"
 */
export function candidatesCsv(rows: readonly CandidateRow[]): string {
  return [CLAIM_COLUMNS.join(","), ...rows.map((r) => CLAIM_COLUMNS.map((c) => csvField(r[c])).join(","))].join("\n") + "\n";
}

/**
 * CSV text of exclusion rows under the columns of data/claims-excluded.csv.
 * @example exclusionsCsv([{ article: "a", context: "in 2025", reason: "a year" }]) // => "article,context,reason\na,in 2025,a year\n"
 */
export function exclusionsCsv(rows: readonly ExclusionRow[]): string {
  return [EXCLUSION_COLUMNS.join(","), ...rows.map((r) => EXCLUSION_COLUMNS.map((c) => csvField(r[c])).join(","))].join("\n") + "\n";
}
