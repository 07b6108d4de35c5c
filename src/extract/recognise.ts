/**
 * Recognising the numbers printed in a text: where each one is, its value as printed, its scale
 * word ("K", "billion"), whether it is a percentage, its currency, and whether it was written in
 * words or run into letters by a machine translation ("overtake8%fell").
 *
 * Two engines, measured against each other on the five ledger articles (README, "Adding a new
 * article"):
 * - `recognizers`: Microsoft Recognizers-Text (English number, ordinal, percentage and currency
 *   models), line by line, plus the digit runs of src/numbers.ts that it does not cover (it
 *   skips digits run into letters, "$4.4T" and "20x");
 * - `recognizers-only`: the library alone (to measure what the fallback adds);
 * - `tokens`: the digit runs of src/numbers.ts alone, with the scale, % and currency printed
 *   next to them.
 * The library is loaded on first use, so importing this module (from a notebook) costs nothing.
 */
import { extractNumericTokens } from "../data/numbers";

/** Which recogniser finds the numbers. */
export type Engine = "recognizers" | "recognizers-only" | "tokens";
export const ENGINES: readonly Engine[] = ["recognizers", "recognizers-only", "tokens"];

/** One printed number. Offsets are UTF-16 code units of the text; `end` is exclusive. */
export interface NumberMention {
  /** Start of the printed number, currency sign included ("US$" of "US$2.5 billion"). */
  start: number;
  /** Just past its scale word, percent sign or currency name ("357 billion U.S. dollars"). */
  end: number;
  /** text.slice(start, end). */
  text: string;
  /** The number as printed, without its scale (1.8 for "$1.8 trillion"). */
  value: number;
  /** Digits after the decimal point. */
  decimals: number;
  /** The scale word's multiplier (1e12 for "trillion", 1e3 for "K"; 1 when none). */
  scale: number;
  percent: boolean;
  /** ISO code of the printed currency (USD, CNY, TWD, EUR, GBP, JPY) or null. */
  currency: string | null;
  /** Written in words ("seven", "third"). */
  word: boolean;
  ordinal: boolean;
  /** Digits run into letters on either side ("level59800Dollar"): a machine-translation garble. */
  glued: boolean;
  source: "recognizers" | "tokens";
}

const SCALE_WORDS: Record<string, number> = { thousand: 1e3, k: 1e3, million: 1e6, mn: 1e6, m: 1e6, billion: 1e9, bn: 1e9, b: 1e9, trillion: 1e12, tn: 1e12, t: 1e12 };
const SCALE_AFTER = /^\s?([Tt]housand|[Mm]illion|[Bb]illion|[Tt]rillion|bn|tn|mn|K|k|M|B|T)(?![A-Za-z])/;
const PERCENT_AFTER = /^\s?(%|percent\b|per cent\b)/i;
const CURRENCY_BEFORE = /(US\$|NT\$|HK\$|RMB\s?|CNY\s?|USD\s?|\$|¥|€|£)$/;
const CURRENCY_AFTER = /^\s?(U\.S\. dollars|US dollars|dollars?|Dollar|yuan|RMB|New Taiwan dollars|euros?)/i;
const LETTER = /\p{L}/u;

/**
 * The ISO code of a printed currency sign or name; null when it names none.
 * @example currencyCode("US$") // => "USD"
 * @example currencyCode("yuan") // => "CNY"
 * @example currencyCode("NT$") // => "TWD"
 */
export function currencyCode(printed: string): string | null {
  const p = printed.trim().toLowerCase();
  if (p === "nt$" || p.includes("taiwan")) return "TWD";
  if (p === "rmb" || p === "cny" || p === "¥" || p.includes("yuan")) return "CNY";
  if (p === "€" || p.startsWith("euro")) return "EUR";
  if (p === "£") return "GBP";
  if (p === "hk$") return "HKD";
  if (p === "$" || p === "us$" || p === "usd" || p.includes("dollar")) return "USD";
  return null;
}

/**
 * A mention completed with what is printed next to it and not yet read: a scale word, a percent
 * sign, a currency sign before or a currency name after (the library leaves "$" off "$185B" in
 * "$175–$185B" and does not know "T" for trillion), and whether digits run into letters.
 */
