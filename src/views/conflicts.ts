/**
 * Reconciliations (src/domain/reconcile.ts) as a reader sees them: a forest plot per
 * reconciliation (its rows, labels and consensus line), and how a nested family (liquidations)
 * can all be true.
 *
 * Pure and deterministic; chart text is escaped by the chart builders.
 */
import type { Analysis } from "../domain/analysis";
import { intervalChart, type Consensus } from "../charts/interval";
import type { ClaimLike } from "../charts/rows";
import { chartIdFor, type PlotlyFigure } from "../charts/theme";
import { withLegendRoom } from "../charts/decorate";
import { toRecords, type RowsInput } from "../render/html";
import { plural } from "../render/format";
import { intersectAll } from "../domain/intervals";
import { figureIn, orderedLevels, type Conflict, type ConflictMember } from "../domain/reconcile";
import { conflictRatingLabel, type Rated } from "../domain/ratings";
import { plainDate, plainRange, quantityWords, termWords } from "../domain/wording";
import { allowanceWords } from "../domain/explain-common";
import type { Claim, FamilySpec, Interval } from "../data/types";
import type { Ledger } from "../data/ledger";
import { comparableUnits, distinct, sharedAnalysis, unitWords } from "./shared";

// One reconciliation as a forest plot

/**
 * Forest-plot rows for intervalChart: one per figure of the reconciliation, its effective interval
 * (rounding and hedges included) in the reconciliation's unit, with the claim's quote and as-of,
 * and its article's short name as `source`.
 * @throws Error when a member's claim is not in the ledger.
 */
export function conflictChartRows(conflict: Pick<Conflict, "unit" | "members">, ledger: Pick<Ledger, "byId" | "articles">): ClaimLike[] {
  return conflict.members.map((m) => {
    const c = ledger.byId.get(m.claim);
    if (!c) throw new Error(`conflictChartRows: unknown claim ${m.claim}`);
    return { ...c, low: m.low, high: m.high, unit: conflict.unit, source: shortName(ledger, c.article) };
  });
}

/** An article's short name (data/articles.csv), else its id. */
function shortName(ledger: Pick<Ledger, "articles">, article: string): string {
  return ledger.articles.find((a) => a.id === article)?.short_name || article;
}

/**
 * Row labels for a reconciliation's forest plot: "<figure as printed> · <date in words>" (the
 * colour and the legend name the article; the hover names the claim).
 * @example conflictLabels({ members: [{ claim: "a-1", raw: "$60K", as_of: "2026-02-06" }] }) // => { "a-1": "$60K · 6 Feb 2026" }
 */
