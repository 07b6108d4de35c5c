/**
 * Derived-claim checks declared as data (data/checks.csv): each row names a kind of
 * recomputation (src/domain/recompute.ts), the ledger claims it reads, and the claim whose figure it
 * tests. `loadChecks` validates every row against the ledger (DataError: file, line, field);
 * `runChecks` recomputes each one with the hedge rules of src/domain/intervals.ts and returns a
 * JSON-safe verdict per check (infinite bounds as null, never NaN), sorted by id.
 *
 * data/checks.csv columns:
 * | column    | type   | meaning |
 * |-----------|--------|---------|
 * | id        | string | kebab-case id, unique |
 * | kind      | string | one of CHECK_KINDS (percent_change, drawdown_from_peak, ...) |
 * | inputs    | ids    | space-separated claim ids in the order the kind expects (CHECK_KINDS[kind].roles) |
 * | result    | id     | the claim whose figure is tested; empty for a pair comparison (4 inputs), a kind with an implicit target (probabilities_sum: 100%) or an `expected=` reference |
 * | params    | k=v    | space-separated `key=value`: maintenance_margin=0.005, parts=partial, as=pct, expected=LOW..HIGH |
 * | statement | text   | one line: what the check tests |
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { asOfSpan } from "../data/dates";
import { DataError, DataErrors, decodeUtf8, parseCsv } from "../data/csv";
import { convertInterval, effectiveInterval, interval, nominalInterval, point, printedInterval, sameDimension, toBounds, unitInfo } from "./intervals";
import type { Ledger } from "../data/ledger";
import { ROOT } from "../data/paths";
import {
  baseFromChange,
  compoundChange,
  differenceOf,
  drawdownFromPeak,
  impliedBase,
  impliedFxRate,
  judgeClaim,
  leverageWipeoutMove,
  percentChange,
  probabilitiesSum,
  productOf,
  ratioOf,
  reboundFromLow,
  sumOf,
  type CheckOutcome,
} from "./recompute";
import type { Claim, Interval } from "../data/types";

/** The columns of data/checks.csv, in order. */
export const CHECK_COLUMNS = ["id", "kind", "inputs", "result", "params", "statement"] as const;

/** One validated row of data/checks.csv. */
export interface Check {
  id: string;
  kind: CheckKind;
  /** Claim ids, in the order the kind expects. */
  inputs: string[];
  /** The claim whose figure is tested, or null. */
  result: string | null;
  params: Record<string, string>;
  statement: string;
  /** 1-based line in the file. */
  line: number;
}

/** JSON-safe bounds with a unit (infinite ends are null). */
export interface Bounds {
  low: number | null;
  high: number | null;
  unit: string;
}

/** The outcome of one check (JSON-safe: no Infinity, no NaN, no undefined). */
export interface CheckVerdict {
  id: string;
  kind: CheckKind;
  statement: string;
  /** Every claim the check reads: inputs, then the result. */
  claims: string[];
  /** The interval the tested article figure covers (result claim, or the second pair of a pair check); null when the check tests against a reference. */
  claimed: Bounds | null;
  /** A reference target instead of a claim (probabilities_sum: 100; `expected=`); null otherwise. */
  reference: Bounds | null;
  /** The result from the inputs' printed meaning (no rounding slack). */
  computed: Bounds;
  /** The result with every input widened by its rounding and hedge. */
  computedWithRounding: Bounds;
  verdict: CheckOutcome;
  reason: string;
  gap: number | null;
}

/** A read input: the claim and its unit. */
interface Read {
  iv: Interval;
  unit: string;
}

/** What a kind needs and does. */
interface KindSpec {
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

const kindSpec = (k: CheckKind): KindSpec => CHECK_KINDS[k];

/**
 * Parses `params` ("maintenance_margin=0.005 expected=0.21..0.26") into a record.
 * @throws RangeError `"…" is not key=value`.
 * @example parseParams("maintenance_margin=0.005 parts=partial") // => { maintenance_margin: "0.005", parts: "partial" }
 */
export function parseParams(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const tok of text.trim().split(/\s+/).filter(Boolean)) {
    const m = /^([a-z_]+)=(\S+)$/.exec(tok);
    if (!m) throw new RangeError(`"${tok}" is not key=value`);
    out[m[1]] = m[2];
  }
  return out;
}

/**
 * Reads `expected=LOW..HIGH` (or a single number) as a closed interval.
 * @throws RangeError `"…" is not LOW..HIGH`.
 * @example parseExpected("0.21..0.26") // => { low: 0.21, high: 0.26 }
 */
export function parseExpected(text: string): Interval {
  const m = /^(-?\d+(?:\.\d+)?)(?:\.\.(-?\d+(?:\.\d+)?))?$/.exec(text);
  if (!m || (m[2] !== undefined && Number(m[1]) > Number(m[2]))) throw new RangeError(`"${text}" is not LOW..HIGH`);
  return interval(Number(m[1]), Number(m[2] ?? m[1]));
}

