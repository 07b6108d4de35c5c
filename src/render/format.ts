/**
 * Numbers, bounds, shares and lists in words, locale-free and deterministic, for tables and
 * sentences the notebooks show.
 */
import { formatNumber } from "./html";
import type { Bounds } from "../domain/checks";

/**
 * A number to `digits` significant digits, with thousands separators, locale-free; "−∞"/"∞" for
 * infinities.
 * @example formatSig(-52.38095, 4) // => "-52.38"
 * @example formatSig(126000.4) // => "126,000"
 */
export function formatSig(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return formatNumber(x);
  return formatNumber(Number(x.toPrecision(Math.max(digits, Math.ceil(Math.log10(Math.abs(x) + 1))))));
}

/**
 * JSON-safe bounds (null = unbounded end) in words: a point, `low to high`, `≥ low` or `≤ high`,
 * followed by the unit; "" for null.
 * @example formatBounds({ low: -52.381, high: -51.587, unit: "pct" }) // => "-52.38 to -51.59 pct"
 * @example formatBounds({ low: null, high: -50, unit: "pct" }) // => "≤ -50 pct"
 * @example formatBounds(null) // => ""
 */
export function formatBounds(b: Bounds | null | undefined, digits = 4): string {
  if (!b) return "";
  const f = (x: number) => formatSig(x, digits);
  const { low, high, unit } = b;
  const text =
    low === null && high === null ? "any value" : low === null ? `≤ ${f(high!)}` : high === null ? `≥ ${f(low)}` : low === high || f(low) === f(high) ? f(low) : `${f(low)} to ${f(high)}`;
  return `${text} ${unit}`;
}

/**
 * A list in words: "a", "a and b", "a, b and c".
 * @example joinWords(["a", "b", "c"]) // => "a, b and c"
 */
export function joinWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/**
 * `n` and the noun, plural when n ≠ 1 (an "s" or the given plural).
 * @example plural(1, "figure") // => "1 figure"
 * @example plural(3, "check") // => "3 checks"
 */
export function plural(n: number, noun: string, many = `${noun}s`): string {
  return `${formatNumber(n)} ${n === 1 ? noun : many}`;
}

/**
 * The share `n / total` as a whole percentage (0 when total is 0), rounded half up.
 * @example percentOf(3, 8) // => 38
 * @example percentOf(0, 0) // => 0
 */
export function percentOf(n: number, total: number): number {
  return total === 0 ? 0 : Math.round((100 * n) / total);
}

/**
 * A number to at most `digits` significant digits, as a plain number (no float noise).
 * @example roundSig(0.0034865, 2) // => 0.0035
 */
export function roundSig(x: number, digits = 3): number {
  return Number.isFinite(x) ? Number(x.toPrecision(digits)) : x;
}

/** Check outcomes in display order, as verbs for counts: [one, many]. */
const OUTCOME_WORDS: ReadonlyArray<readonly [string, string, string]> = [
  ["consistent", "holds", "hold"],
  ["consistent_within_rounding", "holds within rounding", "hold within rounding"],
  ["inconsistent", "fails", "fail"],
  ["scope_mismatch", "measures something else (scope)", "measure something else (scope)"],
  ["ambiguous", "is ambiguous", "are ambiguous"],
];

/** Independent verdicts in display order, as adjectives. */
const INDEPENDENT_WORDS: ReadonlyArray<readonly [string, string, string]> = [
  ["confirmed", "confirmed", "confirmed"],
  ["confirmed_within_rounding", "confirmed within rounding", "confirmed within rounding"],
  ["refined", "refined", "refined"],
  ["disputed", "disputed", "disputed"],
  ["unverified", "unverified", "unverified"],
];

/**
 * Counts of verdicts in words, in a fixed order, skipping zeros: "7 hold, 3 hold within rounding
 * and 1 fails" for check outcomes, "5 confirmed and 3 disputed" for independent verdicts.
 * @example verdictCountWords(["consistent", "inconsistent", "consistent"]) // => "2 hold and 1 fails"
 * @example verdictCountWords(["disputed", "refined"]) // => "1 refined and 1 disputed"
 */
export function verdictCountWords(verdicts: readonly string[]): string {
  const parts: string[] = [];
  for (const [v, one, many] of [...OUTCOME_WORDS, ...INDEPENDENT_WORDS]) {
    const n = verdicts.filter((x) => x === v).length;
    if (n > 0) parts.push(`${formatNumber(n)} ${n === 1 ? one : many}`);
  }
  return joinWords(parts);
}

/**
 * Text without its final full stop (explanations are joined into sentences).
 * @example unstop("It holds. ") // => "It holds"
 */
export function unstop(s: string): string {
  return s.replace(/[.\s]+$/, "");
}