export function conflictLabels(conflict: { members: readonly Pick<ConflictMember, "claim" | "raw" | "as_of">[] }): Record<string, string> {
  return Object.fromEntries(conflict.members.map((m) => [m.claim, `${m.raw} · ${plainDate(m.as_of)}`]));
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

/**
 * What a reconciliation measures, in words: its subject, metric and window as data/vocabulary.csv
 * words them (quantityWords: "Bitcoin · change in percent · after the regular session closed");
 * a family: "Related figures: " and its title (data/families.csv).
 * @example conflictTitle({ kind: "group", subject: "BTC", metric: "pct_change", window: "after_hours" }, { vocabulary: [{ field: "subject", term: "BTC", meaning: "Bitcoin" }, { field: "metric", term: "pct_change", meaning: "change in percent; falls negative" }, { field: "window", term: "after_hours", meaning: "after the regular session closed" }], families: [] }) // => "Bitcoin · change in percent · after the regular session closed"
 * @example conflictTitle({ kind: "family", id: "family.btc-trough", subject: "BTC", metric: "low", window: "intraday|episode" }, { vocabulary: [], families: [{ name: "btc-trough", title: "Bitcoin's trough" }] }) // => "Related figures: Bitcoin's trough"
 */
export function conflictTitle(
  c: Pick<Conflict, "kind" | "subject" | "metric" | "window"> & { id?: string },
  ledger: { vocabulary: Ledger["vocabulary"]; families: readonly Pick<FamilySpec, "name" | "title">[] } = sharedAnalysis().ledger,
): string {
  if (c.kind === "family") {
    const name = (c.id ?? "").replace(/^family\./, "");
    return `Related figures: ${ledger.families.find((f) => f.name === name)?.title ?? name.replace(/[-_]/g, " ")}`;
  }
  return quantityWords(c.subject, c.metric, c.window, ledger.vocabulary);
}

/**
 * A forest plot of each reconciliation among `rows` (records or a DataFrame with an `id` column,
 * such as a filtered conflictsFrame()) that is worth a chart (chartWorthy: a figure merely
 * repeated within one article, in agreement, is left to the table), in their order: one row per
 * figure with its interval once rounding and hedges are allowed, the median of the printed
 * figures (dashed) and the values every figure allows (grey band), its rating in the subtitle.
 * An ordered family (data/families.csv: liquidations of Bitcoin in a day ≤ of the market in a day
 * ≤ of the market in three days) shows each level's figures and then, per level, the values that
 * satisfy every figure and the nesting ("all true" rows, see familyChartRows).
 * Chart ids are `<prefix>-<reconciliation id>` in kebab case.
 * @throws Error naming an id that is not a reconciliation.
 * @example conflictCharts([{ id: "BTC.peak.point" }], "doc").map((f) => f.layout.meta.chart.id) // => ["doc-btc-peak-point"]
 */
export function conflictCharts(rows: RowsInput, prefix: string, analysis: Analysis = sharedAnalysis()): PlotlyFigure[] {
  const conflicts = toRecords(rows).map((r) => {
    const c = analysis.conflicts.find((x) => x.id === r.id);
    if (!c) throw new Error(`conflictCharts: ${JSON.stringify(r.id)} is not a reconciliation id`);
    return c;
  });
  const { ledger } = analysis;
  return conflicts.filter(chartWorthy).map((c: Conflict & Partial<Rated>) => {
    const articles = distinct(c.members.map((m) => m.article)).length;
    const rating = c.rating ? `${conflictRatingLabel(c.rating)} · ` : "";
    const family = ledger.families.find((f) => c.kind === "family" && `family.${f.name}` === c.id && f.relation === "ordered");
    const fit = family ? familyChartRows(familyLevels(family.name, c.unit, ledger), c.unit, ledger) : undefined;
    return withLegendRoom(
      intervalChart(fit?.rows ?? conflictChartRows(c, ledger), {
        id: chartIdFor(prefix, c.id),
        title: conflictTitle(c, analysis.ledger),
        subtitle: `${rating}${plural(c.members.length, "figure")} from ${plural(articles, "article")} · ${allowanceWords([], "read")}`,
        consensus: conflictConsensus(c),
        labels: fit?.labels ?? conflictLabels(c),
        colorBy: "source",
        xTitle: unitWords(c.unit, ledger.vocabulary),
        width: 900,
        source: "claims ledger; src/domain/reconcile.ts",
      }),
    );
  });
}

// ---------------------------------------------------------------------------------------------
// Ordered families: how nested figures can all be true

/** A subject and its window(s) in words, capitalised: "The crypto market, three days". */
function subjectAndWindow(subject: string, windows: readonly string[], vocabulary?: Ledger["vocabulary"]): string {
  const s = termWords("subject", subject, vocabulary);
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}, ${windows.map((w) => termWords("window", w, vocabulary)).join(" or ")}`;
}

/** One level of an ordered family, with the figures on it and what they allow once nested. */
export interface FamilyLevel {
  /** The level in words: "Bitcoin, a rolling 24 hours". */
  label: string;
  claims: Claim[];
  /** The common part of the level's own figures (effective intervals, family unit); null when they disagree or there are none. */
  own: Interval | null;
  /** What the level can be once every level's figures and the nesting are respected; null when infeasible or empty. */
  fitted: Interval | null;
}

/**
 * The levels of a near-miss family (data/families.csv) with each level's own common
 * interval and its fitted interval under the family's ordering (orderedLevels), in `unit`
 * (figures of another dimension, such as CNY amounts, are left out, as the reconciliation does).
 * @throws Error `unknown family: "…"`.
 * Each level's label says what it measures in words: its subject and window, and its metric when
 * the family's levels measure more than one (quantityWords).
 * @example familyLevels("liquidations", "USD_bn").map((l) => l.label) // => ["Bitcoin, a rolling 24 hours", "The crypto market, a rolling 24 hours", "The crypto market, three days"]
 */
export function familyLevels(name: string, unit: string, ledger: Pick<Ledger, "claims" | "families"> & Partial<Pick<Ledger, "vocabulary">> = sharedAnalysis().ledger): FamilyLevel[] {
  const { claims, families } = ledger;
  const spec = families.find((f) => f.name === name);
  if (!spec) throw new Error(`unknown family: ${JSON.stringify(name)} (expected one of ${families.map((f) => f.name).join(", ")})`);
  // the levels of a family of one metric (liquidations) differ by subject and window only
  const oneMetric = new Set(spec.levels.flat().map((s) => s.metric)).size === 1;
  const levels = spec.levels.map((sels) => {
    const cs = claims.filter((c) => sels.some((s) => c.subject === s.subject && c.metric === s.metric && s.windows.includes(c.window)) && comparableUnits(c.unit, unit));
    const own = cs.length > 0 ? intersectAll(cs.map((c) => figureIn(c, unit).effective)) : null;
    const label = sels.map((s) => (oneMetric ? subjectAndWindow(s.subject, s.windows, ledger.vocabulary) : quantityWords(s.subject, s.metric, s.windows.join("|"), ledger.vocabulary))).join(" / ");
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
 * level with what it can be once the nesting is respected ("all true" rows, article and source
 * "nested fit", the range in words as `raw`); figures carry their article's short name as `source`.
 */
export function familyChartRows(
  levels: readonly FamilyLevel[],
  unit: string,
  ledger: Pick<Ledger, "articles"> = sharedAnalysis().ledger,
): { rows: ClaimLike[]; labels: Record<string, string> } {
  const rows: ClaimLike[] = [];
  const labels: Record<string, string> = {};
  const bounds = (iv: Interval) => ({ low: Number.isFinite(iv.low) ? iv.low : null, high: Number.isFinite(iv.high) ? iv.high : null });
  for (const l of levels) {
    for (const c of l.claims) {
      rows.push({ ...c, ...bounds(figureIn(c, unit).effective), unit, source: shortName(ledger, c.article) });
      labels[c.id] = `${c.raw} · ${l.label}`;
    }
  }
  levels.forEach((l, k) => {
    if (!l.fitted) return;
    const id = `fit-${k + 1}`;
    const b = bounds(l.fitted);
    rows.push({
      id, article: "nested fit", source: "nested fit", quote: `${l.label}: the values that satisfy every figure and the nesting`, subject: l.claims[0]?.subject ?? "",
      metric: l.claims[0]?.metric ?? "", ...b, unit, raw: plainRange(b.low, b.high, unit), as_of: l.claims[0]?.as_of ?? "",
    });
    labels[id] = `all true: ${l.label}`;
  });
  return { rows, labels };
}

/**
 * Whether a reconciliation gets its own chart (conflictCharts): it spans two or more articles, is a
 * near-miss family, or its figures do not simply agree.
 * @example chartWorthy({ kind: "group", verdict: "agree", members: [{ article: "a" }, { article: "a" }] }) // => false
 * @example chartWorthy({ kind: "group", verdict: "agree", members: [{ article: "a" }, { article: "b" }] }) // => true
 */
export function chartWorthy(c: Pick<Conflict, "kind" | "verdict"> & { members: readonly Pick<ConflictMember, "article">[] }): boolean {
  return c.kind === "family" || c.verdict !== "agree" || distinct(c.members.map((m) => m.article)).length >= 2;
}

