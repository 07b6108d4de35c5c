/**
 * Intervals for reported figures.
 *
 * 1. The hedge rules, written once: how a ledger row (low/high, qualifier, the figure as printed,
 *    hedge words) becomes the interval of values it can honestly mean (`effectiveInterval`), and
 *    the interval it means before any rounding slack (`nominalInterval`).
 * 2. Interval arithmetic with open ends and infinities (add, sub, mul, div, pctChange, ...).
 * 3. Unit normalisation (USD vs USD_bn vs USD_tn, CNY_bn, years vs months, ...).
 *
 * Representation: `{ low, high }` plus `lowOpen: true` / `highOpen: true` only when that end is
 * excluded (the flags are omitted, never `false`, so intervals compare structurally). Infinite
 * ends are always marked open. Every function here is pure; none returns NaN.
 *
 * The rules (see `effectiveInterval` for the details and the reasons):
 * - precision p of a printed figure = half a unit of its last printed digit, scaled by K/M/B/T or
 *   million/billion/trillion ("$126K" -> 500 USD, "$126,223" -> 0.5, "2.2%" -> 0.05); in a printed
 *   range both ends take the finer precision ("$1–1.8 trillion" -> 0.05 tn); a word figure with no
 *   digits ("halved", "doubling", "seven") gets p = 10% of its value.
 * - exact x: [x−p, x+p) (mirrored for negative x: (x−p, x+p]).
 * - approx x: [x−a, x+a] with a = max(p, 2% of |x|).
 * - nearly x: [x−n, x) with n = 5% of |x| (mirrored for negative x: (x, x+n]).
 * - over / under: the stored bound, the other end infinite; strict for "over", "more than",
 *   "exceeded", "above", "below", "sub-", inclusive for "+", "at least", "as high as", "up to" and
 *   word figures ("trillions", "several").
 * - range: [low−p, high+p), "~"-type hedges widen each end like approx, a leading "over"/"more
 *   than" makes the near end strict at the printed figure, a trailing "+" opens the far end.
 * - garbled: read as its hedge says, flagged `garbled: true` (verdicts that use it are ambiguous).
 *
 * Why these numbers:
 * - approx 2%: the printed digits already carry the rounding (p); "~"/"about" adds that the
 *   writer may have rounded more loosely than the digits show. 2% covers a price rounded to two
 *   or three significant digits ("~$126K" ±2.5K, "~$69K" ±1.4K) without swallowing neighbouring
 *   figures (a 5% band would make "~$69K" overlap $72K); for short figures p dominates ("about 2%"
 *   is 1.5–2.5, the same as "2%").
 * - nearly 5%: "nearly 20%" is read as 19–20%, "nearly half" as 47.5–50%, "almost double" as
 *   95–100%; any shortfall larger than that would have been printed as a lower round number.
 * - word figures 10%: "halved", "doubling", "cut in half" are round by nature and carry no digits
 *   to read a precision from; 10% of the value ("halved" = −45 to −55%) matches how such words are
 *   used for moves of 45–55%, and is one order coarser than a two-digit figure.
 * - a figure printed with trailing zeros ("$60,000") is read literally (±0.5): the rule is
 *   "the last printed digit", and writers who round say so with "~" or "about". This makes a
 *   bare "$60,000" vs "59800" a real disagreement, which is what the articles print.
 */
import type { Claim, Interval } from "../data/types";

/** The ledger fields the hedge rules read. */
export type HedgeInput = Pick<Claim, "low" | "high" | "qualifier" | "raw" | "unit" | "hedge">;

/** An interval read from a claim: the interval, whether the claim is garbled, and the rule applied in words. */
export interface HedgedInterval extends Interval {
  garbled: boolean;
  /** The rule in words, e.g. "exact: ±0.5 USD (half a unit of the last printed digit)". */
  rule: string;
}

/** "approx" admits at least 2% of the value either side. */
export const APPROX_RELATIVE = 0.02;
/** "nearly x" covers the 5% of |x| just short of x. */
export const NEARLY_RELATIVE = 0.05;
/** A word figure without digits ("halved", "doubling", "seven") is good to 10% of its value. */
export const WORD_RELATIVE = 0.1;

