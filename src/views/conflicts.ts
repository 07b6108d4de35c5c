/**
 * One reconciliation (src/domain/reconcile.ts) as a reader sees it: a forest plot's rows, labels
 * and consensus line, a table row, the pairs of figures no scope or timing explains, and how a
 * nested family (liquidations) can all be true.
 *
 * Pure and deterministic; HTML built here escapes every piece of data with escapeHtml.
 */
import type { Analysis } from "../domain/analysis";
import type { ClaimLike } from "../charts/rows";
import type { Consensus } from "../charts/interval";
import { badge, escapeHtml, formatNumber, tableHtml } from "../render/html";
import { roundSig } from "../render/format";
import { distance, formatInterval, interval, intersectAll, overlaps } from "../domain/intervals";
import { explainPair, figureIn, orderedLevels, type Conflict, type ConflictMember } from "../domain/reconcile";
import type { Claim, FamilySpec, Interval } from "../data/types";
import { comparableUnits, distinct, sharedAnalysis } from "./shared";
import { conflictTheme, themeTitle } from "./themes";

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
 * The levels of a near-miss family (data/families.csv) with each level's own common
 * interval and its fitted interval under the family's ordering (orderedLevels), in `unit`
 * (figures of another dimension, such as CNY amounts, are left out, as the reconciliation does).
 * @throws Error `unknown family: "…"`.
 */
export function familyLevels(
  name: string,
  claims: readonly Claim[],
  unit: string,
  families: readonly FamilySpec[] = sharedAnalysis().ledger.families,
): FamilyLevel[] {
  const spec = families.find((f) => f.name === name);
  if (!spec) throw new Error(`unknown family: ${JSON.stringify(name)} (expected one of ${families.map((f) => f.name).join(", ")})`);
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

