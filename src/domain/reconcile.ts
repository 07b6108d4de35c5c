/**
 * Reconciliation: claims that measure the same quantity (same subject, metric and window),
 * across and within articles, put side by side, with their common part, a consensus, the largest
 * set of sources that agree, and a verdict in words. Also "near-miss families": figures of
 * different windows or scopes (BTC vs all crypto, 24 hours vs 3 days, intraday vs session) that
 * look alike, with why they can all be true or which cannot.
 *
 * Groups are formed by subject, metric and window (a Map, in ledger order); the near-miss
 * families are declared in data/families.csv (src/data/declarations.ts); the consensus is the
 * simple-statistics median of the figures' midpoints.
 *
 * Verdicts (same quantity). Only figures whose dates overlap test each other (`datesMeet`), so a
 * group in which no two figures' dates overlap is a timing_mismatch whatever the numbers (rule 5,
 * data/README.md); otherwise:
 * - agree: the figures as printed share a value;
 * - agree_within_rounding: they share one once each figure's rounding and hedge is allowed
 *   (src/domain/intervals.ts effectiveInterval);
 * - timing_mismatch: some pairs share no value, but every such pair is dated differently (as_of),
 *   so the quantity may have moved between them;
 * - scope_mismatch: the pairs that share no value come from one passage (same quote, or the same
 *   section and date) and describe different stages; for an ordered family: the figures differ
 *   but measure nested scopes, and values exist that satisfy every figure and the nesting;
 * - contradiction: two figures of the same date from different passages share no value (or an
 *   ordered family has no values satisfying every figure and the nesting).
 */
import { max, median, min } from "simple-statistics";
import { distance, formatInterval, interval, intersect, intersectAll, representative, toBounds } from "./intervals";
import { convertInterval, unitInfo } from "./units";
import { effectiveInterval, nominalInterval } from "./hedges";
import type { Ledger } from "../data/ledger";
import { isImmaterial, relativeGap } from "./materiality";
import { plainShare } from "./wording";
import { asOfOverlaps, independentSpread, unnamedDay } from "./sources";
import type { IndependentRow } from "../data/independent-file";
import type { Claim, FamilySelector, FamilySpec, Interval } from "../data/types";

export type { FamilySelector, FamilySpec } from "../data/types";

/** A reconciliation verdict. */
export type ConflictVerdict = "agree" | "agree_within_rounding" | "scope_mismatch" | "timing_mismatch" | "contradiction";

/** Every reconciliation verdict, best first. */
export const CONFLICT_VERDICTS: readonly ConflictVerdict[] = ["agree", "agree_within_rounding", "scope_mismatch", "timing_mismatch", "contradiction"];

/** Metrics whose claims name one of several coexisting values (several support levels, scenario targets): never grouped. */
export const UNGROUPED_METRICS: Readonly<Record<string, string>> = {
  support_level: "several support levels can coexist",
  resistance_level: "several resistance levels can coexist",
  target_range: "each scenario has its own target",
};

/** Windows whose claims are not one quantity: each scenario or hypothetical example is its own. */
export const UNGROUPED_WINDOWS: Readonly<Record<string, string>> = {
  scenario: "forecast scenarios and hypothetical examples differ by design (base vs bear case, 10x vs 100x)",
};

/** One figure of a group, side by side with the others (its effective interval in the group's unit, JSON-safe). */
export interface ConflictMember {
  claim: string;
  article: string;
  subject: string;
  window: string;
  as_of: string;
  raw: string;
  qualifier: string;
  low: number | null;
  high: number | null;
  lowOpen: boolean;
  highOpen: boolean;
}

/** A reconciliation of figures measuring the same (or a nested) quantity. */
export interface Conflict {
  /** `subject.metric.window` for a group, `family.<name>` for a near-miss family. */
  id: string;
  kind: "group" | "family";
  /** Subject, metric and window; "|"-joined when a family spans several. */
  subject: string;
  metric: string;
  window: string;
  /** The unit every interval is expressed in. */
  unit: string;
  claims: string[];
  members: ConflictMember[];
  /** The common part of the effective intervals, or null when there is none. */
  intersection: { low: number | null; high: number | null } | null;
  /** Median of the figures' printed midpoints (a ray counts at its finite end). */
  consensus: number | null;
  /** Largest minus smallest of those midpoints. */
  spread: number | null;
  /** The largest set of figures that share a value (max point coverage of the effective intervals). */
  agreeing: string[];
  verdict: ConflictVerdict;
  reason: string;
}

