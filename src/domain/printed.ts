/**
 * Does a stored bound say what the text prints? (issue 16)
 *
 * Every `low`/`high` of data/claims.csv must be a figure its `raw` prints, and every bound of
 * data/independent.csv a figure its `quote` prints; otherwise the hedge rules would read a
 * number nobody printed (and, with no matching digits, fall back to the ±10% of a word figure).
 * A bound matches its text when one of these holds (data/README.md, "Bounds and the printed
 * figure"):
 * 1. digits: the text prints the number, with its scale word or suffix ("$126K" -> 126000 USD,
 *    "$1.8 trillion" -> 1.8 USD_tn), as the hedge rules read it (`printedPrecision`); the sign is
 *    the ledger's (falls negative) and not printed;
 * 2. a number spelled in words, alone or mixed with digits: "seven", "three-day", "third",
 *    "five-point-26" (5.26), "four-thousand-949-point-67" (`spelledNumbers`);
 * 3. a word figure of the list `WORD_FIGURES` ("halved" = 50%, "doubling", "twice" = 100%,
 *    "tripled" = 200%, "trillions" =
 *    2 trillion, "hundreds of thousands" = 100,000, "several" = 3, "multiple" = 2);
 * 4. a span "since <month> <year>" or "since <year>" in months or years, counted from that date
 *    to the figure's `as_of` ("lowest since September 2020", as of 2025-12 -> 63 months).
 * Anything else is a mismatch: `low 59000 does not match the printed "$60,000"`.
 */
import { printedPrecision, unitMagnitude } from "./hedges";

/** Scale words, in plain units. */
const SCALES: Readonly<Record<string, number>> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const ONES: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12,
};
const DIGIT_RUN = /^\d+(?:[.,]\d+)*$/;

/**
 * Every number spelled (at least partly) in words in `text`: runs of number words and digits
 * joined by hyphens or spaces, with "point" for the decimal point. Runs of digits alone are left
 * to the digit rule.
 * @example spelledNumbers("shed 274-point-69 points, or five-point-26 percent") // => [274.69, 5.26]
 * @example spelledNumbers("close at four-thousand-949-point-67") // => [4949.67]
 * @example spelledNumbers("its third consecutive session, a three-day rout, seven associations") // => [3, 3, 7]
 * @example spelledNumbers("up 200 points") // => []
 */
export function spelledNumbers(text: string): number[] {
  const out: number[] = [];
  let run: string[] = [];
  let lastEnd = -1;
  const flush = () => {
    const v = evaluateRun(run);
    if (v !== null) out.push(v);
    run = [];
  };
  for (const m of text.matchAll(/\d+(?:[.,]\d+)*|[A-Za-z]+/g)) {
    const tok = m[0].toLowerCase();
    const numeric = DIGIT_RUN.test(tok) || tok in ONES || tok in SCALES || tok === "point";
    const joined = lastEnd >= 0 && /^[\s-]*$/.test(text.slice(lastEnd, m.index));
    if (!numeric || !joined) flush();
    if (numeric) {
      run.push(tok);
      lastEnd = m.index! + m[0].length;
    } else lastEnd = -1;
  }
  flush();
  return out;
}

/** The value of one run of number tokens; null when it holds no number word or does not read. */
function evaluateRun(tokens: readonly string[]): number | null {
  if (!tokens.some((t) => t in ONES || t === "point")) return null;
  let total = 0;
  let current = 0;
  let fraction = "";
  let afterPoint = false;
  for (const t of tokens) {
    if (afterPoint) {
      if (DIGIT_RUN.test(t) && !/[.,]/.test(t)) fraction += t;
      else if (t in ONES && ONES[t] < 10 && !/(st|nd|rd|th)$/.test(t)) fraction += String(ONES[t]);
      else return null;
    } else if (t === "point") afterPoint = true;
    else if (DIGIT_RUN.test(t)) current += Number(t.replace(/,/g, ""));
    else if (t in ONES) current += ONES[t];
    else if (t === "hundred") current = (current || 1) * 100;
    else {
      total += (current || 1) * SCALES[t];
      current = 0;
    }
  }
  if (afterPoint && fraction === "") return null;
  return total + current + (fraction ? Number(`0.${fraction}`) : 0);
}

/** A word figure: words that stand for a number without printing one. */
export interface WordFigure {
  /** The words, as a case-insensitive pattern. */
  words: RegExp;
  /** What the words are read as, for data/README.md. */
  reading: string;
  /** The value in plain units (a percentage in pct), or null when the words mean nothing in `unit`. */
  value(match: RegExpMatchArray, unit: string): number | null;
}

