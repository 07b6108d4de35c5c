/**
 * The arithmetic of a check, shown: one plain-English line per verdict ("$91B to $185B is a rise
 * of 103%", "5 Feb 2026 was a Thursday"), built from the figures as printed (hedges in words:
 * "about", "more than") and the result computed from them as printed. No interval notation, no
 * unit ids, no claim ids: the numbers go through src/render/figures.ts, with amounts of money
 * written as a sentence writes them ("$175 billion to $185 billion", not the tables' "$175B–$185B").
 */
import { changeWords, formatAmount, formatAsOf, ordinal, rangeWords, type Digits } from "../render/figures";
import { joinWords } from "../render/format";
import { daysOf, isoWeekday, monthsBetween, rankAmong, WEEKDAYS, type RankOrder } from "./recompute";
import { parseWeekdays } from "./check-params";
import type { CheckKind } from "./check-kinds";
import type { Claim, Interval } from "../data/types";

/** One figure a check reads, as the working shows it. */
export interface Shown {
  /** The figure's printed form and hedge (qualifier, low, high), and what it measures (a flow reads as inflows or outflows). */
  figure: Pick<Claim, "qualifier" | "low" | "high"> & Partial<Pick<Claim, "metric">>;
  /** What the figure is about, in words ("Ether"), when the vocabulary names it: a ranking names its figures. */
  name?: string;
  /** Its interval as read (nominal: the printed value, hedges kept), in `unit`. */
  iv: Interval;
  unit: string;
  asOf: string;
  /** True when the check reads the number printed, ignoring over/under (read=printed). */
  printed: boolean;
}

/** What a working line is built from. */
export interface WorkingInput {
  kind: CheckKind;
  /** The inputs the computation reads (for a pair check, the first pair). */
  xs: readonly Shown[];
  /** The result from the figures as printed, in `unit`; undefined when it has no value. */
  result: Interval | undefined;
  unit: string;
  /** The check's params, with `date=` resolved to an as_of. */
  params: Readonly<Record<string, string>>;
  /** A pair check's second pair and its result. */
  pair?: { xs: readonly Shown[]; result: Interval | undefined };
  /** The tested figure (result claim or `ref=` figure), when there is one. */
  target?: Shown;
  /** What to say for a result that does not exist; default "no value (a division by zero)". */
  missing?: string;
}

const MONEY = /^(USD|CNY|TWD)(_|$)/;
const SCALE_WORDS: Readonly<Record<string, string>> = { M: " million", B: " billion", T: " trillion" };

/**
 * An amount as a sentence writes it: formatAmount's digits (no more), a dollar amount's scale in
 * words; percentages, prices, counts and rates as formatAmount writes them.
 * @example proseAmount(4.17, "USD_tn", "computed") // => "$4.17 trillion"
 * @example proseAmount(-357, "USD_bn") // => "−$357 billion"
 * @example proseAmount(126223, "USD") // => "$126,223"
 * @example proseAmount(-45.5, "pct") // => "−45.5%"
 */
export function proseAmount(x: number, unit: string, digits: Digits = "printed"): string {
  return scaleInWords(formatAmount(x, unit, digits));
}

/** Every dollar amount's scale letter in words: "$175B–$185B" -> "$175 billion–$185 billion". */
function scaleInWords(text: string): string {
  return text.replace(/(\$[\d.,]+)([MBT])(?!\w)/g, (_, n: string, scale: string) => `${n}${SCALE_WORDS[scale]}`);
}

/**
 * A range of values as a sentence writes it: rangeWords, with every amount as proseAmount writes
 * it and a range of money written out, "$175 billion to $185 billion", or, where it follows or
 * precedes another "to" ("from $91 billion to …"), "between $175 billion and $185 billion".
 * Other ranges keep rangeWords' form ("60%–70%", "−12% to −15%").
 * @example proseRange({ low: 175, high: 185 }, "USD_bn") // => "$175 billion to $185 billion"
 * @example proseRange({ low: 175, high: 185 }, "USD_bn", "printed", "between") // => "between $175 billion and $185 billion"
 * @example proseRange({ low: 2.5, high: 4.1667 }, "USD_tn", "computed") // => "$2.5 trillion to $4.17 trillion"
 * @example proseRange({ low: 2.5, high: Infinity, lowOpen: true, highOpen: true }, "USD_bn") // => "more than $2.5 billion"
 * @example proseRange({ low: 60, high: 70 }, "pct") // => "60%–70%"
 */
export function proseRange(iv: Interval, unit: string, digits: Digits = "printed", join: "to" | "between" = "to"): string {
  const f = (x: number) => proseAmount(x, unit, digits);
  const two = Number.isFinite(iv.low) && Number.isFinite(iv.high) && iv.low >= 0 && f(iv.low) !== f(iv.high);
  if (two && MONEY.test(unit)) return join === "between" ? `between ${f(iv.low)} and ${f(iv.high)}` : `${f(iv.low)} to ${f(iv.high)}`;
  return scaleInWords(rangeWords(iv, unit, digits));
}

