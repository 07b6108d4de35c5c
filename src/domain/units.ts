/**
 * Units of the ledger (data/vocabulary.csv): each unit's dimension and scale, and conversion of
 * intervals between units of one dimension (USD_bn -> USD_tn, years -> months).
 */
import { interval, toInterval } from "./intervals";
import type { Interval } from "../data/types";

// ---------------------------------------------------------------------------------------------
// Units

/** A currency's name in a reader's words, one unit of it ("a yuan per Taiwan dollar"). */
const CURRENCY_NAMES: Readonly<Record<string, string>> = { USD: "dollar", CNY: "yuan", TWD: "Taiwan dollar" };

/**
 * An exchange-rate unit in words ("CNY_per_TWD" -> "yuan per Taiwan dollar"), or null when
 * `unit` is not a rate between two known currencies.
 * @example rateUnitWords("CNY_per_TWD") // => "yuan per Taiwan dollar"
 * @example rateUnitWords("CNY_per_USD") // => "yuan per dollar"
 * @example rateUnitWords("USD_bn") // => null
 */
export function rateUnitWords(unit: string): string | null {
  const rate = /^([A-Z]{3})_per_([A-Z]{3})$/.exec(unit);
  return rate && CURRENCY_NAMES[rate[1]] && CURRENCY_NAMES[rate[2]] ? `${CURRENCY_NAMES[rate[1]]} per ${CURRENCY_NAMES[rate[2]]}` : null;
}

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
