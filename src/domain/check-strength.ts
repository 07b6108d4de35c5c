/**
 * How much a check's result can say about the figure it tests, beyond whether the two share a
 * value. A check can agree with a figure and still confirm nothing:
 * - its result is only a bound around the figure ("more than 24.4%" leaves room for "27%"): `boundOnly`;
 * - the two meet at a single value, the edge of both ranges ("$1.2 trillion and $2 trillion"
 *   against a loss of $2.0–2.1 trillion): `edgeOnly`;
 * - the rounding of the figures it is built from lets its result range so widely that it would
 *   accept figures a reader calls different ("$2 trillion" of "$4.4 trillion" allows 33% to 58%): `tooRough`;
 * - a one-sided figure ("55%+") is reached only by the edge of the result, most of which lies on
 *   the other side of the printed bound: `grazes`.
 * Pure functions on JSON bounds (null = open); rateCheck (src/domain/explain.ts) applies them.
 */
import type { Bounds } from "./checks";

/** A range on JSON bounds: null is open. */
export interface OpenBounds {
  low: number | null;
  high: number | null;
}

/**
 * How wide a result may range, as a share of its middle value, and still test a figure: ±12.5%.
 * *Why:* figures 10% apart are different figures to a reader ($4.0T is not "$4.4T"); a check
 * whose inputs' rounding lets its result move by more than that on either side would accept them.
 */
export const ROUGH_RELATIVE = 0.25;

const lowOf = (x: OpenBounds) => x.low ?? -Infinity;
const highOf = (x: OpenBounds) => x.high ?? Infinity;

/**
 * True when a check's result is only a bound (open on one side, or a fall that reaches 100%) and
 * the tested figure lies wholly inside it: the figures do not conflict, but nothing pins the
 * figure down ("more than 24.4%" leaves room for "27%" and for any deeper fall).
 * @example boundOnly({ low: -100, high: -24.4, unit: "pct" }, { low: -27.5, high: -26.5 }) // => true
 * @example boundOnly({ low: null, high: -52.38, unit: "pct" }, { low: -52.5, high: -51.5 }) // => false
 * @example boundOnly({ low: 375, high: 385, unit: "USD_bn" }, { low: 380, high: 381 }) // => false
 */
export function boundOnly(computed: Bounds, claimed: OpenBounds): boolean {
  const lo = computed.low === null || (computed.unit === "pct" && computed.low <= -100) ? -Infinity : computed.low;
  const hi = computed.high === null ? Infinity : computed.high;
  if (Number.isFinite(lo) && Number.isFinite(hi)) return false;
  return lowOf(claimed) >= lo && highOf(claimed) <= hi;
}

/**
 * True when two ranges that both have width share exactly one value, an edge of each: the
 * figures touch rather than agree ("$1.2 trillion and $2 trillion" against $2.0–2.1 trillion).
 * A point figure at the edge of a range lies inside it, which is agreement.
 * @example edgeOnly({ low: -2, high: -1.2 }, { low: -2.1, high: -2 }) // => true
 * @example edgeOnly({ low: -2, high: -2 }, { low: -2.1, high: -2 }) // => false
 * @example edgeOnly({ low: 60, high: 62 }, { low: 59, high: 61 }) // => false
 * @example edgeOnly({ low: 60, high: null }, { low: 55, high: 60 }) // => true
 */
export function edgeOnly(a: OpenBounds, b: OpenBounds): boolean {
  if (!(highOf(a) - lowOf(a) > 0 && highOf(b) - lowOf(b) > 0)) return false;
  const lo = Math.max(lowOf(a), lowOf(b));
  const hi = Math.min(highOf(a), highOf(b));
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return false;
  return Math.abs(hi - lo) <= 1e-9 * Math.max(1, Math.abs(lo));
}

/**
 * True when a result, after every rounding of the figures it is built from, spans more than
 * ROUGH_RELATIVE of its middle value: too rough to tell the tested figure from its neighbours.
 * @example tooRough({ low: -57.98, high: -33.42, unit: "pct" }) // => true
 * @example tooRough({ low: 45.96, high: 55.3, unit: "pct" }) // => false
 * @example tooRough({ low: null, high: -24.4, unit: "pct" }) // => false
 */
export function tooRough(result: Bounds): boolean {
  if (result.low === null || result.high === null) return false;
  const mid = Math.abs((result.low + result.high) / 2);
  return mid > 0 && (result.high - result.low) / mid > ROUGH_RELATIVE;
}

/**
 * True when a one-sided figure ("55%+", "over 50%") is reached by less than half of a result's
 * range, and only through the figure's hedge: the sentence gives as the least (or the most) what
 * only the edge of the range attains.
 * @example grazes({ low: 55, high: null }, { low: 54.5, high: null }, { low: 46.44, high: 54.81 }) // => true
 * @example grazes({ low: 55, high: null }, { low: 54.5, high: null }, { low: 54.6, high: 54.8 }) // => false
 * @example grazes({ low: 50, high: 60 }, { low: 49, high: 61 }, { low: 40, high: 49.5 }) // => false
 */
export function grazes(printed: OpenBounds, claimed: OpenBounds, computed: OpenBounds): boolean {
  const oneSided = (printed.low === null) !== (printed.high === null);
  if (!oneSided || computed.low === null || computed.high === null) return false;
  const width = computed.high - computed.low;
  if (!(width > 0)) return false;
  const reached = Math.min(highOf(claimed), computed.high) - Math.max(lowOf(claimed), computed.low);
  return reached < width / 2;
}
