/**
 * The notebooks' working surface: every figure (each ledger claim and each independent figure)
 * in one tidy table, and the recomputation checks, the reconciliations and every verdict on a
 * figure in tables of their own, each with the reader's rating and its explanation. Filter, group
 * and sort them with danfo, show them (a DataFrame as a cell's last value is an HTML table), chart
 * them (every chart builder takes a DataFrame).
 *
 * `figureRecords()` and friends are plain records (no danfo); `figures()` and friends are
 * danfojs-node DataFrames of the same rows, built on call (danfo loads on the first one).
 * Missing text is "", missing numbers null; lists of ids are space-separated.
 */
import type * as Danfo from "danfojs-node";
import type { Analysis } from "../domain/analysis";
import { sourceHedgeInput } from "../domain/sources";
import { conflictRatingLabel, ratingLabel, type Rating } from "../domain/ratings";
import { toDataFrame } from "../data/danfo";
import "../render/frame";
import { isGarbledFigure } from "./readings";
import { isKnownOutlier } from "../domain/sources";
import { conflictTheme } from "./themes";
import { conflictTitle } from "./conflicts";
import { distinct, sharedAnalysis } from "./shared";

/** One row of the figures table: a ledger claim (origin "article") or an independent figure (origin "outside"). */
export interface FigureRecord {
  /** The claim id (`tradingkey-008`) or the independent figure's id (`r011`). */
  id: string;
  origin: "article" | "outside";
  /** Who printed it: the article's short name (data/articles.csv) or the outlet. */
  source: string;
  /** The article id; "" for an outside figure. */
  article: string;
  /** The article's section id; "" for an outside figure. */
  section: string;
  /** primary, wire or aggregator; "" for an article's figure. */
  tier: string;
  quote: string;
  subject: string;
  metric: string;
  window: string;
  as_of: string;
  /** The figure as a signed interval in `unit` (null = open end). */
  low: number | null;
  high: number | null;
  unit: string;
  /** The figure as printed ("$126K"; for an outside figure, as its quote prints it). */
  raw: string;
  /** The hedge words as printed ("nearly", "~"), "" if none. */
  hedge: string;
  /** exact, approx, nearly, over, under, range or garbled. */
  qualifier: string;
  /** An article figure's rating against independent reporting; "" for an outside figure. */
  rating: Rating | "";
  /** Why that rating, in plain sentences; "" for an outside figure. */
  explanation: string;
  /** The machine verdict behind the rating (confirmed, refined, disputed, …); "" for an outside figure. */
  verdict: string;
  /** The outside figure that decides the verdict; "" when none. */
  best_source: string;
  /** The recomputation checks that read the figure (space-separated ids). */
  checks: string;
  /** The reconciliations the figure is in (space-separated ids). */
  conflicts: string;
  /** For an outside figure: the claims it bears on (space-separated ids); "" for an article's figure. */
  claims: string;
  /** True for an outside figure kept on purpose although it is a known outlier (its note says so). */
  outlier: boolean;
  /** True for an article figure garbled by machine translation (with readings in its note). */
  garbled: boolean;
  /** The outside figure's page; "" for an article's figure. */
  url: string;
  note: string;
  /** The heading of the article's section, in words (the lead's is the article's title); "" for an outside figure. */
  heading: string;
  /** The outlet and the tier (primary, wire, aggregator) of the outside figure that decides the verdict (`best_source`); "" when none. */
  best_outlet: string;
  best_tier: string;
}

/** The columns of the figures table, in order. */
export const FIGURE_TABLE_COLUMNS: readonly (keyof FigureRecord)[] = [
  "id", "origin", "source", "article", "section", "tier", "quote", "subject", "metric", "window", "as_of", "low", "high", "unit",
  "raw", "hedge", "qualifier", "rating", "explanation", "verdict", "best_source", "checks", "conflicts", "claims", "outlier", "garbled", "url", "note",
  "heading", "best_outlet", "best_tier",
];

/**
 * Every figure as a record: the ledger's claims in ledger order, then the independent figures
 * in id order, with ratings, explanations and the ids of the checks and reconciliations joined in.
 */