/**
 * A figure as printed, hedge words included: "about $60,000", "more than $2.5 billion", "nearly
 * −50%"; a range of money beside another "to" with `join` "between".
 */
function figure(s: Shown, join: "to" | "between"): string {
  const f = s.figure;
  const text =
    !s.printed && f.qualifier === "nearly" && f.low !== null ? `nearly ${proseAmount(f.low, s.unit)}` : `${!s.printed && f.qualifier === "approx" ? "about " : ""}${proseRange(s.iv, s.unit, "printed", join)}`;
  return f.qualifier === "garbled" ? `${text} (a garbled figure)` : text;
}

/** A figure as printed: figure() with a range of money as "$175 billion to $185 billion". */
function fig(s: Shown): string {
  return figure(s, "to");
}

/** A figure beside another "to" ("from … to …"): a range of money as "between … and …". */
function end(s: Shown): string {
  return figure(s, "between");
}

/** A percentage figure as a change: "a fall of about 28%", "a rise of nearly 100%", "a fall of more than 10%". */
function chg(s: Shown): string {
  const f = s.figure;
  const mark = f.qualifier === "garbled" ? " (a garbled figure)" : "";
  if (!s.printed && (f.qualifier === "nearly" || f.qualifier === "approx") && f.low !== null && f.low === f.high) {
    return `a ${f.low < 0 ? "fall" : "rise"} of ${f.qualifier === "nearly" ? "nearly" : "about"} ${formatAmount(Math.abs(f.low), "pct")}${mark}`;
  }
  return `${changeWords(s.iv, "printed")}${mark}`;
}

/** True when every value of the figure is zero or less, and some below zero. */
function negative(s: Pick<Shown, "iv">): boolean {
  return s.iv.high <= 0 && s.iv.low < 0;
}

/** An interval with its sign turned: −$2.1T to −$2T becomes $2T to $2.1T. */
function flipIv(iv: Interval): Interval {
  const out: Interval = { low: -iv.high, high: -iv.low };
  if (iv.highOpen) out.lowOpen = true;
  if (iv.lowOpen) out.highOpen = true;
  return out;
}

/** The same figure with its sign turned, so that words ("a loss of") carry the sign instead of a minus. */
function flipped(s: Shown): Shown {
  const f = s.figure;
  return { ...s, figure: { ...f, low: f.high === null ? null : -f.high, high: f.low === null ? null : -f.low }, iv: flipIv(s.iv) };
}

/**
 * An amount with its direction in words rather than a sign: "a loss of $357B", "outflows of
 * 10,600 coins", "inflows of more than 46,000 coins"; with `change`, a positive amount is "a gain
 * of". A percentage is a change ("a fall of 10%"); any other figure is shown as it is.
 */
function signed(s: Shown, change = false): string {
  if (s.unit === "pct") return chg(s);
  const flow = /(^|_)flow(_|$)/.test(s.figure.metric ?? "");
  if (negative(s)) return `${flow ? "outflows" : MONEY.test(s.unit) ? "a loss" : "a drop"} of ${fig(flipped(s))}`;
  if (s.iv.low >= 0 && flow) return `inflows of ${fig(s)}`;
  if (s.iv.low >= 0 && change) return `${MONEY.test(s.unit) ? "a gain" : "a rise"} of ${fig(s)}`;
  return fig(s);
}

/** Texts in words, a run of the same text said once with its count: "−1.8% to −2.5% three times". */
function grouped(texts: readonly string[]): string[] {
  const times = ["", "", "twice", "three times", "four times", "five times"];
  const out: string[] = [];
  for (let k = 0; k < texts.length; ) {
    let n = 1;
    while (texts[k + n] === texts[k]) n++;
    out.push(n === 1 ? texts[k] : `${texts[k]} ${times[n] ?? `${n} times`}`);
    k += n;
  }
  return out;
}

/** A span of months in words: "3 months", "17 years", "14 to 16 months". */
function monthWords(iv: Interval): string {
  const one = (m: number) => (m % 12 === 0 && m !== 0 ? formatAmount(m / 12, "years") : formatAmount(m, "months"));
  if (iv.high === Infinity) return `more than ${one(iv.low)}`;
  return iv.low === iv.high ? one(iv.low) : `${formatAmount(iv.low, "months").replace(/ months?$/, "")} to ${formatAmount(iv.high, "months")}`;
}

