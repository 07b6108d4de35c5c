/**
 * What the sources say day by day: dated timelines of the independent figures linked to some
 * claims (to see a figure that belongs to another day or scope), as table rows and forest-plot
 * rows, and a comparison of monthly flows against sources covering the same spans.
 *
 * Pure and deterministic; links are escaped anchors (sourceLink).
 */
import type { Analysis } from "../domain/analysis";
import type { ClaimLike } from "../charts/rows";
import { asOfSpan } from "../data/dates";
import type { TableColumn } from "../render/html";
import { roundSig } from "../render/format";
import { sourceHedgeInput } from "../domain/sources";
import { type IndependentRow } from "../data/independent-file";
import { type Relation } from "../domain/independent";
import { convertInterval } from "../domain/units";
import { effectiveInterval } from "../domain/hedges";
import { formatInterval, interval, overlaps } from "../domain/intervals";
import type { Claim, Interval } from "../data/types";
import { RELATION_WORDS, sourceLink, sourcesNaming } from "./disputes";
import { comparableUnits, distinct } from "./shared";

// ---------------------------------------------------------------------------------------------
// Timelines: what the sources say, day by day

/** One source on a timeline, with the claims its figure matches. */
export interface TimelineEntry {
  row: IndependentRow;
  /** The figure as the source prints it ("4.77 percent"), from its quote. */
  printed: string;
  /** The source's effective interval in `unit`. */
  interval: Interval;
  unit: string;
  /** Claims (of those asked about) whose effective interval shares a value with the source's, whatever the day. */
  matches: string[];
  /** How the source compares with each claim it is linked to (context when another day, window or metric). */
  relations: Record<string, Relation>;
}

/**
 * Every independent figure linked to any of the claims and measuring the same subject and metric
 * (in a unit of the same dimension), in the first claim's unit, by date then id: what the sources
 * say day by day, and which claims each figure would match if the day were ignored.
 * @throws Error for an unknown claim id.
 */
export function sourceTimeline(analysis: Pick<Analysis, "ledger" | "independent" | "independentRows">, claimIds: readonly string[]): TimelineEntry[] {
  const claims = claimIds.map((id) => {
    const c = analysis.ledger.byId.get(id);
    if (!c) throw new Error(`sourceTimeline: unknown claim ${id}`);
    return c;
  });
  const unit = claims[0].unit;
  const rows = analysis.independentRows.filter(
    (r) => r.claims.some((id) => claimIds.includes(id)) && r.subject === claims[0].subject && r.metric === claims[0].metric && comparableUnits(r.unit, unit),
  );
  return rows
    .map((row) => {
      const h = sourceHedgeInput(row);
      const iv = convertInterval(effectiveInterval(h), row.unit, unit);
      const relations: Record<string, Relation> = {};
      for (const c of claims) {
        const s = analysis.independent.find((r) => r.claim === c.id)?.sources.find((x) => x.id === row.id);
        if (s) relations[c.id] = s.relation;
      }
      const matches = claims.filter((c) => overlaps(convertInterval(effectiveInterval(c), c.unit, unit), iv)).map((c) => c.id);
      return { row, printed: h.raw, interval: stripFlags(iv), unit, matches, relations };
    })
    .sort((a, b) => (a.row.as_of < b.row.as_of ? -1 : a.row.as_of > b.row.as_of ? 1 : a.row.id < b.row.id ? -1 : 1));
}

function stripFlags(iv: Interval): Interval {
  return interval(iv.low, iv.high, iv.lowOpen, iv.highOpen);
}

/**
 * The first day of an as_of ("2026-02-02" of "2026-02-02/2026-02-06").
 * @example firstDay("2025-11-01/2026-01-31") // => "2025-11-01"
 */
export function firstDay(asOf: string): string {
  return asOf.split("/")[0];
}

/** Per day (first day of as_of) of a timeline: the sources and the range of their figures. */
export interface TimelineDay {
  day: string;
  ids: string[];
  /** Smallest and largest of the sources' figures that day, as stored (in the source's own unit). */
  low: number | null;
  high: number | null;
  /** The source ids whose figure matches a claim. */
  matching: string[];
}

/**
 * A timeline summed up per day: which sources, the span of their figures as stored (as printed,
 * signed like the ledger), which of them match a claim (ignoring the day). Days in order.
 * @example timelineByDay([{ row: { id: "r1", as_of: "2026-02-02", low: -5.3, high: -5.3 }, matches: ["c"] }, { row: { id: "r2", as_of: "2026-02-02", low: -4.94, high: -4.94 }, matches: [] }]) // => [{ day: "2026-02-02", ids: ["r1", "r2"], low: -5.3, high: -4.94, matching: ["r1"] }]
 */
export function timelineByDay(entries: readonly (Pick<TimelineEntry, "matches"> & { row: Pick<IndependentRow, "id" | "as_of" | "low" | "high"> })[]): TimelineDay[] {
  const days = new Map<string, TimelineDay>();
  for (const e of entries) {
    const day = firstDay(e.row.as_of);
    const d = days.get(day) ?? { day, ids: [], low: null, high: null, matching: [] };
    d.ids.push(e.row.id);
    for (const x of [e.row.low, e.row.high].filter((v): v is number => v !== null)) {
      d.low = d.low === null ? x : Math.min(d.low, x);
      d.high = d.high === null ? x : Math.max(d.high, x);
    }
    if (e.matches.length > 0) d.matching.push(e.row.id);
    days.set(day, d);
  }
  return [...days.values()].sort((a, b) => (a.day < b.day ? -1 : 1));
}

/**
 * Forest-plot rows for intervalChart: the claims first (colour = their article), then the
 * timeline's sources (colour = "<tier> source"), each labelled "<figure> · <id> · <as of>" (the
 * hover gives the outlet and the quote).
 */