/** A figure prepared for comparison: its claim and its intervals in a common unit. */
export interface ReconcileFigure {
  claim: Claim;
  nominal: Interval;
  effective: Interval;
}

// ---------------------------------------------------------------------------------------------
// Small pure helpers

/**
 * Consensus (median) and spread (max − min) of the figures' representatives.
 * @example consensusOf([{ low: 126000, high: 126000 }, { low: 126223, high: 126223 }, { low: 126000, high: 126000 }]) // => { consensus: 126000, spread: 223 }
 */
export function consensusOf(ivs: readonly Interval[]): { consensus: number | null; spread: number | null } {
  const reps = ivs.map(representative).filter((x): x is number => x !== null);
  if (reps.length === 0) return { consensus: null, spread: null };
  // 12 significant digits: no float noise (401.42, not 401.41999999999996)
  const clean = (x: number) => Number(x.toPrecision(12));
  return { consensus: clean(median(reps)), spread: clean(max(reps) - min(reps)) };
}

/**
 * The largest set of intervals sharing a point (for intervals, pairwise overlap = a common
 * point), found by counting coverage at every end and between consecutive ends. Ties go to the
 * leftmost point; ids are returned in input order.
 * @example largestAgreeingSet([{ id: "a", iv: { low: 0, high: 2 } }, { id: "b", iv: { low: 1, high: 3 } }, { id: "c", iv: { low: 5, high: 6 } }]) // => ["a", "b"]
 */
export function largestAgreeingSet(items: readonly { id: string; iv: Interval }[]): string[] {
  const ends = [...new Set(items.flatMap(({ iv }) => [iv.low, iv.high]).filter(Number.isFinite))].sort((a, b) => a - b);
  const probes = ends.length === 0 ? [0] : [ends[0] - 1, ...ends.flatMap((e, k) => (k + 1 < ends.length ? [e, (e + ends[k + 1]) / 2] : [e])), ends[ends.length - 1] + 1];
  let best: string[] = [];
  for (const p of probes) {
    const ids = items.filter(({ iv }) => (iv.lowOpen ? p > iv.low : p >= iv.low) && (iv.highOpen ? p < iv.high : p <= iv.high)).map((x) => x.id);
    if (ids.length > best.length) best = ids;
  }
  return best;
}

/**
 * The unit most figures use (ties: the first seen), to express a group in.
 * @example commonUnit(["USD_bn", "USD_tn", "USD_tn"]) // => "USD_tn"
 */
export function commonUnit(units: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const u of units) counts.set(u, (counts.get(u) ?? 0) + 1);
  let best = units[0];
  for (const u of units) if (counts.get(u)! > counts.get(best)!) best = u;
  return best;
}

/** A figure's intervals converted into `unit`. */
export function figureIn(claim: Claim, unit: string): ReconcileFigure {
  const strip = (iv: Interval) => convertInterval(interval(iv.low, iv.high, iv.lowOpen, iv.highOpen), claim.unit, unit);
  return { claim, nominal: strip(nominalInterval(claim)), effective: strip(effectiveInterval(claim)) };
}

function figureText(f: ReconcileFigure): string {
  return `${f.claim.id} "${f.claim.raw}" (${f.claim.as_of})`;
}

function gapText(x: number): string {
  return String(Number(x.toPrecision(4)));
}

/** How a pair of figures that share no value is explained. */
export type PairExplanation = "scope" | "timing" | "contradiction";

/** How an agreeing group's reason ends when some of its figures are of different days (rateConflict reads it). */
export const DIFFERENT_DAYS_NOTE = "figures of different days among them agree without testing each other";

