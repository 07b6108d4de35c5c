/**
 * The articles against independent reporting (src/domain/independent.ts) as a reader sees it:
 * per-article shares of the verdicts, disputed figures grouped with the sources that dispute
 * them, who prints a figure, figures no source prints, known outliers and sources that relay one
 * origin.
 *
 * Pure and deterministic; HTML built here escapes every piece of data, links are anchors with an
 * escaped href.
 */
import type { Analysis } from "../domain/analysis";
import { escapeHtml, formatNumber, tableHtml, type TableColumn } from "../render/html";
import { percentOf, roundSig } from "../render/format";
import { INDEPENDENT_VERDICTS, type IndependentResult, type IndependentVerdict, type Relation } from "../domain/independent";
import { isKnownOutlier, sourceHedgeInput } from "../domain/sources";
import { type IndependentRow } from "../data/independent-file";
import { convertInterval } from "../domain/units";
import { distance } from "../domain/intervals";
import { nominalInterval } from "../domain/hedges";
import { extractNumericTokens } from "../data/numbers";
import type { Claim } from "../data/types";
import { articleOrder, comparableUnits, independentVerdictOf, sourceTierRank } from "./shared";

// ---------------------------------------------------------------------------------------------
// Independent verdicts per article


/** One (article, verdict) count with its share of the article's figures. */
export interface VerdictShare {
  article: string;
  verdict: IndependentVerdict;
  count: number;
  /** Whole percent of the article's figures. */
  share: number;
}

/**
 * Per article and independent verdict, how many of the article's figures got it and their share
 * (whole percent); every verdict listed, zeros included; articles in data/articles.csv order.
 * With `comparedOnly`, only the figures compared with at least one independent figure of the
 * same quantity count. Long form, for verdictBarChart (`count: "count"`).
 */
export function independentShares(analysis: Pick<Analysis, "ledger" | "independent">, options: { comparedOnly?: boolean } = {}): VerdictShare[] {
  const compared = new Set(analysis.independent.filter((r) => r.sources.some((s) => s.relation !== "context")).map((r) => r.claim));
  const out: VerdictShare[] = [];
  for (const article of articleOrder(analysis)) {
    const claims = analysis.ledger.claims.filter((c) => c.article === article && (!options.comparedOnly || compared.has(c.id)));
    for (const verdict of INDEPENDENT_VERDICTS) {
      const count = claims.filter((c) => independentVerdictOf(analysis.independent, c.id) === verdict).length;
      out.push({ article, verdict, count, share: percentOf(count, claims.length) });
    }
  }
  return out;
}

/**
 * independentShares as one row per article: figures, then "n (p%)" per verdict.
 * @example shareTable([{ article: "a", verdict: "confirmed", count: 1, share: 25 }, { article: "a", verdict: "unverified", count: 3, share: 75 }]) // => [{ article: "a", figures: 4, confirmed: "1 (25%)", unverified: "3 (75%)" }]
 */
export function shareTable(shares: readonly VerdictShare[]): Record<string, string | number>[] {
  const rows = new Map<string, Record<string, string | number>>();
  for (const s of shares) {
    const row = rows.get(s.article) ?? { article: s.article, figures: 0 };
    row.figures = (row.figures as number) + s.count;
    row[s.verdict] = `${formatNumber(s.count)} (${s.share}%)`;
    rows.set(s.article, row);
  }
  return [...rows.values()];
}


// ---------------------------------------------------------------------------------------------
// Disputed figures, grouped with their sources

/** A linked source compared with a claim: the row and how it relates. */
export interface ComparedSource {
  row: IndependentRow;
  relation: Relation;
  /** The source's effective interval in the claim's unit (or its own unit for context), as the verdict states it. */
  interval: string;
  /** Why a context source is not compared; "" when comparable. */
  why: string;
}

/** Disputed figures measuring one quantity against the same comparable sources. */
export interface DisputeGroup {
  /** `subject.metric.window` of the claims. */
  id: string;
  claims: Claim[];
  results: IndependentResult[];
  /** The comparable sources, strongest tier first, then dissent first, then id. */
  sources: ComparedSource[];
  /** The source that decides the dispute (the first claim's). */
  best: IndependentRow;
  /** The largest gap between a disputed figure and the deciding source, as printed, as a share of the figure (0.35 = 35%). */
  relativeGap: number;
}

/**
 * The distance between a claim's printed meaning and a source's printed figure, as a share of the
 * claim's magnitude (its largest finite bound); 0 when they overlap.
 * @example relativeGapOf({ low: 7, high: 7, qualifier: "approx", raw: "US$7 billion", unit: "USD_bn", hedge: "approximately" }, { low: 3.5, high: 3.5, unit: "USD_bn", quote: "pulled $3.5 billion" }) // => 0.5
 */
