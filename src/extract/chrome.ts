/**
 * Page chrome: the parts of a saved web page that are not the article — ticker strips
 * ("BTC3,68%"), reaction and comment counters ("Reply0", "0/400", "· 11m ago", "• 14"), view
 * counts ("43411人围观"), contact numbers, and a teaser line that repeats the opening of the body.
 * Their numbers are never proposed as figures; the review file lists them as exclusions with
 * the reason found here.
 */

/** A span of page chrome and why it is chrome. */
export interface ChromeSpan {
  start: number;
  end: number;
  reason: string;
}

const LINE_RULES: [RegExp, string][] = [
  [/^\s*[A-Z]{2,6}\s?[-+−]?\d+(?:[.,]\d+)?%\s*$/, "page chrome: ticker strip"],
  [/^\s*.{0,20}(reply|comment|comments|like|likes|share|reward|repost|views?|精彩评论|评论)\s*\d+\s*$/i, "page chrome: comment or reaction counter"],
  [/^\s*\d+\s*\/\s*\d+\s*$/, "page chrome: comment box character counter"],
  [/^\s*[•·]\s*\d+\s*$/, "page chrome: reaction counter"],
  [/^\s*·\s*\d+\s*[smhd] ago\s*$/i, "page chrome: comment age"],
];

const INLINE_RULES: [RegExp, string][] = [
  [/\d+\s*(人围观|次阅读|views|reads)/g, "page chrome: view count"],
  [/(tel|phone|wechat|whatsapp|fax)\b[^\d\n]{0,12}\+?\d[\d\s-]{6,}\d/gi, "page chrome: contact number"],
  [/\b\d{9,}\b/g, "page chrome: contact or id number (nine digits or more without separators)"],
  [/\b\d+\s*[smhd] ago\b/g, "page chrome: comment age"],
];

/**
 * The chrome of a text, in order (see the module comment).
 * @example chromeSpans("Body text.\nBTC3,68%\nReply0\n").map((c) => c.reason) // => ["page chrome: ticker strip", "page chrome: comment or reaction counter"]
 * @example chromeSpans("For business cooperation, contact WeChat/Tel: 18576718939")[0].reason // => "page chrome: contact number"
 */
export function chromeSpans(text: string): ChromeSpan[] {
  const out: ChromeSpan[] = [];
  let at = 0;
  for (const line of text.split("\n")) {
    const rule = LINE_RULES.find(([re]) => re.test(line));
    if (rule) out.push({ start: at, end: at + line.length, reason: rule[1] });
    else if (isRepeatedTeaser(text, at, line)) out.push({ start: at, end: at + line.length, reason: "page chrome: teaser line repeating the opening of the body (page summary)" });
    at += line.length + 1;
  }
  for (const [re, reason] of INLINE_RULES) {
    for (const m of text.matchAll(re)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (!out.some((c) => c.start <= start && end <= c.end)) out.push({ start, end, reason });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * True for a page summary shown above the body it summarises: a line whose first sentence (30
 * characters or more) is printed again later in the text, and which runs on past it.
 * @example isRepeatedTeaser("570,000 people liquidated their positions, all of them. Produced by X\n\n570,000 people liquidated their positions, all of them.", 0, "570,000 people liquidated their positions, all of them. Produced by X") // => true
 * @example isRepeatedTeaser("570,000 people liquidated their positions, all of them.\n570,000 people liquidated their positions, all of them. More", 0, "570,000 people liquidated their positions, all of them.") // => false
 */
export function isRepeatedTeaser(text: string, at: number, line: string): boolean {
  const t = line.trim();
  const m = /^.{30,}?[.!?](?=\s)/.exec(t);
  if (!m || t.length - m[0].length < 10) return false;
  return text.indexOf(m[0], at + line.length) !== -1;
}
