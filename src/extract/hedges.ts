/**
 * Reading a figure the way the ledger does (data/README.md, "From a printed figure to an
 * interval"): numbers joined by a dash, "to" or "between … and" are one range; the hedge words
 * before it ("over", "more than", "nearly", "~", "about", "below", "sub-", "as high as") and a
 * trailing "+" give the qualifier; the sign comes from a printed "–"/"+" or from the direction
 * words around it (src/extract/direction.ts); the unit from src/extract/units.ts. The result has
 * the ledger's low/high convention: falls negative, "fell more than 8%" leaves low empty (high
 * −8), "over 10%" leaves high empty, a range fills both.
 *
 * Machine-translation garbles are proposed and flagged, never dropped: digits run into words
 * ("overtake8%fell"), an impossible fall ("fell more than 100%"), a figure cut off from its verb
 * by a stray full stop ("… the day. 8%") — the last two are read together, with both readings in
 * the note.
 */
import type { Qualifier } from "../data/types";
import { directionOf, sentenceStart, type SignKind } from "./direction";
import type { NumberMention } from "./recognise";
import { pluralNounAfter, unitFromContext, unitFromNoun, unitOfAmount } from "./units";

/** A figure read from the text, in the ledger's terms. */
export interface Figure {
  /** Offsets of the figure as printed (`raw`) in the text. */
  start: number;
  end: number;
  raw: string;
  low: number | null;
  high: number | null;
  /** A unit of data/vocabulary.csv, or "" when the text does not say. */
  unit: string;
  qualifier: Qualifier;
  /** The verbatim hedge words ("more than", "~", "+"), "" when none. */
  hedge: string;
  /** Why the figure is flagged as a garble, "" when it is not. */
  garbled: string;
  /** How it was read, for the reviewer (also the reason of a garble). */
  note: string;
}

const OVER = /^(over|more than|above|exceeded|exceeding|exceeds|exceed|overtake|at least|beyond)$/i;
const UNDER = /^(below|under|less than|sub-|as high as|up to|at most)$/i;
const NEARLY = /^(nearly|almost|just under|toward|towards)$/i;
const APPROX = /^(~|≈|about|around|roughly|approximately|approx\.?|near|some)$/i;
const HEDGE_AT_END =
  /(?:^|[^\p{L}])(over|more than|nearly|almost|just under|about|around|roughly|approximately|approx\.?|near|above|below|under|less than|as high as|up to|at least|at most|exceeded|exceeding|exceeds|overtake|toward|towards|beyond|sub-|~|≈)\s*(?:by\s+)?(?:the\s+)?$/iu;

/** The printed sign, approx sign and hedge words just before a figure. */
export interface Lead {
  hedge: string;
  sign: 1 | -1 | 0;
  /** How many characters before the figure they take. */
  length: number;
}

/**
 * Reads the words just before a figure: a hedge ("more than", "~", "sub-") and a printed sign
 * ("–", "+"; a dash after a letter or digit is not a sign).
 * @example readLead("fell by more than ") // => { hedge: "more than", sign: 0, length: 10 }
 * @example readLead("Total crypto cap: –~") // => { hedge: "~", sign: -1, length: 2 }
 * @example readLead("briefly sub-") // => { hedge: "sub-", sign: 0, length: 4 }
 * @example readLead("Friday rebound (+") // => { hedge: "", sign: 1, length: 1 }
 */
export function readLead(before: string): Lead {
  let rest = before;
  let hedge = "";
  let sign: 1 | -1 | 0 = 0;
  const approx = /[~≈]\s?$/.exec(rest);
  if (approx) {
    hedge = approx[0].trim();
    rest = rest.slice(0, approx.index);
  }
  const s = /(^|[^\p{L}\p{N}])([–—−+-])\s?$/u.exec(rest);
  if (s) {
    sign = s[2] === "+" ? 1 : -1;
    rest = rest.slice(0, s.index + s[1].length);
  }
  if (!hedge) {
    const approx2 = /[~≈]\s?$/.exec(rest);
    if (approx2) {
      hedge = approx2[0].trim();
      rest = rest.slice(0, approx2.index);
    }
  }
  if (!hedge) {
    const w = HEDGE_AT_END.exec(rest);
    if (w) {
      hedge = w[1];
      rest = rest.slice(0, w.index + w[0].length - w[0].replace(/^[^\p{L}~≈]/u, "").length);
    }
  }
  return { hedge, sign, length: before.length - rest.length };
}

