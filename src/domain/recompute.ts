/**
 * Recomputations: one small pure function per kind of derived figure (a percent change from two
 * levels, a base implied by a level and a change, an exchange rate implied by two amounts, the
 * price move that wipes out a leveraged position, ...), and `judgeClaim`, which compares what an
 * article claims with what the other figures imply.
 *
 * Every function takes intervals (src/domain/intervals.ts) or plain numbers (read as point intervals)
 * and returns an interval, so that rounding, hedges and open bounds ("more than 10%") carry
 * through the arithmetic. A result is `undefined` only when it does not exist at all (division
 * by exactly zero); a divisor that straddles zero gives an unbounded interval.
 */
import { add, distance, div, formatInterval, hull, interval, intersect, mul, overlaps, pctChange, point, reciprocal, sub, toInterval, widen } from "./intervals";
import { asOfSpan } from "../data/dates";
import type { Interval } from "../data/types";

/** An amount: an interval, or a plain number read as a point interval. */
export type Amount = Interval | number;

/**
 * Percent change from `from` to `to`, in pct: 100 × (to / from − 1).
 * @param from the starting level (any unit)
 * @param to the ending level (same unit as `from`)
 * @returns pct; undefined when `from` is exactly 0
 * @example percentChange(91, 182) // => { low: 100, high: 100 }
 */
export function percentChange(from: Amount, to: Amount): Interval | undefined {
  return pctChange(from, to);
}

/**
 * The fall from a peak to a later level, in pct (negative for a fall): 100 × (level / peak − 1).
 * @param peak the prior high (e.g. USD)
 * @param level the later level (same unit)
 * @example drawdownFromPeak(126000, 63000) // => { low: -50, high: -50 }
 */
export function drawdownFromPeak(peak: Amount, level: Amount): Interval | undefined {
  return pctChange(peak, level);
}

/**
 * The rise from a low to a later level, in pct: 100 × (level / low − 1).
 * @param low the trough (e.g. USD)
 * @param level the later level (same unit)
 * @example reboundFromLow(60000, 69000) // => { low: 15, high: 15 }
 */
export function reboundFromLow(low: Amount, level: Amount): Interval | undefined {
  return pctChange(low, level);
}

/**
 * The base a level was reached from, given the level and the percent change that led to it:
 * value / (1 + change / 100). "Spending will reach $175–185B, doubling from $X" -> X = 87.5–92.5.
 * @param value the level after the change (any unit)
 * @param change the change in pct (+100 = doubling, −27 = a 27% fall)
 * @returns the base, in the unit of `value`; undefined for a change of exactly −100%
 * @example impliedBase({ low: 175, high: 185 }, 100) // => { low: 87.5, high: 92.5 }
 */
export function impliedBase(value: Amount, change: Amount): Interval | undefined {
  return div(value, add(1, div(change, 100)!));
}

/**
 * The base a change amount is a percentage of: amount / (change / 100). "Market value fell
 * $357B, 10%" -> a base of $3,570B.
 * @param amount the change in value (losses negative; any unit)
 * @param change the same change in pct (falls negative)
 * @returns the base, in the unit of `amount`; undefined for a change of exactly 0%
 * @example baseFromChange(-357, -10) // => { low: 3570, high: 3570 }
 */
export function baseFromChange(amount: Amount, change: Amount): Interval | undefined {
  return div(amount, div(change, 100)!);
}

/**
 * The exchange rate implied by one sum stated in two currencies: units of A per unit of B.
 * Both amounts must be at the same scale (both in billions, or both in base units).
 * @param amountA the sum in currency A (e.g. CNY bn)
 * @param amountB the same sum in currency B (e.g. USD bn)
 * @example impliedFxRate(17.3, 2.5) // => { low: 6.92, high: 6.92 }
 */
export function impliedFxRate(amountA: Amount, amountB: Amount): Interval | undefined {
  return div(amountA, amountB);
}