/**
 * Whether any two of the figures have overlapping dates (`asOfOverlaps`: "2026-02" and
 * "2026-02-06" do), the least a pair needs to test each other: a price of 7 February that matches
 * one of 8 February confirms nothing, as one that differs disproves nothing.
 * @example datesMeet([{ as_of: "2026-02-07" }, { as_of: "2026-02-08" }]) // => false
 * @example datesMeet([{ as_of: "2026-02-07" }, { as_of: "2026-02-08" }, { as_of: "2026-02-06/2026-02-08" }]) // => true
 * @example datesMeet([{ as_of: "2026-02" }, { as_of: "2026-02-06" }]) // => true
 */
export function datesMeet(figures: readonly Pick<Claim, "as_of">[]): boolean {
  return figures.some((a, i) => figures.slice(i + 1).some((b) => asOfOverlaps(a.as_of, b.as_of)));
}

/**
 * Why two disjoint figures of the same quantity differ, decided from the passage and the dates:
 * one passage describing two stages (same quote, or same section and date) -> "scope"; dates
 * that do not overlap, or a one-day figure dated only by a span of days (it may be another day
 * of that span, `unnamedDay`) -> "timing"; otherwise "contradiction". Different date strings alone are not a
 * timing difference: "2026-02" and "2026-02-06" overlap.
 * @example explainPair({ quote: "q", article: "a", section: "s", window: "session", as_of: "2026-02-06" }, { quote: "r", article: "b", section: "t", window: "session", as_of: "2026-02-06" }) // => "contradiction"
 * @example explainPair({ quote: "q", article: "a", section: "s", window: "session", as_of: "2026-02-03/2026-02-05" }, { quote: "r", article: "b", section: "t", window: "session", as_of: "2026-02-06" }) // => "timing"
 * @example explainPair({ quote: "q", article: "a", section: "s", window: "month", as_of: "2026-02" }, { quote: "r", article: "b", section: "t", window: "month", as_of: "2026-02-06" }) // => "contradiction"
 */
export function explainPair(
  a: Pick<Claim, "quote" | "article" | "section" | "as_of" | "window">,
  b: Pick<Claim, "quote" | "article" | "section" | "as_of" | "window">,
): PairExplanation {
  if (a.article === b.article && (a.quote === b.quote || (a.section === b.section && a.as_of === b.as_of))) return "scope";
  if (!asOfOverlaps(a.as_of, b.as_of)) return "timing";
  if (unnamedDay(a) || unnamedDay(b)) return "timing";
  return "contradiction";
}

/** The largest magnitude a figure stands at (its representative value), for relative gaps. */
function magnitude(f: ReconcileFigure): number {
  return Math.abs(representative(f.nominal) ?? 0);
}

// ---------------------------------------------------------------------------------------------
// Verdicts

/**
 * The verdict for figures said to measure one quantity (see the module comment), with a reason.
 * A pair whose gap is immaterial (`isImmaterial`: within `spread`, the disagreement among
 * independent reports of the quantity, or under 0.5% of the figures) counts as agreeing.
 */
