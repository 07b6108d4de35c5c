/**
 * The phrases the explanations (src/domain/explain.ts) are built from: an outside report and its
 * figure ("Reuters reports a fall of 18% (intraday, 5 Feb 2026)", "the rise of 2.2% that Credit
 * News Insider reports"), reports that print the same figure said once ("Wyoming Star News and 4
 * other outlets report …"), where a figure stands in its article ("the summary"), and why a
 * scope mismatch keeps two figures apart ("refers to another day"). Pure; no ids, no interval
 * notation, no unit ids.
 */
import { printedInQuote } from "./sources";
import { printedPrecision } from "./hedges";
import { recordStart } from "./printed";
import { plainAmount, plainDate, plainRange, quoted } from "./wording";
import type { IndependentRow } from "../data/independent-file";
import type { Claim, Section } from "../data/types";

/** Window words a reader needs beside a date ("after hours", "in the session"). */
const WINDOW_WORDS: Readonly<Record<string, string>> = {
  session: "in the session",
  after_hours: "after hours",
  intraday: "intraday",
  "24h": "over 24 hours",
  "3d": "over three days",
  week: "over the week",
};

const CHANGE_METRICS = /change|drawdown|rebound/;

type Row = Pick<IndependentRow, "outlet" | "low" | "high" | "unit" | "metric" | "quote" | "window" | "as_of">;

/**
 * An outlet's name without its bracketed note.
 * @example outletName({ outlet: "The News (Pakistan), rewriting Reuters" }) // => "The News"
 */
export function outletName(row: Pick<IndependentRow, "outlet">): string {
  return row.outlet.split(" (")[0].trim();
}

/**
 * A name in the possessive: "TradingKey's", "New Quotes'".
 * @example possessive("New Quotes") // => "New Quotes'"
 */
export function possessive(name: string): string {
  return /s$/.test(name) ? `${name}'` : `${name}'s`;
}

/**
 * A source's figure as a reader reads it: a figure printed only in words quoted as printed
 * ("“roughly double”", "“since October 2024”"), a change described ("a fall of 18%"), a figure
 * with words around its digits quoted as printed ("“$60,008.52”"), else the number in its unit.
 * @example sourceFigure({ outlet: "R", low: -18, high: -18, unit: "pct", metric: "pct_change", quote: "fell 18%", window: "intraday", as_of: "2026-02-05" }) // => "a fall of 18%"
 * @example sourceFigure({ outlet: "A", low: 60, high: 60, unit: "pct", metric: "capex_change", quote: "by nearly 60% to $200 billion", window: "fy2026", as_of: "2026" }) // => "a rise of nearly 60%"
 * @example sourceFigure({ outlet: "K", low: 100, high: 100, unit: "pct", metric: "capex_change", quote: "roughly double the $91.4 billion", window: "fy2026", as_of: "2026" }) // => "“roughly double”"
 * @example sourceFigure({ outlet: "N", low: 60008.52, high: 60008.52, unit: "USD", metric: "low", quote: "a low of $60,008.52", window: "intraday", as_of: "2026-02-06" }) // => "“$60,008.52”"
 */
export function sourceFigure(row: Row): string {
  const value = row.low ?? row.high;
  const point = row.low !== null && row.high !== null && row.low === row.high;
  const printed = value === null ? null : printedInQuote(row.quote, value, row.unit, row.as_of);
  // a figure the quote prints only in words ("roughly double", "since March 2020") is quoted, never restated as a number
  if (printed && point && printedPrecision(printed.raw, value!, row.unit) === null) return quoted(withRecord(row.quote, printed.raw));
  if (row.unit === "pct" && CHANGE_METRICS.test(row.metric) && value !== null) {
    const ends = [row.low, row.high].filter((x): x is number => x !== null).map(Math.abs).sort((x, y) => x - y);
    const n = point ? plainAmount(Math.abs(value), "pct") : ends.length === 2 ? plainRange(ends[0], ends[1], "pct") : plainRange(ends[0] ?? null, null, "pct");
    // the source's own hedge word stays with its figure: AP's "nearly 60%" is not "60%"
    const hedge = point && printed && /^[a-z][a-z ]*$/i.test(printed.hedge) ? `${printed.hedge} ` : "";
    return `${value < 0 ? "a fall" : "a rise"} of ${hedge}${n}`;
  }
  if (printed && point && /\D/.test(printed.raw.replace(/[\d.,\s]/g, "") + "x")) return quoted(printed.raw);
  return plainRange(row.low, row.high, row.unit);
}

