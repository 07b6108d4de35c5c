/**
 * Which printed numbers are figures. A number is not proposed when it is page chrome
 * (src/extract/chrome.ts), part of a date or a year, a clock time, part of a name ("S&P 500",
 * "Nasdaq 100", "Web3"), or a time window ("in 24 hours", "the 30-day correlation"). A number
 * written in words is a figure only when it counts something: "seven associations", "three-day",
 * "third consecutive session", "10 times". Every number left out keeps its reason, which the
 * review file records as an exclusion (data/claims-excluded.csv).
 */
import type { ChromeSpan } from "./chrome";
import type { DateMention } from "./dates";
import type { NumberMention } from "./recognise";
import { pluralNounAfter, unitFromNoun } from "./units";

/** A number that is not a figure, with the reason. */
export interface Skipped {
  mention: NumberMention;
  reason: string;
}

const WINDOW_BEFORE = /\b(in|within|over|past|last|next|first|for|the|a|every)\s+(the\s+)?(past\s+|last\s+|next\s+|first\s+)?$/i;
const STATISTIC_AFTER = /^-(day|hour|week)\s+(correlation|average|moving|volatility|window|rolling|return)/i;

/** Capitalised words that open a clause before a figure without naming anything ("Down 20–35%"). */
const NOT_NAMES = /^(Down|Up|Over|Under|About|Around|Nearly|Almost|Some|Only|Just|At|By|In|On|From|To|Below|Above|Roughly|Approximately|More|Less|Fell|Rose|Brutal|Sharp|Weekly|Daily)$/;

/**
 * True when a short whole number continues a capitalised name ("S&P 500", "Nasdaq 100 Index",
 * "Nikkei 225", "Magnificent 7"): it follows a capitalised word and a single space, and no
 * range, percent sign, unit or plural noun follows it.
 * @example isNamePart("the S&P ", " rose") // => true
 * @example isNamePart("Altcoins: Down ", "–35%+ in sessions") // => false
 */
export function isNamePart(before: string, after: string): boolean {
  const m = /(^|[\s(])([A-Z][\w&.-]*)\s$/.exec(before);
  if (!m || NOT_NAMES.test(m[2])) return false;
  return !/^\s?[–—-]\s?\$?\d/.test(after) && !/^\s?[a-z]+s\b/.test(after) && !/^\s?%/.test(after) && !unitFromNoun(after);
}

/**
 * Why a number is not a figure, or "" when it is one (see the module comment).
 * @example skipReason("the S&P 500 rose", { start: 8, end: 11, text: "500", value: 500, decimals: 0, scale: 1, percent: false, currency: null, word: false, ordinal: false, glued: false, source: "tokens" }, [], []) // => "part of a name"
 * @example skipReason("fell in 24 hours", { start: 8, end: 10, text: "24", value: 24, decimals: 0, scale: 1, percent: false, currency: null, word: false, ordinal: false, glued: false, source: "tokens" }, [], []) // => "a time window, not a figure"
 */
export function skipReason(text: string, m: NumberMention, chrome: readonly ChromeSpan[], dates: readonly DateMention[]): string {
  const c = chrome.find((s) => s.start <= m.start && m.end <= s.end) ?? chrome.find((s) => s.start < m.end && m.start < s.end);
  if (c) return c.reason;
  const plain = !m.percent && !m.currency && m.scale === 1;
  const before = text.slice(Math.max(0, m.start - 30), m.start);
  const after = text.slice(m.end, m.end + 40);
  if (plain && dates.some((d) => d.numeric && d.start <= m.start && m.end <= d.end)) return "part of a date";
  if (plain && /^\d{1,2}:\d{2}/.test(text.slice(m.start, m.start + 5))) return "a clock time";
  if (plain && /:$/.test(before) && /\d$/.test(text.slice(0, m.start - 1))) return "a clock time";
  if (plain && !m.word && m.decimals === 0 && /^\d{4}$/.test(m.text) && m.value >= 1900 && m.value <= 2100 && !unitFromNoun(after)) return "a year";
  if (plain && !m.word && isNamePart(before, after)) return "part of a name";
  if (plain && m.glued && /[A-Z][a-z]*$/.test(before) && !/^[\p{L}]/u.test(after)) return "part of a name";
  if (plain && (/^\s*(hours?|h)\b/i.test(after) || /^\s+(days|weeks|months|years|sessions|minutes|trading days)\b/i.test(after)) && WINDOW_BEFORE.test(before)) return "a time window, not a figure";
  if (plain && STATISTIC_AFTER.test(after)) return "a time window, not a figure";
  if (m.word) {
    if (m.ordinal) return /^\s+(consecutive\s+)?(sessions?|days?|trading days?)\b/i.test(after) ? "" : "an ordinal used as a word";
    if (m.value < 2 || !Number.isInteger(m.value)) return "a number word used as a word";
    if (/^-(day|year|month)s?\b/i.test(after) || /^\s+times\b/i.test(after)) return "";
    return pluralNounAfter(after) ? "" : "a number word used as a word";
  }
  return "";
}

/**
 * The numbers that are figures, and the others with their reasons.
 * @example splitFigures("up 5% in 24 hours", [{ start: 3, end: 5, text: "5%", value: 5, decimals: 0, scale: 1, percent: true, currency: null, word: false, ordinal: false, glued: false, source: "tokens" }, { start: 9, end: 11, text: "24", value: 24, decimals: 0, scale: 1, percent: false, currency: null, word: false, ordinal: false, glued: false, source: "tokens" }], [], []).figures.length // => 1
 */
export function splitFigures(
  text: string,
  mentions: readonly NumberMention[],
  chrome: readonly ChromeSpan[],
  dates: readonly DateMention[],
): { figures: NumberMention[]; skipped: Skipped[] } {
  const figures: NumberMention[] = [];
  const skipped: Skipped[] = [];
  for (const m of mentions) {
    const reason = skipReason(text, m, chrome, dates);
    if (reason) skipped.push({ mention: m, reason });
    else figures.push(m);
  }
  return { figures, skipped };
}
