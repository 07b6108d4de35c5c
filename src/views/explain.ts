/**
 * The sentences the notebooks show, built from the verdicts' ratings and explanations
 * (src/domain/explain.ts), so that no notebook cell assembles prose: a verdict in plain words,
 * counts of ratings, a section's summary, an article's tally. Every number in them is computed
 * from data/; article text is escaped with escapeMarkdown. Each returns Markdown, which shows
 * itself when it is a cell's last value.
 */
import { RATINGS, conflictRatingLabel, ratingLabel, type Rated, type Rating } from "../domain/ratings";
import { md, type Markdown } from "../render/display";
import { joinWords, plural, unstop } from "../render/format";
import { formatNumber } from "../render/html";
import { escapeMarkdown } from "../render/markdown";
import type { Claim } from "../data/types";
import { quoted } from "../domain/wording";
import { noteReadings } from "./readings";

/** How a count of each rating reads in a sentence: [one, many]. */
const RATING_COUNT_WORDS: Readonly<Record<Rating, string>> = {
  accurate: "accurate",
  accurate_rounded: "accurate once rounded",
  misleading: "misleading (another measure or date)",
  inaccurate: "inaccurate",
  unverifiable: "cannot be verified",
};

/**
 * How a count of each reconciliation rating reads in a sentence: its label in lower case
 * (conflictRatingLabel: "2 consistent once rounded").
 * @example conflictCountWord("unverifiable") // => "cannot be compared"
 */
export function conflictCountWord(rating: Rating): string {
  return conflictRatingLabel(rating).toLowerCase();
}

/**
 * Counts of ratings in words, best first, skipping zeros; `word` says how a rating reads (the
 * claim scale's words by default, conflictCountWord for reconciliations).
 * @example ratingCountWords(["accurate", "inaccurate", "accurate", "unverifiable"]) // => "2 accurate, 1 inaccurate and 1 cannot be verified"
 * @example ratingCountWords(["accurate", "unverifiable", "accurate_rounded"], conflictCountWord) // => "1 consistent, 1 consistent once rounded and 1 cannot be compared"
 * @example ratingCountWords([]) // => "none"
 */
export function ratingCountWords(ratings: readonly Rating[], word: (rating: Rating) => string = (r) => RATING_COUNT_WORDS[r]): string {
  const parts = RATINGS.map((r) => [r, ratings.filter((x) => x === r).length] as const)
    .filter(([, n]) => n > 0)
    .map(([r, n]) => `${formatNumber(n)} ${word(r)}`);
  return parts.length === 0 ? "none" : joinWords(parts);
}

/**
 * A rating and its explanation as one plain sentence or two (Markdown, explanation escaped):
 * "**Inaccurate.** The claimed … ."; `label` is the rating's words (the claim scale's by
 * default; a reconciliation's: conflictRatingLabel).
 * @example explainText({ rating: "accurate_rounded", explanation: "The figures agree once rounded." }) // => "**Accurate, rounded.** The figures agree once rounded."
 * @example explainText({ rating: "accurate_rounded", explanation: "The figures agree once rounded." }, "Consistent once rounded") // => "**Consistent once rounded.** The figures agree once rounded."
 */
