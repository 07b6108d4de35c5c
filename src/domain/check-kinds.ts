/**
 * The kinds of check that data/checks.csv can declare (`CHECK_KINDS`): for each, how many inputs
 * it takes and in which roles, which units it accepts and computes, how it reads its inputs
 * (hedged or as printed), the computation (one pure function of src/domain/recompute.ts), and the
 * scope rule that says when the tested figure measures something else. Parsing and running the
 * checks is src/domain/checks.ts.
 */
import { asOfSpan } from "../charts/charts";
import { convertInterval, interval, point, sameDimension, unitInfo } from "./intervals";
import {
  baseFromChange,
  compoundChange,
  differenceOf,
  drawdownFromPeak,
  impliedBase,
  impliedFxRate,
  leverageWipeoutMove,
  percentChange,
  probabilitiesSum,
  productOf,
  ratioOf,
  reboundFromLow,
  sumOf,
} from "./recompute";
import type { Claim, Interval } from "../data/types";

/** A read input: the claim and its unit. */
export interface Read {
  iv: Interval;
  unit: string;
}

/** What a kind needs and does. */
export interface KindSpec {
  /** Allowed input counts; `variadic` allows any count ≥ arity[0]. */
  arity: readonly number[];
  variadic?: boolean;
  /** The inputs in order, in words. */
  roles: string;
  /** "hedged": effective/nominal intervals; "printed": the printed figure, ignoring over/under (a conversion restates one number). */
  reading: "hedged" | "printed";
  /** Allowed params besides `expected`. */
  params: readonly string[];
  /** A target when there is no result claim (probabilities_sum: 100%). */
  implicitTarget?: Interval;
  /** The output unit, from the input units; throws RangeError for incompatible units. */
  unit(units: readonly string[], params: Record<string, string>): string;
  /** The computation on read inputs (already in their own units). */
  compute(xs: readonly Read[], params: Record<string, string>, out: string): Interval | undefined;
  /** Why the result claim may measure something else than the computation. */
  scope?(inputs: readonly Claim[], result: Claim | undefined): string[];
}

function same(units: readonly string[], what: string): string {
  for (const u of units.slice(1)) {
    if (!sameDimension(units[0], u)) throw new RangeError(`${what} needs amounts of one dimension, got ${units.join(" and ")}`);
  }
  return units[0];
}

function need(units: readonly string[], k: number, dim: string, role: string): void {
  if (unitInfo(units[k]).dimension !== unitInfo(dim).dimension) throw new RangeError(`${role} must be in ${dim}, got ${units[k]}`);
}

const as = (x: Read, unit: string): Interval => convertInterval(x.iv, x.unit, unit);

function overlapsInTime(a: string, b: string): boolean {
  const x = asOfSpan(a);
  const y = asOfSpan(b);
  return x.start <= y.end && y.start <= x.end;
}

/** Scope rule of the percent kinds: the claim is about the same subject, and dated when the level is. */
function levelScope(inputs: readonly Claim[], result: Claim | undefined): string[] {
  if (!result) return [];
  const level = inputs[1];
  const issues: string[] = [];
  if (result.subject !== level.subject) issues.push(`${result.id} is about ${result.subject}, ${level.id} about ${level.subject}`);
  if (!overlapsInTime(result.as_of, level.as_of)) issues.push(`${result.id} is dated ${result.as_of} but the level ${level.id} is dated ${level.as_of}`);
  return issues;
}

const percentKind = (name: string, roles: string, f: (a: Interval, b: Interval) => Interval | undefined): KindSpec => ({
  arity: [2],
  roles,
  reading: "hedged",
  params: [],
  unit: (u) => (same(u, name), "pct"),
  compute: ([a, b]) => f(a.iv, as(b, a.unit)),
  scope: levelScope,
});