export function relativeGapOf(
  claim: Pick<Claim, "low" | "high" | "qualifier" | "raw" | "unit" | "hedge">,
  source: Pick<IndependentRow, "low" | "high" | "unit" | "quote">,
): number {
  const c = nominalInterval(claim);
  if (!comparableUnits(source.unit, claim.unit)) return 0;
  const s = convertInterval(nominalInterval(sourceHedgeInput(source)), source.unit, claim.unit);
  const ref = Math.max(0, ...[c.low, c.high].filter(Number.isFinite).map(Math.abs));
  return ref === 0 ? 0 : roundSig(distance(s, c) / ref, 6);
}

const RELATION_ORDER: readonly Relation[] = ["disagrees", "refines", "confirms", "confirms_within_rounding", "consistent", "context"];

/**
 * The disputed claims grouped by quantity (subject, metric, window) and the set of comparable
 * sources they were weighed against, with those sources (strongest tier first) and the largest
 * relative gap to the deciding source. Groups in ledger order of their first claim.
 */
export function disputeGroups(analysis: Pick<Analysis, "ledger" | "independent" | "independentRows">): DisputeGroup[] {
  const rowById = new Map(analysis.independentRows.map((r) => [r.id, r]));
  const groups = new Map<string, DisputeGroup>();
  for (const claim of analysis.ledger.claims) {
    const result = analysis.independent.find((r) => r.claim === claim.id);
    if (!result || result.verdict !== "disputed") continue;
    const comparable = result.sources.filter((s) => s.relation !== "context");
    const id = `${claim.subject}.${claim.metric}.${claim.window}`;
    const key = `${id} ${comparable.map((s) => s.id).join(" ")}`;
    const best = rowById.get(result.best_source!)!;
    const gap = relativeGapOf(claim, best);
    const g = groups.get(key);
    if (g) {
      g.claims.push(claim);
      g.results.push(result);
      g.relativeGap = Math.max(g.relativeGap, gap);
      continue;
    }
    const sources = comparable
      .map((s) => ({ row: rowById.get(s.id)!, relation: s.relation, interval: s.interval, why: s.why }))
      .sort(
        (a, b) =>
          sourceTierRank(b.row.tier) - sourceTierRank(a.row.tier) ||
          RELATION_ORDER.indexOf(a.relation) - RELATION_ORDER.indexOf(b.relation) ||
          (a.row.id < b.row.id ? -1 : 1),
      );
    groups.set(key, { id, claims: [claim], results: [result], sources, best, relativeGap: gap });
  }
  return [...groups.values()];
}

/**
 * A source's page as an HTML anchor showing its host name (href and text escaped; opens in a new tab).
 * @example sourceLink({ url: "https://www.reuters.com/markets/x?a=1&b=2" }) // => '<a href="https://www.reuters.com/markets/x?a=1&amp;b=2" target="_blank" rel="noopener noreferrer">www.reuters.com</a>'
 */
export function sourceLink(row: Pick<IndependentRow, "url">): string {
  let host = row.url;
  try {
    host = new URL(row.url).hostname;
  } catch {
    // keep the whole URL as the text
  }
  return `<a href="${escapeHtml(row.url)}" target="_blank" rel="noopener noreferrer">${escapeHtml(host)}</a>`;
}

/** How a source compares with a claim, in words. */
export const RELATION_WORDS: Readonly<Record<Relation, string>> = {
  refines: "refines",
  confirms: "confirms",
  confirms_within_rounding: "confirms within rounding",
  consistent: "consistent, does not pin it",
  disagrees: "disagrees",
  close: "close: an immaterial gap",
  same_origin: "restates the article's own source",
  context: "context",
};

/**
 * A dispute as an HTML table, the article side beside the independent side (every piece
 * escaped): left, each disputed figure with its article, claim id, date and verbatim quote;
 * right, each comparable source with outlet, tier, date, how it compares, its figure, its verbatim
 * quote and a link to the page.
 */
export function disputeHtml(g: DisputeGroup): string {
  const quote = (q: string) => `<blockquote style="margin:4px 0 10px 0;padding-left:8px;border-left:3px solid #CCCCCC">${escapeHtml(q)}</blockquote>`;
  const left = g.claims
    .map(
      (c) =>
        `<div style="font-weight:600">${escapeHtml(c.raw)} <span style="font-weight:400;color:#666666;font-size:12px">${escapeHtml(c.article)} · ${escapeHtml(c.id)} · as of ${escapeHtml(c.as_of)}</span></div>` +
        quote(c.quote),
    )
    .join("");
  const right = g.sources
    .map(
      ({ row, relation, interval: iv }) =>
        `<div><b>${escapeHtml(row.outlet)}</b> <span style="color:#666666;font-size:12px">${escapeHtml(row.id)} · ${escapeHtml(row.tier)} · as of ${escapeHtml(row.as_of)}` +
        `${row.published ? ` · published ${escapeHtml(row.published)}` : ""} · ${escapeHtml(RELATION_WORDS[relation])} · ${escapeHtml(iv)}</span> ${sourceLink(row)}</div>` +
        quote(row.quote),
    )
    .join("");
  return tableHtml([{ left, right }], {
    columns: [
      { key: "left", label: "the articles say", html: true },
      { key: "right", label: "independent sources say", html: true },
    ],
    caption: `${g.id}: ${g.claims.length} disputed figure${g.claims.length === 1 ? "" : "s"} against ${g.sources.length} comparable source${g.sources.length === 1 ? "" : "s"}`,
  });
}


