/**
 * The hedge rules: how a reported figure (low/high, qualifier, the figure as printed, hedge words)
 * becomes the interval of values it can honestly mean (`effectiveInterval`), and the interval it
 * means before any rounding slack (`nominalInterval`). One tolerance scale for every hedge:
 *
 * 1. The precision p of a printed figure is half a unit of its last significant digit, scaled by
 *    K/M/B/T or million/billion/trillion. Trailing zeros of a whole number are not significant
 *    beyond the second significant digit: "$60,000" reads like "$60K" (p = $500), "570,000" is
 *    good to 5,000, "59,800" to 50, "100%" to 5 points, while "$3 billion" keeps the precision of
 *    its printed digit (p = $0.5 billion) and "$126,223" is good to 0.5. A word figure without
 *    digits ("halved", "doubling", "double") gets p = 10% of its value.
 * 2. exact x: [x−p, x+p) (mirrored for negative x: (x−p, x+p]).
 * 3. about / around / roughly / approximately / "~" x: [x−a, x+a] with a = max(p, 2% of |x|).
 * 4. nearly / almost / just under x: as printed, the n = max(p, 5% of |x|) just short of x,
 *    [x−n, x); with rounding allowed also up to x+p, because a hedge never makes a figure fail
 *    when the true value rounds to the stated one ("almost double" holds at 2.03x).
 * 5. over / more than / under / below x: as printed, the open side of x (strict for "over",
 *    "more than", "exceeded", "above", "below", "sub-"; inclusive for "+", "at least", "as high
 *    as", "up to"); with rounding allowed the bound moves out by p, for the same reason. Word
 *    figures with one bound ("trillions", "hundreds of thousands") have no rounding slack.
 * 6. range: [low−p, high+p), "~"-type hedges widen each end like approx, a leading "over"/"more
 *    than" makes the near end strict at the printed figure, a trailing "+" opens the far end.
 * 7. garbled: read as its hedge says, flagged `garbled: true` (verdicts that use it are ambiguous).
 *
 * Why these numbers:
 * - Round figures are rounded figures: reporters round, and "$60,000" and "$60K" are the same
 *   sentence. Two significant digits is the coarsest reading a bare figure gets, so "20%" stays
 *   good to half a point, not to five.
 * - approx 2%: "~"/"about" adds that the writer may have rounded more loosely than the digits
 *   show. 2% covers a price rounded to two or three significant digits ("~$126K" ±2.5K) without
 *   swallowing neighbouring figures (a 5% band would make "~$69K" overlap $72K).
 * - nearly 5%: "nearly 20%" is 19–20%, "nearly $100" $95–100; any shortfall larger than that
 *   would have been printed as a lower round number — unless the figure itself is coarser ("nearly
 *   half", a word figure good to 10%, is 45–50%). On the other side only rounding is allowed.
 * - word figures 10%: "halved", "doubling" are round by nature and carry no digits to read a
 *   precision from; 10% of the value ("halved" = −45 to −55%) is how such words are used.
 */
import { interval, point } from "./intervals";
import type { Claim, Interval } from "../data/types";
import { remembered } from "../data/memo";

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
 * Half a unit of the last significant digit of a printed number, before any scale suffix:
 * trailing zeros of a whole number count only up to the second significant digit.
 * @example significantHalfUnit({ text: "60,000", value: 60000, decimals: 0, suffixScale: 1 }) // => 500
 * @example significantHalfUnit({ text: "59,800", value: 59800, decimals: 0, suffixScale: 1 }) // => 50
 * @example significantHalfUnit({ text: "3", value: 3, decimals: 0, suffixScale: 1e9 }) // => 0.5
 * @example significantHalfUnit({ text: "2.2", value: 2.2, decimals: 1, suffixScale: 1 }) // => 0.05
 */
export function significantHalfUnit(n: PrintedNumber): number {
  if (n.decimals > 0) return 0.5 * 10 ** -n.decimals;
  const digits = n.text.replace(/\D/g, "").replace(/^0+(?=\d)/, "");
  const zeros = digits.length - digits.replace(/0+$/, "").length;
  const insignificant = Math.max(0, Math.min(zeros, digits.length - 2));
  return 0.5 * 10 ** insignificant;
}

