/**
 * An article's opening and closing sentences, from its manifest and its verdicts' ratings: the
 * manifest with computed counts (ctx.intro) and what holds and what does not (ctx.tally). Every
 * number is computed; every piece of article text is escaped.
 */
import type { Rated } from "../domain/ratings";
import { joinWords, plural } from "../render/format";
import { formatNumber } from "../render/html";
import { escapeMarkdown } from "../render/markdown";
import type { Article, Section } from "../data/types";
import { ratingCountWords, type SummaryInput } from "./explain";

/** Ids of the items rated inaccurate or misleading, as code spans ("none" when there are none). */
function wanting(items: readonly (Pick<Rated, "rating"> & { id: string })[]): string {
  const ids = items.filter((x) => x.rating === "inaccurate" || x.rating === "misleading").map((x) => `\`${x.id}\``);
  return ids.length === 0 ? "none" : joinWords(ids);
}

/**
 * The article's manifest and computed counts as a Markdown list: title, outlet, author,
 * published date and its basis, what page chrome was trimmed, how many figures and sections, and
 * how its figures fare against independent reporting and its recomputations. No heading (the
 * notebook's first cell holds it).
 */
export function articleIntroText(a: Article, sections: readonly Section[], s: SummaryInput): string {
  const ids = new Set(s.claims.map((c) => c.id));
  const cross = s.checks.filter((v) => v.claims.some((id) => !ids.has(id))).length;
  const headings = sections.filter((x) => x.kind === "heading").length;
  const ratings = s.claims.map((c) => s.independent.get(c.id)?.rating ?? "unverifiable");
  return [
    `- **Article:** *${escapeMarkdown(a.title)}*`,
    `- **Outlet:** ${escapeMarkdown(a.outlet)}`,
    `- **Author:** ${a.author ? escapeMarkdown(a.author) : "not named"}`,
    `- **Published:** ${escapeMarkdown(a.published)} (${escapeMarkdown(a.published_basis)})`,
    `- **Page chrome trimmed:** ${escapeMarkdown(a.trimmed)}`,
    `- **In the ledger:** ${plural(s.claims.length, "figure")} across ${plural(sections.length, "section")} (${formatNumber(headings)} under the article's own headings).`,
    `- **Against independent reporting:** ${ratingCountWords(ratings)}.`,
    `- **Recomputations:** ${plural(s.checks.length, "check")} read its figures (${formatNumber(cross)} with figures from other articles)` +
      (s.checks.length > 0 ? `: ${ratingCountWords(s.checks.map((v) => v.rating))}.` : "."),
  ].join("\n");
}

/**
 * What holds and what does not across an article, by method: the ratings of its figures against
 * independent reporting, of the recomputations and of the reconciliations that read them, each
 * followed by the ids of the items found inaccurate or misleading.
 */
export function articleTallyText(s: SummaryInput, conflicts: readonly (Pick<Rated, "rating"> & { id: string })[]): string {
  const figures = s.claims.map((c) => ({ id: c.id, rating: s.independent.get(c.id)?.rating ?? ("unverifiable" as const) }));
  const line = (title: string, items: readonly (Pick<Rated, "rating"> & { id: string })[], noun: string) =>
    `- **${title}:** ${plural(items.length, noun)}, ${ratingCountWords(items.map((x) => x.rating))}; inaccurate or misleading: ${wanting(items)}.`;
  return [
    line("Against independent reporting", figures, "figure"),
    line("Recomputations", s.checks, "check"),
    line("Reconciliations with other figures", conflicts, "reconciliation"),
  ].join("\n");
}