const PLURAL_SCALE: Readonly<Record<string, number>> = { thousands: 1e3, millions: 1e6, billions: 1e9, trillions: 1e12 };
const byUnit = (values: Readonly<Record<string, number>>) => (_m: RegExpMatchArray, unit: string) => values[unit] ?? null;

/**
 * The word figures the ledger reads, longest first (a match is used up, so "hundreds of
 * millions" is not also read as "millions"). Plural scales are the smallest amount the words can
 * mean; "half" and "double" are moves in percent (or ratios).
 */
export const WORD_FIGURES: readonly WordFigure[] = [
  { words: /\bhundreds of (thousands|millions|billions|trillions)\b/i, reading: "100 times the scale: hundreds of thousands = 100,000", value: (m) => 100 * PLURAL_SCALE[m[1].toLowerCase()] },
  { words: /\b(thousands|millions|billions|trillions)\b/i, reading: "twice the scale: trillions = 2 trillion", value: (m) => 2 * PLURAL_SCALE[m[1].toLowerCase()] },
  { words: /\b(half|halved|halving)\b/i, reading: "50% (0.5 as a ratio)", value: byUnit({ pct: 50, x: 0.5, ratio: 0.5 }) },
  { words: /\b(double|doubled|doubling|twice)\b/i, reading: "100% (2 as a ratio)", value: byUnit({ pct: 100, x: 2, ratio: 2 }) },
  { words: /\b(triple|tripled|tripling|threefold)\b/i, reading: "200% (3 as a ratio)", value: byUnit({ pct: 200, x: 3, ratio: 3 }) },
  { words: /\bseveral\b/i, reading: "3", value: () => 3 },
  { words: /\bmultiples?\b/i, reading: "2", value: () => 2 },
];

/** A figure printed in words: the words as printed, where they start, and the value they are read as. */
export interface WordReading {
  text: string;
  index: number;
  value: number;
}

/**
 * The word figures in `text` with their places, values in plain units (a percentage in pct), in
 * the order of `WORD_FIGURES`; each stretch of text is read once.
 * @example wordFiguresIn("roughly double the $91.4 billion", "pct") // => [{ text: "double", index: 8, value: 100 }]
 * @example wordFiguresIn("shares tripled", "x") // => [{ text: "tripled", index: 7, value: 3 }]
 */
export function wordFiguresIn(text: string, unit: string): WordReading[] {
  const out: WordReading[] = [];
  let rest = text;
  for (const w of WORD_FIGURES) {
    const all = new RegExp(w.words.source, "gi");
    for (const m of rest.matchAll(all)) {
      const v = w.value(m, unit);
      if (v !== null) out.push({ text: text.slice(m.index!, m.index! + m[0].length), index: m.index!, value: v });
    }
    rest = rest.replace(all, (s) => " ".repeat(s.length));
  }
  return out;
}

/**
 * The values of the word figures in `text`, in plain units (see `WORD_FIGURES`).
 * @example wordFigureValues("with trillions in market value erased", "USD_tn") // => [2e12]
 * @example wordFigureValues("hundreds of millions of New Taiwan dollars", "TWD_mn") // => [1e8]
 * @example wordFigureValues("cut in half", "pct") // => [50]
 */
