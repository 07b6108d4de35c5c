/**
 * A check's rating and plain explanation (rateCheck): the article's own arithmetic, rated on the
 * reader's scale with the rules of data/README.md ("How a verdict is decided": what the sentence
 * asserts, a correction needs corroboration, a check must be able to fail). Re-exported by
 * src/domain/explain.ts, which rates reconciliations and independent verdicts.
 */
import type { Bounds, CheckVerdict } from "./checks";
import type { Rated, Rating } from "./ratings";
import { plainAmount, plainDate, plainRange, plainShare } from "./wording";
import { datedFigure, outletName, ownedFigure, placeWords, possessive, scopeKind, sourceFigure } from "./explain-phrases";
import { isStrictHedge } from "./hedges";
import { boundOnly, edgeOnly, grazes, tooRough } from "./check-strength";
import { allowanceWords, articleName, claimFigure, corroboratedDissent, listWords, owned, says, sentence, withoutIds, type ExplainContext } from "./explain-common";
import { sourceHedgeInput } from "./sources";
import type { IndependentRow } from "../data/independent-file";

/** True when two JSON bounds (null = open) share a value. */
function boundsOverlap(a: { low: number | null; high: number | null }, b: { low: number | null; high: number | null }): boolean {
  const lo = (x: number | null) => x ?? -Infinity;
  const hi = (x: number | null) => x ?? Infinity;
  const eps = 1e-9 * Math.max(1, ...[a.low, a.high, b.low, b.high].filter((x): x is number => x !== null).map(Math.abs));
  return lo(a.low) <= hi(b.high) + eps && lo(b.low) <= hi(a.high) + eps;
}

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
 * A figure a check reads, for the words of what its rounding allows (allowanceWords): a claim's
 * hedge, or the hedge word an outside figure's quote prints ("r094:147" is the row's 147).
 */
function hedged(ctx: ExplainContext, id: string): { hedge?: string } {
  const c = ctx.byId.get(id);
  if (c) return c;
  const [rowId, token] = id.split(":");
  const row = ctx.rows?.find((r) => r.id === rowId);
  if (!row) return {};
  const value = token === undefined ? NaN : Number(token.split("@")[0]);
  return sourceHedgeInput(Number.isNaN(value) ? row : { ...row, low: value, high: value });
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
  if (rating === "accurate_rounded") return `${lead} restates ${at(px, x)} ${allowanceWords([t, x])}.`;
  if (rating === "inaccurate") return `${lead} does not match ${at(px, x)}: they are ${gap} apart even ${allowanceWords([t, x], "allowing")}.`;
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
  // a row of data/independent.csv by its id, or by a token that names another number of its quote ("r144:241749@2009-01")
  const rowOf = (token: string) => ctx.rows?.find((r) => r.id === token.split(":")[0]);
  const refRow = refToken ? rowOf(refToken) : undefined;
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
  const named = inputs.map(rowOf).filter((r): r is IndependentRow => r !== undefined);
  // rule 8: outside figures that are one aggregator's question the article's figures, they do not correct them
  const outsideRows = [refRow, ...(v.sources ?? []).map(rowOf)].filter((r): r is IndependentRow => r !== undefined);
  const lone = (rating === "inaccurate" || rating === "misleading") && outsideRows.length > 0 && !corroboratedDissent(outsideRows.map((r) => ({ relation: "disagrees", tier: r.tier, origin: r.origin })));
  if (lone) rating = "unverifiable";
  const dater = bare ? named.find((r) => r.id === check?.params?.date) : undefined;
  const dated = dater ? `; ${outletName(dater)} dates ${datedFigure(sourceFigure(dater))} to that ${dater.as_of.includes("/") ? "span" : "day"}` : "";
  // a series read from one outlet is that outlet's series ("CoinDesk's series rose from …")
  const seriesOf = kind === "series_bracket" && /^the series /.test(work) && new Set(named.map(outletName)).size === 1 ? named[0] : undefined;
  if (seriesOf) work = work.replace(/^the series /, `${possessive(outletName(seriesOf))} series `);
  // what the agreement allows for: the tested figure's own rounding when that covers the result, else every figure's
  const all = [...(check ? check.inputs : v.claims.slice(0, -1)), ...(target ? [target] : refToken ? [refToken] : [])].map((id) => hedged(ctx, id));
  const own = target !== null && ctx.byId.has(target) && v.claimed !== null && !pair && boundsOverlap(v.claimed, v.computed);
  const allowed = allowanceWords(own ? [hedged(ctx, target!)] : all);
  const allowingAll = allowanceWords(all, "allowing");
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
        : pair && v.working ? `${work}: the two agree ${allowed}.` : `${work}; ${claimed} agrees with that ${allowed}.`,
      inaccurate: bare
        ? `${work}, so ${owned(article, "sentence")} does not hold${dated}.`
        : pair && v.working
          ? `${work}: the two cannot both be right, ${gap} apart even ${allowingAll}.`
          : `${work}, not ${claimed}: off by ${gap} even ${allowingAll}.`,
      misleading: grazing
        ? `${work}: only the edge of that range reaches ${claimed}, which gives it as the ${printed?.low !== null ? "least" : "most"}.`
        : alt ? `as written, ${claimed} does not hold: ${work}; it holds for another reading: ${(alt as { working?: string }).working ?? alt.statement}.` : `${work}; ${claimed} measures something else.`,
      unverifiable: lone && grazing
        ? `${work}: only the edge of that range reaches ${claimed}. The outside figure it rests on is a single aggregator's (${listWords([...new Set(outsideRows.map(outletName))])}), enough to question the figure but not to call it misleading.`
        : lone && refWords
          ? `${work}, against ${refWords} for the same period: a single aggregator's figure, enough to question ${owned(article, "figures")} but not to call them wrong.`
          : lone
            ? `${work}, not ${claimed}, but the outside figures it rests on are a single aggregator's, enough to question ${owned(article, "figures")} but not to call them wrong.`
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
  // figures of two articles that agree show the articles consistent, not right: say so where no outside figure is read
  const articles = new Set(v.claims.map((id) => ctx.byId.get(id)?.article).filter((x) => x !== undefined));
  const across = articles.size > 1 && outsideRows.length === 0 && !v.reference && (rating === "accurate" || rating === "accurate_rounded");
  const record = across ? ` The ${["two", "three", "four", "five"][articles.size - 2] ?? articles.size} articles agree with each other; each figure is checked against the record separately.` : "";
  return { ...v, rating, explanation: sentence(text) + outside + record };
}