/**
 * The precision of the number in `raw` that prints `value` (in `unit`), in `unit`: half a unit of
 * its last significant digit (`significantHalfUnit`); null when no printed number matches (a word
 * figure: "halved", "doubling"). A number without a suffix may borrow the suffix of another
 * number of the range ("$70–$80K").
 * @example printedPrecision("$126K", 126000, "USD") // => 500
 * @example printedPrecision("$126,223", 126223, "USD") // => 0.5
 * @example printedPrecision("$60,000", 60000, "USD") // => 500
 * @example printedPrecision("~$2.3–$2.4T", 2.3, "USD_tn") // => 0.05
 * @example printedPrecision("halved", -50, "pct") // => null
 */
export const printedPrecision = remembered(printedPrecisionOnce, (raw, value, unit) => `${raw}\0${value}\0${unit}`);

function printedPrecisionOnce(raw: string, value: number, unit: string): number | null {
  const nums = printedNumbers(raw);
  const unitScale = unitMagnitude(unit);
  const suffixes = [...new Set(nums.map((n) => n.suffixScale).filter((s) => s !== 1))];
  for (const n of nums) {
    const tries = n.suffixScale === 1 ? [1, ...suffixes] : [n.suffixScale];
    for (const s of tries) {
      if (close((n.value * s) / unitScale, Math.abs(value))) {
        return Number(((significantHalfUnit(n) * s) / unitScale).toPrecision(12));
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

  // one-sided: over, under, or a garbled figure stored with one bound; with slack the bound moves
  // out by its rounding (a word figure such as "trillions" has none)
  if (low === null || high === null) {
    const strict = isStrictHedge(c.hedge);
    const how = strict ? "strict" : "inclusive";
    const name = c.qualifier === "garbled" ? "one-sided" : c.qualifier;
    const x = (low ?? high)!;
    const r = slack ? (printedPrecision(c.raw, x, c.unit) ?? 0) : 0;
    const moved = r > 0 ? `, or ${num(r)} beyond it once rounding is allowed` : "";
    if (high === null) return done(interval(x - r, Infinity, strict && r === 0, true), `${name}: ${strict ? ">" : "≥"} ${num(x)} (${how}${moved})`);
    return done(interval(-Infinity, x + r, true, strict && r === 0), `${name}: ${strict ? "<" : "≤"} ${num(x)} (${how}${moved})`);
  }

  const p = claimPrecision(c);
  const word = printedPrecision(c.raw, low, c.unit) === null && printedPrecision(c.raw, high, c.unit) === null;
  const pWhy = word ? "word figure: 10% of its value" : "half a unit of the last significant digit";
  const approxBy = (x: number) => Math.max(p, APPROX_RELATIVE * Math.abs(x));
  const approxHedge = c.qualifier === "approx" || APPROX_WORDS.test(c.hedge);

  if (c.qualifier === "nearly" && low === high) {
    // as printed: the n just short of x; with slack also what rounds to x on the far side
    const n = low === 0 ? p : Math.max(p, NEARLY_RELATIVE * Math.abs(low));
    const r = slack ? p : 0;
    const iv = low >= 0 ? interval(low - n, low + r, false, true) : interval(low - r, low + n, true, false);
    return done(iv, `nearly: within ${num(n)} short of ${num(low)} (the larger of 5% of the value and its precision)${slack ? `, or up to ${num(p)} beyond it (rounding)` : ""}`);
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
    // "over $1.8 billion to $3.2 billion": strictly beyond the near end as printed; with rounding
    // allowed the near end moves out by p, like any "over" (rule 3)
    if (negative) highEnd = slack ? { v: high + p, open: false } : { v: high, open: true };
    else lowEnd = slack ? { v: low - p, open: false } : { v: low, open: true };
    notes.push(slack ? "leading hedge: the near end moves out by its rounding" : "leading hedge makes the near end strict");
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
 * @example effectiveInterval({ low: null, high: -8, qualifier: "over", raw: "8%", unit: "pct", hedge: "more than" }).high // => -7.5
 */
export function effectiveInterval(c: HedgeInput): HedgedInterval {
  return read(c, true);
}

/**
 * The interval a figure means before any rounding slack: exact and approx figures are their
 * printed value, ranges their printed ends; nearly/over/under keep their meaning.
 * @example nominalInterval({ low: 126000, high: 126000, qualifier: "approx", raw: "~$126K", unit: "USD", hedge: "~" }).high // => 126000
 * @example nominalInterval({ low: null, high: -8, qualifier: "over", raw: "8%", unit: "pct", hedge: "more than" }).highOpen // => true
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
