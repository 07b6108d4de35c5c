/**
 * Against independent reporting: each ledger claim compared with the independent figures linked
 * to it (data/independent.csv, read by src/data/independent-file.ts), in the order an editor
 * weighs evidence (src/domain/sources.ts has the comparisons):
 *
 * 1. Relevance before tier: a source measuring another subject, metric, instrument (futures for
 *    a spot price), window or date is context, never the deciding dissent; among comparable
 *    sources only the most direct ones decide (the same window word and the same period: a
 *    month-to-date total does not decide a month's).
 * 2. Source dependence: a source restating the claim's own origin (data/origins.csv: the bank
 *    note or data provider the article relays) is not independent of it; restatements of one
 *    origin count as one source; a known outlier never decides.
 * 3. Materiality: a dissent within the spread of the deciding sources, or under 0.5% of the
 *    figure (src/domain/materiality.ts), is "close", not a dispute.
 * 4. Tiers (primary > wire > aggregator) weigh what is left: a claim is disputed when its
 *    strongest dissent outranks every agreeing or consistent source (or ties them and outnumbers
 *    them at that tier), all on one side of the claim; otherwise the strongest agreeing source
 *    gives the verdict; with none it stays unverified.
 *
 * Relations: `refines` (a narrower figure inside the claim), `confirms` (the printed figures
 * agree), `confirms_within_rounding` (only rounding and hedges make them agree), `close` (an
 * immaterial gap), `consistent` (an open or ranged figure overlapping without pinning), `disagrees`,
 * `same_origin` (not independent) and `context` (another quantity, or not deciding).
 */
import { distance, intersect, representative, width } from "./intervals";
import { sameDimension, UNITS } from "./units";
import { effectiveInterval, nominalInterval } from "./hedges";
import { isImmaterial, relativeGap, spreadOf } from "./materiality";
import { plainShare } from "./wording";
import { compareReadings, figureReadings, isKnownOutlier, isWithin, ONE_DAY_WINDOWS, relevance, sourceHedgeInput, stripHedged, whyNotComparable, type Comparison, type Readings } from "./sources";
import type { IndependentRow, Origin, Stance, Tier } from "../data/independent-file";
import type { Claim, Interval } from "../data/types";

/** How one linked source compares with a claim. */
export type Relation = Comparison | "close" | "same_origin" | "context";

/** The relations that take part in weighing. */
export type Weighable = Comparison | "close";

/** The verdict on a claim against independent reporting. */
export type IndependentVerdict = "confirmed" | "confirmed_within_rounding" | "refined" | "disputed" | "unverified";
export const INDEPENDENT_VERDICTS: readonly IndependentVerdict[] = ["confirmed", "confirmed_within_rounding", "refined", "disputed", "unverified"];

/** One linked source in a result: how it compares and why (JSON-safe: strings, numbers and null only). */
export interface SourceComparison {
  id: string;
  tier: Tier;
  outlet: string;
  stance: Stance;
  origin: string;
  relation: Relation;
  /** How directly it measures the claim (0–2, see `relevance`); null when not comparable. */
  relevance: number | null;
  /** The source's interval in the claim's unit (its own unit when not comparable), e.g. "[60008.5, 60008.5)". */
  interval: string;
  /** Why the source does not decide (another day, a less direct measure, a restatement, an outlier); "" when it decides. */
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
  /** Distance between the deciding source's printed figure and the claim's, in the claim's unit; null when unverified. */
  gap: number | null;
  /** That gap as a share of the claim's figure. */
  relative_gap: number | null;
  /** For a disputed claim: a context source of another window, date or instrument that agrees with the figure (the number may be right for another measure); null otherwise. */
  other_measure: string | null;
  /** True when the deciding source's figure as printed lies inside the claim's figure as printed (no rounding needed). */
  inside_printed: boolean;
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
  relation: Weighable;
  /** Width of the source's effective interval in the claim's unit (Infinity when open). */
  width: number;
  /** For a disagreeing source: whether it lies above or below the claim; null otherwise. */
  side: "above" | "below" | null;
  /** For a disagreeing source: its distance from the claim as printed (nominal readings), in the claim's unit; 0 otherwise. */
  gap: number;
}

const AGREEING: readonly Relation[] = ["refines", "confirms", "confirms_within_rounding", "close"];
const RELATION_ORDER: readonly Relation[] = ["refines", "confirms", "confirms_within_rounding", "close", "consistent", "disagrees"];

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
 * The verdict from the deciding sources' tiers and relations (a "close" source, whose gap is
 * immaterial, agrees like one within rounding): disputed when the strongest
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

