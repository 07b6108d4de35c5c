/**
 * Narration helpers for the article notebooks: one article's slice of the analysis (its claims,
 * sections, checks and independent verdicts), quotes as escaped Markdown blockquotes, per-section
 * tables of figures and recomputations, and short computed summaries. Every sentence built here
 * prints values computed from data/, so notebooks can show findings without typing numbers.
 *
 * Escaping: text from articles (quotes, raw figures, notes, statements) goes into Markdown only
 * through `escapeMarkdown` (HTML entities, Markdown specials and `$` for MathJax), into tables
 * through tableHtml (which escapes every cell not declared `html`).
 *
 * Everything except `loadAnalysis()` defaults and the `show…` functions (which send to the tslab
 * display sink) is pure and deterministic.
 */
import { loadAnalysis, type Analysis } from "../domain/analysis";
import { asOfMidpoint } from "../charts/charts";
import type { CheckVerdict, Bounds } from "../domain/checks";
import { showMarkdown, showTable, tslabDisplay, type DisplaySink } from "../render/display";
import { badge, escapeHtml, formatNumber, type TableColumn } from "../render/html";
import type { IndependentResult } from "../domain/independent";
import { formatInterval } from "../domain/intervals";
import { effectiveInterval } from "../domain/hedges";
import { formatSig, joinWords } from "../render/figures";
import type { Article, Claim, Section } from "../data/types";

/** One article's part of the analysis. */
export interface ArticleContext {
  /** The whole analysis (cross-article checks read claims of other articles). */
  analysis: Analysis;
  article: Article;
  /** The article's sections in order (data/sections.csv). */
  sections: Section[];
  /** The article's claims in ledger order. */
  claims: Claim[];
}

/**
 * The analysis narrowed to one article: the article, its sections in order and its claims.
 * @throws Error `unknown article: "…" (expected one of …)` for an id not in data/articles.csv.
 */
export function articleContext(articleId: string, analysis: Analysis = loadAnalysis()): ArticleContext {
  const article = analysis.ledger.articles.find((a) => a.id === articleId);
  if (!article) {
    const known = analysis.ledger.articles.map((a) => a.id).join(", ");
    throw new Error(`unknown article: ${JSON.stringify(articleId)} (expected one of ${known})`);
  }
  const sections = analysis.ledger.sections.filter((s) => s.article === articleId).sort((a, b) => a.order - b.order);
  const claims = analysis.ledger.claims.filter((c) => c.article === articleId);
  return { analysis, article, sections, claims };
}

// ---------------------------------------------------------------------------------------------
// Escaping and quotes

/** Markdown characters that are backslash-escaped anywhere in a line. */
const MD_SPECIALS = /[\\`*_{}[\]#|~$!]/g;

/**
 * Text safe to place in Markdown that JupyterLab renders: Markdown specials (`\ ` * _ { } [ ] #
 * | ~ $ !`) are backslash-escaped (`$` so MathJax does not read it as maths), a line-leading list
 * marker (`- `, `+ `, `1. `) or setext underline is escaped (a leading `-52%` is left alone), then
 * `& < > " '` become HTML entities. Newlines are kept.
 * @example escapeMarkdown("~$60K & <b>*up*</b>") // => "\\~\\$60K &amp; &lt;b&gt;\\*up\\*&lt;/b&gt;"
 * @example escapeMarkdown("- 52% drop") // => "\\- 52% drop"
 * @example escapeMarkdown("1.8% and -2.5%") // => "1.8% and -2.5%"
 */
export function escapeMarkdown(s: string): string {
  const md = String(s)
    .replace(MD_SPECIALS, (c) => `\\${c}`)
    .replace(/^(\s*)([-+])(?=\s|$)/gm, "$1\\$2")
    .replace(/^(\s*)([-=])(?=[-=\s]*$)/gm, "$1\\$2")
    .replace(/^(\s*\d+)([.)])(?=\s|$)/gm, "$1\\$2");
  return escapeHtml(md);
}

/** Options of quoteMarkdown. */
export interface QuoteOptions {
  /** Show at most this many quotes and say how many were left out. */
  max?: number;
}

