/**
 * What a figure measures, where the text says it: the subject (the nearest name of a subject of
 * data/vocabulary.csv in the figure's sentence: "Bitcoin", "spot Bitcoin ETFs", "KOSPI"), the
 * metric (from the words around the figure and its unit: "drawdown", "capex", "liquidations",
 * "low", "probability"), the window ("24 hours", "weekly", "year-to-date", "intraday", "from its
 * peak") and the date it refers to (the nearest date printed in its sentence). A field the text
 * does not say is left empty for the reviewer; `accept` refuses rows whose subject, metric,
 * window or as_of is still empty.
 */
import type { DateMention } from "./dates";
import { sentenceEnd, sentenceStart } from "./direction";
import type { Figure } from "./hedges";

/** The quantity a figure measures, as far as the text says it. */
export interface QuantityGuess {
  subject: string;
  metric: string;
  window: string;
  as_of: string;
}

/** Subjects by the names the articles give them; longer names win over the names inside them. */
export const SUBJECT_NAMES: readonly [string, RegExp][] = [
  ["spot_btc_etfs", /\b(spot (bitcoin|btc) (etfs?|exchange-traded funds?)|spot exchange-traded funds|bitcoin etfs?)\b/gi],
  ["BTC", /\b(bitcoin|btc)\b/gi],
  ["ETH", /\b(ethereum|ether|eth)\b/gi],
  ["SOL", /\b(SOL|Solana)\b/g],
  ["XRP", /\bXRP\b/g],
  ["DOGE", /\b(dogecoin|doge)\b/gi],
  ["BNB", /\bBNB\b/g],
  ["altcoins", /\baltcoins?\b/gi],
  ["small_cap_tokens", /\bsmall[- ]cap\b[^.]{0,20}\b(index|tokens)\b/gi],
  ["crypto_market", /\b(total crypto( market)?( cap)?|crypto(currency)? market( cap)?|crypto cap|cryptocurrency sector|broader crypto market)\b/gi],
  ["nasdaq_100", /\bnasdaq[- ]100\b/gi],
  ["nasdaq_composite", /\bnasdaq( composite)?\b/gi],
  ["tech_benchmarks", /\btech-heavy benchmarks\b/gi],
  ["sp500", /\bS&P( 500)?/g],
  ["dow", /\bDow( Jones)?\b/g],
  ["msci_apac_ex_japan", /\bMSCI[^.]{0,30}(excluding|ex-)\s?Japan\)?/gi],
  ["msci_global", /\bMSCI\b/g],
  ["kospi", /\bkospi\b/gi],
  ["nikkei_225", /\bnikkei( 225)?\b/gi],
  ["silver", /\bsilver\b/gi],
  ["gold", /\bgold\b/gi],
  ["amazon", /\bamazon\b/gi],
  ["alphabet", /\b(alphabet|google)\b/gi],
  ["microsoft", /\bmicrosoft\b/gi],
  ["meta", /\bMeta\b/g],
  ["nvidia", /\bnvidia\b/gi],
  ["oracle", /\bOracle\b/g],
  ["salesforce", /\bsalesforce\b/gi],
  ["qualcomm", /\bqualcomm\b/gi],
  ["magnificent_7", /\bmagnificent (7|seven)\b/gi],
  ["big_tech", /\bbig tech\b/gi],
  ["software_saas", /\b(software|saas)\b/gi],
  ["us_jobs", /\b(layoffs|jobless claims|job openings|labou?r market)\b/gi],
  ["fear_greed_index", /\bfear\s*(&|and)\s*greed( index)?\b/gi],
  ["crypto_traders", /\b(people liquidated|liquidated their positions|(traders|people) (were )?liquidated)\b/gi],
  ["stablecoins", /\bstablecoins?\b/gi],
  ["leverage_example", /\b(principal|times leverage|x leverage|leverage)\b/gi],
  ["jay_chou_entrustment", /\bJay Chou\b/g],
  ["risk_assets", /\b(base case|bear case|risk assets)\b/gi],
  ["cn_regulatory_associations", /\bassociations\b/gi],
];