// ---------------------------------------------------------------------------------------------
// Construction and inspection

/**
 * An interval in canonical form: open flags only when true, infinite ends always open.
 * @throws RangeError `invalid interval: …` for NaN ends or low > high.
 * @example interval(1, 2) // => { low: 1, high: 2 }
 * @example interval(10, Infinity, true) // => { low: 10, high: Infinity, lowOpen: true, highOpen: true }
 */
export function interval(low: number, high: number, lowOpen = false, highOpen = false): Interval {
  if (Number.isNaN(low) || Number.isNaN(high) || low > high || low === Infinity || high === -Infinity) {
    throw new RangeError(`invalid interval: [${low}, ${high}]`);
  }
  const iv: Interval = { low, high };
  if (lowOpen || low === -Infinity) iv.lowOpen = true;
  if (highOpen || high === Infinity) iv.highOpen = true;
  if (low === high && (iv.lowOpen || iv.highOpen)) throw new RangeError(`invalid interval: empty (${low}, ${high})`);
  return iv;
}

/**
 * The interval holding one number.
 * @example point(3) // => { low: 3, high: 3 }
 */
export function point(x: number): Interval {
  return interval(x, x);
}

/**
 * A number as a point interval; an interval as itself (in canonical form).
 * @example toInterval(5) // => { low: 5, high: 5 }
 */
export function toInterval(x: Interval | number): Interval {
  return typeof x === "number" ? point(x) : interval(x.low, x.high, x.lowOpen, x.highOpen);
}

/** The whole line (−∞, +∞): what an unbounded computation returns. */
export const WHOLE_LINE: Interval = Object.freeze({ low: -Infinity, high: Infinity, lowOpen: true, highOpen: true });

/**
 * True when `x` lies in the interval (open ends excluded).
 * @example contains({ low: 125500, high: 126500, highOpen: true }, 126500) // => false
 * @example contains({ low: 10, high: Infinity, lowOpen: true, highOpen: true }, 10.5) // => true
 */
export function contains(iv: Interval, x: number): boolean {
  const aboveLow = iv.lowOpen ? x > iv.low : x >= iv.low;
  const belowHigh = iv.highOpen ? x < iv.high : x <= iv.high;
  return aboveLow && belowHigh;
}

/**
 * high − low (Infinity for an unbounded interval).
 * @example width({ low: 59.5, high: 60.5 }) // => 1
 */
export function width(iv: Interval): number {
  return iv.high - iv.low;
}

/**
 * The centre of a bounded interval; null when an end is infinite.
 * @example midpoint({ low: 2.3, high: 2.5 }) // => 2.4
 * @example midpoint({ low: 1, high: Infinity, highOpen: true }) // => null
 */
export function midpoint(iv: Interval): number | null {
  return isBounded(iv) ? (iv.low + iv.high) / 2 : null;
}

/**
 * True when both ends are finite.
 * @example isBounded({ low: -Infinity, high: -8, lowOpen: true, highOpen: true }) // => false
 */
export function isBounded(iv: Interval): boolean {
  return Number.isFinite(iv.low) && Number.isFinite(iv.high);
}

/**
 * The common part of two intervals, or null when they share no point.
 * @example intersect({ low: 0, high: 2 }, { low: 1, high: 3 }) // => { low: 1, high: 2 }
 * @example intersect({ low: 0, high: 1, highOpen: true }, { low: 1, high: 3 }) // => null
 */
export function intersect(a: Interval, b: Interval): Interval | null {
  let low: number, lowOpen: boolean;
  if (a.low > b.low) [low, lowOpen] = [a.low, !!a.lowOpen];
  else if (b.low > a.low) [low, lowOpen] = [b.low, !!b.lowOpen];
  else [low, lowOpen] = [a.low, !!(a.lowOpen || b.lowOpen)];
  let high: number, highOpen: boolean;
  if (a.high < b.high) [high, highOpen] = [a.high, !!a.highOpen];
  else if (b.high < a.high) [high, highOpen] = [b.high, !!b.highOpen];
  else [high, highOpen] = [a.high, !!(a.highOpen || b.highOpen)];
  if (low > high || (low === high && (lowOpen || highOpen))) return null;
  return interval(low, high, lowOpen, highOpen);
}

