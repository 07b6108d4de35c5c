/**
 * Ratings: the one scale on which every verdict of the project is shown to readers, the scale a
 * newspaper's fact-check desk uses. The machine verdicts (`consistent`, `agree_within_rounding`,
 * `disputed`, ...) stay in the JSON files; each also gets a `rating` from this scale and an
 * `explanation` in plain sentences (src/domain/explain.ts).
 *
 * | rating | label | meaning |
 * |---|---|---|
 * | accurate | Accurate | the figure agrees with its own arithmetic, the other reports and the record as printed |
 * | accurate_rounded | Accurate, rounded | it agrees once the rounding or hedge the writer used is allowed |
 * | misleading | Misleading: another measure or date | the figures are right for another quantity, window or day than the sentence suggests |
 * | inaccurate | Inaccurate | the record or the article's own arithmetic gives a materially different figure |
 * | unverifiable | Cannot be verified | no comparable record, or a garbled figure that has two readings |
 *
 * A reconciliation (src/domain/reconcile.ts) compares the articles' figures with each other, never
 * with the record, so the same machine ratings are shown to readers in words of agreement
 * (conflictRatingLabel): accurate → Consistent, accurate_rounded → Consistent once rounded,
 * unverifiable → Cannot be compared, inaccurate → Contradictory, misleading → Misleading.
 */

/** A rating on the reader's scale. */
export type Rating = "accurate" | "accurate_rounded" | "misleading" | "inaccurate" | "unverifiable";

/** Every rating, best first. */
export const RATINGS: readonly Rating[] = ["accurate", "accurate_rounded", "misleading", "inaccurate", "unverifiable"];

const LABELS: Readonly<Record<Rating, string>> = {
  accurate: "Accurate",
  accurate_rounded: "Accurate, rounded",
  misleading: "Misleading: another measure or date",
  inaccurate: "Inaccurate",
  unverifiable: "Cannot be verified",
};

/**
 * A rating as a reader sees it.
 * @example ratingLabel("accurate_rounded") // => "Accurate, rounded"
 * @example ratingLabel("unverifiable") // => "Cannot be verified"
 */
export function ratingLabel(rating: Rating): string {
  return LABELS[rating];
}

const CONFLICT_LABELS: Readonly<Record<Rating, string>> = {
  accurate: "Consistent",
  accurate_rounded: "Consistent once rounded",
  misleading: "Misleading",
  inaccurate: "Contradictory",
  unverifiable: "Cannot be compared",
};

/**
 * A reconciliation's rating as a reader sees it: whether the articles' figures agree with each
 * other, not whether they are right (the machine rating stays `accurate`, … in JSON, tables'
 * keys and colours). The one place these words live.
 * @example conflictRatingLabel("accurate") // => "Consistent"
 * @example conflictRatingLabel("accurate_rounded") // => "Consistent once rounded"
 * @example conflictRatingLabel("unverifiable") // => "Cannot be compared"
 * @example conflictRatingLabel("inaccurate") // => "Contradictory"
 */
export function conflictRatingLabel(rating: Rating): string {
  return CONFLICT_LABELS[rating];
}

/** A verdict with its reader-facing rating and explanation. */
export interface Rated {
  rating: Rating;
  /** One or two plain sentences: what the article says, what the record shows (source named), why the rating. */
  explanation: string;
}

/**
 * True for a value on the scale.
 * @example isRating("inaccurate") // => true
 * @example isRating("disputed") // => false
 */
export function isRating(x: string): x is Rating {
  return (RATINGS as readonly string[]).includes(x);
}
