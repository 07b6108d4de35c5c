/**
 * Small pieces every chart builder shares (not part of the public API): unique and ordered keys,
 * stable rounding, a row's bounds.
 */
import type { ClaimLike } from "./rows";

/** Unique values in order of first appearance. */
export function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** Keys in the given order first, then any others in order of first appearance. */
export function ordered(values: readonly string[], order?: readonly string[]): string[] {
  const present = unique(values);
  const head = (order ?? []).filter((k) => present.includes(k));
  return [...head, ...present.filter((k) => !head.includes(k))];
}

/** Rounds to 6 significant decimals so that geometry is stable across platforms. */
export function round(n: number): number {
  return Number(n.toFixed(6));
}

/** A claim's bounds, throwing when it has none. */
export function bounds(c: ClaimLike, fn: string): { low: number | null; high: number | null } {
  if (c.low === null && c.high === null) throw new Error(`${fn}: claim ${c.id} has neither low nor high`);
  return { low: c.low, high: c.high };
}