/**
 * The adverse price move, in pct (negative: a fall for a long position), that wipes out a
 * position's margin at `leverage` times: −100 × (1 / leverage − maintenanceMargin). With a
 * maintenance margin the position is liquidated before the whole margin is gone, so the move is
 * smaller.
 * @param leverage position size / margin (x), > 0
 * @param maintenanceMargin the fraction of the position the exchange keeps as a floor (0.005 = 0.5%)
 * @throws RangeError `invalid leverage: …` unless leverage > 0; `invalid maintenance margin: …`
 *   unless 0 ≤ margin < 1 / leverage.
 * @example leverageWipeoutMove(10) // => { low: -10, high: -10 }
 * @example leverageWipeoutMove({ low: 20, high: 50 }) // => { low: -5, high: -2 }
 * @example leverageWipeoutMove(10, 0.005) // => { low: -9.5, high: -9.5 }
 */
export function leverageWipeoutMove(leverage: Amount, maintenanceMargin = 0): Interval {
  const L = toInterval(leverage);
  if (!(L.low > 0 || (L.low === 0 && L.lowOpen))) throw new RangeError(`invalid leverage: ${formatInterval(L)} (must be > 0)`);
  if (!(maintenanceMargin >= 0 && maintenanceMargin * L.high < 1)) throw new RangeError(`invalid maintenance margin: ${maintenanceMargin} (must be ≥ 0 and below 1 / leverage)`);
  return mul(sub(reciprocal(L)!, maintenanceMargin), -100);
}

/**
 * The sum of several amounts (same unit).
 * @throws RangeError `sumOf requires at least one amount`.
 * @example sumOf([7, 2, { low: 3, high: Infinity, lowOpen: true, highOpen: true }]) // => { low: 12, high: Infinity, lowOpen: true, highOpen: true }
 */
export function sumOf(parts: readonly Amount[]): Interval {
  if (parts.length === 0) throw new RangeError("sumOf requires at least one amount");
  return parts.slice(1).reduce<Interval>((acc, p) => add(acc, p), toInterval(parts[0]));
}

/**
 * a − b (same unit). "Bought 46,000 last year, sold 10,600 this year" -> a 56,600 coin gap.
 * @example differenceOf(46000, -10600) // => { low: 56600, high: 56600 }
 */
export function differenceOf(a: Amount, b: Amount): Interval {
  return sub(a, b);
}

/**
 * a / b; undefined when b is exactly 0.
 * @example ratioOf(10000, 1000) // => { low: 10, high: 10 }
 */
export function ratioOf(a: Amount, b: Amount): Interval | undefined {
  return div(a, b);
}

/**
 * a × b. "US$1,000 at 10x" -> a US$10,000 position.
 * @example productOf(1000, 10) // => { low: 10000, high: 10000 }
 */
export function productOf(a: Amount, b: Amount): Interval {
  return mul(a, b);
}

/**
 * Successive percent changes compounded, in pct: 100 × (∏(1 + cᵢ/100) − 1). A fall cannot
 * exceed 100%, so each factor is clipped at 0 ("fell more than 10%" = (−100, −10)).
 * @throws RangeError `a change below −100% is impossible` for a change entirely below −100%.
 * @example compoundChange([-10, -20]) // => { low: -28, high: -28 }
 */
export function compoundChange(changes: readonly Amount[]): Interval {
  if (changes.length === 0) throw new RangeError("compoundChange requires at least one change");
  let factor: Interval = point(1);
  for (const c of changes) {
    const f = intersect(add(1, div(c, 100)!), interval(0, Infinity, false, true));
    if (!f) throw new RangeError(`a change below −100% is impossible: ${formatInterval(toInterval(c))}`);
    factor = mul(factor, f);
  }
  return mul(sub(factor, 1), 100);
}

/**
 * The sum of scenario probabilities, in pct (mutually exclusive, exhaustive scenarios sum to 100).
 * @example probabilitiesSum([{ low: 60, high: 70 }, { low: 30, high: 40 }]) // => { low: 90, high: 110 }
 */