/** Every check kind, by name. */
export const CHECK_KINDS = {
  percent_change: percentKind("percent_change", "from to", percentChange),
  drawdown_from_peak: percentKind("drawdown_from_peak", "peak level", drawdownFromPeak),
  rebound_from_low: percentKind("rebound_from_low", "low level", reboundFromLow),
  implied_base: {
    arity: [2, 4],
    roles: "value change [value2 change2]",
    reading: "hedged",
    params: [],
    unit: (u) => {
      need(u, 1, "pct", "change");
      if (u.length === 4) {
        need(u, 3, "pct", "change2");
        same([u[0], u[2]], "implied_base");
      }
      return u[0];
    },
    compute: ([v, c]) => impliedBase(v.iv, c.iv),
  },
  base_from_change: {
    arity: [2],
    roles: "amount change",
    reading: "hedged",
    params: [],
    unit: (u) => (need(u, 1, "pct", "change"), u[0]),
    compute: ([a, c]) => baseFromChange(a.iv, c.iv),
  },
  implied_fx_rate: {
    arity: [2, 4],
    roles: "amount_a amount_b [amount_a2 amount_b2]",
    reading: "printed",
    params: [],
    unit: (u) => {
      const rate = `${unitInfo(u[0]).dimension}_per_${unitInfo(u[1]).dimension}`;
      if (!/^[A-Z]{3}_per_[A-Z]{3}$/.test(rate)) throw new RangeError(`implied_fx_rate needs two currency amounts, got ${u[0]} and ${u[1]}`);
      if (u.length === 4 && `${unitInfo(u[2]).dimension}_per_${unitInfo(u[3]).dimension}` !== rate) throw new RangeError(`implied_fx_rate pairs must be in the same currencies, got ${u.join(", ")}`);
      return rate;
    },
    compute: ([a, b]) => {
      // both amounts to base currency units (CNY_bn -> CNY) so that the rate is per unit
      const ka = unitInfo(a.unit).scale;
      const kb = unitInfo(b.unit).scale;
      const r = impliedFxRate(a.iv, b.iv);
      return r && (ka === kb ? r : productOf(r, ka / kb));
    },
  },
  leverage_wipeout_move: {
    arity: [1],
    roles: "leverage",
    reading: "hedged",
    params: ["maintenance_margin"],
    unit: (u) => (need(u, 0, "x", "leverage"), "pct"),
    compute: ([l], p) => leverageWipeoutMove(l.iv, p.maintenance_margin ? Number(p.maintenance_margin) : 0),
  },
  sum_of: {
    arity: [2],
    variadic: true,
    roles: "part part ...",
    reading: "hedged",
    params: ["parts"],
    unit: (u) => same(u, "sum_of"),
    compute: (xs, p, out) => {
      const s = sumOf(xs.map((x) => as(x, out)));
      // parts=partial: the inputs are only some of the parts; the rest add a non-negative amount
      return p.parts === "partial" ? interval(s.low, Infinity, s.lowOpen, true) : s;
    },
  },
  difference_of: {
    arity: [2],
    roles: "a b",
    reading: "hedged",
    params: [],
    unit: (u) => same(u, "difference_of"),
    compute: ([a, b], _p, out) => differenceOf(as(a, out), as(b, out)),
  },
  ratio_of: {
    arity: [2],
    roles: "numerator denominator",
    reading: "hedged",
    params: ["as"],
    unit: (u, p) => (same(u, "ratio_of"), p.as === "pct" ? "pct" : "ratio"),
    compute: ([a, b], p) => {
      const r = ratioOf(a.iv, as(b, a.unit));
      return r && (p.as === "pct" ? productOf(r, 100) : r);
    },
  },
  product_of: {
    arity: [2],
    roles: "amount multiplier",
    reading: "hedged",
    params: [],
    unit: (u) => (need(u, 1, "ratio", "multiplier"), u[0]),
    compute: ([a, m]) => productOf(a.iv, m.iv),
  },
  compound_change: {
    arity: [2],
    variadic: true,
    roles: "change change ...",
    reading: "hedged",
    params: [],
    unit: (u) => (u.forEach((_, k) => need(u, k, "pct", `change ${k + 1}`)), "pct"),
    compute: (xs) => compoundChange(xs.map((x) => x.iv)),
    scope: (inputs, result) => {
      const issues = inputs.filter((c) => c.metric !== "pct_change").map((c) => `${c.id} is a ${c.metric} (measured from a high or low inside its window), not a change over the whole window`);
      if (result && result.metric !== "pct_change") issues.push(`${result.id} is a ${result.metric}, not a change over its window`);
      return issues;
    },
  },
  probabilities_sum: {
    arity: [2],
    variadic: true,
    roles: "probability probability ...",
    reading: "hedged",
    params: [],
    implicitTarget: point(100),
    unit: (u) => (u.forEach((_, k) => need(u, k, "pct", `probability ${k + 1}`)), "pct"),
    compute: (xs) => probabilitiesSum(xs.map((x) => x.iv)),
  },
} satisfies Record<string, KindSpec>;

/** A check kind's name. */
export type CheckKind = keyof typeof CHECK_KINDS;

/** The spec of a kind. */
export const kindSpec = (k: CheckKind): KindSpec => CHECK_KINDS[k];
