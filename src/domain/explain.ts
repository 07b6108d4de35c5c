/**
 * Plain-language ratings and explanations for every verdict (the scale is in src/domain/ratings.ts).
 * Attached once in `loadAnalysis`, so the JSON files, the notebooks and the pages all show the
 * same words. An explanation is one or two sentences: what the article says, what the record
 * shows (source named), why the rating; no interval notation, no claim ids, no unit ids.
 */
import type { Bounds, Check, CheckVerdict } from "./checks";
import type { IndependentResult, SourceComparison } from "./independent";
import type { Conflict, ConflictMember } from "./reconcile";
import type { Rated, Rating } from "./ratings";
import { plainAmount, plainDate, plainRange, plainShare, quoted } from "./wording";
import { datedFigure, outletName, ownedFigure, placeWords, possessive, scopeKind, sourceFigure, sourceGroups, sourceList, sourceWords } from "./explain-phrases";
import { MATERIAL_RELATIVE } from "./materiality";
import { isStrictHedge } from "./hedges";
import { UNNAMED_DAY_WHY } from "./sources";
import { boundOnly, edgeOnly, grazes, tooRough } from "./check-strength";
import type { IndependentRow, Origin } from "../data/independent-file";
import type { Article, Claim, Section } from "../data/types";

export { possessive } from "./explain-phrases";
export { boundOnly } from "./check-strength";