/**
 * The common part of several intervals, or null when they share no point (null for none).
 * @example intersectAll([{ low: 0, high: 5 }, { low: 2, high: 9 }, { low: 4, high: 4 }]) // => { low: 4, high: 4 }
 */
export function intersectAll(ivs: readonly Interval[]): Interval | null {
  if (ivs.length === 0) return null;
  let acc: Interval | null = toInterval(ivs[0]);
  for (const iv of ivs.slice(1)) {
    if (!acc) return null;
    acc = intersect(acc, iv);
  }
  return acc;
}

/**
 * True when the intervals share at least one point.
 * @example overlaps({ low: 1, high: 2 }, { low: 2, high: 3 }) // => true
 */
export function overlaps(a: Interval, b: Interval): boolean {
  return intersect(a, b) !== null;
}

/**
 * The smallest interval holding both.
 * @example hull({ low: 1, high: 2 }, { low: 5, high: 6, highOpen: true }) // => { low: 1, high: 6, highOpen: true }
 */
export function hull(a: Interval, b: Interval): Interval {
  const low = Math.min(a.low, b.low);
  const high = Math.max(a.high, b.high);
  const lowOpen = (a.low !== low || !!a.lowOpen) && (b.low !== low || !!b.lowOpen);
  const highOpen = (a.high !== high || !!a.highOpen) && (b.high !== high || !!b.highOpen);
  return interval(low, high, lowOpen, highOpen);
}

/**
 * How far apart two intervals are (0 when they overlap or touch), in their unit.
 * @example distance({ low: 55999.5, high: 56000.5 }, { low: 56600, high: Infinity, lowOpen: true, highOpen: true }) // => 599.5
 */
export function distance(a: Interval, b: Interval): number {
  if (a.high < b.low) return b.low - a.high;
  if (b.high < a.low) return a.low - b.high;
  return 0;
}

/**
 * The interval widened by `by` at each finite end (closed there); used for float tolerance.
 * @example widen({ low: 1, high: 2, highOpen: true }, 0.5) // => { low: 0.5, high: 2.5 }
 */
export function widen(iv: Interval, by: number): Interval {
  return interval(iv.low - by, iv.high + by, iv.low === -Infinity, iv.high === Infinity);
}

/**
 * JSON-safe bounds: infinite ends become null.
 * @example toBounds({ low: -Infinity, high: -8, lowOpen: true, highOpen: true }) // => { low: null, high: -8 }
 */
export function toBounds(iv: Interval): { low: number | null; high: number | null } {
  return { low: Number.isFinite(iv.low) ? iv.low : null, high: Number.isFinite(iv.high) ? iv.high : null };
}

/**
 * The interval in mathematical notation, numbers to 10 significant digits.
 * @example formatInterval({ low: 125500, high: 126500, highOpen: true }) // => "[125500, 126500)"
 * @example formatInterval({ low: 7, high: 7 }) // => "7"
 */
export function formatInterval(iv: Interval): string {
  const f = (x: number) => (x === Infinity ? "+∞" : x === -Infinity ? "−∞" : String(Number(x.toPrecision(10))));
  if (iv.low === iv.high) return f(iv.low);
  return `${iv.lowOpen ? "(" : "["}${f(iv.low)}, ${f(iv.high)}${iv.highOpen ? ")" : "]"}`;
}

// ---------------------------------------------------------------------------------------------
// Arithmetic

/**
 * −x.
 * @example neg({ low: 1, high: 2, highOpen: true }) // => { low: -2, high: -1, lowOpen: true }
 */
export function neg(a: Interval | number): Interval {
  const x = toInterval(a);
  return interval(-x.high, -x.low, x.highOpen, x.lowOpen);
}

