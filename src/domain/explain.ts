/**
 * Plain-language ratings and explanations for every verdict (the scale is in src/domain/ratings.ts).
 * Attached once in `loadAnalysis`, so the JSON files, the notebooks and the pages all show the
 * same words. An explanation is one or two sentences: what the article says, what the record
 * shows (source named), why the rating; no interval notation, no claim ids, no unit ids. Checks
 * are rated in explain-check.ts, what all three share is in explain-common.ts.
 */
import type { IndependentResult } from "./independent";
import type { Conflict, ConflictMember } from "./reconcile";
import type { Rated, Rating } from "./ratings";
import { plainAmount, plainDate, plainShare, quoted } from "./wording";
import { outletName, sourceFigure, sourceGroups, sourceList, sourceWords } from "./explain-phrases";
import { MATERIAL_RELATIVE } from "./materiality";
import { UNNAMED_DAY_WHY } from "./sources";
import { allowanceWords, articleName, hedgeWords, claimFigure, claimSays, corroboratedDissent, listWords, sentence, type ExplainContext } from "./explain-common";
import { sourceHedgeInput } from "./sources";
import type { IndependentRow } from "../data/independent-file";

export { possessive } from "./explain-phrases";
export { boundOnly } from "./check-strength";
export { rateCheck, spanWords } from "./explain-check";
export { articleName, claimFigure, corroboratedDissent, withoutIds, type ExplainContext } from "./explain-common";

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
  // "A, B, C, D and 2 more": one "and", before what is left out
  const list = c.members.length > 4 ? `${members.join(", ")} and ${c.members.length - 4} more` : listWords(members);
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
      : `${list} agree with each other ${allowanceWords(c.members.map((m) => ctx.byId.get(m.claim) ?? {}))}${days}.`,
    misleading: `${list} measure different things.`,
    unverifiable:
      c.verdict === "timing_mismatch"
        ? / refer to overlapping dates, so they do not test each other/.test(c.reason)
          ? `${list} agree, but they refer to different days, so they do not test each other: their agreement confirms ${c.members.length > 2 ? "none of them" : "neither"}.`
          : `${list} refer to different days, and the quantity may have moved in between: they do not test each other, and ${all} can be right.`
        : `${list} measure different scopes or stages: they do not test each other, and all can be true together.`,
    inaccurate: `${list} give the same quantity for overlapping dates and cannot all be right${gap ? `: they are ${gap} apart` : ""}.`,
  }[rating];
  return { ...c, rating, explanation: sentence(text) };
}

// ---------------------------------------------------------------------------------------------
// Independent reporting

/**
 * Why no report can check a forecast, a level to watch or a worked example; null for a figure of fact.
 * @example opinionText({ window: "scenario", subject: "leverage_example", metric: "principal" }) // => "A worked example, not a fact any report could confirm."
 * @example opinionText({ window: "point", subject: "BTC", metric: "support_level" }) // => "A forecast or a level to watch, not a fact any report could confirm."
 * @example opinionText({ window: "session", subject: "BTC", metric: "low" }) // => null
 */
export function opinionText(claim: { window?: string; subject?: string; metric?: string } | undefined): string | null {
  if (claim?.window === "scenario" && claim.subject === "leverage_example") return "A worked example, not a fact any report could confirm.";
  if (claim?.window === "scenario" || /^(support_level|resistance_level|target_range)$/.test(claim?.metric ?? "")) return "A forecast or a level to watch, not a fact any report could confirm.";
  return null;
}

/**
 * Which side of the article's figure a disputing source lies, when both are positive amounts:
 * "below" or "above" (null when either is open, negative or they straddle).
 * @example disputeSide({ low: 7, high: 7 }, { low: 3.79, high: 3.79 }) // => "below"
 * @example disputeSide({ low: -2, high: -2 }, { low: -1, high: -1 }) // => null
 */
export function disputeSide(claim: { low?: number | null; high?: number | null } | undefined, source: { low: number | null; high: number | null } | undefined): "below" | "above" | null {
  if (!claim || !source) return null;
  const [cl, ch, sl, sh] = [claim.low ?? null, claim.high ?? null, source.low, source.high];
  if (cl === null || ch === null || sl === null || sh === null || Math.min(cl, sl) <= 0) return null;
  return sh < cl ? "below" : sl > ch ? "above" : null;
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
  const what = claim ? claimSays(ctx, claim) : "The article's figure";
  // a gap between two percentages is in percentage points; between amounts, a share of the figure
  const unit = (claim as { unit?: string } | undefined)?.unit;
  const gap = r.gap !== null && r.relative_gap !== null && claim ? (unit === "pct" ? `${plainAmount(r.gap, "pct_points")} apart` : `${plainShare(r.relative_gap)} apart`) : "";
  // a dispute says which way: "46% below the article's figure" (amounts that are both positive)
  const side = disputeSide(claim, best);
  // a span of time ("since October 2025" against "17-Year") is set against the figure as printed: no share of it
  const span = unit === "years" || unit === "months" || unit === "days";
  const against = span ? "" : `, ${side && unit !== "pct" && r.relative_gap !== null ? `${plainShare(r.relative_gap)} ${side} the article's figure` : gap}`;
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
    else text = opinionText(claim) ?? "No independent report of this figure was found.";
  } else if (r.verdict === "disputed") {
    const other = row(r.other_measure);
    if (other && corroboratedDissent(r.sources)) {
      rating = "misleading";
      text = `${what}, but ${sourceWords(best)}${against}. The article's number fits another measure or date: ${sourceWords(other)}.`;
    } else if (other) {
      rating = "unverifiable";
      text = `${what}; ${sourceWords(best)}${against}, but ${sourceWords(other)}. A single source disputes the article's figure, too little to call it misleading: its number may describe that other measure or date.`;
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
      text = `${what}, but ${sourceWords(best)}${against}${also}. No independent report supports the article's figure.`;
    } else {
      rating = "unverifiable";
      text = `${what}, but ${sourceWords(best)}${against}. That is a single source's figure, and no other independent report settles it: enough to question the article's figure, not to call it wrong.`;
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
        ? `${what}; ${sourceWords(best)}, just ${side[0]} it (by ${unit && unit !== "pct" ? plainAmount(r.gap, unit, 3) : gap.replace(/ apart$/, "")}), close enough for a round figure.`
        : `${what}; ${sourceWords(best)}: the round figure itself${side[1] === "other" ? "" : `, not ${side[1]}`}, close enough.`;
    } else if (r.verdict === "refined" && claim?.qualifier === "nearly" && hedge !== "" && !/^[~≈]+$/.test(hedge)) text = `${what}; ${sourceWords(best)}, which the article's “${hedge}” allows for.`;
    else if (r.verdict === "refined") text = `${what}; ${sourceWords(best)}, the precise figure the article rounds.`;
    else if (r.verdict === "confirmed") text = `${what}; ${sourceWords(best)}.`;
    else {
      // the source's hedge word, when its figure as shown leaves it out ("“$71,000”" of "near $71,000"), is said with its name
      const source = sourceHedgeInput(best);
      const shown = hedgeWords(source.hedge).every((w) => sourceFigure(best).toLowerCase().includes(w));
      text = `${what}; ${sourceWords(best)}, which agrees ${allowanceWords([claim ?? {}, shown ? source : { ...source, owner: outletName(best) }])}.`;
    }
  }
  return { ...r, rating, explanation: sentence(text) };
}