/** "Thursday", "Monday to Friday". */
function weekdayWords(spec: string): string {
  const ks = parseWeekdays(spec);
  return ks.length === 1 ? `a ${WEEKDAYS[ks[0] - 1]}` : `${WEEKDAYS[ks[0] - 1]} to ${WEEKDAYS[ks[ks.length - 1] - 1]}`;
}

function recordWords(w: WorkingInput, order: RankOrder): string {
  const [x, ...earlier] = w.xs;
  const more = order === "highest" ? "higher" : "lower";
  const beaten = earlier
    .map((e) => ({ e, months: monthsBetween(e.asOf, x.asOf) }))
    .filter(({ e, months }) => months.low >= 1 && rankAmong(x.iv, [e.iv], order).low === 2)
    .sort((a, b) => a.months.high - b.months.high);
  const at = (s: Shown) => `${fig(s)} in ${formatAsOf(s.asOf)}`;
  if (beaten.length === 0) return `no earlier figure given (${joinWords(earlier.map(at))}) is ${more} than ${at(x)}`;
  const { e, months } = beaten[0];
  const span = months.high % 12 === 0 ? formatAmount(months.high / 12, "years") : formatAmount(months.high, "months");
  // figures of the same calendar month only (January 2009 against January 2026): a record for that month
  const month = /^\d{4}-\d{2}$/.test(x.asOf) && w.xs.every((s) => s.asOf.slice(4) === x.asOf.slice(4)) ? `${formatAsOf(x.asOf).split(" ")[0]} ` : "";
  return `the last ${month}figure ${more} than ${at(x)} is ${at(e)}, ${span} earlier`;
}

/**
 * A ranking in words. Changes that all go one way read as falls or rises, named when the figures
 * have names: "Ether fell 36%, more than Bitcoin's 27%"; anything else as the figures against
 * each other and the rank: "−1.6% against −1.8% to −2.5% three times: at best the 4th lowest".
 */
function rankWords(w: WorkingInput): string {
  const r = w.result;
  const order = w.params.order as RankOrder;
  const [a, ...rest] = w.xs;
  const all = w.xs;
  const falls = all.every((s) => s.unit === "pct" && negative(s));
  const rises = all.every((s) => s.unit === "pct" && s.iv.low >= 0);
  const named = all.every((s) => s.name !== undefined);
  if (r && named && (falls || rises)) {
    const verb = falls ? "fell" : "rose";
    const size = (s: Shown) => fig(falls ? flipped(s) : s);
    // the lowest of falls is the largest fall; the highest of rises the largest rise
    const most = (order === "lowest") === falls;
    const others = joinWords(rest.map((s) => `${s.name}'s ${size(s)}`));
    const head = `${a.name} ${verb} ${size(a)}`;
    if (r.low === 1 && r.high === 1) return `${head}, ${most ? "more" : "less"} than ${others}`;
    if (r.low === all.length && r.high === all.length) return `${head}, ${most ? "less" : "more"} than ${others}`;
    const noun = `${most ? "largest" : "smallest"} ${falls ? "fall" : "rise"}`;
    const best = r.low === 1 ? `possibly the ${noun}` : `at best the ${ordinal(r.low)} ${noun}`;
    return `${head}, against ${others}: ${best}${r.high > r.low ? `, at worst the ${ordinal(r.high)}` : ""}`;
  }
  const best = r && (r.low === 1 ? `${r.high > 1 ? "possibly " : ""}the ${order}` : `at best the ${ordinal(r.low)} ${order}`);
  const rank = r ? `${best}${r.high > r.low ? `, at worst the ${ordinal(r.high)}` : ""}` : "no rank";
  return `${fig(a)} against ${joinWords(grouped(rest.map(fig)))}: ${rank}`;
}

function weekdayLine(w: WorkingInput): string {
  const date = w.params.date ?? w.xs[0].asOf;
  const days = daysOf(date);
  const names = days.map((d) => WEEKDAYS[isoWeekday(d) - 1]);
  const allowed = parseWeekdays(w.params.weekday);
  const off = [...new Set(days.filter((d) => !allowed.includes(isoWeekday(d))).map((d) => WEEKDAYS[isoWeekday(d) - 1]))];
  const was = days.length === 1 ? `was a ${names[0]}` : days.length <= 7 ? `were ${joinWords(names.map((n) => `a ${n}`))}` : `ran from a ${names[0]} to a ${names[names.length - 1]}`;
  const but = off.length === 0 ? "" : `; ${joinWords(off)} ${off.length === 1 ? "is" : "are"} not ${weekdayWords(w.params.weekday)}`;
  return `${formatAsOf(date)} ${was}${but}`;
}

