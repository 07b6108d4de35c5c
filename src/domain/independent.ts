/**
 * Against independent reporting: data/independent.csv holds figures that other outlets, data
 * providers and filings published about the same events, each restated in the ledger's own form
 * and linked to the ledger claims it bears on. This module reads and checks that file
 * (`readIndependent`), compares each claim with its linked sources using the ledger's interval
 * rules (`effectiveInterval`, src/domain/intervals.ts), and weighs the sources by tier
 * (`independentVerdict`, `buildIndependent`).
 *
 * The comparison, in short (data/README-independent.md has the tier rules):
 * - a linked source is *comparable* when it measures the same quantity: same subject and metric,
 *   a unit of the same dimension, overlapping as_of dates, and the same window (levels such as
 *   price, low, peak or close ignore the window; a claim whose window is the whole `episode`
 *   accepts any shorter window inside its dates). Every other linked source is *context*.
 * - each comparable source `refines` (lies inside the claim and is narrower), `confirms` (its
 *   printed figure agrees), `confirms_within_rounding` (only the rounding/hedge slack makes it
 *   agree), is merely `consistent` (an open-ended or ranged figure overlapping the claim without
 *   pinning it), or `disagrees` (no common value even with every rounding and hedge allowed).
 * - tiers rank primary > wire > aggregator. A claim is disputed when its strongest dissent
 *   outranks every agreeing or consistent source (or ties them and outnumbers them at that tier),
 *   provided the dissenting sources all lie on one side of the claim; otherwise the strongest
 *   agreeing source gives the verdict; with none it stays unverified.
 */
import * as fs from "node:fs";
import { DataError, decodeUtf8, parseCsv, parseNumberField } from "../data/csv";
import { isIsoDateOrRange, type Ledger } from "../data/ledger";
import { asOfSpan } from "../data/dates";
import { rel } from "../data/paths";
import { convertInterval, distance, effectiveInterval, intersect, nominalInterval, printedPrecision, sameDimension, UNITS, width, type HedgeInput } from "./intervals";
import { extractNumericTokens } from "../data/numbers";
import type { Claim, Interval, Qualifier } from "../data/types";

export const INDEPENDENT_COLUMNS = ["id", "subject", "metric", "window", "low", "high", "unit", "as_of", "quote", "url", "outlet", "published", "tier", "claims", "stance", "note"] as const;

/** Who published a source: see data/README-independent.md for the rules. */
export type Tier = "primary" | "wire" | "aggregator";
export const TIERS: readonly Tier[] = ["primary", "wire", "aggregator"];

/** The stance given in the shared corroboration file (kept as given; the verdict is computed afresh). */
export type Stance = "corroborates" | "refines" | "contradicts";
export const STANCES: readonly Stance[] = ["corroborates", "refines", "contradicts"];

/** One row of data/independent.csv. */
export interface IndependentRow {
  id: string;
  subject: string;
  metric: string;
  window: string;
  /** Lower bound in `unit`; null when open ("over X" falls: "fell more than 16%" has low null). */
  low: number | null;
  /** Upper bound in `unit`; null when open. */
  high: number | null;
  unit: string;
  as_of: string;
  quote: string;
  url: string;
  outlet: string;
  published: string;
  tier: Tier;
  /** Ledger claim ids this figure bears on (at least one). */
  claims: string[];
  stance: Stance;
  note: string;
  /** 1-based line of the row in the file (for messages). */
  line: number;
}

/** How one linked source compares with a claim. */
export type Relation = "refines" | "confirms" | "confirms_within_rounding" | "consistent" | "disagrees" | "context";

/** The verdict on a claim against independent reporting. */
export type IndependentVerdict = "confirmed" | "confirmed_within_rounding" | "refined" | "disputed" | "unverified";
export const INDEPENDENT_VERDICTS: readonly IndependentVerdict[] = ["confirmed", "confirmed_within_rounding", "refined", "disputed", "unverified"];

/** One linked source in a result: how it compares and why (JSON-safe: strings and null only). */
export interface SourceComparison {
  id: string;
  tier: Tier;
  outlet: string;
  stance: Stance;
  relation: Relation;
  /** The source's interval in the claim's unit (its own unit when not comparable), e.g. "[60008.5, 60008.5)". */
  interval: string;
  /** Why a context source is not compared (another day, another metric, ...); "" when comparable. */
  why: string;
}

