/**
 * Materiality: when a gap between two figures is worth a dispute. A gap is immaterial when it is
 * no larger than the disagreement among independent reports of the same quantity (exchanges,
 * index providers and closing times differ), or under MATERIAL_RELATIVE of the figure. Such a gap
 * never makes a dispute or a contradiction; it is reported, in relative terms too.
 *
 * Why 0.5%: the independent reports of one Bitcoin low differ by 0.3% ($60,008 to $60,187 across
 * venues) and of its all-time high by 0.2% ($126,080 to $126,300); a reader takes any two prices
 * within half a percent of each other as the same price, while a 1% gap on a stock index close is
 * already news.
 */

/** The share of a figure under which a gap is never material. */
export const MATERIAL_RELATIVE = 0.005;

/**
 * The gap as a share of the reference magnitude; null when the reference is 0 or not finite.
 * @example relativeGap(208.52, 59800) // => 0.003486956521739131
 * @example relativeGap(1, 0) // => null
 */
export function relativeGap(gap: number, reference: number): number | null {
  const ref = Math.abs(reference);
  return ref > 0 && Number.isFinite(ref) && Number.isFinite(gap) ? gap / ref : null;
}

/**
 * The spread among independent reports of one quantity: largest minus smallest value (0 for
 * fewer than two).
 * @example spreadOf([60008.52, 60187, 60030]) // => 178.48000000000138
 * @example spreadOf([5]) // => 0
 */
export function spreadOf(values: readonly number[]): number {
  const xs = values.filter(Number.isFinite);
  return xs.length < 2 ? 0 : Math.max(...xs) - Math.min(...xs);
}

/**
 * True when a gap (after every rounding and hedge) is too small to dispute: no larger than the
 * spread among independent reports, or under MATERIAL_RELATIVE of the reference figure.
 * @example isImmaterial(208.52 - 0.5, 59800, 178.48) // => true
 * @example isImmaterial(4, 11, 0) // => false
 * @example isImmaterial(150, 126223, 220) // => true
 */
export function isImmaterial(gap: number, reference: number, spread = 0): boolean {
  if (Number.isNaN(gap)) return false;
  if (gap <= 0) return true;
  if (gap <= spread) return true;
  const r = relativeGap(gap, reference);
  return r !== null && r <= MATERIAL_RELATIVE;
}