/**
 * The subject named nearest to the figure in its sentence (before it first, then after), among
 * the `known` subjects; "" when none.
 * @example guessSubject("Amazon tanked ~10–12% after unveiling", 14, 21) // => "amazon"
 * @example guessSubject("U.S. spot Bitcoin ETF outflows exceeded US$3 billion", 40, 52) // => "spot_btc_etfs"
 */
export function guessSubject(text: string, start: number, end: number, known?: ReadonlySet<string>): string {
  const s0 = sentenceStart(text, start);
  const s1 = sentenceEnd(text, end);
  const hits: { subject: string; start: number; end: number }[] = [];
  for (const [subject, re] of SUBJECT_NAMES) {
    if (known && !known.has(subject)) continue;
    for (const m of text.slice(s0, s1).matchAll(new RegExp(re.source, re.flags))) hits.push({ subject, start: s0 + (m.index ?? 0), end: s0 + (m.index ?? 0) + m[0].length });
  }
  // a name inside a longer one ("Bitcoin" in "spot Bitcoin ETFs") does not count
  const whole = hits.filter((h) => !hits.some((o) => o !== h && o.start <= h.start && h.end <= o.end && o.end - o.start > h.end - h.start));
  const before = whole.filter((h) => h.end <= start).sort((a, b) => b.end - a.end);
  const after = whole.filter((h) => h.start >= end).sort((a, b) => a.start - b.start);
  return (before[0] ?? after[0])?.subject ?? "";
}

/** A pattern and the term it suggests. */
type Cue = [RegExp, string];

const PCT_METRICS: Cue[] = [
  [/probabilit|\bchance\b|\bodds\b|likelihood/i, "probability"],
  [/correlat/i, "correlation"],
  [/\b(estimates|consensus)\b/i, "vs_consensus"],
  [/drawdown|from (its |their )?(\d{4} |oct\w* )?(peak|highs?)\b|halved|cut in half|half of the market value|fallen by nearly half/i, "drawdown"],
  [/\b(rebound|recovery)\b/i, "rebound"],
  [/\b(capex|capital expenditures?|spending|capital budget)\b/i, "capex_change"],
];
const MONEY_METRICS: Cue[] = [
  [/liquidat/i, "liquidations"],
  [/outflow/i, "etf_net_outflow"],
  [/\brevenue\b/i, "revenue"],
  [/\b(consensus|estimates)\b/i, "vs_consensus"],
  [/\b(capex|capital expenditures?|spend|spending|spend plan|capital budget|investment)\b/i, "capex"],
  [/\bsupport\b/i, "support_level"],
  [/\bresistance\b/i, "resistance_level"],
  [/\b(retest|toward|target)\b/i, "target_range"],
  [/\bprincipal\b/i, "principal"],
  [/\bposition\b/i, "position_size"],
  [/\b(lows?|lowest|bottom|trough)\b/i, "low"],
  [/\b(peak|peaking|record high|all-time high)\b/i, "peak"],
  [/\bclosed?\b/i, "close"],
];

/** The first cue that matches `near`; "" when none. */
function firstCue(cues: readonly Cue[], near: string): string {
  return cues.find(([re]) => re.test(near))?.[1] ?? "";
}

/**
 * The metric a figure reports, from the words near it and its unit; "" when they do not say.
 * @example guessMetric("~45–50% drawdown from 2025 peak", { unit: "pct", low: -50, high: -45 }) // => "drawdown"
 * @example guessMetric("the total liquidation amount exceeded US$2.5 billion", { unit: "USD_bn", low: 2.5, high: null }) // => "liquidations"
 * @example guessMetric("~$1 trillion lost since late January", { unit: "USD_tn", low: -1, high: -1 }) // => "market_cap_change"
 */