/**
 * a + b (an end is open when either contributing end is).
 * @example add({ low: 1, high: 2 }, { low: 10, high: Infinity, lowOpen: true, highOpen: true }) // => { low: 11, high: Infinity, lowOpen: true, highOpen: true }
 */
export function add(a: Interval | number, b: Interval | number): Interval {
  const x = toInterval(a);
  const y = toInterval(b);
  return interval(x.low + y.low, x.high + y.high, x.lowOpen || y.lowOpen, x.highOpen || y.highOpen);
}

/**
 * a − b.
 * @example sub({ low: 46000, high: 46000 }, { low: -10600, high: -10600 }) // => { low: 56600, high: 56600 }
 */
export function sub(a: Interval | number, b: Interval | number): Interval {
  return add(a, neg(b));
}

/** One end of an operand: its value and whether it is attained (closed and finite). */
interface End {
  v: number;
  attained: boolean;
}

function ends(x: Interval): [End, End] {
  return [
    { v: x.low, attained: !x.lowOpen && Number.isFinite(x.low) },
    { v: x.high, attained: !x.highOpen && Number.isFinite(x.high) },
  ];
}

/**
 * a × b over all end pairs, with 0 × ∞ taken as 0 (extended interval arithmetic); a product end
 * is attained when both factors are, or when one factor is an attained 0.
 * @example mul({ low: 2, high: 3 }, { low: -1, high: 4 }) // => { low: -3, high: 12 }
 * @example mul({ low: 0, high: 1 }, { low: 1, high: Infinity, highOpen: true }) // => { low: 0, high: Infinity, highOpen: true }
 */
export function mul(a: Interval | number, b: Interval | number): Interval {
  const x = toInterval(a);
  const y = toInterval(b);
  const products: End[] = [];
  for (const p of ends(x)) {
    for (const q of ends(y)) {
      const v = p.v === 0 || q.v === 0 ? 0 : p.v * q.v;
      const attained = (p.attained && q.attained) || (p.v === 0 && p.attained) || (q.v === 0 && q.attained);
      products.push({ v, attained });
    }
  }
  const low = Math.min(...products.map((e) => e.v));
  const high = Math.max(...products.map((e) => e.v));
  const lowAttained = products.some((e) => e.v === low && e.attained);
  const highAttained = products.some((e) => e.v === high && e.attained);
  if (low === high) return point(low);
  return interval(low, high, !lowAttained, !highAttained);
}

/**
 * 1 / b. Division by an interval containing zero is handled explicitly:
 * - b is exactly [0, 0]: undefined (no value at all);
 * - 0 strictly inside b: the whole line (−∞, +∞), the hull of the two rays;
 * - 0 an end of b: a ray ([0, 2] -> [0.5, +∞)), the zero end contributing nothing.
 * @example reciprocal({ low: 2, high: 4 }) // => { low: 0.25, high: 0.5 }
 * @example reciprocal({ low: 0, high: 2 }) // => { low: 0.5, high: Infinity, highOpen: true }
 * @example reciprocal({ low: 0, high: 0 }) // => undefined
 */
export function reciprocal(b: Interval | number): Interval | undefined {
  const y = toInterval(b);
  const inv = (v: number) => (Number.isFinite(v) ? 1 / v : 0);
  if (y.low === 0 && y.high === 0) return undefined;
  if (y.low < 0 && y.high > 0) return WHOLE_LINE;
  if (y.low === 0) return interval(inv(y.high), Infinity, !!y.highOpen, true);
  if (y.high === 0) return interval(-Infinity, inv(y.low), true, !!y.lowOpen);
  // 1/±∞ = 0 is never attained
  return interval(inv(y.high), inv(y.low), !!y.highOpen || !Number.isFinite(y.high), !!y.lowOpen || !Number.isFinite(y.low));
}

/**
 * a / b = a × (1/b); undefined only when b is exactly [0, 0] (see `reciprocal`).
 * @example div({ low: 175, high: 185 }, { low: 2, high: 2 }) // => { low: 87.5, high: 92.5 }
 * @example div(1, { low: -1, high: 1 }) // => { low: -Infinity, high: Infinity, lowOpen: true, highOpen: true }
 */