function validateParam(key: string, value: string): string | null {
  switch (key) {
    case "maintenance_margin": {
      const x = Number(value);
      return /^\d*\.?\d+$/.test(value) && x >= 0 && x < 1 ? null : `maintenance_margin "${value}" is not a number in [0, 1)`;
    }
    case "parts":
      return value === "partial" || value === "all" ? null : `parts "${value}" is not partial or all`;
    case "as":
      return value === "pct" || value === "ratio" ? null : `as "${value}" is not pct or ratio`;
    case "expected":
      try {
        parseExpected(value);
        return null;
      } catch (e) {
        return `expected ${(e as Error).message}`;
      }
    default:
      return null;
  }
}

/**
 * Parses and validates checks CSV text against the ledger: unknown kind, unknown claim id, wrong
 * input count, missing target, bad params, units that do not fit the kind, empty statement,
 * duplicate id. Throws a DataErrors listing every problem (each a DataError naming file, line
 * and field); returns the checks in file order otherwise.
 */
export function parseChecks(text: string, file: string, ledger: Pick<Ledger, "byId">): Check[] {
  const errors: DataError[] = [];
  let table;
  try {
    table = parseCsv(text, file, CHECK_COLUMNS);
  } catch (e) {
    if (e instanceof DataError) throw new DataErrors([e]);
    throw e;
  }
  const checks: Check[] = [];
  const seen = new Set<string>();
  for (const { line, values: v } of table.rows) {
    const before = errors.length;
    const err = (field: string, problem: string) => errors.push(new DataError(file, line, field, problem));
    if (v.id === "") err("id", "is empty");
    else if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(v.id)) err("id", `"${v.id}" is not a kebab-case id`);
    else if (seen.has(v.id)) err("id", `"${v.id}" is a duplicate id`);
    seen.add(v.id);
    if (v.statement.trim() === "") err("statement", "is empty (say in one line what the check tests)");
    const known = Object.keys(CHECK_KINDS);
    if (!known.includes(v.kind)) {
      err("kind", `"${v.kind}" is not a check kind (one of ${known.join(", ")})`);
      continue;
    }
    const kind = v.kind as CheckKind;
    const spec = kindSpec(kind);
    const inputs = v.inputs.trim().split(/\s+/).filter(Boolean);
    const arityOk = spec.variadic ? inputs.length >= spec.arity[0] : spec.arity.includes(inputs.length);
    if (inputs.length === 0) err("inputs", `is empty (${kind} expects ${spec.roles})`);
    else if (!arityOk) {
      const n = spec.variadic ? `at least ${spec.arity[0]}` : spec.arity.join(" or ");
      err("inputs", `has ${inputs.length} claim id${inputs.length === 1 ? "" : "s"} but ${kind} expects ${n} (${spec.roles})`);
    }
    for (const id of inputs) if (!ledger.byId.has(id)) err("inputs", `"${id}" is not a claim id of the ledger`);
    const result = v.result.trim() === "" ? null : v.result.trim();
    if (result !== null && !ledger.byId.has(result)) err("result", `"${result}" is not a claim id of the ledger`);

    let params: Record<string, string> = {};
    try {
      params = parseParams(v.params);
    } catch (e) {
      err("params", (e as Error).message);
    }
    for (const [k, val] of Object.entries(params)) {
      if (k !== "expected" && !spec.params.includes(k)) err("params", `"${k}" is not a parameter of ${kind} (allowed: ${[...spec.params, "expected"].join(", ")})`);
      else {
        const problem = validateParam(k, val);
        if (problem) err("params", problem);
      }
    }
    const pair = spec.arity.includes(4) && inputs.length === 4;
    if (pair && result !== null) err("result", `must be empty when ${kind} compares two pairs (the second pair is the target)`);
    if (result !== null && params.expected !== undefined) err("params", "expected= is for checks without a result claim");
    if (!pair && result === null && params.expected === undefined && !spec.implicitTarget) {
      err("result", `is empty but ${kind} needs the claim whose figure it tests (or expected=LOW..HIGH in params)`);
    }

    if (errors.length === before) {
      // units: the kind must accept the inputs' units, and the result must be of the computed dimension
      const claims = inputs.map((id) => ledger.byId.get(id)!);
      try {
        const out = spec.unit(
          claims.map((c) => c.unit),
          params,
        );
        const r = result === null ? undefined : ledger.byId.get(result)!;
        if (r && !sameDimension(r.unit, out)) err("result", `${r.id} is in ${r.unit} but ${kind} computes ${out}`);
      } catch (e) {
        err("inputs", (e as Error).message);
      }
    }
    if (errors.length === before) checks.push({ id: v.id, kind, inputs, result, params, statement: v.statement.trim(), line });
  }
  if (errors.length > 0) throw new DataErrors(errors);
  return checks;
}