/**
 * The verdict on one claim against the independent sources linked to it (other rows are
 * ignored), in steps: a source measuring something else (subject, metric, instrument, window,
 * unit, dates) is context; one that restates the claim's own origin (`ownOrigins`) is not
 * independent of it; among the rest only the most relevant (`relevance`) decide, a known outlier
 * never does, and restatements of one origin count once; a dissent whose gap is immaterial
 * (`isImmaterial`: within the spread of the other deciding sources or under 0.5%) is "close"; then the
 * tiers weigh (`weighSources`).
 * @example independentVerdict({ id: "c-1", subject: "BTC", metric: "low", window: "intraday", unit: "USD", as_of: "2026-02-06", low: null, high: 60000, qualifier: "under", raw: "sub-$60K", hedge: "sub-" }, [{ id: "r011", subject: "BTC", metric: "low", window: "intraday", low: 60008.52, high: 60008.52, unit: "USD", as_of: "2026-02-06", quote: "a low of $60,008.52", url: "https://x.test", outlet: "Reuters", published: "", tier: "wire", claims: ["c-1"], stance: "contradicts", note: "", instrument: "", origin: "reuters", line: 2 }]).best_source // => "r011"
 */
export function independentVerdict(claim: VerdictClaim, sources: readonly IndependentRow[], ownOrigins: readonly string[] = []): IndependentResult {
  const linked = sources.filter((s) => s.claims.includes(claim.id)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const claimIv = effectiveInterval(claim);
  const claimReadings = { effective: stripHedged(claimIv), nominal: stripHedged(nominalInterval(claim)) };
  const listed = new Map<string, SourceComparison>();
  const candidates: { row: IndependentRow; r: Readings; relation: Comparison; relevance: number }[] = [];
  for (const s of linked) {
    const base = { id: s.id, tier: s.tier, outlet: s.outlet, stance: s.stance, origin: s.origin, relevance: null };
    const why = whyNotComparable(claim, s);
    if (why !== "") {
      listed.set(s.id, { ...base, relation: "context", interval: `${fmt(stripHedged(effectiveInterval(sourceHedgeInput(s))))} ${s.unit}`, why });
      continue;
    }
    const r = figureReadings(sourceHedgeInput(s), claim.unit);
    const interval = `${fmt(r.effective)} ${claim.unit}`;
    if (ownOrigins.includes(s.origin)) {
      listed.set(s.id, { ...base, relation: "same_origin", interval, why: `restates the claim's own origin (${s.origin}), so it is not independent of it` });
      continue;
    }
    const rel = relevance(claim, s);
    candidates.push({ row: s, r, relation: compareReadings(r, claimReadings), relevance: rel });
    listed.set(s.id, { ...base, relation: compareReadings(r, claimReadings), interval, why: "", relevance: rel });
  }
  const top = Math.max(-1, ...candidates.filter((c) => !isKnownOutlier(c.row)).map((c) => c.relevance));
  const deciding = candidates.filter((c) => c.relevance === top && !isKnownOutlier(c.row));
  for (const c of candidates) {
    if (isKnownOutlier(c.row)) listed.get(c.row.id)!.why = "a known outlier: shown, never deciding";
    else if (c.relevance < top) listed.get(c.row.id)!.why = "a less direct measure (another window word or period) than the sources that decide";
  }
  // the disagreement among the other deciding reports: how much they differ without this one
  // one value per origin: restatements of one origin are one report, and a source's own origin is left out
  const spreadWithout = (row: IndependentRow) => {
    const byOrigin = new Map<string, number>();
    for (const c of deciding) {
      const v = representative(c.r.nominal);
      if (c.row.origin !== row.origin && v !== null && !byOrigin.has(c.row.origin)) byOrigin.set(c.row.origin, v);
    }
    return spreadOf([...byOrigin.values()]);
  };
  const reference = representative(claimReadings.nominal) ?? 0;
  const weighed: Weighed[] = [];
  const byOrigin = new Map<string, Weighed>();
  for (const c of deciding) {
    let relation: Weighable = c.relation;
    if (relation === "disagrees" && isImmaterial(distance(c.r.effective, claimReadings.effective), reference, spreadWithout(c.row))) relation = "close";
    listed.get(c.row.id)!.relation = relation;
    const side = relation === "disagrees" ? (c.r.effective.low >= claimReadings.effective.high ? "above" : "below") : null;
    const w: Weighed = { id: c.row.id, tier: c.row.tier, relation, width: width(c.r.effective), side, gap: relation === "disagrees" || relation === "close" ? distance(c.r.nominal, claimReadings.nominal) : 0 };
    const twin = byOrigin.get(c.row.origin);
    if (twin && strongest([twin, w]) === twin) {
      listed.get(c.row.id)!.why = `restates ${c.row.origin} like ${twin.id}: counted once`;
      continue;
    }
    if (twin) {
      listed.get(twin.id)!.why = `restates ${c.row.origin} like ${w.id}: counted once`;
      weighed.splice(weighed.indexOf(twin), 1);
    }
    byOrigin.set(c.row.origin, w);
    weighed.push(w);
  }
  const { verdict, best } = weighSources(weighed);
  const bestReadings = best ? deciding.find((c) => c.row.id === best)!.r : null;
  const gap = bestReadings ? cleanNumber(distance(bestReadings.nominal, claimReadings.nominal)) : null;
  const insidePrinted = bestReadings !== null && isWithin(bestReadings.nominal, claimReadings.nominal);
  const sourcesOut = [...listed.values()];
  // the other measure the figure fits, as the most authoritative report of it says it (AP before an aggregator)
  const fits = (s: SourceComparison) => s.relation === "context" && /^another (window|date|instrument)/.test(s.why) && !ownOrigins.includes(s.origin) && contextAgrees(linked.find((r) => r.id === s.id)!, claim, claimReadings.effective);
  const otherMeasure = verdict === "disputed" ? (sourcesOut.filter(fits).sort((a, b) => tierRank(b.tier) - tierRank(a.tier))[0] ?? null) : null;
  const reason = verdictReason(claim, claimReadings, claimIv.garbled, { verdict, best, brackets: dissentBrackets(weighed) }, sourcesOut, new Map(deciding.map((c) => [c.row.id, c.r])));
  return {
    claim: claim.id,
    verdict,
    best_source: best,
    reason,
    sources: sourcesOut,
    gap,
    relative_gap: gap === null ? null : cleanNumber(relativeGap(gap, reference) ?? 0),
    other_measure: otherMeasure ? otherMeasure.id : null,
    inside_printed: insidePrinted,
  };
}

/**
 * A bounded context source of another date, instrument or comparable window whose figure still
 * meets the claim's: the claim's number may be right for another measure. Windows are comparable
 * when they are the same or both one day (an after-hours move for a session's); a total over a
 * longer period is not (it exceeds "more than $3 billion in January" by being longer).
 */
function contextAgrees(row: IndependentRow, claim: VerdictClaim, claimEffective: Interval): boolean {
  if (row.subject !== claim.subject || row.metric !== claim.metric || !(row.unit in UNITS) || !(claim.unit in UNITS) || !sameDimension(row.unit, claim.unit)) return false;
  // windows of one length are comparable: two one-day windows, or a month and a named month (January 2026)
  const oneDay = (w: string) => ONE_DAY_WINDOWS.includes(w) || w === "episode";
  const oneMonth = (w: string) => w === "month" || /^[a-z]{3}_\d{4}$/.test(w);
  if (row.window !== claim.window && !(oneDay(row.window) && oneDay(claim.window)) && !(oneMonth(row.window) && oneMonth(claim.window))) return false;
  const r = figureReadings(sourceHedgeInput(row), claim.unit);
  return Number.isFinite(r.effective.low) && Number.isFinite(r.effective.high) && intersect(r.effective, claimEffective) !== null;
}

function cleanNumber(x: number): number {
  return Number(x.toPrecision(10));
}

/** "8.52 USD (0.014% of the claim)": the distance between two intervals, with its share of the claim's magnitude. */
function gapText(s: Interval, c: Interval, unit: string): string {
  const gap = distance(s, c);
  const ref = Math.max(0, ...[c.low, c.high].filter(Number.isFinite).map(Math.abs));
  const share = ref > 0 ? ` (${plainShare(gap / ref)} of the claim)` : "";
  return `${Number(gap.toPrecision(4))} ${unit}${share}`;
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
  const deciding = listed.filter((s) => s.relation !== "context" && s.relation !== "same_origin" && s.why === "");
  const who = (s: SourceComparison) => `${s.id} (${s.tier}, ${s.outlet})`;
  const byRelation = (r: Relation) => deciding.filter((s) => s.relation === r);
  if (best) {
    const b = listed.find((s) => s.id === best)!;
    const r = readings.get(best)!;
    const lead = {
      refined: `refined by ${who(b)}: ${fmt(r.nominal)} as printed lies inside ${claimText} and is more precise (${fmt(r.effective)} with its own rounding).`,
      confirmed: `confirmed by ${who(b)}: ${fmt(r.nominal)} as printed agrees with ${claimText}.`,
      confirmed_within_rounding:
        b.relation === "close"
          ? `confirmed within the margin by ${who(b)}: ${fmt(r.nominal)} as printed is ${gapText(r.nominal, claimReadings.nominal, claim.unit)} from the claim's printed ${fmt(claimReadings.nominal)}, an immaterial gap (within the spread of the other deciding sources or under 0.5%).`
          : `confirmed within rounding by ${who(b)}: ${fmt(r.effective)} meets ${claimText} only once rounding and hedges are allowed.`,
      disputed: `disputed by ${who(b)}: ${fmt(r.nominal)} as printed is ${gapText(r.nominal, claimReadings.nominal, claim.unit)} from the claim's printed ${fmt(claimReadings.nominal)}, and ${fmt(r.effective)} does not meet ${claimText} even with rounding and hedges.`,
      unverified: "",
    }[verdict];
    parts.push(lead);
  } else if (deciding.length === 0) {
    const own = listed.filter((s) => s.relation === "same_origin");
    if (own.length > 0) parts.push(`only restatements of the claim's own origin (${own.map((s) => s.id).join(" ")}) carry it, so it is not independently confirmed.`);
    else parts.push(listed.length === 0 ? "no independent source found." : `no independent source measures the same quantity (${listed.length} context source${listed.length === 1 ? "" : "s"}).`);
  } else if (outcome.brackets) {
    parts.push(`no source agrees with ${claimText}, and the strongest dissenting sources fall on both sides of it.`);
  } else if (byRelation("disagrees").length > 0) {
    parts.push(`no source agrees with ${claimText}; the dissent is outweighed by sources of at least its tier that are consistent with the claim without pinning it.`);
  } else {
    parts.push(`no source pins ${claimText}: the comparable ones only overlap it.`);
  }
  const counts = (["refines", "confirms", "confirms_within_rounding", "close", "consistent", "disagrees"] as const)
    .map((r) => [r, byRelation(r)] as const)
    .filter(([, xs]) => xs.length > 0)
    .map(([r, xs]) => `${r.replace(/_/g, " ")} ${xs.map((s) => s.id).join(" ")}`);
  if (deciding.length > 0) parts.push(`Deciding: ${counts.join("; ")}.`);
  const dissent = byRelation("disagrees").filter((s) => s.id !== best);
  if (verdict !== "disputed" && dissent.length > 0) parts.push(`Dissent: ${dissent.map((s) => `${who(s)} ${s.interval}`).join("; ")}.`);
  if (verdict === "disputed") {
    const support = deciding.filter((s) => AGREEING.includes(s.relation));
    if (support.length > 0) parts.push(`Outweighed support: ${support.map(who).join("; ")}.`);
  }
  const aside = listed.filter((s) => !deciding.includes(s));
  if (aside.length > 0) parts.push(`Not deciding: ${aside.map((s) => `${s.id} (${s.why || s.relation})`).join("; ")}.`);
  const text = parts.join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The verdict on every ledger claim (unverified where no source is linked), sorted by claim id;
 * `origins` (data/origins.csv) says which claims come from which origin.
 * Pure and JSON-safe: no NaN, undefined or Infinity in the result.
 * @example buildIndependent({ claims: [{ id: "c-2", subject: "BTC", metric: "peak", window: "point", unit: "USD", as_of: "2025-10", low: 126000, high: 126000, qualifier: "exact", raw: "$126K", hedge: "" }] }, []).map((r) => r.verdict) // => ["unverified"]
 */
export function buildIndependent(ledger: { claims: readonly VerdictClaim[] }, rows: readonly IndependentRow[], origins: readonly Pick<Origin, "origin" | "claims">[] = []): IndependentResult[] {
  const byClaim = new Map<string, IndependentRow[]>();
  for (const r of rows) for (const c of r.claims) byClaim.set(c, [...(byClaim.get(c) ?? []), r]);
  const own = (id: string) => origins.filter((o) => o.claims.includes(id)).map((o) => o.origin);
  return [...ledger.claims]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((c) => independentVerdict(c, byClaim.get(c.id) ?? [], own(c.id)));
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