export function div(a: Interval | number, b: Interval | number): Interval | undefined {
  const r = reciprocal(b);
  return r === undefined ? undefined : mul(a, r);
}

/**
 * Percent change from `from` to `to`: 100 × (to / from − 1), in pct; undefined when `from` is
 * exactly 0, unbounded when `from` straddles 0.
 * @example pctChange(100, 150) // => { low: 50, high: 50 }
 * @example pctChange(200, { low: 100, high: 150 }) // => { low: -50, high: -25 }
 */
export function pctChange(from: Interval | number, to: Interval | number): Interval | undefined {
  const ratio = div(to, from);
  return ratio === undefined ? undefined : mul(sub(ratio, 1), 100);
}

// ---------------------------------------------------------------------------------------------
// Units

/** A unit's dimension (only same-dimension amounts convert) and its size in base units. */
export interface UnitInfo {
  dimension: string;
  scale: number;
}

/** Every ledger unit (data/vocabulary.csv), with its dimension and scale. `x` and `ratio` share a dimension. */
export const UNITS: Readonly<Record<string, UnitInfo>> = {
  USD: { dimension: "USD", scale: 1 },
  USD_mn: { dimension: "USD", scale: 1e6 },
  USD_bn: { dimension: "USD", scale: 1e9 },
  USD_tn: { dimension: "USD", scale: 1e12 },
  CNY_mn: { dimension: "CNY", scale: 1e6 },
  CNY_bn: { dimension: "CNY", scale: 1e9 },
  TWD_mn: { dimension: "TWD", scale: 1e6 },
  pct: { dimension: "pct", scale: 1 },
  pct_points: { dimension: "pct_points", scale: 1 },
  index_pts: { dimension: "index_pts", scale: 1 },
  points: { dimension: "points", scale: 1 },
  coins: { dimension: "coins", scale: 1 },
  people: { dimension: "people", scale: 1 },
  ratio: { dimension: "ratio", scale: 1 },
  x: { dimension: "ratio", scale: 1 },
  years: { dimension: "time", scale: 12 },
  months: { dimension: "time", scale: 1 },
  sessions: { dimension: "sessions", scale: 1 },
  score: { dimension: "score", scale: 1 },
  USD_per_oz: { dimension: "USD_per_oz", scale: 1 },
  count: { dimension: "count", scale: 1 },
};

/**
 * A unit's dimension and scale. Units of the form `A_per_B` (exchange rates) are their own dimension.
 * @throws RangeError `unknown unit "…"`.
 * @example unitInfo("USD_bn") // => { dimension: "USD", scale: 1000000000 }
 */
export function unitInfo(unit: string): UnitInfo {
  const u = UNITS[unit];
  if (u) return { ...u };
  if (/^[A-Z]{3}_per_[A-Z]{3}$/.test(unit)) return { dimension: unit, scale: 1 };
  throw new RangeError(`unknown unit ${JSON.stringify(unit)}`);
}

/**
 * True when amounts in the two units can be converted into each other.
 * @example sameDimension("USD_bn", "USD_tn") // => true
 * @example sameDimension("USD_bn", "CNY_bn") // => false
 */
export function sameDimension(a: string, b: string): boolean {
  return unitInfo(a).dimension === unitInfo(b).dimension;
}

/**
 * The factor that turns an amount in `from` into `to`.
 * @throws RangeError `cannot convert … to …` across dimensions.
 * @example conversionFactor("USD_bn", "USD_tn") // => 0.001
 */
export function conversionFactor(from: string, to: string): number {
  const f = unitInfo(from);
  const t = unitInfo(to);
  if (f.dimension !== t.dimension) throw new RangeError(`cannot convert ${from} to ${to} (${f.dimension} vs ${t.dimension})`);
  // divide the larger by the smaller to keep decimal factors exact (1e9 / 1e12 would be 0.0009999…)
  return f.scale >= t.scale ? f.scale / t.scale : 1 / (t.scale / f.scale);
}

/**
 * An interval converted between units of one dimension.
 * @example convertInterval({ low: -800, high: -800 }, "USD_bn", "USD_tn") // => { low: -0.8, high: -0.8 }
 */
