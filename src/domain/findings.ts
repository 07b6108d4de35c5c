/**
 * The findings an editor would publish: every verdict rated inaccurate or misleading, each as it
 * would run in print (the claim as quoted, the evidence with named sources, the caveat), ranked by
 * materiality: the relative size of the gap times how central the figure is to its article (in the
 * headline or the lead, or repeated elsewhere in the article). Hypothetical examples and forecast
 * scenarios count half, and so does a misleading figure (right for another measure or day); an
 * article that repeats a figure gives one finding, and a figure already in a higher-ranked finding
 * gives no other. Also the scoreboard: per article, its figures and their ratings.
 */
import type { Analysis } from "./analysis";
import type { CheckVerdict } from "./checks";
import { articleName, claimFigure } from "./explain";
import { allowanceWords } from "./explain-common";
import { outletName } from "./explain-phrases";
import { RATINGS, ratingLabel, type Rating } from "./ratings";
import type { Claim } from "../data/types";
import { quantityWords, termWords } from "./wording";

/** One publishable finding. */
export interface PublishableFinding {
  /** `independent:<claim>`, `check:<id>` or `conflict:<id>`. */
  id: string;
  rating: Rating;
  /** A plain headline: the article and the figure. */
  title: string;
  /** The article ids concerned. */
  articles: string[];
  /** The sentence as the article printed it. */
  quote: string;
  /** The evidence with named sources (the verdict's explanation). */
  evidence: string;
  /** What a careful reader should keep in mind. */
  caveat: string;
  /** The gap as a share of the figure (capped at 1). */
  relativeGap: number;
  /** 1 for a figure in the body, 2 in the headline or lead, +0.5 when the article repeats it. */
  centrality: number;
  /** relativeGap × centrality (halved for hypothetical figures): the ranking key. */
  score: number;
}

/** The article claims the ranking reads. */
type ClaimInfo = Pick<Claim, "id" | "article" | "section" | "quote" | "raw" | "subject" | "metric" | "window">;

/**
 * How central a figure is to its article: 2 when the headline prints it or it sits in the lead
 * (the first section), else 1; plus 0.5 when another figure of the same article gives the same
 * quantity (the article repeats it).
 * @example centrality({ id: "a-1", article: "a", section: "lead", quote: "q", raw: "$2 Trillion", subject: "s", metric: "m", window: "w" }, { title: "Wiped Out: $2 Trillion Crypto Loss", firstSection: "lead" }, []) // => 2
 */
export function centrality(c: ClaimInfo, article: { title: string; firstSection: string }, claims: readonly ClaimInfo[]): number {
  const inTitle = c.raw.trim() !== "" && article.title.includes(c.raw.trim());
  const lead = c.section === article.firstSection;
  const repeated = claims.some((o) => o.id !== c.id && o.article === c.article && o.subject === c.subject && o.metric === c.metric && o.window === c.window);
  return (inTitle || lead ? 2 : 1) + (repeated ? 0.5 : 0);
}

const PUBLISHABLE: readonly Rating[] = ["inaccurate", "misleading"];

/**
 * The article's words a check finding quotes: the result claim's passage when the check
 * recomputes one, else every input's passage (two articles' figures compared as pairs, or an
 * article's figures against a reference such as a tracker's total: each of them is in question).
 * @example testedQuote({ claimedAsPrinted: null }, [{ quote: "$7B in November" }, { quote: "$3B in January" }]) // => "$7B in November / $3B in January"
 * @example testedQuote({ claimedAsPrinted: { low: 1, high: 1, unit: "pct" } }, [{ quote: "from 2" }, { quote: "up 1%" }]) // => "up 1%"
 */
export function testedQuote(v: Pick<CheckVerdict, "claimedAsPrinted">, claims: readonly Pick<Claim, "quote">[]): string {
  if (v.claimedAsPrinted !== null || claims.length === 0) return claims[claims.length - 1]?.quote ?? "";
  return [...new Set(claims.map((c) => c.quote))].join(" / ");
}

/** Who stands behind an outside figure, in a caveat. */
const TIER_WORDS: Record<string, string> = { primary: "a primary source", wire: "a wire report", aggregator: "an aggregator" };