/** The verdict on one ledger claim. */
export interface IndependentResult {
  claim: string;
  verdict: IndependentVerdict;
  /** The source that decides the verdict; null when unverified. */
  best_source: string | null;
  reason: string;
  /** Every linked source, sorted by id. */
  sources: SourceComparison[];
}

// ---------------------------------------------------------------------------------------------
// Reading and checking the file

const URL_PATTERN = /^https?:\/\/[^\s]+$/;
const ID_PATTERN = /^r\d{3,}$/;

/**
 * Reads data/independent.csv and checks every row against the ledger: numbers (via
 * parseNumberField), vocabulary terms, tier and stance, as_of, quote and url, and that every
 * linked claim exists. Never throws for bad data: returns the valid rows and every problem as a
 * DataError (`file:line: field problem`). A missing or unparsable file is one error at line 0 or
 * at the offending line. Bounds are in the row's `unit`. Messages name the file `label` (by
 * default its path from the project root; loaders of a data folder pass "data/independent.csv",
 * so that a copy of data/ elsewhere is named like the original).
 * @example readIndependent("/nonexistent/independent.csv", { byId: new Map(), vocabulary: [] }).errors.map((e) => e.problem) // => ["does not exist"]
 */
export function readIndependent(file: string, ledger: Pick<Ledger, "byId" | "vocabulary">, label: string = rel(file)): { rows: IndependentRow[]; errors: DataError[] } {
  const errors: DataError[] = [];
  if (!fs.existsSync(file)) return { rows: [], errors: [new DataError(label, 0, "", "does not exist")] };
  let table;
  try {
    table = parseCsv(decodeUtf8(fs.readFileSync(file), label), label, INDEPENDENT_COLUMNS);
  } catch (e) {
    if (e instanceof DataError) return { rows: [], errors: [e] };
    throw e;
  }
  const vocab = new Map<string, Set<string>>();
  for (const t of ledger.vocabulary) {
    if (!vocab.has(t.field)) vocab.set(t.field, new Set());
    vocab.get(t.field)!.add(t.term);
  }
  const rows: IndependentRow[] = [];
  const seen = new Set<string>();
  for (const { line, values: v } of table.rows) {
    const before = errors.length;
    const err = (field: string, problem: string) => errors.push(new DataError(label, line, field, problem));
    if (!ID_PATTERN.test(v.id)) err("id", `"${v.id}" is not an id like r001`);
    else if (seen.has(v.id)) err("id", `"${v.id}" is a duplicate id`);
    seen.add(v.id);
    for (const f of ["subject", "metric", "window", "unit"] as const) {
      if (v[f] === "") err(f, "is empty (required)");
      else if (!vocab.get(f)?.has(v[f])) err(f, `"${v[f]}" is not a ${f} of data/vocabulary.csv`);
    }
    const bound = (f: "low" | "high"): number | null => {
      try {
        return parseNumberField(v[f], label, line, f, true);
      } catch (e) {
        errors.push(e as DataError);
        return null;
      }
    };
    const low = bound("low");
    const high = bound("high");
    if (v.low === "" && v.high === "") err("low", "and high are both empty (a figure needs at least one bound)");
    else if (low !== null && high !== null && low > high) err("low", `${low} is greater than high ${high}`);
    if (v.as_of === "") err("as_of", "is empty (required)");
    else if (!isIsoDateOrRange(v.as_of)) err("as_of", `"${v.as_of}" is not an ISO date, month, year or range`);
    if (v.published !== "" && !isIsoDateOrRange(v.published)) err("published", `"${v.published}" is not an ISO date`);
    if (v.quote.trim() === "") err("quote", "is empty (the excerpt carrying the number is required)");
    if (v.url === "") err("url", "is empty (required)");
    else if (!URL_PATTERN.test(v.url)) err("url", `"${v.url}" is not an http(s) URL`);
    if (v.outlet.trim() === "") err("outlet", "is empty (required)");
    if (!(TIERS as readonly string[]).includes(v.tier)) err("tier", `"${v.tier}" is not one of ${TIERS.join(", ")}`);
    if (!(STANCES as readonly string[]).includes(v.stance)) err("stance", `"${v.stance}" is not one of ${STANCES.join(", ")}`);
    const claims = v.claims.split(" ").filter((c) => c !== "");
    if (claims.length === 0) err("claims", "is empty (link at least one ledger claim id)");
    for (const c of claims) if (!ledger.byId.has(c)) err("claims", `"${c}" is not a claim id of data/claims.csv`);
    if (new Set(claims).size !== claims.length) err("claims", "lists a claim id twice");
    if (errors.length === before) {
      rows.push({
        id: v.id, subject: v.subject, metric: v.metric, window: v.window, low, high, unit: v.unit, as_of: v.as_of, quote: v.quote, url: v.url,
        outlet: v.outlet, published: v.published, tier: v.tier as Tier, claims, stance: v.stance as Stance, note: v.note, line,
      });
    }
  }
  return { rows, errors };
}