export function explainText(v: Pick<Rated, "rating" | "explanation">, label: string = ratingLabel(v.rating)): string {
  const text = unstop(escapeMarkdown(v.explanation.trim()));
  const sentence = text === "" ? "" : ` ${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  return `**${label}.**${sentence}`;
}

/**
 * A verdict (a check, a reconciliation, an independent result, a row of the figures table) in
 * plain words, as Markdown that shows itself. A reconciliation (anything with `members`, or a
 * row of the conflicts table with its `agreement`) is labelled in words of agreement
 * (conflictRatingLabel), anything else on the claim scale.
 * @example explain({ rating: "inaccurate", explanation: "the gap is 5 pct" }).text // => "**Inaccurate.** The gap is 5 pct."
 * @example explain({ rating: "inaccurate", explanation: "they are 5 pct apart", members: [] }).text // => "**Contradictory.** They are 5 pct apart."
 */
export function explain(v: Pick<Rated, "rating" | "explanation"> & { members?: unknown; agreement?: string }): Markdown {
  const reconciliation = v.members !== undefined || v.agreement !== undefined;
  return md(explainText(v, reconciliation ? conflictRatingLabel(v.rating) : ratingLabel(v.rating)));
}

/** The parts of a section (or article) that a summary reads. */
export interface SummaryInput {
  claims: readonly Pick<Claim, "id" | "quote" | "raw" | "qualifier" | "note">[];
  /** The independent verdict of each claim (by claim id). */
  independent: ReadonlyMap<string, Pick<Rated, "rating" | "explanation">>;
  /** The recomputation checks that read the claims (with every claim each reads, and what each checks in words). */
  checks: readonly (Pick<Rated, "rating" | "explanation"> & { id: string; claims: readonly string[]; statement?: string })[];
}

/**
 * A recomputation as a reader names it: its statement (escaped), else "A recomputation".
 * @example checkName({ statement: "Gate: $91B to $185B vs 'doubling'" }) // => "Gate: \\$91B to \\$185B vs &#39;doubling&#39;"
 */
export function checkName(v: { statement?: string }): string {
  return v.statement ? escapeMarkdown(v.statement) : "A recomputation";
}

/** One flagged item: `label` (escaped by the caller) and its verdict. */
function flagged(label: string, v: Pick<Rated, "rating" | "explanation">): string {
  return `${label}: ${explainText(v)}`;
}

/**
 * A section's summary in two to four sentences, from the verdicts: how many figures; how they
 * fare against independent reporting (rating counts, and each inaccurate or misleading figure
 * with its explanation); how the recomputations that read them fare (counts, and each inaccurate
 * one explained); garbled figures with their readings. A figure is named by what it prints
 * (“20%”), a recomputation by its statement: no ids.
 * @example summaryText({ claims: [], independent: new Map(), checks: [] }) // => "This section prints no figure that the ledger tracks."
 */
export function summaryText(s: SummaryInput, noun = "section"): string {
  const out: string[] = [];
  if (s.claims.length === 0) return `This ${noun} prints no figure that the ledger tracks.`;
  const quotes = new Set(s.claims.map((c) => c.quote)).size;
  out.push(`This ${noun} prints ${plural(s.claims.length, "figure")} in ${plural(quotes, "quoted passage")}.`);
  const ratings = s.claims.map((c) => s.independent.get(c.id)?.rating ?? "unverifiable");
  out.push(`Against independent reporting: ${ratingCountWords(ratings)}.`);
  const bad = s.claims.filter((c) => ["inaccurate", "misleading"].includes(s.independent.get(c.id)?.rating ?? ""));
  for (const c of bad) out.push(flagged(quoted(escapeMarkdown(c.raw)), s.independent.get(c.id)!));
  if (s.checks.length > 0) {
    out.push(`${plural(s.checks.length, "recomputation")} ${s.checks.length === 1 ? "reads" : "read"} ${s.claims.length === 1 ? "it" : "them"}: ${ratingCountWords(s.checks.map((v) => v.rating))}.`);
    for (const v of s.checks.filter((x) => x.rating === "inaccurate" || x.rating === "misleading")) out.push(flagged(checkName(v), v));
  }
  // a figure with two readings: garbled, or a note that says it is ambiguous (not a note that only says what a word means)
  const garbled = s.claims.filter((c) => c.qualifier === "garbled" || (noteReadings(c).length > 1 && /garbl|ambigu|could also/i.test(c.note)));
  for (const c of garbled) {
    const readings = noteReadings(c).map((r) => `${escapeMarkdown(r.label)}: “${escapeMarkdown(r.text)}”`);
    if (readings.length > 0) out.push(`${quoted(escapeMarkdown(c.raw))} is garbled as printed — ${readings.join("; ")}.`);
  }
  return out.join(" ");
}
