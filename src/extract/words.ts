/**
 * Word figures: amounts printed without digits, read by the ledger's rules (data/README.md):
 * "trillions" / "billions" are at least 2 of the unit (inclusive), "hundreds of thousands" at
 * least 100,000, "several" at least 3, "multiples" at least 2x, "halved" / "cut in half" / "half"
 * of a fall −50%, "doubling" +100% ("almost double" nearly +100%). A word figure's precision is
 * 10% of its value (src/intervals.ts), so only the words listed here are read; cardinal words
 * ("seven associations") come from the number recogniser.
 */
import { LOSS_WORDS, sentenceEnd, sentenceStart } from "./direction";
import type { Figure } from "./hedges";
import { currencyCode } from "./recognise";
import { unitFromNoun } from "./units";

interface WordRule {
  re: RegExp;
  read(m: RegExpExecArray, text: string, start: number, end: number): Omit<Figure, "start" | "end" | "raw" | "garbled"> | null;
}

/** A fall verb in the few words before "half" ("has fallen by nearly half", "wiped out half of"). */
const FALL_BEFORE = /\b(fell|fallen|falls?|down|dropped|plunged|wiped out|wiping out|erased|lost|cut|declined|shed|evaporated)\b(\s+\w+){0,2}\s*$/i;

/** A one-sided word figure ("at least x"), negative for losses. */
function atLeast(x: number, unit: string, negative: boolean, hedge: string, note: string): Omit<Figure, "start" | "end" | "raw" | "garbled"> {
  return negative
    ? { low: null, high: -x, unit, qualifier: "over", hedge, note }
    : { low: x, high: null, unit, qualifier: "over", hedge, note };
}

const RULES: WordRule[] = [
  {
    re: /\b(trillions|billions)\b/gi,
    read: (m, text, start, end) => {
      const tn = m[1].toLowerCase() === "trillions";
      // "Trillions of dollars in market capitalization have been erased": the loss word may close the sentence
      const sentence = text.slice(sentenceStart(text, start), sentenceEnd(text, end));
      const neg = !/liquidat/i.test(sentence) && new RegExp(LOSS_WORDS.source, "i").test(sentence);
      return atLeast(2, tn ? "USD_tn" : "USD_bn", neg, "", `word figure: plural "${m[1]}" read as at least 2 ${tn ? "trillion" : "billion"} (currency assumed US dollars)`);
    },
  },
  {
    re: /\bhundreds of (thousands|millions)( of ([A-Z][\w.]*\s)?(\w+ )?(dollars|yuan))?/gi,
    read: (m, text, start, end) => {
      const thousands = m[1].toLowerCase() === "thousands";
      const cur = m[2] ? currencyCode(m[2].replace(/^ of /, "")) : null;
      const unit = thousands ? unitFromNoun(text.slice(end, end + 30).replace(/^\s*of\s+/, " ")) || "people" : cur ? `${cur}_mn` : "";
      const value = thousands ? 100000 : 100;
      return { ...atLeast(value, unit, false, "hundreds of", `word figure: "hundreds of ${m[1]}" read as at least ${thousands ? "100,000" : "100 million"}`), qualifier: "over" };
    },
  },
  {
    re: /\bseveral(?= (consecutive |straight )?(sessions|days|times|weeks|months|years)\b)/gi,
    read: (_m, text, _s, end) => atLeast(3, unitFromNoun(text.slice(end, end + 30)) || "count", false, "", 'word figure: "several" read as at least 3'),
  },
  { re: /\bmultiples(?= of)/gi, read: () => atLeast(2, "x", false, "", 'word figure: "multiples" read as at least 2x') },
  { re: /\bmultiple times\b/gi, read: () => atLeast(2, "count", false, "", 'word figure: "multiple times" read as at least 2') },
  {
    re: /\b(?:(nearly|almost) half|halved|cut in half|half)\b/gi,
    read: (m, text, start) => {
      const word = m[0].toLowerCase();
      const before = text.slice(Math.max(sentenceStart(text, start), start - 40), start);
      const fall = word === "halved" || word === "cut in half" || (FALL_BEFORE.test(before) && !/\b(first|second|other)\s+$/i.test(before));
      if (!fall) return null;
      const nearly = m[1] !== undefined;
      return { low: -50, high: -50, unit: "pct", qualifier: nearly ? "nearly" : "exact", hedge: nearly ? m[1] : "", note: `word figure: "${m[0]}" read as a fall of 50%` };
    },
  },
  {
    re: /\b(?:(nearly|almost) )?(double|doubled|doubling)\b/gi,
    read: (m) => ({ low: 100, high: 100, unit: "pct", qualifier: m[1] ? "nearly" : "exact", hedge: m[1] ?? "", note: `word figure: "${m[0]}" read as a rise of 100%` }),
  },
];

/**
 * The word figures of `text`, in order (see the module comment for the rules).
 * @example readWordFigures("with trillions in market value erased").map((f) => [f.raw, f.low, f.high, f.unit, f.qualifier]) // => [["trillions", null, -2, "USD_tn", "over"]]
 * @example readWordFigures("the price has been halved from its peak")[0].low // => -50
 * @example readWordFigures("in the second half of 2025") // => []
 * @example readWordFigures("continued to fall after peaking in the second half of 2025") // => []
 */
export function readWordFigures(text: string): Figure[] {
  const out: Figure[] = [];
  for (const rule of RULES) {
    for (const m of text.matchAll(rule.re)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (out.some((f) => f.start < end && start < f.end)) continue;
      const r = rule.read(m as RegExpExecArray, text, start, end);
      if (r) out.push({ start, end, raw: m[0], garbled: "", ...r });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
