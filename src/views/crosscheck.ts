/**
 * Cross-article views for the overview, reconciliation and independent-check notebooks
 * (notebooks/00, 06, 07): reconciliation groups sorted into themes and turned into forest-plot
 * rows, the pairs of figures no scope or timing explains, how a nested family (liquidations) can
 * all be true, per-article shares of independent verdicts, disputed figures grouped with the
 * sources that dispute them, dated timelines of what sources say (to see a figure that belongs to
 * another day), figures no independent source prints, and the scoreboard with the findings ranked.
 *
 * Everything here is pure and deterministic: it reads an `Analysis` (src/domain/analysis.ts) and returns
 * plain rows. HTML built here escapes every piece of data with escapeHtml; links are anchors with
 * an escaped href. Markdown built here escapes article and source text with escapeMarkdown
 * (src/views/narrate.ts).
 */
import type { Analysis } from "../domain/analysis";
import { asOfSpan, type ClaimLike, type Consensus, type Json, type PlotlyFigure } from "../charts/charts";
import { tslabDisplay, type DisplaySink } from "../render/display";
import { badge, escapeHtml, formatNumber, tableHtml, type TableColumn } from "../render/html";
import { INDEPENDENT_VERDICTS, type IndependentResult, type IndependentVerdict, type Relation } from "../domain/independent";
import { isKnownOutlier, sourceHedgeInput } from "../domain/sources";
import { TIERS, type IndependentRow, type Tier } from "../data/independent-file";
import { distance, formatInterval, interval, intersectAll, overlaps } from "../domain/intervals";
import { convertInterval, sameDimension } from "../domain/units";
import { effectiveInterval, nominalInterval } from "../domain/hedges";
import { extractNumericTokens } from "../data/numbers";
import { explainPair, FAMILIES, figureIn, orderedLevels, type Conflict, type ConflictMember } from "../domain/reconcile";
import { escapeMarkdown, formatBounds, joinWords } from "./narrate";
import type { Claim, Interval } from "../data/types";

// ---------------------------------------------------------------------------------------------
// Small helpers

/**
 * A kebab-case chart id from a prefix and any id ("BTC.low.intraday", "family.liquidations").
 * @example chartIdFor("nb06", "BTC.low.intraday") // => "nb06-btc-low-intraday"
 * @example chartIdFor("nb06", "spot_btc_etfs.etf_net_outflow.jan_2026") // => "nb06-spot-btc-etfs-etf-net-outflow-jan-2026"
 */