// ---------------------------------------------------------------------------------------------
// Who prints a figure

/**
 * The independent rows that print `value` (in `unit`): a stored bound equal to it after unit
 * conversion, or a number in the quote whose digits read as it (commas ignored).
 * @example printedBy([{ id: "r1", low: 60008.52, high: 60008.52, unit: "USD", quote: "a low of $60,008.52" }, { id: "r2", low: 71000, high: 71000, unit: "USD", quote: "near $71,000 after a low of roughly $60,000" }], 60000, "USD") // => ["r2"]
 */
export function printedBy(rows: readonly Pick<IndependentRow, "id" | "low" | "high" | "unit" | "quote">[], value: number, unit: string): string[] {
  return rows
    .filter((r) => {
      if (comparableUnits(r.unit, unit)) {
        const k = convertInterval({ low: 1, high: 1 }, r.unit, unit).low;
        if ([r.low, r.high].some((x) => x !== null && Math.abs(x * k - value) <= 1e-9 * Math.max(1, Math.abs(value)))) return true;
      }
      return extractNumericTokens(r.quote).some((t) => Number(t.text.replace(/,/g, "")) === Math.abs(value));
    })
    .map((r) => r.id);
}

/** A precise figure that no independent source prints, with the comparable sources that give the quantity. */
export interface UnprintedFigure {
  claim: Claim;
  /** Comparable sources linked to the claim (same quantity), nearest figure first. */
  nearest: { row: IndependentRow; printed: string; gap: number }[];
}

/**
 * Exact single figures of the ledger that no row of data/independent.csv prints (see printedBy)
 * and that every comparable source contradicts (none agrees even with rounding), although at
 * least one gives the same quantity: figures found in no independent source. Nearest comparable
 * source first; claims in ledger order.
 */
export function unprintedFigures(analysis: Pick<Analysis, "ledger" | "independent" | "independentRows">): UnprintedFigure[] {
  const rowById = new Map(analysis.independentRows.map((r) => [r.id, r]));
  const out: UnprintedFigure[] = [];
  for (const c of analysis.ledger.claims) {
    if (c.qualifier !== "exact" || c.low === null || c.low !== c.high) continue;
    const result = analysis.independent.find((r) => r.claim === c.id);
    const compared = (result?.sources ?? []).filter((s) => s.relation !== "context");
    if (compared.length === 0 || compared.some((s) => s.relation !== "disagrees") || printedBy(analysis.independentRows, c.low, c.unit).length > 0) continue;
    const comparable = compared.map((s) => rowById.get(s.id)!);
    const claimIv = nominalInterval(c);
    const nearest = comparable
      .map((row) => ({ row, printed: sourceHedgeInput(row).raw, gap: roundSig(distance(convertInterval(nominalInterval(sourceHedgeInput(row)), row.unit, c.unit), claimIv), 6) }))
      .sort((a, b) => a.gap - b.gap || (a.row.id < b.row.id ? -1 : 1));
    out.push({ claim: c, nearest });
  }
  return out;
}

/** The columns of nearestTableRows (`source` is an escaped link). */
export const NEAREST_COLUMNS: readonly TableColumn[] = [
  { key: "id" },
  { key: "outlet" },
  { key: "tier" },
  { key: "as_of", label: "as of" },
  { key: "printed", label: "figure as printed" },
  { key: "gap", label: "away from the article" },
  { key: "source", label: "page", html: true },
];

/** An unprinted figure's comparable sources as table rows, nearest first (gap in the claim's unit). */
export function nearestTableRows(u: UnprintedFigure): Record<string, string>[] {
  return u.nearest.map((n) => ({
    id: n.row.id,
    outlet: n.row.outlet,
    tier: n.row.tier,
    as_of: n.row.as_of,
    printed: n.printed,
    gap: `${formatNumber(n.gap)} ${u.claim.unit}`,
    source: sourceLink(n.row),
  }));
}


/**
 * The ids of rows whose quote, outlet or note names `needle` (case-insensitive): the sources that
 * trace to one origin (a bank note, a data provider).
 * @example sourcesNaming([{ id: "r1", quote: "Deutsche Bank noted", outlet: "x", note: "" }, { id: "r2", quote: "SoSoValue data", outlet: "y", note: "" }], "deutsche bank") // => ["r1"]
 */
export function sourcesNaming(rows: readonly Pick<IndependentRow, "id" | "quote" | "outlet" | "note">[], needle: string): string[] {
  const n = needle.toLowerCase();
  return rows.filter((r) => `${r.quote}\n${r.outlet}\n${r.note}`.toLowerCase().includes(n)).map((r) => r.id);
}