export function probabilitiesSum(probabilities: readonly Amount[]): Interval {
  return sumOf(probabilities);
}

// ---------------------------------------------------------------------------------------------
// Verdict

/** How a claimed figure compares with what the other figures imply. */
export type CheckOutcome = "consistent" | "consistent_within_rounding" | "inconsistent" | "scope_mismatch" | "ambiguous";

/** Every check outcome, best first. */
export const CHECK_OUTCOMES: readonly CheckOutcome[] = ["consistent", "consistent_within_rounding", "inconsistent", "scope_mismatch", "ambiguous"];

/** A verdict with its reason in words and the size of the gap (in the result's unit). */
export interface Judgement {
  verdict: CheckOutcome;
  reason: string;
  /**
   * consistent: 0; consistent_within_rounding: the distance from the claimed interval to the
   * result computed from the figures as printed; inconsistent / scope_mismatch: the distance that
   * remains with every rounding and hedge allowed; ambiguous: null.
   */
  gap: number | null;
}

/** What `judgeClaim` compares. */
export interface JudgeInput {
  /** The claimed interval (its own rounding and hedge included); undefined when nothing is claimed. */
  claimed: Interval | undefined;
  /** The result computed from the inputs' printed meaning (no rounding slack); undefined when it does not exist. */
  computedNominal: Interval | undefined;
  /** The result computed with every input widened by its rounding and hedge. */
  computedEffective: Interval | undefined;
  /** The unit of all three, for the reason. */
  unit: string;
  /** Ids of garbled claims used (any makes the verdict ambiguous). */
  garbled?: readonly string[];
  /** Ways in which the claimed figure measures something other than the computation, in words. */
  scopeIssues?: readonly string[];
  /** What the target is called in the reason: "claimed" (default) or "reference". */
  targetLabel?: string;
}

function fmt(iv: Interval, unit: string): string {
  return `${formatInterval(iv)} ${unit}`;
}

function fmtGap(x: number): string {
  return String(Number(x.toPrecision(4)));
}

/** A gap without float noise (10 significant digits). */
function cleanGap(x: number): number {
  return Number(x.toPrecision(10));
}

/** Float tolerance for a comparison: 1e-9 of the largest finite magnitude involved. */
function tolerance(...ivs: Interval[]): number {
  const m = Math.max(1, ...ivs.flatMap((iv) => [iv.low, iv.high]).filter(Number.isFinite).map(Math.abs));
  return 1e-9 * m;
}

/**
 * Compares a claimed interval with the computed one:
 * - ambiguous: a garbled figure is involved, nothing is claimed, or the computation is undefined
 *   or unbounded on both sides;
 * - scope_mismatch: the claim measures something else than the computation (`scopeIssues`),
 *   whatever the numbers (scope before numbers);
 * - consistent: the result from the figures as printed lies in the claimed interval;
 * - consistent_within_rounding: only the result with the inputs' rounding and hedges allowed does;
 * - inconsistent: they do not overlap even allowing for rounding and hedges.
 * @example judgeClaim({ claimed: { low: -52.5, high: -51.5, lowOpen: true }, computedNominal: { low: -52, high: -52 }, computedEffective: { low: -53, high: -51 }, unit: "pct" }).verdict // => "consistent"
 * @example judgeClaim({ claimed: { low: 55999.5, high: 56000.5, highOpen: true }, computedNominal: { low: 56600, high: Infinity, lowOpen: true, highOpen: true }, computedEffective: { low: 56599.5, high: Infinity, lowOpen: true, highOpen: true }, unit: "coins" }).gap // => 599
 */