export function convertInterval(iv: Interval, from: string, to: string): Interval {
  const k = conversionFactor(from, to);
  if (k === 1) return toInterval(iv);
  return interval(iv.low * k, iv.high * k, iv.lowOpen, iv.highOpen);
}

// ---------------------------------------------------------------------------------------------
// Printed precision

/** A number printed in a figure: its value as printed, decimals, and scale suffix. */
export interface PrintedNumber {
  /** The digits as printed ("126,223", "4.4"). */
  text: string;
  /** The value without the suffix (126223, 4.4). */
  value: number;
  /** Digits after the decimal point. */
  decimals: number;
  /** The suffix's multiplier (K -> 1e3, billion -> 1e9; 1 when none). */
  suffixScale: number;
}

const SUFFIX = /^\s?(thousand|million|billion|trillion|bn|tn|mn|K|k|M|B|T)(?![A-Za-z])/i;
const SUFFIX_SCALE: Record<string, number> = { thousand: 1e3, k: 1e3, million: 1e6, mn: 1e6, m: 1e6, billion: 1e9, bn: 1e9, b: 1e9, trillion: 1e12, tn: 1e12, t: 1e12 };

/**
 * The numbers printed in a figure, with their suffixes (commas are thousands separators).
 * @example printedNumbers("~$4.4T").map((n) => [n.value, n.decimals, n.suffixScale]) // => [[4.4, 1, 1e12]]
 * @example printedNumbers("$70–$80K").map((n) => n.suffixScale) // => [1, 1000]
 */
export function printedNumbers(raw: string): PrintedNumber[] {
  const out: PrintedNumber[] = [];
  for (const m of raw.matchAll(/\d+(?:[.,]\d+)*/g)) {
    const text = m[0];
    const plain = text.replace(/,/g, "");
    const dot = plain.indexOf(".");
    const after = raw.slice(m.index! + text.length);
    const s = SUFFIX.exec(after);
    // single letters must be upper case (K and k allowed) so that "5 m" or "3 t" are not misread
    const word = s ? s[1] : "";
    const ok = word !== "" && (word.length > 2 || word === "bn" || word === "tn" || word === "mn" || /^[KkMBT]$/.test(word));
    out.push({ text, value: Number(plain), decimals: dot === -1 ? 0 : plain.length - dot - 1, suffixScale: ok ? SUFFIX_SCALE[word.toLowerCase()] : 1 });
  }
  return out;
}

/**
 * How many plain units one unit of `unit` stands for when printed with a suffix: USD_bn -> 1e9,
 * TWD_mn -> 1e6, anything without an _mn/_bn/_tn suffix -> 1 (years stay years).
 * @example unitMagnitude("CNY_bn") // => 1e9
 * @example unitMagnitude("years") // => 1
 */
export function unitMagnitude(unit: string): number {
  const m = /_(mn|bn|tn)$/.exec(unit);
  return m ? { mn: 1e6, bn: 1e9, tn: 1e12 }[m[1] as "mn" | "bn" | "tn"] : 1;
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
}

/**
 * Half a unit of the last printed digit of the number in `raw` that prints `value` (in `unit`),
 * in `unit`; null when no printed number matches (a word figure: "halved", "doubling").
 * A number without a suffix may borrow the suffix of another number of the range ("$70–$80K").
 * @example printedPrecision("$126K", 126000, "USD") // => 500
 * @example printedPrecision("$126,223", 126223, "USD") // => 0.5
 * @example printedPrecision("~$2.3–$2.4T", 2.3, "USD_tn") // => 0.05
 * @example printedPrecision("halved", -50, "pct") // => null
 */
export function printedPrecision(raw: string, value: number, unit: string): number | null {
  const nums = printedNumbers(raw);
  const unitScale = unitMagnitude(unit);
  const suffixes = [...new Set(nums.map((n) => n.suffixScale).filter((s) => s !== 1))];
  for (const n of nums) {
    const tries = n.suffixScale === 1 ? [1, ...suffixes] : [n.suffixScale];
    for (const s of tries) {
      if (close((n.value * s) / unitScale, Math.abs(value))) {
        const half = 0.5 * 10 ** -n.decimals;
        return Number(((half * s) / unitScale).toPrecision(12));
      }
    }
  }
  return null;
}