// ---------------------------------------------------------------------------------------------
// A source figure as a hedged interval

/** The scale word that makes a bare number read in `unit` ("402836" in USD_mn -> "402836 million"). */
const UNIT_SCALE_WORD: Record<string, string> = { USD_mn: " million", USD_bn: " billion", USD_tn: " trillion", CNY_mn: " million", CNY_bn: " billion", TWD_mn: " million" };

const HEDGE_BEFORE = /(~|≈|\b(?:about|around|roughly|approximately|near|nearly|almost|just under|some|over|more than|above|exceeding|exceeded|past|under|below|less than|up to|at least|at most|as high as))\s*(?:USD\s?|US\$|NT\$|RMB\s?|\$|€|¥)?\s*$/i;
const NEARLY_HEDGE = /^(nearly|almost|just under)$/i;
const APPROX_HEDGE = /^(~|≈|about|around|roughly|approximately|near|some)$/i;

/**
 * Where a source's quote prints `value` (in `unit`): the printed figure (with its scale word, so
 * that printed precision reads right) and the hedge word just before it; null when the quote
 * does not print it (a derived figure such as "since 2009" -> 17 years, or "five-point-26 percent").
 * @example printedInQuote("more than $2.65 billion worth of positions", 2.65, "USD_bn") // => { raw: "more than $2.65 billion", hedge: "more than" }
 * @example printedInQuote("Total revenues | $ | 402,836", 402836, "USD_mn") // => { raw: "402,836 million", hedge: "" }
 * @example printedInQuote("crashing nearly 19% to surrender", -19, "pct") // => { raw: "nearly 19%", hedge: "nearly" }
 */
export function printedInQuote(quote: string, value: number, unit: string): { raw: string; hedge: string } | null {
  for (const t of extractNumericTokens(quote)) {
    let raw: string | null = null;
    if (printedPrecision(t.figure, value, unit) !== null) raw = t.figure;
    else if (Number(t.text.replace(/,/g, "")) === Math.abs(value)) raw = t.text + (UNIT_SCALE_WORD[unit] ?? "");
    if (raw === null) continue;
    const m = HEDGE_BEFORE.exec(quote.slice(Math.max(0, t.start - 40), t.start));
    return { raw, hedge: m ? m[1] : "" };
  }
  return null;
}

/**
 * A source row as the ledger's hedge input: the figure as its quote prints it (or the stored
 * number, with the unit's scale word, when the quote does not print it), the hedge word before
 * it, and a qualifier read from the bounds and that word (one bound: over/under; two different
 * bounds: range; a point: nearly / approx / exact by the hedge word).
 * @example sourceHedgeInput({ low: 580000, high: 580000, unit: "people", quote: "with nearly 580,000 traders rekt" }).qualifier // => "nearly"
 * @example sourceHedgeInput({ low: 17, high: 17, unit: "years", quote: "the worst January since 2009" }) // => { low: 17, high: 17, unit: "years", qualifier: "exact", raw: "17", hedge: "" }
 */
export function sourceHedgeInput(row: Pick<IndependentRow, "low" | "high" | "unit" | "quote">): HedgeInput {
  const ends = [row.low, row.high].filter((x): x is number => x !== null);
  const printed = ends.map((x) => printedInQuote(row.quote, x, row.unit) ?? { raw: String(x).replace(/^-/, "") + (UNIT_SCALE_WORD[row.unit] ?? ""), hedge: "" });
  const raw = [...new Set(printed.map((p) => p.raw))].join(" – ");
  const hedge = printed[0].hedge;
  let qualifier: Qualifier;
  if (row.low === null) qualifier = "under";
  else if (row.high === null) qualifier = "over";
  else if (row.low !== row.high) qualifier = "range";
  else if (NEARLY_HEDGE.test(hedge)) qualifier = "nearly";
  else if (APPROX_HEDGE.test(hedge)) qualifier = "approx";
  else qualifier = "exact";
  return { low: row.low, high: row.high, unit: row.unit, qualifier, raw, hedge };
}

