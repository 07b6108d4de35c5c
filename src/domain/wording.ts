/**
 * Figures and dates in the words a reader expects: "$60,008.52", "$3.79 billion", "a 5.6% fall",
 * "570,000 people", "6 Feb 2026", "2–6 Feb 2026", "November 2025". No interval notation, no unit
 * ids. Used by the explanations (src/domain/explain.ts) and by the checks' working lines.
 *
 * Also the words a reader sees for the machine's keys, where tables and charts show them: a
 * column name ("as_of" → "as of", "raw" → "as printed"), a vocabulary term (data/vocabulary.csv:
 * "after_hours" → "after the regular session closed"), a date, a rating. The DataFrames keep
 * their keys; only what is shown is put in words. Pure, except that the vocabulary, when none is
 * given, is data/vocabulary.csv, read once.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { isRating, ratingLabel } from "./ratings";
import { parseCsv } from "../data/csv";
import { DATA_DIR } from "../data/paths";
import { rateUnitWords } from "./units";
import type { Term } from "../data/types";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/**
 * A number with thousands separators, its whole part always in full and its decimals cut to
 * `digits` significant digits in all (trailing zeros dropped); a minus sign as "−".
 * @example plainNumber(60008.52, 7) // => "60,008.52"
 * @example plainNumber(103.2967033) // => "103.3"
 * @example plainNumber(-1.59) // => "−1.59"
 * @example plainNumber(4.379) // => "4.379"
 */
export function plainNumber(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return String(x);
  const abs = Math.abs(x);
  const whole = Math.floor(abs).toString().length;
  const decimals = abs >= 1 ? Math.max(0, digits - whole) : Math.max(0, digits - 1 - Math.floor(Math.log10(abs || 1)));
  const rounded = Number(abs.toFixed(Math.min(decimals, 6)));
  const [int, frac] = String(abs >= 1e4 && Number.isInteger(rounded) ? rounded : rounded).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const text = frac ? `${grouped}.${frac}` : grouped;
  return (x < 0 && rounded !== 0 ? "−" : "") + text;
}

/** How each unit is written around a number. */
const UNIT_WORDS: Readonly<Record<string, (n: string) => string>> = {
  USD: (n) => `$${n}`,
  USD_mn: (n) => `$${n} million`,
  USD_bn: (n) => `$${n} billion`,
  USD_tn: (n) => `$${n} trillion`,
  CNY_mn: (n) => `RMB ${n} million`,
  CNY_bn: (n) => `RMB ${n} billion`,
  TWD_mn: (n) => `NT$${n} million`,
  pct: (n) => `${n}%`,
  pct_points: (n) => `${n} percentage points`,
  index_pts: (n) => `${n} points`,
  points: (n) => `${n} points`,
  coins: (n) => `${n} bitcoin`,
  people: (n) => `${n} people`,
  ratio: (n) => n,
  x: (n) => `${n}x`,
  years: (n) => `${n} years`,
  months: (n) => `${n} months`,
  sessions: (n) => `${n} sessions`,
  score: (n) => `a reading of ${n}`,
  USD_per_oz: (n) => `$${n} an ounce`,
  count: (n) => n,
};

/**
 * A value in its unit as a reader writes it; money keeps its sign in front ("−$3 billion"); a
 * thousand billion dollars or more in trillions; an exchange rate in the currencies' names.
 * @example plainAmount(60008.52, "USD", 7) // => "$60,008.52"
 * @example plainAmount(3.79, "USD_bn") // => "$3.79 billion"
 * @example plainAmount(3572, "USD_bn") // => "$3.572 trillion"
 * @example plainAmount(-5.6, "pct") // => "−5.6%"
 * @example plainAmount(0.233, "CNY_per_TWD") // => "0.233 yuan per Taiwan dollar"
 */
export function plainAmount(value: number, unit: string, digits = 4): string {
  if (unit === "USD_bn" && Math.abs(value) >= 1000) return plainAmount(value / 1000, "USD_tn", digits);
  const n = plainNumber(Math.abs(value), digits);
  const sign = value < 0 && n !== "0" ? "−" : "";
  const rate = rateUnitWords(unit);
  if (rate) return `${sign}${n} ${rate}`;
  const w = UNIT_WORDS[unit];
  return w ? `${sign}${w(n)}` : `${sign}${n} ${unit.replace(/_/g, " ")}`;
}