/**
 * Markdown blockquotes of verbatim quotes, each followed by the claim id(s) that cite it in code
 * spans. Claims sharing one quote (one figure shared by five companies) give one blockquote;
 * plain strings give a blockquote without ids. Quotes keep first-appearance order; every quote is
 * escaped with escapeMarkdown. Empty input gives "".
 * @example quoteMarkdown([{ id: "a-1", quote: "fell ~$5" }, { id: "a-2", quote: "fell ~$5" }]) // => "> fell \\~\\$5 — `a-1` `a-2`"
 * @example quoteMarkdown(["x", "y", "z"], { max: 2 }) // => "> x\n\n> y\n\n*… and 1 more quote*"
 */
export function quoteMarkdown(items: readonly (Pick<Claim, "id" | "quote"> | string)[], options: QuoteOptions = {}): string {
  const order: string[] = [];
  const ids = new Map<string, string[]>();
  for (const item of items) {
    const quote = typeof item === "string" ? item : item.quote;
    if (!ids.has(quote)) {
      ids.set(quote, []);
      order.push(quote);
    }
    if (typeof item !== "string" && !ids.get(quote)!.includes(item.id)) ids.get(quote)!.push(item.id);
  }
  const shown = options.max !== undefined ? order.slice(0, Math.max(0, options.max)) : order;
  const blocks = shown.map((q) => {
    const lines = escapeMarkdown(q.replace(/\r\n?/g, "\n")).split("\n");
    const cite = ids.get(q)!.length > 0 ? ` — ${ids.get(q)!.map((id) => `\`${id}\``).join(" ")}` : "";
    lines[lines.length - 1] += cite;
    return lines.map((l) => `> ${l}`.trimEnd()).join("\n");
  });
  const more = order.length - shown.length;
  if (more > 0) blocks.push(`*… and ${more} more quote${more === 1 ? "" : "s"}*`);
  return blocks.join("\n\n");
}

// ---------------------------------------------------------------------------------------------
// Small formatters (formatSig and joinWords live in src/render/figures.ts, with the other figure formatters)

export { formatSig, joinWords } from "../render/figures";

/**
 * JSON-safe bounds (null = unbounded end) in words: a point, `low to high`, `≥ low` or `≤ high`,
 * followed by the unit; "" for null.
 * @example formatBounds({ low: -52.381, high: -51.587, unit: "pct" }) // => "-52.38 to -51.59 pct"
 * @example formatBounds({ low: null, high: -50, unit: "pct" }) // => "≤ -50 pct"
 * @example formatBounds(null) // => ""
 */
export function formatBounds(b: Bounds | null | undefined, digits = 4): string {
  if (!b) return "";
  const f = (x: number) => formatSig(x, digits);
  const { low, high, unit } = b;
  const text =
    low === null && high === null ? "any value" : low === null ? `≤ ${f(high!)}` : high === null ? `≥ ${f(low)}` : low === high || f(low) === f(high) ? f(low) : `${f(low)} to ${f(high)}`;
  return `${text} ${unit}`;
}

/**
 * `n` and the noun, plural when n ≠ 1 (an "s" or the given plural).
 * @example plural(1, "figure") // => "1 figure"
 * @example plural(3, "check") // => "3 checks"
 */
export function plural(n: number, noun: string, many = `${noun}s`): string {
  return `${formatNumber(n)} ${n === 1 ? noun : many}`;
}

// ---------------------------------------------------------------------------------------------
// The article

/** Check outcomes in display order, as verbs for counts: [one, many]. */
const OUTCOME_WORDS: ReadonlyArray<readonly [string, string, string]> = [
  ["consistent", "holds", "hold"],
  ["consistent_within_rounding", "holds within rounding", "hold within rounding"],
  ["inconsistent", "fails", "fail"],
  ["scope_mismatch", "measures something else (scope)", "measure something else (scope)"],
  ["ambiguous", "is ambiguous", "are ambiguous"],
];

/** Independent verdicts in display order, as adjectives. */
const INDEPENDENT_WORDS: ReadonlyArray<readonly [string, string, string]> = [
  ["confirmed", "confirmed", "confirmed"],
  ["confirmed_within_rounding", "confirmed within rounding", "confirmed within rounding"],
  ["refined", "refined", "refined"],
  ["disputed", "disputed", "disputed"],
  ["unverified", "unverified", "unverified"],
];

/**
 * Counts of verdicts in words, in a fixed order, skipping zeros: "7 hold, 3 hold within rounding
 * and 1 fails" for check outcomes, "5 confirmed and 3 disputed" for independent verdicts.
 * @example verdictCountWords(["consistent", "inconsistent", "consistent"]) // => "2 hold and 1 fails"
 * @example verdictCountWords(["disputed", "refined"]) // => "1 refined and 1 disputed"
 */
export function verdictCountWords(verdicts: readonly string[]): string {
  const parts: string[] = [];
  for (const [v, one, many] of [...OUTCOME_WORDS, ...INDEPENDENT_WORDS]) {
    const n = verdicts.filter((x) => x === v).length;
    if (n > 0) parts.push(`${formatNumber(n)} ${n === 1 ? one : many}`);
  }
  return joinWords(parts);
}

/** Text without its final full stop (reasons are joined into sentences). */
function unstop(s: string): string {
  return s.replace(/[.\s]+$/, "");
}

/** Every check verdict that reads at least one of the given claims, in verdict (id) order. */
function checksTouching(analysis: Analysis, claimIds: ReadonlySet<string>): CheckVerdict[] {
  return analysis.verdicts.filter((v) => v.claims.some((id) => claimIds.has(id)));
}

/** The independent result of a claim (undefined when the analysis has none). */
function independentOf(ctx: ArticleContext, claimId: string): IndependentResult | undefined {
  return ctx.analysis.independent.find((r) => r.claim === claimId);
}

/**
 * The article's manifest and computed counts as Markdown: title, outlet, author, published date
 * and its basis, what page chrome was trimmed, and how many figures, sections and checks it has
 * with their verdict counts. No H1 (the notebook's first cell holds it). Every field is escaped.
 */
export function articleIntroMarkdown(ctx: ArticleContext): string {
  const a = ctx.article;
  const ids = new Set(ctx.claims.map((c) => c.id));
  const checks = checksTouching(ctx.analysis, ids);
  const cross = checks.filter((v) => v.claims.some((id) => !ids.has(id))).length;
  const independent = ctx.claims.map((c) => independentOf(ctx, c.id)?.verdict ?? "unverified");
  const headings = ctx.sections.filter((s) => s.kind === "heading").length;
  const lines = [
    `- **Article:** *${escapeMarkdown(a.title)}*`,
    `- **Outlet:** ${escapeMarkdown(a.outlet)}`,
    `- **Author:** ${a.author ? escapeMarkdown(a.author) : "not named"}`,
    `- **Published:** ${escapeMarkdown(a.published)} (${escapeMarkdown(a.published_basis)})`,
    `- **Page chrome trimmed:** ${escapeMarkdown(a.trimmed)}`,
    `- **In the ledger:** ${plural(ctx.claims.length, "figure")} across ${plural(ctx.sections.length, "section")} (${formatNumber(headings)} under the article's own headings).`,
    `- **Recomputations:** ${plural(checks.length, "check")} read figures of this article (${formatNumber(cross)} of them with figures from other articles)` +
      (checks.length > 0 ? `: ${verdictCountWords(checks.map((v) => v.verdict))}.` : "."),
    `- **Against independent reporting:** ${verdictCountWords(independent)}.`,
  ];
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------------
// One section

/** The section of this article with that id. */
function sectionOf(ctx: ArticleContext, sectionId: string): Section {
  const s = ctx.sections.find((x) => x.section === sectionId);
  if (!s) {
    throw new Error(`unknown section: ${JSON.stringify(sectionId)} in ${ctx.article.id} (expected one of ${ctx.sections.map((x) => x.section).join(", ")})`);
  }
  return s;
}

/**
 * The claims of one section of the article, in ledger order.
 * @throws Error `unknown section: "…" in <article> (expected one of …)`.
 */
export function sectionClaims(ctx: ArticleContext, sectionId: string): Claim[] {
  sectionOf(ctx, sectionId);
  return ctx.claims.filter((c) => c.section === sectionId);
}

/** One row of the figures table (the `independently` cell is pre-rendered, escaped HTML). */
export interface FigureRow {
  claim: string;
  figure: string;
  what: string;
  as_of: string;
  interval: string;
  hedge: string;
  independently: string;
}

/**
 * A claim's hedge in words: the qualifier, and the verbatim hedge words when printed.
 * @example hedgeText({ qualifier: "approx", hedge: "~" }) // => 'approx ("~")'
 * @example hedgeText({ qualifier: "exact", hedge: "" }) // => "exact"
 */
export function hedgeText(c: Pick<Claim, "qualifier" | "hedge">): string {
  return c.hedge ? `${c.qualifier} (${JSON.stringify(c.hedge)})` : c.qualifier;
}

/**
 * The interval a claim can honestly mean (effectiveInterval), in interval notation with its unit;
 * garbled figures are marked.
 * @example claimIntervalText({ low: 126000, high: 126000, qualifier: "exact", raw: "$126K", unit: "USD", hedge: "" }) // => "[125500, 126500) USD"
 */
export function claimIntervalText(c: Pick<Claim, "low" | "high" | "qualifier" | "raw" | "unit" | "hedge">): string {
  const iv = effectiveInterval(c);
  return `${formatInterval(iv)} ${c.unit}${iv.garbled ? " (garbled)" : ""}`;
}

/** A badge of the claim's independent verdict and the outlet of the deciding source (HTML). */
function independentCell(ctx: ArticleContext, claimId: string): string {
  const r = independentOf(ctx, claimId);
  if (!r) return badge("unverified");
  const best = r.best_source ? r.sources.find((s) => s.id === r.best_source) : undefined;
  const outlet = best?.outlet ?? (r.best_source ? ctx.analysis.independentRows.find((x) => x.id === r.best_source)?.outlet : undefined);
  return badge(r.verdict) + (outlet ? ` ${escapeHtml(outlet)}` : "");
}

/**
 * One row per claim of the section: id, figure as printed, what it measures (subject · metric ·
 * window), as of, the effective interval with its unit, the hedge, and the independent verdict.
 */
export function figureRows(ctx: ArticleContext, sectionId: string): FigureRow[] {
  return sectionClaims(ctx, sectionId).map((c) => ({
    claim: c.id,
    figure: c.raw,
    what: `${c.subject} · ${c.metric} · ${c.window}`,
    as_of: c.as_of,
    interval: claimIntervalText(c),
    hedge: hedgeText(c),
    independently: independentCell(ctx, c.id),
  }));
}

/** The columns of the figures table. */
export const FIGURE_COLUMNS: readonly TableColumn[] = [
  { key: "claim" },
  { key: "figure", label: "figure as printed" },
  { key: "what", label: "what (subject · metric · window)" },
  { key: "as_of", label: "as of" },
  { key: "interval", label: "interval" },
  { key: "hedge", label: "hedge / qualifier" },
  { key: "independently", html: true },
];

/** Shows the section's figures as a table (see figureRows). */
export function showFigures(ctx: ArticleContext, sectionId: string, sink: DisplaySink = tslabDisplay()): void {
  const rows = figureRows(ctx, sectionId);
  showTable(rows, { columns: FIGURE_COLUMNS, emptyText: "No figures in this section" }, sink);
}

/**
 * The recomputation checks that read at least one claim of the section (including cross-article
 * checks), in check id order.
 */
export function sectionChecks(ctx: ArticleContext, sectionId: string): CheckVerdict[] {
  return checksTouching(ctx.analysis, new Set(sectionClaims(ctx, sectionId).map((c) => c.id)));
}

/** One row of the checks table (the `verdict` cell is a badge, HTML). */
export interface CheckRow {
  check: string;
  statement: string;
  claimed: string;
  computed: string;
  verdict: string;
  reason: string;
  gap: string;
}

/**
 * A check verdict as a table row: claimed (or the reference), computed from the printed inputs
 * and with rounding, verdict badge, reason and gap (in the claimed unit).
 * @example checkRow({ id: "x", kind: "probabilities_sum", statement: "s", claims: [], claimed: null, reference: { low: 100, high: 100, unit: "pct" }, computed: { low: 90, high: 110, unit: "pct" }, computedWithRounding: { low: 89, high: 111, unit: "pct" }, verdict: "consistent", reason: "r", gap: null }).claimed // => "reference 100 pct"
 */
export function checkRow(v: CheckVerdict): CheckRow {
  const unit = v.claimed?.unit ?? v.reference?.unit ?? v.computed.unit;
  return {
    check: v.id,
    statement: v.statement,
    claimed: v.claimed ? formatBounds(v.claimed) : v.reference ? `reference ${formatBounds(v.reference)}` : "",
    computed: `${formatBounds(v.computed)} (with rounding ${formatBounds(v.computedWithRounding)})`,
    verdict: badge(v.verdict),
    reason: v.reason,
    gap: v.gap === null ? "" : `${formatSig(v.gap)} ${unit}`,
  };
}

/** The columns of the checks table. */
export const CHECK_TABLE_COLUMNS: readonly TableColumn[] = [
  { key: "check" },
  { key: "statement" },
  { key: "claimed" },
  { key: "computed" },
  { key: "verdict", html: true },
  { key: "reason" },
  { key: "gap", align: "right" },
];

/** Shows the section's checks as a table (see checkRow). */
export function showChecks(ctx: ArticleContext, sectionId: string, sink: DisplaySink = tslabDisplay()): void {
  showTable(sectionChecks(ctx, sectionId).map(checkRow), { columns: CHECK_TABLE_COLUMNS, emptyText: "No recomputation reads this section's figures" }, sink);
}

/**
 * Two to four computed sentences on the section: how many figures; how many checks hold and
 * which fail (statement, reason, gap); figures disputed by independent sources; garbled figures
 * with the readings from their note. All article text is escaped.
 */
export function sectionSummaryMarkdown(ctx: ArticleContext, sectionId: string): string {
  const claims = sectionClaims(ctx, sectionId);
  const checks = sectionChecks(ctx, sectionId);
  const out: string[] = [];
  const quotes = new Set(claims.map((c) => c.quote)).size;
  out.push(
    claims.length === 0
      ? "This section prints no figure that the ledger tracks."
      : `This section prints ${plural(claims.length, "figure")} in ${plural(quotes, "quoted passage")}.`,
  );
  if (checks.length > 0) {
    const bad = checks.filter((v) => v.verdict === "inconsistent");
    let s = `${plural(checks.length, "recomputation")} ${checks.length === 1 ? "reads" : "read"} them: ${verdictCountWords(checks.map((v) => v.verdict))}.`;
    if (bad.length > 0) {
      s +=
        ` ${bad.length === 1 ? "The failing check" : "Failing"}: ` +
        bad
          .map((v) => `\`${v.id}\` — ${unstop(escapeMarkdown(v.statement))}: ${unstop(escapeMarkdown(v.reason))}${v.gap === null ? "" : ` (gap ${formatSig(v.gap)} ${escapeMarkdown(v.claimed?.unit ?? v.reference?.unit ?? v.computed.unit)})`}`)
          .join("; ") +
        ".";
    }
    out.push(s);
  }
  const results = claims.map((c) => ({ c, r: independentOf(ctx, c.id) }));
  const disputed = results.filter((x) => x.r?.verdict === "disputed");
  const backed = results.filter((x) => x.r && x.r.verdict !== "disputed" && x.r.verdict !== "unverified");
  if (disputed.length > 0) {
    out.push(
      `Independent reporting disputes ${plural(disputed.length, "figure")}: ` +
        disputed.map(({ c, r }) => `${escapeMarkdown(c.raw)} (\`${c.id}\`) — ${unstop(escapeMarkdown(r!.reason))}`).join("; ") +
        (backed.length > 0 ? `; it confirms or refines ${formatNumber(backed.length)}.` : "."),
    );
  } else if (backed.length > 0) {
    out.push(
      claims.length === 1
        ? "Independent reporting confirms or refines it."
        : `Independent reporting confirms or refines ${formatNumber(backed.length)} of them and disputes none.`,
    );
  } else if (claims.length > 0) {
    out.push(`No independent source on file confirms or disputes ${claims.length === 1 ? "it" : "them"}.`);
  }
  const garbled = claims.filter((c) => c.qualifier === "garbled");
  if (garbled.length > 0) {
    out.push(`Garbled as printed: ${garbled.map((c) => `${escapeMarkdown(c.raw)} (\`${c.id}\`) — ${unstop(escapeMarkdown(c.note))}`).join("; ")}.`);
  }
  return out.join(" ");
}

/** Shows sectionSummaryMarkdown as Markdown. */
export function showSectionSummary(ctx: ArticleContext, sectionId: string, sink: DisplaySink = tslabDisplay()): void {
  showMarkdown(sectionSummaryMarkdown(ctx, sectionId), sink);
}

/**
 * Convenience: the section's quotes, figures table, checks table (when any) and summary, in that
 * order. Notebooks should prefer separate cells so they read like the article.
 */
export function showSection(ctx: ArticleContext, sectionId: string, sink: DisplaySink = tslabDisplay()): void {
  const claims = sectionClaims(ctx, sectionId);
  if (claims.length > 0) showMarkdown(quoteMarkdown(claims), sink);
  showFigures(ctx, sectionId, sink);
  if (sectionChecks(ctx, sectionId).length > 0) showChecks(ctx, sectionId, sink);
  showSectionSummary(ctx, sectionId, sink);
}

// ---------------------------------------------------------------------------------------------
// Charts from claims

/** One point of a path built from claims. */
export interface ClaimPathPoint {
  /** `YYYY-MM-DD[ HH:MM]`: the claim's as_of, or the midpoint of its span (asOfMidpoint). */
  date: string;
  /** The midpoint of the claim's bounds (the bound itself when one end is open). */
  close: number;
  claim: string;
}

/**
 * A path for pricePathChart drawn through the claims' own points (no outside data): one point per
 * claim at its as_of midpoint and the midpoint of its bounds, sorted by date (then claim id).
 * Claims with no bounds are skipped.
 * @example pathFromClaims([{ id: "b", as_of: "2026-02-08", low: 69000, high: 69300 }, { id: "a", as_of: "2025-10", low: 126000, high: 126000 }]) // => [{ date: "2025-10-16", close: 126000, claim: "a" }, { date: "2026-02-08", close: 69150, claim: "b" }]
 */
export function pathFromClaims(claims: readonly Pick<Claim, "id" | "as_of" | "low" | "high">[]): ClaimPathPoint[] {
  return claims
    .filter((c) => c.low !== null || c.high !== null)
    .map((c) => ({ date: asOfMidpoint(c.as_of), close: c.low !== null && c.high !== null ? (c.low + c.high) / 2 : (c.low ?? c.high)!, claim: c.id }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.claim < b.claim ? -1 : a.claim > b.claim ? 1 : 0));
}

/**
 * The body of a section as printed: the article text of its span after its own heading line,
 * trimmed (for quoting a section that prints no tracked figure).
 */
export function sectionBody(ctx: ArticleContext, sectionId: string): string {
  const s = sectionOf(ctx, sectionId);
  const text = ctx.article.text.slice(s.start, s.end);
  const i = text.indexOf(s.heading);
  return (i >= 0 ? text.slice(i + s.heading.length) : text).trim();
}

/**
 * A check's computed result as a chart row (ClaimLike), so interval charts can draw it beside the
 * article's figure: bounds from `computed` (the printed inputs) or, with `rounding`, from
 * `computedWithRounding`; raw "computed"; quote the check statement; subject/metric "computed".
 * @example computedRow({ id: "x", kind: "sum_of", statement: "s", claims: ["a-1"], claimed: null, reference: null, computed: { low: 90, high: 110, unit: "pct" }, computedWithRounding: { low: 89, high: 111, unit: "pct" }, verdict: "consistent", reason: "", gap: null }, { article: "a", as_of: "2026-02-08" }).high // => 110
 */
export function computedRow(
  v: CheckVerdict,
  options: { article: string; as_of: string; rounding?: boolean; raw?: string },
): Pick<Claim, "id" | "article" | "quote" | "subject" | "metric" | "low" | "high" | "unit" | "raw" | "as_of"> {
  const b = options.rounding ? v.computedWithRounding : v.computed;
  return {
    id: v.id,
    article: options.article,
    quote: v.statement,
    subject: "computed",
    metric: "computed",
    low: b.low,
    high: b.high,
    unit: b.unit,
    raw: options.raw ?? "computed",
    as_of: options.as_of,
  };
}