/** What the explanations read besides the verdict: the articles, the claims, the sources. */
export interface ExplainContext {
  articles: readonly (Pick<Article, "id" | "outlet"> & Partial<Pick<Article, "short_name">>)[];
  byId: ReadonlyMap<string, Pick<Claim, "id" | "article" | "raw" | "quote" | "qualifier" | "as_of"> & Partial<Pick<Claim, "section" | "low" | "high">> & { hedge?: string }>;
  rows?: readonly IndependentRow[];
  origins?: readonly Pick<Origin, "origin" | "name">[];
  /** The checks of data/checks.csv, to tell the tested claim (result) from the inputs, and their params and kind. */
  checks?: readonly (Pick<Check, "id" | "inputs" | "result"> & Partial<Pick<Check, "params" | "kind">>)[];
  /** data/sections.csv: where a restated figure stands (a heading, the summary, the body). */
  sections?: readonly Pick<Section, "article" | "section" | "heading" | "kind">[];
  /** Every check's verdict, for a check whose `alternative=` reading decides between inaccurate and misleading. */
  verdicts?: readonly (Pick<CheckVerdict, "id" | "verdict" | "statement"> & { working?: string })[];
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

function says(ctx: ExplainContext, claimId: string): string {
  const c = ctx.byId.get(claimId);
  return c ? `${possessive(articleName(ctx, c.article))} ${claimFigure(c)}` : claimId;
}

/** True when two JSON bounds (null = open) share a value. */
function boundsOverlap(a: { low: number | null; high: number | null }, b: { low: number | null; high: number | null }): boolean {
  const lo = (x: number | null) => x ?? -Infinity;
  const hi = (x: number | null) => x ?? Infinity;
  const eps = 1e-9 * Math.max(1, ...[a.low, a.high, b.low, b.high].filter((x): x is number => x !== null).map(Math.abs));
  return lo(a.low) <= hi(b.high) + eps && lo(b.low) <= hi(a.high) + eps;
}

function listWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function sentence(text: string): string {
  const t = text.trim();
  return t.charAt(0).toUpperCase() + t.slice(1) + (/[.!?]$/.test(t) ? "" : ".");
}

// ---------------------------------------------------------------------------------------------
// Checks: the article's own arithmetic

const CHECK_RATING: Record<CheckVerdict["verdict"], Rating> = {
  consistent: "accurate",
  consistent_within_rounding: "accurate_rounded",
  inconsistent: "inaccurate",
  // the arithmetic cannot test a figure that measures something else: no fault of the article's
  scope_mismatch: "unverifiable",
  ambiguous: "unverifiable",
};

/**
 * A result's range in words, to two significant digits: a percentage range on one side of zero
 * as a fall or a rise.
 * @example spanWords({ low: -57.98, high: -33.42, unit: "pct" }) // => "a fall of 33% to 58%"
 * @example spanWords({ low: 2349, high: 4358, unit: "USD_bn" }) // => "$2.3 trillion to $4.4 trillion"
 */
export function spanWords(b: Bounds): string {
  if (b.unit === "pct" && b.low !== null && b.high !== null && (b.high <= 0 || b.low >= 0)) {
    const [a, z] = [Math.abs(b.low), Math.abs(b.high)].sort((x, y) => x - y);
    return `a ${b.high <= 0 ? "fall" : "rise"} of ${plainRange(a, z, "pct", 2)}`;
  }
  return plainRange(b.low, b.high, b.unit, 2);
}

/** What the arithmetic gives, in words: the check's own working line when it has one. */
function computedWords(v: Pick<CheckVerdict, "computed"> & { working?: string }): string {
  if (v.working) return v.working.replace(/\.$/, "");
  const c = v.computed;
  return `the figures give ${plainRange(c.low, c.high, c.unit)}`;
}

/** The reasons of a scope mismatch, from the machine's reason ("… measure different things (A; B); …"). */
function scopeReasons(reason: string): string[] {
  const m = /measure different things \((.*)\); [^;]*$/.exec(reason);
  return m ? m[1].split("; ") : [];
}

/**
 * Why a figure and a computation that measure different things cannot be compared, in words:
 * another day ("refers to another day"), a figure dated only by a month or a year ("gives no
 * day"), another period, or something else measured.
 */
function scopeText(work: string, claimed: string, reasons: readonly string[], target: { as_of: string } | undefined, ctx: ExplainContext): string {
  const why = withoutIds(reasons.join("; "), ctx);
  switch (scopeKind(reasons)) {
    case "day":
      return target && /^\d{4}(-\d{2})?$/.test(target.as_of)
        ? `${work}, but ${claimed} gives no day, only ${plainDate(target.as_of)}: the two cannot be compared.`
        : `${work}, but ${claimed} refers to another day, so the two cannot be compared: ${why}.`;
    case "period":
      return `${work}, but ${claimed} covers another period, so the two cannot be compared: ${why}.`;
    default:
      return `${work}, but ${claimed} measures something else, so the two cannot be compared: ${why}.`;
  }
}

/**
 * A restatement check as an editor says it: "In TradingKey, the summary's “below $60,000”
 * restates the body's “$60,000”." Null when the two figures are not of one article.
 */
function restatementText(ctx: ExplainContext, inputId: string | undefined, targetId: string | null | undefined, rating: Rating, gap: string): string | null {
  const x = inputId ? ctx.byId.get(inputId) : undefined;
  const t = targetId ? ctx.byId.get(targetId) : undefined;
  if (!x || !t || x.article !== t.article) return null;
  const px = placeWords(ctx.sections, x);
  const pt = placeWords(ctx.sections, t);
  const at = (p: string | null, c: typeof x) => (p && px !== pt ? `the ${p}'s ${claimFigure(c)}` : claimFigure(c));
  const lead = `In ${articleName(ctx, t.article)}, ${at(pt, t)}`;
  if (rating === "accurate") return `${lead} restates ${at(px, x)}.`;
  if (rating === "accurate_rounded") return `${lead} restates ${at(px, x)} once their rounding and hedges are allowed.`;
  if (rating === "inaccurate") return `${lead} does not match ${at(px, x)}: they are ${gap} apart even allowing for every rounding and hedge.`;
  return null;
}

/**
 * A recomputation check with its rating and explanation.
 * @example rateCheck({ id: "x", verdict: "inconsistent", reason: "", statement: "", claims: [], claimed: { low: 55500, high: 56500, unit: "coins" }, reference: null, computed: { low: 57000, high: 57000, unit: "coins" }, gap: 500 }, { articles: [], byId: new Map() }).rating // => "inaccurate"
 */
export function rateCheck<T extends Pick<CheckVerdict, "id" | "verdict" | "reason" | "statement" | "claims" | "claimed" | "reference" | "computed" | "gap"> & { working?: string; sources?: string[]; kind?: string }>(v: T, ctx: ExplainContext): T & Rated {
  let rating = CHECK_RATING[v.verdict];
  const check = ctx.checks?.find((c) => c.id === v.id);
  const kind = v.kind ?? check?.kind;
  const pair = check !== undefined && check.result === null && check.inputs.length === 4 && v.claimed !== null;
  const target = check ? check.result : v.claims.length > 0 ? v.claims[v.claims.length - 1] : null;
  const first = v.claims.length > 0 ? ctx.byId.get(v.claims[0]) : undefined;
  const article = first ? articleName(ctx, first.article) : "the article";
  // a target from data/independent.csv (ref=r045, or ref=r144:241749@2009-01 for another number of its quote)
  const refToken = check?.params?.ref;
  const refRow = refToken ? ctx.rows?.find((r) => r.id === refToken.split(":")[0]) : undefined;
  const refFigure = refRow && v.reference ? (refToken!.includes(":") ? plainRange(v.reference.low, v.reference.high, v.reference.unit) : sourceFigure(refRow)) : null;
  const refWords = refRow && refFigure ? ownedFigure(outletName(refRow), refFigure) : null;
  // a fixed target: an outside estimate (expected=), the 100% probabilities add up to, or a stated value
  const fixed = v.reference ? plainRange(v.reference.low, v.reference.high, v.reference.unit) : "";
  const referenceWords = check?.params?.expected !== undefined ? `an outside estimate of ${fixed}` : kind === "probabilities_sum" ? `the ${fixed} that probabilities must add up to` : `the expected ${fixed}`;
  const claimed = pair
    ? `what ${listWords(check.inputs.slice(2).map((id) => says(ctx, id)))} imply, ${plainRange(v.claimed!.low, v.claimed!.high, v.claimed!.unit)}`
    : v.claimed && target
      ? says(ctx, target)
      : (refWords ?? (v.reference ? referenceWords : "the claim"));
  let work = pair && !v.working ? `${listWords(check.inputs.slice(0, 2).map((id) => says(ctx, id)))} imply ${plainRange(v.computed.low, v.computed.high, v.computed.unit)}` : computedWords(v);
  const ref = v.claimed ?? v.reference;
  const mid = ref && ref.low !== null && ref.high !== null ? (ref.low + ref.high) / 2 : ref ? (ref.low ?? ref.high) : null;
  // the gap is measured after every rounding allowance: two significant digits, not false precision
  const gap = v.gap !== null && ref ? `${plainAmount(v.gap, ref.unit, 2)}${mid ? ` (${plainShare(v.gap / mid)})` : ""}` : "";
  // a reference that is a bare count (a weekday, a rank) has its conclusion in the working line already
  const bare = v.reference !== null && v.claimed === null && v.working !== undefined && v.reference.unit === "count";
  // another reading of the same sentence that holds makes a failing figure misleading rather than wrong
  const altId = check?.params?.alternative;
  const alt = altId ? ctx.verdicts?.find((x) => x.id === altId) : undefined;
  if (rating === "inaccurate" && alt && (alt.verdict === "consistent" || alt.verdict === "consistent_within_rounding")) rating = "misleading";
  // "almost double" for +103%: the figure as printed (90–100%) misses it; only its rounding covers it
  const printed = (v as { claimedAsPrinted?: CheckVerdict["claimedAsPrinted"] }).claimedAsPrinted;
  // "below $60,000" as printed excludes $60,000 itself: a result exactly at a strict bound agrees only once rounded
  const tested = target ? ctx.byId.get(target) : undefined;
  const strict = tested !== undefined && (tested.qualifier === "over" || tested.qualifier === "under") && isStrictHedge(tested.hedge ?? "");
  const atBound = strict && printed ? [printed.low, printed.high].some((b) => b !== null && [v.computed.low, v.computed.high].every((c) => c === b)) : false;
  // "$1.2 trillion and $2 trillion" against $2.0–2.1 trillion: the two ranges only touch
  const edge = rating === "accurate" && !!printed && edgeOnly(printed, v.computed);
  if (rating === "accurate" && printed && (!boundsOverlap(printed, v.computed) || atBound || edge)) rating = "accurate_rounded";
  const asserts = check?.params?.asserts === "at_most";
  // a result that is only a bound around the figure shows that nothing conflicts, not that the figure is right
  const withRounding = (v as { computedWithRounding?: Bounds }).computedWithRounding ?? v.computed;
  const loose = (rating === "accurate" || rating === "accurate_rounded") && v.claimed !== null && !pair && boundOnly(withRounding, v.claimed);
  // agreement that needs the rounding allowances: too rough a result confirms nothing, and a
  // one-sided figure ("55%+") that only the edge of the result reaches overstates it
  const viaRounding = rating === "accurate_rounded" && !loose && !pair && printed !== undefined && printed !== null && !boundsOverlap(printed, v.computed);
  const rough = viaRounding && tooRough(withRounding);
  const grazing = viaRounding && !rough && v.claimed !== null && grazes(printed!, v.claimed, v.computed);
  if (loose || rough) rating = "unverifiable";
  if (grazing) rating = "misleading";
  // outside figures the arithmetic reads (not the target): the one that dates a weekday is said with it
  const inputs = (v.sources ?? []).filter((id) => id.split(":")[0] !== refToken?.split(":")[0] && !id.includes(":"));
  const named = inputs.map((id) => ctx.rows?.find((r) => r.id === id)).filter((r): r is IndependentRow => r !== undefined);
  // rule 8: outside figures that are one aggregator's question the article's figures, they do not correct them
  const outsideRows = [...(refRow ? [refRow] : []), ...(v.sources ?? []).map((id) => ctx.rows?.find((r) => r.id === id.split(":")[0])).filter((r): r is IndependentRow => r !== undefined)];
  const lone = (rating === "inaccurate" || rating === "misleading") && outsideRows.length > 0 && !corroboratedDissent(outsideRows.map((r) => ({ relation: "disagrees", tier: r.tier, origin: r.origin })));
  if (lone) rating = "unverifiable";
  const dater = bare ? named.find((r) => r.id === check?.params?.date) : undefined;
  const dated = dater ? `; ${outletName(dater)} dates ${datedFigure(sourceFigure(dater))} to that ${dater.as_of.includes("/") ? "span" : "day"}` : "";
  // a series read from one outlet is that outlet's series ("CoinDesk's series rose from …")
  const seriesOf = kind === "series_bracket" && /^the series /.test(work) && new Set(named.map(outletName)).size === 1 ? named[0] : undefined;
  if (seriesOf) work = work.replace(/^the series /, `${possessive(outletName(seriesOf))} series `);
  const restated = kind === "restatement" && target ? restatementText(ctx, check?.inputs[0] ?? v.claims[0], target, rating, gap) : null;
  const text =
    restated ??
    {
      accurate: bare
        ? `${work}, as ${article} says${dated}.`
        : pair && v.working
          ? `${work}: the two agree.`
          : asserts
            ? `${work}, so a move of ${claimed} sweeps such a position out, as the sentence says.`
            : `${work}, which matches ${claimed}.`,
      accurate_rounded: edge
        ? `${work}: ${claimed} meets that only at the edge of its range.`
        : pair && v.working ? `${work}: the two agree once their rounding and hedges are allowed.` : `${work}; ${claimed} agrees with that once its rounding and hedges are allowed.`,
      inaccurate: bare
        ? `${work}, so ${possessive(article)} sentence does not hold${dated}.`
        : pair && v.working
          ? `${work}: the two cannot both be right, ${gap} apart even allowing for every rounding and hedge.`
          : `${work}, not ${claimed}: off by ${gap} even allowing for every rounding and hedge.`,
      misleading: grazing
        ? `${work}: only the edge of that range reaches ${claimed}, which gives it as the ${printed?.low !== null ? "least" : "most"}.`
        : alt ? `as written, ${claimed} does not hold: ${work}; it holds for another reading: ${(alt as { working?: string }).working ?? alt.statement}.` : `${work}; ${claimed} measures something else.`,
      unverifiable: lone && grazing
        ? `${work}: only the edge of that range reaches ${claimed}. The outside figure it rests on is a single aggregator's (${listWords([...new Set(outsideRows.map(outletName))])}), enough to question the figure but not to call it misleading.`
        : lone && refWords
          ? `${work}, against ${refWords} for the same period: a single aggregator's figure, enough to question ${possessive(article)} figures but not to call them wrong.`
          : lone
            ? `${work}, not ${claimed}, but the outside figures it rests on are a single aggregator's, enough to question ${possessive(article)} figures but not to call them wrong.`
        : rough
          ? `${work}. The rounding of the figures it is built from allows anything from ${spanWords(withRounding)}, too wide to confirm or refute ${claimed}.`
        : loose
          ? `${work}, which leaves room for ${claimed}: only a bound, so the figures do not conflict but cannot confirm it.`
          : v.verdict === "scope_mismatch"
            ? scopeText(work, claimed, scopeReasons(v.reason), target ? ctx.byId.get(target) : undefined, ctx)
            : v.claims.some((id) => ctx.byId.get(id)?.qualifier === "garbled")
              ? `the figures cannot be checked: ${listWords(v.claims.filter((id) => ctx.byId.get(id)?.qualifier === "garbled").map((id) => says(ctx, id)))} is garbled by the machine translation and has more than one reading.`
              : `the figures cannot test ${claimed}: ${withoutIds(v.reason, ctx)}.`,
    }[rating];
  const rest = named.filter((r) => r !== dater && outletName(r) !== (seriesOf && outletName(seriesOf)));
  const outside = rest.length > 0 ? ` Outside figures: ${listWords(rest.map((r) => `${ownedFigure(outletName(r), sourceFigure(r))} (${plainDate(r.as_of)})`))}.` : "";
  return { ...v, rating, explanation: sentence(text) + outside };
}

// ---------------------------------------------------------------------------------------------
// Conflicts: the same quantity in several articles

// figures of different scopes or days do not test each other: the comparison cannot verify them
const CONFLICT_RATING: Record<Conflict["verdict"], Rating> = {
  agree: "accurate",
  agree_within_rounding: "accurate_rounded",
  scope_mismatch: "unverifiable",
  timing_mismatch: "unverifiable",
  contradiction: "inaccurate",
};

function memberWords(ctx: ExplainContext, m: Pick<ConflictMember, "claim" | "article" | "raw" | "as_of">): string {
  const c = ctx.byId.get(m.claim);
  return `${c ? claimFigure(c) : quoted(m.raw)} (${articleName(ctx, m.article)}, ${plainDate(m.as_of)})`;
}

/**
 * A reconciliation group with its rating and explanation.
 * @example rateConflict({ verdict: "timing_mismatch", reason: "", members: [], unit: "pct" }, { articles: [], byId: new Map() }).rating // => "unverifiable"
 */
export function rateConflict<T extends Pick<Conflict, "verdict" | "reason" | "unit"> & { members: readonly (ConflictMember | (Pick<ConflictMember, "claim" | "article" | "raw" | "as_of"> & { qualifier?: string }))[] }>(c: T, ctx: ExplainContext): T & Rated {
  const garbled = c.members.filter((m) => m.qualifier === "garbled");
  if (garbled.length > 0) {
    const list = listWords(c.members.slice(0, 4).map((m) => memberWords(ctx, m)));
    return { ...c, rating: "unverifiable", explanation: sentence(`${list} cannot be compared: ${listWords(garbled.map((m) => quoted(m.raw)))} is garbled by the machine translation and has more than one reading.`) };
  }
  const rating = CONFLICT_RATING[c.verdict];
  const members = c.members.slice(0, 4).map((m) => memberWords(ctx, m));
  const more = c.members.length > 4 ? ` and ${c.members.length - 4} more` : "";
  const list = listWords(members) + more;
  const immaterial = /immaterial amount/.test(c.reason);
  const gapMatch = / are ([\d.e+-]+) \S+(?: \(([^)]+)\))? apart/.exec(c.reason);
  const gap = gapMatch ? `${plainAmount(Number(gapMatch[1]), c.unit)}${gapMatch[2] ? ` (${gapMatch[2]})` : ""}` : "";
  // under 0.5% of the figures, or within the spread of the outside reports (src/domain/reconcile.ts)
  const share = gapMatch?.[2] ? Number(gapMatch[2].replace(/[^\d.]/g, "")) : null;
  const small = /under 0\.5% of the figures/.test(c.reason) || (share !== null && share <= 100 * MATERIAL_RELATIVE);
  // rule 5: figures of different days do not test each other, even when they agree (src/domain/reconcile.ts)
  const days = c.reason.includes("figures of different days among them") ? "; only those of the same day confirm each other" : "";
  const all = c.members.length > 2 ? "all" : "both";
  const text = {
    accurate: `${list} agree with each other as printed (each figure is checked against the record separately)${days}.`,
    accurate_rounded: immaterial
      ? small
        ? `${list} differ by ${gap}, less than half a percent: too small to matter${days}.`
        : `${list} differ by ${gap}, but outside reports of the same figure differ from one another by as much, so the gap does not matter${days}.`
      : `${list} agree with each other once each is read as the rounded or hedged figure it is${days}.`,
    misleading: `${list} measure different things.`,
    unverifiable:
      c.verdict === "timing_mismatch"
        ? / refer to overlapping dates, so they do not test each other/.test(c.reason)
          ? `${list} agree, but they refer to different days, so they do not test each other: their agreement confirms ${c.members.length > 2 ? "none of them" : "neither"}.`
          : `${list} refer to different days, and the quantity moved in between: they do not test each other, and ${all} can be right.`
        : `${list} measure different scopes or stages: they do not test each other, and all can be true together.`,
    inaccurate: `${list} give the same quantity for overlapping dates and cannot all be right${gap ? `: they are ${gap} apart` : ""}.`,
  }[rating];
  return { ...c, rating, explanation: sentence(text) };
}

