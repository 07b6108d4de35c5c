/**
 * The kinds of check that data/checks.csv can declare (`CHECK_KINDS`): for each, how many inputs
 * it takes and in which roles, which units it accepts and computes, how it reads its inputs
 * (hedged or as printed), the computation (one pure function of src/domain/recompute.ts), and the
 * scope rule that says when the tested figure measures something else. Parsing and running the
 * checks is src/domain/checks.ts.
 */
import { asOfSpan } from "../data/dates";
import { convertInterval, sameDimension, unitInfo } from "./units";
import { interval, point } from "./intervals";
import { parseWeekdays } from "./check-params";
import {
  baseFromChange,
  daysOffWeekdays,
  monthsBetween,
  rankAmong,
  recordSpan,
  remainingChange,
  seriesBracket,
  type RankOrder,
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

/** A read input: its interval, its unit and the date it refers to (an as_of). */
export interface Read {
  iv: Interval;
  unit: string;
  asOf: string;
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
  /** Allowed params besides the common ones (`expected`, `ref`, `read`: src/domain/check-params.ts). */
  params: readonly string[];
  /** Params the kind cannot do without. */
  required?: readonly string[];
  /** A target when there is no result claim (probabilities_sum: 100%); `expected=` overrides it. */
  implicitTarget?: Interval;
  /** The output unit, from the input units; throws RangeError for incompatible units. */
  unit(units: readonly string[], params: Record<string, string>): string;
  /** The computation on read inputs (already in their own units). */
  compute(xs: readonly Read[], params: Record<string, string>, out: string): Interval | undefined;
  /** Why the tested figure (the result claim, or a `ref=` figure) may measure something else than the computation. */
  scope?(inputs: readonly Claim[], target: Claim | undefined, params: Record<string, string>): string[];
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

/**
 * Scope rule of sum_of against a period total (a tracker's November–January outflows): the parts
 * must cover the total's period, no more and no less (with parts=partial, lie inside it). Parts
 * that share one as_of with the total (2026 capex plans) are always fine.
 */
function periodScope(inputs: readonly Claim[], target: Claim | undefined, params: Record<string, string>): string[] {
  if (!target || inputs.every((c) => c.as_of === target.as_of)) return [];
  const spans = inputs.map((c) => asOfSpan(c.as_of));
  const start = spans.map((x) => x.start).sort()[0];
  const end = spans.map((x) => x.end).sort()[spans.length - 1];
  const t = asOfSpan(target.as_of);
  if (start === t.start && end === t.end) return [];
  if (params.parts === "partial" && start >= t.start && end <= t.end) return [];
  return [`the parts run from ${start} to ${end}, but ${target.id} covers ${t.start} to ${t.end}`];
}

/** Scope rule of a figure tested against one restated elsewhere: same subject and metric, overlapping dates. */
function sameQuantityScope(inputs: readonly Claim[], target: Claim | undefined): string[] {
  if (!target) return [];
  const x = inputs[0];
  const issues: string[] = [];
  if (x.subject !== target.subject || x.metric !== target.metric) issues.push(`${target.id} is a ${target.metric} of ${target.subject}, ${x.id} a ${x.metric} of ${x.subject}`);
  if (!overlapsInTime(x.as_of, target.as_of)) issues.push(`${target.id} is dated ${target.as_of}, ${x.id} ${x.as_of}`);
  return issues;
}

/** Scope rule of series_bracket: the tested figure is dated between the two readings. */
function betweenScope(inputs: readonly Claim[], target: Claim | undefined): string[] {
  if (!target) return [];
  const [a, b] = inputs.map((c) => asOfSpan(c.as_of));
  const t = asOfSpan(target.as_of);
  return t.start >= a.start && t.end <= b.end ? [] : [`${target.id} is dated ${target.as_of}, not between the readings of ${inputs[0].as_of} and ${inputs[1].as_of}`];
}

const dated = (x: Read, unit: string) => ({ value: as(x, unit), asOf: x.asOf });

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
    scope: periodScope,
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
  remaining_change: {
    arity: [2],
    variadic: true,
    roles: "whole part ...",
    reading: "hedged",
    params: [],
    unit: (u) => (u.forEach((_, k) => need(u, k, "pct", k === 0 ? "whole" : `part ${k}`)), "pct"),
    compute: ([w, ...ps]) => remainingChange(w.iv, ps.map((x) => x.iv)),
    scope: (_inputs, target) =>
      target && ["intraday", "session", "after_hours", "point"].includes(target.window) ? [`${target.id} is a move within one ${target.window === "point" ? "moment" : "session"}, the rest of the window spans several`] : [],
  },
  rank_among: {
    arity: [2],
    variadic: true,
    roles: "figure other ...",
    reading: "hedged",
    params: ["order"],
    required: ["order"],
    implicitTarget: point(1),
    unit: (u) => (same(u, "rank_among"), "count"),
    compute: ([x, ...others], p) => rankAmong(x.iv, others.map((o) => as(o, x.unit)), p.order as RankOrder),
  },
  record_span: {
    arity: [2],
    variadic: true,
    roles: "record earlier ...",
    reading: "hedged",
    params: ["order"],
    required: ["order"],
    unit: (u) => (same(u, "record_span"), "months"),
    compute: ([r, ...earlier], p) => recordSpan(dated(r, r.unit), earlier.map((e) => dated(e, r.unit)), p.order as RankOrder),
  },
  months_since: {
    arity: [1],
    roles: "dated",
    reading: "hedged",
    params: ["since"],
    required: ["since"],
    unit: () => "months",
    compute: ([d], p) => monthsBetween(p.since, d.asOf),
  },
  weekday: {
    arity: [1],
    roles: "dated",
    reading: "hedged",
    params: ["weekday", "date"],
    required: ["weekday"],
    implicitTarget: point(0),
    unit: () => "count",
    // `date` has been resolved to an as_of by runCheck (a claim id or a reference gives its as_of)
    compute: ([d], p) => daysOffWeekdays(p.date ?? d.asOf, parseWeekdays(p.weekday)),
  },
  series_bracket: {
    arity: [2],
    roles: "before after",
    reading: "hedged",
    params: [],
    unit: (u) => same(u, "series_bracket"),
    compute: ([a, b]) => seriesBracket(a.iv, as(b, a.unit)),
    scope: betweenScope,
  },
  restatement: {
    arity: [1],
    roles: "figure",
    reading: "hedged",
    params: [],
    unit: (u) => u[0],
    compute: ([x]) => x.iv,
    scope: sameQuantityScope,
  },
} satisfies Record<string, KindSpec>;

/** A check kind's name. */
export type CheckKind = keyof typeof CHECK_KINDS;

/** The spec of a kind. */
export const kindSpec = (k: CheckKind): KindSpec => CHECK_KINDS[k];