/**
 * The precision of a claim's figure in its unit: the finer of its printed ends (a range shares
 * the finer precision), or 10% of the value for a word figure without matching digits.
 * @example claimPrecision({ low: -1.8, high: -1, raw: "Over $1–1.8 trillion", unit: "USD_tn" }) // => 0.05
 * @example claimPrecision({ low: -50, high: -50, raw: "halved", unit: "pct" }) // => 5
 */
export function claimPrecision(c: Pick<HedgeInput, "low" | "high" | "raw" | "unit">): number {
  const values = [c.low, c.high].filter((v): v is number => v !== null);
  const printed = values.map((v) => printedPrecision(c.raw, v, c.unit)).filter((p): p is number => p !== null);
  if (printed.length > 0) return Math.min(...printed);
  return Number((WORD_RELATIVE * Math.max(...values.map(Math.abs))).toPrecision(12));
}

// ---------------------------------------------------------------------------------------------
// Hedge rules

const STRICT_WORDS = /\b(over|more than|exceed\w*|above|below|under|less than|beyond|overtake)\b|sub-/i;
const APPROX_WORDS = /~|≈|\b(about|around|roughly|approximately|approx|near|some)\b/i;
const LEADING_STRICT = /^\s*(over|more than|above|exceed\w*|overtake)\b/i;

/**
 * True when a one-sided hedge excludes its bound ("over 10%", "sub-$60K"); false for inclusive
 * ones ("$1B+", "at least", "as high as", "up to") and for word figures ("trillions").
 * @example isStrictHedge("more than") // => true
 * @example isStrictHedge("+") // => false
 */
export function isStrictHedge(hedge: string): boolean {
  return STRICT_WORDS.test(hedge);
}

/** The rounding interval of a printed x: magnitude in [|x|−p, |x|+p). */
function rounding(x: number, p: number): Interval {
  if (p === 0) return point(x);
  return x >= 0 ? interval(x - p, x + p, false, true) : interval(x - p, x + p, true, false);
}

function num(x: number): string {
  return String(Number(x.toPrecision(6)));
}