export function judgeClaim(input: JudgeInput): Judgement {
  const { claimed, computedNominal: nominal, computedEffective: effective, unit } = input;
  const label = input.targetLabel ?? "claimed";
  if (input.garbled && input.garbled.length > 0) {
    return { verdict: "ambiguous", reason: `uses the garbled figure ${input.garbled.join(", ")}, whose reading is uncertain`, gap: null };
  }
  if (!nominal || !effective) return { verdict: "ambiguous", reason: "the computation has no value (division by exactly zero)", gap: null };
  if (!claimed) return { verdict: "ambiguous", reason: `nothing to compare with; the figures give ${fmt(nominal, unit)}`, gap: null };
  if (effective.low === -Infinity && effective.high === Infinity) {
    return { verdict: "ambiguous", reason: "the computation is unbounded both ways (a divisor straddles zero, or the inputs are open-ended), so it cannot test the claim", gap: null };
  }
  const eps = tolerance(claimed, nominal, effective);
  if (input.scopeIssues && input.scopeIssues.length > 0) {
    // scope before numbers: figures that measure different things are not tested against each other
    const gap = cleanGap(distance(claimed, effective));
    const numbers = gap === 0 ? "the numbers happen to overlap" : `they are ${fmtGap(gap)} ${unit} apart`;
    return { verdict: "scope_mismatch", reason: `the ${label} ${fmt(claimed, unit)} and the computed ${fmt(effective, unit)} measure different things (${input.scopeIssues.join("; ")}); ${numbers}`, gap };
  }
  const common = intersect(claimed, widen(nominal, eps));
  if (common) {
    const inside = common.low <= nominal.low && common.high >= nominal.high;
    return { verdict: "consistent", reason: `the figures as printed give ${fmt(nominal, unit)}, ${inside ? "inside" : "overlapping"} the ${label} ${fmt(claimed, unit)}`, gap: 0 };
  }
  if (overlaps(claimed, widen(effective, eps))) {
    const gap = cleanGap(distance(claimed, nominal));
    return {
      verdict: "consistent_within_rounding",
      reason: `the figures as printed give ${fmt(nominal, unit)}, ${fmtGap(gap)} ${unit} outside the ${label} ${fmt(claimed, unit)}; allowing for their rounding and hedges they give ${fmt(effective, unit)}, which overlaps it`,
      gap,
    };
  }
  const gap = cleanGap(distance(claimed, effective));
  return {
    verdict: "inconsistent",
    reason: `the ${label} ${fmt(claimed, unit)} is ${fmtGap(gap)} ${unit} from the computed ${fmt(effective, unit)}, even allowing for every rounding and hedge (as printed: ${fmt(nominal, unit)})`,
    gap,
  };
}

// ---------------------------------------------------------------------------------------------
// Checks a fact-checker makes (issue 12): the rest of a change, ranks within a list, spans of
// time, how long a record lasted, the weekday of a date, a dated series between two readings

/**
 * The change over the rest of a window, in pct, given the change over the whole window and the
 * changes over its other parts: 100 × ((1 + W/100) / ∏(1 + pᵢ/100) − 1). "Down 4–6% for the
 * week, with a Friday rebound of 2.2%" -> Monday to Thursday fell 6.1–8.0%. Like
 * `compoundChange`, each factor is clipped at 0 (a fall cannot exceed 100%).
 * @param whole the change over the whole window (pct)
 * @param parts the changes over the other parts of the window (pct)
 * @returns pct; undefined when a part is exactly −100% (nothing is left to change)
 * @throws RangeError `a change below −100% is impossible` for a change entirely below −100%.
 * @example remainingChange(-28, [-20]) // => { low: -10, high: -10 }
 * @example remainingChange({ low: -6, high: -4 }, [2.2]).high // => -6.06653620352251
 */
export function remainingChange(whole: Amount, parts: readonly Amount[]): Interval | undefined {
  const factor = (c: Amount): Interval => {
    const f = intersect(add(1, div(c, 100)!), interval(0, Infinity, false, true));
    if (!f) throw new RangeError(`a change below −100% is impossible: ${formatInterval(toInterval(c))}`);
    return f;
  };
  let rest: Interval | undefined = factor(whole);
  for (const p of parts) rest = rest && div(rest, factor(p));
  return rest && mul(sub(rest, 1), 100);
}

