/**
 * Figures as a reader writes them: "$91B", "about $60,000", "−12% to −15%", "a fall of 52.4%",
 * "5 Feb 2026". The one place where numbers become reader-facing words (the arithmetic shown on
 * every check verdict, and the notebooks' small formatters); every function is pure and
 * locale-free, built on `formatNumber` (src/render/html.ts). No unit ids, no interval notation.
 *
 * Digits: a figure as printed keeps the digits it was printed with ("$126,223", "0.72"); a
 * computed figure gets 3 significant digits but never fewer than its integer part ("$87.5B",
 * "$82,192"), and a computed percentage one decimal below 100 ("52.4%", "6.0%"), none from 100
 * ("103%") or for a whole number ("28%"), two below 1 ("0.51%"). Negative numbers take a true minus sign (−).
 */
import { formatSig } from "./format";
import { formatNumber } from "./html";
import { rateUnitWords } from "../domain/units";
import type { Interval } from "../data/types";


/** How a number is shown: as printed (its own digits) or as computed (rounded for reading). */
export type Digits = "printed" | "computed";

const MINUS = "\u2212";

/** A number with a true minus sign. */
function signed(text: string): string {
  return text.replace(/^-/, MINUS);
}

/**
 * A plain number for reading: as printed keeps its digits; computed gets 3 significant digits
 * (never fewer than the integer part).
 * @example readNumber(-2481.2) // => "−2,481.2"
 * @example readNumber(82191.78, "computed") // => "82,192"
 * @example readNumber(0.23076923, "computed") // => "0.231"
 */
export function readNumber(x: number, digits: Digits = "printed"): string {
  return signed(digits === "printed" ? formatNumber(Number(x.toPrecision(12))) : formatSig(x, 3));
}

/**
 * A percentage number (without the % sign): as printed keeps its digits; computed gets one
 * decimal below 100, none from 100 or for a whole number, two below 1.
 * @example readPercent(103.2967, "computed") // => "103"
 * @example readPercent(-52.38095, "computed") // => "−52.4"
 * @example readPercent(-5.98, "computed") // => "−6.0"
 * @example readPercent(-28.000000000000004, "computed") // => "−28"
 * @example readPercent(2.2) // => "2.2"
 */
export function readPercent(x: number, digits: Digits = "printed"): string {
  if (digits === "printed" || !Number.isFinite(x)) return readNumber(x);
  const a = Math.abs(x);
  const whole = Math.abs(a - Math.round(a)) <= 1e-9 * Math.max(1, a);
  return signed(formatNumber(x, whole || a >= 99.95 ? 0 : a >= 0.995 ? 1 : 2));
}

const SCALE_SUFFIX: Record<string, number> = { mn: 1e6, bn: 1e9, tn: 1e12 };
const CURRENCY: Record<string, { before: string; after: string; letters: boolean }> = {
  USD: { before: "$", after: "", letters: true },
  CNY: { before: "", after: " yuan", letters: false },
  TWD: { before: "NT$", after: "", letters: false },
};
const PLAIN_UNITS: Record<string, [string, string]> = {
  coins: [" coin", " coins"],
  people: [" person", " people"],
  points: [" point", " points"],
  pct_points: [" percentage point", " percentage points"],
  years: [" year", " years"],
  months: [" month", " months"],
  sessions: [" session", " sessions"],
  minutes: [" minute", " minutes"],
  days: [" day", " days"],
};

/** A currency amount in `unit` (USD, USD_bn, CNY_bn, TWD_mn, …) as a reader writes it. */
function currencyText(x: number, unit: string, digits: Digits): string | null {
  const m = /^([A-Z]{3})(?:_(mn|bn|tn))?$/.exec(unit);
  const cur = m ? CURRENCY[m[1]] : undefined;
  if (!m || !cur) return null;
  // a computed amount in a scaled unit is shown with the largest scale that keeps the number at 1
  // or more ($3,570B -> $3.57T); a printed one keeps its own ("2,481.2 billion yuan")
  let value = x * (m[2] ? SCALE_SUFFIX[m[2]] : 1);
  let scale: string | null = m[2] ?? null;
  if (m[2] && digits === "computed") {
    scale = "mn";
    for (const s of ["tn", "bn", "mn"]) {
      if (Math.abs(value) >= SCALE_SUFFIX[s] || s === "mn") {
        scale = s;
        break;
      }
    }
  }
  if (scale) value /= SCALE_SUFFIX[scale];
  const words: Record<string, [string, string]> = { mn: ["M", " million"], bn: ["B", " billion"], tn: ["T", " trillion"] };
  const suffix = scale ? (cur.letters ? words[scale][0] : words[scale][1]) : "";
  const n = readNumber(value, digits).replace(MINUS, "");
  return `${value < 0 ? MINUS : ""}${cur.before}${n}${suffix}${cur.after}`;
}