export function figureRecords(analysis: Analysis = sharedAnalysis()): FigureRecord[] {
  const short = new Map(analysis.ledger.articles.map((a) => [a.id, a.short_name]));
  const result = new Map(analysis.independent.map((r) => [r.claim, r]));
  const ids = (pairs: [string, string][], claim: string) => pairs.filter(([c]) => c === claim).map(([, id]) => id).join(" ");
  const checks = analysis.verdicts.flatMap((v) => v.claims.map((c): [string, string] => [c, v.id]));
  const conflicts = analysis.conflicts.flatMap((x) => x.claims.map((c): [string, string] => [c, x.id]));
  const headings = new Map(analysis.ledger.sections.map((s) => [`${s.article}/${s.section}`, s.heading]));
  const outsideRows = new Map(analysis.independentRows.map((row) => [row.id, row]));
  const claims: FigureRecord[] = analysis.ledger.claims.map((c) => {
    const r = result.get(c.id);
    const best = r?.best_source ? outsideRows.get(r.best_source) : undefined;
    return {
      id: c.id, origin: "article", source: short.get(c.article) ?? c.article, article: c.article, section: c.section, tier: "",
      quote: c.quote, subject: c.subject, metric: c.metric, window: c.window, as_of: c.as_of, low: c.low, high: c.high, unit: c.unit,
      raw: c.raw, hedge: c.hedge, qualifier: c.qualifier, rating: r?.rating ?? "unverifiable", explanation: r?.explanation ?? "",
      verdict: r?.verdict ?? "unverified", best_source: r?.best_source ?? "", checks: ids(checks, c.id), conflicts: ids(conflicts, c.id),
      claims: "", outlier: false, garbled: isGarbledFigure(c), url: "", note: c.note,
      heading: headings.get(`${c.article}/${c.section}`) ?? "", best_outlet: best?.outlet ?? "", best_tier: best?.tier ?? "",
    };
  });
  const outside: FigureRecord[] = [...analysis.independentRows]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((row) => {
      const h = sourceHedgeInput(row);
      return {
        id: row.id, origin: "outside", source: row.outlet, article: "", section: "", tier: row.tier,
        quote: row.quote, subject: row.subject, metric: row.metric, window: row.window, as_of: row.as_of, low: row.low, high: row.high, unit: row.unit,
        raw: h.raw, hedge: h.hedge, qualifier: h.qualifier, rating: "", explanation: "", verdict: "", best_source: "", checks: "", conflicts: "",
        claims: row.claims.join(" "), outlier: isKnownOutlier(row), garbled: false, url: row.url, note: row.note,
        heading: "", best_outlet: "", best_tier: "",
      };
    });
  return [...claims, ...outside];
}

/**
 * Every figure in one tidy DataFrame (see FigureRecord for the columns): filter it with danfo
 * (`df.query(df.subject.eq("BTC"))`), sort it (`df.sortValues("as_of")`), show it, chart it.
 * @example figures().shape[1] // => 31
 */
export function figures(analysis: Analysis = sharedAnalysis()): Danfo.DataFrame {
  return toDataFrame(figureRecords(analysis), FIGURE_TABLE_COLUMNS);
}

/** One row of the checks table: a recomputation of data/checks.csv with its verdict. */
export interface CheckRecord {
  id: string;
  kind: string;
  statement: string;
  /** The claims it reads (space-separated ids) and their articles (space-separated, in order of first appearance). */
  claims: string;
  articles: string;
  /** The interval the claimed figure covers, its rounding included (or the fixed reference, e.g. 100 for probabilities), in `unit`. */
  claimed_low: number | null;
  claimed_high: number | null;
  /** What the figures as printed give, and what they give with every rounding and hedge allowed (null = open end). */
  computed_low: number | null;
  computed_high: number | null;
  rounded_low: number | null;
  rounded_high: number | null;
  unit: string;
  /** How far the claim is from the recomputation, in `unit`; null when they meet. */
  gap: number | null;
  verdict: string;
  rating: Rating;
  explanation: string;
  /** The short names of `articles`, joined by ", ". */
  sources: string;
}