export function timelineChartRows(claims: readonly Claim[], timeline: readonly TimelineEntry[]): { rows: ClaimLike[]; labels: Record<string, string> } {
  const rows: ClaimLike[] = [];
  const labels: Record<string, string> = {};
  const unit = timeline[0]?.unit ?? claims[0]?.unit;
  for (const c of claims) {
    const iv = convertInterval(effectiveInterval(c), c.unit, unit);
    rows.push({ ...c, low: Number.isFinite(iv.low) ? iv.low : null, high: Number.isFinite(iv.high) ? iv.high : null, unit });
    labels[c.id] = `${c.raw} · ${c.id} · ${c.as_of}`;
  }
  for (const e of timeline) {
    const r = e.row;
    rows.push({
      id: r.id, article: `${r.tier} source`, quote: r.quote, subject: r.subject, metric: r.metric, window: r.window, unit,
      low: Number.isFinite(e.interval.low) ? e.interval.low : null, high: Number.isFinite(e.interval.high) ? e.interval.high : null, raw: e.printed, as_of: r.as_of,
    });
    labels[r.id] = `${e.printed} · ${r.id} · ${r.as_of}`;
  }
  return { rows, labels };
}

/** One period of the flow comparison: what the articles print and what sources not naming the origin give. */
export interface FlowPeriod {
  /** The window (nov_2025, ...) or "total" for the periods together. */
  window: string;
  /** The span, `YYYY-MM-DD/YYYY-MM-DD`. */
  span: string;
  /** The articles' figure (nominal midpoint, or the bound of an over/under figure; summed for the total). */
  article: number;
  articleClaims: string[];
  /** Sources covering exactly this span, not naming the origin: their figures (stored value, or the bound) and ids. */
  others: { id: string; value: number }[];
  /** Sources covering this span that name the origin. */
  origin: { id: string; value: number }[];
}

function spanOf(asOf: string): string {
  const { start, end } = asOfSpan(asOf);
  return `${start}/${end}`;
}

function figureValue(x: Pick<Claim, "low" | "high">): number {
  return x.low !== null && x.high !== null ? (x.low + x.high) / 2 : (x.low ?? x.high)!;
}

/**
 * Per period (one per distinct claim window, first claim of each window), the articles' figure
 * against the sources linked to the claims that cover exactly that period, split into those that
 * name `origin` (sourcesNaming) and the others; then the periods together: the sum of the
 * articles' figures against sources covering exactly the combined span. Amounts in the first
 * claim's unit.
 */
export function flowComparison(analysis: Pick<Analysis, "ledger" | "independentRows">, claimIds: readonly string[], origin: string): FlowPeriod[] {
  const claims = claimIds.map((id) => analysis.ledger.byId.get(id)!);
  const unit = claims[0].unit;
  const firstOfWindow = claims.filter((c, k) => claims.findIndex((x) => x.window === c.window) === k);
  const linked = analysis.independentRows.filter((r) => r.claims.some((id) => claimIds.includes(id)) && r.metric === claims[0].metric && comparableUnits(r.unit, unit));
  const naming = new Set(sourcesNaming(linked, origin));
  const value = (r: IndependentRow) => roundSig(convertInterval({ low: figureValue(r), high: figureValue(r) }, r.unit, unit).low, 10);
  const covering = (span: string) => {
    const rows = linked.filter((r) => spanOf(r.as_of) === span);
    return {
      others: rows.filter((r) => !naming.has(r.id)).map((r) => ({ id: r.id, value: value(r) })),
      origin: rows.filter((r) => naming.has(r.id)).map((r) => ({ id: r.id, value: value(r) })),
    };
  };
  const periods: FlowPeriod[] = firstOfWindow.map((c) => {
    const span = spanOf(c.as_of);
    return { window: c.window, span, article: roundSig(figureValue(c), 10), articleClaims: claims.filter((x) => x.window === c.window).map((x) => x.id), ...covering(span) };
  });
  const spans = periods.map((p) => p.span.split("/"));
  const total = `${spans.map((x) => x[0]).sort()[0]}/${spans.map((x) => x[1]).sort().slice(-1)[0]}`;
  periods.push({ window: "total", span: total, article: roundSig(periods.reduce((t, p) => t + p.article, 0), 10), articleClaims: firstOfWindow.map((c) => c.id), ...covering(total) });
  return periods;
}

/** The columns of timelineTableRows for tableHtml/showTable (`source` is an escaped link). */
export const TIMELINE_COLUMNS: readonly TableColumn[] = [
  { key: "as_of", label: "as of" },
  { key: "window" },
  { key: "printed", label: "figure as printed" },
  { key: "interval", label: "read as" },
  { key: "outlet" },
  { key: "tier" },
  { key: "compared", label: "against the articles" },
  { key: "same", label: "same figure?" },
  { key: "source", label: "page", html: true },
];

/**
 * A timeline as table rows: date, window, the figure as printed and as read (rounding and hedges
 * included), outlet, tier, how it compares with the linked claims (context when another day or
 * window), whether it matches an article figure's value whatever the day, and an escaped link.
 */
export function timelineTableRows(entries: readonly TimelineEntry[]): Record<string, string>[] {
  return entries.map((e) => ({
    as_of: e.row.as_of,
    window: e.row.window,
    printed: e.printed,
    interval: `${formatInterval(e.interval)} ${e.unit}`,
    outlet: e.row.outlet,
    tier: e.row.tier,
    compared: distinct(Object.values(e.relations)).map((r) => RELATION_WORDS[r]).join(", "),
    same: e.matches.length > 0 ? `yes (${e.matches.join(", ")})` : "no",
    source: sourceLink(e.row),
  }));
}