/**
 * One amount in its unit as a reader writes it: "$91B", "$3.57T", "17.3 billion yuan",
 * "NT$100 million", "−52%", "10x", "570,000 people", "17 years", "6.92 yuan per dollar".
 * @param x the number in `unit`
 * @param unit a ledger unit (data/vocabulary.csv) or an exchange rate such as CNY_per_USD
 * @example formatAmount(91, "USD_bn") // => "$91B"
 * @example formatAmount(3570, "USD_bn", "computed") // => "$3.57T"
 * @example formatAmount(-357, "USD_bn") // => "−$357B"
 * @example formatAmount(126223, "USD") // => "$126,223"
 * @example formatAmount(-52.38095, "pct", "computed") // => "−52.4%"
 * @example formatAmount(6.92, "CNY_per_USD") // => "6.92 yuan per dollar"
 * @example formatAmount(1, "years") // => "1 year"
 */
export function formatAmount(x: number, unit: string, digits: Digits = "printed"): string {
  if (!Number.isFinite(x)) return x > 0 ? "any amount" : "any amount";
  const money = currencyText(x, unit, digits);
  if (money !== null) return money;
  if (unit === "pct") return `${readPercent(x, digits)}%`;
  if (unit === "x") return `${readNumber(x, digits)}x`;
  if (unit === "USD_per_oz") return `${currencyText(x, "USD", digits)} an ounce`;
  const rate = rateUnitWords(unit);
  if (rate) return `${readNumber(x, digits)} ${rate}`;
  const plain = PLAIN_UNITS[unit];
  if (plain) return `${readNumber(x, digits)}${Math.abs(x) === 1 ? plain[0] : plain[1]}`;
  // index levels, scores, ratios, counts: the number alone
  return readNumber(x, digits);
}

/**
 * An interval of values in words: a point ("$91B"), a range ("$175B–$185B", "−12% to −15%"), or
 * one open end ("more than $2.5B", "at most $185B", "a fall of more than 10%" for a percentage
 * open downwards); "any value" when unbounded both ways. Ranges of negative figures run from the
 * smaller fall to the larger, as articles print them.
 * @example rangeWords({ low: 175, high: 185 }, "USD_bn") // => "$175B–$185B"
 * @example rangeWords({ low: -15, high: -12 }, "pct") // => "−12% to −15%"
 * @example rangeWords({ low: 2.5, high: Infinity, lowOpen: true, highOpen: true }, "USD_bn") // => "more than $2.5B"
 * @example rangeWords({ low: -Infinity, high: -10, lowOpen: true, highOpen: true }, "pct") // => "a fall of more than 10%"
 * @example rangeWords({ low: -Infinity, high: 65000, lowOpen: true, highOpen: true }, "USD") // => "under $65,000"
 */
export function rangeWords(iv: Interval, unit: string, digits: Digits = "printed"): string {
  const f = (x: number) => formatAmount(x, unit, digits);
  const { low, high } = iv;
  if (low === -Infinity && high === Infinity) return "any value";
  if (high === Infinity) return `${iv.lowOpen ? "more than" : "at least"} ${f(low)}`;
  if (low === -Infinity) {
    if (high <= 0 && unit === "pct") return `a fall of ${iv.highOpen ? "more than" : "at least"} ${f(-high)}`;
    if (high < 0) return `${iv.highOpen ? "below" : "at most"} ${f(high)}`;
    return `${iv.highOpen ? "under" : "at most"} ${f(high)}`;
  }
  if (f(low) === f(high)) return f(low);
  if (high <= 0) return `${f(high)} to ${f(low)}`;
  if (low < 0) return `${f(low)} to ${f(high)}`;
  return `${f(low)}–${f(high)}`;
}

