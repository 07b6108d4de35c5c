/**
 * Derived-claim checks declared as data (data/checks.csv): each row names a kind of
 * recomputation (src/domain/check-kinds.ts, computed by src/domain/recompute.ts), the figures it
 * reads (ledger claims, or figures of data/independent.csv: src/domain/check-refs.ts), and the
 * claim or reference whose figure it tests. `loadChecks` validates every row (DataError: file,
 * line, field); `runChecks` recomputes each one with the hedge rules of src/domain/intervals.ts
 * and returns a JSON-safe verdict per check (infinite bounds as null, never NaN), sorted by id,
 * with its arithmetic shown in words (src/domain/check-working.ts).
 *
 * data/checks.csv columns:
 * | column    | type   | meaning |
 * |-----------|--------|---------|
 * | id        | string | kebab-case id, unique |
 * | kind      | string | one of CHECK_KINDS (percent_change, drawdown_from_peak, ...) |
 * | inputs    | ids    | space-separated claim ids or references (r045, r062:-0.68@2026-02-03) in the order the kind expects (CHECK_KINDS[kind].roles) |
 * | result    | id     | the claim whose figure is tested; empty for a pair comparison (4 inputs), a kind with an implicit target (probabilities_sum: 100%), an `expected=` or a `ref=` target |
 * | params    | k=v    | space-separated `key=value` (src/domain/check-params.ts): expected=LOW..HIGH, ref=r045, read=printed, maintenance_margin=0.005, parts=partial, as=pct, order=lowest, since=2024-10, weekday=Thursday, date=2026-02-06 |
 * | statement | text   | one line: what the check tests |
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { asOfSpan } from "../data/dates";
import { DataError, DataErrors, decodeUtf8, parseCsv } from "../data/csv";
import { hull, interval, point, toBounds } from "./intervals";
import { convertInterval, sameDimension, unitInfo } from "./units";
import { effectiveInterval, nominalInterval, printedInterval } from "./hedges";
import { isIsoDateOrRange, type Ledger } from "../data/ledger";
import { ROOT } from "../data/paths";
import { judgeClaim, type CheckOutcome } from "./recompute";
import { CHECK_KINDS, kindSpec, type CheckKind, type KindSpec, type Read } from "./check-kinds";
import { COMMON_PARAMS, parseExpected, parseParams, validateParam } from "./check-params";
import { isReference, resolveReference } from "./check-refs";
import { checkWorking, type Shown } from "./check-working";
import { plainMeaning } from "./wording";
import type { IndependentRow } from "../data/independent-file";
import type { Claim, Interval } from "../data/types";

export { CHECK_KINDS, type CheckKind } from "./check-kinds";
export { parseExpected, parseParams } from "./check-params";

/** The columns of data/checks.csv, in order. */
export const CHECK_COLUMNS = ["id", "kind", "inputs", "result", "params", "statement"] as const;

/** One validated row of data/checks.csv. */
export interface Check {
  id: string;
  kind: CheckKind;
  /** Claim ids or references to data/independent.csv, in the order the kind expects. */
  inputs: string[];
  /** The claim whose figure is tested, or null. */
  result: string | null;
  params: Record<string, string>;
  statement: string;
  /** The figures of data/independent.csv the check reads (inputs, `ref=`, `date=`), claim-shaped, by token. */
  refs: Record<string, Claim>;
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
  /** Every ledger claim the check reads: inputs, then the result (and a `date=` claim). */
  claims: string[];
  /** Every figure of data/independent.csv the check reads, as its reference token (r045, r062:-0.68@2026-02-03). */
  sources: string[];
  /** The interval the tested article figure covers (result claim, or the second pair of a pair check); null when the check tests against a reference. */
  claimed: Bounds | null;
  /** The tested figure as printed, before rounding and hedge slack (null without a result claim): "almost double" is 90–100%. */
  claimedAsPrinted: Bounds | null;
  /** A reference target instead of a claim (probabilities_sum: 100; `expected=`); null otherwise. */
  reference: Bounds | null;
  /** The result from the inputs' printed meaning (no rounding slack). */
  computed: Bounds;
  /** The result with every input widened by its rounding and hedge. */
  computedWithRounding: Bounds;
  verdict: CheckOutcome;
  reason: string;
  gap: number | null;
  /** The arithmetic in plain words, from the figures as printed: "$91B to $185B is a rise of 103%". */
  working: string;
}


