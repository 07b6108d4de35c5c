/**
 * Interval arithmetic with open ends and infinities: construction, inspection (contains, width,
 * intersect, hull, distance) and arithmetic (add, sub, mul, div, pctChange). Representation:
 * `{ low, high }` plus `lowOpen: true` / `highOpen: true` only when that end is excluded (the flags
 * are omitted, never `false`, so intervals compare structurally). Infinite ends are always marked
 * open. Every function here is pure; none returns NaN. The hedge rules that turn a printed figure
 * into an interval are in src/domain/hedges.ts; units in src/domain/units.ts.
 */
import type { Interval } from "../data/types";

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

/**
 * The value a figure stands at for a consensus: the midpoint of a bounded interval, the finite
 * end of a ray, null for the whole line.
 * @example representative({ low: 60000, high: 62000 }) // => 61000
 * @example representative({ low: 2.5, high: Infinity, lowOpen: true, highOpen: true }) // => 2.5
 */
export function representative(iv: Interval): number | null {
  const m = midpoint(iv);
  if (m !== null) return m;
  if (Number.isFinite(iv.low)) return iv.low;
  if (Number.isFinite(iv.high)) return iv.high;
  return null;
}