function read(c: HedgeInput, slack: boolean): HedgedInterval {
  const garbled = c.qualifier === "garbled";
  const tag = garbled ? "garbled (read as printed hedge); " : "";
  const { low, high } = c;
  if (low === null && high === null) throw new RangeError(`invalid figure ${JSON.stringify(c.raw)}: low and high are both empty`);
  const done = (iv: Interval, rule: string): HedgedInterval => ({ ...iv, garbled, rule: tag + rule });

  // one-sided: over, under, or a garbled figure stored with one bound
  if (low === null || high === null) {
    const strict = isStrictHedge(c.hedge);
    const how = strict ? "strict" : "inclusive";
    if (high === null) return done(interval(low!, Infinity, strict, true), `${c.qualifier === "garbled" ? "one-sided" : c.qualifier}: ${strict ? ">" : "≥"} ${num(low!)} (${how})`);
    return done(interval(-Infinity, high, true, strict), `${c.qualifier === "garbled" ? "one-sided" : c.qualifier}: ${strict ? "<" : "≤"} ${num(high)} (${how})`);
  }

  const p = claimPrecision(c);
  const word = printedPrecision(c.raw, low, c.unit) === null && printedPrecision(c.raw, high, c.unit) === null;
  const pWhy = word ? "word figure: 10% of its value" : "half a unit of the last printed digit";
  const approxBy = (x: number) => Math.max(p, APPROX_RELATIVE * Math.abs(x));
  const approxHedge = c.qualifier === "approx" || APPROX_WORDS.test(c.hedge);

  if (c.qualifier === "nearly" && low === high) {
    const n = low === 0 ? p : NEARLY_RELATIVE * Math.abs(low);
    const iv = low >= 0 ? interval(low - n, low, false, true) : interval(low, low + n, true, false);
    return done(iv, `nearly: within ${num(n)} short of ${num(low)} (5% of the value)`);
  }

  if (low === high && (c.qualifier === "exact" || c.qualifier === "garbled" || c.qualifier === "approx")) {
    if (approxHedge) {
      const a = slack ? approxBy(low) : 0;
      return done(interval(low - a, low + a), slack ? `approx: ±${num(a)} (the larger of the printed precision ${num(p)} and 2% of the value)` : "approx: the printed value");
    }
    return done(rounding(low, slack ? p : 0), slack ? `exact: ±${num(p)} (${pWhy})` : "exact: the printed value");
  }

  // a printed range (or any two-bounded figure)
  const negative = high <= 0;
  const lo: Interval = approxHedge ? interval(low - (slack ? approxBy(low) : 0), low) : rounding(low, slack ? p : 0);
  const hi: Interval = approxHedge ? interval(high, high + (slack ? approxBy(high) : 0)) : rounding(high, slack ? p : 0);
  let lowEnd = { v: lo.low, open: !!lo.lowOpen };
  let highEnd = { v: hi.high, open: !!hi.highOpen };
  const notes = [slack ? (approxHedge ? "range: each end widened like approx" : `range: ±${num(p)} at each end (${pWhy})`) : "range: the printed ends"];
  if (LEADING_STRICT.test(c.raw)) {
    // "over $1.8 billion to $3.2 billion": strictly beyond the near end
    if (negative) highEnd = { v: high, open: true };
    else lowEnd = { v: low, open: true };
    notes.push("leading hedge makes the near end strict");
  }
  if (/\+\s*$/.test(c.raw)) {
    // "5–15%+": the far end is open
    if (negative) lowEnd = { v: -Infinity, open: true };
    else highEnd = { v: Infinity, open: true };
    notes.push("trailing + opens the far end");
  }
  return done(interval(lowEnd.v, highEnd.v, lowEnd.open, highEnd.open), notes.join("; "));
}

/**
 * The interval of values a ledger figure can honestly mean, rounding and hedges included (the
 * rules are in the module comment). Garbled figures are read per their hedge and flagged.
 * @throws RangeError when low and high are both empty.
 * @example effectiveInterval({ low: 126000, high: 126000, qualifier: "exact", raw: "$126K", unit: "USD", hedge: "" }).low // => 125500
 * @example effectiveInterval({ low: null, high: -8, qualifier: "over", raw: "8%", unit: "pct", hedge: "more than" }).highOpen // => true
 */
export function effectiveInterval(c: HedgeInput): HedgedInterval {
  return read(c, true);
}

/**
 * The interval a figure means before any rounding slack: exact and approx figures are their
 * printed value, ranges their printed ends; nearly/over/under keep their meaning.
 * @example nominalInterval({ low: 126000, high: 126000, qualifier: "approx", raw: "~$126K", unit: "USD", hedge: "~" }).high // => 126000
 */
export function nominalInterval(c: HedgeInput): HedgedInterval {
  return read(c, false);
}

/**
 * The figure as printed, ignoring over/under (used when a conversion restates the same number:
 * "exceeded US$2.5 billion (approximately RMB 17.3 billion)"): the printed bound(s) with their
 * rounding, approx-widened when hedged "~"/"approximately".
 * @example printedInterval({ low: 2.5, high: null, qualifier: "over", raw: "US$2.5 billion", unit: "USD_bn", hedge: "exceeded" }) // => { low: 2.45, high: 2.55, highOpen: true }
 */
export function printedInterval(c: HedgeInput, slack = true): Interval {
  const v = c.low ?? c.high!;
  const lo = c.low ?? v;
  const hi = c.high ?? v;
  const q = c.qualifier === "approx" || APPROX_WORDS.test(c.hedge) ? "approx" : lo === hi ? "exact" : "range";
  const { garbled: _g, rule: _r, ...iv } = read({ ...c, low: lo, high: hi, qualifier: q, hedge: q === "approx" ? c.hedge : "" }, slack);
  void _g;
  void _r;
  return iv;
}