/** The columns of the checks table, in order. */
export const CHECK_TABLE_FIELDS: readonly (keyof CheckRecord)[] = [
  "id", "kind", "statement", "claims", "articles", "sources", "claimed_low", "claimed_high", "computed_low", "computed_high", "rounded_low", "rounded_high",
  "unit", "gap", "verdict", "rating", "explanation",
];

/** Every recomputation check as a record, in id order. */
export function checkRecords(analysis: Analysis = sharedAnalysis()): CheckRecord[] {
  const articleOf = new Map(analysis.ledger.claims.map((c) => [c.id, c.article]));
  const short = new Map(analysis.ledger.articles.map((a) => [a.id, a.short_name]));
  return analysis.verdicts.map((v) => {
    const target = v.claimed ?? v.reference;
    const articles = distinct(v.claims.map((c) => articleOf.get(c) ?? "")).filter(Boolean);
    return {
      id: v.id, kind: v.kind, statement: v.statement, claims: v.claims.join(" "),
      articles: articles.join(" "),
      claimed_low: target?.low ?? null, claimed_high: target?.high ?? null, computed_low: v.computed.low, computed_high: v.computed.high,
      rounded_low: v.computedWithRounding.low, rounded_high: v.computedWithRounding.high, unit: v.computed.unit, gap: v.gap,
      verdict: v.verdict, rating: v.rating, explanation: v.explanation, sources: articles.map((a) => short.get(a) ?? a).join(", "),
    };
  });
}

/**
 * Every recomputation check in a DataFrame (see CheckRecord).
 * @example checksFrame().columns.includes("rating") // => true
 */
export function checksFrame(analysis: Analysis = sharedAnalysis()): Danfo.DataFrame {
  return toDataFrame(checkRecords(analysis), CHECK_TABLE_FIELDS);
}

/** One row of the conflicts table: a reconciliation of figures measuring the same (or a nested) quantity. */
export interface ConflictRecord {
  id: string;
  /** What the figures measure, in words (conflictTitle): "Bitcoin · low · within one trading session". */
  quantity: string;
  /** "group" (one quantity) or "family" (related quantities, data/families.csv). */
  kind: string;
  /** Its theme (data/theme-rules.csv). */
  theme: string;
  subject: string;
  metric: string;
  window: string;
  unit: string;
  /** How many figures, their ids and their articles (space-separated, in order of first appearance). */
  figures: number;
  claims: string;
  articles: string;
  /** The value every figure allows (null ends: open, or no common value at all when both are null). */
  common_low: number | null;
  common_high: number | null;
  /** The median of the figures' midpoints and their range. */
  consensus: number | null;
  spread: number | null;
  /** The largest set of figures that share a value (space-separated ids). */
  agreeing: string;
  verdict: string;
  /** The machine rating (`accurate`, …), for queries and colours. */
  rating: Rating;
  /** The rating in the words a reader is shown for a reconciliation (conflictRatingLabel): "Consistent", "Contradictory", … */
  agreement: string;
  explanation: string;
  /** Who printed the figures: the articles' short names, in the order of `articles`, joined by ", ". */
  sources: string;
}

/** The columns of the conflicts table, in order. */
export const CONFLICT_TABLE_FIELDS: readonly (keyof ConflictRecord)[] = [
  "id", "quantity", "kind", "theme", "subject", "metric", "window", "unit", "figures", "claims", "articles", "sources", "common_low", "common_high",
  "consensus", "spread", "agreeing", "verdict", "rating", "agreement", "explanation",
];

/** Every reconciliation as a record, in id order. */
export function conflictRecords(analysis: Analysis = sharedAnalysis()): ConflictRecord[] {
  const rules = analysis.ledger.themeRules;
  const short = new Map(analysis.ledger.articles.map((a) => [a.id, a.short_name]));
  return analysis.conflicts.map((c) => ({
    id: c.id, quantity: conflictTitle(c, analysis.ledger), kind: c.kind, theme: conflictTheme(c, rules), subject: c.subject, metric: c.metric, window: c.window, unit: c.unit,
    figures: c.members.length, claims: c.claims.join(" "), articles: distinct(c.members.map((m) => m.article)).join(" "),
    common_low: c.intersection?.low ?? null, common_high: c.intersection?.high ?? null, consensus: c.consensus, spread: c.spread,
    agreeing: c.agreeing.join(" "), verdict: c.verdict, rating: c.rating, agreement: conflictRatingLabel(c.rating), explanation: c.explanation,
    sources: distinct(c.members.map((m) => short.get(m.article) ?? m.article)).join(", "),
  }));
}