// ---------------------------------------------------------------------------------------------
// Same quantity?


/**
 * True when two as_of values (a date, month, year or a range a/b of them) share at least one
 * day; the spans come from `asOfSpan` (src/data/dates.ts). Throws a RangeError for an invalid as_of.
 * @example asOfOverlaps("2026-02-05/2026-02-06", "2026-02-06") // => true
 * @example asOfOverlaps("2026-02-06", "2026-02-08") // => false
 */
export function asOfOverlaps(a: string, b: string): boolean {
  const x = asOfSpan(a);
  const y = asOfSpan(b);
  return x.start <= y.end && y.start <= x.end;
}

/** Metrics that are a level at a moment: where the level was read (intraday, session) does not change the quantity. */
export const LEVEL_METRICS: readonly string[] = ["price", "low", "peak", "close", "market_cap", "index_level", "support_level", "resistance_level"];

/** Windows that fit inside a claim whose window is the whole `episode` (the article gave no shorter one). */
export const EPISODE_SUBWINDOWS: readonly string[] = ["point", "intraday", "session", "after_hours", "24h", "3d", "week"];

/**
 * Why a linked source does not measure the claim's quantity, in words; "" when it does (same
 * subject, metric, window rule, unit dimension and overlapping dates).
 * @example whyNotComparable({ subject: "BTC", metric: "low", window: "episode", unit: "USD", as_of: "2026-02-05/2026-02-06" }, { subject: "BTC", metric: "low", window: "intraday", unit: "USD", as_of: "2026-02-06" }) // => ""
 * @example whyNotComparable({ subject: "silver", metric: "pct_change", window: "session", unit: "pct", as_of: "2026-02-05" }, { subject: "silver", metric: "pct_change", window: "session", unit: "pct", as_of: "2026-01-30" }) // => "another date (2026-01-30, the claim 2026-02-05)"
 */
export function whyNotComparable(
  claim: Pick<Claim, "subject" | "metric" | "window" | "unit" | "as_of">,
  source: Pick<IndependentRow, "subject" | "metric" | "window" | "unit" | "as_of">,
): string {
  if (source.subject !== claim.subject) return `another subject (${source.subject}, the claim ${claim.subject})`;
  if (source.metric !== claim.metric) return `another metric (${source.metric}, the claim ${claim.metric})`;
  const windowOk =
    source.window === claim.window ||
    LEVEL_METRICS.includes(claim.metric) ||
    (claim.window === "episode" && EPISODE_SUBWINDOWS.includes(source.window));
  if (!windowOk) return `another window (${source.window}, the claim ${claim.window})`;
  if (!(source.unit in UNITS) || !(claim.unit in UNITS) || !sameDimension(source.unit, claim.unit)) return `a unit that does not convert (${source.unit}, the claim ${claim.unit})`;
  if (!asOfOverlaps(source.as_of, claim.as_of)) return `another date (${source.as_of}, the claim ${claim.as_of})`;
  return "";
}

// ---------------------------------------------------------------------------------------------
// Comparing intervals

/** Effective (rounding and hedges allowed) and nominal (as printed) readings of one figure. */
export interface Readings {
  effective: Interval;
  nominal: Interval;
  /** True for a single printed value (exact, approx, nearly); false for a range or an open bound. */
  pointFigure: boolean;
}

/** The bare interval of a hedged one, ends rounded to 12 significant digits (unit conversion and 2%-of-value slack leave float noise). */
function stripHedged(iv: Interval): Interval {
  const clean = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(12)) : x);
  const out: Interval = { low: clean(iv.low), high: clean(iv.high) };
  if (iv.lowOpen) out.lowOpen = true;
  if (iv.highOpen) out.highOpen = true;
  return out;
}

/**
 * A figure's two readings under the ledger's interval rules, converted to `unit`.
 * @example figureReadings({ low: 2.65, high: null, qualifier: "over", raw: "$2.65 billion", unit: "USD_bn", hedge: "more than" }, "USD_tn").effective // => { low: 0.00265, high: Infinity, lowOpen: true, highOpen: true }
 */
