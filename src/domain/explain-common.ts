/**
 * What the explanations of checks, reconciliations and independent verdicts share: the context
 * they read, an article's name in a sentence, an article's figure as printed, a machine reason
 * with its ids taken out, and rule 8's test of a dissent. The rating functions are in
 * src/domain/explain.ts (reconciliations, independent verdicts) and explain-check.ts (checks).
 */
import type { Check, CheckVerdict } from "./checks";
import type { SourceComparison } from "./independent";
import { plainDate, quoted, termWords } from "./wording";
import { outletName, possessive } from "./explain-phrases";
import type { IndependentRow, Origin } from "../data/independent-file";
import type { Article, Claim, Section, Term } from "../data/types";

/** What the explanations read besides the verdict: the articles, the claims, the sources. */
export interface ExplainContext {
  articles: readonly (Pick<Article, "id" | "outlet"> & Partial<Pick<Article, "short_name">>)[];
  byId: ReadonlyMap<string, Pick<Claim, "id" | "article" | "raw" | "quote" | "qualifier" | "as_of"> & Partial<Pick<Claim, "section" | "low" | "high" | "subject" | "metric" | "window">> & { hedge?: string }>;
  rows?: readonly IndependentRow[];
  origins?: readonly Pick<Origin, "origin" | "name">[];
  /** The checks of data/checks.csv, to tell the tested claim (result) from the inputs, and their params and kind. */
  checks?: readonly (Pick<Check, "id" | "inputs" | "result"> & Partial<Pick<Check, "params" | "kind">>)[];
  /** data/sections.csv: where a restated figure stands (a heading, the summary, the body). */
  sections?: readonly Pick<Section, "article" | "section" | "heading" | "kind">[];
  /** Every check's verdict, for a check whose `alternative=` reading decides between inaccurate and misleading. */
  verdicts?: readonly (Pick<CheckVerdict, "id" | "verdict" | "statement"> & { working?: string })[];
  /** data/vocabulary.csv: names what a bare number ("10") is a figure of. */
  vocabulary?: readonly Pick<Term, "field" | "term" | "meaning">[];
}

/**
 * A reader's name for an article in a sentence: its short name (data/articles.csv), with a
 * qualifier in brackets read as the post it names ("Gate (crushes)" -> "Gate's Crushes post"),
 * else its outlet up to the first parenthesis.
 * @example articleName({ articles: [{ id: "a", outlet: "Gate Square (gate.com)", short_name: "Gate (crushes)" }], byId: new Map() }, "a") // => "Gate's Crushes post"
 * @example articleName({ articles: [{ id: "b", outlet: "GMT Eight", short_name: "GMT Eight" }], byId: new Map() }, "b") // => "GMT Eight"
 * @example articleName({ articles: [{ id: "c", outlet: "New Quotes (reposted)" }], byId: new Map() }, "c") // => "New Quotes"
 */
export function articleName(ctx: Pick<ExplainContext, "articles">, articleId: string): string {
  const a = ctx.articles.find((x) => x.id === articleId);
  if (!a) return articleId;
  const short = (a.short_name ?? "").trim();
  const m = /^(.+?) \((.+)\)$/.exec(short);
  if (m) return `${possessive(m[1])} ${m[2].charAt(0).toUpperCase()}${m[2].slice(1)} post`;
  return short || a.outlet.split(" (")[0].trim();
}

/**
 * A machine reason made readable: claim ids become the figure as printed (“$60,000” where the
 * machine wrote tradingkey-008), independent row ids the outlet's figure, and ISO dates dates in
 * words.
 * @example withoutIds("tradingkey-011 is dated 2026-02-05/2026-02-06", { articles: [], byId: new Map([["tradingkey-011", { id: "tradingkey-011", article: "t", raw: "16%", quote: "", qualifier: "exact", as_of: "" }]]) }) // => "“16%” is dated 5–6 Feb 2026"
 */
export function withoutIds(text: string, ctx: Pick<ExplainContext, "byId"> & Partial<Pick<ExplainContext, "rows">>): string {
  return text
    .replace(/\b[a-z]+-\d{3}\b/g, (id) => {
      const c = ctx.byId.get(id);
      return c ? quoted(c.raw) : id;
    })
    .replace(/\br\d{3}\b/g, (id) => {
      const r = ctx.rows?.find((x) => x.id === id);
      return r ? `${possessive(outletName(r))} figure` : id;
    })
    .replace(/\b\d{4}-\d{2}(?:-\d{2})?(?:\/\d{4}-\d{2}(?:-\d{2})?)?\b/g, (d) => plainDate(d));
}