/**
 * Every reconciliation in a DataFrame (see ConflictRecord).
 * @example conflictsFrame().columns[0] // => "id"
 */
export function conflictsFrame(analysis: Analysis = sharedAnalysis()): Danfo.DataFrame {
  return toDataFrame(conflictRecords(analysis), CONFLICT_TABLE_FIELDS);
}

/** One verdict on one article figure: by a recomputation, a reconciliation or independent reporting. */
export interface VerdictRecord {
  /** The figure (claim id): join it to the figures table on `id`. */
  id: string;
  method: "recomputation" | "reconciliation" | "independent sources";
  /** The check or reconciliation id, or the deciding outside figure ("" when none). */
  by: string;
  verdict: string;
  /** The machine rating (`accurate`, …), for queries and colours. */
  rating: Rating;
  /** The rating in the words a reader is shown: a reconciliation's in words of agreement ("Consistent", conflictRatingLabel), the others' on the claim scale ("Accurate", ratingLabel). */
  assessment: string;
  explanation: string;
}

/** The columns of the verdicts table, in order. */
export const VERDICT_TABLE_FIELDS: readonly (keyof VerdictRecord)[] = ["id", "method", "by", "verdict", "rating", "assessment", "explanation"];

/**
 * A verdict's rating in a reader's words: a reconciliation's as agreement between the articles
 * (conflictRatingLabel), any other method's on the claim scale (ratingLabel).
 * @example assessmentWords("reconciliation", "accurate") // => "Consistent"
 * @example assessmentWords("recomputation", "accurate") // => "Accurate"
 */
export function assessmentWords(method: VerdictRecord["method"], rating: Rating): string {
  return method === "reconciliation" ? conflictRatingLabel(rating) : ratingLabel(rating);
}

/**
 * Every verdict on every article figure, long form: per claim in ledger order, the checks that
 * read it, the reconciliations it is in (each in id order), then its independent verdict.
 */
export function verdictRecords(analysis: Analysis = sharedAnalysis()): VerdictRecord[] {
  const independent = new Map(analysis.independent.map((r) => [r.claim, r]));
  return analysis.ledger.claims.flatMap((c) => {
    const r = independent.get(c.id);
    const rows: Omit<VerdictRecord, "assessment">[] = [
      ...analysis.verdicts.filter((v) => v.claims.includes(c.id)).map((v) => ({ id: c.id, method: "recomputation" as const, by: v.id, verdict: v.verdict, rating: v.rating, explanation: v.explanation })),
      ...analysis.conflicts.filter((x) => x.claims.includes(c.id)).map((x) => ({ id: c.id, method: "reconciliation" as const, by: x.id, verdict: x.verdict, rating: x.rating, explanation: x.explanation })),
      r
        ? { id: c.id, method: "independent sources" as const, by: r.best_source ?? "", verdict: r.verdict, rating: r.rating, explanation: r.explanation }
        : { id: c.id, method: "independent sources" as const, by: "", verdict: "unverified", rating: "unverifiable" as const, explanation: "" },
    ];
    return rows.map(({ explanation, ...v }) => ({ ...v, assessment: assessmentWords(v.method, v.rating), explanation }));
  });
}

/**
 * Every verdict on every article figure in a DataFrame (see VerdictRecord), to join to the
 * figures table on `id`: `dfd.merge({ left, right: verdicts(), on: ["id"], how: "left" })`.
 * @example verdicts().columns // => ["id", "method", "by", "verdict", "rating", "assessment", "explanation"]
 */
export function verdicts(analysis: Analysis = sharedAnalysis()): Danfo.DataFrame {
  return toDataFrame(verdictRecords(analysis), VERDICT_TABLE_FIELDS);
}