export function figureReadings(h: HedgeInput, unit: string): Readings {
  return {
    effective: stripHedged(convertInterval(stripHedged(effectiveInterval(h)), h.unit, unit)),
    nominal: stripHedged(convertInterval(stripHedged(nominalInterval(h)), h.unit, unit)),
    pointFigure: h.low !== null && h.high !== null && h.low === h.high,
  };
}

/**
 * True when every value of `inner` lies in `outer` (open ends respected).
 * @example isWithin({ low: 60008.515, high: 60008.525, highOpen: true }, { low: 59999.5, high: 61000.5, highOpen: true }) // => true
 * @example isWithin({ low: 1, high: 3 }, { low: 2, high: 4 }) // => false
 */
export function isWithin(inner: Interval, outer: Interval): boolean {
  const common = intersect(inner, outer);
  return common !== null && common.low === inner.low && common.high === inner.high && !!common.lowOpen === !!inner.lowOpen && !!common.highOpen === !!inner.highOpen;
}

/**
 * How a source figure compares with a claim figure (both already in the claim's unit):
 * disagrees (no common value even with rounding and hedges), refines (the source as printed lies
 * inside the claim's interval and its own interval is narrower), confirms (a single printed
 * value, or a figure inside the claim, whose printed value agrees), confirms_within_rounding
 * (agrees only with the rounding/hedge slack), consistent (a range or open bound that overlaps
 * the claim without lying inside it).
 * @example compareReadings({ effective: { low: 60008.515, high: 60008.525, highOpen: true }, nominal: { low: 60008.52, high: 60008.52 }, pointFigure: true }, { effective: { low: 59999.5, high: 61000.5, highOpen: true }, nominal: { low: 60000, high: 61000 } }) // => "refines"
 * @example compareReadings({ effective: { low: 402.75, high: 402.85, highOpen: true }, nominal: { low: 402.8, high: 402.8 }, pointFigure: true }, { effective: { low: 402.835, high: 402.845, highOpen: true }, nominal: { low: 402.84, high: 402.84 } }) // => "confirms_within_rounding"
 * @example compareReadings({ effective: { low: 8.5, high: 9.5, highOpen: true }, nominal: { low: 9, high: 9 }, pointFigure: true }, { effective: { low: 9.5, high: 10.5, highOpen: true }, nominal: { low: 10, high: 10 } }) // => "disagrees"
 */
export function compareReadings(source: Readings, claim: Pick<Readings, "effective" | "nominal">): Exclude<Relation, "context"> {
  if (intersect(source.effective, claim.effective) === null) return "disagrees";
  const inside = isWithin(source.nominal, claim.effective);
  if (inside && width(source.effective) < width(claim.effective)) return "refines";
  if (!inside && !source.pointFigure) return "consistent";
  return intersect(source.nominal, claim.nominal) !== null ? "confirms" : "confirms_within_rounding";
}

// ---------------------------------------------------------------------------------------------
// Weighing the sources

/**
 * A tier's weight: primary 3, wire 2, aggregator 1.
 * @example tierRank("wire") // => 2
 */
export function tierRank(tier: Tier): number {
  return tier === "primary" ? 3 : tier === "wire" ? 2 : 1;
}

/** One comparable source as the weighing sees it. */
export interface Weighed {
  id: string;
  tier: Tier;
  relation: Exclude<Relation, "context">;
  /** Width of the source's effective interval in the claim's unit (Infinity when open). */
  width: number;
  /** For a disagreeing source: whether it lies above or below the claim; null otherwise. */
  side: "above" | "below" | null;
  /** For a disagreeing source: its distance from the claim as printed (nominal readings), in the claim's unit; 0 otherwise. */
  gap: number;
}

const AGREEING: readonly Relation[] = ["refines", "confirms", "confirms_within_rounding"];
const RELATION_ORDER: readonly Relation[] = ["refines", "confirms", "confirms_within_rounding", "consistent", "disagrees"];