export function chartIdFor(prefix: string, id: string): string {
  const slug = `${prefix}-${id}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug;
}

/**
 * The share `n / total` as a whole percentage (0 when total is 0), rounded half up.
 * @example percentOf(3, 8) // => 38
 * @example percentOf(0, 0) // => 0
 */
export function percentOf(n: number, total: number): number {
  return total === 0 ? 0 : Math.round((100 * n) / total);
}

/**
 * A number to at most `digits` significant digits, as a plain number (no float noise).
 * @example roundSig(0.0034865, 2) // => 0.0035
 */
export function roundSig(x: number, digits = 3): number {
  return Number.isFinite(x) ? Number(x.toPrecision(digits)) : x;
}

/** Articles in data/articles.csv order. */
function articleOrder(analysis: Pick<Analysis, "ledger">): string[] {
  return analysis.ledger.articles.map((a) => a.id);
}

function byArticleOrder(order: readonly string[]) {
  return (a: string, b: string) => order.indexOf(a) - order.indexOf(b);
}

/** The distinct values in order of first appearance. */
function distinct<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

/**
 * True when amounts in the two units can be compared: the same unit, or units of one dimension
 * (a unit without a conversion rule, such as minutes, compares only with itself).
 * @example comparableUnits("USD_bn", "USD_tn") // => true
 * @example comparableUnits("minutes", "pct") // => false
 */
export function comparableUnits(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    return sameDimension(a, b);
  } catch {
    return false;
  }
}

const tierRank = (t: Tier | "arithmetic"): number => (t === "arithmetic" ? TIERS.length : TIERS.length - 1 - TIERS.indexOf(t));

// ---------------------------------------------------------------------------------------------
// Themes of the reconciliation

/** A theme of the reconciliation notebook. */
export type ConflictTheme = "bitcoin-levels" | "drawdowns-moves" | "liquidations-flows" | "capex" | "equities" | "metals" | "other";

/** The themes in display order, with their section titles. */
export const CONFLICT_THEMES: readonly { theme: ConflictTheme; title: string }[] = [
  { theme: "bitcoin-levels", title: "Bitcoin levels" },
  { theme: "drawdowns-moves", title: "Drawdowns and moves" },
  { theme: "liquidations-flows", title: "Liquidations and ETF flows" },
  { theme: "capex", title: "Capex and results" },
  { theme: "equities", title: "Equities and indices" },
  { theme: "metals", title: "Metals" },
  { theme: "other", title: "Sentiment, correlation and other figures" },
];

const CRYPTO_SUBJECTS = ["BTC", "ETH", "SOL", "XRP", "DOGE", "BNB", "GT", "altcoins", "small_cap_tokens", "crypto_market", "stablecoins"];
const EQUITY_SUBJECTS = [
  "nasdaq_composite", "nasdaq_100", "tech_benchmarks", "sp500", "dow", "msci_global", "msci_apac_ex_japan", "kospi", "nikkei_225", "amazon", "alphabet",
  "microsoft", "meta", "nvidia", "oracle", "salesforce", "qualcomm", "magnificent_7", "big_tech", "software_saas", "software_ai_leaders",
];
const FLOW_METRICS = ["liquidations", "liquidated_traders", "etf_net_outflow", "etf_net_flow_coins", "demand_gap_coins", "net_outflow"];
const LEVELS = ["low", "peak", "price", "close"];

/**
 * The theme of a reconciliation group or family, from its (first) subject and metric: flows
 * (liquidations, ETF flows) first, then capex and results, metals, Bitcoin levels, other crypto
 * moves, equities; everything else is "other". Correlations go to "other".
 * @example conflictTheme({ subject: "BTC", metric: "liquidations" }) // => "liquidations-flows"
 * @example conflictTheme({ subject: "nakamoto|crushes", metric: "low" }) // => "other"
 * @example conflictTheme({ subject: "BTC", metric: "low" }) // => "bitcoin-levels"
 * @example conflictTheme({ subject: "amazon", metric: "pct_change" }) // => "equities"
 */
export function conflictTheme(c: Pick<Conflict, "subject" | "metric">): ConflictTheme {
  const subject = c.subject.split("|")[0];
  const metric = c.metric.split("|")[0];
  if (FLOW_METRICS.includes(metric) || metric.startsWith("etf_")) return "liquidations-flows";
  if (["capex", "capex_change", "revenue"].includes(metric)) return "capex";
  if (subject === "silver" || subject === "gold") return "metals";
  if (metric === "correlation") return "other";
  if (subject === "BTC" && LEVELS.includes(metric)) return "bitcoin-levels";
  if (CRYPTO_SUBJECTS.includes(subject)) return "drawdowns-moves";
  if (EQUITY_SUBJECTS.includes(subject)) return "equities";
  return "other";
}

/** The section title of a theme. */
export function themeTitle(theme: ConflictTheme): string {
  return CONFLICT_THEMES.find((t) => t.theme === theme)!.title;
}

// ---------------------------------------------------------------------------------------------
// One reconciliation as a forest plot and a table row

/**
 * A member's effective interval (its JSON bounds and open flags) as an Interval.
 * @example memberInterval({ low: null, high: 60000, lowOpen: false, highOpen: true }) // => { low: -Infinity, high: 60000, lowOpen: true, highOpen: true }
 */
export function memberInterval(m: Pick<ConflictMember, "low" | "high" | "lowOpen" | "highOpen">): Interval {
  return interval(m.low ?? -Infinity, m.high ?? Infinity, m.lowOpen, m.highOpen);
}

/**
 * Forest-plot rows for intervalChart: one per figure of the reconciliation, its effective interval
 * (rounding and hedges included) in the reconciliation's unit, with the claim's quote and as-of.
 * @throws Error when a member's claim is not in the ledger.
 */
export function conflictChartRows(conflict: Pick<Conflict, "unit" | "members">, ledger: Pick<Analysis["ledger"], "byId">): ClaimLike[] {
  return conflict.members.map((m) => {
    const c = ledger.byId.get(m.claim);
    if (!c) throw new Error(`conflictChartRows: unknown claim ${m.claim}`);
    return { ...c, low: m.low, high: m.high, unit: conflict.unit };
  });
}

/**
 * Row labels for a reconciliation's forest plot: "<figure as printed> · <as of>" (the colour and
 * the legend name the article; the hover names the claim).
 * @example conflictLabels({ members: [{ claim: "a-1", raw: "$60K", as_of: "2026-02-06" }] }) // => { "a-1": "$60K · 2026-02-06" }
 */
export function conflictLabels(conflict: { members: readonly Pick<ConflictMember, "claim" | "raw" | "as_of">[] }): Record<string, string> {
  return Object.fromEntries(conflict.members.map((m) => [m.claim, `${m.raw} · ${m.as_of}`]));
}

/**
 * The consensus line of a reconciliation's chart: the median of the printed midpoints, with the
 * common part of every figure as a band when it is bounded; undefined without a consensus.
 * @example conflictConsensus({ consensus: 60750, intersection: { low: 60000, high: 60000 } }) // => { value: 60750, label: "median", low: 60000, high: 60000 }
 * @example conflictConsensus({ consensus: 1, intersection: { low: 1, high: null } }) // => { value: 1, label: "median" }
 */
export function conflictConsensus(conflict: Pick<Conflict, "consensus" | "intersection">): Consensus | undefined {
  if (conflict.consensus === null) return undefined;
  const out: Consensus = { value: conflict.consensus, label: "median" };
  const i = conflict.intersection;
  if (i && i.low !== null && i.high !== null) {
    out.low = i.low;
    out.high = i.high;
  }
  return out;
}

/** One row of the reconciliation table (`verdict` is a badge: declare the column `html`). */
export interface ConflictRow {
  quantity: string;
  theme: string;
  figures: number;
  articles: number;
  printed: string;
  common: string;
  consensus: string;
  verdict: string;
  reason: string;
}

/**
 * A reconciliation as a table row: what it measures, how many figures from how many articles, the
 * figures as printed with their claim ids, the common part of their effective intervals with its
 * open and closed ends ("none" when they share no value), the median, the verdict badge and the reason.
 */
export function conflictRow(c: Conflict): ConflictRow {
  const both = intersectAll(c.members.map(memberInterval));
  const common = both ? `${formatInterval(both)} ${c.unit}` : "none";
  return {
    quantity: c.id,
    theme: themeTitle(conflictTheme(c)),
    figures: c.members.length,
    articles: distinct(c.members.map((m) => m.article)).length,
    printed: c.members.map((m) => `${m.raw} (${m.claim})`).join("; "),
    common,
    consensus: c.consensus === null ? "" : `${formatNumber(c.consensus)} ${c.unit}`,
    verdict: badge(c.verdict),
    reason: c.reason,
  };
}

/**
 * The reconciliations of a theme, those spanning the most articles first, then by id.
 * @example conflictsOfTheme([{ id: "b", subject: "BTC", metric: "low", members: [{ article: "x" }] }, { id: "a", subject: "BTC", metric: "peak", members: [{ article: "x" }, { article: "y" }] }], "bitcoin-levels").map((c) => c.id) // => ["a", "b"]
 */
export function conflictsOfTheme<C extends Pick<Conflict, "id" | "subject" | "metric"> & { members: readonly Pick<ConflictMember, "article">[] }>(
  conflicts: readonly C[],
  theme: ConflictTheme,
): C[] {
  const reach = (c: C) => distinct(c.members.map((m) => m.article)).length;
  return conflicts
    .filter((c) => conflictTheme(c) === theme)
    .sort((a, b) => reach(b) - reach(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

// ---------------------------------------------------------------------------------------------
// Contradictions

/** Two figures of one quantity, of the same date, from different passages, sharing no value. */
export interface ContradictionPair {
  /** The reconciliations (groups and families) in which the pair appears. */
  conflicts: string[];
  a: Claim;
  b: Claim;
  /** Their effective intervals in the reconciliation's unit, in interval notation. */
  aInterval: string;
  bInterval: string;
  unit: string;
  /** How far apart the effective intervals are, in `unit`. */
  gap: number;
}

/**
 * Every pair of figures that no scope or timing explains: within each reconciliation judged a
 * contradiction, the pairs whose effective intervals share no value and that `explainPair` calls a
 * contradiction (same date, different passages). A pair found in several reconciliations (a
 * group and a family) is listed once with all of them. Largest gap first. Ordered families whose
 * contradiction is between levels (no pair of one level) give no pair.
 */
export function contradictionPairs(conflicts: readonly Conflict[], ledger: Pick<Analysis["ledger"], "byId">): ContradictionPair[] {
  const pairs = new Map<string, ContradictionPair>();
  for (const c of conflicts.filter((x) => x.verdict === "contradiction")) {
    c.members.forEach((ma, i) =>
      c.members.slice(i + 1).forEach((mb) => {
        const ia = memberInterval(ma);
        const ib = memberInterval(mb);
        if (overlaps(ia, ib)) return;
        const a = ledger.byId.get(ma.claim)!;
        const b = ledger.byId.get(mb.claim)!;
        if (explainPair(a, b) !== "contradiction") return;
        const key = `${a.id} ${b.id}`;
        const known = pairs.get(key);
        if (known) known.conflicts.push(c.id);
        else pairs.set(key, { conflicts: [c.id], a, b, aInterval: formatInterval(ia), bInterval: formatInterval(ib), unit: c.unit, gap: roundSig(distance(ia, ib), 6) });
      }),
    );
  }
  return [...pairs.values()].sort((x, y) => y.gap - x.gap || (x.a.id < y.a.id ? -1 : 1));
}

/**
 * A contradiction as an HTML table with the two quotes side by side (every piece escaped): for
 * each side the article, claim id, date, figure as printed, its interval and the verbatim quote.
 */
export function contradictionHtml(p: ContradictionPair): string {
  const side = (c: Claim, iv: string) =>
    `<div style="font-weight:600">${escapeHtml(c.raw)}</div>` +
    `<div style="color:#666666;font-size:12px">${escapeHtml(c.article)} · ${escapeHtml(c.id)} · as of ${escapeHtml(c.as_of)} · ${escapeHtml(iv)} ${escapeHtml(p.unit)}</div>` +
    `<blockquote style="margin:6px 0 0 0;padding-left:8px;border-left:3px solid #CCCCCC">${escapeHtml(c.quote)}</blockquote>`;
  return tableHtml([{ left: side(p.a, p.aInterval), right: side(p.b, p.bInterval) }], {
    columns: [
      { key: "left", label: p.a.article, html: true },
      { key: "right", label: p.b.article, html: true },
    ],
    caption: `${p.a.subject} · ${p.a.metric} · ${p.a.window}: ${formatNumber(p.gap)} ${p.unit} apart on the same date`,
  });
}

// ---------------------------------------------------------------------------------------------
// Ordered families: how nested figures can all be true

/** One level of an ordered family, with the figures on it and what they allow once nested. */
export interface FamilyLevel {
  /** The level in words: "BTC liquidations (24h)". */
  label: string;
  claims: Claim[];
  /** The common part of the level's own figures (effective intervals, family unit); null when they disagree or there are none. */
  own: Interval | null;
  /** What the level can be once every level's figures and the nesting are respected; null when infeasible or empty. */
  fitted: Interval | null;
}

/**
 * The levels of a near-miss family (FAMILIES in src/domain/reconcile.ts) with each level's own common
 * interval and its fitted interval under the family's ordering (orderedLevels), in `unit`
 * (figures of another dimension, such as CNY amounts, are left out, as the reconciliation does).
 * @throws Error `unknown family: "…"`.
 */
export function familyLevels(name: string, claims: readonly Claim[], unit: string): FamilyLevel[] {
  const spec = FAMILIES.find((f) => f.name === name);
  if (!spec) throw new Error(`unknown family: ${JSON.stringify(name)} (expected one of ${FAMILIES.map((f) => f.name).join(", ")})`);
  const levels = spec.levels.map((sels) => {
    const cs = claims.filter((c) => sels.some((s) => c.subject === s.subject && c.metric === s.metric && s.windows.includes(c.window)) && comparableUnits(c.unit, unit));
    const own = cs.length > 0 ? intersectAll(cs.map((c) => figureIn(c, unit).effective)) : null;
    const label = sels.map((s) => `${s.subject} ${s.metric} (${s.windows.join(", ")})`).join(" / ");
    return { label, claims: cs, own, fitted: null as Interval | null };
  });
  if (spec.relation === "ordered") {
    const present = levels.filter((l) => l.own !== null);
    const fit = orderedLevels(present.map((l) => l.own!));
    if (fit.feasible) present.forEach((l, k) => (l.fitted = fit.levels[k]));
  } else {
    levels.forEach((l) => (l.fitted = l.own));
  }
  return levels;
}

/**
 * Forest-plot rows for a family: each level's figures (their effective intervals), then one row per
 * level with what it can be once the nesting is respected ("all true" rows, article "nested fit").
 */
export function familyChartRows(levels: readonly FamilyLevel[], unit: string): { rows: ClaimLike[]; labels: Record<string, string> } {
  const rows: ClaimLike[] = [];
  const labels: Record<string, string> = {};
  const bounds = (iv: Interval) => ({ low: Number.isFinite(iv.low) ? iv.low : null, high: Number.isFinite(iv.high) ? iv.high : null });
  for (const l of levels) {
    for (const c of l.claims) {
      rows.push({ ...c, ...bounds(figureIn(c, unit).effective), unit });
      labels[c.id] = `${c.raw} · ${l.label}`;
    }
  }
  levels.forEach((l, k) => {
    if (!l.fitted) return;
    const id = `fit-${k + 1}`;
    rows.push({ id, article: "nested fit", quote: `${l.label}: the values that satisfy every figure and the nesting`, subject: l.claims[0]?.subject ?? "", metric: l.claims[0]?.metric ?? "", ...bounds(l.fitted), unit, raw: formatInterval(l.fitted), as_of: l.claims[0]?.as_of ?? "" });
    labels[id] = `all true: ${l.label}`;
  });
  return { rows, labels };
}

/**
 * Whether a reconciliation gets its own chart in notebooks/06: it spans two or more articles, is a
 * near-miss family, or its figures do not simply agree.
 * @example chartWorthy({ kind: "group", verdict: "agree", members: [{ article: "a" }, { article: "a" }] }) // => false
 * @example chartWorthy({ kind: "group", verdict: "agree", members: [{ article: "a" }, { article: "b" }] }) // => true
 */
export function chartWorthy(c: Pick<Conflict, "kind" | "verdict"> & { members: readonly Pick<ConflictMember, "article">[] }): boolean {
  return c.kind === "family" || c.verdict !== "agree" || distinct(c.members.map((m) => m.article)).length >= 2;
}

// ---------------------------------------------------------------------------------------------
// Independent verdicts per article

/** The verdict on a claim (unverified when the analysis has none). */
function verdictOf(independent: readonly IndependentResult[], claim: string): IndependentVerdict {
  return independent.find((r) => r.claim === claim)?.verdict ?? "unverified";
}

/** One (article, verdict) count with its share of the article's figures. */
export interface VerdictShare {
  article: string;
  verdict: IndependentVerdict;
  count: number;
  /** Whole percent of the article's figures. */
  share: number;
}

/**
 * Per article and independent verdict, how many of the article's figures got it and their share
 * (whole percent); every verdict listed, zeros included; articles in data/articles.csv order.
 * With `comparedOnly`, only the figures compared with at least one independent figure of the
 * same quantity count. Long form, for verdictBarChart (`count: "count"`).
 */
export function independentShares(analysis: Pick<Analysis, "ledger" | "independent">, options: { comparedOnly?: boolean } = {}): VerdictShare[] {
  const compared = new Set(analysis.independent.filter((r) => r.sources.some((s) => s.relation !== "context")).map((r) => r.claim));
  const out: VerdictShare[] = [];
  for (const article of articleOrder(analysis)) {
    const claims = analysis.ledger.claims.filter((c) => c.article === article && (!options.comparedOnly || compared.has(c.id)));
    for (const verdict of INDEPENDENT_VERDICTS) {
      const count = claims.filter((c) => verdictOf(analysis.independent, c.id) === verdict).length;
      out.push({ article, verdict, count, share: percentOf(count, claims.length) });
    }
  }
  return out;
}

/**
 * independentShares as one row per article: figures, then "n (p%)" per verdict.
 * @example shareTable([{ article: "a", verdict: "confirmed", count: 1, share: 25 }, { article: "a", verdict: "unverified", count: 3, share: 75 }]) // => [{ article: "a", figures: 4, confirmed: "1 (25%)", unverified: "3 (75%)" }]
 */
export function shareTable(shares: readonly VerdictShare[]): Record<string, string | number>[] {
  const rows = new Map<string, Record<string, string | number>>();
  for (const s of shares) {
    const row = rows.get(s.article) ?? { article: s.article, figures: 0 };
    row.figures = (row.figures as number) + s.count;
    row[s.verdict] = `${formatNumber(s.count)} (${s.share}%)`;
    rows.set(s.article, row);
  }
  return [...rows.values()];
}

// ---------------------------------------------------------------------------------------------
// Disputed figures, grouped with their sources

/** A linked source compared with a claim: the row and how it relates. */
export interface ComparedSource {
  row: IndependentRow;
  relation: Relation;
  /** The source's effective interval in the claim's unit (or its own unit for context), as the verdict states it. */
  interval: string;
  /** Why a context source is not compared; "" when comparable. */
  why: string;
}

/** Disputed figures measuring one quantity against the same comparable sources. */
export interface DisputeGroup {
  /** `subject.metric.window` of the claims. */
  id: string;
  claims: Claim[];
  results: IndependentResult[];
  /** The comparable sources, strongest tier first, then dissent first, then id. */
  sources: ComparedSource[];
  /** The source that decides the dispute (the first claim's). */
  best: IndependentRow;
  /** The largest gap between a disputed figure and the deciding source, as printed, as a share of the figure (0.35 = 35%). */
  relativeGap: number;
}

/**
 * The distance between a claim's printed meaning and a source's printed figure, as a share of the
 * claim's magnitude (its largest finite bound); 0 when they overlap.
 * @example relativeGapOf({ low: 7, high: 7, qualifier: "approx", raw: "US$7 billion", unit: "USD_bn", hedge: "approximately" }, { low: 3.5, high: 3.5, unit: "USD_bn", quote: "pulled $3.5 billion" }) // => 0.5
 */
export function relativeGapOf(
  claim: Pick<Claim, "low" | "high" | "qualifier" | "raw" | "unit" | "hedge">,
  source: Pick<IndependentRow, "low" | "high" | "unit" | "quote">,
): number {
  const c = nominalInterval(claim);
  if (!comparableUnits(source.unit, claim.unit)) return 0;
  const s = convertInterval(nominalInterval(sourceHedgeInput(source)), source.unit, claim.unit);
  const ref = Math.max(0, ...[c.low, c.high].filter(Number.isFinite).map(Math.abs));
  return ref === 0 ? 0 : roundSig(distance(s, c) / ref, 6);
}

const RELATION_ORDER: readonly Relation[] = ["disagrees", "refines", "confirms", "confirms_within_rounding", "consistent", "context"];

/**
 * The disputed claims grouped by quantity (subject, metric, window) and the set of comparable
 * sources they were weighed against, with those sources (strongest tier first) and the largest
 * relative gap to the deciding source. Groups in ledger order of their first claim.
 */
export function disputeGroups(analysis: Pick<Analysis, "ledger" | "independent" | "independentRows">): DisputeGroup[] {
  const rowById = new Map(analysis.independentRows.map((r) => [r.id, r]));
  const groups = new Map<string, DisputeGroup>();
  for (const claim of analysis.ledger.claims) {
    const result = analysis.independent.find((r) => r.claim === claim.id);
    if (!result || result.verdict !== "disputed") continue;
    const comparable = result.sources.filter((s) => s.relation !== "context");
    const id = `${claim.subject}.${claim.metric}.${claim.window}`;
    const key = `${id} ${comparable.map((s) => s.id).join(" ")}`;
    const best = rowById.get(result.best_source!)!;
    const gap = relativeGapOf(claim, best);
    const g = groups.get(key);
    if (g) {
      g.claims.push(claim);
      g.results.push(result);
      g.relativeGap = Math.max(g.relativeGap, gap);
      continue;
    }
    const sources = comparable
      .map((s) => ({ row: rowById.get(s.id)!, relation: s.relation, interval: s.interval, why: s.why }))
      .sort(
        (a, b) =>
          tierRank(b.row.tier) - tierRank(a.row.tier) ||
          RELATION_ORDER.indexOf(a.relation) - RELATION_ORDER.indexOf(b.relation) ||
          (a.row.id < b.row.id ? -1 : 1),
      );
    groups.set(key, { id, claims: [claim], results: [result], sources, best, relativeGap: gap });
  }
  return [...groups.values()];
}

/**
 * A source's page as an HTML anchor showing its host name (href and text escaped; opens in a new tab).
 * @example sourceLink({ url: "https://www.reuters.com/markets/x?a=1&b=2" }) // => '<a href="https://www.reuters.com/markets/x?a=1&amp;b=2" target="_blank" rel="noopener noreferrer">www.reuters.com</a>'
 */
export function sourceLink(row: Pick<IndependentRow, "url">): string {
  let host = row.url;
  try {
    host = new URL(row.url).hostname;
  } catch {
    // keep the whole URL as the text
  }
  return `<a href="${escapeHtml(row.url)}" target="_blank" rel="noopener noreferrer">${escapeHtml(host)}</a>`;
}

const RELATION_WORDS: Readonly<Record<Relation, string>> = {
  refines: "refines",
  confirms: "confirms",
  confirms_within_rounding: "confirms within rounding",
  consistent: "consistent, does not pin it",
  disagrees: "disagrees",
  close: "close: an immaterial gap",
  same_origin: "restates the article's own source",
  context: "context",
};

/**
 * A dispute as an HTML table, the article side beside the independent side (every piece
 * escaped): left, each disputed figure with its article, claim id, date and verbatim quote;
 * right, each comparable source with outlet, tier, date, how it compares, its figure, its verbatim
 * quote and a link to the page.
 */
export function disputeHtml(g: DisputeGroup): string {
  const quote = (q: string) => `<blockquote style="margin:4px 0 10px 0;padding-left:8px;border-left:3px solid #CCCCCC">${escapeHtml(q)}</blockquote>`;
  const left = g.claims
    .map(
      (c) =>
        `<div style="font-weight:600">${escapeHtml(c.raw)} <span style="font-weight:400;color:#666666;font-size:12px">${escapeHtml(c.article)} · ${escapeHtml(c.id)} · as of ${escapeHtml(c.as_of)}</span></div>` +
        quote(c.quote),
    )
    .join("");
  const right = g.sources
    .map(
      ({ row, relation, interval: iv }) =>
        `<div><b>${escapeHtml(row.outlet)}</b> <span style="color:#666666;font-size:12px">${escapeHtml(row.id)} · ${escapeHtml(row.tier)} · as of ${escapeHtml(row.as_of)}` +
        `${row.published ? ` · published ${escapeHtml(row.published)}` : ""} · ${escapeHtml(RELATION_WORDS[relation])} · ${escapeHtml(iv)}</span> ${sourceLink(row)}</div>` +
        quote(row.quote),
    )
    .join("");
  return tableHtml([{ left, right }], {
    columns: [
      { key: "left", label: "the articles say", html: true },
      { key: "right", label: "independent sources say", html: true },
    ],
    caption: `${g.id}: ${g.claims.length} disputed figure${g.claims.length === 1 ? "" : "s"} against ${g.sources.length} comparable source${g.sources.length === 1 ? "" : "s"}`,
  });
}

// ---------------------------------------------------------------------------------------------
// Timelines: what the sources say, day by day

/** One source on a timeline, with the claims its figure matches. */
export interface TimelineEntry {
  row: IndependentRow;
  /** The figure as the source prints it ("4.77 percent"), from its quote. */
  printed: string;
  /** The source's effective interval in `unit`. */
  interval: Interval;
  unit: string;
  /** Claims (of those asked about) whose effective interval shares a value with the source's, whatever the day. */
  matches: string[];
  /** How the source compares with each claim it is linked to (context when another day, window or metric). */
  relations: Record<string, Relation>;
}

/**
 * Every independent figure linked to any of the claims and measuring the same subject and metric
 * (in a unit of the same dimension), in the first claim's unit, by date then id: what the sources
 * say day by day, and which claims each figure would match if the day were ignored.
 * @throws Error for an unknown claim id.
 */
export function sourceTimeline(analysis: Pick<Analysis, "ledger" | "independent" | "independentRows">, claimIds: readonly string[]): TimelineEntry[] {
  const claims = claimIds.map((id) => {
    const c = analysis.ledger.byId.get(id);
    if (!c) throw new Error(`sourceTimeline: unknown claim ${id}`);
    return c;
  });
  const unit = claims[0].unit;
  const rows = analysis.independentRows.filter(
    (r) => r.claims.some((id) => claimIds.includes(id)) && r.subject === claims[0].subject && r.metric === claims[0].metric && comparableUnits(r.unit, unit),
  );
  return rows
    .map((row) => {
      const h = sourceHedgeInput(row);
      const iv = convertInterval(effectiveInterval(h), row.unit, unit);
      const relations: Record<string, Relation> = {};
      for (const c of claims) {
        const s = analysis.independent.find((r) => r.claim === c.id)?.sources.find((x) => x.id === row.id);
        if (s) relations[c.id] = s.relation;
      }
      const matches = claims.filter((c) => overlaps(convertInterval(effectiveInterval(c), c.unit, unit), iv)).map((c) => c.id);
      return { row, printed: h.raw, interval: stripFlags(iv), unit, matches, relations };
    })
    .sort((a, b) => (a.row.as_of < b.row.as_of ? -1 : a.row.as_of > b.row.as_of ? 1 : a.row.id < b.row.id ? -1 : 1));
}

function stripFlags(iv: Interval): Interval {
  return interval(iv.low, iv.high, iv.lowOpen, iv.highOpen);
}

/**
 * The first day of an as_of ("2026-02-02" of "2026-02-02/2026-02-06").
 * @example firstDay("2025-11-01/2026-01-31") // => "2025-11-01"
 */
export function firstDay(asOf: string): string {
  return asOf.split("/")[0];
}

/** Per day (first day of as_of) of a timeline: the sources and the range of their figures. */
export interface TimelineDay {
  day: string;
  ids: string[];
  /** Smallest and largest of the sources' figures that day, as stored (in the source's own unit). */
  low: number | null;
  high: number | null;
  /** The source ids whose figure matches a claim. */
  matching: string[];
}

/**
 * A timeline summed up per day: which sources, the span of their figures as stored (as printed,
 * signed like the ledger), which of them match a claim (ignoring the day). Days in order.
 * @example timelineByDay([{ row: { id: "r1", as_of: "2026-02-02", low: -5.3, high: -5.3 }, matches: ["c"] }, { row: { id: "r2", as_of: "2026-02-02", low: -4.94, high: -4.94 }, matches: [] }]) // => [{ day: "2026-02-02", ids: ["r1", "r2"], low: -5.3, high: -4.94, matching: ["r1"] }]
 */
export function timelineByDay(entries: readonly (Pick<TimelineEntry, "matches"> & { row: Pick<IndependentRow, "id" | "as_of" | "low" | "high"> })[]): TimelineDay[] {
  const days = new Map<string, TimelineDay>();
  for (const e of entries) {
    const day = firstDay(e.row.as_of);
    const d = days.get(day) ?? { day, ids: [], low: null, high: null, matching: [] };
    d.ids.push(e.row.id);
    for (const x of [e.row.low, e.row.high].filter((v): v is number => v !== null)) {
      d.low = d.low === null ? x : Math.min(d.low, x);
      d.high = d.high === null ? x : Math.max(d.high, x);
    }
    if (e.matches.length > 0) d.matching.push(e.row.id);
    days.set(day, d);
  }
  return [...days.values()].sort((a, b) => (a.day < b.day ? -1 : 1));
}

/**
 * Forest-plot rows for intervalChart: the claims first (colour = their article), then the
 * timeline's sources (colour = "<tier> source"), each labelled "<figure> · <id> · <as of>" (the
 * hover gives the outlet and the quote).
 */
export function timelineChartRows(claims: readonly Claim[], timeline: readonly TimelineEntry[]): { rows: ClaimLike[]; labels: Record<string, string> } {
  const rows: ClaimLike[] = [];
  const labels: Record<string, string> = {};
  const unit = timeline[0]?.unit ?? claims[0]?.unit;
  for (const c of claims) {
    const iv = convertInterval(effectiveInterval(c), c.unit, unit);
    rows.push({ ...c, low: Number.isFinite(iv.low) ? iv.low : null, high: Number.isFinite(iv.high) ? iv.high : null, unit });
    labels[c.id] = `${c.raw} · ${c.id} · ${c.as_of}`;
  }
  for (const e of timeline) {
    const r = e.row;
    rows.push({
      id: r.id, article: `${r.tier} source`, quote: r.quote, subject: r.subject, metric: r.metric, window: r.window, unit,
      low: Number.isFinite(e.interval.low) ? e.interval.low : null, high: Number.isFinite(e.interval.high) ? e.interval.high : null, raw: e.printed, as_of: r.as_of,
    });
    labels[r.id] = `${e.printed} · ${r.id} · ${r.as_of}`;
  }
  return { rows, labels };
}

/** One period of the flow comparison: what the articles print and what sources not naming the origin give. */
export interface FlowPeriod {
  /** The window (nov_2025, ...) or "total" for the periods together. */
  window: string;
  /** The span, `YYYY-MM-DD/YYYY-MM-DD`. */
  span: string;
  /** The articles' figure (nominal midpoint, or the bound of an over/under figure; summed for the total). */
  article: number;
  articleClaims: string[];
  /** Sources covering exactly this span, not naming the origin: their figures (stored value, or the bound) and ids. */
  others: { id: string; value: number }[];
  /** Sources covering this span that name the origin. */
  origin: { id: string; value: number }[];
}

function spanOf(asOf: string): string {
  const { start, end } = asOfSpan(asOf);
  return `${start}/${end}`;
}

function figureValue(x: Pick<Claim, "low" | "high">): number {
  return x.low !== null && x.high !== null ? (x.low + x.high) / 2 : (x.low ?? x.high)!;
}

/**
 * Per period (one per distinct claim window, first claim of each window), the articles' figure
 * against the sources linked to the claims that cover exactly that period, split into those that
 * name `origin` (sourcesNaming) and the others; then the periods together: the sum of the
 * articles' figures against sources covering exactly the combined span. Amounts in the first
 * claim's unit.
 */
export function flowComparison(analysis: Pick<Analysis, "ledger" | "independentRows">, claimIds: readonly string[], origin: string): FlowPeriod[] {
  const claims = claimIds.map((id) => analysis.ledger.byId.get(id)!);
  const unit = claims[0].unit;
  const firstOfWindow = claims.filter((c, k) => claims.findIndex((x) => x.window === c.window) === k);
  const linked = analysis.independentRows.filter((r) => r.claims.some((id) => claimIds.includes(id)) && r.metric === claims[0].metric && comparableUnits(r.unit, unit));
  const naming = new Set(sourcesNaming(linked, origin));
  const value = (r: IndependentRow) => roundSig(convertInterval({ low: figureValue(r), high: figureValue(r) }, r.unit, unit).low, 10);
  const covering = (span: string) => {
    const rows = linked.filter((r) => spanOf(r.as_of) === span);
    return {
      others: rows.filter((r) => !naming.has(r.id)).map((r) => ({ id: r.id, value: value(r) })),
      origin: rows.filter((r) => naming.has(r.id)).map((r) => ({ id: r.id, value: value(r) })),
    };
  };
  const periods: FlowPeriod[] = firstOfWindow.map((c) => {
    const span = spanOf(c.as_of);
    return { window: c.window, span, article: roundSig(figureValue(c), 10), articleClaims: claims.filter((x) => x.window === c.window).map((x) => x.id), ...covering(span) };
  });
  const spans = periods.map((p) => p.span.split("/"));
  const total = `${spans.map((x) => x[0]).sort()[0]}/${spans.map((x) => x[1]).sort().slice(-1)[0]}`;
  periods.push({ window: "total", span: total, article: roundSig(periods.reduce((t, p) => t + p.article, 0), 10), articleClaims: firstOfWindow.map((c) => c.id), ...covering(total) });
  return periods;
}

/** The columns of timelineTableRows for tableHtml/showTable (`source` is an escaped link). */
export const TIMELINE_COLUMNS: readonly TableColumn[] = [
  { key: "as_of", label: "as of" },
  { key: "window" },
  { key: "printed", label: "figure as printed" },
  { key: "interval", label: "read as" },
  { key: "outlet" },
  { key: "tier" },
  { key: "compared", label: "against the articles" },
  { key: "same", label: "same figure?" },
  { key: "source", label: "page", html: true },
];

/**
 * A timeline as table rows: date, window, the figure as printed and as read (rounding and hedges
 * included), outlet, tier, how it compares with the linked claims (context when another day or
 * window), whether it matches an article figure's value whatever the day, and an escaped link.
 */
export function timelineTableRows(entries: readonly TimelineEntry[]): Record<string, string>[] {
  return entries.map((e) => ({
    as_of: e.row.as_of,
    window: e.row.window,
    printed: e.printed,
    interval: `${formatInterval(e.interval)} ${e.unit}`,
    outlet: e.row.outlet,
    tier: e.row.tier,
    compared: distinct(Object.values(e.relations)).map((r) => RELATION_WORDS[r]).join(", "),
    same: e.matches.length > 0 ? `yes (${e.matches.join(", ")})` : "no",
    source: sourceLink(e.row),
  }));
}

// ---------------------------------------------------------------------------------------------
// Who prints a figure

/**
 * The independent rows that print `value` (in `unit`): a stored bound equal to it after unit
 * conversion, or a number in the quote whose digits read as it (commas ignored).
 * @example printedBy([{ id: "r1", low: 60008.52, high: 60008.52, unit: "USD", quote: "a low of $60,008.52" }, { id: "r2", low: 71000, high: 71000, unit: "USD", quote: "near $71,000 after a low of roughly $60,000" }], 60000, "USD") // => ["r2"]
 */
export function printedBy(rows: readonly Pick<IndependentRow, "id" | "low" | "high" | "unit" | "quote">[], value: number, unit: string): string[] {
  return rows
    .filter((r) => {
      if (comparableUnits(r.unit, unit)) {
        const k = convertInterval({ low: 1, high: 1 }, r.unit, unit).low;
        if ([r.low, r.high].some((x) => x !== null && Math.abs(x * k - value) <= 1e-9 * Math.max(1, Math.abs(value)))) return true;
      }
      return extractNumericTokens(r.quote).some((t) => Number(t.text.replace(/,/g, "")) === Math.abs(value));
    })
    .map((r) => r.id);
}

/** A precise figure that no independent source prints, with the comparable sources that give the quantity. */
export interface UnprintedFigure {
  claim: Claim;
  /** Comparable sources linked to the claim (same quantity), nearest figure first. */
  nearest: { row: IndependentRow; printed: string; gap: number }[];
}

/**
 * Exact single figures of the ledger that no row of data/independent.csv prints (see printedBy)
 * and that every comparable source contradicts (none agrees even with rounding), although at
 * least one gives the same quantity: figures found in no independent source. Nearest comparable
 * source first; claims in ledger order.
 */
export function unprintedFigures(analysis: Pick<Analysis, "ledger" | "independent" | "independentRows">): UnprintedFigure[] {
  const rowById = new Map(analysis.independentRows.map((r) => [r.id, r]));
  const out: UnprintedFigure[] = [];
  for (const c of analysis.ledger.claims) {
    if (c.qualifier !== "exact" || c.low === null || c.low !== c.high) continue;
    const result = analysis.independent.find((r) => r.claim === c.id);
    const compared = (result?.sources ?? []).filter((s) => s.relation !== "context");
    if (compared.length === 0 || compared.some((s) => s.relation !== "disagrees") || printedBy(analysis.independentRows, c.low, c.unit).length > 0) continue;
    const comparable = compared.map((s) => rowById.get(s.id)!);
    const claimIv = nominalInterval(c);
    const nearest = comparable
      .map((row) => ({ row, printed: sourceHedgeInput(row).raw, gap: roundSig(distance(convertInterval(nominalInterval(sourceHedgeInput(row)), row.unit, c.unit), claimIv), 6) }))
      .sort((a, b) => a.gap - b.gap || (a.row.id < b.row.id ? -1 : 1));
    out.push({ claim: c, nearest });
  }
  return out;
}

/** The columns of nearestTableRows (`source` is an escaped link). */
export const NEAREST_COLUMNS: readonly TableColumn[] = [
  { key: "id" },
  { key: "outlet" },
  { key: "tier" },
  { key: "as_of", label: "as of" },
  { key: "printed", label: "figure as printed" },
  { key: "gap", label: "away from the article" },
  { key: "source", label: "page", html: true },
];

/** An unprinted figure's comparable sources as table rows, nearest first (gap in the claim's unit). */
export function nearestTableRows(u: UnprintedFigure): Record<string, string>[] {
  return u.nearest.map((n) => ({
    id: n.row.id,
    outlet: n.row.outlet,
    tier: n.row.tier,
    as_of: n.row.as_of,
    printed: n.printed,
    gap: `${formatNumber(n.gap)} ${u.claim.unit}`,
    source: sourceLink(n.row),
  }));
}

/**
 * The ids of rows whose quote, outlet or note names `needle` (case-insensitive): the sources that
 * trace to one origin (a bank note, a data provider).
 * @example sourcesNaming([{ id: "r1", quote: "Deutsche Bank noted", outlet: "x", note: "" }, { id: "r2", quote: "SoSoValue data", outlet: "y", note: "" }], "deutsche bank") // => ["r1"]
 */
export function sourcesNaming(rows: readonly Pick<IndependentRow, "id" | "quote" | "outlet" | "note">[], needle: string): string[] {
  const n = needle.toLowerCase();
  return rows.filter((r) => `${r.quote}\n${r.outlet}\n${r.note}`.toLowerCase().includes(n)).map((r) => r.id);
}

// ---------------------------------------------------------------------------------------------
// Overview: scoreboard, verdicts by kind, findings

/** One article's line on the scoreboard. */
export interface ScoreboardRow {
  article: string;
  figures: number;
  /** Figures read by at least one recomputation (data/checks.csv). */
  recomputed: number;
  /** Figures in at least one reconciliation (same-quantity group or near-miss family). */
  reconciled: number;
  /** Figures compared with at least one independent figure of the same quantity. */
  sourced: number;
  /** Figures checked in at least one of the three ways. */
  checked: number;
  /** Recomputations that fail and test a figure of this article. */
  failing: number;
  /** Figures in a contradiction pair. */
  contradicted: number;
  /** Figures disputed by independent reporting. */
  disputed: number;
}

/** The claims a check tests: its result claim; without one (a pair or reference check), every claim it reads. */
function testedClaims(analysis: Pick<Analysis, "checks">, checkId: string, claims: readonly string[]): string[] {
  const check = analysis.checks.find((c) => c.id === checkId);
  return check?.result ? [check.result] : [...claims];
}

/**
 * Per article (data/articles.csv order): how many figures, how many each method checked, how many
 * were checked at all, and how many failed a recomputation, are in a contradiction pair or are
 * disputed. A failing check counts for the article of the figure it tests (both sides of a pair check).
 */
export function scoreboard(analysis: Analysis): ScoreboardRow[] {
  const recomputed = new Set(analysis.verdicts.flatMap((v) => v.claims));
  const reconciled = new Set(analysis.conflicts.flatMap((c) => c.claims));
  const sourced = new Set(analysis.independent.filter((r) => r.sources.some((s) => s.relation !== "context")).map((r) => r.claim));
  const failingTested = analysis.verdicts.filter((v) => v.verdict === "inconsistent").flatMap((v) => testedClaims(analysis, v.id, v.claims));
  const contradicted = new Set(contradictionPairs(analysis.conflicts, analysis.ledger).flatMap((p) => [p.a.id, p.b.id]));
  return articleOrder(analysis).map((article) => {
    const ids = analysis.ledger.claims.filter((c) => c.article === article).map((c) => c.id);
    const count = (s: Set<string>) => ids.filter((id) => s.has(id)).length;
    return {
      article,
      figures: ids.length,
      recomputed: count(recomputed),
      reconciled: count(reconciled),
      sourced: count(sourced),
      checked: ids.filter((id) => recomputed.has(id) || reconciled.has(id) || sourced.has(id)).length,
      failing: failingTested.filter((id) => ids.includes(id)).length,
      contradicted: count(contradicted),
      disputed: ids.filter((id) => verdictOf(analysis.independent, id) === "disputed").length,
    };
  });
}

/** The three ways a figure is checked, as the overview names them. */
export const CHECK_METHODS = ["recomputation", "reconciliation", "independent sources"] as const;
export type CheckMethod = (typeof CHECK_METHODS)[number];

/**
 * One row per verdict given, by method: every recomputation, every reconciliation, and every
 * figure compared with at least one independent figure of the same quantity (figures with none
 * are not counted as verdicts). For verdictBarChart with `by: "method"`.
 */
export function verdictsByMethod(analysis: Pick<Analysis, "verdicts" | "conflicts" | "independent">): { method: CheckMethod; verdict: string }[] {
  return [
    ...analysis.verdicts.map((v) => ({ method: "recomputation" as const, verdict: v.verdict as string })),
    ...analysis.conflicts.map((c) => ({ method: "reconciliation" as const, verdict: c.verdict as string })),
    ...analysis.independent.filter((r) => r.sources.some((s) => s.relation !== "context")).map((r) => ({ method: "independent sources" as const, verdict: r.verdict as string })),
  ];
}

/** What stands behind a finding: the articles' own arithmetic, two articles that cannot both be right, or a source tier. */
export type Evidence = "arithmetic" | "contradiction" | Tier;

/** A problem found by one of the three methods. */
export interface Finding {
  /** A stable id: `check:<id>`, `contradiction:<a>:<b>` or `dispute:<subject>.<metric>`. */
  id: string;
  kind: "check" | "contradiction" | "dispute";
  /** The figures found wrong (for a contradiction, both sides; for a check, the figures it tests). */
  claims: Claim[];
  articles: string[];
  evidence: Evidence;
  /** How far off, as a share of the figure (0.5 = 50%). */
  relativeGap: number;
  /** True when every figure concerned is a hypothetical example or forecast scenario (window `scenario`). */
  hypothetical: boolean;
  check?: Analysis["verdicts"][number];
  pair?: ContradictionPair;
  /** The dispute groups of one subject and metric (several windows merge into one finding). */
  disputes?: DisputeGroup[];
}

/**
 * Rank of the evidence behind a finding: arithmetic, contradiction and primary sources 3, wire 2,
 * aggregator 1.
 * @example evidenceRank("wire") // => 2
 */
export function evidenceRank(e: Evidence): number {
  return e === "arithmetic" || e === "contradiction" ? 3 : tierRank(e) + 1;
}

/** The largest finite |bound| of a figure (0 when it has none). */
function magnitude(c: Pick<Claim, "low" | "high">): number {
  return Math.max(0, ...[c.low, c.high].filter((x): x is number => x !== null).map(Math.abs));
}

/**
 * Every problem the three methods found: each failing recomputation, each contradiction pair,
 * and the disputed figures of each subject and metric; with the figures concerned, their
 * articles, the evidence and the relative gap (a check: its gap over the claimed figure's
 * magnitude; a pair: its gap over the smaller magnitude; a dispute: the largest gap to a deciding
 * source). A check's evidence is its own arithmetic, or, when it reads figures of
 * data/independent.csv, the weakest tier among them. Checks, then pairs, then disputes, each in
 * their own order.
 */
export function listFindings(analysis: Analysis): Finding[] {
  const order = articleOrder(analysis);
  const articlesOf = (cs: readonly Claim[]) => distinct(cs.map((c) => c.article)).sort(byArticleOrder(order));
  const hypothetical = (cs: readonly Claim[]) => cs.length > 0 && cs.every((c) => c.window === "scenario");
  const out: Finding[] = [];
  // a check that reads figures of data/independent.csv is only as strong as the weakest of them
  const tierOf = new Map(analysis.independentRows.map((r) => [r.id, r.tier]));
  const checkEvidence = (sources: readonly string[]): Evidence => {
    const tiers = sources.map((s) => tierOf.get(s.replace(/[:@].*$/, ""))).filter((t): t is Tier => t !== undefined);
    return tiers.length === 0 ? "arithmetic" : tiers.sort((a, b) => tierRank(a) - tierRank(b))[0];
  };
  for (const v of analysis.verdicts.filter((x) => x.verdict === "inconsistent")) {
    const claims = testedClaims(analysis, v.id, v.claims).map((id) => analysis.ledger.byId.get(id)!);
    const target = v.claimed ?? v.reference;
    const ref = target ? magnitude(target) : 0;
    out.push({
      id: `check:${v.id}`, kind: "check", claims, articles: articlesOf(claims), evidence: checkEvidence(v.sources),
      relativeGap: ref > 0 && v.gap !== null ? roundSig(v.gap / ref, 6) : 0, hypothetical: hypothetical(claims), check: v,
    });
  }
  for (const p of contradictionPairs(analysis.conflicts, analysis.ledger)) {
    const ref = Math.min(magnitude(p.a), magnitude(p.b));
    out.push({
      id: `contradiction:${p.a.id}:${p.b.id}`, kind: "contradiction", claims: [p.a, p.b], articles: articlesOf([p.a, p.b]), evidence: "contradiction",
      relativeGap: ref > 0 ? roundSig(p.gap / ref, 6) : 0, hypothetical: hypothetical([p.a, p.b]), pair: p,
    });
  }
  const bySubject = new Map<string, DisputeGroup[]>();
  for (const g of disputeGroups(analysis)) {
    const key = `${g.claims[0].subject}.${g.claims[0].metric}`;
    bySubject.set(key, [...(bySubject.get(key) ?? []), g]);
  }
  for (const [key, gs] of bySubject) {
    const claims = gs.flatMap((g) => g.claims);
    const best = gs.map((g) => g.best.tier).sort((a, b) => tierRank(b) - tierRank(a))[0];
    out.push({
      id: `dispute:${key}`, kind: "dispute", claims, articles: articlesOf(claims), evidence: best,
      relativeGap: Math.max(...gs.map((g) => g.relativeGap)), hypothetical: hypothetical(claims), disputes: gs,
    });
  }
  return out;
}

/**
 * The findings ranked by consequence: reported market figures before hypothetical examples; then
 * those backed by the articles' own arithmetic, a contradiction between articles, a primary source
 * or a wire service before those only aggregators dispute; then the larger error relative to the
 * figure; then the more articles; then id.
 * @example rankFindings([{ id: "a", evidence: "aggregator", relativeGap: 0.9, articles: ["x"], hypothetical: false }, { id: "b", evidence: "wire", relativeGap: 0.1, articles: ["x"], hypothetical: false }, { id: "c", evidence: "arithmetic", relativeGap: 0.2, articles: ["x"], hypothetical: true }]).map((f) => f.id) // => ["b", "a", "c"]
 */
export function rankFindings<F extends Pick<Finding, "id" | "evidence" | "relativeGap" | "articles" | "hypothetical">>(fs: readonly F[]): F[] {
  const real = (f: F) => (f.hypothetical ? 0 : 1);
  const strong = (f: F) => (evidenceRank(f.evidence) >= 2 ? 1 : 0);
  return [...fs].sort(
    (a, b) => real(b) - real(a) || strong(b) - strong(a) || b.relativeGap - a.relativeGap || b.articles.length - a.articles.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

// ---------------------------------------------------------------------------------------------
// Sections and links

/** The notebooks' section headings that other notebooks link to (the notebooks use these exact texts). */
export const SECTIONS = {
  reconciliationTable: { notebook: "06-reconciliation", heading: "Every quantity two or more figures give" },
  contradictions: { notebook: "06-reconciliation", heading: "Contradictions no scope or timing explains" },
  liquidations: { notebook: "06-reconciliation", heading: "Liquidations and ETF flows" },
  shares: { notebook: "07-independent-check", heading: "Verdicts per article" },
  disputed: { notebook: "07-independent-check", heading: "Disputed figures in detail" },
  offDay: { notebook: "07-independent-check", heading: "Right figure wrong day or scope" },
} as const;

/** A curated thread of 07: figures whose day or scope the sources place elsewhere. */
export interface DayThread {
  /** The section heading in notebooks/07-independent-check.ipynb. */
  heading: string;
  /** The article figures the thread is about. */
  claims: readonly string[];
}

/** The threads of notebooks/07 where the article's day or scope is off. */
export const DAY_THREADS: readonly DayThread[] = [
  { heading: "The Kospi fall", claims: ["tradingkey-002", "tradingkey-005", "gmteight-005"] },
  { heading: "The silver plunge", claims: ["tradingkey-001", "tradingkey-004", "crushes-031", "crushes-051", "nakamoto-023"] },
  { heading: "ETF outflows from November to January", claims: ["nakamoto-028", "nakamoto-029", "nakamoto-027", "gmteight-016"] },
  { heading: "Figures no independent source prints", claims: ["nakamoto-015", "nakamoto-006"] },
];

/**
 * A notebook link that works in JupyterLab (`<name>.ipynb#anchor`) followed by one that works in
 * the exported pages (`<name>.html#anchor`), as Markdown. The anchor is the heading text with
 * spaces as dashes, as JupyterLab and nbconvert name headings; no heading links the notebook.
 * @example notebookLink("06-reconciliation", "Contradictions no scope or timing explains", "contradictions") // => "[contradictions](06-reconciliation.ipynb#Contradictions-no-scope-or-timing-explains) ([page](06-reconciliation.html#Contradictions-no-scope-or-timing-explains))"
 * @example notebookLink("05-nakamoto-570k-liquidated", "", "the article") // => "[the article](05-nakamoto-570k-liquidated.ipynb) ([page](05-nakamoto-570k-liquidated.html))"
 */
export function notebookLink(notebook: string, heading: string, text: string): string {
  const anchor = heading ? `#${encodeURI(heading.trim().replace(/ /g, "-"))}` : "";
  return `[${text}](${notebook}.ipynb${anchor}) ([page](${notebook}.html${anchor}))`;
}

/**
 * The notebook of an article: its position in data/articles.csv, two digits, then its id
 * ("05-nakamoto-570k-liquidated").
 * @throws Error for an unknown article.
 */
export function articleNotebook(analysis: Pick<Analysis, "ledger">, article: string): string {
  const k = articleOrder(analysis).indexOf(article);
  if (k < 0) throw new Error(`unknown article: ${JSON.stringify(article)}`);
  return `${String(k + 1).padStart(2, "0")}-${article}`;
}

/**
 * Where a finding is told in full: a thread of notebooks/07 when one covers its figures, the
 * contradictions of notebooks/06, the disputes of notebooks/07, or, for a failing recomputation,
 * the notebooks of the articles it tests.
 */
export function findingTargets(analysis: Pick<Analysis, "ledger">, f: Pick<Finding, "kind" | "claims" | "articles">): { notebook: string; heading: string }[] {
  const ids = f.claims.map((c) => c.id);
  const thread = DAY_THREADS.find((t) => t.claims.some((id) => ids.includes(id)));
  if (f.kind === "check") return f.articles.map((a) => ({ notebook: articleNotebook(analysis, a), heading: "" }));
  if (f.kind === "contradiction") return [SECTIONS.contradictions];
  return [thread ? { notebook: SECTIONS.offDay.notebook, heading: thread.heading } : SECTIONS.disputed];
}

/** A percent of a share (0.426 -> "43%"), to at most two significant digits under 10%. */
function percentText(share: number): string {
  const p = 100 * share;
  return `${p >= 10 ? Math.round(p) : roundSig(p, 2)}%`;
}

/** A source's figure as stored (signed like the ledger: falls negative), with its unit. */
function sourceFigure(row: Pick<IndependentRow, "low" | "high" | "unit">): string {
  return formatBounds({ low: row.low, high: row.high, unit: row.unit });
}

/**
 * One finding as a Markdown paragraph built from computed values: what the articles print
 * (escaped), what the evidence says, how far off, and links to where it is told in full.
 */
export function findingMarkdown(analysis: Analysis, f: Finding): string {
  const fig = (c: Claim) => `${escapeMarkdown(c.raw)} (${escapeMarkdown(c.article)}, \`${c.id}\`)`;
  const links = findingTargets(analysis, f)
    .map((t) => notebookLink(t.notebook, t.heading, t.heading ? escapeMarkdown(t.heading) : `notebook ${t.notebook}`))
    .join("; ");
  const off = percentText(f.relativeGap);
  let body: string;
  if (f.kind === "check") {
    const v = f.check!;
    body =
      `**Recomputation fails:** ${escapeMarkdown(v.statement)}. Claimed ${escapeMarkdown(formatBounds(v.claimed ?? v.reference))}, ` +
      `recomputed ${escapeMarkdown(formatBounds(v.computed))} (with rounding ${escapeMarkdown(formatBounds(v.computedWithRounding))}): off by ${off} of the figure.`;
  } else if (f.kind === "contradiction") {
    const p = f.pair!;
    body =
      `**Two articles cannot both be right:** ${fig(p.a)} and ${fig(p.b)} give ${escapeMarkdown(`${p.a.subject} ${p.a.metric} (${p.a.window})`)} for the same date, ` +
      `${escapeMarkdown(formatNumber(p.gap))} ${escapeMarkdown(p.unit)} apart once rounding is allowed (${off}).`;
  } else {
    const gs = f.disputes!;
    const parts = gs.map((g) => {
      const best = g.best;
      return `${joinWords(g.claims.map(fig))} against ${escapeMarkdown(best.outlet)} (${best.tier}, \`${best.id}\`), which gives ${escapeMarkdown(sourceFigure(best))} for ${escapeMarkdown(best.as_of)}`;
    });
    body = `**Disputed by independent reporting:** ${parts.join("; ")}. The largest gap is ${off} of the article's figure.`;
  }
  return `${body} Told in full: ${links}.`;
}

/**
 * How many rows a horizontal plotly legend needs for these entry names within `available` pixels
 * (an entry is taken as 40 px of symbol and padding plus 6.5 px per character at the theme's
 * 12 px legend font; a conservative estimate).
 * @example legendRowsFor(["gate-selloff-crushes", "gate-risk-off-cycle"], 600) // => 1
 * @example legendRowsFor(["a".repeat(60), "b".repeat(60)], 500) // => 2
 */
export function legendRowsFor(names: readonly string[], available: number): number {
  let rows = 1;
  let x = 0;
  for (const n of names) {
    const w = 40 + 6.5 * n.length;
    if (x > 0 && x + w > available) {
      rows++;
      x = 0;
    }
    x += w;
  }
  return rows;
}

/** Pixels added above the plot per extra legend row. */
export const LEGEND_ROW_PX = 24;

/**
 * The figure with room for a legend that wraps onto several rows: the top margin and the height
 * grow by LEGEND_ROW_PX per extra row (the plot area, the legend's and the source line's positions
 * stay as they are), so the legend no longer runs into the title. The legend's width is taken as
 * 55% of the figure's (forest plots give the rest to row labels). Unchanged when one row is enough.
 */
export function withLegendRoom(fig: PlotlyFigure, available?: number): PlotlyFigure {
  const layout = fig.layout as Record<string, Json>;
  const width = typeof layout.width === "number" ? layout.width : 760;
  const seen = new Set<string>();
  const names: string[] = [];
  for (const t of fig.data) {
    if (t.showlegend === false || typeof t.name !== "string") continue;
    const key = typeof t.legendgroup === "string" ? t.legendgroup : t.name;
    if (seen.has(key)) continue;
    seen.add(key);
    names.push(t.name.replace(/&[#a-z0-9]+;/gi, "x"));
  }
  const extra = (legendRowsFor(names, available ?? 0.55 * width) - 1) * LEGEND_ROW_PX;
  if (extra <= 0) return fig;
  const margin = layout.margin as Record<string, Json>;
  const height = (layout.height as number) + extra;
  const image = (fig.config.toImageButtonOptions ?? {}) as Record<string, Json>;
  return {
    data: fig.data,
    layout: { ...layout, height, margin: { ...margin, t: (margin.t as number) + extra } },
    config: { ...fig.config, toImageButtonOptions: { ...image, height } },
  };
}

/**
 * Shows an HTML string built by this module (contradictionHtml, disputeHtml) as `text/html`.
 * @example showHtml("<b>x</b>", { raw: () => {}, html: () => {}, markdown: () => {} }) // => undefined
 */
export function showHtml(html: string, sink: DisplaySink = tslabDisplay()): void {
  sink.html(html);
}