/** The qualifier of a single (non-range) figure by its hedge. */
function qualifierOf(hedge: string, plus: boolean): Qualifier {
  if (plus || OVER.test(hedge)) return "over";
  if (UNDER.test(hedge)) return "under";
  if (NEARLY.test(hedge)) return "nearly";
  if (APPROX.test(hedge)) return "approx";
  return "exact";
}

/**
 * True when two numbers printed next to each other form one range ("4–6%", "$175–$185B",
 * "between 8% and 14%", "18% to 30%").
 * @example isRangeGap("–", "") // => true
 * @example isRangeGap(" and ", "are down between ") // => true
 * @example isRangeGap(" and ", "approximately ") // => false
 */
export function isRangeGap(gap: string, before: string): boolean {
  if (/^\s?[–—-]\s?[~≈]?$/.test(gap)) return true;
  if (gap === " to " && !/\bfrom\s*[~≈]?$/i.test(before)) return true;
  return gap === " and " && /\bbetween\s*(?:over\s+|more than\s+)?[~≈]?$/i.test(before);
}

/**
 * True when two numbers can be the ends of one range: written with digits, neither run into
 * words, the first no larger than the second, and of one kind — both percentages or both
 * amounts of one currency ("4–6%" and "$70–$80K" print the sign once; "fell 4.8% to $60,033" is
 * a move and a level, not a range).
 */
function sameKind(a: NumberMention, b: NumberMention, gap: string): boolean {
  if (a.word || b.word || a.glued || b.glued) return false;
  const dash = /^\s?[–—-]/.test(gap);
  const pctOk = a.percent === b.percent || (dash && !a.percent && b.percent);
  const curOk = a.currency === b.currency || (dash && (a.currency === null || b.currency === null) && !a.percent && !b.percent);
  return pctOk && curOk && a.value * (a.scale === 1 ? b.scale : a.scale) <= b.value * b.scale;
}

/** Which direction words apply to a figure of this unit. */
function signKind(unit: string, m: NumberMention): SignKind {
  if (unit === "pct" || unit === "points" || unit === "pct_points") return "move";
  if (m.currency) return "money";
  if (unit === "coins") return "coins";
  return "none";
}

const round = (x: number) => Number(x.toPrecision(12));

/** The unit of a mention (see src/extract/units.ts) and the factor to its unit. */
function unitOf(text: string, m: NumberMention, sentence: string): { unit: string; factor: number; note: string } {
  if (m.percent) return { unit: "pct", factor: 1, note: "" };
  const after = text.slice(m.end, m.end + 40).replace(/^\+/, "");
  if (m.currency) {
    if (m.currency === "USD" && /^\s*per (troy )?ounce/i.test(after)) return { unit: "USD_per_oz", factor: m.scale, note: "" };
    const r = unitOfAmount(m.currency, m.scale);
    return { ...r, note: r.unit ? "" : `no ledger unit for ${m.currency} at this scale` };
  }
  const noun = unitFromNoun(after);
  if (noun) return { unit: noun, factor: m.scale, note: "" };
  if (pluralNounAfter(after)) return { unit: "count", factor: m.scale, note: `a count of ${pluralNounAfter(after)}` };
  if (m.scale >= 1e6) return { unit: "", factor: 1, note: "amount printed without a currency: fill the unit" };
  return { unit: unitFromContext(sentence, m.value * m.scale), factor: m.scale, note: "" };
}

