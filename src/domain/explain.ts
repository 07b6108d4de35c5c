/**
 * Plain-language ratings and explanations for every verdict (the scale is in src/domain/ratings.ts).
 * Attached once in `loadAnalysis`, so the JSON files, the notebooks and the pages all show the
 * same words.
 */
import type { CheckVerdict } from "./checks";
import type { IndependentResult } from "./independent";
import type { Conflict } from "./reconcile";
import type { Rated, Rating } from "./ratings";

const CHECK_RATING: Record<CheckVerdict["verdict"], Rating> = {
  consistent: "accurate",
  consistent_within_rounding: "accurate_rounded",
  inconsistent: "inaccurate",
  scope_mismatch: "misleading",
  ambiguous: "unverifiable",
};

const CONFLICT_RATING: Record<Conflict["verdict"], Rating> = {
  agree: "accurate",
  agree_within_rounding: "accurate_rounded",
  scope_mismatch: "misleading",
  timing_mismatch: "misleading",
  contradiction: "inaccurate",
};

const INDEPENDENT_RATING: Record<IndependentResult["verdict"], Rating> = {
  confirmed: "accurate",
  confirmed_within_rounding: "accurate_rounded",
  refined: "accurate_rounded",
  disputed: "inaccurate",
  unverified: "unverifiable",
};

/**
 * A recomputation check with its rating and explanation.
 * @example rateCheck({ verdict: "inconsistent", reason: "x" }).rating // => "inaccurate"
 */
export function rateCheck<T extends Pick<CheckVerdict, "verdict" | "reason">>(v: T): T & Rated {
  return { ...v, rating: CHECK_RATING[v.verdict], explanation: v.reason };
}

/**
 * A reconciliation group with its rating and explanation.
 * @example rateConflict({ verdict: "timing_mismatch", reason: "x" }).rating // => "misleading"
 */
export function rateConflict<T extends Pick<Conflict, "verdict" | "reason">>(c: T): T & Rated {
  return { ...c, rating: CONFLICT_RATING[c.verdict], explanation: c.reason };
}

/**
 * An independent verdict with its rating and explanation.
 * @example rateIndependent({ verdict: "refined", reason: "x" }).rating // => "accurate_rounded"
 */
export function rateIndependent<T extends Pick<IndependentResult, "verdict" | "reason">>(r: T): T & Rated {
  return { ...r, rating: INDEPENDENT_RATING[r.verdict], explanation: r.reason };
}