/** Which end of a list is "first": the lowest value (the worst fall) or the highest (the record high). */
export type RankOrder = "lowest" | "highest";

/** True when every value of `a` lies beyond every value of `b` in the direction of `order`. */
function surelyBeyond(a: Interval, b: Interval, order: RankOrder): boolean {
  return order === "lowest" ? a.high < b.low || (a.high === b.low && !!(a.highOpen || b.lowOpen)) : a.low > b.high || (a.low === b.high && !!(a.lowOpen || b.highOpen));
}

/** True when some value of `a` lies beyond some value of `b` in the direction of `order`. */
function maybeBeyond(a: Interval, b: Interval, order: RankOrder): boolean {
  return order === "lowest" ? a.low < b.high : a.high > b.low;
}

/**
 * Where a figure ranks among others (1 = the lowest, or the highest), as the interval of ranks
 * its value allows: 1 + the number of others surely beyond it, to 1 + the number possibly beyond
 * it. "The −1.6% session, one of the worst in months" beside three sessions of −1.8% to −2.5% is
 * at best the 4th worst. Ties count for the figure (a tie does not push it down).
 * @param x the figure whose rank is claimed
 * @param others the figures it is ranked against (same unit)
 * @param order "lowest" (worst fall, lowest level) or "highest" (record high, biggest rise)
 * @example rankAmong(-1.6, [{ low: -2.5, high: -1.8 }, { low: -2.5, high: -1.8 }, { low: -2.5, high: -1.8 }], "lowest") // => { low: 4, high: 4 }
 * @example rankAmong(-5, [{ low: -Infinity, high: -1, lowOpen: true, highOpen: true }], "lowest") // => { low: 1, high: 2 }
 */
export function rankAmong(x: Amount, others: readonly Amount[], order: RankOrder): Interval {
  const v = toInterval(x);
  const os = others.map(toInterval);
  const surely = os.filter((o) => surelyBeyond(o, v, order)).length;
  const maybe = os.filter((o) => maybeBeyond(o, v, order)).length;
  return interval(1 + surely, 1 + maybe);
}

/** Calendar months since year 0 of a YYYY-MM-DD day (January 2026 -> 24312). */
function monthIndex(day: string): number {
  return Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
}

/**
 * The number of calendar months from one as_of (a date, month, year or range a/b) to another:
 * from the last month `from` can mean to the first `to` can mean, up to from the first to the
 * last. "16-month low ... since late 2024" on 6 Feb 2026: October–December 2024 -> 14 to 16 months.
 * @param from the earlier as_of, e.g. "2024-10" or "2024-10/2024-12"
 * @param to the later as_of, e.g. "2026-02-06"
 * @returns months (negative when `to` is before `from`)
 * @throws RangeError `invalid as_of: …`.
 * @example monthsBetween("2024-10", "2026-02-06") // => { low: 16, high: 16 }
 * @example monthsBetween("2024-10/2024-12", "2026-02-06") // => { low: 14, high: 16 }
 * @example monthsBetween("2009", "2026-01") // => { low: 193, high: 204 }
 */
export function monthsBetween(from: string, to: string): Interval {
  const a = asOfSpan(from);
  const b = asOfSpan(to);
  const lo = monthIndex(b.start) - monthIndex(a.end);
  const hi = monthIndex(b.end) - monthIndex(a.start);
  return interval(Math.min(lo, hi), Math.max(lo, hi));
}

/** A figure with the date it refers to (an as_of: date, month, year or range a/b). */
export interface Dated {
  value: Amount;
  asOf: string;
}