export function guessMetric(near: string, fig: Pick<Figure, "unit" | "low" | "high">): string {
  const negative = (fig.high ?? fig.low ?? 0) < 0;
  switch (fig.unit) {
    case "pct":
      return firstCue(PCT_METRICS, near) || "pct_change";
    case "ratio":
      return "correlation";
    case "score":
      return "index_level";
    case "points":
      return "points_change";
    case "people":
      return /liquidat/i.test(near) ? "liquidated_traders" : "";
    case "coins":
      return /\bgap\b/i.test(near) ? "demand_gap_coins" : /\b(etfs?|exchange-traded|purchased|bought|sellers|offloading)\b/i.test(near) ? "etf_net_flow_coins" : "";
    case "x":
      return /leverage/i.test(near) ? "leverage" : /volume/i.test(near) ? "volume_multiple" : "";
    case "sessions":
      return /consecutive|straight|day of decline|in a row/i.test(near) ? "consecutive_declines" : "duration";
    case "years":
    case "months":
      return "duration";
    case "count":
      return "count";
    case "index_pts":
      return /\bclosed?\b/i.test(near) ? "close" : /\bsupport|watch\b/i.test(near) ? "support_level" : /\b(lows?|testing|tested)\b/i.test(near) ? "low" : /\bhighs?\b/i.test(near) ? "close" : "";
    case "":
      return /liquidat/i.test(near) ? "liquidations" : "";
    default:
      if (/\b(market (cap|value|capitalization)|capitalization)\b/i.test(near) || negative) return negative ? "market_cap_change" : "market_cap";
      return firstCue(MONEY_METRICS, near) || (fig.unit === "USD" || fig.unit === "USD_per_oz" ? "price" : "");
  }
}

const WINDOWS: Cue[] = [
  [/\b(24 hours|24h|24-hour)\b/i, "24h"],
  [/\b(three|3) days\b|\b3-day\b/i, "3d"],
  [/\b30-day\b/i, "30d"],
  [/year-to-date|\bYTD\b|since the start of the year/i, "ytd"],
  [/\b(after-hours|after hours|after the market closed)\b/i, "after_hours"],
  [/\b(intraday|during the day|during the session|session lows|once plummeted|once fell)\b/i, "intraday"],
  [/\bweekly\b|\bin one week\b|\bthis week\b/i, "week"],
  [/\bpast (year|twelve months|12 months)\b/i, "past_year"],
  [/\bpast month\b/i, "past_month"],
  [/\bsince late january\b/i, "since_late_jan"],
  [/from (its |their )?(\d{4} |oct\w* )?(peak|highs?)\b|since (reaching|hitting) (its|a) (peak|record)|halved|cut in half/i, "since_peak"],
  [/\b(quarter|quarterly)\b/i, "fiscal_quarter"],
  [/\b(base case|bear case|scenario|could retest|toward)\b/i, "scenario"],
  [/\b(single session|single-day|single day|in a single day|on (monday|tuesday|wednesday|thursday|friday)|friday rebound|in the session)\b/i, "session"],
];

const MONTH_WINDOWS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const LEVELS = new Set(["price", "peak", "market_cap", "support_level", "resistance_level", "index_level", "principal", "position_size", "leverage"]);

/**
 * The window of a figure: a window phrase near it, a named month or fiscal year matching its
 * date, `point` for a level at a moment; "" when the text does not say.
 * @example guessWindow("Ethereum fell by more than 11% in 24 hours", "pct_change", "") // => "24h"
 * @example guessWindow("outflows exceeded US$3 billion in a single month", "etf_net_outflow", "2026-01") // => "jan_2026"
 * @example guessWindow("after unveiling $200B 2026 capex", "capex", "2026") // => "fy2026"
 */
export function guessWindow(near: string, metric: string, asOf: string, known?: ReadonlySet<string>): string {
  const ok = (w: string) => (!known || known.has(w) ? w : "");
  const cue = firstCue(WINDOWS, near);
  if (cue) return ok(cue);
  const month = /^(\d{4})-(\d{2})$/.exec(asOf);
  if (month) {
    const w = `${MONTH_WINDOWS[Number(month[2]) - 1]}_${month[1]}`;
    if (!known || known.has(w)) return w;
  }
  if (/^\d{4}$/.test(asOf) && ["capex", "capex_change", "revenue", "vs_consensus"].includes(metric)) return ok(`fy${asOf}`);
  if (LEVELS.has(metric)) return ok("point");
  return "";
}

/**
 * The date a figure refers to: the resolved date printed nearest to it in its sentence (before
 * it first); "" when its sentence prints none.
 * @example guessAsOf("On February 5, the index closed near 22,540", 37, 43, [{ start: 3, end: 13, text: "February 5", iso: "2026-02-05", numeric: true }]) // => "2026-02-05"
 */
