/**
 * How well the extractor does on an article the ledger already covers, with the article's own
 * ledger rows set aside (the extractor never reads the ledger; they are only the answer key):
 *
 * - **recall**: the share of the article's ledger claims that some candidate finds — at the
 *   same place (the candidate's figure as printed overlaps the claim's `raw` where the claim's
 *   quote puts it in the text) and with the same value (the same low and high, empty where the
 *   ledger's is empty, after converting between units of one dimension such as USD_bn and
 *   USD_tn);
 * - **precision**: the share of candidates that are real figures — a candidate is real when its
 *   figure overlaps a ledger claim's `raw`, or its printed digits lie in an exclusion context of
 *   data/claims-excluded.csv whose reason is a date, a year or a period (numbers that are real
 *   but deliberately not claimed); page chrome (bylines, view counts, phone numbers, a repeated
 *   teaser) and names do not count, nor does a word figure that merely sits in an exclusion
 *   context ("half" of "the second half of 2025").
 */
import type { IndependentRow } from "../data/independent-file";
import { conversionFactor } from "../domain/units";
import type { Ledger } from "../data/ledger";
import type { Claim, Exclusion, Term } from "../data/types";
import { extractCandidates, type Candidate } from "./candidates";
import type { Engine } from "./recognise";

/** Exclusion reasons that mark page chrome or a name rather than a real number. */
export const NOT_A_FIGURE_REASON = /byline|view count|phone|timestamp|teaser|page summary|footer|chrome|organisation name|contact/i;

/** The offsets of a claim's `raw` in the article text (where its quote puts it), or null. */
export function claimSpan(text: string, claim: Pick<Claim, "quote" | "raw">): [number, number] | null {
  const q = text.indexOf(claim.quote);
  const r = claim.quote.indexOf(claim.raw);
  if (q === -1 || r === -1) return null;
  return [q + r, q + r + claim.raw.length];
}

const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * True when a candidate's bounds equal a claim's: same empty ends, same numbers once converted
 * into the claim's unit (units of one dimension only).
 * @example sameValue({ low: "-1000", high: "-1000", unit: "USD_bn" }, { low: -1, high: -1, unit: "USD_tn" }) // => true
 * @example sameValue({ low: "", high: "-8", unit: "pct" }, { low: -8, high: -8, unit: "pct" }) // => false
 */
export function sameValue(row: { low: string; high: string; unit: string }, claim: Pick<Claim, "low" | "high" | "unit">): boolean {
  if ((row.low === "") !== (claim.low === null) || (row.high === "") !== (claim.high === null)) return false;
  let k: number;
  try {
    k = conversionFactor(row.unit, claim.unit);
  } catch {
    return false;
  }
  const same = (printed: string, stored: number | null) => printed === "" || (stored !== null && near(Number(printed) * k, stored));
  return same(row.low, claim.low) && same(row.high, claim.high);
}

/** One article's measure. */
export interface ArticleMeasure {
  article: string;
  claims: number;
  /** Ledger claims some candidate finds (same place, same value). */
  found: number;
  candidates: number;
  /** Candidates that are real figures. */
  real: number;
  recall: number;
  precision: number;
  /** Ids of the ledger claims no candidate finds. */
  missed: string[];
  /** Figures as printed of the candidates that are not real figures. */
  notReal: string[];
}

/** The recall and precision of `candidates` against an article's ledger claims and exclusions (see the module comment). */
export function measureArticle(
  article: { id: string; text: string },
  candidates: readonly Candidate[],
  claims: readonly Claim[],
  exclusions: readonly Exclusion[],
): ArticleMeasure {
  const mine = claims.filter((c) => c.article === article.id);
  const spans = mine.map((c) => ({ c, span: claimSpan(article.text, c) }));
  const overlaps = (s: [number, number] | null, c: Candidate) => s !== null && c.start < s[1] && s[0] < c.end;
  const foundIds = spans.filter(({ c, span }) => candidates.some((x) => overlaps(span, x) && sameValue(x.row, c))).map(({ c }) => c.id);
  const realContexts = exclusions
    .filter((e) => e.article === article.id && !NOT_A_FIGURE_REASON.test(e.reason))
    .map((e) => {
      const at = article.text.indexOf(e.context);
      return [at, at + e.context.length] as [number, number];
    });
  const hasDigits = (x: Candidate) => /\d/.test(article.text.slice(x.start, x.end));
  const isReal = (x: Candidate) => spans.some(({ span }) => overlaps(span, x)) || (hasDigits(x) && realContexts.some(([s, e]) => s <= x.start && x.end <= e));
  const real = candidates.filter(isReal);
  return {
    article: article.id,
    claims: mine.length,
    found: foundIds.length,
    candidates: candidates.length,
    real: real.length,
    recall: mine.length === 0 ? 1 : foundIds.length / mine.length,
    precision: candidates.length === 0 ? 1 : real.length / candidates.length,
    missed: mine.filter((c) => !foundIds.includes(c.id)).map((c) => c.id),
    notReal: candidates.filter((x) => !isReal(x)).map((x) => x.row.raw),
  };
}

/**
 * The measure of every article of the ledger under `dataDir`, each extracted on its own text
 * with its publication date (its ledger rows are only the answer key).
 */
export function measureLedger(ledger: Pick<Ledger, "articles" | "claims" | "exclusions" | "vocabulary">, engine: Engine = "recognizers"): ArticleMeasure[] {
  return ledger.articles.map((a) => {
    const ex = extractCandidates(a.text, { id: a.id, published: a.published, engine, vocabulary: ledger.vocabulary });
    return measureArticle(a, ex.candidates, ledger.claims, ledger.exclusions);
  });
}

/**
 * A second check, on other writers' text: for each figure of data/independent.csv, whether the
 * extractor run on its quote alone proposes the same value (same bounds, same unit dimension).
 * No span is compared (the quotes are excerpts with no `raw`). README says how far it is held out.
 */
export function measureQuotes(rows: readonly Pick<IndependentRow, "quote" | "published" | "low" | "high" | "unit">[], vocabulary: readonly Term[], engine: Engine = "recognizers"): { matched: number; total: number } {
  let matched = 0;
  for (const r of rows) {
    const ex = extractCandidates(r.quote, { id: "quote", published: r.published, engine, vocabulary });
    if (ex.candidates.some((c) => sameValue(c.row, r))) matched++;
  }
  return { matched, total: rows.length };
}