/**
 * How long a record can have lasted, in months: a level called "the highest in 17 years" (or "a
 * 16-month low") is beaten by any earlier figure of the same series that is surely higher (or
 * lower), so the record runs back at most to the latest such figure. Months between the figures
 * given are unknown and could beat it too, so the span starts just above 0. With no earlier
 * figure surely beyond it, the span is unbounded above. Figures dated in or after the record's
 * first month are ignored.
 * @param record the level called a record, with its date
 * @param earlier figures of the same series, with their dates
 * @param order "highest" for a peak or high, "lowest" for a low
 * @example recordSpan({ value: 108435, asOf: "2026-01" }, [{ value: 153074, asOf: "2025-10" }], "highest") // => { low: 0, high: 3, lowOpen: true }
 * @example recordSpan({ value: 108435, asOf: "2026-01" }, [{ value: 241749, asOf: "2009-01" }], "highest") // => { low: 0, high: 204, lowOpen: true }
 * @example recordSpan({ value: 100, asOf: "2026-01" }, [{ value: 90, asOf: "2025-01" }], "highest").high // => Infinity
 */
export function recordSpan(record: Dated, earlier: readonly Dated[], order: RankOrder): Interval {
  const v = toInterval(record.value);
  let span = Infinity;
  for (const e of earlier) {
    const months = monthsBetween(e.asOf, record.asOf);
    if (months.low < 1) continue;
    if (surelyBeyond(toInterval(e.value), v, order)) span = Math.min(span, months.high);
  }
  return interval(0, span, true, span === Infinity);
}

/** English weekday names, ISO order (index 0 = Monday = 1). */
export const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

/**
 * The ISO weekday of a YYYY-MM-DD day: 1 = Monday … 7 = Sunday (proleptic Gregorian, UTC).
 * @throws RangeError `invalid day: …`.
 * @example isoWeekday("2026-02-05") // => 4
 * @example WEEKDAYS[isoWeekday("2026-02-07") - 1] // => "Saturday"
 */
export function isoWeekday(day: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const t = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || new Date(t).toISOString().slice(0, 10) !== day) throw new RangeError(`invalid day: ${JSON.stringify(day)}`);
  return ((new Date(t).getUTCDay() + 6) % 7) + 1;
}

/** Every YYYY-MM-DD day of an as_of (a date, month, year or range a/b), in order. */
export function daysOf(asOf: string): string[] {
  const { start, end } = asOfSpan(asOf);
  const out: string[] = [];
  for (let t = Date.parse(`${start}T00:00:00Z`); t <= Date.parse(`${end}T00:00:00Z`); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/**
 * How many days of an as_of fall on none of the allowed weekdays: 0 when "on Thursday" fits the
 * date; 1 for "a rally on February 6–7" tested against trading days (7 Feb 2026 was a Saturday).
 * @param asOf the date or range a claim gives
 * @param allowed ISO weekdays (1 = Monday … 7 = Sunday)
 * @returns a count of days (a point interval)
 * @example daysOffWeekdays("2026-02-05", [4]) // => { low: 0, high: 0 }
 * @example daysOffWeekdays("2026-02-06/2026-02-07", [1, 2, 3, 4, 5]) // => { low: 1, high: 1 }
 */
export function daysOffWeekdays(asOf: string, allowed: readonly number[]): Interval {
  return point(daysOf(asOf).filter((d) => !allowed.includes(isoWeekday(d))).length);
}

/**
 * The values a series can have taken between two dated readings, if it moved steadily (only up,
 * or only down) from one to the other: the span of the two readings. CoinDesk's BTC–Nasdaq
 * correlation "increasing from minus 0.68 to plus 0.72" from 3 to 17 February lay between −0.68
 * and 0.72 on every day in between.
 * @param before the earlier reading
 * @param after the later reading (same unit)
 * @example seriesBracket(-0.68, 0.72) // => { low: -0.68, high: 0.72 }
 * @example seriesBracket({ low: 0.8, high: 0.9 }, 0.7) // => { low: 0.7, high: 0.9 }
 */
export function seriesBracket(before: Amount, after: Amount): Interval {
  return hull(toInterval(before), toInterval(after));
}