/** The strongest of some sources: highest tier, then the more telling relation, the narrower figure, the nearer dissent, the smaller id. */
function strongest(sources: readonly Weighed[]): Weighed {
  return [...sources].sort(
    (a, b) =>
      tierRank(b.tier) - tierRank(a.tier) ||
      RELATION_ORDER.indexOf(a.relation) - RELATION_ORDER.indexOf(b.relation) ||
      (a.width === b.width ? 0 : a.width < b.width ? -1 : 1) ||
      a.gap - b.gap ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  )[0];
}

/**
 * The verdict from the comparable sources' tiers and relations: disputed when the strongest
 * dissent outranks every source that agrees with or is consistent with the claim, or ties them
 * and outnumbers them at that tier, and all of that dissent lies on one side of the claim;
 * otherwise the strongest agreeing source decides (refines -> refined, confirms -> confirmed,
 * within rounding -> confirmed_within_rounding); with none, unverified.
 * @example weighSources([{ id: "r1", tier: "aggregator", relation: "disagrees", width: 1, side: "below", gap: 1 }, { id: "r2", tier: "wire", relation: "confirms", width: 1, side: null, gap: 0 }]) // => { verdict: "confirmed", best: "r2" }
 * @example weighSources([{ id: "r1", tier: "wire", relation: "disagrees", width: 1, side: "below", gap: 1 }, { id: "r2", tier: "aggregator", relation: "refines", width: 0.1, side: null, gap: 0 }]) // => { verdict: "disputed", best: "r1" }
 * @example weighSources([{ id: "r1", tier: "aggregator", relation: "disagrees", width: 1, side: "below", gap: 1 }, { id: "r2", tier: "aggregator", relation: "disagrees", width: 1, side: "above", gap: 1 }]) // => { verdict: "unverified", best: null }
 */
export function weighSources(sources: readonly Weighed[]): { verdict: IndependentVerdict; best: string | null } {
  const agreeing = sources.filter((s) => AGREEING.includes(s.relation));
  const support = sources.filter((s) => s.relation !== "disagrees");
  const dissent = sources.filter((s) => s.relation === "disagrees");
  const top = (xs: readonly Weighed[]) => Math.max(0, ...xs.map((s) => tierRank(s.tier)));
  const a = top(agreeing);
  const d = top(dissent);
  const sup = top(support);
  const topDissent = dissent.filter((s) => tierRank(s.tier) === d);
  const supportAtD = support.filter((s) => tierRank(s.tier) === d);
  const oneSided = new Set(topDissent.map((s) => s.side)).size === 1;
  if (d > 0 && oneSided && (d > sup || (d === sup && topDissent.length > supportAtD.length))) return { verdict: "disputed", best: strongest(topDissent).id };
  if (a > 0) {
    const best = strongest(agreeing.filter((s) => tierRank(s.tier) === a));
    const verdict: IndependentVerdict = best.relation === "refines" ? "refined" : best.relation === "confirms" ? "confirmed" : "confirmed_within_rounding";
    return { verdict, best: best.id };
  }
  return { verdict: "unverified", best: null };
}

// ---------------------------------------------------------------------------------------------
// One claim, every claim

/** The claim fields a verdict reads. */
export type VerdictClaim = Pick<Claim, "id" | "subject" | "metric" | "window" | "unit" | "as_of" | "low" | "high" | "qualifier" | "raw" | "hedge">;

/**
 * An interval in the notation of `formatInterval` but to 10 significant digits, so that a
 * source printed to the cent stays legible ("[60008.515, 60008.525)").
 * @example formatSourceInterval({ low: 60008.515, high: 60008.525, highOpen: true }) // => "[60008.515, 60008.525)"
 * @example formatSourceInterval({ low: -Infinity, high: 60000, lowOpen: true, highOpen: true }) // => "(−∞, 60000)"
 */
export function formatSourceInterval(iv: Interval): string {
  const f = (x: number) => (x === Infinity ? "+∞" : x === -Infinity ? "−∞" : String(Number(x.toPrecision(10))));
  if (iv.low === iv.high) return f(iv.low);
  return `${iv.lowOpen ? "(" : "["}${f(iv.low)}, ${f(iv.high)}${iv.highOpen ? ")" : "]"}`;
}

const fmt = formatSourceInterval;

/** "8.52 USD (0.014% of the claim)": the distance between two intervals, with its share of the claim's magnitude. */
function gapText(s: Interval, c: Interval, unit: string): string {
  const gap = distance(s, c);
  const ref = Math.max(0, ...[c.low, c.high].filter(Number.isFinite).map(Math.abs));
  const share = ref > 0 ? ` (${Number(((100 * gap) / ref).toPrecision(2))}% of the claim)` : "";
  return `${Number(gap.toPrecision(4))} ${unit}${share}`;
}