export function guessAsOf(text: string, start: number, end: number, dates: readonly DateMention[]): string {
  const s0 = sentenceStart(text, start);
  const s1 = sentenceEnd(text, end);
  const inSentence = dates.filter((d) => d.iso && d.start >= s0 && d.end <= s1);
  const before = inSentence.filter((d) => d.end <= start).sort((a, b) => b.end - a.end);
  const after = inSentence.filter((d) => d.start >= end).sort((a, b) => a.start - b.start);
  return (before[0] ?? after[0])?.iso ?? "";
}

/**
 * The words around a figure that say what it measures: its clause (back to the last comma,
 * semicolon, colon, dash or arrow before it, on to the next one after it) and its sentence.
 * @example nearText("Nasdaq: Weekly –4–6%, session lows –7–8% intraday", 15, 20).clause // => "Weekly –4–6%"
 */
export function nearText(text: string, start: number, end: number): { clause: string; sentence: string } {
  const s0 = sentenceStart(text, start);
  const s1 = sentenceEnd(text, end);
  const cuts = [...text.slice(s0, start).matchAll(/[,;]\s|:\s|\s[—–]\s|→/g)].map((m) => s0 + (m.index ?? 0) + m[0].length);
  const from = cuts.length > 0 ? cuts[cuts.length - 1] : s0;
  const stop = text.slice(end, s1).search(/[,;]\s|:\s|\s[—–]\s|→|\)/);
  const to = stop === -1 ? s1 : end + stop;
  return { clause: text.slice(from, to).trim(), sentence: text.slice(s0, s1) };
}

/** The subject named in the figure's sentence, else the one a line opens with as a label ("Bitcoin: …. ~45–50% drawdown"). */
function subjectOf(text: string, fig: Figure, known?: ReadonlySet<string>): string {
  const inSentence = guessSubject(text, fig.start, fig.end, known);
  if (inSentence) return inSentence;
  const lineStart = text.lastIndexOf("\n", fig.start - 1) + 1;
  const label = /^[^:.\n]{2,40}:\s/.exec(text.slice(lineStart, fig.start));
  return label ? guessSubject(text, lineStart + label[0].length - 2, lineStart + label[0].length - 2, known) : "";
}

/** A price-move verb (and hedge) just before a figure: "tanked ~", "fell more than", "jumped". */
const MOVE_BEFORE = /\b(tanked|plunged|plummeted|fell|dropped|slid|sank|tumbled|crashed|slumped|jumped|soared|rallied|gained|rose|climbed)\s+(by\s+)?(~|about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|more than\s+|over\s+)?[-–+]?$/i;

/**
 * Subject, metric, window and as_of of a figure (see the module comment); `vocabulary` limits
 * the subjects and windows to the terms of data/vocabulary.csv.
 */
export function guessQuantity(text: string, fig: Figure, dates: readonly DateMention[], vocabulary?: { subject: ReadonlySet<string>; window: ReadonlySet<string> }): QuantityGuess {
  const { clause, sentence } = nearText(text, fig.start, fig.end);
  const subject = subjectOf(text, fig, vocabulary?.subject);
  // "Amazon tanked ~10–12% after unveiling $200B capex": a move verb right before a percentage makes it the subject's
  // move; the words after it (what caused the move) do not say what it measures
  const moved = fig.unit === "pct" && MOVE_BEFORE.test(text.slice(Math.max(0, fig.start - 40), fig.start));
  const figText = text.slice(fig.start, fig.end);
  const upToFigure = clause.includes(figText) ? clause.slice(0, clause.indexOf(figText) + figText.length) : clause;
  const byClause = guessMetric(moved ? upToFigure : clause, fig);
  const metric = fig.unit === "pct" || byClause === "" || !["price", "market_cap"].includes(byClause) ? byClause || guessMetric(sentence, fig) : guessMetric(sentence, fig);
  const asOf = guessAsOf(text, fig.start, fig.end, dates);
  const yearOnly = /(^|[^-\d])((19|20)\d\d)\s+(capex|capital expenditures?|spend)/i.exec(sentence) ?? /\b(in|for) ((19|20)\d\d)\b/i.exec(sentence);
  const as_of = asOf || (yearOnly && ["capex", "capex_change", "revenue"].includes(metric) ? yearOnly[2] : "");
  const window = guessWindow(clause, metric, as_of, vocabulary?.window);
  return { subject, metric, window, as_of };
}
