/**
 * What every view shares: the analysis of data/, loaded once per process (a notebook kernel
 * loads it on first use and keeps it), and small helpers on its rows.
 */
import { loadAnalysis, type Analysis } from "../domain/analysis";
import { TIERS, type Tier } from "../data/independent-file";
import { type IndependentResult, type IndependentVerdict } from "../domain/independent";
import { sameDimension } from "../domain/units";
import { DATA_DIR } from "../data/paths";
import type { Term } from "../data/types";

const cache = new Map<string, Analysis>();

/**
 * The analysis of `dataDir` (default data/), loaded on the first call and kept: every view,
 * table and article context of a notebook reads this one copy.
 * @throws DataErrors listing every problem when a data file is bad.
 */
export function sharedAnalysis(dataDir: string = DATA_DIR): Analysis {
  let a = cache.get(dataDir);
  if (!a) {
    a = loadAnalysis(dataDir);
    cache.set(dataDir, a);
  }
  return a;
}

/** Articles in data/articles.csv order. */
export function articleOrder(analysis: Pick<Analysis, "ledger">): string[] {
  return analysis.ledger.articles.map((a) => a.id);
}

export function byArticleOrder(order: readonly string[]) {
  return (a: string, b: string) => order.indexOf(a) - order.indexOf(b);
}

/** The distinct values in order of first appearance. */
export function distinct<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

/**
 * True when amounts in the two units can be compared: the same unit, or units of one dimension
 * (a unit without a conversion rule, such as minutes, compares only with itself).
 * @example comparableUnits("USD_bn", "USD_tn") // => true
 * @example comparableUnits("minutes", "pct") // => false
 */
export function comparableUnits(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    return sameDimension(a, b);
  } catch {
    return false;
  }
}

/**
 * A unit in words, as an axis title: its meaning in data/vocabulary.csv without the aside in
 * brackets ("percent" for pct, "billions of US dollars" for USD_bn); an unknown unit as written,
 * underscores as spaces.
 * @example unitWords("USD_bn") // => "billions of US dollars"
 * @example unitWords("pct") // => "percent"
 * @example unitWords("kg_per_day", []) // => "kg per day"
 */
export function unitWords(unit: string, vocabulary: readonly Pick<Term, "field" | "term" | "meaning">[] = sharedAnalysis().ledger.vocabulary): string {
  const meaning = vocabulary.find((t) => t.field === "unit" && t.term === unit)?.meaning;
  return meaning ? meaning.replace(/\s*\([^)]*\)\s*$/, "") : unit.replace(/_/g, " ");
}

export const sourceTierRank = (t: Tier | "arithmetic"): number => (t === "arithmetic" ? TIERS.length : TIERS.length - 1 - TIERS.indexOf(t));

/** The independent verdict on a claim (unverified when the analysis has none). */
export function independentVerdictOf(independent: readonly IndependentResult[], claim: string): IndependentVerdict {
  return independent.find((r) => r.claim === claim)?.verdict ?? "unverified";
}