/**
 * Something of an article's, without stacking possessives: "GMT Eight's “27%”", but "“–45%” in
 * Gate's Crushes post" and "the figures in Gate's Crushes post" (not "Gate's Crushes post's").
 * @example owned("GMT Eight", "“27%”") // => "GMT Eight's “27%”"
 * @example owned("Gate's Crushes post", "“–45%”") // => "“–45%” in Gate's Crushes post"
 * @example owned("Gate's Crushes post", "figures") // => "the figures in Gate's Crushes post"
 */
export function owned(name: string, thing: string): string {
  if (!/'s /.test(name)) return `${possessive(name)} ${thing}`;
  return `${thing.startsWith("“") ? thing : `the ${thing}`} in ${name}`;
}

/** An article's figure in a sentence: "GMT Eight's “27%”", "“~$60K” in Gate's Crushes post". */
export function says(ctx: ExplainContext, claimId: string): string {
  const c = ctx.byId.get(claimId);
  return c ? owned(articleName(ctx, c.article), claimFigure(c)) : claimId;
}

/**
 * What an article says, in a sentence: its figure as printed, with what the figure is of when
 * the figure is a bare number ("“10” for the crypto Fear & Greed Index").
 * @example claimSays({ articles: [{ id: "n", outlet: "Nakamoto" }], byId: new Map(), vocabulary: [{ field: "subject", term: "fgi", meaning: "the crypto Fear & Greed Index" }] }, { article: "n", raw: "10", quote: "has reached 10", subject: "fgi" }) // => "Nakamoto says “10” for the crypto Fear & Greed Index"
 * @example claimSays({ articles: [{ id: "n", outlet: "Nakamoto" }], byId: new Map() }, { article: "n", raw: "$60K", quote: "to $60K", subject: "BTC" }) // => "Nakamoto says “$60K”"
 */
export function claimSays(ctx: Pick<ExplainContext, "articles" | "vocabulary">, c: Pick<Claim, "article" | "raw" | "quote"> & Partial<Pick<Claim, "subject">> & { hedge?: string }): string {
  const bare = /^[\d.,\s]+$/.test(c.raw) && c.subject && ctx.vocabulary;
  const of = bare ? ` for ${termWords("subject", c.subject!, ctx.vocabulary)}` : "";
  return `${articleName(ctx, c.article)} says ${claimFigure(c)}${of}`;
}

/** "a, b and c". */
export function listWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** A sentence: capitalised, ending with a full stop. */
export function sentence(text: string): string {
  const t = text.trim();
  return t.charAt(0).toUpperCase() + t.slice(1) + (/[.!?]$/.test(t) ? "" : ".");
}

/**
 * The article's figure with its hedge word, as a reader reads the sentence.
 * @example claimFigure({ raw: "20%", quote: "plunging nearly 20%", hedge: "nearly" }) // => "“nearly 20%”"
 */
export function claimFigure(c: Pick<Claim, "raw" | "quote"> & { hedge?: string }): string {
  const words = (c.hedge ?? "").split(/;\s*/).map((h) => h.trim()).filter((h) => !/^[~+≈\s]*$/.test(h) && !c.raw.toLowerCase().includes(h.toLowerCase()));
  return quoted(words.length > 0 ? `${words.join(" ")} ${c.raw}` : c.raw);
}

/**
 * The hedge words printed with a figure, as a reader quotes them: each word of the claim's
 * `hedge` field ("about", "more than", "~", "+"), lower-cased; "between", which only joins a
 * range's ends, is none.
 * @example hedgeWords("Over; +") // => ["over", "+"]
 * @example hedgeWords("~ +") // => ["~", "+"]
 * @example hedgeWords("between") // => []
 */
export function hedgeWords(hedge: string | undefined): string[] {
  const parts = (hedge ?? "").split(/;\s*/).flatMap((h) => (/^[~+≈\s]+$/.test(h) ? h.split(/\s+/) : [h]));
  return [...new Set(parts.map((h) => h.trim()).filter((h) => h !== "" && !/^between$/i.test(h)).map((h) => (/[a-z]/i.test(h) ? h.toLowerCase() : h)))];
}

/**
 * What a reader allows for when figures are read as the round or approximate figures they are:
 * their rounding and the hedge words printed with them, named ("its “about”"); a word the
 * sentence does not show beside its figure is given with its `owner` ("CryptoVot's “near”").
 * `once` gives the clause of "agrees once …", `allowing` that of "even allowing for …", `read` a
 * caption's "each read as …". More than two different hedge words, no figures given, or `read`,
 * are said as a whole ("each is read as the round or approximate figure it is").
 * @example allowanceWords([{ hedge: "about" }]) // => "once its rounding and its “about” are allowed"
 * @example allowanceWords([{ hedge: "" }]) // => "once its rounding is allowed"
 * @example allowanceWords([{ hedge: "more than" }, { hedge: "" }], "allowing") // => "allowing for both figures' rounding and the “more than”"
 * @example allowanceWords([{}, {}, { hedge: "~" }]) // => "once every figure's rounding and the “~” are allowed"
 * @example allowanceWords([{ hedge: "" }, { hedge: "near", owner: "CryptoVot" }]) // => "once both figures' rounding and CryptoVot's “near” are allowed"
 * @example allowanceWords([{ hedge: "almost" }, { hedge: "roughly" }]) // => "once both figures' rounding, the “almost” and the “roughly” are allowed"
 * @example allowanceWords([]) // => "once each is read as the round or approximate figure it is"
 * @example allowanceWords([], "allowing") // => "reading each as the round or approximate figure it is"
 * @example allowanceWords([], "read") // => "each read as the round or approximate figure it is"
 */
export function allowanceWords(figures: readonly { hedge?: string; owner?: string }[], form: "once" | "allowing" | "read" = "once"): string {
  const words = [...new Set(figures.flatMap((f) => hedgeWords(f.hedge)))];
  const n = figures.length;
  if (n === 0 || words.length > 2 || form === "read") {
    const who = n === 1 ? "it" : "each";
    const as = "as the round or approximate figure it is";
    return form === "once" ? `once ${who} is read ${as}` : form === "allowing" ? `reading ${who} ${as}` : `${who} read ${as}`;
  }
  // a word owned by one named figure only is said with its owner; the others share one "its"/"the"
  const ownerOf = (w: string) => {
    const owners = figures.filter((f) => hedgeWords(f.hedge).includes(w)).map((f) => f.owner);
    return owners.every((o) => o !== undefined && o === owners[0]) ? owners[0] : undefined;
  };
  const plain = words.filter((w) => ownerOf(w) === undefined).map((w) => `${n === 1 ? "its" : "the"} ${quoted(w)}`);
  const named = words.filter((w) => ownerOf(w) !== undefined).map((w) => `${possessive(ownerOf(w)!)} ${quoted(w)}`);
  const said = [...plain, ...named];
  const whose = n === 1 ? "its" : n === 2 ? "both figures'" : "every figure's";
  // one "and": "both figures' rounding, the “almost” and the “roughly”"
  const noun = listWords([`${whose} rounding`, ...said]);
  return form === "once" ? `once ${noun} ${said.length > 0 ? "are" : "is"} allowed` : `allowing for ${noun}`;
}

/**
 * Whether the reports that disagree with a claim are enough to call it wrong (data/README, rule
 * 8): one of them is a primary or wire report, or they come from at least two independent origins.
 * One tracker's figure, relayed second-hand, disputes an article's figure; it does not correct it.
 * @example corroboratedDissent([{ relation: "disagrees", tier: "aggregator", origin: "sosovalue" }]) // => false
 * @example corroboratedDissent([{ relation: "disagrees", tier: "aggregator", origin: "a" }, { relation: "disagrees", tier: "aggregator", origin: "b" }]) // => true
 * @example corroboratedDissent([{ relation: "disagrees", tier: "wire", origin: "bloomberg" }, { relation: "context", tier: "aggregator", origin: "x" }]) // => true
 */
export function corroboratedDissent(sources: readonly Pick<SourceComparison, "relation" | "tier" | "origin">[]): boolean {
  const against = sources.filter((s) => s.relation === "disagrees");
  return against.some((s) => s.tier === "primary" || s.tier === "wire") || new Set(against.map((s) => s.origin)).size >= 2;
}
