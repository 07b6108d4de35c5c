/**
 * Which way a figure points: the ledger stores falls as negative numbers ("down 5%" is −5), money
 * lost as negative amounts ("losing ~$800B" is −800), coins sold as negative flows. The direction
 * is read from the nearest fall or rise word around the figure, within its sentence: before it
 * (back to the sentence start or the previous figure) or in the few words right after it (up to
 * a punctuation mark), whichever is closer.
 */

/** Words that make a percentage or a points move a fall. */
export const FALL_WORDS =
  /\b(down|fell|fall|falls|falling|fallen|drop|drops|dropped|dropping|dip|dips|dipped|dipping|decline|declines|declined|declining|plunge|plunged|plunges|plunging|plummet|plummets|plummeted|plummeting|tank|tanks|tanked|tanking|crash|crashed|crashes|crashing|slide|slides|slid|sliding|slump|slumps|slumped|slumping|lost|lose|loses|losing|loss|losses|retreat|retreats|retreated|retreating|collapse|collapses|collapsed|collapsing|correction|sells|sell-off|selloff|lower|drawdown|tumble|tumbles|tumbled|tumbling|sank|sink|sinks|sinking|shed|sheds|shedding|dive|dives|dived|dove|diving|wipeout|erased|erasing|wiped|wiping|destroyed|evaporated|halved)\b/gi;
/** Words that make a percentage or a points move a rise. */
export const RISE_WORDS = /\b(up(?! to\b)|rose|rise|rises|rising|risen|gain|gains|gained|gaining|rebound|rebounded|rebounding|surge|surged|surging|jump|jumped|rally|rallied|recovery|recovered|recovering|higher|climb|climbed|soar|soared|increase|increased)\b/gi;
/** Words that make an amount of money a loss (a level or a spending plan stays positive). */
export const LOSS_WORDS = /\b(lost|losing|loss|losses|erased|erasing|wiped|wiping|wipeout|destroyed|evaporated|shed)\b/gi;
/** Words that make a flow of coins an outflow. */
export const OUTFLOW_WORDS = /\b(offloading|offloaded|sold|selling|net sellers)\b/gi;

/** How far (characters) a loss word may stand from an amount of money and still sign it. */
export const MONEY_REACH = 30;

/** What kind of figure is being signed: which word lists apply. */
export type SignKind = "move" | "money" | "coins" | "none";

/**
 * The start of the sentence holding offset `at`: just after the last ". ", "! ", "? " or line
 * break before it (0 when none).
 * @example sentenceStart("Up 5%. Down 6%", 10) // => 7
 */
export function sentenceStart(text: string, at: number): number {
  let i = at - 1;
  while (i >= 0) {
    if (text[i] === "\n") return i + 1;
    if (/\s/.test(text[i]) && i > 0 && /[.!?]/.test(text[i - 1])) return i + 1;
    i--;
  }
  return 0;
}

/**
 * The end of the sentence holding offset `at`: the next ". ", "! ", "? " or line break (the text
 * length when none).
 * @example sentenceEnd("Up 5%. Down 6%", 2) // => 6
 */
export function sentenceEnd(text: string, at: number): number {
  for (let i = at; i < text.length; i++) {
    if (text[i] === "\n") return i;
    if (/[.!?]/.test(text[i]) && (i + 1 === text.length || /\s/.test(text[i + 1]))) return i + 1;
  }
  return text.length;
}

/** Distance from the figure to the nearest match of `words` in the windows (Infinity when none). */
function nearest(words: RegExp, before: string, after: string): number {
  let best = Infinity;
  for (const m of before.matchAll(new RegExp(words.source, "gi"))) best = Math.min(best, before.length - ((m.index ?? 0) + m[0].length));
  for (const m of after.matchAll(new RegExp(words.source, "gi"))) best = Math.min(best, m.index ?? 0);
  return best;
}

/**
 * The words after a figure that can say its direction: up to five words, stopping at a
 * punctuation mark, a line break or a digit (the next figure).
 * @example wordsAfter("5–15%+ declines amid fears, then", 6) // => "declines amid fears"
 */
export function wordsAfter(text: string, end: number): string {
  const rest = text.slice(end);
  const stop = rest.search(/[,.;:()\n\d–—]/);
  const clause = stop === -1 ? rest : rest.slice(0, stop);
  return clause.trim().split(/\s+/).slice(0, 5).join(" ");
}

/**
 * −1 when the figure at [start, end) is a fall (or a loss, or an outflow, by `kind`), +1
 * otherwise: the nearer of a fall word and a rise word decides, within the sentence before the
 * figure (from `from`, e.g. the previous figure's end; with `crossSentence`, from `from` even
 * when it lies in an earlier sentence) and the few words after it.
 * @example directionOf("Amazon tanked ~10–12% after", 14, 21, "move") // => -1
 * @example directionOf("a year-on-year surge of 66%", 24, 27, "move") // => 1
 * @example directionOf("losing ~$800B in the past month", 7, 13, "money") // => -1
 * @example directionOf("and 17.3 billion was wiped out in liquidations", 4, 16, "money") // => 1
 */
export function directionOf(text: string, start: number, end: number, kind: SignKind, from = 0, crossSentence = false): 1 | -1 {
  if (kind === "none") return 1;
  const s0 = crossSentence ? from : Math.max(from, sentenceStart(text, start));
  const before = text.slice(s0, start);
  const after = wordsAfter(text, end);
  if (kind === "money") {
    // an amount liquidated is not an amount lost, whatever the verb ("17.3 billion was wiped out")
    const sentence = text.slice(sentenceStart(text, start), sentenceEnd(text, end));
    if (/liquidat/i.test(sentence)) return 1;
    // a loss word next to the amount ("losing ~$800B", "~$1 trillion lost"), or a fall of a market value ("market capitalization drop of $360 billion")
    if (nearest(LOSS_WORDS, before, after) <= MONEY_REACH) return -1;
    // "plunged from ~$4.4T", "fell to $60,000": a level the move starts or ends at
    if (/\b(from|to)\s*$/i.test(before)) return 1;
    const marketValue = /\b(market (cap|value|capitalization)|capitali[sz]ation|valuation)\b/i.test(before.slice(-60) + after);
    return marketValue && nearest(FALL_WORDS, before, after) <= MONEY_REACH ? -1 : 1;
  }
  if (kind === "coins") return nearest(OUTFLOW_WORDS, before, after) < Infinity ? -1 : 1;
  const fall = nearest(FALL_WORDS, before, after);
  const rise = nearest(RISE_WORDS, before, after);
  return fall < rise ? -1 : 1;
}