/**
 * A change in percent in words: "a rise of 103%", "a fall of 52.4%", "a fall of 6.1% to 8.0%",
 * "a fall of more than 10%", "a change of −2% to +3%", "no change".
 * @example changeWords({ low: 103.2967, high: 103.2967 }) // => "a rise of 103%"
 * @example changeWords({ low: -8.0235, high: -6.0665 }) // => "a fall of 6.1% to 8.0%"
 * @example changeWords({ low: -Infinity, high: -28, lowOpen: true, highOpen: true }) // => "a fall of more than 28%"
 * @example changeWords({ low: -100, high: -28, highOpen: true }) // => "a fall of more than 28%"
 * @example changeWords({ low: -2, high: 3 }, "printed") // => "a change of −2% to +3%"
 */
export function changeWords(iv: Interval, digits: Digits = "computed"): string {
  const p = (x: number) => `${readPercent(x, digits)}%`;
  // a fall cannot exceed 100%: "a fall of 28% to 100%" is "a fall of more than 28%"
  const low = iv.low <= -100 && iv.high > -100 ? -Infinity : iv.low;
  const high = iv.high;
  if (low === -Infinity && high === Infinity) return "a change of any size";
  if (low >= 0 && high === Infinity) return `a rise of ${iv.lowOpen ? "more than" : "at least"} ${p(low)}`;
  if (high <= 0 && low === -Infinity) return `a fall of ${iv.highOpen ? "more than" : "at least"} ${p(-high)}`;
  if (high === Infinity) return `a change of ${iv.lowOpen ? "more than" : "at least"} ${p(low)}`;
  if (low === -Infinity) return `a change of ${iv.highOpen ? "less than" : "at most"} ${p(high)}`;
  const same = p(low) === p(high);
  if (low === 0 && high === 0) return "no change";
  if (low >= 0) return `a rise of ${same ? p(low) : `${p(low)} to ${p(high)}`}`;
  if (high <= 0) return `a fall of ${same ? p(-high) : `${p(-high)} to ${p(-low)}`}`;
  return `a change of ${p(low)} to +${p(high)}`;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** A YYYY, YYYY-MM or YYYY-MM-DD part in words. */
function datePart(part: string): { y: string; m?: number; d?: number } {
  const [y, m, d] = part.split("-");
  return { y, m: m === undefined ? undefined : Number(m), d: d === undefined ? undefined : Number(d) };
}

/**
 * An as_of (a date, month, year or range a/b) as a reader writes it: "5 Feb 2026",
 * "October 2025", "2026", "5–6 Feb 2026", "October to December 2024", "1 Nov 2025 to 31 Jan 2026".
 * Anything else is returned unchanged.
 * @example formatAsOf("2026-02-05") // => "5 Feb 2026"
 * @example formatAsOf("2025-10") // => "October 2025"
 * @example formatAsOf("2026-02-06/2026-02-07") // => "6–7 Feb 2026"
 * @example formatAsOf("2024-10/2024-12") // => "October to December 2024"
 * @example formatAsOf("2025-11-01/2026-01-31") // => "1 Nov 2025 to 31 Jan 2026"
 */
export function formatAsOf(asOf: string): string {
  if (!/^\d{4}(-\d{2}(-\d{2})?)?(\/\d{4}(-\d{2}(-\d{2})?)?)?$/.test(asOf)) return asOf;
  const short = (m: number) => MONTHS[m - 1].slice(0, 3);
  const one = (p: ReturnType<typeof datePart>) => (p.d !== undefined ? `${p.d} ${short(p.m!)} ${p.y}` : p.m !== undefined ? `${MONTHS[p.m - 1]} ${p.y}` : p.y);
  const [a, b] = asOf.split("/").map(datePart);
  if (!b) return one(a);
  if (a.d !== undefined && b.d !== undefined && a.y === b.y && a.m === b.m) return `${a.d}–${b.d} ${short(a.m!)} ${a.y}`;
  if (a.d === undefined && b.d === undefined && a.m !== undefined && b.m !== undefined && a.y === b.y) return `${MONTHS[a.m - 1]} to ${MONTHS[b.m - 1]} ${a.y}`;
  return `${one(a)} to ${one(b)}`;
}

/**
 * An ordinal number: 1st, 2nd, 3rd, 4th, 11th, 22nd.
 * @example ordinal(4) // => "4th"
 * @example ordinal(22) // => "22nd"
 */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${formatNumber(n)}${suffix}`;
}