// ---------------------------------------------------------------------------------------------
// Independent reporting

/**
 * The article's figure with its hedge word, as a reader reads the sentence.
 * @example claimFigure({ raw: "20%", quote: "plunging nearly 20%", hedge: "nearly" }) // => "“nearly 20%”"
 */
export function claimFigure(c: Pick<Claim, "raw" | "quote"> & { hedge?: string }): string {
  const words = (c.hedge ?? "").split(/;\s*/).map((h) => h.trim()).filter((h) => !/^[~+≈\s]*$/.test(h) && !c.raw.toLowerCase().includes(h.toLowerCase()));
  return quoted(words.length > 0 ? `${words.join(" ")} ${c.raw}` : c.raw);
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

/**
 * An independent verdict with its rating and explanation: refined and confirmed-within-rounding
 * claims are "accurate, rounded" (accurate when the source's figure lies inside the printed
 * one); a disputed claim whose figure matches another window, date or instrument is
 * "misleading", otherwise "inaccurate", when the dissent is corroborated (corroboratedDissent), and
 * "cannot be verified" when it rests on one report; a garbled claim cannot be verified.
 * @example rateIndependent({ claim: "c", verdict: "unverified", reason: "", best_source: null, sources: [], gap: null, relative_gap: null, other_measure: null, inside_printed: false }, { articles: [], byId: new Map() }).explanation // => "No independent report of this figure was found."
 */
export function rateIndependent<T extends Pick<IndependentResult, "claim" | "verdict" | "reason" | "best_source" | "sources" | "gap" | "relative_gap" | "other_measure"> & Partial<Pick<IndependentResult, "inside_printed">>>(r: T, ctx: ExplainContext): T & Rated {
  const claim = ctx.byId.get(r.claim);
  const row = (id: string | null) => (id === null ? undefined : ctx.rows?.find((x) => x.id === id));
  const best = row(r.best_source);
  const what = claim ? `${articleName(ctx, claim.article)} says ${claimFigure(claim)}` : "The article's figure";
  // a gap between two percentages is in percentage points; between amounts, a share of the figure
  const unit = (claim as { unit?: string } | undefined)?.unit;
  const gap = r.gap !== null && r.relative_gap !== null && claim ? (unit === "pct" ? `${plainAmount(r.gap, "pct_points")} apart` : `${plainShare(r.relative_gap)} apart`) : "";
  let rating: Rating;
  let text: string;
  if (claim?.qualifier === "garbled") {
    rating = "unverifiable";
    text = `${what}, but the machine translation garbles the figure, so it has more than one reading and cannot be checked.`;
  } else if (r.verdict === "unverified" || !best) {
    rating = "unverifiable";
    const own = r.sources.filter((s) => s.relation === "same_origin");
    const origin = own.length > 0 ? ctx.origins?.find((o) => o.origin === own[0].origin) : undefined;
    const deciding = r.sources.filter((s) => s.relation !== "context" && s.relation !== "same_origin" && s.why === "");
    const rowsOf = (rel: string) => deciding.filter((s) => s.relation === rel).map((s) => row(s.id)).filter((x): x is IndependentRow => x !== undefined);
    const against = rowsOf("disagrees");
    const along = [...rowsOf("consistent"), ...rowsOf("confirms"), ...rowsOf("refines"), ...rowsOf("confirms_within_rounding"), ...rowsOf("close")];
    if (against.length > 0) {
      const sides = against.map(sourceWords);
      text = along.length > 0
        ? `${what}; ${listWords(sourceList(along))}, but ${listWords(sides)}: the reports disagree with one another, so none settles it.`
        : `${what}; ${listWords(sides)}, on both sides of it: they bracket the figure rather than settle it.`;
    } else if (deciding.length > 0) {
      const fits = deciding.map((s) => row(s.id)).filter((x): x is IndependentRow => x !== undefined);
      const groups = sourceGroups(fits);
      // a figure at one end of the range every report gives: "the top of the range of …"
      const [r0] = fits;
      const point = claim?.low !== undefined && claim.low !== null && claim.low === claim.high ? claim.low : null;
      const edge = groups.length === 1 && point !== null && r0.low !== null && r0.high !== null && r0.low < r0.high ? (point === r0.high ? "top" : point === r0.low ? "bottom" : null) : null;
      const g = groups[0];
      text = edge
        ? `${what}, the ${edge} of the range of ${g.figure} that ${g.who} ${g.verb} (${g.when}): it fits, but the reports do not pin it down.`
        : `${what}; ${listWords(sourceList(fits))}, which fits it without pinning it down.`;
    }
    else if (own.length > 0) text = `${what}; the only other reports of it restate its own source${origin ? `, ${origin.name}` : ""}, so no independent record confirms it.`;
    else if (r.sources.some((s) => s.why.startsWith(UNNAMED_DAY_WHY))) text = `${what} but names no day; the reports found each give one day or measure another thing, so none can confirm or dispute it.`;
    else if (r.sources.length > 0) text = `${what}; the reports found measure other things (another window, date, instrument or measure), so none can confirm or dispute it.`;
    else text = "No independent report of this figure was found.";
  } else if (r.verdict === "disputed") {
    const other = row(r.other_measure);
    if (other && corroboratedDissent(r.sources)) {
      rating = "misleading";
      text = `${what}, but ${sourceWords(best)}, ${gap}. The article's number fits another measure or date: ${sourceWords(other)}.`;
    } else if (other) {
      rating = "unverifiable";
      text = `${what}; ${sourceWords(best)}, ${gap}, but ${sourceWords(other)}. A single source disputes the article's figure, too little to call it misleading: its number may describe that other measure or date.`;
    } else if (corroboratedDissent(r.sources)) {
      rating = "inaccurate";
      // the other reports that disagree, wire and primary first: the corroboration a reader is owed
      const rank = (t: string) => (t === "primary" ? 0 : t === "wire" ? 1 : 2);
      const others = r.sources
        .filter((s) => s.relation === "disagrees" && s.id !== best.id)
        .sort((x, y) => rank(x.tier) - rank(y.tier))
        .slice(0, 2)
        .map((s) => row(s.id))
        .filter((x): x is IndependentRow => x !== undefined);
      const also = others.length > 0 ? `; ${listWords(others.map(sourceWords))}` : "";
      text = `${what}, but ${sourceWords(best)}, ${gap}${also}. No independent report supports the article's figure.`;
    } else {
      rating = "unverifiable";
      text = `${what}, but ${sourceWords(best)}, ${gap}. That is a single source's figure, and no other independent report settles it: enough to question the article's figure, not to call it wrong.`;
    }
  } else {
    const close = r.sources.find((s) => s.id === best.id)?.relation === "close";
    // a precise figure inside a printed range or bound is simply accurate; inside a rounded figure, "accurate, rounded"
    const inside = r.verdict === "confirmed" || (r.verdict === "refined" && r.inside_printed && ["range", "over", "under"].includes(claim?.qualifier ?? ""));
    rating = inside ? "accurate" : "accurate_rounded";
    const bound = ["range", "over", "under"].includes(claim?.qualifier ?? "");
    const small = r.relative_gap !== null && r.relative_gap <= MATERIAL_RELATIVE;
    const hedge = (claim?.hedge ?? "").split(/;\s*/)[0].trim();
    if (close) text = small ? `${what}; ${sourceWords(best)}, ${gap}: less than half a percent, too small to matter.` : `${what}; ${sourceWords(best)}, ${gap}, but other reports of it differ from one another by as much, so the gap does not matter.`;
    else if (r.verdict === "refined" && inside) text = `${what}; ${sourceWords(best)}, which lies within the article's figure.`;
    else if (r.verdict === "refined" && bound) {
      // "below $60,000" against $60,008.52; "more than 10%" against exactly 10%: a round figure's bound is loose
      const side = claim?.qualifier === "under" ? ["above", "less"] : claim?.qualifier === "over" ? ["below", "more"] : ["outside", "other"];
      text = r.gap !== null && r.gap > 0
        ? `${what}; ${sourceWords(best)}, just ${side[0]} it (by ${gap.replace(/ apart$/, "")}), close enough for a round figure.`
        : `${what}; ${sourceWords(best)}: exactly ${claim?.raw ?? "the article's figure"}${side[1] === "other" ? "" : `, not ${side[1]}`}, close enough for a round figure.`;
    } else if (r.verdict === "refined" && claim?.qualifier === "nearly" && hedge !== "" && !/^[~≈]+$/.test(hedge)) text = `${what}; ${sourceWords(best)}, which the article's “${hedge}” allows for.`;
    else if (r.verdict === "refined") text = `${what}; ${sourceWords(best)}, the precise figure the article rounds.`;
    else if (r.verdict === "confirmed") text = `${what}; ${sourceWords(best)}.`;
    else text = `${what}; ${sourceWords(best)}, which agrees once both figures' rounding and hedges are allowed.`;
  }
  return { ...r, rating, explanation: sentence(text) };
}
