/**
 * Quotes for proposed figures: the clause around a figure, cut from the text verbatim and widened
 * until it occurs exactly once (the ledger's rule for `quote` and for an exclusion's `context`).
 */
import { countOccurrences } from "../data/ledger";

const LEFT_STOP = /[.;!?]\s|\n|[:(]\s?|,\s/g;
const RIGHT_STOP = /[.;!?](\s|$)|\n|,\s|\)/g;

/** The offsets where clauses may start before `at` (after a stop), nearest first, then 0. */
function leftStops(text: string, at: number): number[] {
  const out: number[] = [];
  for (const m of text.slice(0, at).matchAll(LEFT_STOP)) out.push((m.index ?? 0) + m[0].length);
  return [...out.reverse(), 0];
}

/** The offsets where clauses may end after `at` (before a stop), nearest first, then the end. */
function rightStops(text: string, at: number): number[] {
  const out: number[] = [];
  for (const m of text.slice(at).matchAll(RIGHT_STOP)) out.push(at + (m.index ?? 0) + (m[0].startsWith(")") ? 1 : 0));
  return [...out, text.length];
}

/** The span trimmed of white space at both ends. */
function trimSpan(text: string, s: number, e: number): [number, number] {
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  return [s, e];
}

/**
 * A verbatim quote around text[start, end) that occurs exactly once in `text`: the clause holding
 * it (at least `minWords` words), widened clause by clause — right first, then left — and as a
 * last resort character by character, until unique. Returns the quote and its offset.
 * @example uniqueQuote("Up 5% on Monday. Up 5% on Friday.", 20, 22) // => { quote: "Up 5% on Friday", start: 17 }
 * @example uniqueQuote("BTC: Peak $126K → low ~$60K (–52%), current ~$69K", 29, 33).quote // => "Peak $126K → low ~$60K (–52%)"
 */
export function uniqueQuote(text: string, start: number, end: number, minWords = 4): { quote: string; start: number } {
  const lefts = leftStops(text, start);
  const rights = rightStops(text, end);
  let li = 0;
  let ri = 0;
  const words = (s: number, e: number) => text.slice(s, e).trim().split(/\s+/).filter(Boolean).length;
  // widen to at least minWords words, staying inside the line
  let [s, e] = trimSpan(text, lefts[li], rights[ri]);
  while (words(s, e) < minWords) {
    const canLeft = li + 1 < lefts.length && !text.slice(lefts[li + 1], s).includes("\n");
    const canRight = ri + 1 < rights.length && !text.slice(e, rights[ri + 1]).includes("\n");
    if (canLeft) li++;
    else if (canRight) ri++;
    else break;
    [s, e] = trimSpan(text, lefts[li], rights[ri]);
  }
  for (let k = 0; countOccurrences(text, text.slice(s, e)) !== 1 && k < 200; k++) {
    if (ri + 1 < rights.length && k % 2 === 0) ri++;
    else if (li + 1 < lefts.length) li++;
    else if (ri + 1 < rights.length) ri++;
    else break;
    [s, e] = trimSpan(text, lefts[li], rights[ri]);
  }
  // the stops may leave the figure out when it sits right at a stop
  s = Math.min(s, start);
  e = Math.max(e, end);
  return { quote: text.slice(s, e), start: s };
}
