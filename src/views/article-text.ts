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
import { checkName, conflictCountWord, ratingCountWords, type SummaryInput } from "./explain";
import { plainDate, quoted } from "../domain/wording";

/** An item of the tally: its rating and how a reader names it (Markdown, escaped by the caller). */
export type TallyItem = Pick<Rated, "rating"> & { name: string };

/** The names of the items rated inaccurate or misleading ("none" when there are none). */
function wanting(items: readonly TallyItem[]): string {
  const names = items.filter((x) => x.rating === "inaccurate" || x.rating === "misleading").map((x) => x.name);
  return names.length === 0 ? "none" : joinWords(names);
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
    `- **Published:** ${escapeMarkdown(plainDate(a.published))} (${escapeMarkdown(a.published_basis)})`,
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
 * followed by the items found inaccurate or misleading (a reconciliation's in words of agreement:
 * "2 consistent and 1 cannot be compared; contradictory: none"), named as a reader knows them: a figure by
 * what it prints (“20%”), a recomputation by its statement, a reconciliation by what it measures
 * (`conflicts` give their names).
 */
export function articleTallyText(s: SummaryInput, conflicts: readonly TallyItem[]): string {
  const figures = s.claims.map((c) => ({ name: quoted(escapeMarkdown(c.raw)), rating: s.independent.get(c.id)?.rating ?? ("unverifiable" as const) }));
  const checks = s.checks.map((v) => ({ name: checkName(v), rating: v.rating }));
  const line = (title: string, items: readonly TallyItem[], noun: string) =>
    `- **${title}:** ${plural(items.length, noun)}, ${ratingCountWords(items.map((x) => x.rating))}; inaccurate or misleading: ${wanting(items)}.`;
  // a reconciliation compares figures with each other: its ratings read as agreement, and only a contradiction is wanting
  const agreement = `- **Reconciliations with other figures:** ${plural(conflicts.length, "reconciliation")}, ${ratingCountWords(conflicts.map((x) => x.rating), conflictCountWord)}; contradictory: ${wanting(conflicts)}.`;
  return [line("Against independent reporting", figures, "figure"), line("Recomputations", checks, "check"), agreement].join("\n");
}