/**
 * A range of values in its unit: "$60,008–$60,187", "18–20%", or one value when both ends agree;
 * an open end becomes "at least" / "at most"; an exchange rate names its currencies once.
 * @example plainRange(60008, 60187, "USD") // => "$60,008 to $60,187"
 * @example plainRange(2.5, null, "USD_bn") // => "at least $2.5 billion"
 * @example plainRange(7, 7, "USD_bn") // => "$7 billion"
 * @example plainRange(0.21, 0.26, "CNY_per_TWD") // => "0.21 to 0.26 yuan per Taiwan dollar"
 */
export function plainRange(low: number | null, high: number | null, unit: string, digits = 4): string {
  const rate = rateUnitWords(unit);
  if (rate && low !== null && high !== null && low !== high) return `${plainAmount(low, "count", digits)} to ${plainAmount(high, "count", digits)} ${rate}`;
  if (low !== null && high !== null) return low === high ? plainAmount(low, unit, digits) : `${plainAmount(low, unit, digits)} to ${plainAmount(high, unit, digits)}`;
  if (low !== null) return `at least ${plainAmount(low, unit, digits)}`;
  if (high !== null) return `at most ${plainAmount(high, unit, digits)}`;
  return "any value";
}

function dayParts(d: string): [number, number, number | null] {
  const [y, m, day] = d.split("-").map(Number);
  return [y, m ?? 0, day ?? null];
}

/**
 * An as_of date in words: a day, a month, a year, or a span of them.
 * @example plainDate("2026-02-06") // => "6 Feb 2026"
 * @example plainDate("2026-02-02/2026-02-06") // => "2–6 Feb 2026"
 * @example plainDate("2025-11") // => "November 2025"
 * @example plainDate("2025-10-06/2025-12-04") // => "6 Oct to 4 Dec 2025"
 * @example plainDate("2025-11-01/2026-01-31") // => "1 Nov 2025 to 31 Jan 2026"
 */
export function plainDate(asOf: string): string {
  const one = (d: string) => {
    const [y, m, day] = dayParts(d);
    if (!m) return String(y);
    return day === null ? `${MONTH_NAMES[m - 1]} ${y}` : `${day} ${MONTHS[m - 1]} ${y}`;
  };
  const parts = asOf.split("/");
  if (parts.length !== 2) return one(asOf);
  const [a, b] = parts.map(dayParts);
  if (a[2] !== null && b[2] !== null) {
    if (a[0] === b[0] && a[1] === b[1]) return `${a[2]}–${b[2]} ${MONTHS[b[1] - 1]} ${b[0]}`;
    if (a[0] === b[0]) return `${a[2]} ${MONTHS[a[1] - 1]} to ${b[2]} ${MONTHS[b[1] - 1]} ${b[0]}`;
  }
  return `${one(parts[0])} to ${one(parts[1])}`;
}

/**
 * A share as a reader reads it: "0.35%", "37%", "less than 0.01%".
 * @example plainShare(0.0034869) // => "0.35%"
 * @example plainShare(0.37) // => "37%"
 */
export function plainShare(share: number): string {
  const pct = 100 * Math.abs(share);
  if (pct < 0.01) return "less than 0.01%";
  return `${Number(pct.toPrecision(2))}%`;
}

/**
 * A quoted figure with typographic quotes, for sentences.
 * @example quoted("$60,000") // => "“$60,000”"
 */
export function quoted(text: string): string {
  return `“${text.trim()}”`;
}

/**
 * A vocabulary meaning cut to its plain first phrase, for readers: data/vocabulary.csv writes
 * each meaning as a label, then (after ";", "," or "(") the analyst's definition.
 * @example plainMeaning("change in percent; the move over the window, falls negative") // => "change in percent"
 * @example plainMeaning("leveraged crypto traders (people liquidated)") // => "leveraged crypto traders"
 * @example plainMeaning("a level at as_of") // => "a level at a date"
 */