export function publishableFindings(analysis: Pick<Analysis, "ledger" | "verdicts" | "conflicts" | "independent" | "independentRows" | "origins">): PublishableFinding[] {
  const { ledger } = analysis;
  const ctx = { articles: ledger.articles, byId: ledger.byId };
  const first = new Map<string, string>();
  for (const s of [...ledger.sections].sort((a, b) => a.order - b.order)) if (!first.has(s.article)) first.set(s.article, s.section);
  const art = (id: string) => ({ title: ledger.articles.find((a) => a.id === id)?.title ?? "", firstSection: first.get(id) ?? "" });
  const central = (c: Claim) => centrality(c, art(c.article), ledger.claims);
  const hypothetical = (cs: readonly Claim[]) => cs.length > 0 && cs.every((c) => c.window === "scenario");
  const out: PublishableFinding[] = [];
  const claimsOf = new Map<string, string[]>();
  const push = (f: Omit<PublishableFinding, "score">, cs: readonly Claim[]) => {
    claimsOf.set(f.id, cs.map((c) => c.id));
    // a misleading figure (right for another measure or day) weighs half an inaccurate one
    const score = Math.min(1, f.relativeGap) * f.centrality * (hypothetical(cs) ? 0.5 : 1) * (f.rating === "misleading" ? 0.5 : 1);
    out.push({ ...f, relativeGap: Math.min(1, f.relativeGap), score: Number(score.toPrecision(6)) });
  };
  const meaning = (field: string, term: string) => termWords(field, term, ledger.vocabulary);
  const seen = new Set<string>();
  for (const r of analysis.independent.filter((x) => PUBLISHABLE.includes(x.rating))) {
    const c = ledger.byId.get(r.claim);
    if (!c) continue;
    // an article that repeats a figure is one finding (its centrality counts the repetition)
    const key = `${c.article} ${c.subject} ${c.metric} ${c.window} ${r.rating} ${r.best_source}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const own = r.sources.find((s) => s.relation === "same_origin");
    const origin = own ? analysis.origins.find((o) => o.origin === own.origin) : undefined;
    const best = analysis.independentRows.find((x) => x.id === r.best_source);
    const otherRows = r.sources.filter((s) => s.relation === "disagrees" && s.id !== r.best_source);
    const others = otherRows.length;
    // a wire or primary report among the others is what a desk leans on: name it
    const strong = otherRows.map((s) => analysis.independentRows.find((x) => x.id === s.id)).find((x) => x !== undefined && x.tier !== "aggregator");
    const caveat =
      r.rating === "misleading"
        ? "The article's number matches another measure or day, so the error may be one of labelling rather than of fact."
        : `${best?.tier === "aggregator" ? "The deciding source is an aggregator, not a wire or primary source" : "The deciding source is a wire or primary report"}${others > 0 ? `; ${others} other source${others === 1 ? " also disagrees" : "s also disagree"}${strong ? `, among them ${outletName(strong)} (${TIER_WORDS[strong.tier]})` : ""}` : ""}${origin ? `. The article's figure traces to ${origin.name}, which restatements repeat; they are not independent evidence for it` : ""}.`;
    push({ id: `independent:${c.id}`, rating: r.rating, title: `${articleName(ctx, c.article)} on ${meaning("subject", c.subject)}: ${claimFigure(c)}`, articles: [c.article], quote: c.quote, evidence: r.explanation, caveat, relativeGap: r.relative_gap ?? 0, centrality: central(c) }, [c]);
  }
  // a check is titled like a figure: the article and what it is about, then the figure it tests
  // (the figures, when the check sets an article's figures against a reference)
  const checkTitle = (v: Pick<CheckVerdict, "claimedAsPrinted">, cs: readonly Claim[]) => {
    const tested = v.claimedAsPrinted !== null ? cs.slice(-1) : cs;
    const names = [...new Set(tested.map((c) => articleName(ctx, c.article)))];
    const subjects = [...new Set(tested.map((c) => meaning("subject", c.subject)))];
    return `${names.join(" and ")} on ${subjects.join(" and ")}: ${[...new Set(tested.map(claimFigure))].join(", ")}`;
  };
  for (const v of analysis.verdicts.filter((x) => PUBLISHABLE.includes(x.rating))) {
    const cs = v.claims.map((id) => ledger.byId.get(id)).filter((c): c is Claim => c !== undefined);
    const target = cs[cs.length - 1];
    if (!target) continue;
    const ref = v.claimed ?? v.reference;
    const mag = ref ? Math.max(0, ...[ref.low, ref.high].filter((x): x is number => x !== null).map(Math.abs)) : 0;
    const refs = ((v as { sources?: string[] }).sources ?? []).map((id) => analysis.independentRows.find((r) => r.id === id.split(":")[0])).filter((r) => r !== undefined);
    const caveat =
      refs.length > 0
        ? `Sets the article's own figures against ${[...new Set(refs.map((r) => `${outletName(r!)} (${TIER_WORDS[r!.tier]})`))].join(" and ")}, ${allowanceWords([])}.`
        : `Uses only the articles' own figures, ${allowanceWords([])}.`;
    push(
      { id: `check:${v.id}`, rating: v.rating, title: checkTitle(v, cs), articles: [...new Set(cs.map((c) => c.article))], quote: testedQuote(v, cs), evidence: v.explanation, caveat, relativeGap: mag > 0 && v.gap !== null ? v.gap / mag : 0, centrality: Math.max(...cs.map(central)) },
      cs,
    );
  }
  for (const k of analysis.conflicts.filter((x) => x.rating === "inaccurate")) {
    const cs = k.claims.map((id) => ledger.byId.get(id)).filter((c): c is Claim => c !== undefined);
    const mags = cs.map((c) => Math.max(0, ...[c.low, c.high].filter((x): x is number => x !== null).map(Math.abs))).filter((m) => m > 0);
    const gap = k.spread ?? 0;
    push(
      { id: `conflict:${k.id}`, rating: k.rating, title: `Articles disagree on ${quantityWords(k.subject, k.metric, k.window, ledger.vocabulary)}`, articles: [...new Set(cs.map((c) => c.article))], quote: cs.map((c) => c.quote).join(" / "), evidence: k.explanation, caveat: "At least one of the figures is wrong; the record decides which.", relativeGap: mags.length > 0 ? gap / Math.min(...mags) : 0, centrality: Math.max(...cs.map(central)) },
      cs,
    );
  }
  // one finding per figure: a figure already in a higher-ranked finding does not make another
  const ranked = out.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const used = new Set<string>();
  return ranked.filter((f) => {
    const ids = claimsOf.get(f.id) ?? [];
    if (ids.some((id) => used.has(id))) return false;
    for (const id of ids) used.add(id);
    return true;
  });
}