/**
 * A "since" span with the record it dates, as the quote prints it: "the highest monthly total
 * since October 2025" rather than "since October 2025" (`recordStart`); other words unchanged.
 * @example withRecord("It is the highest monthly total since October 2025, when", "since October 2025") // => "the highest monthly total since October 2025"
 * @example withRecord("roughly double the $91.4 billion", "double") // => "double"
 */
export function withRecord(quote: string, raw: string): string {
  const at = /^since\b/i.test(raw) ? quote.indexOf(raw) : -1;
  return at < 0 ? raw : quote.slice(recordStart(quote, at), at + raw.length);
}

/** When a source's figure holds, in words: "intraday, 6 Feb 2026". */
function whenWords(row: Row): string {
  return [WINDOW_WORDS[row.window], plainDate(row.as_of)].filter(Boolean).join(", ");
}

/**
 * A source and its figure as a clause: "The News reports “$60,008.52” (intraday, 6 Feb 2026)".
 * @example sourceWords({ outlet: "Reuters via CNA", low: -18, high: -18, unit: "pct", metric: "pct_change", quote: "", window: "intraday", as_of: "2026-02-05" }) // => "Reuters via CNA reports a fall of 18% (intraday, 5 Feb 2026)"
 */
export function sourceWords(row: Row): string {
  return `${outletName(row)} reports ${sourceFigure(row)} (${whenWords(row)})`;
}

/** Sources that give the same figure for the same window and date: who, the verb, the figure, when. */
export interface SourceGroup {
  who: string;
  verb: "reports" | "report";
  figure: string;
  when: string;
}

/**
 * Sources grouped by the figure they give for one window and date; more than two outlets are
 * one named and the others counted ("Wyoming Star News and 4 other outlets").
 * @example sourceGroups([{ outlet: "A", low: 7, high: 7, unit: "USD_bn", metric: "capex", quote: "", window: "fy2026", as_of: "2026" }, { outlet: "B", low: 7, high: 7, unit: "USD_bn", metric: "capex", quote: "", window: "fy2026", as_of: "2026" }]) // => [{ who: "A and B", verb: "report", figure: "$7 billion", when: "2026" }]
 */
export function sourceGroups(rows: readonly Row[]): SourceGroup[] {
  const groups = new Map<string, { names: string[]; figure: string; when: string }>();
  for (const row of rows) {
    const figure = sourceFigure(row);
    const when = whenWords(row);
    const key = `${figure} (${when})`;
    const g = groups.get(key) ?? { names: [], figure, when };
    if (!g.names.includes(outletName(row))) g.names.push(outletName(row));
    groups.set(key, g);
  }
  return [...groups.values()].map(({ names, figure, when }) => ({
    who: names.length === 1 ? names[0] : names.length === 2 ? `${names[0]} and ${names[1]}` : `${names[0]} and ${names.length - 1} other outlets`,
    verb: names.length === 1 ? "reports" : "report",
    figure,
    when,
  }));
}

/**
 * Sources as clauses, those that give the same figure for the same window and date said once
 * (sourceGroups): "Wyoming Star News and 4 other outlets report $175 billion to $185 billion (2026)".
 * @example sourceList([{ outlet: "A", low: 7, high: 7, unit: "USD_bn", metric: "capex", quote: "", window: "fy2026", as_of: "2026" }, { outlet: "B", low: 7, high: 7, unit: "USD_bn", metric: "capex", quote: "", window: "fy2026", as_of: "2026" }, { outlet: "C", low: 7, high: 7, unit: "USD_bn", metric: "capex", quote: "", window: "fy2026", as_of: "2026" }]) // => ["A and 2 other outlets report $7 billion (2026)"]
 */