/**
 * The working line of a check.
 * @example checkWorking({ kind: "percent_change", xs: [{ figure: { qualifier: "exact", low: 91, high: 91 }, iv: { low: 91, high: 91 }, unit: "USD_bn", asOf: "2025", printed: false }, { figure: { qualifier: "exact", low: 185, high: 185 }, iv: { low: 185, high: 185 }, unit: "USD_bn", asOf: "2026", printed: false }], result: { low: 103.2967, high: 103.2967 }, unit: "pct", params: {} }) // => "$91 billion to $185 billion is a rise of 103%"
 */
export function checkWorking(w: WorkingInput): string {
  const missing = w.missing ?? "no value (a division by zero)";
  const comp = (iv: Interval | undefined) => (iv ? proseRange(iv, w.unit, "computed") : missing);
  const change = (iv: Interval | undefined) => (iv ? changeWords(iv) : missing);
  const [a, b] = w.xs;
  const p = w.params;
  const pair = (line: (xs: readonly Shown[], r: Interval | undefined) => string) => line(w.xs, w.result) + (w.pair ? `, while ${line(w.pair.xs, w.pair.result)}` : "");
  switch (w.kind) {
    case "percent_change":
      return `${end(a)} to ${end(b)} is ${change(w.result)}`;
    case "drawdown_from_peak":
      return `from a peak of ${end(a)} to ${end(b)} is ${change(w.result)}`;
    case "rebound_from_low":
      return `from a low of ${end(a)} to ${end(b)} is ${change(w.result)}`;
    case "implied_base":
      return pair((xs, r) => `${fig(xs[0])} after ${chg(xs[1])} means a starting level of ${comp(r)}`);
    case "base_from_change":
      return `${signed(a, true)}, ${chg(b)}, means a starting value of ${comp(w.result)}`;
    case "implied_fx_rate": {
      // two losses give the same rate as the amounts lost: no minus signs
      const size = (s: Shown) => fig(negative(s) ? flipped(s) : s);
      return pair((xs, r) => `${size(xs[0])} for ${size(xs[1])} is ${comp(r)}`);
    }
    case "leverage_wipeout_move":
      return `at ${fig(a)} leverage${p.maintenance_margin ? ` with a ${formatAmount(Number(p.maintenance_margin) * 100, "pct")} maintenance margin` : ""}, ${change(w.result)} wipes out the margin`;
    case "sum_of":
    case "probabilities_sum":
      // a range among several parts reads "between … and …": "$200 billion + between $175 billion and $185 billion"
      return `${w.xs.map(w.xs.length > 1 ? end : fig).join(" + ")} ${p.parts === "partial" ? "is only part of the total: " : "= "}${comp(w.result)}`;
    case "difference_of": {
      const r = w.result;
      const size = (iv: Interval | undefined) => (iv && negative({ iv }) ? comp(flipIv(iv)) : comp(iv));
      // one amount each way (bought and sold): how far apart they are, without a minus sign
      if ((negative(a) && b.iv.low >= 0) || (a.iv.low >= 0 && negative(b))) return `${signed(a)} and ${signed(b)} are ${size(r)} apart`;
      // a level that fell: from the earlier to the later is a loss
      if (a.iv.low >= 0 && b.iv.low >= 0 && r && negative({ iv: r })) {
        return a.asOf > b.asOf ? `from ${end(b)} to ${end(a)} is ${MONEY.test(w.unit) ? "a loss" : "a drop"} of ${size(r)}` : `${fig(a)} is ${size(r)} less than ${fig(b)}`;
      }
      return `${fig(a)} minus ${fig(b)} is ${comp(r)}`;
    }
    case "ratio_of": {
      const r = w.result;
      const share = r && negative({ iv: r }) ? comp(flipIv(r)) : comp(r);
      return p.as === "pct" ? `${signed(a)} is ${share} of ${signed(b)}` : `${fig(a)} divided by ${fig(b)} is ${comp(r)}`;
    }
    case "product_of":
      return `${fig(a)} times ${fig(b)} is ${comp(w.result)}`;
    case "compound_change":
      return `${joinWords(grouped(w.xs.map(chg)))} compounded make ${change(w.result)}`;
    case "remaining_change":
      return `${chg(a)} in all, with ${joinWords(grouped(w.xs.slice(1).map(chg)))} in part, leaves ${change(w.result)} for the rest`;
    case "rank_among":
      return rankWords(w);
    case "record_span":
      return recordWords(w, p.order as RankOrder);
    case "months_since":
      return `${formatAsOf(a.asOf)} is ${monthWords(monthsBetween(p.since, a.asOf))} after ${formatAsOf(p.since)}`;
    case "weekday":
      return weekdayLine(w);
    case "series_bracket":
      return `the series read ${fig(a)} on ${formatAsOf(a.asOf)} and ${fig(b)} on ${formatAsOf(b.asOf)} (between them, ${comp(w.result)} if it moved steadily)`;
    case "restatement":
      return `${fig(a)}, restated as ${w.target ? fig(w.target) : "the same figure"}`;
  }
}