/** One figure from one mention or a range of two. */
function readOne(text: string, first: NumberMention, last: NumberMention | null, prevEnd: number): Figure {
  const range = last !== null;
  const lineStart = text.lastIndexOf("\n", first.start - 1) + 1;
  const lead = readLead(text.slice(Math.max(lineStart, prevEnd), first.start));
  const plus = text[(last ?? first).end] === "+";
  const start = first.start - lead.length;
  const end = (last ?? first).end + (plus ? 1 : 0);
  const raw = text.slice(start, end);
  const sentence = text.slice(sentenceStart(text, start), Math.min(text.length, end + 200)).split(/(?<=[.!?])\s|\n/)[0];
  // a range shares its percent sign, currency and scale word ("4–6%", "$70–$80K", "$1–1.8 trillion")
  const head = range ? { ...first, percent: first.percent || last.percent, currency: first.currency ?? last.currency, scale: first.scale === 1 ? last.scale : first.scale } : first;
  const tail = last ? { ...last, currency: last.currency ?? first.currency } : first;
  const u = unitOf(text, tail, sentence);
  const a = round(head.value * (range ? unitOf(text, head, sentence).factor : u.factor));
  const b = range ? round(tail.value * u.factor) : a;
  // "fell $8.85, or 10.48%": a move restated in another unit is read from the sentence's start
  const restated = /^,?\s*or\s*$/.test(text.slice(prevEnd, start));
  const dir: 1 | -1 = lead.sign !== 0 ? lead.sign : directionOf(text, start, end, signKind(u.unit, head), restated ? 0 : prevEnd);
  const notes: string[] = u.note ? [u.note] : [];
  const garbles: string[] = [];
  if (first.glued || (last?.glued ?? false)) garbles.push(`digits run into the words around them ("${text.slice(Math.max(0, start - 8), end + 8).replace(/\s+/g, " ")}")`);
  let qualifier: Qualifier;
  let low: number | null;
  let high: number | null;
  if (range) {
    qualifier = "range";
    [low, high] = dir === -1 ? [-Math.max(a, b), -Math.min(a, b)] : [Math.min(a, b), Math.max(a, b)];
  } else {
    qualifier = qualifierOf(lead.hedge, plus);
    const x = dir * a;
    if (qualifier === "over") [low, high] = dir === -1 ? [null, x] : [x, null];
    else if (qualifier === "under") [low, high] = dir === -1 ? [x, null] : [null, x];
    else [low, high] = [x, x];
  }
  if (u.unit === "pct" && dir === -1 && Math.max(a, b) >= 100) garbles.push(`a fall of ${Math.max(a, b)}% or more is impossible`);
  const hedge = [lead.hedge, plus && !range ? "+" : ""].filter(Boolean).join(" ").trim() || (plus ? "+" : "");
  return { start, end, raw, low, high, unit: u.unit, qualifier, hedge, garbled: garbles.join("; "), note: notes.join("; ") };
}

/**
 * The figures printed in `text`, read from its numbers (ranges joined, hedges and signs read),
 * in text order. `mentions` are the numbers that are figures (dates, names and chrome removed).
 * @example readFigures("Amazon tanked ~10–12% after", [{ start: 15, end: 17, text: "10", value: 10, decimals: 0, scale: 1, percent: false, currency: null, word: false, ordinal: false, glued: false, source: "tokens" }, { start: 18, end: 21, text: "12%", value: 12, decimals: 0, scale: 1, percent: true, currency: null, word: false, ordinal: false, glued: false, source: "tokens" }]).map((f) => [f.raw, f.low, f.high, f.unit, f.qualifier]) // => [["~10–12%", -12, -10, "pct", "range"]]
 */
