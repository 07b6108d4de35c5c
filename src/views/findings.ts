/**
 * The overview's tables and list, built on the domain's scoreboard and ranking
 * (src/domain/findings.ts, the same as out/index.html): the scoreboard and the publishable
 * findings as DataFrames, and the findings as an editor would run them, as Markdown.
 *
 * Pure and deterministic; Markdown built here escapes article and source text with escapeMarkdown.
 */
import type * as Danfo from "danfojs-node";
import type { Analysis } from "../domain/analysis";
import { publishableFindings, scoreboardRows, type PublishableFinding } from "../domain/findings";
import { RATINGS, type Rating } from "../domain/ratings";
import { toDataFrame } from "../data/danfo";
import { md, type Markdown } from "../render/display";
import { roundSig } from "../render/format";
import { escapeMarkdown } from "../render/markdown";
import { explainText } from "./explain";
import { findingRatingLabel } from "../report/front-page";
import { sharedAnalysis } from "./shared";

/** The columns of scoreboard, in order. */
export const SCOREBOARD_COLUMNS: readonly string[] = ["article", "figures", ...RATINGS, "checks", "checks_failed"];

/**
 * The scoreboard as a DataFrame, one row per article (data/articles.csv order): `article` (its
 * short name), `figures`, then per rating how many of its figures got it against independent
 * reporting (`accurate` … `unverifiable`, adding up to `figures`), then `checks` (the
 * recomputations that read its figures) and `checks_failed` (those rated inaccurate or misleading).
 * @example scoreboard().columns.slice(0, 3) // => ["article", "figures", "accurate"]
 */
export function scoreboard(analysis: Analysis = sharedAnalysis()): Danfo.DataFrame {
  const short = new Map(analysis.ledger.articles.map((a) => [a.id, a.short_name]));
  const rows = scoreboardRows(analysis).map((r) => ({
    article: short.get(r.article) ?? r.article, figures: r.figures, ...r.ratings, checks: r.checks, checks_failed: r.checksFailed,
  }));
  return toDataFrame(rows, SCOREBOARD_COLUMNS);
}

/** One row of findings. */
export interface FindingRecord {
  /** 1 for the most consequential. */
  rank: number;
  rating: Rating;
  title: string;
  /** The short names of the articles concerned, comma-separated. */
  articles: string;
  /** The gap as a share of the figure, to three significant digits (capped at 1). */
  relative_gap: number;
  /** 1 in the body, 2 in the headline or lead, +0.5 when the article repeats the figure. */
  centrality: number;
  /** The ranking key: relative_gap × centrality, halved for hypothetical or misleading figures (three significant digits). */
  score: number;
}

/**
 * Finding records from publishable findings, in their order (see findings).
 * @example findingRecords([{ id: "check:x", rating: "inaccurate", title: "T", articles: ["a"], quote: "q", evidence: "e", caveat: "c", relativeGap: 0.66571, centrality: 1, score: 0.66571 }], { a: "A" }) // => [{ rank: 1, rating: "inaccurate", title: "T", articles: "A", relative_gap: 0.666, centrality: 1, score: 0.666 }]
 */
export function findingRecords(list: readonly PublishableFinding[], shortNames: Readonly<Record<string, string>> = {}): FindingRecord[] {
  return list.map((f, k) => ({
    rank: k + 1,
    rating: f.rating,
    title: f.title,
    articles: f.articles.map((a) => shortNames[a] ?? a).join(", "),
    relative_gap: roundSig(f.relativeGap, 3),
    centrality: f.centrality,
    score: roundSig(f.score, 3),
  }));
}

/** The columns of findings, in order. */
export const FINDING_COLUMNS: readonly (keyof FindingRecord)[] = ["rank", "rating", "score", "relative_gap", "centrality", "title", "articles"];

/**
 * Every finding an editor would publish (every figure, check or reconciliation rated inaccurate or
 * misleading: publishableFindings), ranked by materiality, as a DataFrame with the numbers behind
 * the rank (see FindingRecord).
 * @example findings().columns // => ["rank", "rating", "score", "relative_gap", "centrality", "title", "articles"]
 */
export function findings(analysis: Analysis = sharedAnalysis()): Danfo.DataFrame {
  const short = Object.fromEntries(analysis.ledger.articles.map((a) => [a.id, a.short_name]));
  return toDataFrame(findingRecords(publishableFindings(analysis), short), FINDING_COLUMNS);
}

/**
 * Findings as they would run in print, a numbered list in Markdown: each the headline in bold,
 * the article's sentence as a quote, the rating with the evidence (its named sources), and the
 * caveat. Every piece is escaped; "No figure was rated inaccurate or misleading." for none.
 * @example findingsMarkdown([{ id: "i", rating: "inaccurate", title: "A on $7B", articles: ["a"], quote: "fell *7*", evidence: "Source B reports $3.79B.", caveat: "One source.", relativeGap: 0.5, centrality: 1, score: 0.5 }]) // => "1. **A on \\$7B**\n\n   > fell \\*7\\*\n\n   **Inaccurate.** Source B reports \\$3.79B.\n\n   *Caveat:* One source."
 */
export function findingsMarkdown(list: readonly PublishableFinding[]): string {
  if (list.length === 0) return "No figure was rated inaccurate or misleading.";
  return list
    .map(
      (f, k) =>
        `${k + 1}. **${escapeMarkdown(f.title)}**\n\n   > ${escapeMarkdown(f.quote)}\n\n   ` +
        `${explainText({ rating: f.rating, explanation: f.evidence }, findingRatingLabel(f))}\n\n   *Caveat:* ${escapeMarkdown(f.caveat)}`,
    )
    .join("\n\n");
}

/**
 * The publishable findings, most consequential first (the first `top` of them when given), as
 * Markdown that shows itself (see findingsMarkdown): the list out/index.html prints.
 * @example findingsList(sharedAnalysis(), 1).text.startsWith("1. **") // => true
 */
export function findingsList(analysis: Analysis = sharedAnalysis(), top?: number): Markdown {
  const all = publishableFindings(analysis);
  return md(findingsMarkdown(top === undefined ? all : all.slice(0, top)));
}