/** The figures data/independent.csv offers to references, by row id. */
export type IndependentRows = ReadonlyMap<string, IndependentRow>;

/**
 * Parses and validates checks CSV text against the ledger and the rows of data/independent.csv:
 * unknown kind, unknown claim id or reference, wrong input count, missing target, bad or missing
 * params, units that do not fit the kind, empty statement, duplicate id. Throws a DataErrors
 * listing every problem (each a DataError naming file, line and field); returns the checks in
 * file order otherwise.
 */
export function parseChecks(text: string, file: string, ledger: Pick<Ledger, "byId">, independent: IndependentRows = new Map()): Check[] {
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
    const refs: Record<string, Claim> = {};
    /** A claim or a reference; records the reference and returns the problem in words otherwise. */
    const figure = (token: string): Claim | string => {
      const c = ledger.byId.get(token);
      if (c) return c;
      if (!isReference(token)) return `"${token}" is not a claim id of the ledger`;
      const r = resolveReference(token, independent);
      if (typeof r !== "string") refs[token] = r;
      return r;
    };
    const inputs = v.inputs.trim().split(/\s+/).filter(Boolean);
    const arityOk = spec.variadic ? inputs.length >= spec.arity[0] : spec.arity.includes(inputs.length);
    if (inputs.length === 0) err("inputs", `is empty (${kind} expects ${spec.roles})`);
    else if (!arityOk) {
      const n = spec.variadic ? `at least ${spec.arity[0]}` : spec.arity.join(" or ");
      err("inputs", `has ${inputs.length} claim id${inputs.length === 1 ? "" : "s"} but ${kind} expects ${n} (${spec.roles})`);
    }
    const figures = inputs.map(figure);
    for (const f of figures) if (typeof f === "string") err("inputs", f);
    const result = v.result.trim() === "" ? null : v.result.trim();
    if (result !== null && !ledger.byId.has(result)) err("result", `"${result}" is not a claim id of the ledger`);

    let params: Record<string, string> = {};
    try {
      params = parseParams(v.params);
    } catch (e) {
      err("params", (e as Error).message);
    }
    for (const [k, val] of Object.entries(params)) {
      if (!COMMON_PARAMS.includes(k) && !spec.params.includes(k)) err("params", `"${k}" is not a parameter of ${kind} (allowed: ${[...spec.params, ...COMMON_PARAMS].join(", ")})`);
      else {
        const problem = validateParam(k, val);
        if (problem) err("params", problem);
      }
    }
    for (const k of spec.required ?? []) if (params[k] === undefined) err("params", `${kind} needs ${k}= (${spec.params.join(", ")})`);
    let target: Claim | undefined;
    if (params.ref !== undefined) {
      const r = isReference(params.ref) ? figure(params.ref) : `"${params.ref}" is not a reference to data/independent.csv (r045)`;
      if (typeof r === "string") err("params", `ref ${r}`);
      else target = r;
    }
    if (params.date !== undefined && !isIsoDateOrRange(params.date)) {
      const named = ledger.byId.has(params.date) || isReference(params.date);
      const r = named ? figure(params.date) : `"${params.date}" is not an ISO date or range, a claim id or a reference to data/independent.csv`;
      if (typeof r === "string") err("params", `date ${r}`);
    }
    const pair = spec.arity.includes(4) && inputs.length === 4;
    if (pair && result !== null) err("result", `must be empty when ${kind} compares two pairs (the second pair is the target)`);
    const targets = [result !== null, params.expected !== undefined, params.ref !== undefined].filter(Boolean).length;
    if (targets > 1) err("params", "expected= and ref= are for checks without a result claim, one at a time");
    if (!pair && targets === 0 && !spec.implicitTarget) {
      err("result", `is empty but ${kind} needs the claim whose figure it tests (or expected=LOW..HIGH or ref=r045 in params)`);
    }

    if (errors.length === before) {
      // units: the kind must accept the inputs' units, and the tested figure must be of the computed dimension
      try {
        const out = spec.unit(
          figures.map((c) => (c as Claim).unit),
          params,
        );
        const r = result === null ? target : ledger.byId.get(result)!;
        if (r && !sameDimension(r.unit, out)) err(result === null ? "params" : "result", `${r.id} is in ${r.unit} but ${kind} computes ${out}`);
      } catch (e) {
        err("inputs", (e as Error).message);
      }
    }
    if (errors.length === before) checks.push({ id: v.id, kind, inputs, result, params, statement: v.statement.trim(), refs, line });
  }
  // alternative= names another reading of the same sentence: a check of this file
  for (const c of checks) {
    const alt = c.params.alternative;
    if (alt !== undefined && (alt === c.id || !seen.has(alt))) errors.push(new DataError(file, c.line, "params", `alternative="${alt}" is not another check id of this file`));
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
 * @param independent the rows of data/independent.csv that references may name (none by default)
 * @throws DataErrors listing every bad row (see parseChecks).
 */
export function loadChecks(file: string, ledger: Pick<Ledger, "byId">, label?: string, independent?: IndependentRows): Check[] {
  const abs = path.isAbsolute(file) ? file : path.join(ROOT, file);
  const name = label ?? path.relative(ROOT, abs).split(path.sep).join("/");
  if (!fs.existsSync(abs)) throw new DataErrors([new DataError(name, 0, "", "does not exist")]);
  return parseChecks(decodeUtf8(fs.readFileSync(abs), name), name, ledger, independent);
}

/**
 * The claimed interval as the sentence asserts it: `at_most` ("swept out by a 2%-5% move" holds if
 * every such position is gone by a 5% move) stretches it to zero, so that any value no further
 * from zero than its far end passes; no reading leaves it as it is.
 * @example asserted({ low: -5.5, high: -1.5 }, "at_most") // => { low: -5.5, high: 0 }
 * @example asserted({ low: 1, high: 2 }, undefined) // => { low: 1, high: 2 }
 */
export function asserted(claimed: Interval, reading: string | undefined): Interval {
  return reading === "at_most" ? hull(claimed, point(0)) : claimed;
}

function bounds(iv: Interval | undefined, unit: string): Bounds {
  return iv ? { ...toBounds(iv), unit } : { low: null, high: null, unit };
}

/** How a kind reads its inputs in one check: its own reading, unless `read=` says otherwise. */
function readingOf(spec: KindSpec, params: Record<string, string>): KindSpec["reading"] {
  return params.read === "printed" || params.read === "hedged" ? params.read : spec.reading;
}

/** Runs one check; exported for notebooks that show a single check. */
export function runCheck(ledger: Pick<Ledger, "byId"> & Partial<Pick<Ledger, "vocabulary">>, check: Check): CheckVerdict {
  const spec = kindSpec(check.kind);
  const figureOf = (id: string): Claim => {
    const c = ledger.byId.get(id) ?? check.refs[id];
    if (!c) throw new RangeError(`check ${check.id}: unknown claim ${id}`);
    return c;
  };
  const inputs = check.inputs.map(figureOf);
  const result = check.result === null ? undefined : figureOf(check.result);
  const ref = check.params.ref === undefined ? undefined : figureOf(check.params.ref);
  const target = result ?? ref;
  // date=: an ISO date or range as given, or the as_of of the claim or reference it names
  const dateFigure = check.params.date === undefined || isIsoDateOrRange(check.params.date) ? undefined : figureOf(check.params.date);
  const params = dateFigure ? { ...check.params, date: dateFigure.as_of } : check.params;
  const pair = spec.arity.includes(4) && inputs.length === 4;
  const out = spec.unit(
    inputs.map((c) => c.unit),
    params,
  );
  const unit = target ? target.unit : out;
  const printed = readingOf(spec, params) === "printed";
  const read = (c: Claim, slack: boolean): Read => ({
    iv: printed ? printedInterval(c, slack) : slack ? effectiveInterval(c) : nominalInterval(c),
    unit: c.unit,
    asOf: c.as_of,
  });
  const strip = (iv: Interval): Interval => interval(iv.low, iv.high, iv.lowOpen, iv.highOpen);
  const compute = (cs: readonly Claim[], slack: boolean): Interval | undefined => {
    const iv = spec.compute(
      cs.map((c) => {
        const r = read(c, slack);
        return { ...r, iv: strip(r.iv) };
      }),
      params,
      out,
    );
    return iv && convertInterval(iv, out, unit);
  };
  const own = pair ? inputs.slice(0, 2) : inputs;
  const tokens = [...check.inputs, ...(check.result ? [check.result] : []), ...(check.params.ref ? [check.params.ref] : []), ...(dateFigure ? [dateFigure.id] : [])];
  const claims = [...new Set(tokens.filter((id) => ledger.byId.has(id)))];
  const sources = [...new Set(tokens.filter((id) => !ledger.byId.has(id)))];
  const garbled = [...inputs, ...(target ? [target] : [])].filter((c) => c.qualifier === "garbled").map((c) => c.id);

  let nominal: Interval | undefined;
  let effective: Interval | undefined;
  let claimed: Interval | undefined;
  let claimedAsPrinted: Interval | undefined;
  let reference: Interval | undefined;
  let failure: string | null = null;
  try {
    nominal = compute(own, false);
    effective = compute(own, true);
    if (result) {
      claimed = asserted(strip(effectiveInterval(result)), check.params.asserts);
      claimedAsPrinted = asserted(strip(nominalInterval(result)), check.params.asserts);
    }
    else if (pair) claimed = compute(inputs.slice(2), true);
    else if (ref) reference = strip(effectiveInterval(ref));
    else if (params.expected !== undefined) reference = parseExpected(params.expected);
    else reference = spec.implicitTarget;
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    // an overflow (1e300 × 1e300) says so in words rather than printing Infinity
    failure = /Infinity|NaN/.test(e.message) ? "the result overflows (it is beyond any finite number)" : e.message;
  }
  const judgement = failure
    ? { verdict: "ambiguous" as const, reason: `the computation failed: ${failure}`, gap: null }
    : judgeClaim({
        claimed: claimed ?? reference,
        computedNominal: nominal,
        computedEffective: effective,
        unit,
        garbled,
        scopeIssues: spec.scope ? spec.scope(inputs, target, params) : [],
        targetLabel: claimed ? "claimed" : "reference",
      });
  return {
    id: check.id,
    kind: check.kind,
    statement: check.statement,
    claims,
    sources,
    claimed: claimed ? bounds(claimed, unit) : null,
    claimedAsPrinted: claimedAsPrinted ? bounds(claimedAsPrinted, unit) : null,
    reference: reference ? bounds(reference, unit) : null,
    computed: bounds(nominal, unit),
    computedWithRounding: bounds(effective, unit),
    verdict: judgement.verdict,
    reason: judgement.reason,
    gap: judgement.gap,
    working: working(check, { inputs, target, pair, printed, params, unit, nominal, failure, compute, vocabulary: ledger.vocabulary ?? [] }),
  };
}

/** The working line of a run check (see src/domain/check-working.ts); never throws for valid data. */
function working(
  check: Check,
  w: { inputs: Claim[]; target?: Claim; pair: boolean; printed: boolean; params: Record<string, string>; unit: string; nominal?: Interval; failure: string | null; compute(cs: readonly Claim[], slack: boolean): Interval | undefined; vocabulary: Ledger["vocabulary"] },
): string {
  // a figure is named by its subject when the vocabulary words it ("ETH" -> "Ether")
  const name = (c: Claim) => {
    const term = w.vocabulary.find((t) => t.field === "subject" && t.term === c.subject);
    return term ? plainMeaning(term.meaning) : undefined;
  };
  const show = (c: Claim, printed = w.printed): Shown => ({ figure: c, name: name(c), iv: printed ? printedInterval(c, false) : nominalInterval(c), unit: c.unit, asOf: c.as_of, printed });
  try {
    const xs = (w.pair ? w.inputs.slice(0, 2) : w.inputs).map((c) => show(c));
    const pair = w.pair ? { xs: w.inputs.slice(2).map((c) => show(c)), result: w.failure ? undefined : w.compute(w.inputs.slice(2), false) } : undefined;
    const missing = w.failure ? `no value (${w.failure})` : undefined;
    return checkWorking({ kind: check.kind, xs, result: w.failure ? undefined : w.nominal, unit: w.unit, params: w.params, pair, target: w.target && show(w.target, false), missing });
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    return `the figures cannot be combined: ${e.message}`;
  }
}

/**
 * Runs every check and returns the verdicts sorted by id.
 * @example runChecks({ byId: new Map() }, []) // => []
 */
export function runChecks(ledger: Pick<Ledger, "byId"> & Partial<Pick<Ledger, "vocabulary">>, checks: readonly Check[]): CheckVerdict[] {
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