export function readFigures(text: string, mentions: readonly NumberMention[]): Figure[] {
  const out: Figure[] = [];
  let prevEnd = 0;
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    const next = mentions[i + 1];
    const lineStart = text.lastIndexOf("\n", m.start - 1) + 1;
    const before = text.slice(Math.max(lineStart, prevEnd), m.start);
    const gap = next ? text.slice(m.end, next.start) : "";
    const fig = next && sameKind(m, next, gap) && isRangeGap(gap, before) ? readOne(text, m, next, prevEnd) : readOne(text, m, null, prevEnd);
    if (fig.qualifier === "range") i++;
    out.push(restate(text, fig, out[out.length - 1]));
    prevEnd = fig.end;
  }
  return mergeGarbles(text, out);
}

/** "X (approximately Y)": Y restates X in another currency or unit, so it takes X's sign. */
function restate(text: string, fig: Figure, prev: Figure | undefined): Figure {
  const money = (u: string) => /^[A-Z]{3}(_|$)/.test(u) && !u.includes("_per_");
  if (!prev || !money(prev.unit) || !money(fig.unit) || prev.unit.slice(0, 3) === fig.unit.slice(0, 3) || !/^\s*\(\s*(approximately|about|around|roughly|~|≈)?\s*$/i.test(text.slice(prev.end, fig.start + fig.raw.length - fig.raw.trimStart().length).replace(fig.hedge, ""))) return fig;
  const prevNeg = (prev.high ?? 0) < 0 || (prev.low ?? 0) < 0;
  const neg = (fig.high ?? 0) < 0 || (fig.low ?? 0) < 0;
  if (prevNeg === neg) return fig;
  const flip = (x: number | null) => (x === null ? null : -x);
  return { ...fig, low: flip(fig.high), high: flip(fig.low), note: [fig.note, "restates the figure before it, so takes its sign"].filter(Boolean).join("; ") };
}

/** True for a bare percentage that opens a sentence of its own after a stray full stop (". 8%"). */
function isOrphan(text: string, f: Figure): boolean {
  return f.unit === "pct" && f.hedge === "" && /^\d/.test(f.raw) && /\.\s$/.test(text.slice(Math.max(0, f.start - 2), f.start)) && sentenceStart(text, f.start) === f.start;
}

/**
 * A figure that opens a sentence of its own (". 8%") is a garble: read it with the words before
 * the stray full stop. After an impossible figure in that sentence ("fell more than 100% during
 * the day. 8%") the two are read as one figure spanning both, with both readings in the note.
 */
function mergeGarbles(text: string, figs: Figure[]): Figure[] {
  const out: Figure[] = [];
  for (const f of figs) {
    const prev = out[out.length - 1];
    if (isOrphan(text, f) && prev && prev.garbled.includes("impossible") && /^[^.\n]{0,40}\.\s$/.test(text.slice(prev.end, f.start))) {
      const x = Math.abs(f.low ?? f.high ?? 0) * ((prev.high ?? prev.low ?? 0) < 0 ? -1 : 1);
      const bounds = prev.low === null ? { low: null, high: x } : prev.high === null ? { low: x, high: null } : { low: x, high: x };
      out[out.length - 1] = {
        ...prev, ...bounds, end: f.end, raw: text.slice(prev.start, f.end), qualifier: "garbled",
        garbled: `${prev.garbled}; the next figure is cut off by a full stop`,
        note: `garble. Reading A (literal): ${prev.raw} (impossible). Reading B: ${prev.hedge ? `${prev.hedge} ` : ""}${f.raw}, read with the words before the full stop; low/high are reading B`,
      };
      continue;
    }
    if (isOrphan(text, f)) {
      // ". 7%, and finally…": the figure's verb is in the sentence before the stray full stop
      const dir = directionOf(text, f.start, f.end, "move", sentenceStart(text, f.start - 2), true);
      const x = Math.abs(f.low ?? f.high ?? 0) * dir;
      out.push({ ...f, low: x, high: x, qualifier: "garbled", garbled: "the figure opens a sentence of its own after a stray full stop", note: "garble: read with the words before the full stop" });
      continue;
    }
    out.push(f.garbled && f.qualifier !== "range" ? { ...f, qualifier: "garbled", note: [f.note, `garbled: ${f.garbled}`].filter(Boolean).join("; ") } : f);
  }
  return out;
}