/** One article's line of the scoreboard. */
export interface ScoreRow {
  article: string;
  name: string;
  figures: number;
  /** How many of its figures got each rating against independent reporting. */
  ratings: Record<Rating, number>;
  /** How many recomputation checks test its figures, and how many of those are inaccurate or misleading. */
  checks: number;
  checksFailed: number;
}

/**
 * Per article: its figures, their ratings against independent reporting, and the checks of its
 * own arithmetic.
 */
export function scoreboardRows(analysis: Pick<Analysis, "ledger" | "verdicts" | "independent">): ScoreRow[] {
  const { ledger } = analysis;
  return ledger.articles.map((a) => {
    const ids = new Set(ledger.claims.filter((c) => c.article === a.id).map((c) => c.id));
    const ratings = Object.fromEntries(RATINGS.map((r) => [r, 0])) as Record<Rating, number>;
    for (const r of analysis.independent) if (ids.has(r.claim)) ratings[r.rating]++;
    const checks = analysis.verdicts.filter((v) => v.claims.some((id) => ids.has(id)));
    return {
      article: a.id,
      name: `${articleName({ articles: ledger.articles }, a.id)}: ${a.title.replace(/^\[no headline in seed\]\s*/, "")}`,
      figures: ids.size,
      ratings,
      checks: checks.length,
      checksFailed: checks.filter((v) => PUBLISHABLE.includes(v.rating)).length,
    };
  });
}

/**
 * The scoreboard's column headings in plain words, in order.
 * @example scoreboardHeadings().slice(0, 3) // => ["Article", "Figures", "Accurate"]
 */
export function scoreboardHeadings(): string[] {
  return ["Article", "Figures", ...RATINGS.map(ratingLabel), "Own-arithmetic checks", "Checks failed"];
}
