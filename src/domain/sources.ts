/**
 * A source figure against a claim: the source's figure read under the ledger's hedge rules
 * (`sourceHedgeInput`, `figureReadings`), whether it measures the claim's quantity at all
 * (`whyNotComparable`: subject, metric, instrument, window, unit, dates), how directly
 * (`relevance`), and how the two intervals compare (`compareReadings`).
 */
import { asOfSpan } from "../data/dates";
import { intersect, representative, width } from "./intervals";
import { spreadOf } from "./materiality";
import { convertInterval, sameDimension, UNITS } from "./units";
import { effectiveInterval, nominalInterval, printedPrecision, type HedgeInput } from "./hedges";
import { extractNumericTokens } from "../data/numbers";
import type { Instrument, IndependentRow } from "../data/independent-file";
import type { Claim, Interval, Qualifier } from "../data/types";
import { remembered } from "../data/memo";
import { wordReading } from "./printed";

/** How a comparable source's figure stands to a claim's. */
export type Comparison = "refines" | "confirms" | "confirms_within_rounding" | "consistent" | "disagrees";

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
 * does not print it. Digits first; else a word figure ("roughly double" = +100%, read with a word
 * figure's precision and its hedge) or, given the row's `asOf`, a "since <month> <year>" span
 * ("since March 2020" as of January 2026 = 70 months), as `wordReading` (src/domain/printed.ts)
 * reads them. A spelled number ("five-point-26 percent") is not found.
 * @example printedInQuote("more than $2.65 billion worth of positions", 2.65, "USD_bn") // => { raw: "more than $2.65 billion", hedge: "more than" }
 * @example printedInQuote("Total revenues | $ | 402,836", 402836, "USD_mn") // => { raw: "402,836 million", hedge: "" }
 * @example printedInQuote("crashing nearly 19% to surrender", -19, "pct") // => { raw: "nearly 19%", hedge: "nearly" }
 * @example printedInQuote("$175 billion to $185 billion, roughly double the $91.4 billion", 100, "pct") // => { raw: "roughly double", hedge: "roughly" }
 * @example printedInQuote("its steepest one-day drop since March 2020", 70, "months", "2026-01-29") // => { raw: "since March 2020", hedge: "" }
 */
export const printedInQuote = remembered(printedInQuoteOnce, (quote, value, unit, asOf = "") => `${quote}\0${value}\0${unit}\0${asOf}`);

function printedInQuoteOnce(quote: string, value: number, unit: string, asOf = ""): { raw: string; hedge: string } | null {
  for (const t of extractNumericTokens(quote)) {
    let raw: string | null = null;
    if (printedPrecision(t.figure, value, unit) !== null) raw = t.figure;
    else if (Number(t.text.replace(/,/g, "")) === Math.abs(value)) raw = t.text + (UNIT_SCALE_WORD[unit] ?? "");
    if (raw === null) continue;
    const m = HEDGE_BEFORE.exec(quote.slice(Math.max(0, t.start - 40), t.start));
    return { raw, hedge: m ? m[1] : "" };
  }
  const w = wordReading(value, quote, unit, asOf);
  if (w === null) return null;
  // a hedge word only before a word figure ("roughly double"); a "since" span has none
  const m = /^since\b/i.test(w.text) ? null : HEDGE_BEFORE.exec(quote.slice(Math.max(0, w.index - 40), w.index));
  const start = m ? w.index - m[0].length : w.index;
  return { raw: quote.slice(start, w.index + w.text.length).trim(), hedge: m ? m[1] : "" };
}

/**
 * A source row as the ledger's hedge input: the figure as its quote prints it (`printedInQuote`,
 * digits or words; or the stored number, with the unit's scale word, when the quote prints
 * neither), the hedge word before it, and a qualifier read from the bounds and that word (one
 * bound: over/under; two different bounds: range; a point: nearly / approx / exact by the hedge
 * word). A word figure's raw has no digits, so the hedge rules give it a word figure's precision.
 * @example sourceHedgeInput({ low: 580000, high: 580000, unit: "people", quote: "with nearly 580,000 traders rekt" }).qualifier // => "nearly"
 * @example sourceHedgeInput({ low: 17, high: 17, unit: "years", quote: "the worst January since 2009", as_of: "2026-01" }) // => { low: 17, high: 17, unit: "years", qualifier: "exact", raw: "since 2009", hedge: "" }
 * @example sourceHedgeInput({ low: 100, high: 100, unit: "pct", quote: "roughly double the $91.4 billion", as_of: "2026" }) // => { low: 100, high: 100, unit: "pct", qualifier: "approx", raw: "roughly double", hedge: "roughly" }
 */
export function sourceHedgeInput(row: Pick<IndependentRow, "low" | "high" | "unit" | "quote"> & Partial<Pick<IndependentRow, "as_of">>): HedgeInput {
  const ends = [row.low, row.high].filter((x): x is number => x !== null);
  const printed = ends.map((x) => printedInQuote(row.quote, x, row.unit, row.as_of ?? "") ?? { raw: String(x).replace(/^-/, "") + (UNIT_SCALE_WORD[row.unit] ?? ""), hedge: "" });
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
 * day; the spans come from `asOfSpan` (src/charts/charts.ts). Throws a RangeError for an invalid as_of.
 * @example asOfOverlaps("2026-02-05/2026-02-06", "2026-02-06") // => true
 * @example asOfOverlaps("2026-02-06", "2026-02-08") // => false
 */
export function asOfOverlaps(a: string, b: string): boolean {
  const x = asOfSpan(a);
  const y = asOfSpan(b);
  return x.start <= y.end && y.start <= x.end;
}

/** Windows that name one moment or one trading day: dated by several days, such a figure is one unnamed day among them. */
export const ONE_DAY_WINDOWS: readonly string[] = ["point", "intraday", "session", "after_hours", "24h"];

/**
 * True for a one-day figure (a session, an intraday move) dated by a span of more than two days:
 * the article does not say which of its days it means. Two adjacent dates are one event told
 * across time zones (a US Thursday evening is an Asian Friday morning), not an unnamed day.
 * @example unnamedDay({ window: "session", as_of: "2026-02-02/2026-02-06" }) // => true
 * @example unnamedDay({ window: "intraday", as_of: "2026-02-05/2026-02-06" }) // => false
 * @example unnamedDay({ window: "week", as_of: "2026-02-02/2026-02-06" }) // => false
 */
export function unnamedDay(c: Pick<Claim, "window" | "as_of">): boolean {
  if (!ONE_DAY_WINDOWS.includes(c.window)) return false;
  const { start, end } = asOfSpan(c.as_of);
  return (Date.parse(end) - Date.parse(start)) / 86_400_000 > 1;
}

/** Metrics that are a level at a moment: where the level was read (intraday, session) does not change the quantity. */
export const LEVEL_METRICS: readonly string[] = ["price", "low", "peak", "close", "market_cap", "index_level", "support_level", "resistance_level"];

/** Windows that fit inside a claim whose window is the whole `episode` (the article gave no shorter one). */
export const EPISODE_SUBWINDOWS: readonly string[] = ["point", "intraday", "session", "after_hours", "24h", "3d", "week"];

/** How a source's `why` opens when the claim is a one-day figure dated by a span that names no day. */
export const UNNAMED_DAY_WHY = "one day of the claim's span";

/**
 * Why a linked source does not measure the claim's quantity, in words; "" when it does (same
 * subject, metric, window rule, unit dimension and overlapping dates).
 * @example whyNotComparable({ subject: "BTC", metric: "low", window: "episode", unit: "USD", as_of: "2026-02-05/2026-02-06" }, { subject: "BTC", metric: "low", window: "intraday", unit: "USD", as_of: "2026-02-06" }) // => ""
 * @example whyNotComparable({ subject: "silver", metric: "pct_change", window: "session", unit: "pct", as_of: "2026-02-05" }, { subject: "silver", metric: "pct_change", window: "session", unit: "pct", as_of: "2026-01-30" }) // => "another date (2026-01-30, the claim 2026-02-05)"
 */
export function whyNotComparable(
  claim: Pick<Claim, "subject" | "metric" | "window" | "unit" | "as_of"> & Partial<Pick<Claim, "quote">>,
  source: Pick<IndependentRow, "subject" | "metric" | "window" | "unit" | "as_of"> & Partial<Pick<IndependentRow, "instrument">>,
): string {
  if (source.subject !== claim.subject) return `another subject (${source.subject}, the claim ${claim.subject})`;
  if (source.metric !== claim.metric) return `another metric (${source.metric}, the claim ${claim.metric})`;
  const instrument = claimInstrument(claim);
  if (source.instrument && instrument && source.instrument !== instrument) return `another instrument (${source.instrument}, the claim ${instrument})`;
  const windowOk =
    source.window === claim.window ||
    LEVEL_METRICS.includes(claim.metric) ||
    (claim.window === "episode" && EPISODE_SUBWINDOWS.includes(source.window));
  if (!windowOk) return `another window (${source.window}, the claim ${claim.window})`;
  if (!(source.unit in UNITS) || !(claim.unit in UNITS) || !sameDimension(source.unit, claim.unit)) return `a unit that does not convert (${source.unit}, the claim ${claim.unit})`;
  if (!asOfOverlaps(source.as_of, claim.as_of)) return `another date (${source.as_of}, the claim ${claim.as_of})`;
  // "several sessions between 1.8% and 2.5%" dated by a week: a report of one of its days may be another day
  if (!LEVEL_METRICS.includes(claim.metric) && unnamedDay(claim)) {
    return `${UNNAMED_DAY_WHY} (${source.as_of}), which does not say which of its days it means (${claim.as_of})`;
  }
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

/**
 * The bare interval of a hedged one, ends rounded to 12 significant digits (unit conversion and
 * 2%-of-value slack leave float noise).
 * @example stripHedged({ low: 0.1 + 0.2, high: 1, highOpen: true }) // => { low: 0.3, high: 1, highOpen: true }
 */
export function stripHedged(iv: Interval): Interval {
  const clean = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(12)) : x);
  const out: Interval = { low: clean(iv.low), high: clean(iv.high) };
  if (iv.lowOpen) out.lowOpen = true;
  if (iv.highOpen) out.highOpen = true;
  return out;
}

/**
 * A figure's two readings under the ledger's interval rules, converted to `unit`.
 * @example figureReadings({ low: 2.65, high: null, qualifier: "over", raw: "$2.65 billion", unit: "USD_bn", hedge: "more than" }, "USD_tn").effective // => { low: 0.002645, high: Infinity, highOpen: true }
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
export function compareReadings(source: Readings, claim: Pick<Readings, "effective" | "nominal">): Comparison {
  if (intersect(source.effective, claim.effective) === null) return "disagrees";
  const inside = isWithin(source.nominal, claim.effective);
  if (inside && width(source.effective) < width(claim.effective)) return "refines";
  if (!inside && !source.pointFigure) return "consistent";
  return intersect(source.nominal, claim.nominal) !== null ? "confirms" : "confirms_within_rounding";
}

// ---------------------------------------------------------------------------------------------
// Relevance

/** Subjects quoted both as spot and as futures prices: a claim about them means spot unless it says futures. */
export const SPOT_SUBJECTS: readonly string[] = ["silver", "gold", "oil"];

/**
 * The instrument a claim is about, when it matters: "futures" when its quote says futures, COMEX
 * or a contract; "spot" for a commodity otherwise; "" for everything else (a share, an index).
 * @example claimInstrument({ subject: "silver", quote: "with silver plunging nearly 20% on Thursday" }) // => "spot"
 * @example claimInstrument({ subject: "silver", quote: "COMEX silver futures fell 10%" }) // => "futures"
 * @example claimInstrument({ subject: "BTC", quote: "Bitcoin fell to $60,000" }) // => ""
 */
export function claimInstrument(claim: Partial<Pick<Claim, "subject" | "quote">>): Instrument {
  if (/\b(futures|COMEX|contract)\b/i.test(claim.quote ?? "")) return "futures";
  return SPOT_SUBJECTS.includes(claim.subject ?? "") ? "spot" : "";
}

/**
 * How directly a comparable source measures the claim's quantity, 0 to 2: one point for the same
 * window word (an after-hours move for an after-hours claim, not a session inside an episode), one
 * for the same period (for a level: a date inside the claim's dates; for a change or a flow: the
 * same dates, so that a month-to-date total is not the month). Only the most relevant sources
 * decide a verdict; tier ranks sources of equal relevance.
 * @example relevance({ metric: "etf_net_outflow", window: "nov_2025", as_of: "2025-11" }, { window: "nov_2025", as_of: "2025-11-01/2025-11-24" }) // => 1
 * @example relevance({ metric: "etf_net_outflow", window: "nov_2025", as_of: "2025-11" }, { window: "nov_2025", as_of: "2025-11" }) // => 2
 * @example relevance({ metric: "low", window: "episode", as_of: "2026-02-05/2026-02-06" }, { window: "intraday", as_of: "2026-02-06" }) // => 1
 */
export function relevance(claim: Pick<Claim, "metric" | "window" | "as_of">, source: Pick<IndependentRow, "window" | "as_of">): number {
  const c = asOfSpan(claim.as_of);
  const s = asOfSpan(source.as_of);
  const samePeriod = LEVEL_METRICS.includes(claim.metric) ? s.start >= c.start && s.end <= c.end : s.start === c.start && s.end === c.end;
  return (source.window === claim.window ? 1 : 0) + (samePeriod ? 1 : 0);
}

/**
 * True for a source row flagged in its note as a known outlier (kept on purpose, never deciding).
 * @example isKnownOutlier({ note: "known outlier, kept on purpose: every other source puts the ATH higher" }) // => true
 */
export function isKnownOutlier(row: Pick<IndependentRow, "note">): boolean {
  return /^known outlier/i.test(row.note.trim());
}

/**
 * How much independent reports of a group's quantity differ among themselves: the spread of the
 * representative values of the rows linked to its claims that measure the same quantity
 * (`whyNotComparable` empty), known outliers left out, in `unit`; 0 with fewer than two.
 */
export function independentSpread(claims: readonly Claim[], rows: readonly IndependentRow[], unit: string): number {
  const ids = new Set(claims.map((c) => c.id));
  const values: number[] = [];
  for (const r of rows) {
    if (isKnownOutlier(r) || !r.claims.some((id) => ids.has(id))) continue;
    const claim = claims.find((c) => r.claims.includes(c.id) && whyNotComparable(c, r) === "");
    if (!claim) continue;
    const v = representative(figureReadings(sourceHedgeInput(r), unit).nominal);
    if (v !== null) values.push(v);
  }
  return spreadOf(values);
}
