/**
 * The number extractor: finds every numeric token of an article body, with what surrounds it
 * (currency, scale words, percent, hedge words, ranges), and checks that each one is accounted
 * for by a ledger quote or an exclusion.
 */
import type { Claim, Exclusion } from "./types";
import { remembered } from "./memo";

/** One numeric token: a maximal run of digits with `.` or `,` separators between digits. */
export interface NumericToken {
  /** The digits as printed ("126,223", "0.73", "3,68"). */
  text: string;
  /** Offset of the first character in the text (UTF-16 code units). */
  start: number;
  /** Offset just past the last character. */
  end: number;
  /** The token with its printed context: hedge, currency, scale, percent and range partner ("~$60,000–$61,000"). */
  figure: string;
}

const TOKEN = /\d+(?:[.,]\d+)*/g;
const HEDGE = String.raw`(?:(?:~|≈|about|around|roughly|approximately|nearly|almost|over|more than|less than|under|below|above|up to|at least|at most|as high as|exceeded|exceeding)\s*)`;
const CURRENCY = String.raw`(?:US\$|NT\$|RMB\s?|\$|¥|€)`;
const SCALE = String.raw`(?:\s?(?:K|M|B|T|bn|tn|trillion|billion|million|thousand|%|x)(?![A-Za-z]))`;
const ONE = String.raw`[-–+]?${CURRENCY}?\d+(?:[.,]\d+)*${SCALE}?\+?`;
const FIGURE = new RegExp(String.raw`${HEDGE}?${ONE}(?:\s?[–-]\s?${ONE})?`, "gi");

/**
 * Every numeric token in `text`, in order, each with its printed figure.
 * @example extractNumericTokens("BTC ~$60,000–$61,000 (–52%)").map((t) => t.text) // => ["60,000", "61,000", "52"]
 * @example extractNumericTokens("down 4–6% weekly")[0].figure // => "4–6%"
 */
export const extractNumericTokens = remembered(extractNumericTokensOnce, (text) => text);

function extractNumericTokensOnce(text: string): NumericToken[] {
  const figures: { start: number; end: number; text: string }[] = [];
  for (const m of text.matchAll(FIGURE)) figures.push({ start: m.index!, end: m.index! + m[0].length, text: m[0] });
  const tokens: NumericToken[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index!;
    const end = start + m[0].length;
    const fig = figures.find((f) => f.start <= start && end <= f.end);
    tokens.push({ text: m[0], start, end, figure: fig ? fig.text.trim() : m[0] });
  }
  return tokens;
}

/** A numeric token that no ledger quote and no exclusion covers. */
export interface UncoveredToken extends NumericToken {
  article: string;
  /** About 40 characters either side, for the message. */
  context: string;
}

/**
 * The numeric tokens of an article that lie outside every claim quote and exclusion context
 * (the coverage rule of data/README.md). Empty when every number is accounted for.
 * @example uncoveredTokens("a", "up 5% and 7%", [{ article: "a", quote: "up 5%" }], []).map((t) => t.text) // => ["7"]
 */
export function uncoveredTokens(
  articleId: string,
  text: string,
  claims: readonly Pick<Claim, "article" | "quote">[],
  exclusions: readonly Pick<Exclusion, "article" | "context">[],
): UncoveredToken[] {
  const spans: [number, number][] = [];
  const addSpan = (s: string) => {
    for (let i = text.indexOf(s); s !== "" && i !== -1; i = text.indexOf(s, i + 1)) spans.push([i, i + s.length]);
  };
  claims.filter((c) => c.article === articleId).forEach((c) => addSpan(c.quote));
  exclusions.filter((e) => e.article === articleId).forEach((e) => addSpan(e.context));
  return extractNumericTokens(text)
    .filter((t) => !spans.some(([s, e]) => s <= t.start && t.end <= e))
    .map((t) => ({ ...t, article: articleId, context: text.slice(Math.max(0, t.start - 40), t.end + 40).replace(/\s+/g, " ") }));
}
