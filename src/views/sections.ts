/**
 * One article, section by section, for the article notebooks: the article's slice of the
 * analysis, its manifest with computed counts, each section's figures and recomputations as
 * tables, and short computed summaries. Every sentence built here prints values computed from
 * data/, so notebooks can show findings without typing numbers.
 *
 * Escaping: text from articles goes into Markdown only through `escapeMarkdown`, into tables
 * through tableHtml (which escapes every cell not declared `html`).
 */
import type { Analysis } from "../domain/analysis";
import type { CheckVerdict } from "../domain/checks";
import type { IndependentResult } from "../domain/independent";
import { effectiveInterval } from "../domain/hedges";
import { formatInterval } from "../domain/intervals";
import { showMarkdown, showTable, tslabDisplay, type DisplaySink } from "../render/display";
import { formatBounds, formatSig, plural, unstop, verdictCountWords } from "../render/format";
import { badge, escapeHtml, formatNumber, type TableColumn } from "../render/html";
import { escapeMarkdown, quoteMarkdown } from "../render/markdown";
import type { Article, Claim, Section } from "../data/types";
import { sharedAnalysis } from "./shared";

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
export function articleContext(articleId: string, analysis: Analysis = sharedAnalysis()): ArticleContext {
  const article = analysis.ledger.articles.find((a) => a.id === articleId);
  if (!article) {
    const known = analysis.ledger.articles.map((a) => a.id).join(", ");
    throw new Error(`unknown article: ${JSON.stringify(articleId)} (expected one of ${known})`);
  }
  const sections = analysis.ledger.sections.filter((s) => s.article === articleId).sort((a, b) => a.order - b.order);
  const claims = analysis.ledger.claims.filter((c) => c.article === articleId);
  return { analysis, article, sections, claims };
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
 * The opening of a section's text (its span in the article, see data/sections.csv), whitespace
 * collapsed, cut after the last full sentence that fits in `maxChars` (or at a word, with "…",
 * when not even one does): a quote for sections that print no tracked figure.
 * @param text the article text
 * @param section the section's span: `start` and `end` offsets into `text`
 * @example sectionExcerpt("Intro. The CME raised margins. Longs fled. Next", { start: 7, end: 42 }, 40) // => "The CME raised margins. Longs fled."
 * @example sectionExcerpt("abc defgh ijk", { start: 0, end: 13 }, 8) // => "abc…"
 */
export function sectionExcerpt(text: string, section: { start: number; end: number }, maxChars = 320): string {
  const body = text.slice(section.start, section.end).replace(/\s+/g, " ").trim();
  if (body.length <= maxChars) return body;
  const head = body.slice(0, maxChars + 1);
  const ends = [...head.matchAll(/[.!?]["”’]?(?=\s)/g)].map((m) => m.index! + m[0].length);
  if (ends.length > 0) return head.slice(0, ends[ends.length - 1]);
  const cut = head.lastIndexOf(" ", maxChars - 1);
  return `${head.slice(0, cut > 0 ? cut : maxChars - 1)}…`;
}