function withSurroundings(text: string, m: NumberMention): NumberMention {
  let { start: s, end: e, scale, percent, currency } = m;
  if (!m.word && scale === 1) {
    const scaleM = SCALE_AFTER.exec(text.slice(e));
    if (scaleM) {
      scale = SCALE_WORDS[scaleM[1].toLowerCase()];
      e += scaleM[0].length;
    }
  }
  if (!percent) {
    const pctM = PERCENT_AFTER.exec(text.slice(e));
    if (pctM) {
      percent = true;
      e += pctM[0].length;
    }
  }
  const before = currency || m.word ? null : CURRENCY_BEFORE.exec(text.slice(Math.max(0, s - 5), s));
  if (before) {
    currency = currencyCode(before[1]);
    s -= before[1].length;
  } else if (!currency && !percent && !m.word) {
    const after = CURRENCY_AFTER.exec(text.slice(e));
    if (after) {
      currency = currencyCode(after[1]);
      e += after[0].length;
    }
  }
  // a letter right before the digits (not a currency sign) or right after the figure: run-together text
  const prev = text[s - 1] ?? "";
  const rest = text.slice(e);
  const glued = !m.word && ((LETTER.test(prev) && !/[$¥€£]/.test(text[s] ?? "")) || (LETTER.test(rest[0] ?? "") && !/^x(?![A-Za-z])/.test(rest)));
  return { ...m, start: s, end: e, text: text.slice(s, e), scale, percent, currency, glued };
}

/** The mention of the digit run at [start, end), with what is printed next to it. */
function tokenMention(text: string, start: number, end: number, digits: string): NumberMention {
  const plain = digits.replace(/,/g, "");
  const dot = plain.indexOf(".");
  const bare: NumberMention = {
    start, end, text: digits, value: Number(plain), decimals: dot === -1 ? 0 : plain.length - dot - 1,
    scale: 1, percent: false, currency: null, word: false, ordinal: false, glued: false, source: "tokens",
  };
  return withSurroundings(text, bare);
}

/**
 * Every digit run of `text` (src/numbers.ts), each with the scale, percent sign and currency
 * printed next to it: the `tokens` engine.
 * @example recogniseTokens("up 4.4% to $2.3T").map((m) => [m.text, m.value, m.scale, m.percent, m.currency]) // => [["4.4%", 4.4, 1, true, null], ["$2.3T", 2.3, 1e12, false, "USD"]]
 * @example recogniseTokens("overtake8%fell")[0].glued // => true
 */
export function recogniseTokens(text: string): NumberMention[] {
  return extractNumericTokens(text).map((t) => tokenMention(text, t.start, t.end, t.text));
}

interface RtResult {
  start: number;
  end: number;
  text: string;
  resolution: Record<string, unknown> | null;
}

interface RtModules {
  number(s: string): RtResult[];
  ordinal(s: string): RtResult[];
  percentage(s: string): RtResult[];
  currency(s: string): RtResult[];
}

let rt: RtModules | undefined;

/** The Recognizers-Text models for English, required on first use. */
function recognizers(): RtModules {
  if (!rt) {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const N = require("@microsoft/recognizers-text-number") as typeof import("@microsoft/recognizers-text-number");
    const U = require("@microsoft/recognizers-text-number-with-unit") as typeof import("@microsoft/recognizers-text-number-with-unit");
    /* eslint-enable @typescript-eslint/no-require-imports */
    // One recognizer and one model of each kind, built once (lazily, English only): the library's
    // recognizeNumber() and recognizeCurrency() build a recognizer with every model of the culture
    // on every call, which cost more than the parsing itself. Same models, same results.
    const numbers = new N.NumberRecognizer(N.Culture.English, N.NumberOptions.None, true);
    const units = new U.NumberWithUnitRecognizer(U.Culture.English, U.NumberWithUnitOptions.None, true);
    const number = numbers.getNumberModel();
    const ordinal = numbers.getOrdinalModel();
    const percentage = numbers.getPercentageModel();
    const currency = units.getCurrencyModel();
    rt = {
      number: (s) => number.parse(s),
      ordinal: (s) => ordinal.parse(s),
      percentage: (s) => percentage.parse(s),
      currency: (s) => currency.parse(s),
    };
  }
  return rt;
}

/** Lines of a text with their offsets (the library is run line by line: its cost grows faster than the text). */
export function textLines(text: string): { start: number; line: string }[] {
  const out: { start: number; line: string }[] = [];
  let at = 0;
  for (const line of text.split("\n")) {
    out.push({ start: at, line });
    at += line.length + 1;
  }
  return out;
}

/**
 * Every way the library's English lists print one of the currencies of RT_UNIT_CURRENCY (its
 * CurrencySuffixList and CurrencyPrefixList), and more: a line without any of these cannot name
 * one, so the currency model (the slowest of the library's models) is not run on it.
 */
const CURRENCY_WORDS = /[$€£¥￥元]|dollar|euro?|pound|sterling|gbp|usd|yuan|kuai|renminbi|cny|rmb|twd|ntd/i;

const RT_UNIT_CURRENCY: Record<string, string> = { Dollar: "USD", "United States dollar": "USD", "Chinese yuan": "CNY", "New Taiwan dollar": "TWD", Euro: "EUR", "British pound": "GBP" };