export function sourceList(rows: readonly Row[]): string[] {
  return sourceGroups(rows).map((g) => `${g.who} ${g.verb} ${g.figure} (${g.when})`);
}

/**
 * An outlet's figure as the object of a sentence, never a possessive before "a fall of":
 * "CoinDesk's “0.72”", "the rise of 2.2% that Credit News Insider reports", "The Washington
 * Times' figure of at least 1,200 points".
 * @example ownedFigure("Credit News Insider", "a rise of 2.2%") // => "the rise of 2.2% that Credit News Insider reports"
 * @example ownedFigure("CoinDesk", "“0.72”") // => "CoinDesk's “0.72”"
 * @example ownedFigure("The Washington Times", "at least 1,200 points") // => "The Washington Times' figure of at least 1,200 points"
 */
export function ownedFigure(outlet: string, figure: string): string {
  if (/^an? /.test(figure)) return `the ${figure.replace(/^an? /, "")} that ${outlet} reports`;
  if (figure.startsWith("“")) return `${possessive(outlet)} ${figure}`;
  return `${possessive(outlet)} figure of ${figure}`;
}

/**
 * A source's figure as what it dates: "the rise of 2.2%", "its “$60,900”", "its figure of $7 billion".
 * @example datedFigure("a rise of 2.2%") // => "the rise of 2.2%"
 */
export function datedFigure(figure: string): string {
  if (/^an? /.test(figure)) return `the ${figure.replace(/^an? /, "")}`;
  return figure.startsWith("“") ? `its ${figure}` : `its figure of ${figure}`;
}

/**
 * Where a figure stands in its article, as an editor says it: "heading" when its section's own
 * heading prints it, "summary" or "lead" for the opening section, else "body"; null when the
 * sections are not known.
 * @example placeWords([{ article: "a", section: "s", heading: "Summary paragraph", kind: "lead" }], { article: "a", section: "s", quote: "x" }) // => "summary"
 * @example placeWords([{ article: "a", section: "h", heading: "Bitcoin has been cut in half", kind: "heading" }], { article: "a", section: "h", quote: "cut in half" }) // => "heading"
 * @example placeWords([{ article: "a", section: "t", heading: "ETF demand", kind: "theme" }], { article: "a", section: "t", quote: "x" }) // => "body"
 */
export function placeWords(sections: readonly Pick<Section, "article" | "section" | "heading" | "kind">[] | undefined, c: Pick<Claim, "article" | "quote"> & Partial<Pick<Claim, "section">>): string | null {
  const s = sections?.find((x) => x.article === c.article && x.section === c.section);
  if (!s) return null;
  if (s.kind === "heading" && c.quote.trim() !== "" && s.heading.includes(c.quote.trim())) return "heading";
  if (s.kind === "lead") return /summary/i.test(s.heading) ? "summary" : "lead";
  return "body";
}

/** Why a figure and a computation do not test each other, from a scope mismatch's reasons. */
export type ScopeKind = "day" | "period" | "measure";

/**
 * The kind of a scope mismatch, from its reasons (src/domain/check-kinds.ts): every reason a
 * date ("… is dated …") -> "day"; every reason a span of parts ("the parts run from …") ->
 * "period"; anything else (another subject, metric or window) -> "measure".
 * @example scopeKind(["crushes-021 is dated 2026-02-08 but the level crushes-018 is dated 2026-02-05/2026-02-06"]) // => "day"
 * @example scopeKind(["the parts run from 2025-11-01 to 2025-12-31, but r047 covers 2025-11-01 to 2026-01-10"]) // => "period"
 * @example scopeKind(["tradingkey-011 is a drawdown (measured from a high or low inside its window), not a change over the whole window"]) // => "measure"
 */
export function scopeKind(reasons: readonly string[]): ScopeKind {
  if (reasons.length > 0 && reasons.every((r) => /\bis dated\b/.test(r))) return "day";
  if (reasons.length > 0 && reasons.every((r) => /^the parts run from\b/.test(r))) return "period";
  return "measure";
}