export function judgeSameQuantity(figures: readonly ReconcileFigure[], unit: string, spread = 0): { verdict: ConflictVerdict; reason: string } {
  const list = figures.map(figureText).join(", ");
  // rule 5: only figures whose dates overlap test each other, in agreement as in disagreement
  const tested = datesMeet(figures.map((f) => f.claim));
  const untested = (agreement: string) => ({ verdict: "timing_mismatch" as const, reason: `${agreement}, but no two of the ${figures.length} figures refer to overlapping dates, so they do not test each other: ${list}` });
  // agreement among figures of several days: only those whose dates overlap confirm each other
  const mixed = figures.some((a, i) => figures.slice(i + 1).some((b) => !asOfOverlaps(a.claim.as_of, b.claim.as_of))) ? `; ${DIFFERENT_DAYS_NOTE}` : "";
  const nominal = intersectAll(figures.map((f) => f.nominal));
  if (nominal) return tested ? { verdict: "agree", reason: `all ${figures.length} figures share ${formatInterval(nominal)} ${unit}: ${list}${mixed}` } : untested(`the figures share ${formatInterval(nominal)} ${unit}`);
  const effective = intersectAll(figures.map((f) => f.effective));
  if (effective) {
    if (!tested) return untested(`the figures fit ${formatInterval(effective)} ${unit} once their rounding and hedges are allowed`);
    return { verdict: "agree_within_rounding", reason: `the printed figures differ but all fit ${formatInterval(effective)} ${unit} once their rounding and hedges are allowed: ${list}${mixed}` };
  }
  const pairs: { a: ReconcileFigure; b: ReconcileFigure; why: PairExplanation; gap: number }[] = [];
  const close: { a: ReconcileFigure; b: ReconcileFigure; gap: number }[] = [];
  figures.forEach((a, i) =>
    figures.slice(i + 1).forEach((b) => {
      if (intersect(a.effective, b.effective)) return;
      const gap = distance(a.effective, b.effective);
      if (isImmaterial(gap, Math.max(magnitude(a), magnitude(b)), spread)) close.push({ a, b, gap });
      else pairs.push({ a, b, why: tested ? explainPair(a.claim, b.claim) : "timing", gap });
    }),
  );
  const share = (p: { a: ReconcileFigure; b: ReconcileFigure; gap: number }) => {
    const r = relativeGap(p.gap, Math.max(magnitude(p.a), magnitude(p.b)));
    return r === null ? "" : ` (${plainShare(r)})`;
  };
  const describe = (p: (typeof pairs)[number] | (typeof close)[number]) =>
    `${figureText(p.a)} = ${formatInterval(p.a.effective)} and ${figureText(p.b)} = ${formatInterval(p.b.effective)} are ${gapText(p.gap)} ${unit}${share(p)} apart`;
  if (pairs.length === 0) {
    const widest = [...close].sort((x, y) => y.gap - x.gap)[0];
    if (!tested) return untested(`the figures differ by an immaterial amount (${describe(widest)})`);
    const margin = spread > 0 ? `within the ${gapText(spread)} ${unit} by which independent reports of it differ, or under 0.5%` : "under 0.5% of the figures";
    return { verdict: "agree_within_rounding", reason: `the figures differ by an immaterial amount, ${margin}: ${describe(widest)}${mixed}` };
  }
  const agreeing = largestAgreeingSet(figures.map((f) => ({ id: f.claim.id, iv: f.effective })));
  const best = `largest agreeing set: ${agreeing.join(", ")} (${agreeing.length} of ${figures.length})`;
  const worst = (why: PairExplanation) => pairs.filter((p) => p.why === why).sort((x, y) => y.gap - x.gap)[0];
  const contradiction = worst("contradiction");
  if (contradiction) return { verdict: "contradiction", reason: `${describe(contradiction)} for overlapping dates; ${best}` };
  const timing = worst("timing");
  if (timing) return { verdict: "timing_mismatch", reason: `no single value fits all ${figures.length}, but every disagreeing pair refers to different days, so the quantity may have moved: ${describe(timing)}; ${best}` };
  const scope = worst("scope")!;
  return { verdict: "scope_mismatch", reason: `the disagreeing figures come from one passage and describe different stages: ${describe(scope)}; ${best}` };
}

/**
 * For levels that must be ordered (level k ≤ level k+1: e.g. BTC 24h ≤ all-crypto 24h ≤ all-crypto
 * 3 days), the tightest interval of each level consistent with every figure and the ordering,
 * or the first pair of levels that cannot be ordered.
 * @example orderedLevels([{ low: 1, high: Infinity, highOpen: true }, { low: 2.5, high: Infinity, lowOpen: true, highOpen: true }, { low: 1.8, high: 3.25, lowOpen: true, highOpen: true }]).feasible // => true
 * @example orderedLevels([{ low: 5, high: 6 }, { low: 1, high: 2 }]).conflict // => [0, 1]
 */
export function orderedLevels(levels: readonly Interval[]): { feasible: boolean; levels: Interval[]; conflict: [number, number] | null } {
  const out = levels.map((l) => interval(l.low, l.high, l.lowOpen, l.highOpen));
  for (let k = 1; k < out.length; k++) {
    const prev = out[k - 1];
    const next = intersect(out[k], interval(prev.low, Infinity, prev.lowOpen, true));
    if (!next) return { feasible: false, levels: out, conflict: [k - 1, k] };
    out[k] = next;
  }
  for (let k = out.length - 2; k >= 0; k--) {
    const after = out[k + 1];
    const next = intersect(out[k], interval(-Infinity, after.high, true, after.highOpen));
    if (!next) return { feasible: false, levels: out, conflict: [k, k + 1] };
    out[k] = next;
  }
  return { feasible: true, levels: out, conflict: null };
}