/** Mentions of one line by the library (offsets within the line). */
function recogniseLine(line: string): NumberMention[] {
  const m = recognizers();
  const out: NumberMention[] = [];
  const add = (r: RtResult, ordinal: boolean) => {
    let start = r.start;
    let text = line.slice(r.start, r.end + 1);
    // the sign belongs to the figure reader ("2%-5%" is a range, "-1%+" a fall)
    const sign = /^[-−–]/.exec(text);
    if (sign) {
      start += 1;
      text = text.slice(1);
    }
    const word = !/\d/.test(text);
    // "14 in 24" (a fraction) or "2026-2": digits with words or dashes inside are left to the digit runs
    if (!word && !/^\d+(?:[.,]\d+)*\s?(?:[Tt]housand|[Mm]illion|[Bb]illion|[Tt]rillion|bn|tn|mn|[KkMBT])?$/.test(text)) return;
    if (word && /^half$/i.test(text)) return; // "half" is a word figure (src/extract/words.ts)
    // "next", "last": relative ordinals are not numbers
    const said = String(r.resolution?.value ?? "");
    if (word && !(/^\d+$/.test(said) && Number(said) >= 1)) return;
    const printed = /\d+(?:[.,]\d+)*/.exec(text);
    const plain = printed ? printed[0].replace(/,/g, "") : "";
    const value = word ? Number(r.resolution?.value) : Number(plain);
    if (!Number.isFinite(value)) return;
    const sc = SCALE_AFTER.exec(text.slice(printed ? printed.index + printed[0].length : text.length));
    const dot = plain.indexOf(".");
    out.push({
      start, end: start + text.length, text, value, decimals: dot === -1 ? 0 : plain.length - dot - 1,
      scale: sc ? SCALE_WORDS[sc[1].toLowerCase()] : 1, percent: false, currency: null, word, ordinal, glued: false, source: "recognizers",
    });
  };
  for (const r of m.number(line)) add(r, false);
  for (const r of m.ordinal(line)) if (!/\d/.test(r.text)) add(r, true);
  // percent signs and currencies only mark numbers found above: without one, nothing to mark
  if (out.length === 0) return out;
  out.sort((a, b) => a.start - b.start);
  for (const p of m.percentage(line)) {
    const hit = out.find((x) => x.start >= p.start - 1 && x.start <= p.end && /\d/.test(line.slice(p.start, p.end + 1)));
    if (hit) {
      hit.percent = true;
      hit.end = Math.max(hit.end, p.end + 1);
      hit.text = line.slice(hit.start, hit.end);
    }
  }
  for (const c of CURRENCY_WORDS.test(line) ? m.currency(line) : []) {
    const code = RT_UNIT_CURRENCY[String(c.resolution?.unit)];
    if (!code || c.resolution?.value == null) continue;
    const inside = out.filter((x) => x.start >= c.start && x.start <= c.end);
    if (inside.length === 0) continue;
    const printed = line.slice(c.start, c.end + 1);
    // "$175" of "$175–$185B" or "US$2.5 billion": the sign is before the first number; "357 billion U.S. dollars": the name after the last
    const prefix = !/^\d/.test(printed);
    const hit = prefix ? inside[0] : inside[inside.length - 1];
    hit.currency = code;
    if (prefix) hit.start = Math.min(hit.start, c.start);
    else hit.end = Math.max(hit.end, c.end + 1);
    hit.text = line.slice(hit.start, hit.end);
  }
  return out;
}

/**
 * Every number printed in `text`, in order, by the chosen engine (see the module comment).
 * @example recogniseNumbers("seven associations and US$2.5 billion").map((m) => [m.value, m.word, m.currency, m.scale]) // => [[7, true, null, 1], [2.5, false, "USD", 1e9]]
 * @example recogniseNumbers("fell more than 8%", "tokens")[0].percent // => true
 */
export function recogniseNumbers(text: string, engine: Engine = "recognizers"): NumberMention[] {
  const tokens = recogniseTokens(text);
  if (engine === "tokens") return tokens;
  const found: NumberMention[] = [];
  for (const { start, line } of textLines(text)) {
    if (!/[\p{L}\d]/u.test(line)) continue;
    for (const m of recogniseLine(line)) found.push(withSurroundings(text, { ...m, start: m.start + start, end: m.end + start }));
  }
  if (engine === "recognizers") {
    // digit runs the library skipped: run into letters ("overtake8%fell"), "$4.4T", "20x"
    for (const t of tokens) if (!found.some((f) => f.start < t.end && t.start < f.end)) found.push(t);
  }
  return found.sort((a, b) => a.start - b.start || b.end - a.end).filter((m, i, all) => i === 0 || m.start >= all[i - 1].end);
}