export function wordFigureValues(text: string, unit: string): number[] {
  return wordFiguresIn(text, unit).map((w) => w.value);
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const SINCE = /\bsince\s+(?:(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+)?((?:19|20)\d\d)\b/gi;

/**
 * The span printed as "since <month> <year>" or "since <year>": the phrase, where it starts, and
 * its length in `unit` (months or years) from that date to the month (year) of `asOf`, the end of
 * a range; the day is not counted (whole months or years). Null when the text has no such phrase,
 * the unit is neither, or the dates do not allow it (months need the month of `asOf`).
 * @example sincePhrase("its steepest one-day drop since March 2020, wiping", "2026-01-29", "months") // => { text: "since March 2020", index: 26, value: 70 }
 */
export function sincePhrase(text: string, asOf: string, unit: string): WordReading | null {
  return sincePhrases(text, asOf, unit)[0] ?? null;
}

/**
 * Every "since <month> <year>" or "since <year>" span of a text, in order (`sincePhrase`): a
 * quote may print two ("the highest for the month since 2009 … the highest monthly total since
 * October 2025").
 * @example sincePhrases("highest for the month since 2009. The highest monthly total since October 2025", "2026-01", "months").map((w) => w.value) // => [204, 3]
 */
export function sincePhrases(text: string, asOf: string, unit: string): WordReading[] {
  const end = /^(\d{4})(?:-(\d{2}))?/.exec(asOf.split("/").pop() ?? "");
  if (!end || (unit !== "years" && (unit !== "months" || !end[2]))) return [];
  return [...text.matchAll(SINCE)].map((m) => {
    const years = Number(end[1]) - Number(m[2]);
    const from = m[1] ? MONTHS.indexOf(m[1].toLowerCase()) + 1 : 1;
    return { text: m[0], index: m.index ?? 0, value: unit === "years" ? years : years * 12 + Number(end[2]) - from };
  });
}

/**
 * Where the record a "since" span measures is named: the article before it in the same clause
 * ("the highest monthly total since …", "its steepest one-day drop since …"), within 60
 * characters; else the span itself. A reader needs the record, not only its start.
 * @example recordStart("It is the highest monthly total since October 2025", 32) // => 6
 * @example recordStart("Gains. Since 2009", 7) // => 7
 */
export function recordStart(text: string, spanIndex: number): number {
  const from = Math.max(0, spanIndex - 60);
  const before = text.slice(from, spanIndex);
  const clause = Math.max(...[". ", "; ", ", "].map((b) => before.lastIndexOf(b)));
  const head = before.slice(clause < 0 ? 0 : clause + 2);
  const m = /\b(?:the|its|their)\s(?![\s\S]*\b(?:the|its|their)\s)/i.exec(head);
  return m ? from + (clause < 0 ? 0 : clause + 2) + m.index : spanIndex;
}

/**
 * The length of the span printed as "since <month> <year>" or "since <year>" (`sincePhrase`).
 * @example sinceSpan("lowest level since September 2020", "2025-12", "months") // => 63
 * @example sinceSpan("the worst January for planned cuts since 2009", "2026-01", "years") // => 17
 * @example sinceSpan("since 2009", "2026-01", "pct") // => null
 */
export function sinceSpan(text: string, asOf: string, unit: string): number | null {
  return sincePhrase(text, asOf, unit)?.value ?? null;
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
}

/**
 * Where `text` prints `value` (in `unit`, either sign) as a word figure or a "since" span (rules
 * 3–4 of the module comment): the words and their place; null when it does not.
 * @example wordReading(100, "roughly double the $91.4 billion", "pct", "2026") // => { text: "double", index: 8, value: 100 }
 * @example wordReading(70, "steepest drop since March 2020", "months", "2026-01-29") // => { text: "since March 2020", index: 14, value: 70 }
 * @example wordReading(90, "roughly double", "pct", "2026") // => null
 */
export function wordReading(value: number, text: string, unit: string, asOf: string): WordReading | null {
  const plain = Math.abs(value) * unitMagnitude(unit);
  const word = wordFiguresIn(text, unit).find((w) => close(w.value, plain));
  if (word) return word;
  return sincePhrases(text, asOf, unit).find((span) => close(span.value, Math.abs(value))) ?? null;
}

/**
 * True when `text` prints `value` (in `unit`, either sign) in words: a spelled number, a word
 * figure or a "since" span (rules 2–4 of the module comment). Digits are the caller's rule.
 * @example matchesInWords(-50, "halved", "pct", "2026-02-05") // => true
 * @example matchesInWords(5, "calling a halt to trading for five minutes", "minutes", "2026-02-02") // => true
 * @example matchesInWords(63, "lowest since September 2020", "months", "2025-12") // => true
 * @example matchesInWords(-40, "halved", "pct", "2026-02-05") // => false
 */
export function matchesInWords(value: number, text: string, unit: string, asOf: string): boolean {
  const plain = Math.abs(value) * unitMagnitude(unit);
  return spelledNumbers(text).some((v) => close(v, plain)) || wordReading(value, text, unit, asOf) !== null;
}

/**
 * True when a claim's bound is a figure its `raw` prints: in digits as the hedge rules read them
 * (`printedPrecision`), or in words (`matchesInWords`).
 * @example matchesPrintedFigure(60000, "$60,000", "USD", "2026-02-05") // => true
 * @example matchesPrintedFigure(59000, "$60,000", "USD", "2026-02-05") // => false
 * @example matchesPrintedFigure(-1.8, "Over $1–1.8 trillion", "USD_tn", "2026-02") // => true
 * @example matchesPrintedFigure(3, "three-day", "sessions", "2026-02-03/2026-02-05") // => true
 */
export function matchesPrintedFigure(value: number, raw: string, unit: string, asOf: string): boolean {
  return printedPrecision(raw, value, unit) !== null || matchesInWords(value, raw, unit, asOf);
}

/**
 * The problem of a bound that its printed text does not print, for a DataError on that field.
 * @example printedMismatch("59000", "$60,000") // => '59000 does not match the printed "$60,000"'
 */
export function printedMismatch(bound: string, printed: string): string {
  return `${bound} does not match the printed ${JSON.stringify(printed)}`;
}