// ---------------------------------------------------------------------------------------------
// Groups and families

/** True when a claim takes part in same-quantity groups (see UNGROUPED_METRICS / UNGROUPED_WINDOWS). */
export function isGroupable(c: Pick<Claim, "metric" | "window">): boolean {
  return !(c.metric in UNGROUPED_METRICS) && !(c.window in UNGROUPED_WINDOWS);
}

/**
 * Claims measuring the same quantity: same subject, metric and window, split by unit dimension
 * (USD and CNY amounts are not compared), groups of two or more, each in ledger order, sorted
 * by subject, metric, window.
 */
export function sameQuantityGroups(claims: readonly Claim[]): Claim[][] {
  const byQuantity = new Map<string, Claim[]>();
  for (const c of claims.filter(isGroupable)) {
    const k = `${c.subject}\u0000${c.metric}\u0000${c.window}`;
    byQuantity.set(k, [...(byQuantity.get(k) ?? []), c]);
  }
  const groups: Claim[][] = [];
  for (const members of byQuantity.values()) {
    const dims = new Map<string, Claim[]>();
    for (const c of members) {
      const d = unitInfo(c.unit).dimension;
      dims.set(d, [...(dims.get(d) ?? []), c]);
    }
    for (const g of dims.values()) if (g.length >= 2) groups.push(g);
  }
  const key = (g: Claim[]) => `${g[0].subject}\u0000${g[0].metric}\u0000${g[0].window}\u0000${unitInfo(g[0].unit).dimension}`;
  return groups.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

function matches(c: Claim, sel: FamilySelector): boolean {
  return c.subject === sel.subject && c.metric === sel.metric && sel.windows.includes(c.window);
}

function members(figures: readonly ReconcileFigure[]): ConflictMember[] {
  return figures.map(({ claim: c, effective: iv }) => ({
    claim: c.id,
    article: c.article,
    subject: c.subject,
    window: c.window,
    as_of: c.as_of,
    raw: c.raw,
    qualifier: c.qualifier,
    ...toBounds(iv),
    lowOpen: !!iv.lowOpen && Number.isFinite(iv.low),
    highOpen: !!iv.highOpen && Number.isFinite(iv.high),
  }));
}

function summary(figures: readonly ReconcileFigure[]) {
  const common = intersectAll(figures.map((f) => f.effective));
  return {
    claims: figures.map((f) => f.claim.id),
    intersection: common ? toBounds(common) : null,
    ...consensusOf(figures.map((f) => f.nominal)),
    agreeing: largestAgreeingSet(figures.map((f) => ({ id: f.claim.id, iv: f.effective }))),
  };
}

const joined = (xs: readonly string[]) => [...new Set(xs)].join("|");

/** The reconciliation of one same-quantity group. */
export function reconcileGroup(group: readonly Claim[], rows: readonly IndependentRow[] = []): Conflict {
  const unit = commonUnit(group.map((c) => c.unit));
  const figures = group.map((c) => figureIn(c, unit));
  const { verdict, reason } = judgeSameQuantity(figures, unit, independentSpread(group, rows, unit));
  const g = group[0];
  const garbled = group.filter((c) => c.qualifier === "garbled").map((c) => c.id);
  return {
    id: `${g.subject}.${g.metric}.${g.window}`,
    kind: "group",
    subject: g.subject,
    metric: g.metric,
    window: g.window,
    unit,
    members: members(figures),
    ...summary(figures),
    verdict,
    reason: garbled.length > 0 ? `${reason} (garbled, read per the ledger's reading: ${garbled.join(", ")})` : reason,
  };
}

/** The reconciliation of one near-miss family, or null when it has fewer than two comparable figures. */
export function reconcileFamily(spec: FamilySpec, claims: readonly Claim[], rows: readonly IndependentRow[] = []): Conflict | null {
  const levelClaims = spec.levels.map((sels) => claims.filter((c) => sels.some((s) => matches(c, s))));
  const all = levelClaims.flat();
  if (all.length < 2) return null;
  const unit = commonUnit(all.map((c) => c.unit));
  const comparable = (c: Claim) => unitInfo(c.unit).dimension === unitInfo(unit).dimension;
  const left = all.filter((c) => !comparable(c)).map((c) => `${c.id} (${c.unit})`);
  const levels = levelClaims.map((cs) => cs.filter(comparable).map((c) => figureIn(c, unit)));
  const figures = levels.flat();
  if (figures.length < 2) return null;
  const note = `${spec.why}${left.length > 0 ? `; left out as not comparable in ${unit}: ${left.join(", ")}` : ""}`;

  let verdict: ConflictVerdict;
  let reason: string;
  if (spec.relation === "same") {
    ({ verdict, reason } = judgeSameQuantity(figures, unit, independentSpread(figures.map((f) => f.claim), rows, unit)));
  } else {
    const present = levels.map((fs, k) => ({ fs, k })).filter(({ fs }) => fs.length > 0);
    const hulls = present.map(({ fs }) => intersectAll(fs.map((f) => f.effective)));
    const broken = present.filter((_, j) => hulls[j] === null).map(({ fs }) => fs.map((f) => f.claim.id).join(" vs "));
    if (broken.length > 0) {
      verdict = "contradiction";
      reason = `figures of one level disagree among themselves (${broken.join("; ")})`;
    } else {
      const fit = orderedLevels(hulls as Interval[]);
      const label = (j: number) => present[j].fs.map(figureText).join(" & ");
      if (fit.feasible) {
        verdict = "scope_mismatch";
        reason = `the figures differ but measure nested scopes, and all can be true: ${fit.levels.map((iv, j) => `${label(j)} within ${formatInterval(iv)} ${unit}`).join("; ")}`;
      } else {
        const [a, b] = fit.conflict!;
        verdict = "contradiction";
        reason = `${label(a)} (${formatInterval(hulls[a]!)} ${unit}) cannot be at most ${label(b)} (${formatInterval(hulls[b]!)} ${unit})`;
      }
    }
  }
  return {
    id: `family.${spec.name}`,
    kind: "family",
    subject: joined(all.map((c) => c.subject)),
    metric: joined(all.map((c) => c.metric)),
    window: joined(all.map((c) => c.window)),
    unit,
    members: members(figures),
    ...summary(figures),
    verdict,
    reason: `${reason} — ${note}`,
  };
}

/**
 * Every same-quantity group and every near-miss family of the ledger (data/families.csv; a family
 * identical to a group is left out), sorted by id; `rows` (data/independent.csv) give how much
 * independent reports of each quantity differ, for materiality.
 */
export function buildConflicts(ledger: Pick<Ledger, "claims" | "families">, rows: readonly IndependentRow[] = []): Conflict[] {
  const groups = sameQuantityGroups(ledger.claims).map((g) => reconcileGroup(g, rows));
  const groupSets = new Set(groups.map((g) => [...g.claims].sort().join(" ")));
  const families = ledger.families.map((f) => reconcileFamily(f, ledger.claims, rows)).filter((f): f is Conflict => f !== null && !groupSets.has([...f.claims].sort().join(" ")));
  // a subject/metric/window split by currency gives two groups: tell them apart by unit
  const seen = new Map<string, number>();
  for (const g of groups) seen.set(g.id, (seen.get(g.id) ?? 0) + 1);
  const named = groups.map((g) => (seen.get(g.id)! > 1 ? { ...g, id: `${g.id}.${g.unit}` } : g));
  return [...named, ...families].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Counts conflicts by verdict (every verdict present).
 * @example countConflictVerdicts([{ verdict: "agree" }]).agree // => 1
 */
export function countConflictVerdicts(conflicts: readonly Pick<Conflict, "verdict">[]): Record<ConflictVerdict, number> {
  const out: Record<ConflictVerdict, number> = { agree: 0, agree_within_rounding: 0, scope_mismatch: 0, timing_mismatch: 0, contradiction: 0 };
  for (const c of conflicts) out[c.verdict]++;
  return out;
}
