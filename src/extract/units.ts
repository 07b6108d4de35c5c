/**
 * Which ledger unit (data/vocabulary.csv) a printed figure is in: from its currency and scale
 * word ("$200B" is 200 USD_bn, "$126K" is 126000 USD), from the noun after it ("570,000 people",
 * "46,000 Bitcoins", "+1,200 points", "10 times", "16-month"), or from its sentence (a
 * correlation is a ratio, an index level is in index points). Empty when the text does not say.
 */

/** A unit and the factor that turns the printed number into it (126 "K" USD -> ×1000). */
export interface UnitReading {
  unit: string;
  factor: number;
}

/**
 * The ledger unit of an amount printed with a currency and a scale word.
 * @example unitOfAmount("USD", 1e9) // => { unit: "USD_bn", factor: 1 }
 * @example unitOfAmount("USD", 1e3) // => { unit: "USD", factor: 1000 }
 * @example unitOfAmount("CNY", 1e9) // => { unit: "CNY_bn", factor: 1 }
 * @example unitOfAmount("TWD", 1) // => { unit: "", factor: 1 }
 */
export function unitOfAmount(currency: string, scale: number): UnitReading {
  const names: Record<number, string> = { 1e6: "mn", 1e9: "bn", 1e12: "tn" };
  if (currency === "USD" && (scale === 1 || scale === 1e3)) return { unit: "USD", factor: scale };
  if (currency === "USD" && scale === 1e6) return { unit: "USD_mn", factor: 1 };
  if (currency === "USD" && scale === 1e9) return { unit: "USD_bn", factor: 1 };
  if (currency === "USD" && scale === 1e12) return { unit: "USD_tn", factor: 1 };
  const known = new Set(["CNY_mn", "CNY_bn", "TWD_mn"]);
  const unit = `${currency}_${names[scale] ?? ""}`;
  if (known.has(unit)) return { unit, factor: 1 };
  // a trillion yuan is a thousand billion yuan
  if (currency === "CNY" && scale === 1e12) return { unit: "CNY_bn", factor: 1e3 };
  return { unit: "", factor: 1 };
}

const NOUNS: [RegExp, string][] = [
  [/^(people|persons|traders|investors|users|accounts)\b/i, "people"],
  [/^(points?|pts)\b/i, "points"],
  [/^(bitcoins?|btc|coins|ether|eth)\b/i, "coins"],
  [/^(times|x)\b/i, "x"],
  [/^(sessions?|trading days?|days?)\b/i, "sessions"],
  [/^(years?)\b/i, "years"],
  [/^(months?)\b/i, "months"],
  [/^(minutes?)\b/i, "minutes"],
];

/**
 * The unit named by the words right after a figure ("people", "points", "Bitcoins", "times",
 * "-day", "-year", "-month", "x" run into the digits); "" when none. Adjectives such as
 * "consecutive" are skipped.
 * @example unitFromNoun(" people liquidated") // => "people"
 * @example unitFromNoun("-Year Peak") // => "years"
 * @example unitFromNoun("x leverage") // => "x"
 * @example unitFromNoun(" consecutive sessions posted") // => "sessions"
 * @example unitFromNoun(" in outflows") // => ""
 */
export function unitFromNoun(after: string): string {
  const rest = after.replace(/^-?\s*(consecutive\s+|straight\s+|trading\s+(?=sessions?))?/i, "");
  for (const [re, unit] of NOUNS) if (re.test(rest)) return unit;
  return "";
}

const NOT_NOUNS = /^(is|was|has|as|its|this|thus|less|across|plus|us|does|says|sees|gets|takes|means|comes|goes|becomes|remains|seems|shows|marks)$/;

/**
 * A plural noun right after a figure, possibly after one modifier ("seven associations", "108,435
 * job cuts"), for counts; "" when none.
 * @example pluralNounAfter(" associations including") // => "associations"
 * @example pluralNounAfter(" job cuts last month") // => "job cuts"
 * @example pluralNounAfter(" of the") // => ""
 */
export function pluralNounAfter(after: string): string {
  const m = /^\s+(?:([a-z][a-z-]*[^s\s])\s+)?([a-z][a-z-]*s)\b/.exec(after);
  if (!m || NOT_NOUNS.test(m[2]) || (m[1] && /^(in|of|to|at|on|for|by|and|or|the|a|an|from|with)$/.test(m[1]))) return "";
  return m[1] ? `${m[1]} ${m[2]}` : m[2];
}

/**
 * The unit of a plain number (no currency, no percent sign, no noun) from its sentence: a
 * correlation is a ratio, a sentiment index reading a score, a level of a stock index (100 or
 * more) index points; "" when the sentence does not say.
 * @example unitFromContext("the 30-day correlation coefficient has risen to 0.72", 0.72) // => "ratio"
 * @example unitFromContext("On February 5, the index closed near 22,540", 22540) // => "index_pts"
 * @example unitFromContext("wiped out", 17.3) // => ""
 */
export function unitFromContext(sentence: string, value: number): string {
  if (/correlat/i.test(sentence) && Math.abs(value) <= 1) return "ratio";
  if (/fear\s*(&|and)\s*greed/i.test(sentence)) return "score";
  if (/\b(index|nasdaq|s&p|dow|kospi|nikkei|msci|composite)\b/i.test(sentence) && value >= 100) return "index_pts";
  return "";
}
