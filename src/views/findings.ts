/**
 * The overview's views: the scoreboard per article, verdicts by method, every problem the three
 * methods found ranked by consequence, and links to where each is told in full.
 *
 * Pure and deterministic; Markdown built here escapes article and source text with
 * escapeMarkdown.
 */
import type { Analysis } from "../domain/analysis";
import { formatNumber } from "../render/html";
import { formatBounds, joinWords, roundSig } from "../render/format";
import { escapeMarkdown } from "../render/markdown";
import type { IndependentRow, Tier } from "../data/independent-file";
import type { Claim } from "../data/types";
import { contradictionPairs, type ContradictionPair } from "./conflicts";
import { disputeGroups, type DisputeGroup } from "./disputes";
import { articleOrder, byArticleOrder, distinct, independentVerdictOf, sourceTierRank } from "./shared";

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
      disputed: ids.filter((id) => independentVerdictOf(analysis.independent, id) === "disputed").length,
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
  return e === "arithmetic" || e === "contradiction" ? 3 : sourceTierRank(e) + 1;
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
 * source). Checks, then pairs, then disputes, each in their own order.
 */
export function listFindings(analysis: Analysis): Finding[] {
  const order = articleOrder(analysis);
  const articlesOf = (cs: readonly Claim[]) => distinct(cs.map((c) => c.article)).sort(byArticleOrder(order));
  const hypothetical = (cs: readonly Claim[]) => cs.length > 0 && cs.every((c) => c.window === "scenario");
  const out: Finding[] = [];
  for (const v of analysis.verdicts.filter((x) => x.verdict === "inconsistent")) {
    const claims = testedClaims(analysis, v.id, v.claims).map((id) => analysis.ledger.byId.get(id)!);
    const target = v.claimed ?? v.reference;
    const ref = target ? magnitude(target) : 0;
    out.push({
      id: `check:${v.id}`, kind: "check", claims, articles: articlesOf(claims), evidence: "arithmetic",
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
    const best = gs.map((g) => g.best.tier).sort((a, b) => sourceTierRank(b) - sourceTierRank(a))[0];
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