/**
 * The verdict on one claim against the independent sources linked to it (other rows are
 * ignored): every linked source is listed with its relation, the comparable ones are weighed by
 * tier (`weighSources`), and the reason names who says what.
 * @example independentVerdict({ id: "c-1", subject: "BTC", metric: "low", window: "intraday", unit: "USD", as_of: "2026-02-06", low: null, high: 60000, qualifier: "under", raw: "sub-$60K", hedge: "sub-" }, [{ id: "r011", subject: "BTC", metric: "low", window: "intraday", low: 60008.52, high: 60008.52, unit: "USD", as_of: "2026-02-06", quote: "a low of $60,008.52", url: "https://x.test", outlet: "Reuters", published: "", tier: "wire", claims: ["c-1"], stance: "contradicts", note: "", line: 2 }]).verdict // => "disputed"
 */
export function independentVerdict(claim: VerdictClaim, sources: readonly IndependentRow[]): IndependentResult {
  const linked = sources.filter((s) => s.claims.includes(claim.id)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const claimIv = effectiveInterval(claim);
  const claimReadings = { effective: stripHedged(claimIv), nominal: stripHedged(nominalInterval(claim)) };
  const listed: SourceComparison[] = [];
  const weighed: Weighed[] = [];
  const readingsById = new Map<string, Readings>();
  for (const s of linked) {
    const h = sourceHedgeInput(s);
    const why = whyNotComparable(claim, s);
    const base = { id: s.id, tier: s.tier, outlet: s.outlet, stance: s.stance };
    if (why !== "") {
      listed.push({ ...base, relation: "context", interval: `${fmt(stripHedged(effectiveInterval(h)))} ${s.unit}`, why });
      continue;
    }
    const r = figureReadings(h, claim.unit);
    readingsById.set(s.id, r);
    const relation = compareReadings(r, claimReadings);
    const side = relation === "disagrees" ? (r.effective.low >= claimReadings.effective.high ? "above" : "below") : null;
    listed.push({ ...base, relation, interval: `${fmt(r.effective)} ${claim.unit}`, why: "" });
    weighed.push({ id: s.id, tier: s.tier, relation, width: width(r.effective), side, gap: relation === "disagrees" ? distance(r.nominal, claimReadings.nominal) : 0 });
  }
  const { verdict, best } = weighSources(weighed);
  const reason = verdictReason(claim, claimReadings, claimIv.garbled, { verdict, best, brackets: dissentBrackets(weighed) }, listed, readingsById);
  return { claim: claim.id, verdict, best_source: best, reason, sources: listed };
}

/**
 * True when the strongest dissenting sources lie on both sides of the claim (some above, some
 * below): they bracket it rather than refute it.
 * @example dissentBrackets([{ id: "r1", tier: "aggregator", relation: "disagrees", width: 1, side: "below", gap: 1 }, { id: "r2", tier: "aggregator", relation: "disagrees", width: 1, side: "above", gap: 1 }]) // => true
 */
export function dissentBrackets(sources: readonly Weighed[]): boolean {
  const dissent = sources.filter((s) => s.relation === "disagrees");
  const d = Math.max(0, ...dissent.map((s) => tierRank(s.tier)));
  return new Set(dissent.filter((s) => tierRank(s.tier) === d).map((s) => s.side)).size > 1;
}

function verdictReason(
  claim: VerdictClaim,
  claimReadings: Pick<Readings, "effective" | "nominal">,
  garbled: boolean,
  outcome: { verdict: IndependentVerdict; best: string | null; brackets: boolean },
  listed: readonly SourceComparison[],
  readings: ReadonlyMap<string, Readings>,
): string {
  const { verdict, best } = outcome;
  const parts: string[] = [];
  if (garbled) parts.push("the claim is garbled, so any verdict is ambiguous.");
  const claimText = `the claim ${fmt(claimReadings.effective)} ${claim.unit}`;
  const comparable = listed.filter((s) => s.relation !== "context");
  const context = listed.filter((s) => s.relation === "context");
  const who = (s: SourceComparison) => `${s.id} (${s.tier}, ${s.outlet})`;
  const byRelation = (r: Relation) => comparable.filter((s) => s.relation === r);
  if (best) {
    const b = listed.find((s) => s.id === best)!;
    const r = readings.get(best)!;
    const lead = {
      refined: `refined by ${who(b)}: ${fmt(r.nominal)} as printed lies inside ${claimText} and is more precise (${fmt(r.effective)} with its own rounding).`,
      confirmed: `confirmed by ${who(b)}: ${fmt(r.nominal)} as printed agrees with ${claimText}.`,
      confirmed_within_rounding: `confirmed within rounding by ${who(b)}: ${fmt(r.effective)} meets ${claimText} only once rounding and hedges are allowed.`,
      disputed: `disputed by ${who(b)}: ${fmt(r.nominal)} as printed is ${gapText(r.nominal, claimReadings.nominal, claim.unit)} from the claim's printed ${fmt(claimReadings.nominal)}, and ${fmt(r.effective)} does not meet ${claimText} even with rounding and hedges.`,
      unverified: "",
    }[verdict];
    parts.push(lead);
  } else if (comparable.length === 0) {
    parts.push(context.length === 0 ? "no independent source found." : `no independent source measures the same quantity (${context.length} context source${context.length === 1 ? "" : "s"}).`);
  } else if (outcome.brackets) {
    parts.push(`no source agrees with ${claimText}, and the strongest dissenting sources fall on both sides of it.`);
  } else if (byRelation("disagrees").length > 0) {
    parts.push(`no source agrees with ${claimText}; the dissent is outweighed by sources of at least its tier that are consistent with the claim without pinning it.`);
  } else {
    parts.push(`no source pins ${claimText}: the comparable ones only overlap it.`);
  }
  const counts = (["refines", "confirms", "confirms_within_rounding", "consistent", "disagrees"] as const)
    .map((r) => [r, byRelation(r)] as const)
    .filter(([, xs]) => xs.length > 0)
    .map(([r, xs]) => `${r.replace(/_/g, " ")} ${xs.map((s) => s.id).join(" ")}`);
  if (comparable.length > 0) parts.push(`Comparable: ${counts.join("; ")}.`);
  const dissent = byRelation("disagrees").filter((s) => s.id !== best);
  if (verdict !== "disputed" && dissent.length > 0) parts.push(`Dissent: ${dissent.map((s) => `${who(s)} ${s.interval}`).join("; ")}.`);
  if (verdict === "disputed") {
    const support = comparable.filter((s) => AGREEING.includes(s.relation));
    if (support.length > 0) parts.push(`Outweighed support: ${support.map(who).join("; ")}.`);
  }
  if (context.length > 0) parts.push(`Context: ${context.map((s) => s.id).join(" ")}.`);
  const text = parts.join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The verdict on every ledger claim (unverified where no source is linked), sorted by claim id.
 * Pure and JSON-safe: no NaN, undefined or Infinity in the result.
 * @example buildIndependent({ claims: [{ id: "c-2", subject: "BTC", metric: "peak", window: "point", unit: "USD", as_of: "2025-10", low: 126000, high: 126000, qualifier: "exact", raw: "$126K", hedge: "" }] }, []).map((r) => r.verdict) // => ["unverified"]
 */
export function buildIndependent(ledger: { claims: readonly VerdictClaim[] }, rows: readonly IndependentRow[]): IndependentResult[] {
  const byClaim = new Map<string, IndependentRow[]>();
  for (const r of rows) for (const c of r.claims) byClaim.set(c, [...(byClaim.get(c) ?? []), r]);
  return [...ledger.claims]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((c) => independentVerdict(c, byClaim.get(c.id) ?? []));
}

/**
 * How many claims got each verdict, every verdict listed (zeros included).
 * @example countVerdicts([{ verdict: "refined" }, { verdict: "refined" }, { verdict: "disputed" }]) // => { confirmed: 0, confirmed_within_rounding: 0, refined: 2, disputed: 1, unverified: 0 }
 */
export function countVerdicts(results: readonly Pick<IndependentResult, "verdict">[]): Record<IndependentVerdict, number> {
  const out = Object.fromEntries(INDEPENDENT_VERDICTS.map((v) => [v, 0])) as Record<IndependentVerdict, number>;
  for (const r of results) out[r.verdict]++;
  return out;
}
