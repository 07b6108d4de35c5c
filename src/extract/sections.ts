/**
 * Splitting an article into sections (the rows of data/sections.csv): the first line is the lead
 * (the headline and what follows it); every later line that reads as a heading — short, no
 * closing full stop, not a caption, byline or page chrome — opens a section (level 2 when it ends
 * with a colon under a level-1 heading). An article with fewer than two such headings is split
 * into runs of paragraphs of about 600 characters instead, titled by their opening words.
 * Each section's `starts_with` is the shortest prefix of its first line (from 24 characters, at a
 * word end) found exactly once in the text.
 */
import { countOccurrences } from "../data/ledger";
import type { Section } from "../data/types";
import { chromeSpans } from "./chrome";

/** A row of data/sections.csv, with the offset where the section starts. */
export type SectionRow = Omit<Section, "end">;

const CAPTION = /^(picture|post-image|image source|source:|photo|date$|avatar$|click to (follow|subscribe)|for business cooperation)/i;

/**
 * True when a line reads as a section heading (see the module comment).
 * @example isHeadingLine("Tech Sector Carnage:") // => true
 * @example isHeadingLine("This storm was more violent than expected.") // => false
 * @example isHeadingLine("Image source: CoinGlass") // => false
 */
export function isHeadingLine(line: string): boolean {
  const t = line.trim();
  const words = t.split(/\s+/).filter((w) => /\p{L}{2,}/u.test(w));
  if (t.length < 6 || t.length > 110 || words.length < 3 || words.length > 18) return false;
  if (/[.,;!]$/.test(t) || (/\?$/.test(t) && t.length > 70)) return false;
  if (CAPTION.test(t) || /[|]|\d{1,2}:\d{2}|\p{Script=Han}/u.test(t)) return false;
  if (chromeSpans(t).length > 0) return false;
  // a heading is a title, not a sentence run on after a colon ("Bitcoin: Crashed to ~$60,000 …")
  return !/:\s+\S.{40,}/.test(t);
}

/**
 * A kebab-case id from a heading: its first five words of letters and digits, lower case.
 * @example sectionIdOf("📉 The Tech Sector Carnage — Updated Market Reality") // => "the-tech-sector-carnage-updated"
 */
export function sectionIdOf(heading: string): string {
  const words = heading.toLowerCase().normalize("NFKD").replace(/[^a-z0-9\s]+/g, " ").split(/\s+/).filter(Boolean);
  return words.slice(0, 5).join("-");
}

/**
 * The shortest prefix of the line starting at `at` (from `min` characters, ending at a word end)
 * that occurs exactly once in `text`; the whole line when no shorter one does.
 * @example uniquePrefix("Up 5%. Up 5% today\nUp 6%", 7) // => "Up 5% today"
 */
export function uniquePrefix(text: string, at: number, min = 24): string {
  const eol = text.indexOf("\n", at);
  const line = text.slice(at, eol === -1 ? text.length : eol).trimEnd();
  for (let n = Math.min(min, line.length); n <= line.length; n++) {
    if (n < line.length && /\S/.test(line[n])) continue;
    const p = line.slice(0, n).trimEnd();
    if (p && countOccurrences(text, p) === 1) return p;
  }
  return line;
}

/** The lines of `text` with their offsets, blank lines left out. */
function contentLines(text: string): { at: number; line: string }[] {
  const out: { at: number; line: string }[] = [];
  let at = 0;
  for (const line of text.split("\n")) {
    if (line.trim() !== "") out.push({ at: at + (line.length - line.trimStart().length), line: line.trim() });
    at += line.length + 1;
  }
  return out;
}

/** The first `n` words of a text, with "…" when cut. */
function openingWords(text: string, n: number): string {
  const words = text.split(/\s+/).filter(Boolean);
  return words.slice(0, n).join(" ") + (words.length > n ? "…" : "");
}

/**
 * The sections of an article (see the module comment), in order, as data/sections.csv rows.
 * @example splitSections("Title line\nPart One Begins Here\nText of one.\nPart Two Begins Here\nText of two.", "a").map((s) => s.section) // => ["lead", "part-one-begins-here", "part-two-begins-here"]
 */
export function splitSections(text: string, articleId: string, title = ""): SectionRow[] {
  const lines = contentLines(text);
  if (lines.length === 0) return [];
  const [first, ...rest] = lines;
  // a line printed twice is not a heading (comment threads repeat "Happy New Year!")
  const heads = rest.filter((l, k) => isHeadingLine(l.line) && k + 1 < rest.length && countOccurrences(text, l.line) === 1);
  const opens: { at: number; heading: string; level: number; kind: Section["kind"] }[] = [{ at: first.at, heading: title || first.line, level: 1, kind: "lead" }];
  if (heads.length >= 2) {
    let seenLevel1 = false;
    for (const h of heads) {
      const level = /:$/.test(h.line) && seenLevel1 ? 2 : 1;
      if (level === 1) seenLevel1 = true;
      opens.push({ at: h.at, heading: h.line.replace(/:$/, ""), level, kind: "heading" });
    }
  } else {
    // runs of paragraphs of about 600 characters, titled by their opening words
    let size = first.line.length;
    for (const p of rest) {
      if (size >= 600) {
        opens.push({ at: p.at, heading: openingWords(p.line, 8), level: 1, kind: "theme" });
        size = 0;
      }
      size += p.line.length;
    }
  }
  const used = new Set<string>();
  return opens.map((o, k) => {
    let id = k === 0 ? "lead" : sectionIdOf(o.heading) || `section-${k + 1}`;
    for (let n = 2; used.has(id); n++) id = `${sectionIdOf(o.heading) || "section"}-${n}`;
    used.add(id);
    return { article: articleId, order: k + 1, section: id, heading: o.heading, level: o.level, kind: o.kind, starts_with: uniquePrefix(text, o.at), start: o.at };
  });
}