export function plainMeaning(meaning: string): string {
  return meaning.split(/[;,(]/)[0].trim().replace(/\bas_of\b/g, "a date") || meaning;
}

type Vocabulary = readonly Pick<Term, "field" | "term" | "meaning">[];
let projectVocabulary: Vocabulary | undefined;

/**
 * The terms of data/vocabulary.csv, read once (the words tables and charts use when given no
 * vocabulary); none when the file cannot be read (`npm run validate` reports a bad file, display
 * only falls back to the terms themselves).
 */
function defaultVocabulary(): Vocabulary {
  if (!projectVocabulary) {
    try {
      const file = path.join(DATA_DIR, "vocabulary.csv");
      projectVocabulary = parseCsv(fs.readFileSync(file, "utf8"), "data/vocabulary.csv").rows.map((r) => r.values as unknown as Term);
    } catch {
      projectVocabulary = [];
    }
  }
  return projectVocabulary;
}

/**
 * A vocabulary term in words: its meaning's plain first phrase (plainMeaning); a term the
 * vocabulary (default data/vocabulary.csv) does not list, with its underscores as spaces.
 * @example termWords("window", "after_hours", [{ field: "window", term: "after_hours", meaning: "after the regular session closed" }]) // => "after the regular session closed"
 * @example termWords("subject", "BTC", [{ field: "subject", term: "BTC", meaning: "Bitcoin" }]) // => "Bitcoin"
 * @example termWords("metric", "pct_change", []) // => "pct change"
 */
export function termWords(field: string, term: string, vocabulary: Vocabulary = defaultVocabulary()): string {
  const meaning = vocabulary.find((t) => t.field === field && t.term === term)?.meaning;
  return meaning ? plainMeaning(meaning) : term.replace(/_/g, " ");
}

/**
 * What a quantity measures, in words: its subject (capitalised), metric and window(s) as the
 * vocabulary words them, joined by " · "; several windows ("intraday|episode") joined by "or".
 * @example quantityWords("BTC", "low", "intraday|episode", [{ field: "subject", term: "BTC", meaning: "Bitcoin" }, { field: "metric", term: "low", meaning: "low; the trough" }, { field: "window", term: "intraday", meaning: "within one trading session, from …" }, { field: "window", term: "episode", meaning: "the whole sell-off" }]) // => "Bitcoin · low · within one trading session or the whole sell-off"
 */
export function quantityWords(subject: string, metric: string, window: string, vocabulary: Vocabulary = defaultVocabulary()): string {
  const s = termWords("subject", subject, vocabulary);
  const windows = window.split("|").map((w) => termWords("window", w, vocabulary));
  return `${s.charAt(0).toUpperCase()}${s.slice(1)} · ${termWords("metric", metric, vocabulary)} · ${windows.join(" or ")}`;
}

/** Column names whose words are not the name with spaces. */
const COLUMN_WORDS: Readonly<Record<string, string>> = {
  raw: "as printed",
  as_of: "as of",
};

/**
 * A column name as a table's header says it: the vocabulary's own words for a few ("raw" → "as
 * printed"), a rating's label for a column counting a rating, else the name with its
 * underscores as spaces.
 * @example columnWords("as_of") // => "as of"
 * @example columnWords("raw") // => "as printed"
 * @example columnWords("accurate_rounded") // => "Accurate, rounded"
 * @example columnWords("checks_failed") // => "checks failed"
 */
export function columnWords(key: string): string {
  if (isRating(key)) return ratingLabel(key);
  return COLUMN_WORDS[key] ?? key.replace(/_/g, " ");
}

const VOCABULARY_FIELDS = new Set(["subject", "metric", "window", "unit"]);
const AS_OF = /^\d{4}(-\d{2}(-\d{2})?)?(\/\d{4}(-\d{2}(-\d{2})?)?)?$/;

/**
 * A value of a column as a reader reads it in a table cell or a legend: a rating's label, a
 * vocabulary term in words (subject, metric, window, unit: termWords), a date of `as_of` in words,
 * a lone snake_case key with spaces; anything else as it is.
 * @example valueWords("rating", "accurate_rounded") // => "Accurate, rounded"
 * @example valueWords("as_of", "2026-02-02/2026-02-06") // => "2–6 Feb 2026"
 * @example valueWords("kind", "percent_change") // => "percent change"
 * @example valueWords("quote", "fell 5% in after_hours trade") // => "fell 5% in after_hours trade"
 */
export function valueWords(column: string, value: string, vocabulary?: Vocabulary): string {
  if (/(^|_)rating$/.test(column) && isRating(value)) return ratingLabel(value);
  if (value === "") return value;
  if (VOCABULARY_FIELDS.has(column)) return termWords(column, value, vocabulary);
  if (column === "as_of" && AS_OF.test(value)) return plainDate(value);
  return /^[a-z][a-z0-9]*(_[a-z0-9]+)+$/.test(value) ? value.replace(/_/g, " ") : value;
}