/**
 * Reads and validates data/checks.csv (or another file) against the ledger: strict UTF-8, every
 * row checked. The one reader of checks files (validate and the report use it through
 * readChecks in src/domain/analysis.ts).
 * @param file the CSV path, absolute or relative to the project root
 * @param label how messages name the file; default its path from the project root (a copy of
 *   data/ is named `data/checks.csv` by its caller)
 * @throws DataErrors listing every bad row (see parseChecks).
 */
export function loadChecks(file: string, ledger: Pick<Ledger, "byId">, label?: string): Check[] {
  const abs = path.isAbsolute(file) ? file : path.join(ROOT, file);
  const name = label ?? path.relative(ROOT, abs).split(path.sep).join("/");
  if (!fs.existsSync(abs)) throw new DataErrors([new DataError(name, 0, "", "does not exist")]);
  return parseChecks(decodeUtf8(fs.readFileSync(abs), name), name, ledger);
}

function bounds(iv: Interval | undefined, unit: string): Bounds {
  return iv ? { ...toBounds(iv), unit } : { low: null, high: null, unit };
}

/** Runs one check; exported for notebooks that show a single check. */
export function runCheck(ledger: Pick<Ledger, "byId">, check: Check): CheckVerdict {
  const spec = kindSpec(check.kind);
  const claimOf = (id: string) => {
    const c = ledger.byId.get(id);
    if (!c) throw new RangeError(`check ${check.id}: unknown claim ${id}`);
    return c;
  };
  const inputs = check.inputs.map(claimOf);
  const result = check.result === null ? undefined : claimOf(check.result);
  const pair = spec.arity.includes(4) && inputs.length === 4;
  const out = spec.unit(
    inputs.map((c) => c.unit),
    check.params,
  );
  const unit = result ? result.unit : out;
  const read = (c: Claim, slack: boolean): Read => ({
    iv: spec.reading === "printed" ? printedInterval(c, slack) : slack ? effectiveInterval(c) : nominalInterval(c),
    unit: c.unit,
  });
  const strip = (iv: Interval): Interval => interval(iv.low, iv.high, iv.lowOpen, iv.highOpen);
  const compute = (cs: readonly Claim[], slack: boolean): Interval | undefined => {
    const iv = spec.compute(
      cs.map((c) => {
        const r = read(c, slack);
        return { iv: strip(r.iv), unit: r.unit };
      }),
      check.params,
      out,
    );
    return iv && convertInterval(iv, out, unit);
  };
  const own = pair ? inputs.slice(0, 2) : inputs;
  const claims = [...new Set([...check.inputs, ...(check.result ? [check.result] : [])])];
  const garbled = [...inputs, ...(result ? [result] : [])].filter((c) => c.qualifier === "garbled").map((c) => c.id);

  let nominal: Interval | undefined;
  let effective: Interval | undefined;
  let claimed: Interval | undefined;
  let reference: Interval | undefined;
  let failure: string | null = null;
  try {
    nominal = compute(own, false);
    effective = compute(own, true);
    if (result) claimed = strip(effectiveInterval(result));
    else if (pair) claimed = compute(inputs.slice(2), true);
    else if (check.params.expected !== undefined) reference = parseExpected(check.params.expected);
    else reference = spec.implicitTarget;
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    failure = e.message;
  }
  const judgement = failure
    ? { verdict: "ambiguous" as const, reason: `the computation failed: ${failure}`, gap: null }
    : judgeClaim({
        claimed: claimed ?? reference,
        computedNominal: nominal,
        computedEffective: effective,
        unit,
        garbled,
        scopeIssues: spec.scope ? spec.scope(inputs, result) : [],
        targetLabel: claimed ? "claimed" : "reference",
      });
  return {
    id: check.id,
    kind: check.kind,
    statement: check.statement,
    claims,
    claimed: claimed ? bounds(claimed, unit) : null,
    reference: reference ? bounds(reference, unit) : null,
    computed: bounds(nominal, unit),
    computedWithRounding: bounds(effective, unit),
    verdict: judgement.verdict,
    reason: judgement.reason,
    gap: judgement.gap,
  };
}

/**
 * Runs every check and returns the verdicts sorted by id.
 * @example runChecks({ byId: new Map() }, []) // => []
 */
export function runChecks(ledger: Pick<Ledger, "byId">, checks: readonly Check[]): CheckVerdict[] {
  return checks
    .map((c) => runCheck(ledger, c))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Counts verdicts by outcome (every outcome present, zero when unused).
 * @example countCheckOutcomes([{ verdict: "consistent" }, { verdict: "consistent" }]).consistent // => 2
 */
export function countCheckOutcomes(verdicts: readonly Pick<CheckVerdict, "verdict">[]): Record<CheckOutcome, number> {
  const out: Record<CheckOutcome, number> = { consistent: 0, consistent_within_rounding: 0, inconsistent: 0, scope_mismatch: 0, ambiguous: 0 };
  for (const v of verdicts) out[v.verdict]++;
  return out;
}
